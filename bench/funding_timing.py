"""The benchmark's legs: sheets POSTed through the gateway, sheets through the RPC method, and
the same ledger rows inserted directly (the floor the service is compared with)."""

from __future__ import annotations

import argparse
import math
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import eventlet
import requests
from nameko.standalone.rpc import ClusterRpcProxy
from sqlalchemy import insert

from services.funding.db.ledger_tables import postings
from services.funding.domain.money import bangkok_date

WARM_UP_SHEETS_PER_CLIENT = 2


@dataclass
class Figures:
    latencies: list[float]
    elapsed: float

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.count / self.elapsed

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return 1000 * ordered[max(0, math.ceil(share * len(ordered)) - 1)]

    @property
    def p50(self) -> float:
        return self.percentile(0.50)

    @property
    def p99(self) -> float:
        return self.percentile(0.99)

    @property
    def worst(self) -> float:
        return 1000 * max(self.latencies)


def through_rpc(env: Any, seeded: Any, args: argparse.Namespace) -> Figures:
    today = bangkok_date(datetime.now(UTC)).isoformat()

    def client(number: int, sheets: int) -> list[float]:
        plan = seeded.plans[number % len(seeded.plans)]
        caller = plan.treasurer.to_dict()
        took = []
        with ClusterRpcProxy(env.config, timeout=60) as proxy:
            for _ in range(sheets):
                payload = seeded.sheet(plan, today)
                started = time.perf_counter()
                proxy.funding.post_collection_sheet(caller, plan.group_id, payload)
                took.append(time.perf_counter() - started)
        return took

    _concurrently(args.clients, lambda n: client(n, WARM_UP_SHEETS_PER_CLIENT))
    return _concurrently(args.clients, lambda n: client(n, args.sheets // args.clients))


def through_gateway(env: Any, seeded: Any, url: str, args: argparse.Namespace) -> Figures:
    """Each client a phone on a kept-alive connection, POSTing its group's sheets one by one."""
    today = bangkok_date(datetime.now(UTC)).isoformat()
    tokens = {plan.group_id: env.token_for(plan.treasurer) for plan in seeded.plans}

    def client(number: int, sheets: int) -> list[float]:
        plan = seeded.plans[number % len(seeded.plans)]
        address = f"{url}/api/v1/savings-groups/{plan.group_id}/collection-sheets"
        took = []
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {tokens[plan.group_id]}"
            for _ in range(sheets):
                body = seeded.sheet(plan, today)
                started = time.perf_counter()
                answer = session.post(address, json=body, timeout=60)
                took.append(time.perf_counter() - started)
                if answer.status_code != 201:
                    raise RuntimeError(f"sheet refused: {answer.status_code} {answer.text[:300]}")
        return took

    _concurrently(args.clients, lambda n: client(n, WARM_UP_SHEETS_PER_CLIENT))
    return _concurrently(args.clients, lambda n: client(n, args.sheets // args.clients))


def raw_baseline(env: Any, seeded: Any, args: argparse.Namespace) -> Figures:
    """One transaction per sheet inserting the ledger rows such a sheet posts (a row per deposit,
    two per repayment), with no reads, checks or balance updates."""
    today = bangkok_date(datetime.now(UTC))

    def client(number: int, sheets: int) -> list[float]:
        plan = seeded.plans[number % len(seeded.plans)]
        took = []
        for _ in range(sheets):
            rows = _ledger_rows(plan, today)
            started = time.perf_counter()
            with env.engine.begin() as connection:
                connection.execute(insert(postings), rows)
            took.append(time.perf_counter() - started)
        return took

    return _concurrently(args.clients, lambda n: client(n, args.sheets // args.clients))


def _concurrently(clients: int, work: Any) -> Figures:
    pool = eventlet.GreenPool(clients)
    started = time.perf_counter()
    latencies = [t for took in pool.imap(work, range(clients)) for t in took]
    return Figures(latencies, time.perf_counter() - started)


def _ledger_rows(plan: Any, day: Any) -> list[dict[str, Any]]:
    now, sheet_id = datetime.now(UTC), str(uuid.uuid4())
    common = {
        "group_id": plan.group_id,
        "posted_on": day,
        "sheet_id": sheet_id,
        "recorded_by": plan.treasurer.person_id,
        "recorded_at": now,
    }
    rows = [
        {
            **common,
            "entry_id": str(uuid.uuid4()),
            "kind": "deposit",
            "debit": "cash",
            "credit": "savings",
            "amount_satang": 10000,
            "member_id": member_id,
            "loan_id": None,
        }
        for member_id in plan.savers
    ]
    for loan_id in plan.loans:
        entry = {
            **common,
            "entry_id": str(uuid.uuid4()),
            "kind": "repayment",
            "debit": "cash",
            "member_id": None,
            "loan_id": loan_id,
        }
        rows += [
            {**entry, "credit": "loans", "amount_satang": 950},
            {**entry, "credit": "income", "amount_satang": 50},
        ]
    return rows
