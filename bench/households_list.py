"""The service half of the list benchmark (`bench/households_list_http.py` runs it): a
million generated households written with SQL (this measures reading, not the import), each
with its head (the list shows the head's name) and, for those in compass, a plan submitted or
returned (the list flags a returned one); the query plan of a page of the list's own statement,
and `list_households` over RPC with the same area and stage mix.
"""

from __future__ import annotations

import eventlet

import infra  # noqa: F401

eventlet.monkey_patch()

import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from households_import import villages  # noqa: E402
from nameko.standalone.rpc import ClusterRpcProxy  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from infra.caller import Caller, Role  # noqa: E402
from infra.pagination import encode_cursor  # noqa: E402
from services.households.db.queries import HouseholdFilter, Reach, list_statement  # noqa: E402

STAGES = ["registered"] * 5 + ["target", "compass", "manage", "care", "graduated", "declined"]
FILL = """
INSERT INTO households (id, village_code, size, annual_income_satang, registered_at, version,
                        stage)
SELECT gen_random_uuid()::text, (:villages)[1 + (random() * (:n - 1))::int],
       1 + (random() * 6)::int, (random() * 50000000)::bigint, now(), 1,
       (:stages)[1 + (random() * (:s - 1))::int]
FROM generate_series(1, :count)
"""
HEADS = """
INSERT INTO household_members (household_id, position, first_name, last_name, national_id,
                               is_head, active)
SELECT id, 1, 'สมชาย', 'ใจดี', lpad((row_number() OVER ())::text, 13, '0'), true, true
FROM households
"""
PLANS = """
INSERT INTO plans (id, household_id, number, status, content, created_by, created_at, version)
SELECT gen_random_uuid()::text, id, 1,
       CASE WHEN random() < 0.3 THEN 'returned' ELSE 'submitted' END, '{}', 'bench', now(), 1
FROM households WHERE stage = 'compass'
"""


def fill(url: str, count: int) -> None:
    engine = create_engine(url)
    codes = villages()
    with engine.begin() as connection:
        connection.execute(
            text(FILL),
            {
                "villages": codes,
                "n": len(codes),
                "stages": STAGES,
                "s": len(STAGES),
                "count": count,
            },
        )
        connection.execute(text(HEADS))
        connection.execute(text(PLANS))
        for table in ("households", "household_members", "plans"):
            connection.execute(text(f"ANALYZE {table}"))
    engine.dispose()


def plan(url: str, after: tuple[str, str] | None = None) -> str:
    """The plan of a district + stage page of the list's own statement (with the head's name and
    the returned-plan flag): the first page, or the keyset page after (village, id)."""
    reach = Reach(everything=False, teams=(), areas=("24",))
    where = HouseholdFilter(area="2401", stage="compass")
    cursor = encode_cursor(list(after)) if after else None
    statement = list_statement(reach, where, cursor, 50)
    engine = create_engine(url)
    query = statement.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        lines = list(connection.execute(text(f"EXPLAIN ANALYZE {query}")).scalars())
    engine.dispose()
    return "\n".join(lines)


def measure(config: dict, calls: int) -> list[float]:
    caller = Caller("bench", "bench", frozenset({Role.PROVINCIAL_SUPERVISOR}), ("24",)).to_dict()
    rng, times = random.Random(7), []
    areas = ["2401", "2402", "2403", "240101", "240201", "24"]
    with ClusterRpcProxy(config, timeout=30) as proxy:
        for _ in range(calls):
            query = {"area": rng.choice(areas), "stage": rng.choice(STAGES[5:]), "limit": 50}
            if rng.random() < 0.5:  # a later page, as a scrolling client asks
                first = proxy.households.list_households(caller, query)
                query = {**query, "after": first["next"]} if first["next"] else query
            began = time.perf_counter()
            proxy.households.list_households(caller, query)
            times.append((time.perf_counter() - began) * 1000)
    return times
