"""BMN import benchmark: the real service path against a raw PostgreSQL COPY of the same rows.

    .venv/bin/python bench/households_import.py [--rows 200000] [--chunk-kib 1024]
        [--events per_household|per_tambon]

`--events` is the service's `HOUSEHOLDS.import_events`: one `households_imported` per batch and
tambon (the default) or one `household_registered` per new household.

Generates realistic BMN rows (real Chachoengsao tambons, valid national IDs, Thai names,
household sizes and incomes, failed indicators), then in one run:
1. the service path: a households service container on a throw-away PostgreSQL database and
   RabbitMQ vhost; the file goes up in chunks over RPC (start_import, add_import_chunk,
   finish_import) and is processed by the service's background worker; timed from the first
   chunk to `done`;
2. raw COPY: the same CSV bytes COPY'd into an unindexed table of the same database.
Prints rows/s of each and their ratio. With `--whole-system`, 3. the same file is imported again on
a fresh database and vhost while teams and notifications run beside it as processes (as `make run`
starts them, LOG_LEVEL=INFO), timed until `done` and until teams knows every household from the
import's events; the ratio to 1. is the price of the consumers on the same cores. Figures, not a
test: nothing here fails on a time.
"""

from __future__ import annotations

import eventlet

import infra  # noqa: F401

eventlet.monkey_patch()

import argparse  # noqa: E402
import base64  # noqa: E402
import csv  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geothai  # noqa: E402
import psycopg2.extensions  # noqa: E402
from nameko.containers import ServiceContainer  # noqa: E402
from nameko.standalone.rpc import ClusterRpcProxy  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from stdnum.th import pin  # noqa: E402

from bench.cpu import GroupCpuMeter, loop_probe_seconds  # noqa: E402
from infra.caller import Caller, Role  # noqa: E402
from infra.config import database_url, load_config  # noqa: E402
from infra.migrate import upgrade  # noqa: E402
from services.households.imports.columns import COLUMNS  # noqa: E402
from services.households.service import HouseholdsService  # noqa: E402
from services.households.settings import IMPORT_EVENTS  # noqa: E402
from tests.support.broker import RabbitAdmin, amqp_uri_for  # noqa: E402
from tests.support.databases import drop_postgres_databases, postgres_template  # noqa: E402
from tests.support.processes import environment, run_module, start_module  # noqa: E402

CONSUMERS = ("teams", "notifications")

FIRST = ["สมชาย", "สมศรี", "บุญมี", "มาลี", "ประเสริฐ", "วันดี", "สุดา", "ชัยวัฒน์", "อำไพ", "ทองดี"]
LAST = ["ใจดี", "แสงทอง", "ศรีสุข", "บุญมา", "พรหมมา", "ทองคำ", "สายบุญ", "มั่นคง"]
ADMIN = Caller("bench", "bench", frozenset({Role.ADMINISTRATOR})).to_dict()


def villages(province: str = "24") -> list[str]:
    tambons = [t.code for d in geothai.districts(province) for t in geothai.subdistricts(d.code)]
    return [f"{t}{n:02d}" for t in tambons for n in range(1, 13)]


def national_id(n: int) -> str:
    base = f"3{n:011d}"
    return base + pin.calc_check_digit(base)


def generate(rows: int, seed: int = 5, later: int = 0) -> bytes:
    """`later`: the same households surveyed `later` years on (other incomes and indicators)."""
    rng, codes, out = random.Random(seed), villages(), io.StringIO()
    change = random.Random(seed + later)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for n in range(rows):
        size = rng.choice((1, 2, 3, 3, 4, 4, 5, 6, 7))
        income = rng.randint(8_000, 120_000) * size * 100 + rng.randint(0, 99)
        failed = ";".join(str(i) for i in sorted(rng.sample(range(1, 32), rng.randint(0, 5))))
        if later:
            income = income * change.randint(50, 150) // 100
            failed = ";".join(
                str(i) for i in sorted(change.sample(range(1, 32), change.randint(0, 6)))
            )
        writer.writerow(
            [
                rng.choice(codes),
                national_id(10_000_000 + n),
                rng.choice(FIRST),
                rng.choice(LAST),
                size,
                f"{income // 100}.{income % 100:02d}",
                f"{rng.randint(1, 250)}",
                f"{rng.randint(2480, 2545)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                rng.choice(("ชาย", "หญิง")),
                failed,
            ]
        )
    return out.getvalue().encode("utf-8")


def service_path(config: dict, data: bytes, chunk: int, year: int = 2026) -> tuple[float, dict]:
    with ClusterRpcProxy(config, timeout=120) as proxy:
        households = proxy.households
        started = households.start_import(
            ADMIN, {"file_name": "bench.csv", "survey_year": year, "format": "csv"}
        )
        began = time.perf_counter()
        for sequence, offset in enumerate(range(0, len(data), chunk)):
            piece = base64.b64encode(data[offset : offset + chunk]).decode()
            households.add_import_chunk(
                ADMIN, started["id"], {"sequence": sequence, "data_base64": piece}
            )
        households.finish_import(ADMIN, started["id"])
        uploaded = time.perf_counter() - began
        while (job := households.get_import(ADMIN, started["id"]))["status"] not in (
            "done",
            "failed",
        ):
            eventlet.sleep(0.05)
        return time.perf_counter() - began, {**job, "upload_seconds": uploaded}


def in_cases(url: str) -> None:
    """A tenth of the households graduated in 2026, another tenth in care (the later year's
    import reassesses their risk and looks for relapses)."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE households SET stage = CASE WHEN random() < 0.5 THEN 'graduated' "
                 "ELSE 'care' END WHERE random() < 0.2")
        )  # fmt: skip
        connection.execute(
            text("INSERT INTO case_transitions (household_id, from_stage, to_stage, changed_by, "
                 "reason, changed_at) SELECT id, 'care', 'graduated', 'bench', 'bench', "
                 "'2026-03-01T00:00:00+00:00' FROM households WHERE stage = 'graduated'")
        )  # fmt: skip
    engine.dispose()


def raw_copy(url: str, data: bytes) -> float:
    engine = create_engine(url)
    columns = ", ".join(f"{c} text" for c in COLUMNS)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE TABLE bench_copy ({columns})"))
    raw = engine.raw_connection()
    green = psycopg2.extensions.get_wait_callback()
    psycopg2.extensions.set_wait_callback(None)  # COPY needs a blocking connection
    try:
        began = time.perf_counter()
        with raw.cursor() as cursor:
            cursor.copy_expert(
                "COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)", io.BytesIO(data)
            )
        raw.commit()
        return time.perf_counter() - began
    finally:
        psycopg2.extensions.set_wait_callback(green)
        raw.close()
        engine.dispose()


def whole_system(base: dict, args: argparse.Namespace, data: bytes) -> tuple[float, float, dict]:
    """The import with teams and notifications consuming its events: seconds to `done`, seconds
    until teams knows every accepted household, and their CPU seconds meanwhile."""
    admin, prefix = RabbitAdmin(base["RABBIT_API_URI"]), f"smile_bench_{uuid.uuid4().hex[:8]}"
    vhost = admin.create_vhost()
    config = _config(base, vhost, prefix, args)
    env = environment(
        AMQP_URI=config["AMQP_URI"],
        DATABASE_URL=config["DATABASE_URL"],
        DATA_DIR=Path(f"/tmp/{prefix}"),
        JWT_SECRET="b" * 64,
        LOG_LEVEL="INFO",
    )
    processes, container = [], None
    try:
        upgrade(config, ["households", *CONSUMERS])
        run_module("infra.topology", env=env)
        processes = [start_module("infra.runner", s, env=env) for s in CONSUMERS]
        container = ServiceContainer(HouseholdsService, config)
        container.start()
        _wait_for_consumers(admin, vhost)
        started = time.perf_counter()
        before = {s: _cpu(p.pid) for s, p in zip(CONSUMERS, processes, strict=True)}
        seconds, job = service_path(config, data, args.chunk_kib * 1024)
        _wait_known(database_url(config, "teams"), job["accepted"])
        caught_up = time.perf_counter() - started
        cpu = {s: _cpu(p.pid) - before[s] for s, p in zip(CONSUMERS, processes, strict=True)}
        return seconds, caught_up, cpu
    finally:
        if container is not None:
            container.kill()
        for process in processes:
            process.terminate()
            process.wait(30)
        drop_postgres_databases(prefix)
        admin.delete_vhost(vhost)


def _config(base: dict, vhost: str, prefix: str, args: argparse.Namespace) -> dict:
    return {
        **base,
        "AMQP_URI": amqp_uri_for(vhost),
        "DATABASE_URL": postgres_template(prefix),
        "HOUSEHOLDS": {
            **base["HOUSEHOLDS"],
            "import_poll_seconds": 0.2,
            "import_events": args.events,
        },
    }


def _wait_for_consumers(admin: RabbitAdmin, vhost: str) -> None:
    queue = "evt-households-households_imported--teams.on_households_imported"
    while admin.queue_consumers(vhost, queue) == 0:
        eventlet.sleep(0.5)
    eventlet.sleep(2)  # the rest of their start-up


def _wait_known(teams_url: str, count: int) -> None:
    engine = create_engine(teams_url)
    try:
        while True:
            with engine.connect() as connection:
                known = connection.execute(text("SELECT count(*) FROM known_households"))
                if known.scalar_one() >= count:
                    return
            eventlet.sleep(0.2)
    finally:
        engine.dispose()


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--chunk-kib", type=int, default=1024)
    parser.add_argument("--events", choices=IMPORT_EVENTS, default="per_tambon")
    parser.add_argument(
        "--whole-system",
        action="store_true",
        help="then the same import with teams and notifications consuming its events",
    )
    parser.add_argument(
        "--later-year",
        action="store_true",
        help="then import the same households' next survey year, a fifth of them in cases",
    )
    args = parser.parse_args()
    data = generate(args.rows)
    print(f"generated {args.rows} rows, {len(data) / 1e6:.1f} MB of CSV")
    print(f"machine speed: a 10-million-step Python loop takes {loop_probe_seconds():.2f} s")
    base = load_config()
    admin, prefix = RabbitAdmin(base["RABBIT_API_URI"]), f"smile_bench_{uuid.uuid4().hex[:8]}"
    vhost = admin.create_vhost()
    config = _config(base, vhost, prefix, args)
    container = None
    try:
        upgrade(config, ["households"])
        container = ServiceContainer(HouseholdsService, config)
        container.start()
        meter = GroupCpuMeter(["postgres", "beam.smp"])
        meter.start()
        chunk = args.chunk_kib * 1024
        seconds, job = service_path(config, data, chunk)
        cpu = meter.spent()
        if args.later_year:
            print(f"first year: {job['accepted']} accepted in {seconds:.2f} s")
            in_cases(database_url(config, "households"))
            meter.start()
            seconds, job = service_path(config, generate(args.rows, later=1), chunk, 2027)
            cpu = meter.spent()
        container.kill()  # its outbox relay would compete with the COPY for the CPU
        container = None
        copy_seconds = raw_copy(database_url(config, "households"), data)
    finally:
        if container is not None:
            container.kill()
        drop_postgres_databases(prefix)
        admin.delete_vhost(vhost)
    rate, copy_rate = args.rows / seconds, args.rows / copy_seconds
    print(
        f"service import ({args.events} events): {job['status']}, {job['accepted']} accepted, "
        f"{job['rejected']} rejected in {seconds:.2f} s = {rate:,.0f} rows/s"
    )
    print(f"  of which upload over RPC: {job['upload_seconds']:.2f} s")
    shares = ", ".join(f"{group} {used:.1f} s" for group, used in cpu.items())
    cores = os.cpu_count() or 1
    print(f"  CPU used meanwhile ({cores} cores give {cores * seconds:.1f} s): {shares}")
    print(f"raw COPY:       {copy_seconds:.2f} s = {copy_rate:,.0f} rows/s")
    print(f"ratio service/COPY: {rate / copy_rate:.3f} (COPY is {copy_rate / rate:.1f}x faster)")
    if args.whole_system:
        done, caught_up, used = whole_system(base, args, data)
        print(
            f"with teams and notifications running: done in {done:.2f} s ({done / seconds:.2f}x "
            f"the service alone), teams knew every household after {caught_up:.2f} s "
            f"({caught_up / seconds:.2f}x)"
        )
        print("  consumers' CPU meanwhile: " + ", ".join(f"{s} {u:.1f} s" for s, u in used.items()))


if __name__ == "__main__":
    main()
