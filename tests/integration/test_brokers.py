"""A publisher reaches the first listed broker that answers, however many before it are down."""

from __future__ import annotations

from kombu import Connection

from infra.brokers import connect_once
from tests.support.ports import free_port


def test_the_third_listed_broker_is_reached_when_the_first_two_are_down(amqp_uri):
    down = [f"amqp://guest:guest@127.0.0.1:{free_port()}/" for _ in range(2)]  # nothing listens
    connection = Connection(";".join([*down, amqp_uri]))
    try:
        connect_once(connection)
        assert connection.connected and connection.as_uri() == Connection(amqp_uri).as_uri()
    finally:
        connection.release()
