"""AMQP_URI may list several brokers, the nodes of one cluster, `;` between them: kombu's failover
alternates. A connection tries them in turn, moving to the next when one is unreachable."""

from __future__ import annotations

from kombu import Connection
from nameko.utils import sanitize_url


def listed(amqp_uri: str) -> list[str]:
    """The brokers AMQP_URI names, in order."""
    return amqp_uri.split(";")


def hidden_passwords(amqp_uri: str) -> str:
    """AMQP_URI for a log line, each broker it lists with its password hidden."""
    return ";".join(sanitize_url(uri) for uri in listed(amqp_uri))


def connect_once(connection: Connection) -> None:
    """Connect to the first listed broker that answers, trying each once (a single one twice),
    without pausing: the caller backs off by itself."""
    connection.ensure_connection(max_retries=max(1, len(connection.alt) - 1), interval_start=0)
