"""`make test` runs the suite as the sessions of tests/parallel.py: each test file is in exactly
one of them, so a new folder of tests cannot be left out of the suite."""

from pathlib import Path

from tests.parallel import SESSIONS

ROOT = Path(__file__).resolve().parents[2]


def test_every_test_file_runs_in_exactly_one_session() -> None:
    files = sorted((ROOT / "tests").rglob("test_*.py"))
    assert files
    for file in files:
        holders = [name for name, arguments in SESSIONS.items() if runs(arguments, file)]
        assert len(holders) == 1, f"{file.relative_to(ROOT)} is in sessions {holders}"


def runs(arguments: list[str], file: Path) -> bool:
    ignored = [ROOT / a.removeprefix("--ignore=") for a in arguments if a.startswith("--ignore=")]
    paths = [ROOT / a for a in arguments if not a.startswith("-")]
    inside = any(file.is_relative_to(path) for path in paths)
    return inside and not any(file.is_relative_to(path) for path in ignored)
