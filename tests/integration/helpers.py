"""Helpers for integration tests: households payloads, broker queues, RPC from outside a service."""

from __future__ import annotations

import uuid
from typing import Any

from kombu import Connection, Queue
from nameko.standalone.events import get_event_exchange
from nameko.standalone.rpc import ClusterRpcProxy
from stdnum.th import pin

from infra.envelope import Envelope


def national_id(seed: int) -> str:
    base = f"1{seed:011d}"
    return base + pin.calc_check_digit(base)


def household_payload(seed: int = 1, village_code: str = "24010101") -> dict[str, Any]:
    return {
        "village_code": village_code,
        "members": [
            {
                "first_name": "Somchai",
                "last_name": "Dee",
                "national_id": national_id(seed),
                "is_head": True,
            },
        ],
        "annual_income_thb": "36000.00",
    }


def rpc(config: dict[str, Any], service: str, method: str, *args: Any) -> Any:
    with ClusterRpcProxy(config, timeout=10) as proxy:
        return getattr(getattr(proxy, service), method)(*args)


def registered_event(**data_changes: Any) -> dict[str, Any]:
    data = {
        "household_id": str(uuid.uuid4()),
        "village_code": "24010101",
        "member_count": 2,
        "registered_at": "2026-11-21T03:00:00+00:00",
        **data_changes,
    }
    return Envelope("household_registered", data, "households").to_dict()


def publish_event(amqp_uri: str, envelope: dict[str, Any]) -> None:
    """Publish as the households relay does: to `households.events`, keyed by event type, and
    confirmed by the broker before returning."""
    with Connection(amqp_uri, transport_options={"confirm_publish": True}) as connection:
        connection.Producer().publish(
            envelope,
            exchange=get_event_exchange(envelope["source"], {}),
            routing_key=envelope["event_type"],
            declare=[get_event_exchange(envelope["source"], {})],
            serializer="json",
            message_id=envelope["event_id"],
            retry=True,
        )


def tap(amqp_uri: str, source: str) -> Queue:
    """Declare and bind a queue that sees every event `source` publishes."""
    queue = Queue(
        f"tap-{uuid.uuid4().hex[:8]}",
        exchange=get_event_exchange(source, {}),
        routing_key="#",
        durable=False,
        auto_delete=False,
    )
    with Connection(amqp_uri) as connection:
        queue(connection.default_channel).declare()
    return queue


def drain(amqp_uri: str, queue: Queue) -> list[dict[str, Any]]:
    bodies = []
    with Connection(amqp_uri) as connection:
        simple = connection.SimpleQueue(queue)
        while True:
            try:
                message = simple.get(timeout=0.5)
            except simple.Empty:
                return bodies
            bodies.append(message.payload)
            message.ack()


COORDINATOR_ID = "7d0c8a4e-2b5f-4c1e-9f3a-6b2d1c0e9f8a"


def coordinator_caller(tambon: str = "240101") -> dict[str, Any]:
    return {
        "person_id": COORDINATOR_ID,
        "username": "coordinator",
        "areas": [tambon],
        "roles": ["subdistrict_coordinator"],
        "teams": [],
    }


def coordinator_known_to_notifications(config: dict[str, Any], tambon: str = "240101") -> None:
    """Announce a sub-district coordinator as teams would, and wait until notifications knows them
    (household news for that tambon goes to them)."""
    from tests.support.waiting import wait_for

    person = {
        "person_id": COORDINATOR_ID,
        "username": "coordinator",
        "display_name": "Coordinator",
        "roles": ["subdistrict_coordinator"],
        "areas": [tambon],
        "channels": {"line_user_id": None, "email": None, "phone": None},
        "language": "en",
        "active": True,
        "version": 1,  # teams' contract requires it: without it the event log parks the event
    }
    publish_event(config["AMQP_URI"], Envelope("person_registered", person, "teams").to_dict())

    def known() -> bool:
        try:
            rpc(config, "notifications", "get_preferences", coordinator_caller(tambon))
        except Exception:  # not in the directory yet
            return False
        return True

    # a service just started may take a while on a busy machine: its log was still empty at 15 s
    wait_for(known, timeout=60, what="notifications to learn of the coordinator")


def inbox_about(config: dict[str, Any], subject_id: str) -> list[dict[str, Any]]:
    items = rpc(config, "notifications", "list_inbox", coordinator_caller(), {"limit": 200})[
        "items"
    ]
    return [n for n in items if n["subject_id"] == subject_id]
