"""What a scrape reads from the process's containers: outbox backlog, inbox size, a service's own
gauges (open escalations by level), database connections in use, broker connection and event
consumers. Cheap: a few indexed queries per database (the inbox's size is PostgreSQL's estimate
once the table has been analysed), each under a deadline; nothing on the broker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import eventlet
from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import Connection, Engine, Select, func, select, text

from infra.logs import get_logger

log = get_logger(__name__)
QUERY_SECONDS = 2.0


@dataclass(frozen=True)
class GaugeQuery:
    """A service's own gauge: `query` selects (label value, number) rows."""

    name: str
    documentation: str
    label: str
    query: Select[Any]


class ContainerCollector:
    def __init__(self) -> None:
        self.containers: list[Any] = []

    def watch(self, containers: Iterable[Any]) -> None:
        self.containers.extend(c for c in containers if c not in self.containers)

    def collect(self) -> Iterator[Metric]:
        families = Families()
        for container in self.containers:
            name = container.service_name
            for engine in _engines(container):
                families.pool.add_metric([name], _checked_out(engine))
            for database in _databases(container):
                _read_database(families, name, database)
            links = [e for e in container.subextensions if hasattr(e, "broker_connected")]
            connected = bool(links) and all(link.broker_connected for link in links)
            families.broker.add_metric([name], 1 if connected else 0)
            for handler in _event_handlers(container):
                up = connected and container.started
                families.consumers.add_metric([handler.queues.name], 1 if up else 0)
        yield from families.all()


class Families:
    def __init__(self) -> None:
        service = ["service"]
        self.waiting = GaugeMetricFamily(
            "smile_outbox_waiting", "Events committed but not yet published", labels=service
        )
        self.oldest = GaugeMetricFamily(
            "smile_outbox_oldest_age_seconds",
            "Age of the oldest event not yet published (0 when none waits)",
            labels=service,
        )
        self.inbox = GaugeMetricFamily(
            "smile_inbox_rows", "Events recorded as handled (the inbox)", labels=service
        )
        self.pool = GaugeMetricFamily(
            "smile_db_connections_in_use", "Database connections checked out", labels=service
        )
        self.broker = GaugeMetricFamily(
            "smile_broker_connected",
            "1 when every consumer holds a broker connection",
            labels=service,
        )
        self.consumers = GaugeMetricFamily(
            "smile_event_consumers",
            "1 when this process consumes the subscription's queue",
            labels=["subscription"],
        )
        self.own: dict[str, GaugeMetricFamily] = {}

    def gauge(self, query: GaugeQuery) -> GaugeMetricFamily:
        if query.name not in self.own:
            labels = ["service", query.label]
            self.own[query.name] = GaugeMetricFamily(query.name, query.documentation, labels=labels)
        return self.own[query.name]

    def all(self) -> list[GaugeMetricFamily]:
        fixed = [self.waiting, self.oldest, self.inbox, self.pool, self.broker, self.consumers]
        return fixed + list(self.own.values())


def _read_database(families: Families, service: str, database: Any) -> None:
    try:
        with eventlet.Timeout(QUERY_SECONDS), database.engine.connect() as connection:
            waiting, oldest = _outbox(connection, database.metadata.tables["outbox"])
            families.waiting.add_metric([service], waiting)
            families.oldest.add_metric([service], oldest)
            families.inbox.add_metric([service], _inbox_rows(connection, database.metadata))
            for query in getattr(database, "gauges", ()):
                family = families.gauge(query)
                for label, value in connection.execute(query.query):
                    family.add_metric([service, str(label)], float(value))
    except (Exception, eventlet.Timeout) as exc:  # a scrape must answer; readiness tells why
        log.warning("metrics.database_unread", service=service, error=type(exc).__name__)


def _outbox(connection: Connection, outbox: Any) -> tuple[int, float]:
    query = select(func.count(), func.min(outbox.c.created_at)).where(
        outbox.c.published_at.is_(None)
    )
    count, oldest = connection.execute(query).one()
    if oldest is None:
        return int(count), 0.0
    oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
    return int(count), max(0.0, (datetime.now(UTC) - oldest).total_seconds())


def _inbox_rows(connection: Connection, metadata: Any) -> int:
    if connection.dialect.name == "postgresql":
        estimate = connection.execute(
            text("SELECT reltuples::bigint FROM pg_class WHERE oid = 'inbox'::regclass")
        ).scalar()
        if estimate is not None and estimate >= 0:
            return int(estimate)
    everything = select(func.count()).select_from(metadata.tables["inbox"])
    return int(connection.execute(everything).scalar() or 0)


def _checked_out(engine: Engine) -> int:
    checked_out = getattr(engine.pool, "checkedout", None)
    return int(checked_out()) if callable(checked_out) else 0


def _extensions(container: Any) -> list[Any]:
    return [*container.dependencies, *container.subextensions]


def _engines(container: Any) -> list[Engine]:
    found: list[Engine] = []
    for extension in _extensions(container):
        engine = getattr(extension, "engine", None)
        if isinstance(engine, Engine) and engine not in found:
            found.append(engine)
    return found


def _databases(container: Any) -> list[Any]:
    """Dependency providers with a service database (one that holds an outbox)."""
    return [
        extension
        for extension in container.dependencies
        if "outbox" in getattr(getattr(extension, "metadata", None), "tables", {})
        and isinstance(getattr(extension, "engine", None), Engine)
    ]


def _event_handlers(container: Any) -> list[Any]:
    return [e for e in container.entrypoints if hasattr(e, "queues") and hasattr(e, "router")]


CONTAINERS = ContainerCollector()
REGISTRY.register(CONTAINERS)
