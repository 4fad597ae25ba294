"""What an import announces: one event per batch and tambon (the default), or per household, and
one `household_import_finished` with each tambon's counters when it ends."""

import json
from datetime import UTC, datetime

from services.households.db import metadata
from services.households.db.tables import households
from services.households.settings import Settings
from services.households.usecases import import_worker
from tests.integration.households.support import EXPERT, rows
from tests.integration.households.test_import_recovery import queued_import
from tests.integration.households.test_imports import good

OUTBOX = metadata.tables["outbox"]
PER_TAMBON = Settings(import_batch_rows=4)
NEVER = datetime(2999, 1, 1, tzinfo=UTC)


def in_village(seed, village):
    return [village, *good(seed)[1:]]


def announced(config, event_type=None):
    events = [json.loads(r.payload) for r in rows(config, OUTBOX)]
    return [e for e in events if event_type in (None, e["event_type"])]


def finished(config):
    return [e["data"] for e in announced(config, "household_import_finished")]


def counters(tambon, accepted, unchanged, rejected):
    return {"tambon_code": tambon, "accepted": accepted, "unchanged": unchanged,
            "rejected": rejected}  # fmt: skip


def imported(uow, records, settings):
    queued_import(uow, records, EXPERT)
    now = datetime.now(UTC)
    assert import_worker.process_pending_imports(uow, settings, lambda: now) == 1


def test_per_tambon_each_batch_announces_its_tambons_households_once(migrated, uow):
    records = [in_village(s, "24010101" if s % 2 else "24010201") for s in range(1, 7)]
    imported(uow, records, PER_TAMBON)
    events = announced(migrated, "households_imported")
    assert len(events) == len(announced(migrated)) - 1  # and the one that it finished
    assert sorted(e["data"]["tambon_code"] for e in events) == sorted(
        ["240101", "240102", "240101", "240102"]  # batches of 4 rows: 2 + 2, then 1 + 1
    )
    listed = [h["household_id"] for e in events for h in e["data"]["households"]]
    assert sorted(listed) == sorted(r.id for r in rows(migrated, households))


def test_reimporting_with_per_tambon_events_changes_nothing(migrated, uow):
    records = [good(seed) for seed in range(1, 6)]
    imported(uow, records, PER_TAMBON)
    before = sorted((r.id, r.version) for r in rows(migrated, households))
    events = len(announced(migrated, "households_imported"))
    imported(uow, records, PER_TAMBON)
    assert sorted((r.id, r.version) for r in rows(migrated, households)) == before
    assert len(announced(migrated, "households_imported")) == events and len(before) == 5
    assert [f["tambons"] for f in finished(migrated)] == [
        [counters("240101", 5, 0, 0)],
        [counters("240101", 0, 5, 0)],
    ]


def test_per_household_each_new_household_is_announced(migrated, uow):
    settings = Settings(import_batch_rows=4, import_events="per_household")
    imported(uow, [good(seed) for seed in range(1, 4)], settings)
    events = announced(migrated)
    assert [e["event_type"] for e in events] == ["household_registered"] * 3 + [
        "household_import_finished"
    ]


def test_an_import_of_many_batches_ends_with_one_event_counting_each_tambon(migrated, uow):
    """Batches of 4 rows: three batches over two tambons make one summary, not one per batch."""
    records = [in_village(s, "24010101" if s % 2 else "24010201") for s in range(1, 9)]
    refused = [["24010201", "1234", *good(20)[2:]]]
    unreadable = [["2401x", *good(21)[1:]]]
    imported(uow, records + refused + unreadable, PER_TAMBON)
    (summary,) = finished(migrated)
    assert (summary["status"], summary["survey_year"]) == ("done", 2026)
    assert (summary["accepted"], summary["unchanged"], summary["rejected"]) == (8, 0, 2)
    assert summary["tambons"] == [counters("240101", 4, 0, 0), counters("240102", 4, 0, 1)]
    with uow:  # one audit entry for the whole import, none per row
        (entry,) = uow.audit.search((), datetime(2026, 1, 1, tzinfo=UTC), NEVER, None, 50).items
    assert (entry.object_type, entry.action, entry.area_code) == (
        "household_import", "import_done", "24010000",
    )  # fmt: skip
    assert entry.changes["accepted"] == [None, 8] and entry.changes["rejected"] == [None, 2]
