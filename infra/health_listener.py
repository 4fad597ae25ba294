"""Probes that cost nothing on the broker, and the process's Prometheus metrics at `/metrics`
(infra.metrics): a small HTTP listener per process (HEALTH_PORT).

`/health/live` answers 200 while the process runs. `/health/ready` answers 200 when its services
have started, every database they use answers `SELECT 1` and is at the head of its migrations, and
every queue consumer holds a live broker connection, else 503. Nothing is published, declared or
consumed: the state of the broker is read from the connections the process already has. Off unless
HEALTH_PORT is set.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import eventlet
from eventlet import wsgi
from nameko.extensions import DependencyProvider
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from infra.logs import get_logger
from infra.metrics import CONTENT_TYPE_LATEST, exposition
from infra.schema_version import at_head, owns_database

log = get_logger(__name__)
DEFAULT_TIMEOUT_SECONDS = 2.0


def database_engines(containers: Iterable[Any]) -> list[Engine]:
    """The engines of the containers' dependency providers and shared extensions."""
    engines: list[Engine] = []
    for container in containers:
        for extension in [*container.dependencies, *container.subextensions]:
            engine = getattr(extension, "engine", None)
            if isinstance(engine, Engine) and engine not in engines:
                engines.append(engine)
    return engines


def broker_links(containers: Iterable[Any]) -> list[Any]:
    """The queue consumers (infra.consumers): their connection state tells if the broker is up."""
    return [
        extension
        for container in containers
        for extension in container.subextensions
        if hasattr(extension, "broker_connected")
    ]


def database_answers(engine: Engine, timeout: float) -> bool:
    try:
        with eventlet.Timeout(timeout):
            if engine.dialect.name == "sqlite":
                return _sqlite_file_answers(engine.url.database)
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
    except (eventlet.Timeout, SQLAlchemyError, sqlite3.Error, OSError):
        return False


def _sqlite_file_answers(database: str | None) -> bool:
    """A fresh read-write connection that may not create the file (a pooled one would keep a
    removed file open and still answer)."""
    if not database or database == ":memory:":
        return True
    uri = f"{Path(database).absolute().as_uri()}?mode=rw"
    connection = sqlite3.connect(uri, uri=True, timeout=1)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    finally:
        connection.close()


def migrated(container: Any, timeout: float) -> bool:
    """The container's own database is at the head of its migrations (infra.schema_version)."""
    config, name = container.config, container.service_name
    engines = database_engines([container])
    if not engines or not owns_database(config, name):
        return True
    try:
        with eventlet.Timeout(timeout):
            return at_head(engines[0], config, name)
    except (eventlet.Timeout, SQLAlchemyError, sqlite3.Error, OSError):
        return False


def readiness(containers: list[Any], timeout: float = DEFAULT_TIMEOUT_SECONDS) -> dict[str, str]:
    started = all(container.started for container in containers)
    engines = database_engines(containers)
    databases_up = started and all(database_answers(engine, timeout) for engine in engines)
    broker_up = started and all(link.broker_connected for link in broker_links(containers))
    at_head = databases_up and all(migrated(container, timeout) for container in containers)
    return {
        "status": "ok" if databases_up and broker_up and at_head else "unavailable",
        "database": "ok" if databases_up else "unreachable",
        "broker": "ok" if broker_up else "disconnected",
        "migrations": "ok" if at_head else ("behind" if databases_up else "unknown"),
    }


class Readiness(DependencyProvider):
    """Injects a callable giving this container's readiness (the gateway's /health/ready)."""

    def get_dependency(self, worker_ctx: Any) -> Callable[[], dict[str, str]]:
        timeout = float(self.container.config.get("HEALTH_TIMEOUT_SECONDS", 2))
        return lambda: readiness([self.container], timeout)


def health_app(containers: list[Any], timeout: float) -> Callable[..., list[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/health/live":
            return _answer(start_response, 200, '{"status": "ok"}')
        if path == "/health/ready":
            report = readiness(containers, timeout)
            body = "{" + ", ".join(f'"{k}": "{v}"' for k, v in report.items()) + "}"
            return _answer(start_response, 200 if report["status"] == "ok" else 503, body)
        if path == "/metrics":
            return _answer(start_response, 200, exposition(), CONTENT_TYPE_LATEST)
        return _answer(start_response, 404, '{"status": "not found"}')

    return app


def _answer(
    start_response: Callable[..., Any],
    status: int,
    body: str | bytes,
    content_type: str = "application/json",
) -> list[bytes]:
    reason = {200: "OK", 404: "Not Found", 503: "Service Unavailable"}[status]
    data = body.encode() if isinstance(body, str) else body
    start_response(
        f"{status} {reason}",
        [("Content-Type", content_type), ("Content-Length", str(len(data)))],
    )
    return [data]


def start_health_listener(config: dict[str, Any], containers: list[Any]) -> Any:
    """Serve the probes in a green thread when HEALTH_PORT is set; returns the thread or None."""
    port = config.get("HEALTH_PORT")
    if port in (None, ""):
        return None
    address = (str(config.get("HEALTH_HOST") or "0.0.0.0"), int(port))
    sock = eventlet.listen(address)
    timeout = float(config.get("HEALTH_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
    log.info("health.listening", port=sock.getsockname()[1])
    return eventlet.spawn(
        wsgi.server, sock, health_app(containers, timeout), log_output=False, socket_timeout=10
    )
