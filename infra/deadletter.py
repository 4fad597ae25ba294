"""List and replay parked events (the dead-letter queues of the event handlers).

    python -m infra.deadletter list
    python -m infra.deadletter replay QUEUE [--event-id ID ...]

`replay` moves parked events back to their handler's own queue (not the exchange, so other handlers
that already processed the event do not see it again), with the attempt count reset.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from amqp.exceptions import NotFound
from kombu import Connection
from nameko.constants import AMQP_URI_CONFIG_KEY

from infra.config import load_config
from infra.queues import ATTEMPT_HEADER, ERROR_HEADER, PARKED_AT_HEADER, HandlerQueues
from infra.topology import handler_queues


@dataclass(frozen=True)
class ParkedEvent:
    queue: str
    event_id: str | None
    event_type: str | None
    attempts: int
    error: str
    parked_at: str


@contextmanager
def _fetched(connection: Connection, queue_name: str) -> Iterator[list[Any]]:
    """Every message of a queue, held unacknowledged; whatever is not acked returns to the queue."""
    channel = connection.channel()
    try:
        yield _drain(channel, queue_name)
    finally:
        if channel.is_open:
            channel.close()


def _drain(channel: Any, queue_name: str) -> list[Any]:
    messages: list[Any] = []
    try:
        while (message := channel.basic_get(queue_name, no_ack=False)) is not None:
            messages.append(message)
    except NotFound:  # no handler has parked anything there yet
        return []
    return messages


def _event_type(message: Any) -> str | None:
    try:
        return json.loads(message.body).get("event_type")
    except (ValueError, TypeError, AttributeError):
        return None


def _describe(queue_name: str, message: Any) -> ParkedEvent:
    headers = message.headers or {}
    return ParkedEvent(
        queue=queue_name,
        event_id=message.properties.get("message_id"),
        event_type=_event_type(message),
        attempts=int(headers.get(ATTEMPT_HEADER, 0)),
        error=str(headers.get(ERROR_HEADER, "")),
        parked_at=str(headers.get(PARKED_AT_HEADER, "")),
    )


def list_parked(amqp_uri: str, handlers: list[HandlerQueues]) -> list[ParkedEvent]:
    parked = []
    with Connection(amqp_uri) as connection:
        for handler in handlers:
            name = handler.parked().name
            with _fetched(connection, name) as messages:
                parked.extend(_describe(name, m) for m in messages)
    return parked


def replay(amqp_uri: str, handler: HandlerQueues, event_ids: set[str] | None = None) -> int:
    """Move parked events (all, or those with the given ids) back to the handler's queue."""
    replayed = 0
    with (
        Connection(amqp_uri) as connection,
        _fetched(connection, handler.parked().name) as messages,
    ):
        producer = connection.Producer()
        for message in messages:
            if event_ids is None or message.properties.get("message_id") in event_ids:
                _send_back(producer, handler, message)
                message.channel.basic_ack(message.delivery_tag)
                replayed += 1
    return replayed


def _send_back(producer: Any, handler: HandlerQueues, message: Any) -> None:
    dropped = {ATTEMPT_HEADER, ERROR_HEADER, PARKED_AT_HEADER}
    headers = {k: v for k, v in (message.headers or {}).items() if k not in dropped}
    producer.publish(
        message.body,
        exchange="",
        routing_key=handler.name,
        content_type=message.properties.get("content_type"),
        content_encoding=message.properties.get("content_encoding"),
        message_id=message.properties.get("message_id"),
        headers=headers,
        delivery_mode=2,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m infra.deadletter", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="show every parked event")
    replay_parser = commands.add_parser("replay", help="send parked events back to their handler")
    replay_parser.add_argument("queue", help="the handler queue (with or without .parked)")
    replay_parser.add_argument("--event-id", action="append", help="only these events")
    args = parser.parse_args(argv)
    config = load_config()
    handlers = handler_queues(config)
    amqp_uri = config[AMQP_URI_CONFIG_KEY]
    if args.command == "list":
        _print_parked(list_parked(amqp_uri, handlers))
        return
    wanted = args.queue.removesuffix(".parked")
    handler = next((h for h in handlers if h.name == wanted), None)
    if handler is None:
        parser.error(f"no event handler queue named {wanted}")
    ids = set(args.event_id) if args.event_id else None
    print(f"replayed {replay(amqp_uri, handler, ids)} event(s) to {handler.name}")


def _print_parked(parked: list[ParkedEvent]) -> None:
    if not parked:
        print("no parked events")
    for event in parked:
        print(
            f"{event.queue}\t{event.event_type}\t{event.event_id}\tattempts={event.attempts}\t{event.parked_at}\t{event.error}"
        )


if __name__ == "__main__":
    main()
