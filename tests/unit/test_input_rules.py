import json

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from gateway.http import read_json, sent_json
from gateway.input_rules import MAX_DEPTH, refuse_forbidden_text
from infra.errors import BadRequest, ValidationFailed


def request(body: str | bytes = b"", query: str = "", path_values=None) -> Request:
    environ = EnvironBuilder(
        method="POST", query_string=query, data=body, content_type="application/json"
    ).get_environ()
    made = Request(environ)
    made.path_values = path_values or {}
    return made


def refused_fields(made: Request) -> list[str]:
    with pytest.raises(ValidationFailed) as refused:
        refuse_forbidden_text(made, sent_json(made))
    return [error.field for error in refused.value.errors]


def test_a_body_nested_thousands_deep_is_a_400_not_a_crash():
    with pytest.raises(BadRequest) as refused:
        read_json(request("[" * 5000 + "]" * 5000))
    assert refused.value.errors[0].field == "body"
    with pytest.raises(BadRequest):
        read_json(request('{"a":' * 5000 + "1" + "}" * 5000))


def test_nesting_up_to_the_bound_is_read_and_brackets_in_strings_do_not_count():
    assert read_json(request("[" * MAX_DEPTH + "]" * MAX_DEPTH)) is not None
    assert read_json(request(json.dumps({"note": "[" * 5000}))) == {"note": "[" * 5000}


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_are_refused(constant):
    with pytest.raises(BadRequest):
        read_json(request(f'{{"amount": {constant}}}'))


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\x1b[2J", "\r", "\x7f", "\x85"])
def test_forbidden_characters_in_body_values_name_the_field(bad):
    body = json.dumps({"name": "ok", "members": [{"first_name": f"Som{bad}chai"}]})
    assert refused_fields(request(body)) == ["members.0.first_name"]


def test_forbidden_characters_in_keys_name_the_object_holding_them():
    assert refused_fields(request(json.dumps({"a": {"b\x00": 1}}))) == ["a"]
    assert refused_fields(request(json.dumps({"\ud800": 1}))) == ["body"]


def test_query_and_path_parameters_are_held_to_the_same_rule():
    made = request(query="area=2401%00&stage=ok", path_values={"household_id": "x\x01"})
    assert refused_fields(made) == ["area", "household_id"]


def test_newline_tab_and_thai_text_pass():
    body = json.dumps({"note": "บ้าน\nเลขที่\t12", "amount": 1.5, "n": None, "ok": True})
    made = request(body, query="area=24010101")
    refuse_forbidden_text(made, sent_json(made))


def test_invalid_utf8_is_a_400():
    with pytest.raises(BadRequest):
        read_json(request(b'{"name": "\xed\xa0\x80"}'))


def test_query_and_path_bytes_that_are_not_utf8_are_refused_naming_them():
    made = request(query="team_id=a%ED%A0%80b&area=2401&%FF=1")
    made.environ["PATH_INFO"] = "/api/v1/teams/\xed\xa0\x80"  # WSGI: the raw bytes as latin-1
    assert refused_fields(made) == ["path", "team_id", "query"]


def test_a_whole_number_written_with_a_zero_fraction_is_an_integer_other_numbers_stay_as_written():
    body = '{"year": 2026.0, "below": -3.00, "money": 1500.50, "exponent": 1e3, "tiny": 0.10}'
    assert read_json(request(body)) == {
        "year": 2026,  # JSON Schema's integer: an integer field takes it
        "below": -3,
        "money": "1500.50",
        "exponent": "1e3",  # refused by the fields that read it, as before
        "tiny": "0.10",
    }
