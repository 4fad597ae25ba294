"""The database dependency: the service's own database, a unit of work per worker, and its outbox
relay.
"""

from __future__ import annotations

from typing import Any

import eventlet
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.containers import WorkerContext
from nameko.extensions import DependencyProvider
from sqlalchemy import MetaData
from sqlalchemy.orm import sessionmaker

from infra.config import database_url
from infra.correlation import CORRELATION_KEY
from infra.engines import make_engine
from infra.metrics_collector import GaugeQuery
from infra.outbox import EventPublisher, OutboxRelay
from infra.unit_of_work import UnitOfWork

RELAY_STOP_GRACE_SECONDS = 10


class Database(DependencyProvider):
    """Injects a fresh `UnitOfWork` into each worker; drains the outbox in the background."""

    def __init__(
        self,
        metadata: MetaData,
        unit_of_work: type[UnitOfWork] = UnitOfWork,
        gauges: tuple[GaugeQuery, ...] = (),
    ) -> None:
        self.metadata = metadata
        self.unit_of_work = unit_of_work
        self.gauges = gauges  # the service's own metrics, read when scraped (infra.metrics)

    def setup(self) -> None:
        config = self.container.config
        url = database_url(config, self.container.service_name)
        self.engine = make_engine(url, green=True, pool_size=int(config.get("max_workers", 10)))
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.relay = OutboxRelay(
            self.engine,
            self.metadata.tables["outbox"],
            EventPublisher(config[AMQP_URI_CONFIG_KEY]),
            batch_size=int(config.get("OUTBOX_BATCH_SIZE", 200)),
            poll_seconds=float(config.get("OUTBOX_POLL_SECONDS", 1.0)),
            max_backoff_seconds=float(config.get("OUTBOX_MAX_BACKOFF_SECONDS", 15.0)),
        )
        self._relay_thread: Any = None

    def start(self) -> None:
        self._relay_thread = self.container.spawn_managed_thread(
            self.relay.run, identifier="outbox-relay"
        )

    def stop(self) -> None:
        """Let the relay finish the batch it is publishing, then release connections."""
        self.relay.stop()
        if self._relay_thread is not None:
            with eventlet.Timeout(RELAY_STOP_GRACE_SECONDS, False):
                self._relay_thread.wait()
        self.relay.close()
        self.engine.dispose()

    def kill(self) -> None:
        self.relay.stop()
        self.relay.close()

    def get_dependency(self, worker_ctx: WorkerContext) -> UnitOfWork:
        return self.unit_of_work(
            self.sessions,
            self.metadata,
            source=self.container.service_name,
            consumer=f"{self.container.service_name}.{worker_ctx.entrypoint.method_name}",
            correlation_id=lambda: worker_ctx.data.get(CORRELATION_KEY),
            on_commit=self.relay.wake,
        )
