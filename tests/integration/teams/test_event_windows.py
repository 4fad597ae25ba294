"""A window of events applied in one transaction (`infra.batches`, `UnitOfWork.batch`), on the
teams read model's real handler and database, both backends: each event's outcome is what it
would be alone."""

from __future__ import annotations

import json
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from infra.batches import Delivery, apply_all
from infra.envelope import Envelope, UnprocessableEvent, read_event
from infra.logs import configure_logging
from infra.subscriptions import handlers
from services.teams.db import metadata
from services.teams.domain.households import KnownHousehold
from services.teams.events import PERSON_UPDATED
from services.teams.subscriptions import TABLE, VisitLoggedV1

INBOX = metadata.tables["inbox"]


class Service:
    def __init__(self, uow):
        self.uow = uow
        self.settings = None


def visit(household_id, day="2026-11-20", **data):
    envelope = Envelope(
        "visit_logged",
        {"household_id": household_id, "village_code": "24010101", "visited_at": day, **data},
        "households",
    )
    return Delivery(envelope.to_dict(), correlation_id=uuid.uuid4().hex)


def inbox(uow):
    with uow:
        return {row.event_id for row in uow.session.execute(select(INBOX.c.event_id))}


def last_visits(uow, *ids):
    with uow:
        return [getattr(uow.households.get(i), "last_visit_on", None) for i in ids]


def test_a_window_commits_its_events_together_and_an_unreadable_one_alone_fails(uow):
    h1, h2 = str(uuid.uuid4()), str(uuid.uuid4())
    first, second = visit(h1), visit(h2, "2026-11-21")
    unreadable = Delivery({**visit(h1).payload, "data": {"household_id": h1}})
    window = [first, unreadable, second, first]  # the last one a duplicate delivery

    outcomes = handlers(TABLE)["on_visit_logged"](Service(uow), window)

    assert [type(o).__name__ for o in outcomes] == [
        "NoneType",
        "UnprocessableEvent",
        "NoneType",
        "NoneType",
    ]
    assert isinstance(outcomes[1], UnprocessableEvent)
    assert inbox(uow) == {first.payload["event_id"], second.payload["event_id"]}
    assert last_visits(uow, h1, h2) == [date(2026, 11, 20), date(2026, 11, 21)]


def test_a_unit_that_fails_after_writing_is_undone_and_its_neighbours_kept(uow):
    ids = [str(uuid.uuid4()) for _ in range(3)]
    window = [visit(i) for i in ids]

    def apply(delivery):
        event = read_event(delivery.payload, {1: VisitLoggedV1})
        with uow:
            assert uow.first_delivery(event)
            uow.households.put(KnownHousehold(str(event.data["household_id"]), "24010101"), False)
            if delivery is window[1]:
                raise RuntimeError("a bug after the writes")
            uow.commit()

    outcomes = apply_all(uow, window, apply, "test")

    assert [o is None for o in outcomes] == [True, False, True]
    assert inbox(uow) == {window[0].payload["event_id"], window[2].payload["event_id"]}
    with uow:
        assert [uow.households.get(i) is not None for i in ids] == [True, False, True]


def test_a_unit_that_leaves_without_committing_writes_nothing(uow):
    ids = [str(uuid.uuid4()) for _ in range(2)]
    window = [visit(i) for i in ids]

    def apply(delivery):
        event = read_event(delivery.payload, {1: VisitLoggedV1})
        with uow:
            uow.first_delivery(event)
            if delivery is window[0]:
                return  # changed its mind: nothing of it may stay
            uow.commit()

    assert apply_all(uow, window, apply, "test") == [None, None]
    assert inbox(uow) == {window[1].payload["event_id"]}


def test_a_window_whose_transaction_fails_is_applied_again_event_by_event(uow, capsys):
    configure_logging("teams")
    ids = [str(uuid.uuid4()) for _ in range(3)]
    window = [visit(i) for i in ids]
    tries: list[str] = []
    learn = handlers(TABLE)["on_visit_logged"]

    def apply(delivery):
        tries.append(delivery.payload["event_id"])
        if delivery is window[2] and tries.count(delivery.payload["event_id"]) == 1:
            raise OperationalError("UPDATE ...", {}, Exception("connection lost"))
        [outcome] = learn(Service(uow), [delivery])
        if outcome is not None:
            raise outcome

    assert apply_all(uow, window, apply, "test") == [None, None, None]
    events = [d.payload["event_id"] for d in window]
    assert tries == events + events  # the whole window once in one transaction, then each alone
    assert inbox(uow) == set(events)
    assert last_visits(uow, *ids) == [date(2026, 11, 20)] * 3
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    learnt = [line["household_id"] for line in lines if line["event"] == "household.learnt"]
    assert sorted(learnt) == sorted(ids)  # the undone window's lines were never written


def test_events_emitted_in_a_window_carry_each_deliverys_correlation_id(uow):
    window = [visit(str(uuid.uuid4())) for _ in range(2)]

    def apply(delivery):
        with uow:
            uow.emit(PERSON_UPDATED, PERSON_UPDATED.example)
            uow.commit()

    assert apply_all(uow, window, apply, "test") == [None, None]
    outbox = metadata.tables["outbox"]
    with uow:
        payloads = uow.session.execute(select(outbox.c.payload).order_by(outbox.c.id)).scalars()
        correlations = [json.loads(p)["correlation_id"] for p in payloads]
    assert correlations == [d.correlation_id for d in window]
