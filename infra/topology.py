"""Broker topology: every handler's queues, declared once before services start.

An event published before its consumer's queue exists would be dropped by the exchange, so
deployment declares all queues up front (`python -m infra.topology`, run by `make run` and the
compose migrate job). It also deletes the queues of handlers that were removed (`RETIRED`): left
bound, they would keep filling with events nobody reads.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from typing import Any

from kombu import Connection
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import ENTRYPOINT_EXTENSIONS_ATTR

from infra.config import load_config
from infra.events import ReliableEventHandler
from infra.queue_upgrade import declare_or_convert, empty_into
from infra.queues import HandlerQueues, retry_delays, rpc_queue, shared_queues


def import_target(target: str) -> Any:
    """`package.module:Name` to the object it names."""
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def service_classes(config: dict[str, Any]) -> dict[str, type]:
    """Every process that consumes events: the services and the gateway."""
    targets = {**config["SERVICES"], "gateway": config["GATEWAY"]}
    return {name: import_target(target) for name, target in targets.items()}


def handlers_of(service_cls: type) -> Iterator[tuple[str, ReliableEventHandler]]:
    for method_name, method in inspect.getmembers(service_cls, inspect.isfunction):
        for entrypoint in getattr(method, ENTRYPOINT_EXTENSIONS_ATTR, ()):
            if isinstance(entrypoint, ReliableEventHandler):
                yield method_name, entrypoint


# (source, event type, service, handler method) of handlers that no longer exist
RETIRED = [
    # one notice per import batch; notifications now hears of the import's end instead
    ("households", "households_imported", "notifications", "on_households_imported"),
]


def retired_queues(config: dict[str, Any]) -> list[HandlerQueues]:
    delays = retry_delays(config)
    return [HandlerQueues(*handler, delays) for handler in RETIRED]


def handler_queues(config: dict[str, Any]) -> list[HandlerQueues]:
    delays = retry_delays(config)
    return [
        HandlerQueues(handler.source_service, handler.event_type, cls.name, method, delays)
        for cls in service_classes(config).values()
        for method, handler in handlers_of(cls)
    ]


def declare(config: dict[str, Any]) -> list[HandlerQueues]:
    """Every queue, converting those an older version declared as classic (infra.queue_upgrade)."""
    queues = handler_queues(config)
    with Connection(config[AMQP_URI_CONFIG_KEY]) as connection:
        for queue in shared_queues(retry_delays(config)):
            declare_or_convert(connection, queue)
        for service in config["SERVICES"]:
            declare_or_convert(connection, rpc_queue(service, config))
        for handler in queues:
            for queue in handler.all():
                declare_or_convert(connection, queue)
            for former in handler.former_retry_names():
                empty_into(connection, former, handler.name)
        _delete_retired(connection, config)
    return queues


def _delete_retired(connection: Connection, config: dict[str, Any]) -> None:
    channel = connection.default_channel
    for handler in retired_queues(config):
        for name in [queue.name for queue in handler.all()] + handler.former_retry_names():
            channel.queue_delete(name)  # a queue that is not there is no error


def main() -> None:
    declared = declare(load_config())
    print(f"declared the queues of {len(declared)} event handlers")


if __name__ == "__main__":
    main()
