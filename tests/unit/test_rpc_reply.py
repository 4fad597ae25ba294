"""RPC replies are encoded once, exactly as they are published."""

import json
from datetime import UTC, datetime

from sqlalchemy.exc import OperationalError

from infra.errors import ServiceUnavailable, from_remote
from infra.rpc import _reply


def test_a_plain_result_is_encoded_once_with_no_error():
    text, result = _reply({"id": "h1", "size": 3}, None)
    assert json.loads(text) == {"result": {"id": "h1", "size": 3}, "error": None}
    assert result == {"id": "h1", "size": 3}


def test_a_result_json_cannot_carry_comes_back_as_an_error_not_a_silent_timeout():
    text, result = _reply({"at": datetime.now(UTC)}, None)
    reply = json.loads(text)
    assert reply["result"] is None and result is None
    assert reply["error"]["exc_type"] == "UnserializableValueError"


def test_a_database_that_cannot_be_reached_is_answered_as_unavailable_with_retry_after():
    lost = OperationalError("SELECT secret FROM households", {}, Exception("server closed"))
    reply = json.loads(_reply(None, (OperationalError, lost, None))[0])
    refusal = from_remote(reply["error"]["exc_type"], reply["error"]["value"])
    assert isinstance(refusal, ServiceUnavailable) and refusal.extra["retry_after"] == 5
    assert "SELECT" not in reply["error"]["value"]


def test_other_errors_travel_as_they_are():
    reply = json.loads(_reply(None, (ValueError, ValueError("bad"), None))[0])
    assert reply["error"]["exc_type"] == "ValueError"
