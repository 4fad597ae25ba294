"""Settling a message on a connection the broker has just dropped is not an error: the broker
redelivers what it did not see acked. Anything else still raises."""

from __future__ import annotations

from typing import Any

import pytest
from eventlet.event import Event

from infra.consumers import ResilientQueueConsumer


class FakeChannel:
    connection: Any = object()


class FakeMessage:
    def __init__(self, error: BaseException | None) -> None:
        self.channel = FakeChannel()
        self.properties = {"message_id": "e-1"}
        self.error = error
        self.settled: list[str] = []

    def ack(self) -> None:
        self._settle("ack")

    def requeue(self) -> None:
        self._settle("requeue")

    def _settle(self, action: str) -> None:
        if self.error is not None:
            raise self.error
        self.settled.append(action)


@pytest.mark.parametrize(
    "error", [ConnectionResetError(104, "reset"), BrokenPipeError(32, "pipe"), OSError("gone")]
)
@pytest.mark.parametrize("action", ["ack_message", "requeue_message"])
def test_a_connection_lost_while_settling_is_logged_not_raised(error, action):
    getattr(ResilientQueueConsumer(), action)(FakeMessage(error))


def test_a_message_settles_normally_and_other_errors_still_raise():
    message = FakeMessage(None)
    ResilientQueueConsumer().ack_message(message)
    assert message.settled == ["ack"]
    with pytest.raises(ValueError):
        ResilientQueueConsumer().ack_message(FakeMessage(ValueError("a bug")))


def test_a_cancel_on_a_dead_connection_still_releases_the_stop():
    class DeadConsumer:
        def cancel(self) -> None:
            raise ConnectionResetError(104, "reset")

    consumer = ResilientQueueConsumer()
    removed = Event()
    consumer._consumers = {"provider": DeadConsumer()}
    consumer._pending_remove_providers = {"provider": removed}
    consumer._cancel_consumers_if_requested()
    assert removed.ready() and consumer._consumers == {}


def test_a_stop_while_consumers_are_starting_releases_the_stop_once_for_every_provider():
    consumer = ResilientQueueConsumer()
    consumer._consumers_ready = Event()  # still declaring its queues
    consumer._last_provider_unregistered = Event()
    for provider in ("rpc", "an event handler", "another event handler"):
        consumer.unregister_provider(provider)  # nameko's own raised on the second
    assert consumer._last_provider_unregistered.ready()


def test_a_stop_after_an_early_release_ends_the_consumer_loop_once_it_has_started():
    """Providers released while the queues were declared never cancel their consumers; if the
    start finishes before the stop, the loop is told to end instead of being waited for forever
    (test_shutdown's quick stop of a service with 80 queues)."""
    consumer = ResilientQueueConsumer()
    consumer._consumers_ready = Event()
    consumer._last_provider_unregistered = Event()
    consumer.unregister_provider("an event handler")  # during start-up
    consumer._consumers_ready.send(None)  # the start finishes before the stop

    class Loop:
        ended_by: list[bool] = []

        def wait(self) -> None:
            self.ended_by.append(consumer.should_stop)

    consumer._gt = Loop()
    consumer.stop()
    assert Loop.ended_by == [True]
