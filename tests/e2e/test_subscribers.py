"""Outside systems subscribe, over HTTP: an administrator registers an endpoint, a household
registered through the API reaches it signed (Standard Webhooks), and the event can be replayed
since a cursor; anyone else is refused; bad input is 422 naming the field."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.test_households import household_body
from tests.e2e.test_teams import PASSWORD, Client, fields_of
from tests.integration.notifications.peers import HttpPeer
from tests.support.waiting import wait_for

TAMBON, VILLAGE = "240111", "24011101"  # no other test works here


@pytest.fixture(scope="module")
def receiver():
    peer = HttpPeer().start()
    yield peer
    peer.stop()


def ok(answer, status=200):
    assert answer.status_code == status, answer.text
    return answer


def test_a_registered_system_receives_a_household_change_signed_and_can_replay_it(system, receiver):
    admin = Client(system.url, system.admin_token)
    body = {
        "name": "provincial data warehouse",
        "url": receiver.url("/warehouse"),
        "event_types": ["household_registered"],
        "areas": [TAMBON],
    }
    made = ok(admin.call("POST", "/api/v1/subscriptions", body), 201).json()
    assert (
        made["secret"].startswith("whsec_")
        and "secret" not in admin.call("GET", f"/api/v1/subscriptions/{made['id']}").json()
    )
    receiver.secrets["/warehouse"] = made["secret"]

    household = ok(
        admin.call("POST", "/api/v1/households", {**household_body(), "village_code": VILLAGE}),
        201,
    ).json()

    call = wait_for(lambda: receiver.at("/warehouse"), timeout=30, what="the webhook")[0]
    assert call["verified"]  # the raw body against the secret shown once
    assert call["body"]["event_type"] == "household_registered"
    assert call["body"]["data"]["household_id"] == household["id"]

    replayed = wait_for(
        lambda: admin.call("GET", "/api/v1/events", subscription_id=made["id"]).json()["items"],
        what="the event to replay",
    )
    assert [e["event_id"] for e in replayed] == [call["body"]["event_id"]]
    log = ok(admin.call("GET", f"/api/v1/subscriptions/{made['id']}/deliveries")).json()
    assert [d["status"] for d in log["items"]] == ["sent"]
    ok(admin.call("DELETE", f"/api/v1/subscriptions/{made['id']}"), 204)
    assert admin.call("GET", f"/api/v1/subscriptions/{made['id']}").status_code == 404


def test_only_administrators_subscribe_or_replay(system):
    admin = Client(system.url, system.admin_token)
    username = f"sub-expert.{uuid.uuid4().hex[:6]}"
    person = {"username": username, "display_name": "Expert", "roles": ["district_expert"],
              "areas": ["2401"], "password": PASSWORD}  # fmt: skip
    ok(admin.call("POST", "/api/v1/people", person), 201)
    expert = Client(system.url, system.token(username, PASSWORD))
    body = {"name": "x", "url": "https://x.example/", "event_types": ["household_registered"]}
    assert expert.call("POST", "/api/v1/subscriptions", body).status_code == 403
    assert expert.call("GET", "/api/v1/subscriptions").status_code == 403
    assert expert.call("GET", "/api/v1/events").status_code == 403


@pytest.mark.parametrize(
    "change, field",
    [
        ({"url": "ftp://x.example/"}, "url"),
        ({"url": "https://x.example/\u0000"}, "url"),
        ({"name": "a\u0000b"}, "name"),
        ({"event_types": ["no_such_event"]}, "event_types.0"),
        ({"event_types": []}, "event_types"),
        ({"areas": ["99999999"]}, "areas.0"),
    ],
)
def test_bad_input_is_refused_naming_the_field(system, change, field):
    admin = Client(system.url, system.admin_token)
    body = {"name": "x", "url": "https://x.example/", "event_types": ["household_registered"]}
    answer = admin.call("POST", "/api/v1/subscriptions", {**body, **change})
    assert answer.status_code == 422 and field in fields_of(answer), answer.text


def test_the_event_catalogue_is_served_next_to_the_openapi_document(system):
    document = ok(Client(system.url, "").call("GET", "/asyncapi.json")).json()
    assert document["asyncapi"] == "3.0.0"
    assert "households.household_registered" in document["channels"]
