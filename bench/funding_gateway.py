"""Benchmark: collection sheets of 30 lines POSTed through the gateway by 16 concurrent clients,
with two baselines measured in the same run: the same sheets sent straight to the funding
service's RPC method (what the gateway adds), and the same ledger rows inserted directly (the
floor).

    .venv/bin/python bench/funding_gateway.py                        # SQLite (embedded default)
    .venv/bin/python bench/funding_gateway.py --backend postgresql   # local PostgreSQL

The funding service and the gateway run in their own processes (`python -m infra.runner`) on a
throw-away RabbitMQ vhost and throw-away databases; this process seeds groups, members and loans
through the use cases, signs each treasurer's token, then measures. Every sheet must be answered
201. It prints figures; it never fails on a time. Targets: >= 100 sheets/s, p99 <= 300 ms.
"""

from __future__ import annotations

import eventlet

import infra  # noqa: F401  (quiets eventlet's banner)

eventlet.monkey_patch()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.funding_seed import seed  # noqa: E402
from bench.funding_setup import Environment  # noqa: E402
from bench.funding_timing import Figures, raw_baseline, through_gateway, through_rpc  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--sheets", type=int, default=800, help="sheets posted in each leg")
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--groups", type=int, default=16)
    parser.add_argument("--workers", type=int, default=20, help="each process's max_workers")
    parser.add_argument("--replicas", type=int, default=1, help="funding service processes")
    parser.add_argument("--log-level", default="INFO", help="INFO logs every request, as deployed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, Environment(args, Path(scratch)) as env:
        seeded = seed(env, args.groups, args.lines)
        env.start_service()
        url = env.start_gateway()
        gateway = through_gateway(env, seeded, url, args)
        rpc = through_rpc(env, seeded, args)
        seeded.check_books(env)  # before the raw leg, whose rows bypass the balances
        raw = raw_baseline(env, seeded, args)
        report(args, seeded.repayments_per_sheet, {"gateway": gateway, "rpc": rpc, "raw": raw})


def report(args: argparse.Namespace, repayments: int, legs: dict[str, Figures]) -> None:
    print(
        f"funding collection sheets: {args.lines} lines each ({repayments} repayments), "
        f"{args.groups} groups, {args.clients} concurrent clients, backend {args.backend}, "
        f"{args.replicas} funding process(es) and 1 gateway process of {args.workers} workers, "
        f"LOG_LEVEL={args.log_level}, {os.cpu_count()} CPUs"
    )
    print(f"{'leg':<36}{'sheets':>8}{'sheets/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    names = {
        "gateway": "POST .../collection-sheets (HTTP)",
        "rpc": "RPC post_collection_sheet",
        "raw": "raw ledger insert",
    }
    for key, figures in legs.items():
        print(
            f"{names[key]:<36}{figures.count:>8}{figures.rate:>10.1f}{figures.p50:>9.1f}"
            f"{figures.p99:>9.1f}{figures.worst:>9.1f}"
        )
    print(
        f"(measured {time.strftime('%Y-%m-%d %H:%M')}; targets through the gateway: "
        ">= 100 sheets/s, p99 <= 300 ms)"
    )


if __name__ == "__main__":
    main()
