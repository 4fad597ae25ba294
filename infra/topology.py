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
from infra.queues import HandlerQueues, retry_delays


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
    queues = handler_queues(config)
    with Connection(config[AMQP_URI_CONFIG_KEY]) as connection:
        channel = connection.default_channel
        for handler in queues:
            for queue in handler.all():
                queue(channel).declare()
        for handler in retired_queues(config):
            for queue in handler.all():
                queue(channel).delete()  # a queue that is not there is no error
    return queues


def main() -> None:
    declared = declare(load_config())
    print(f"declared the queues of {len(declared)} event handlers")


if __name__ == "__main__":
    main()
