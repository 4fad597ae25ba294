"""Bringing a broker set up by an older version to quorum queues, keeping every message.

A queue's type cannot change: declaring a quorum queue over a classic one of the same name fails
with PRECONDITION_FAILED. `declare_or_convert` then moves the classic queue's messages aside into a
quorum queue bound like it (so events published meanwhile land there too), deletes it, declares the
quorum queue, and moves the messages back. An event may arrive twice while both are bound: the
consumer's inbox absorbs it. The services must be stopped meanwhile (an older process would declare
its classic queue again). The per-handler delay queues of older versions are emptied into their
handler's queue (the events retry at once) and deleted.
"""

from __future__ import annotations

from typing import Any

import amqp
from amqp.exceptions import NotFound, PreconditionFailed
from kombu import Connection, Queue

from infra.logs import get_logger
from infra.queues import QUORUM_ONLY

log = get_logger(__name__)
PERSISTENT = 2


def declare_or_convert(connection: Connection, queue: Queue) -> None:
    try:
        _declare(connection, queue)
    except PreconditionFailed:
        _convert(connection, queue)


def empty_into(connection: Connection, old_name: str, target: str) -> int:
    """Move every message of queue `old_name` (if it exists) into queue `target`, then delete it."""
    moved = _move(connection, old_name, target)
    if moved is not None:
        _channel_call(connection, lambda channel: channel.queue_delete(old_name))
    return moved or 0


def _convert(connection: Connection, queue: Queue) -> None:
    aside = like(queue, f"{queue.name}.upgrading", QUORUM_ONLY)
    _declare(connection, aside)  # bound like the queue: new events reach it from now on
    moved = _move(connection, queue.name, aside.name) or 0
    _channel_call(connection, lambda channel: channel.queue_delete(queue.name))
    _declare(connection, queue)
    if aside.exchange.name:
        _channel_call(
            connection,
            lambda channel: aside(channel).unbind_from(aside.exchange, aside.routing_key),
        )
    _move(connection, aside.name, queue.name)
    _channel_call(connection, lambda channel: channel.queue_delete(aside.name))
    log.info("topology.queue_converted", queue=queue.name, messages=moved)


def like(queue: Queue, name: str, arguments: dict[str, Any]) -> Queue:
    """A durable queue bound as `queue` is, with its own name and arguments."""
    return Queue(
        name,
        exchange=queue.exchange,
        routing_key=queue.routing_key,
        durable=True,
        queue_arguments=arguments,
    )


def _declare(connection: Connection, queue: Queue) -> None:
    _channel_call(connection, lambda channel: queue(channel).declare())


def _move(connection: Connection, source: str, target: str) -> int | None:
    """Messages republished with confirms (py-amqp waits for each), each acked only once the broker
    has its copy; None when there is no such queue."""
    channel = connection.channel()
    try:
        channel.confirm_select()
        moved = 0
        while (message := channel.basic_get(source, no_ack=False)) is not None:
            copy = amqp.Message(message.body, **{**message.properties, "delivery_mode": PERSISTENT})
            channel.basic_publish(copy, exchange="", routing_key=target)
            channel.basic_ack(message.delivery_tag)
            moved += 1
        return moved
    except NotFound:
        return None
    finally:
        if channel.is_open:
            channel.close()


def _channel_call(connection: Connection, call: Any) -> Any:
    channel = connection.channel()  # a failed declare closes its channel: one per call
    try:
        return call(channel)
    finally:
        if channel.is_open:
            channel.close()
