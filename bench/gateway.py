"""Gateway benchmark (issue 4): a static route, an authenticated case read, an authenticated visit
write that produces an event, at 32 concurrent connections, in one run.

    .venv/bin/python bench/gateway.py [--seconds 15] [--connections 32] [--postgres]

Starts the whole system as `make run` does (on a throw-away vhost and data folder), prepares one
household case in care with its plan and visits, then drives each route with wrk and prints req/s,
p50 and p99 for each and the ratios b/a and c/a, then the CPU milliseconds each process (gateway and
services) spent per request in each leg: the profile that shows where the time goes. Needs wrk
(Debian: apt-get install wrk). Figures, not a test: it never fails on a time.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cpu import CpuMeter
from bench.gateway_setup import prepare_case
from infra.config import load_config
from tests.support.broker import RabbitAdmin, amqp_uri_for
from tests.support.databases import (
    drop_postgres_databases,
    new_prefix,
    postgres_template,
)
from tests.support.processes import environment, run_module, start_module

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def main() -> None:
    options = _options()
    if shutil.which("wrk") is None:
        sys.exit("bench/gateway.py needs wrk: apt-get install wrk")
    admin, vhost = RabbitAdmin(load_config()["RABBIT_API_URI"]), None
    prefix = new_prefix() if options.postgres else None
    processes: list[subprocess.Popen[bytes]] = []
    try:
        vhost = admin.create_vhost()
        env = _environment(vhost, prefix, options)
        names, processes = _start(env)
        url = f"http://{env['GATEWAY_ADDRESS']}"
        case = prepare_case(url, env["ADMIN_PASSWORD"])
        meter = CpuMeter({n: p.pid for n, p in zip(names, processes, strict=True)})
        _report(_scenarios(url, case, options, meter), options)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        if vhost:
            admin.delete_vhost(vhost)
        if prefix:
            drop_postgres_databases(prefix)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument(
        "--log-level", default="INFO", help="INFO logs every request, as in production"
    )
    return parser.parse_args()


def _environment(vhost: str, prefix: str | None, options: argparse.Namespace) -> dict[str, str]:
    data = Path(tempfile.mkdtemp(prefix="bench-gateway-"))
    settings = dict(
        AMQP_URI=amqp_uri_for(vhost),
        DATA_DIR=data,
        GATEWAY_ADDRESS="127.0.0.1:8123",
        ADMIN_PASSWORD="benchmark passphrase 1",
        JWT_SECRET="b" * 64,
        LOG_LEVEL=options.log_level,
        RATE_LIMIT_PER_PERSON="100000000/minute",
    )
    if prefix:
        settings["DATABASE_URL"] = postgres_template(prefix)
    return environment(**settings)


def _start(env: dict[str, str]) -> tuple[list[str], list[subprocess.Popen[bytes]]]:
    run_module("infra.migrate", "upgrade", env=env)
    run_module("infra.topology", env=env)
    run_module("services.teams.bootstrap", env=env)
    logs = Path(env["DATA_DIR"])
    names = [*load_config()["SERVICES"], "gateway"]
    processes = [
        start_module("infra.runner", n, env=env, log_path=logs / f"{n}.log") for n in names
    ]
    time.sleep(1)
    return names, processes


def _scenarios(
    url: str, case: dict[str, str], options: argparse.Namespace, meter: CpuMeter
) -> dict[str, dict]:
    auth = f"Authorization: Bearer {case['token']}"
    visit = json.dumps(
        {
            "visited_at": case["visited_at"],
            "notes": "benchmark visit",
            "wellbeing": 3,
            "annual_income_thb": "30000.00",
        }
    )
    return {
        "a  static   GET /health/live": _wrk(f"{url}/health/live", [], None, options, meter),
        "b  read     GET /households/{id}/case": _wrk(
            f"{url}/api/v1/households/{case['household']}/case", [auth], None, options, meter
        ),
        "c  write    POST /households/{id}/visits": _wrk(
            f"{url}/api/v1/households/{case['household']}/visits", [auth], visit, options, meter
        ),
    }


def _wrk(
    url: str,
    headers: list[str],
    body: str | None,
    options: argparse.Namespace,
    meter: CpuMeter,
) -> dict:
    command = ["wrk", "-t2", f"-c{options.connections}", f"-d{options.seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if body is not None:
            script.write(
                f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n'
                'wrk.headers["Content-Type"] = "application/json"\n'
            )
    command += ["-s", script.name, url]
    meter.start()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = _parsed(output)
    time.sleep(2)  # events the leg caused are still being consumed: count their CPU too
    return {**figures, "cpu_ms": meter.per_request(figures["requests"])}


def _parsed(output: str) -> dict:
    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNITS[unit]

    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "failed": int(failed.group(1)) if failed else 0,
    }


def _report(results: dict[str, dict], options: argparse.Namespace) -> None:
    backend = "PostgreSQL" if options.postgres else "SQLite"
    print(
        f"\n{options.connections} connections, {options.seconds} s each, {backend}, "
        f"LOG_LEVEL={options.log_level}"
    )
    print(f"{'route':44} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, r in results.items():
        print(f"{name:44} {r['rps']:8.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['failed']:8d}")
    a, b, c = (r["rps"] for r in results.values())
    print(f"\nb/a = {b / a:.2f}   c/a = {c / a:.2f}")
    _report_cpu(results)


def _report_cpu(results: dict[str, dict]) -> None:
    names = list(next(iter(results.values()))["cpu_ms"])
    print("\nCPU ms per request, by process (2 s after each leg included for its events)")
    print(f"{'route':44} " + " ".join(f"{n[:13]:>13}" for n in names) + f" {'total':>8}")
    for route, r in results.items():
        cpu = r["cpu_ms"]
        cells = " ".join(f"{cpu[n]:13.2f}" for n in names)
        print(f"{route:44} {cells} {sum(cpu.values()):8.2f}")


if __name__ == "__main__":
    main()
