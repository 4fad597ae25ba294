"""An import's end reaches each coordinator of its tambons once, with their tambons' counters added
up, however many batches it took; a redelivery changes nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from typing import Any

from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event, rpc
from tests.integration.notifications import events as ev
from tests.support.waiting import wait_for

BOTH, SECOND, ELSEWHERE = ev.new_id(), ev.new_id(), ev.new_id()
AREAS = {BOTH: ["240101", "240102"], SECOND: ["240102"], ELSEWHERE: ["240103"]}


def caller(person_id: str) -> dict[str, Any]:
    return {"person_id": person_id, "username": f"u-{person_id[:8]}", "teams": [],
            "roles": ["subdistrict_coordinator"], "areas": AREAS[person_id]}  # fmt: skip


def counters(tambon: str, accepted: int, unchanged: int, rejected: int) -> dict[str, Any]:
    return {"tambon_code": tambon, "accepted": accepted, "unchanged": unchanged,
            "rejected": rejected}  # fmt: skip


def import_finished(import_id: str, *tambons: dict[str, Any]) -> dict[str, Any]:
    totals = {name: sum(t[name] for t in tambons) for name in ("accepted", "unchanged", "rejected")}
    return ev.envelope(
        "households", "household_import_finished", import_id=import_id, survey_year=2026,
        status="done", finished_at="2026-11-21T03:00:00+00:00", tambons=list(tambons), **totals,
    )  # fmt: skip


def inbox(config: dict[str, Any], person_id: str, subject_id: str) -> list[dict[str, Any]]:
    items = rpc(config, "notifications", "list_inbox", caller(person_id), {"limit": 200})["items"]
    return [n for n in items if n["subject_id"] == subject_id]


def coordinators_known(config: dict[str, Any]) -> None:
    for person_id, areas in AREAS.items():
        publish_event(config["AMQP_URI"], ev.person(person_id, ["subdistrict_coordinator"], areas,
                                                    language="en"))  # fmt: skip

    def known(person_id: str) -> bool:
        try:
            rpc(config, "notifications", "get_preferences", caller(person_id))
        except Exception:  # not in the directory yet
            return False
        return True

    wait_for(lambda: all(known(p) for p in AREAS), what="notifications to learn the coordinators")


def test_each_coordinator_gets_one_summary_of_their_tambons_and_a_redelivery_adds_none(
    notif_config, start_service, amqp_uri
):
    start_service(NotificationsService, notif_config)
    coordinators_known(notif_config)
    import_id = str(uuid.uuid4())
    finished = import_finished(import_id, counters("240101", 40, 5, 2), counters("240102", 1, 0, 1))
    publish_event(amqp_uri, finished)
    (both,) = wait_for(lambda: inbox(notif_config, BOTH, import_id), what="the first summary")
    (second,) = wait_for(lambda: inbox(notif_config, SECOND, import_id), what="the second")
    assert both["kind"] == "household_import_finished"
    assert "240101, 240102: 41 rows accepted, 5 unchanged, 3 rejected" in both["body"]
    assert "240102: 1 rows accepted, 0 unchanged, 1 rejected" in second["body"]

    publish_event(amqp_uri, finished)  # redelivered, then a later import to know it was read
    later = str(uuid.uuid4())
    publish_event(amqp_uri, import_finished(later, counters("240101", 3, 0, 0)))
    wait_for(lambda: inbox(notif_config, BOTH, later), what="the later summary")
    assert len(inbox(notif_config, BOTH, import_id)) == 1
    assert len(inbox(notif_config, SECOND, import_id)) == 1
    assert inbox(notif_config, ELSEWHERE, import_id) == []
