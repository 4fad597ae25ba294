"""Filtered household lists over a million households, through the gateway (HTTP, JWT) and over
RPC to the households service, in one run.

    .venv/bin/python bench/households_list_http.py [--households 1000000] [--calls 300]

Fills a throw-away PostgreSQL database with generated households (SQL, from
`bench/households_list.py`), starts teams, households and the gateway as `make run` does (on
a throw-away vhost), logs in a provincial supervisor of Chachoengsao made through the API, and
asks for area + stage filtered pages (district and tambon, first and later pages) one at a time:
`GET /api/v1/households?area=..&stage=..&limit=50` with keep-alive, then the same mix over RPC.
Prints p50/p95/max of each and the query plans of a first and a later (keyset) page. Figures, not
a test: nothing here fails on a time.
"""

from __future__ import annotations

import eventlet

import infra  # noqa: F401

eventlet.monkey_patch()

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests  # noqa: E402
from households_list import STAGES, fill, measure, plan  # noqa: E402

from bench.gateway_setup import _login, _person, _until  # noqa: E402
from infra.config import database_url, load_config  # noqa: E402
from tests.support.broker import RabbitAdmin, amqp_uri_for  # noqa: E402
from tests.support.databases import (  # noqa: E402
    drop_postgres_databases,
    new_prefix,
    postgres_template,
)
from tests.support.processes import environment, run_module, start_module  # noqa: E402

AREAS = ["2401", "2402", "2403", "240101", "240201", "24"]
ADDRESS, ADMIN_PASSWORD, PASSWORD = (
    "127.0.0.1:8125",
    "bench list passphrase 1",
    "benchmark passphrase 2",
)


def start_system(env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    run_module("infra.topology", env=env)
    run_module("services.teams.bootstrap", env=env)
    logs = Path(env["DATA_DIR"])
    return [
        start_module("infra.runner", name, env=env, log_path=logs / f"{name}.log")
        for name in ("teams", "households", "gateway")
    ]


def supervisor_token(url: str) -> str:
    """Made through the API once the gateway answers and teams can log people in."""
    _until(lambda: _answers(f"{url}/health/live"), timeout=60)
    admin = _first_login(url)
    person = _person(url, admin, f"ps.{time.time_ns()}", "provincial_supervisor", "24")
    return _login(url, person["username"], PASSWORD)


def _first_login(url: str) -> str:
    """The administrator's token, once teams has started and answers the gateway."""
    tokens: list[str] = []

    def logged_in() -> bool:
        try:
            tokens.append(_login(url, "admin", ADMIN_PASSWORD))
        except requests.RequestException:  # teams still starting: the gateway answers 504
            return False
        return True

    _until(logged_in, timeout=90)
    return tokens[0]


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:  # not listening yet
        return False


def measure_http(url: str, token: str, calls: int) -> list[float]:
    """Like `households_list.measure`, through the gateway: the same mix of filters and pages."""
    rng, times, items = random.Random(7), [], 0
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        for _ in range(calls):
            query = {"area": rng.choice(AREAS), "stage": rng.choice(STAGES[5:]), "limit": 50}
            if rng.random() < 0.5:  # a later page, as a scrolling client asks
                first = _get(session, url, query)
                query = {**query, "after": first["next"]} if first["next"] else query
            began = time.perf_counter()
            items += len(_get(session, url, query)["items"])
            times.append((time.perf_counter() - began) * 1000)
    print(f"through the gateway: {items / calls:.1f} households a page on average")
    return times


def _get(session: requests.Session, url: str, query: dict) -> dict:
    answer = session.get(f"{url}/api/v1/households", params=query, timeout=30)
    answer.raise_for_status()
    return answer.json()


def summary(name: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    return (
        f"{name}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--log-level", default="INFO", help="INFO logs every request")
    args = parser.parse_args()
    base = load_config()
    admin, prefix = RabbitAdmin(base["RABBIT_API_URI"]), new_prefix()
    vhost = admin.create_vhost()
    env = environment(
        AMQP_URI=amqp_uri_for(vhost),
        DATABASE_URL=postgres_template(prefix),
        DATA_DIR=tempfile.mkdtemp(prefix="bench-list-"),
        GATEWAY_ADDRESS=ADDRESS,
        ADMIN_PASSWORD=ADMIN_PASSWORD,
        JWT_SECRET="b" * 64,
        LOG_LEVEL=args.log_level,
        RATE_LIMIT_PER_PERSON="100000000/minute",
    )
    config = {**base, "AMQP_URI": env["AMQP_URI"], "DATABASE_URL": env["DATABASE_URL"]}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        run_module("infra.migrate", "upgrade", env=env)
        url = database_url(config, "households")
        began = time.perf_counter()
        fill(url, args.households)
        print(f"filled {args.households} households in {time.perf_counter() - began:.1f} s")
        print(f"first page:\n{plan(url)}\nlater page:\n{plan(url, after=('24010500', ''))}")
        processes = start_system(env)
        token = supervisor_token(f"http://{ADDRESS}")
        measure_http(f"http://{ADDRESS}", token, 20)  # warm-up
        http = measure_http(f"http://{ADDRESS}", token, args.calls)
        rpc = measure(config, args.calls)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        drop_postgres_databases(prefix)
        admin.delete_vhost(vhost)
    print(f"{args.calls} calls each, one at a time, half of them for a later page:")
    print(summary("GET /api/v1/households through the gateway", http))
    print(summary("list_households over RPC                 ", rpc))


if __name__ == "__main__":
    main()
