"""`make test` runs the suite as the sessions of tests/parallel.py: each test file is in exactly
one of them, so a new folder of tests cannot be left out of the suite."""

from pathlib import Path

from tests.parallel import SESSIONS

ROOT = Path(__file__).resolve().parents[2]


def test_every_test_file_runs_in_exactly_one_session() -> None:
    paths = [ROOT / path for paths in SESSIONS.values() for path in paths]
    files = sorted((ROOT / "tests").rglob("test_*.py"))
    assert files
    for file in files:
        holders = [path for path in paths if file.is_relative_to(path)]
        assert len(holders) == 1, f"{file.relative_to(ROOT)} is in {len(holders)} sessions"
