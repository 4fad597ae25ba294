"""Consumer benchmark (issue 19): how fast and at what CPU cost the services apply a backlog of
events, against a raw kombu consume-and-ack of the same messages, in one run.

    .venv/bin/python bench/consumers.py [--events 5000] [--windows 1,25] [--postgres]

For each window size (`EVENT_BATCH_WINDOW`: 1 applies every event in its own transaction, as an
unbatched consumer does) it starts teams and notifications as `make run` does, on a throw-away
vhost and data folder, publishes `--events` `visit_logged` events of 500 households as the
households relay would (three queues take each: teams' read model, notifications' rules and its
event log), and waits until every one is applied (read from the services' own tables). It prints
events/s per queue, the CPU milliseconds each process spent per event, and the ratio to the raw
baseline: the same messages consumed and acked one by one by a plain kombu consumer (prefetch 50)
from a quorum queue, its CPU measured the same way. Figures, not a test: it never fails on a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kombu import Connection, Exchange, Producer, Queue
from sqlalchemy import create_engine, text

from bench.cpu import CpuMeter
from infra.config import database_url, load_config
from infra.envelope import Envelope
from infra.queues import QUORUM_ONLY
from services.households.events import VISIT_LOGGED
from tests.support.broker import RabbitAdmin, amqp_uri_for
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template
from tests.support.processes import environment, run_module, start_module

SERVICES = ("teams", "notifications")
HOUSEHOLDS = 500
RAW_QUEUE = "bench-raw"
TIMEOUT_SECONDS = 300
APPLIED = {  # what each queue leaves behind once an event is applied: (service, count query)
    "teams.on_visit_logged": ("teams", "SELECT count(*) FROM inbox WHERE consumer = :c"),
    "notifications.on_visit_logged": (
        "notifications",
        "SELECT count(*) FROM inbox WHERE consumer = :c",
    ),
    "notifications.log_visit_logged": ("notifications", "SELECT count(*) FROM event_log"),
}


def main() -> None:
    options = _options()
    events = _events(options.events)
    admin = RabbitAdmin(load_config()["RABBIT_API_URI"])
    legs = {f"window {w}": _leg(admin, events, w, options) for w in options.windows}
    legs["raw kombu consume + ack"] = _raw(admin, events)
    _report(legs, options)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--windows", type=lambda s: [int(w) for w in s.split(",")], default=[1, 25])
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    return parser.parse_args()


def _events(count: int) -> list[dict]:
    households = [str(uuid.uuid4()) for _ in range(HOUSEHOLDS)]
    return [
        Envelope(
            "visit_logged",
            {
                **VISIT_LOGGED.example,
                "household_id": households[i % HOUSEHOLDS],
                "visit_id": str(uuid.uuid4()),
            },
            "households",
        ).to_dict()
        for i in range(count)
    ]


def _leg(admin: RabbitAdmin, events: list[dict], window: int, options: argparse.Namespace) -> dict:
    vhost = admin.create_vhost()
    prefix = new_prefix() if options.postgres else None
    processes: list[subprocess.Popen[bytes]] = []
    try:
        env = _environment(vhost, prefix, window)
        processes = _start(env)
        print(
            f"window {window}: pids "
            + " ".join(f"{s}={p.pid}" for s, p in zip(SERVICES, processes, strict=True)),
            flush=True,
        )
        meter = CpuMeter({n: p.pid for n, p in zip(SERVICES, processes, strict=True)})
        engines = {s: create_engine(database_url(_config(env), s)) for s in SERVICES}
        _wait_for_consumers(admin, vhost)
        meter.start()
        started = time.monotonic()
        _publish(env["AMQP_URI"], events)
        done = _wait_applied(engines, len(events), started)
        cpu = meter.per_request(len(events))
        return {"per_queue_s": done, "cpu_ms": cpu}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        admin.delete_vhost(vhost)
        if prefix:
            drop_postgres_databases(prefix)


def _environment(vhost: str, prefix: str | None, window: int) -> dict[str, str]:
    settings = dict(
        AMQP_URI=amqp_uri_for(vhost),
        DATA_DIR=tempfile.mkdtemp(prefix="bench-consumers-"),
        JWT_SECRET="b" * 64,
        LOG_LEVEL="INFO",
        EVENT_BATCH_WINDOW=window,
    )
    if prefix:
        settings["DATABASE_URL"] = postgres_template(prefix)
    return environment(**settings)


def _config(env: dict[str, str]) -> dict:
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return load_config()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _start(env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    run_module("infra.migrate", "upgrade", env=env)
    run_module("infra.topology", env=env)
    logs = Path(env["DATA_DIR"])
    return [start_module("infra.runner", s, env=env, log_path=logs / f"{s}.log") for s in SERVICES]


def _wait_for_consumers(admin: RabbitAdmin, vhost: str) -> None:
    queues = [f"evt-households-visit_logged--{q}" for q in APPLIED]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if all(admin.queue_consumers(vhost, q) > 0 for q in queues):
            time.sleep(2)  # the rest of the start-up (other queues, relays) settles
            return
        time.sleep(0.5)
    sys.exit("the services did not start consuming within 120 s")


def _publish(amqp_uri: str, events: list[dict], exchange: str = "households.events") -> None:
    """Publish every event, then wait until the broker has confirmed them all: without
    confirms the last messages of a connection closed at once may never reach every queue."""
    target = Exchange(exchange, type="topic", durable=True) if exchange else Exchange("")
    key = "visit_logged" if exchange else RAW_QUEUE
    with Connection(amqp_uri) as connection:
        channel = connection.channel()
        confirmed = _confirmations(channel)
        producer = Producer(channel, exchange=target)
        for envelope in events:
            producer.publish(
                envelope,
                routing_key=key,
                serializer="json",
                message_id=envelope["event_id"],
                delivery_mode=2,
            )
        while confirmed["up_to"] < len(events):
            connection.drain_events(timeout=60)
    if confirmed["refused"]:
        sys.exit(f"the broker refused {confirmed['refused']} of the events")


def _confirmations(channel: Any) -> dict[str, int]:
    """Publisher confirms on `channel`, counted as the broker sends them (without waiting)."""
    confirmed = {"up_to": 0, "refused": 0}

    def acked(delivery_tag: int, multiple: bool) -> None:
        confirmed["up_to"] = max(confirmed["up_to"], delivery_tag)

    def nacked(delivery_tag: int, multiple: bool, requeue: bool = False) -> None:
        confirmed["refused"] += 1
        acked(delivery_tag, multiple)

    channel.confirm_select()
    channel.events["basic_ack"].add(acked)
    channel.events["basic_nack"].add(nacked)
    return confirmed


def _wait_applied(engines: dict, count: int, started: float) -> dict[str, float]:
    done: dict[str, float] = {}
    while len(done) < len(APPLIED):
        for queue, (service, query) in APPLIED.items():
            if queue not in done and _count(engines[service], query, queue) >= count:
                done[queue] = time.monotonic() - started
        time.sleep(0.05)
        if time.monotonic() - started > TIMEOUT_SECONDS:
            sys.exit(f"not applied within {TIMEOUT_SECONDS} s: {sorted(set(APPLIED) - set(done))}")
    return done


def _count(engine, query: str, consumer: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(query), {"c": consumer}).scalar_one())


def _raw(admin: RabbitAdmin, events: list[dict]) -> dict:
    vhost = admin.create_vhost()
    try:
        queue = Queue(RAW_QUEUE, durable=True, queue_arguments=dict(QUORUM_ONLY))
        with Connection(amqp_uri_for(vhost)) as connection:
            queue(connection.channel()).declare()
        _publish(amqp_uri_for(vhost), events, exchange="")
        with Connection(amqp_uri_for(vhost)) as connection:
            before, started = _own_cpu(), time.monotonic()
            consumed = _consume_all(connection, queue, len(events))
            elapsed, cpu = time.monotonic() - started, _own_cpu() - before
        assert consumed == len(events)
        return {"per_queue_s": {"raw": elapsed}, "cpu_ms": {"consumer": 1000 * cpu / len(events)}}
    finally:
        admin.delete_vhost(vhost)


def _consume_all(connection: Connection, queue: Queue, count: int) -> int:
    received = 0

    def on_message(body: dict, message) -> None:
        nonlocal received
        message.ack()
        received += 1

    with connection.Consumer(queue, callbacks=[on_message], prefetch_count=50):
        while received < count:
            connection.drain_events(timeout=30)
    return received


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _report(legs: dict[str, dict], options: argparse.Namespace) -> None:
    backend = "PostgreSQL" if options.postgres else "SQLite"
    raw = legs["raw kombu consume + ack"]
    raw_rate = options.events / raw["per_queue_s"]["raw"]
    print(f"\n{options.events} visit_logged events of {HOUSEHOLDS} households, {backend}")
    raw_cpu = raw["cpu_ms"]["consumer"]
    print(f"raw kombu consume + ack: {raw_rate:8.0f} events/s, CPU {raw_cpu:.3f} ms/event\n")
    print(f"{'leg':12} {'queue':32} {'events/s':>9} {'/ raw':>6}")
    for name, leg in legs.items():
        if name == "raw kombu consume + ack":
            continue
        for queue, seconds in leg["per_queue_s"].items():
            rate = options.events / seconds
            print(f"{name:12} {queue:32} {rate:9.0f} {rate / raw_rate:6.2f}")
    print("\nCPU ms per event, by process (each process applies the event in its queues)")
    for name, leg in legs.items():
        if name != "raw kombu consume + ack":
            cells = "  ".join(f"{p} {ms:.2f}" for p, ms in leg["cpu_ms"].items())
            print(f"{name:12} {cells}")


if __name__ == "__main__":
    main()
