"""What a quorum queue costs against a classic one, on the broker `AMQP_URI` names, in one run.

    .venv/bin/python -m bench.queue_types [--messages 20000] [--round-trips 2000]

For each type: persistent messages published with a confirm each (py-amqp waits for every one) and
consumed with acks (prefetch 100), in messages per second; and a round trip
(publish one transient message, receive it: what an RPC request's queue adds) with its p50/p99;
and the local broker's CPU per message. The last lines are the quorum/classic ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import amqp
from kombu.utils.url import url_to_parts

from infra.config import load_config

TYPES = ("classic", "quorum")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--round-trips", type=int, default=2000)
    args = parser.parse_args()
    connection = _connect(str(load_config()["AMQP_URI"]))
    results = {kind: measure(connection, kind, args.messages, args.round_trips) for kind in TYPES}
    for kind, figures in results.items():
        print(kind, "  ".join(f"{name} {value:,.3g}" for name, value in figures.items()))
    for name in results["classic"]:
        print(f"quorum/classic {name}: {results['quorum'][name] / results['classic'][name]:.2f}")
    connection.close()


def _connect(uri: str) -> amqp.Connection:
    parts = url_to_parts(uri.split(";")[0])
    connection = amqp.Connection(
        f"{parts.hostname}:{parts.port or 5672}",
        userid=parts.username,
        password=parts.password,
        virtual_host=parts.path or "/",
    )
    connection.connect()
    return connection


def measure(connection: amqp.Connection, kind: str, messages: int, trips: int) -> dict[str, float]:
    channel = connection.channel()
    queue = f"bench-{kind}-{uuid.uuid4().hex[:8]}"
    channel.queue_declare(queue, durable=True, auto_delete=False, arguments={"x-queue-type": kind})
    broker_before = broker_cpu_seconds()
    try:
        published = _publish(channel, queue, messages)
        consumed = _consume(channel, queue, messages)
        p50, p99 = _round_trips(connection.channel(), queue, trips)  # no confirms, as RPC
    finally:
        channel.queue_delete(queue)
        channel.close()
    broker_ms = (broker_cpu_seconds() - broker_before) * 1000 / (messages + trips)
    return {
        "published/s": published,
        "consumed/s": consumed,
        "p50 ms": p50,
        "p99 ms": p99,
        "broker CPU ms/message": broker_ms,
    }


def broker_cpu_seconds() -> float:
    """The local broker's CPU time (user + system), or 0 when it is not on this machine."""
    try:
        pid = subprocess.run(
            ["pgrep", "-u", "rabbitmq", "beam.smp"], capture_output=True, text=True, check=True
        ).stdout.split()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (subprocess.CalledProcessError, IndexError, OSError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _publish(channel: Any, queue: str, messages: int) -> float:
    channel.confirm_select()
    body = '{"event_id": "x", "data": {"household_id": "y"}}' * 4
    started = time.perf_counter()
    for _ in range(messages):
        message = amqp.Message(body, delivery_mode=2, content_type="application/json")
        channel.basic_publish(message, exchange="", routing_key=queue)
    return messages / (time.perf_counter() - started)


def _consume(channel: Any, queue: str, messages: int) -> float:
    channel.basic_qos(0, 100, False)
    received = 0

    def on_message(message: Any) -> None:
        nonlocal received
        received += 1
        channel.basic_ack(message.delivery_tag)

    tag = channel.basic_consume(queue, callback=on_message)
    started = time.perf_counter()
    while received < messages:
        channel.connection.drain_events(timeout=10)
    elapsed = time.perf_counter() - started
    channel.basic_cancel(tag)
    return messages / elapsed


def _round_trips(channel: Any, queue: str, trips: int) -> tuple[float, float]:
    arrived: list[float] = []
    tag = channel.basic_consume(queue, no_ack=True, callback=lambda _: arrived.append(0))
    times = []
    for _ in range(trips):
        started = time.perf_counter()
        channel.basic_publish(amqp.Message("{}", delivery_mode=1), exchange="", routing_key=queue)
        expected = len(arrived) + 1
        while len(arrived) < expected:
            channel.connection.drain_events(timeout=10)
        times.append((time.perf_counter() - started) * 1000)
    channel.basic_cancel(tag)
    channel.close()
    cuts = statistics.quantiles(times, n=100)
    return cuts[49], cuts[98]


if __name__ == "__main__":
    main()
