"""Fixtures for every suite. The eventlet monkey-patch must come before anything opens a socket."""

import eventlet

import infra  # noqa: F401  (quiets eventlet's deprecation banner before eventlet is imported)

eventlet.monkey_patch()

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from nameko.containers import ServiceContainer  # noqa: E402

from infra.config import load_config  # noqa: E402
from infra.migrate import databases  # noqa: E402
from tests.support import debugging  # noqa: E402
from tests.support.broker import CuttableProxy, RabbitAdmin, amqp_uri_for  # noqa: E402
from tests.support.databases import (  # noqa: E402
    TEMPLATES,
    drop_postgres_databases,
    new_prefix,
    postgres_template,
    sqlite_template,
    upgrade,
)

debugging.install()
# Properties are checked for what they assert, never for how fast one example runs: a deadline
# would make the suite fail on a slow or busy machine.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", autouse=True)
def migrated_templates() -> Iterator[None]:
    """The session's migrated databases that each test's are copied from, dropped at the end."""
    yield
    TEMPLATES.drop()


@pytest.fixture(scope="session")
def rabbit_admin() -> RabbitAdmin:
    admin = RabbitAdmin(load_config()["RABBIT_API_URI"])
    admin.sweep_stale_vhosts()
    return admin


@pytest.fixture
def vhost(rabbit_admin: RabbitAdmin) -> Iterator[str]:
    name = rabbit_admin.create_vhost()
    yield name
    rabbit_admin.delete_vhost(name)


@pytest.fixture
def amqp_uri(vhost: str) -> str:
    return amqp_uri_for(vhost)


@pytest.fixture(params=BACKENDS)
def database_template(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """DATABASE_URL with `{service}`, on SQLite and (a second run of the test) PostgreSQL."""
    if request.param == "sqlite":
        yield sqlite_template(tmp_path)
        return
    prefix = new_prefix()
    yield postgres_template(prefix)
    drop_postgres_databases(prefix)


@pytest.fixture
def sqlite_database_template(tmp_path: Path) -> str:
    return sqlite_template(tmp_path)


@pytest.fixture
def make_config(amqp_uri: str) -> Callable[..., dict[str, Any]]:
    """The shipped configuration, pointed at this test's vhost, with short delays."""

    def make(database: str, **overrides: Any) -> dict[str, Any]:
        config = load_config()
        config.update(
            AMQP_URI=amqp_uri,
            DATABASE_URL=database,
            EVENT_RETRY_DELAYS_MS=[100, 200],
            OUTBOX_POLL_SECONDS=0.2,
            OUTBOX_MAX_BACKOFF_SECONDS=0.5,
            RPC_TIMEOUT_SECONDS=5,
        )
        config.update(overrides)
        return config

    return make


@pytest.fixture
def config(make_config: Callable[..., dict[str, Any]], database_template: str) -> dict[str, Any]:
    return make_config(database_template)


@pytest.fixture
def migrated(config: dict[str, Any]) -> dict[str, Any]:
    upgrade(config, list(databases(config)))
    return config


@pytest.fixture
def broker_proxy() -> Iterator[CuttableProxy]:
    """A proxy to the broker that tests can cut. Request it before `start_service`, so that it
    outlives the containers using it (a container cannot stop quickly while its broker is gone)."""
    proxy = CuttableProxy()
    yield proxy
    proxy.close()


@pytest.fixture
def start_service() -> Iterator[Callable[..., ServiceContainer]]:
    """Start nameko containers in this process; killed after the test (a graceful stop waits out
    kombu's one-second consumer poll; graceful shutdown has its own test, with real processes)."""
    containers: list[ServiceContainer] = []

    def start(service_cls: type, config: dict[str, Any]) -> ServiceContainer:
        container = ServiceContainer(service_cls, config)
        containers.append(container)
        container.start()
        return container

    yield start
    for container in reversed(containers):
        container.kill()
