import json
import logging

import structlog

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
