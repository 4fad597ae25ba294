import json

import pytest
from nameko.exceptions import RemoteError
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from gateway.messages import language_of
from gateway.problems import PROBLEM_JSON, response_for, response_to, sent_as
from infra.errors import Conflict, FieldError, NotFound, ValidationFailed, from_remote


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


def test_problems_are_thai_by_default_with_fields_left_as_sent():
    error = ValidationFailed.on("members.0.national_id", "check digit does not match")
    response = response_for(error)
    assert response.headers["Content-Language"] == "th"
    assert response.headers["Vary"] == "Accept-Language"
    assert body(response) == {
        "type": "/problems/invalid-input",
        "title": "ข้อมูลไม่ถูกต้อง",
        "status": 422,
        "detail": "members.0.national_id: เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง",
        "errors": [
            {
                "field": "members.0.national_id",
                "message": "เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง",
                "pointer": "#/members/0/national_id",
            }
        ],
    }


def test_problems_are_english_on_request():
    response = response_for(NotFound("household 42 not found"), "en")
    assert response.headers["Content-Language"] == "en"
    assert response.headers["Vary"] == "Accept-Language"
    assert body(response)["title"] == "Not found"
    assert body(response)["detail"] == "household 42 not found"


def test_the_gateway_own_problems_are_thai_too():
    missing = response_for(werkzeug_not_found())
    assert body(missing)["title"] == "ไม่พบข้อมูล" and body(missing)["type"] == "/problems/not-found"
    assert body(response_for(RemoteError("KeyError", "x")))["title"] == "ระบบขัดข้อง"


def test_a_message_missing_from_the_catalogue_stays_english():
    assert body(response_for(Conflict("something new happened")))["detail"] == (
        "something new happened"
    )


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [
        (None, "th"),
        ("", "th"),
        ("th", "th"),
        ("en", "en"),
        ("en-US", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("fr", "th"),
        ("fr, en;q=0.5", "en"),
        ("th;q=0.5, en;q=0.9", "en"),
        ("en;q=0.1, th", "th"),
        ("th;q=0, en", "en"),
        ("*", "th"),
        ("not a header;;q=x", "th"),
    ],
)
def test_the_language_follows_accept_language(accept_language, language):
    assert language_of(accept_language) == language


def werkzeug_not_found():
    from werkzeug.exceptions import NotFound as NoRoute

    return NoRoute()


def test_a_field_the_gateway_filled_from_a_header_is_named_as_the_header():
    request = Request(EnvironBuilder(headers={"Accept-Language": "en-US,en;q=0.9"}).get_environ())
    sent_as(request, "client_key", "Idempotency-Key")
    reused = ValidationFailed.on("client_key", "already used for a different request")
    answer = body(response_to(request, reused))
    assert answer["detail"] == "Idempotency-Key: already used for a different request"
    assert [(e["field"], e["pointer"]) for e in answer["errors"]] == [
        ("Idempotency-Key", "#/Idempotency-Key")
    ]
