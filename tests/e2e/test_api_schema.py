"""schemathesis against the live `/openapi.json`: no route answers 5xx or breaks its own schema.

Run through schemathesis' command line (its pytest plugin does not support pytest 9 yet), against
a system of its own: with the administrator's token it really changes things (passwords,
deactivations) that other tests' shared system must not see. The access matrix's world is built
in it first, so the fuzzer meets real objects of every kind, and a stock of related objects that
the hooks put into valid requests (fuzz_stock.py): the document states every shape the server
checks, and valid requests are then accepted (2xx, or 409 for a repeat), so schemathesis'
"validation mismatch" fails the run for any operation (schemathesis.toml). Its rate limits are
lifted (per person and per login), so the fuzzer's bursts are answered by the routes, not by 429.

SMILE_SCHEMATHESIS_ONLY="GET /api/v1/areas/{code};PUT /api/v1/savings-groups/{savings_group_id}"
runs only the operations named (`;` between them), for a quick look at a few.
SMILE_FUZZ_REPORT=har,ndjson adds the report that tests/e2e/fuzz_outcomes.py reads: what the
valid cases of each operation met, where a "validation mismatch" comes from.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.e2e import fuzz_stock
from tests.e2e.access_setup import build
from tests.e2e.conftest import launch
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template

HOOKS = Path(__file__).with_name("schemathesis_hooks.py")
CONFIG = Path(__file__).with_name("schemathesis.toml")
UNLIMITED = {"RATE_LIMIT_PER_PERSON": "1000000000/minute", "RATE_LIMIT_LOGIN": "1000000000/minute"}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, rabbit_admin):
    yield from fuzzed_system(tmp_path_factory, rabbit_admin, "sqlite")


def fuzzed_system(tmp_path_factory, rabbit_admin, backend: str):
    """A system to fuzz on `backend` (test_api_schema_postgresql.py runs the same fuzzing on
    PostgreSQL, which refuses what SQLite lets through: NUL, lengths), with its stock."""
    folder, prefix = tmp_path_factory.mktemp(f"fuzzed-{backend}"), new_prefix()
    settings = {"DATABASE_URL": postgres_template(prefix)} if backend == "postgresql" else {}
    try:
        for system in launch(folder, rabbit_admin, **UNLIMITED, **settings):
            stock = folder / "stock.json"
            stock.write_text(json.dumps(fuzz_stock.build(build(system))))
            yield system, stock
    finally:
        if settings:
            drop_postgres_databases(prefix)


CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)


def test_no_route_answers_5xx_or_breaks_its_schema(fuzzed, tmp_path):
    fuzz(*fuzzed, tmp_path)


def fuzz(system, stock, tmp_path) -> None:
    schemathesis = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run(
        [
            str(schemathesis),
            f"--config-file={CONFIG}",
            "run",
            f"{system.url}/openapi.json",
            "--checks",
            CHECKS,
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            os.environ.get("SMILE_FUZZ_EXAMPLES", "5"),  # with the coverage phase: ~10,000 requests
            "--workers",
            "2",
            "--seed",
            "2026",
            "--header",
            f"Authorization: Bearer {system.admin_token}",
            "--suppress-health-check",
            "all",
            "--request-timeout",
            "15",
            "--report",
            os.environ.get(
                "SMILE_FUZZ_REPORT", "har"
            ),  # every request and answer, in schemathesis-report/ beside schemathesis.txt
            *only(),
        ],
        capture_output=True,
        text=True,
        timeout=1800,  # minutes on a busy machine: the ETag reads add a GET per valid change
        cwd=tmp_path,
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": str(HOOKS),
            "SMILE_BASE_URL": system.url,  # the hooks read ETags as the administrator
            "SMILE_TOKEN": system.admin_token,
            "SMILE_ADMIN_ID": admin_id(system),
            "SMILE_STOCK": str(stock),  # related objects for valid requests (fuzz_stock.py)
        },
    )
    (tmp_path / "schemathesis.txt").write_text(run.stdout)  # the whole report, warnings too
    assert run.returncode == 0, failures(run.stdout) + run.stderr[-2000:]


def only() -> list[str]:
    """`--include-name` for each operation SMILE_SCHEMATHESIS_ONLY names (none: all of them)."""
    names = os.environ.get("SMILE_SCHEMATHESIS_ONLY", "").split(";")
    return [f"--include-name={name.strip()}" for name in names if name.strip()]


def admin_id(system) -> str:
    me = requests.get(
        f"{system.url}/api/v1/me",
        headers={"Authorization": f"Bearer {system.admin_token}"},
        timeout=10,
    )
    assert me.status_code == 200, me.text
    return me.json()["id"]


def failures(report: str) -> str:
    """What failed, first line first (the line pytest's summary keeps): the test cases' tally and
    the phases that did not pass; then schemathesis' ERRORS and FAILURES sections (its warnings
    come after and can be long), and the operations it found the validation stricter than the
    document for."""
    cases = report.find("Test cases:")
    tally = " ".join(report[cases:].split("\n")[:2]).split() if cases >= 0 else []
    lines = (line.strip() for line in report.splitlines())
    troubled = [line for line in lines if line.startswith(("❌", "🚫", "⚠️"))]
    headline = " ".join(tally) + (" | " + "; ".join(troubled) if troubled else "")
    sections = [_section(report, name) for name in ("ERRORS", "FAILURES")]
    mismatch = report.find("Schema validation mismatch:")
    listed = report[mismatch : report.find("💡", mismatch)] if mismatch >= 0 else ""
    body = "".join(sections) + listed or report[-6000:]
    return f"{headline or 'schemathesis failed'}\n{body}"


def _section(report: str, name: str) -> str:
    """One `==== NAME ====` section of schemathesis' report, up to the next one."""
    start = report.find(f" {name} ===")
    if start < 0:
        return ""
    end = report.find("\n====", start)
    return report[start : end if end >= 0 else len(report)]
