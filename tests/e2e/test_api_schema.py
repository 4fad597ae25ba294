"""schemathesis against the live `/openapi.json`: no route answers 5xx or breaks its own schema.

Run through schemathesis' command line (its pytest plugin does not support pytest 9 yet), against
a system of its own: with the administrator's token it really changes things (passwords,
deactivations) that other tests' shared system must not see. The access matrix's world is built
in it first, so the fuzzer meets real objects of every kind. Its rate limits are lifted (per
person and per login), so the fuzzer's bursts are answered by the routes, not by 429.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.access_setup import build
from tests.e2e.conftest import launch

HOOKS = Path(__file__).with_name("schemathesis_hooks.py")
UNLIMITED = {"RATE_LIMIT_PER_PERSON": "1000000000/minute", "RATE_LIMIT_LOGIN": "1000000000/minute"}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, rabbit_admin):
    for system in launch(tmp_path_factory.mktemp("fuzzed"), rabbit_admin, **UNLIMITED):
        build(system)
        yield system


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
    system = fuzzed
    schemathesis = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run(
        [
            str(schemathesis),
            "run",
            f"{system.url}/openapi.json",
            "--checks",
            CHECKS,
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "25",
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
            "har",  # every request and answer, in schemathesis-report/ beside schemathesis.txt
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)},
    )
    (tmp_path / "schemathesis.txt").write_text(run.stdout)  # the whole report, warnings too
    assert run.returncode == 0, failures(run.stdout) + run.stderr[-2000:]


def failures(report: str) -> str:
    """schemathesis' FAILURES section (its warnings come after and can be long)."""
    start = report.find("FAILURES")
    end = report.find("WARNINGS", start)
    return report[start:end] if start >= 0 else report[-6000:]
