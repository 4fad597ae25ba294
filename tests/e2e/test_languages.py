"""Problems speak Thai by default and English when Accept-Language prefers it; the field and
pointer stay as the client sent them, whatever the language."""

import uuid

import pytest
import requests

from gateway.messages import translated

PROBLEM = "application/problem+json"
THAI, ENGLISH = {}, {"Accept-Language": "en-US,en;q=0.9,th;q=0.5"}


def call(system, method, path, languages, **kwargs):
    headers = {"Authorization": f"Bearer {system.admin_token}", **languages}
    headers.update(kwargs.pop("headers", {}))
    return requests.request(method, f"{system.url}{path}", headers=headers, timeout=10, **kwargs)


def person(national_id=None):
    body = {
        "username": f"lang.{uuid.uuid4().hex[:8]}",
        "display_name": "Volunteer",
        "roles": ["volunteer_leader"],
        "areas": ["24010101"],
    }
    return body if national_id is None else {**body, "national_id": national_id}


def in_language(answer, status, language):
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"] == PROBLEM
    assert answer.headers["Content-Language"] == language
    assert "Accept-Language" in answer.headers["Vary"]
    return answer.json()


@pytest.mark.parametrize("languages", [THAI, {"Accept-Language": "fr"}], ids=["none", "fr"])
def test_a_field_error_is_thai_unless_english_is_asked_for(system, languages):
    bad_check_digit = person("1101700230709")
    thai = in_language(
        call(system, "POST", "/api/v1/people", languages, json=bad_check_digit), 422, "th"
    )
    english = in_language(
        call(system, "POST", "/api/v1/people", ENGLISH, json=bad_check_digit), 422, "en"
    )
    assert (thai["title"], english["title"]) == ("ข้อมูลไม่ถูกต้อง", "Invalid input")
    assert thai["type"] == english["type"] == "/problems/invalid-input"
    named = [(e["field"], e["pointer"]) for e in english["errors"]]
    assert named == [(e["field"], e["pointer"]) for e in thai["errors"]]
    assert ("national_id", "#/national_id") in named
    said = {e["field"]: e["message"] for e in thai["errors"]}
    assert said["national_id"] == "เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง"
    assert {e["field"]: e["message"] for e in english["errors"]}["national_id"] == (
        "check digit does not match"
    )


def test_a_404_is_thai_by_default_and_english_on_request(system):
    missing = f"/api/v1/people/{uuid.uuid4()}"
    thai = in_language(call(system, "GET", missing, THAI), 404, "th")
    english = in_language(call(system, "GET", missing, {"Accept-Language": "en"}), 404, "en")
    person_id = missing.rsplit("/", 1)[1]
    assert (thai["title"], thai["detail"]) == ("ไม่พบข้อมูล", f"ไม่พบบุคคล {person_id}")
    assert (english["title"], english["detail"]) == ("Not found", f"person {person_id} not found")
    unrouted = in_language(call(system, "GET", "/api/v1/no-such-thing", THAI), 404, "th")
    assert unrouted["title"] == "ไม่พบข้อมูล"


def test_a_412_is_thai_by_default_and_english_on_request(system):
    created = call(system, "POST", "/api/v1/people", ENGLISH, json=person())
    assert created.status_code == 201, created.text
    path, first_tag = created.headers["Location"], created.headers["ETag"]
    change = {**person(), "username": created.json()["username"], "areas": ["24010102"]}
    changed = call(system, "PUT", path, ENGLISH, json=change, headers={"If-Match": first_tag})
    assert changed.status_code == 200, changed.text
    stale = {"If-Match": first_tag}
    thai = in_language(call(system, "PUT", path, THAI, json=change, headers=stale), 412, "th")
    english = in_language(call(system, "PUT", path, ENGLISH, json=change, headers=stale), 412, "en")
    assert (thai["title"], english["title"]) == ("ข้อมูลถูกแก้ไขไปแล้ว", "Precondition failed")
    assert thai["detail"] == translated(english["detail"], "th") != english["detail"]
    assert thai["current_version"] == english["current_version"] == 2
