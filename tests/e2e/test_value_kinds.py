"""Issue 11 items 5-8 over HTTP: the reproductions that were accepted are now 422 naming the field,
and one national ID in its four spellings is one person."""

from __future__ import annotations

import json
import random
import uuid

import pytest
import requests

from tests.e2e.test_teams import Client, fields_of
from tests.integration.helpers import national_id
from tests.support.digits import fullwidth

VILLAGE = "24010601"  # no other e2e test registers households here
FAR = "9999-12-31"


@pytest.fixture(scope="module")
def admin(system):
    return Client(system.url, system.admin_token)


def household(nid: str) -> dict:
    member = {"first_name": "Somchai", "last_name": "Dee", "national_id": nid, "is_head": True}
    return {"village_code": VILLAGE, "size": 1, "members": [member]}


def raw_post(client: Client, path: str, text: str) -> requests.Response:
    """A body sent exactly as written (a JSON number is not re-spelt by a JSON library)."""
    headers = {"Authorization": f"Bearer {client.token}", "Content-Type": "application/json"}
    return requests.post(f"{client.url}{path}", data=text.encode(), headers=headers, timeout=10)


def test_one_national_id_in_four_spellings_is_one_person(admin):
    nid = national_id(random.randrange(10**9, 10**10))
    first = admin.call("POST", "/api/v1/households", household(nid))
    assert first.status_code == 201, first.text
    dashed = f"{nid[0]}-{nid[1:5]}-{nid[5:10]}-{nid[10:12]}-{nid[12]}"
    for spelling in (fullwidth(nid), f"{nid} ", dashed):
        again = admin.call("POST", "/api/v1/households", household(spelling))
        assert again.status_code in (409, 422), again.text
        assert fields_of(again) == ["members.0.national_id"]
    listed = admin.call("GET", "/api/v1/households", area=VILLAGE, limit=200).json()["items"]
    assert [h["id"] for h in listed if h["id"] == first.json()["id"]] == [first.json()["id"]]
    stored = admin.call("GET", f"/api/v1/households/{first.json()['id']}").json()
    assert [m["national_id"] for m in stored["members"]] == [nid]


@pytest.mark.parametrize(
    "amount", ['"1e3"', '"1_000.00"', '" 100.00"', "1e3", "38000.0000000000001"]
)
def test_money_in_a_loose_spelling_or_finer_than_a_satang_is_refused(admin, amount):
    body = json.dumps(household(national_id(random.randrange(10**9, 10**10))))
    body = body[:-1] + f', "annual_income_thb": {amount}}}'
    answer = raw_post(admin, "/api/v1/households", body)
    assert answer.status_code == 422 and fields_of(answer) == ["annual_income_thb"], answer.text


@pytest.mark.parametrize("code", ["99999999", "99", "240101\u0e50\u0e51"])
def test_targeting_an_area_that_does_not_exist_is_refused(admin, code):
    answer = admin.call("POST", "/api/v1/targeting", {"area_code": code, "survey_year": 2026})
    assert answer.status_code == 422 and fields_of(answer) == ["area_code"], answer.text


@pytest.mark.parametrize("village", ["24010100", "240101\u0e50\u0e51"])
def test_a_village_that_does_not_exist_is_not_registered(admin, village):
    body = {**household(national_id(random.randrange(10**9, 10**10))), "village_code": village}
    answer = admin.call("POST", "/api/v1/households", body)
    assert answer.status_code == 422 and fields_of(answer) == ["village_code"], answer.text


def test_dates_out_of_their_range_are_refused(admin):
    nobody = str(uuid.uuid4())
    run = admin.call("POST", "/api/v1/arrears-runs", {"as_of": FAR})
    assert run.status_code == 422 and fields_of(run) == ["as_of"], run.text
    hid = admin.call(
        "POST", "/api/v1/households", household(national_id(random.randrange(10**9, 10**10)))
    ).json()["id"]
    visit = {"visited_at": "0001-01-01T00:00:00+00:00", "notes": "x", "wellbeing": 3}
    answer = admin.call("POST", f"/api/v1/households/{hid}/visits", visit)
    assert answer.status_code == 422 and fields_of(answer) == ["visited_at"], answer.text
    task = {"title": "Train", "due_on": FAR}
    answer = admin.call("POST", f"/api/v1/action-plans/{nobody}/tasks", task, etag='"1"')
    assert answer.status_code == 422 and fields_of(answer) == ["due_on"], answer.text
    joining = {"first_name": "Malee", "last_name": "Dee", "joined_on": FAR}
    answer = admin.call("POST", f"/api/v1/savings-groups/{nobody}/members", joining)
    assert answer.status_code == 422 and fields_of(answer) == ["joined_on"], answer.text
