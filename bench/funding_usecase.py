"""Benchmark: the collection-sheet use case alone, in this process, one sheet after another: the
service's own cost per sheet with no broker, gateway or concurrency (what to profile first).

    .venv/bin/python bench/funding_usecase.py                        # SQLite (embedded default)
    .venv/bin/python bench/funding_usecase.py --backend postgresql   # local PostgreSQL
    .venv/bin/python bench/funding_usecase.py --profile /tmp/usecase.prof

Each sheet goes through the RPC method's parsing and the use case, as the service runs it. It
prints figures; it never fails on a time.
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.orm import sessionmaker

from bench.funding_seed import seed
from infra.config import database_url, load_config
from infra.engines import make_engine
from infra.migrate import upgrade
from services.funding.db import FundingUnitOfWork, metadata
from services.funding.domain.money import bangkok_date
from services.funding.schemas.repayments import sheet_out
from services.funding.schemas.sheet_input import parse_sheet
from services.funding.settings import Settings
from services.funding.usecases import repayments
from tests.support.databases import (
    drop_postgres_databases,
    new_prefix,
    postgres_template,
    sqlite_template,
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--sheets", type=int, default=400)
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--profile", help="write a cProfile of the measured sheets here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        prefix = new_prefix() if args.backend == "postgresql" else None
        template = postgres_template(prefix) if prefix else sqlite_template(Path(scratch))
        try:
            run(args, {**load_config(), "DATABASE_URL": template})
        finally:
            if prefix:
                drop_postgres_databases(prefix)


def run(args: argparse.Namespace, config: dict) -> None:
    upgrade(config, ["funding"])
    engine = make_engine(database_url(config, "funding"))
    sessions = sessionmaker(engine, expire_on_commit=False)
    uow = FundingUnitOfWork(sessions, metadata, source="funding", consumer="funding.bench")
    seeded = seed(SimpleNamespace(unit_of_work=lambda: uow), args.groups, args.lines)
    today = bangkok_date(datetime.now(UTC)).isoformat()

    def post(count: int) -> None:
        for n in range(count):
            plan = seeded.plans[n % len(seeded.plans)]
            command = parse_sheet(seeded.sheet(plan, today))
            now = datetime.now(UTC)
            repayments.post_collection_sheet(
                uow, plan.treasurer, plan.group_id, command, now, Settings(), sheet_out
            )

    post(20)  # warm-up: caches, compiled statements
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profiler:
        profiler.runcall(post, args.sheets)
        profiler.dump_stats(args.profile)
    else:
        post(args.sheets)
    elapsed = time.perf_counter() - started
    seeded.check_books(SimpleNamespace(unit_of_work=lambda: uow))
    engine.dispose()
    print(
        f"collection-sheet use case, {args.lines} lines ({seeded.repayments_per_sheet} "
        f"repayments), backend {args.backend}: {args.sheets} sheets in {elapsed:.2f} s, "
        f"{1000 * elapsed / args.sheets:.2f} ms a sheet, {args.sheets / elapsed:.0f} sheets/s"
    )


if __name__ == "__main__":
    main()
