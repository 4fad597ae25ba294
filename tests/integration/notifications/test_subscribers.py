"""Outside systems subscribe: a published event reaches a subscribed endpoint once, signed per
Standard Webhooks, in its types and areas, without personal data unless granted; an endpoint that
fails is retried, parked and replayed; the event log replays everything since a cursor."""

from __future__ import annotations

from typing import Any

from infra.catalogue import published
from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event, rpc
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import ADMIN
from tests.support.waiting import wait_for

INCOME = ("income_per_person_thb", "previous_income_per_person_thb")


def example(event_type: str, **changes: Any) -> dict[str, Any]:
    item = next(p for p in published() if p.event_type == event_type)
    data = {**item.contract.example, **changes}
    return ev.envelope(item.source, event_type, item.contract.version, **data)


def subscribe(config, http_peer, path: str, **fields: Any) -> dict[str, Any]:
    payload = {"name": f"system {path}", "url": http_peer.url(path), **fields}
    made = rpc(config, "notifications", "create_subscription", ADMIN, payload)
    http_peer.secrets[path] = made["secret"]
    return made


def events(config, **query: Any) -> list[dict[str, Any]]:
    return rpc(config, "notifications", "list_events", ADMIN, query)["items"]


def test_an_event_reaches_each_subscribed_system_signed_and_only_granted_personal_data(
    make_notifications_config, start_service, amqp_uri, http_peer
):
    config = make_notifications_config(replay_settle_seconds=0)
    start_service(NotificationsService, config)
    kinds = ["household_income_fell"]
    plain = subscribe(config, http_peer, "/plain", event_types=kinds, areas=["2401"])
    subscribe(config, http_peer, "/granted", event_types=kinds, personal_data=True)
    subscribe(config, http_peer, "/elsewhere", event_types=kinds, areas=["10"])

    fell = example("household_income_fell", household_id=ev.new_id(), village_code=ev.VILLAGE)
    publish_event(amqp_uri, fell)
    publish_event(amqp_uri, fell)  # a duplicate changes nothing
    publish_event(amqp_uri, example("visit_logged", household_id=ev.new_id()))  # not subscribed

    plain_call = wait_for(lambda: http_peer.at("/plain"), what="the plain webhook")[0]
    granted_call = wait_for(lambda: http_peer.at("/granted"), what="the granted webhook")[0]
    assert plain_call["verified"] and granted_call["verified"]
    body = plain_call["body"]
    assert (body["event_id"], body["event_type"]) == (fell["event_id"], "household_income_fell")
    assert body["area_code"] == ev.VILLAGE and body["cursor"].isdigit()
    assert not set(INCOME) & set(body["data"])
    assert granted_call["body"]["data"]["income_per_person_thb"] == fell["data"][INCOME[0]]

    logged = wait_for(lambda: events(config, types=kinds), what="the event in the log")
    assert [e["event_id"] for e in logged] == [fell["event_id"]]
    assert events(config, subscription_id=plain["id"]) == [body]
    assert events(config, after=int(body["cursor"]), types=kinds) == []
    assert http_peer.at("/elsewhere") == []
    sent = rpc(config, "notifications", "list_subscription_deliveries", ADMIN, plain["id"], {})
    assert [d["status"] for d in sent["items"]] == ["sent"]


def test_a_failing_system_is_retried_then_parked_and_replayed(
    make_notifications_config, start_service, amqp_uri, http_peer
):
    config = make_notifications_config(replay_settle_seconds=0)
    start_service(NotificationsService, config)
    made = subscribe(config, http_peer, "/down", event_types=["visit_overdue"])
    http_peer.script[:] = [500, 503, 500]  # three attempts in all, then parked

    publish_event(amqp_uri, example("visit_overdue", household_id=ev.new_id()))

    def parked() -> list[dict[str, Any]]:
        query = {"status": "parked"}
        found = rpc(
            config, "notifications", "list_subscription_deliveries", ADMIN, made["id"], query
        )
        return found["items"]

    delivery = wait_for(parked, what="the parked delivery")[0]
    assert delivery["attempts"] == 3 and delivery["last_error"] == "system_webhook: HTTP 500"
    replayed = rpc(
        config, "notifications", "replay_subscription_delivery", ADMIN, made["id"], delivery["id"]
    )
    assert replayed["status"] == "pending"
    wait_for(lambda: len(http_peer.at("/down")) == 4, what="the replayed webhook")
    calls = http_peer.at("/down")
    assert all(c["verified"] for c in calls)
    assert len({c["headers"]["webhook-id"] for c in calls}) == 1
