import json

from nameko.exceptions import RemoteError
from werkzeug.exceptions import RequestEntityTooLarge

from gateway.problems import PROBLEM_JSON, response_for
from infra.errors import Conflict, FieldError, ValidationFailed, from_remote


def body(response):
    return json.loads(response.get_data())


def test_service_errors_keep_their_status_and_fields():
    response = response_for(ValidationFailed("bad", [FieldError("members.0.national_id", "x")]))
    assert response.status_code == 422 and response.mimetype == PROBLEM_JSON
    assert body(response)["errors"] == [
        {"field": "members.0.national_id", "message": "x", "pointer": "#/members/0/national_id"}
    ]


def test_errors_survive_the_trip_through_nameko():
    original = Conflict("taken", [FieldError("a", "b")], current_version=3)
    rebuilt = from_remote("Conflict", str(original))
    assert isinstance(rebuilt, Conflict) and rebuilt.to_dict() == original.to_dict()


def test_http_errors_become_problems():
    assert response_for(RequestEntityTooLarge()).status_code == 413


def test_unexpected_failures_hide_their_details():
    response = response_for(RemoteError("KeyError", "secret detail"))
    assert response.status_code == 502 and "secret" not in response.get_data(as_text=True)
    assert response_for(RuntimeError("boom")).status_code == 500
