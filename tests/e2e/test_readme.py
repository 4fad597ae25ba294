"""The README's walkthrough runs as printed, in order, against a system as `make run` leaves it
on a fresh clone (issue 13): every tagged command answers the status written beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ADMIN_PASSWORD, System, launch
from tests.e2e.walkthrough import README, Line, run, walkthrough_lines
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
README_ADDRESS = "http://127.0.0.1:8000"
README_PASSWORD = "'the password make run printed'"
READ_ID = "python3 -c 'import json, sys; print(json.load(sys.stdin)[\"id\"])'"
SECTIONS = {
    "Signing in",
    "Try it",
    "Teams workflows",
    "Households workflows",
    "Savings groups and loans",
    "Notifications and escalations",
}


@pytest.fixture(scope="module", params=BACKENDS)
def fresh(request, tmp_path_factory, rabbit_admin) -> Iterator[System]:
    """A system of its own (the walkthrough's usernames and IDs would clash with other tests')."""
    settings: dict[str, object] = {}
    prefix = new_prefix()
    if request.param == "postgresql":
        settings["DATABASE_URL"] = postgres_template(prefix)
    try:
        yield from launch(
            tmp_path_factory.mktemp(f"readme-{request.param}"), rabbit_admin, **settings
        )
    finally:
        if request.param == "postgresql":
            drop_postgres_databases(prefix)


def substitutions(system: System) -> dict[str, str]:
    return {README_ADDRESS: system.url, README_PASSWORD: f"'{ADMIN_PASSWORD}'"}


def workdir(tmp_path: Path) -> Path:
    """Where the commands run: as from the clone's root (for docs/examples/bmn.csv)."""
    (tmp_path / "docs").symlink_to(README.parent / "docs")
    return tmp_path


def test_the_walkthrough_spans_every_workflow_and_leaves_nothing_to_guess() -> None:
    lines = walkthrough_lines(README.read_text())
    assert {line.section for line in lines} >= SECTIONS
    commands = [
        line.text.split(" # ")[0] for line in lines if not line.text.lstrip().startswith("#")
    ]
    text = "\n".join(commands)
    assert text.count(README_ADDRESS) == 1 and README_PASSWORD in text  # what the test substitutes
    assert "localhost" not in text and "uuidgen" not in text
    assert not re.findall(r"<[a-z ]+>", text), "placeholders a reader must fill in"


def test_the_readme_walkthrough_runs_as_printed(fresh: System, tmp_path: Path) -> None:
    failure = run(walkthrough_lines(README.read_text()), substitutions(fresh), workdir(tmp_path))
    assert failure is None, str(failure)


def test_a_status_other_than_the_one_written_names_the_section_and_the_command(
    fresh: System, tmp_path: Path
) -> None:
    lines = [
        Line("Signing in", 10, f"BASE={README_ADDRESS}"),
        Line("Try it", 20, "curl -s $BASE/health   # → 200"),
        Line("Try it", 21, "curl -s $BASE/api/v1/me   # → 200 as printed, but without a token"),
    ]
    failure = run(lines, substitutions(fresh), workdir(tmp_path))
    assert failure is not None
    assert (failure.section, failure.readme_line) == ("Try it", 21)
    assert failure.command.startswith("curl -s $BASE/api/v1/me")
    assert "expected 200, got: 401" in failure.detail


def test_a_failing_command_stops_the_walkthrough_and_is_named(
    fresh: System, tmp_path: Path
) -> None:
    lines = [
        Line("Signing in", 10, f"BASE={README_ADDRESS}"),
        Line("Try it", 30, f"ID=$(curl -s $BASE/api/v1/me | {READ_ID})"),
        Line("Try it", 31, "curl -s $BASE/health   # → 200"),
    ]
    failure = run(lines, substitutions(fresh), workdir(tmp_path))
    assert failure is not None
    assert (failure.section, failure.readme_line) == ("Try it", 30)
    assert "401" in failure.detail
