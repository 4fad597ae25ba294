"""Benchmark: the cases report for a province of a million households through the gateway, and
for one of its districts, beside the raw SQL aggregates of the same numbers run directly.

    .venv/bin/python bench/reports.py [--households 1000000] [--calls 30]

Fills a throw-away PostgreSQL database with generated households of Chachoengsao (SQL, as
`bench/households_list.py` does; a share of them targeted, consenting and due for a visit), starts
teams, households and the gateway as `make run` does on a throw-away vhost, and asks
`GET /api/v1/reports/cases?area=..` one at a time as a provincial supervisor. Then the same
aggregate queries (services/households/db/reports.py) straight on the database, and the XLSX of
the province (its districts as rows, then every tambon as a row) and of a district (its
tambons as rows): time and size; all of it twice, with the
table in random order and then clustered in village order (as area-by-area imports leave it).
Figures, not a test. Targets (issue 14): p95 <= 1 s for the province, <= 300 ms for the
district, and the service path within 2x of the raw aggregate.
"""

from __future__ import annotations

import eventlet

import infra  # noqa: F401

eventlet.monkey_patch()

import argparse  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests  # noqa: E402
from households_list import fill  # noqa: E402
from households_list_http import start_system, summary, supervisor_token  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from infra.config import database_url, load_config  # noqa: E402
from infra.fiscal import current_fiscal_year, fiscal_year_span  # noqa: E402
from services.households.db import reports  # noqa: E402
from tests.support.broker import RabbitAdmin, amqp_uri_for  # noqa: E402
from tests.support.databases import (  # noqa: E402
    drop_postgres_databases,
    new_prefix,
    postgres_template,
)
from tests.support.ports import free_port  # noqa: E402
from tests.support.processes import environment, run_module  # noqa: E402

AREAS = {"province": "24", "district": "2401"}
CASE_WORK = """
UPDATE households SET targeted_at = registered_at, consented = (stage <> 'declined'),
       next_visit_due = CASE WHEN stage = 'care' THEN current_date - (random() * 60)::int END
WHERE stage <> 'registered'
"""


def give_cases_work(url: str) -> None:
    """Cases under way, then VACUUM ANALYZE as autovacuum would after such a load (the visibility
    map lets the report read the village index alone: services/households/db/tables.py)."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(CASE_WORK))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE households"))
    engine.dispose()


def through_gateway(url: str, token: str, area: str, calls: int, fmt: str = "json") -> list[float]:
    times = []
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        for _ in range(calls):
            began = time.perf_counter()
            answer = session.get(f"{url}/api/v1/reports/cases", params={"area": area,
                                 "format": fmt}, timeout=60)  # fmt: skip
            answer.raise_for_status()
            times.append((time.perf_counter() - began) * 1000)
    return times


def raw_aggregate(url: str, area: str, calls: int) -> list[float]:
    """The report's four aggregate queries, straight on the database (no RPC, no gateway)."""
    start, end = fiscal_year_span(current_fiscal_year())
    visible = reports.area_condition(area, (area,), reports.area_range(area))
    window = reports.CasesWindow(visible, len(area) + 2, date.today(), start, end)
    engine, times = create_engine(url), []
    with Session(engine) as session:
        for _ in range(calls):
            began = time.perf_counter()
            for query in (reports.household_counts, reports.graduation_counts,
                          reports.plans_waiting, reports.intervention_counts):  # fmt: skip
                query(session, window)
            times.append((time.perf_counter() - began) * 1000)
    engine.dispose()
    return times


def xlsx_figures(url: str, token: str, area: str, rows: str | None = None) -> str:
    headers = {"Authorization": f"Bearer {token}"}
    params = {"area": area, "format": "xlsx", **({"rows": rows} if rows else {})}
    began = time.perf_counter()
    answer = requests.get(f"{url}/api/v1/reports/cases", params=params, headers=headers,
                          timeout=60)  # fmt: skip
    took = (time.perf_counter() - began) * 1000
    answer.raise_for_status()
    by = f" (a row per {rows})" if rows else ""
    return f"XLSX of {area}{by}: {took:.0f} ms, {len(answer.content) / 1024:.1f} KiB"


def cluster(url: str) -> None:
    """Put the table in village order, as area-by-area BMN imports leave it (the random fill
    scatters every district over every page)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("CLUSTER households USING ix_households_village"))
        connection.execute(text("VACUUM ANALYZE households"))
    engine.dispose()


def measure(url: str, token: str, db: str, calls: int) -> list[str]:
    lines = []
    for name, area in AREAS.items():
        through_gateway(url, token, area, 3)  # warm-up
        gateway = through_gateway(url, token, area, calls)
        lines.append(summary(f"{name} {area} through the gateway", gateway))
        lines.append(summary(f"{name} {area} raw SQL aggregate  ", raw_aggregate(db, area, calls)))
        lines.append(xlsx_figures(url, token, area))
    lines.append(xlsx_figures(url, token, AREAS["province"], rows="tambon"))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    base = load_config()
    admin, prefix = RabbitAdmin(base["RABBIT_API_URI"]), new_prefix()
    vhost, address = admin.create_vhost(), f"127.0.0.1:{free_port()}"
    env = environment(
        AMQP_URI=amqp_uri_for(vhost), DATABASE_URL=postgres_template(prefix),
        DATA_DIR=tempfile.mkdtemp(prefix="bench-reports-"), GATEWAY_ADDRESS=address,
        ADMIN_PASSWORD="bench list passphrase 1", JWT_SECRET="r" * 64, LOG_LEVEL="WARNING",
        RATE_LIMIT_PER_PERSON="100000000/minute",
    )  # fmt: skip
    config = {**base, "DATABASE_URL": env["DATABASE_URL"]}
    processes, url, lines = [], f"http://{address}", []
    try:
        run_module("infra.migrate", "upgrade", env=env)
        db = database_url(config, "households")
        began = time.perf_counter()
        fill(db, args.households)
        give_cases_work(db)
        lines.append(f"filled {args.households} households in {time.perf_counter() - began:.0f} s")
        processes = start_system(env)
        token = supervisor_token(url)
        lines += ["households in random order:", *measure(url, token, db, args.calls)]
        cluster(db)
        lines += ["households in village order:", *measure(url, token, db, args.calls)]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        drop_postgres_databases(prefix)
        admin.delete_vhost(vhost)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
