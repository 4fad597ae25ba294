"""Timers may run in several replicas and fire twice: the ladder and the digest act once. Use cases
against the real databases, with an injected clock."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import sessionmaker

from infra.config import database_url
from infra.engines import make_engine
from infra.envelope import read_event
from services.notifications.db import NotificationsUnitOfWork, metadata
from services.notifications.db.notices import DeliveryFilter
from services.notifications.db.tables import notifications
from services.notifications.settings import Settings
from services.notifications.subscriptions import SUBSCRIPTIONS, TABLE
from services.notifications.usecases import digest, ladder
from tests.integration.notifications import events as ev

T0 = datetime(2026, 11, 21, 3, tzinfo=UTC)  # 10:00 in Bangkok


def unit_of_work(config):
    engine = make_engine(database_url(config, "notifications"))
    return NotificationsUnitOfWork(sessionmaker(engine), metadata, source="notifications",
                                   consumer="test")  # fmt: skip


def apply(uow, envelope, settings, now=T0):
    """What the event's handler does (the use case of its row in the table), at an injected time."""
    key = (envelope["source"], envelope["event_type"])
    [row] = [row for row in TABLE if (row.source, row.event_type) == key]
    row.use_case(uow, read_event(envelope, SUBSCRIPTIONS[key]), now, settings)


def inbox_kinds(uow, person_id):
    with uow:
        items, _ = uow.notifications.inbox(person_id, False, None, 200)
    return [n.kind for n in items]


def test_two_replicas_ticking_the_ladder_climb_once(notif_config):
    settings = Settings.from_config(notif_config)
    replica_a, replica_b = unit_of_work(notif_config), unit_of_work(notif_config)
    expert, district, team_id, household = ev.new_id(), ev.new_id(), ev.new_id(), ev.new_id()
    for envelope in (
        ev.person(expert, ["district_expert"], ["2401"]),
        ev.person(district, ["district_supervisor"], ["2401"], email="d@example.test"),
        ev.team(team_id, expert),
        ev.visit_overdue(household, team_id),
    ):
        apply(replica_a, envelope, settings)
    later = T0 + settings.escalation_limits[0]
    assert ladder.tick(replica_a, later - timedelta(seconds=1), settings) == 0  # not yet
    taken = [ladder.tick(replica_a, later, settings), ladder.tick(replica_b, later, settings),
             ladder.tick(replica_b, later + timedelta(seconds=1), settings)]  # fmt: skip
    assert taken == [1, 0, 0]
    assert inbox_kinds(replica_a, district) == ["escalation.visit_overdue"]
    with replica_a:
        found, _ = replica_a.deliveries.log(DeliveryFilter(recipient_id=district), None, 10)
    assert [d.channel for d in found] == ["email"]


def test_the_digest_is_written_once_a_day_however_often_the_timer_fires(make_notifications_config):
    config = make_notifications_config(digest_hour=7)
    settings = Settings.from_config(config)
    uow, other_replica = unit_of_work(config), unit_of_work(config)
    reader = ev.new_id()
    apply(
        uow, ev.person(reader, ["district_supervisor"], ["2401"], email="r@example.test"), settings
    )
    with uow:
        person = uow.directory.person(reader)
        uow.directory.save_person(replace(person, digest=True, version=person.version + 1))
        uow.commit()
    yesterday = T0 - timedelta(hours=12)
    with uow:
        uow.session.execute(insert(notifications), [
            {"id": ev.new_id(), "recipient_id": reader, "kind": "household_registered",
             "subject_id": "h", "area_code": "24010101", "title": f"news {n}", "body": "b",
             "dedupe_key": f"e{n}", "escalation_id": None, "created_at": yesterday, "read_at": None}
            for n in range(3)
        ])  # fmt: skip
        uow.commit()
    assert digest.send_digests(uow, T0 - timedelta(hours=4), settings) == 0  # 06:00 in Bangkok
    fired = [digest.send_digests(r, T0 + timedelta(minutes=m), settings)
             for m, r in ((0, uow), (0, other_replica), (5, uow))]  # fmt: skip
    assert fired == [1, 0, 0]
    with uow:
        items, _ = uow.notifications.inbox(reader, False, None, 10)
        sent, _ = uow.deliveries.log(DeliveryFilter(recipient_id=reader), None, 10)
    digests = [n for n in items if n.kind == "digest"]
    assert len(digests) == 1 and digests[0].body.count("- news") == 3
    assert digests[0].title == "สรุปประจำวันที่ 21 พฤศจิกายน 2569 (3 เรื่อง)"
    assert [d.channel for d in sent] == ["email"]
