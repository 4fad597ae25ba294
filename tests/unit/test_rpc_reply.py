"""RPC replies are encoded once, exactly as they are published."""

import json
from datetime import UTC, datetime

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
