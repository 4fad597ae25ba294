import json
import logging

import pytest
import structlog
from nameko.containers import ServiceContainer
from nameko.extensions import Entrypoint
from nameko.testing.services import entrypoint_hook

from infra.errors import ValidationFailed
from infra.logs import REDACTED, configure_logging, get_logger, redact

NATIONAL_ID = "1101700230708"


def test_sensitive_keys_are_replaced_at_any_depth():
    event = {"member": {"national_id": NATIONAL_ID, "first_name": "Somchai"}, "income": 5}
    assert redact(event) == {
        "member": {"national_id": REDACTED, "first_name": "Somchai"},
        "income": REDACTED,
    }


def test_national_id_shaped_text_is_blanked():
    assert NATIONAL_ID not in redact(f"duplicate key ({NATIONAL_ID}) in index")
    assert "1-1017-00230-70-8" not in redact("id 1-1017-00230-70-8 seen")
    assert redact("uuid 108cd636-24a5-4eda-9ab1-5ea43878937a") == (
        "uuid 108cd636-24a5-4eda-9ab1-5ea43878937a"
    )


def test_log_lines_are_json_without_personal_data(capsys):
    configure_logging("households")
    structlog.contextvars.bind_contextvars(correlation_id="abc")
    get_logger("test").info("member.added", national_id=NATIONAL_ID, village_code="24010101")
    logging.getLogger("sqlalchemy").error("failed with parameters (%s, 'x')", NATIONAL_ID)
    structlog.contextvars.clear_contextvars()
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["national_id"] == REDACTED
    assert lines[0]["correlation_id"] == "abc" and lines[0]["service"] == "households"
    assert NATIONAL_ID not in json.dumps(lines)


class _Plain(Entrypoint):
    """An entrypoint with no transport, driven by entrypoint_hook."""


class _SelfLogging(_Plain):
    """Like the gateway's routes: an access line per request, a 5xx's traceback logged once."""

    logs_own_outcome = True


class _Service:
    name = "logged"

    @_SelfLogging.decorator(expected_exceptions=ValidationFailed)
    def route(self):
        raise RuntimeError("boom")

    @_Plain.decorator(expected_exceptions=ValidationFailed)
    def refuse(self):
        raise ValidationFailed.on("area", "not a village code")

    @_Plain.decorator(expected_exceptions=ValidationFailed)
    def crash(self):
        raise RuntimeError("boom")


def _worker_lines(capsys, method):
    configure_logging("logged")
    container = ServiceContainer(_Service, {})
    with (
        entrypoint_hook(container, method) as hook,
        pytest.raises((ValidationFailed, RuntimeError)),
    ):
        hook()
    out = capsys.readouterr().out.splitlines()
    return [json.loads(line) for line in out if "error handling worker" in line]


def test_an_expected_error_is_one_info_line_without_a_traceback(capsys):
    lines = _worker_lines(capsys, "refuse")
    assert len(lines) == 1 and lines[0]["level"] == "info"
    assert "exception" not in lines[0] and "Traceback" not in json.dumps(lines)


def test_an_unexpected_error_logs_its_traceback_once(capsys):
    lines = _worker_lines(capsys, "crash")
    assert len(lines) == 1 and lines[0]["level"] == "error"
    assert "Traceback" in lines[0]["exception"]


def test_an_entrypoint_that_logs_its_own_outcome_is_not_logged_twice(capsys):
    assert _worker_lines(capsys, "route") == []
