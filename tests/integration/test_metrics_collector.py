"""What a scrape reads from a service's database, on SQLite and PostgreSQL: the outbox rows not
yet published and the age of the oldest, the inbox's size, the service's own gauges (open
escalations by level) and the connections in use."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import insert

from infra.config import database_url
from infra.engines import make_engine
from infra.metrics_collector import ContainerCollector
from services.notifications.db import metadata
from services.notifications.db.escalations import OPEN_BY_LEVEL
from tests.support.databases import upgrade


def outbox_row(age_seconds: float, published: bool) -> dict:
    created = datetime.now(UTC) - timedelta(seconds=age_seconds)
    return {
        "event_id": str(uuid.uuid4()),
        "event_type": "something_happened",
        "payload": "{}",
        "created_at": created,
        "published_at": created if published else None,
    }


def escalation_row(status: str, level: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "kind": "visit_overdue",
        "subject_id": str(uuid.uuid4()),
        "area_code": "240105",
        "details": {},
        "status": status,
        "level": level,
        "opens_at": datetime.now(UTC),
        "version": 1,
    }


def fill(engine) -> None:
    tables = metadata.tables
    with engine.begin() as connection:
        ages = [(600, True), (300, False), (30, False)]
        connection.execute(insert(tables["outbox"]), [outbox_row(*age) for age in ages])
        inbox = [
            {
                "consumer": "c",
                "event_id": str(n),
                "event_type": "t",
                "processed_at": datetime.now(UTC),
            }
            for n in range(3)
        ]
        connection.execute(insert(tables["inbox"]), inbox)
        statuses = [("open", 1), ("acknowledged", 1), ("open", 2), ("resolved", 2), ("waiting", 3)]
        connection.execute(insert(tables["escalations"]), [escalation_row(*s) for s in statuses])


def samples(collector: ContainerCollector) -> dict[str, dict[tuple, float]]:
    return {
        family.name: {tuple(s.labels.values()): s.value for s in family.samples}
        for family in collector.collect()
    }


def test_a_scrape_reads_backlog_inbox_and_open_escalations(config) -> None:
    upgrade(config, ["notifications"])
    engine = make_engine(database_url(config, "notifications"))
    fill(engine)
    database = SimpleNamespace(engine=engine, metadata=metadata, gauges=(OPEN_BY_LEVEL,))
    container = SimpleNamespace(
        service_name="notifications",
        dependencies=[database],
        subextensions=[],
        entrypoints=[],
        started=True,
    )
    collector = ContainerCollector()
    collector.watch([container])
    try:
        with engine.connect():  # one connection in use while scraped
            read = samples(collector)
    finally:
        engine.dispose()
    assert read["smile_outbox_waiting"] == {("notifications",): 2}
    assert 295 <= read["smile_outbox_oldest_age_seconds"][("notifications",)] < 400
    assert read["smile_inbox_rows"] == {("notifications",): 3}
    assert read["smile_escalations_open"] == {("notifications", "1"): 2, ("notifications", "2"): 1}
    assert read["smile_db_connections_in_use"][("notifications",)] >= 1
    assert read["smile_broker_connected"] == {("notifications",): 0}
