"""Keyset pagination over real databases: every row once, in order, across pages and ties."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select

from infra.engines import make_engine
from infra.errors import ValidationFailed
from infra.pagination import keyset, page
from infra.tables import UtcDateTime

metadata = MetaData()
rows_table = Table(
    "rows",
    metadata,
    Column("id", String(8), primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("rank", Integer, nullable=False),
)
START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def engine(database_template):
    engine = make_engine(database_template.replace("{service}", "pagination"))
    if engine.dialect.name == "postgresql":
        from infra.migrate import ensure_database

        ensure_database(str(engine.url.render_as_string(hide_password=False)))
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(rows_table),
            [
                {"id": f"r{n:03d}", "at": START + timedelta(minutes=n // 3), "rank": n % 4}
                for n in range(25)
            ],
        )
    yield engine
    engine.dispose()


def walk(engine, keys, descending=False, limit=4):
    seen, cursor = [], None
    while True:
        with engine.connect() as connection:
            query = keyset(select(rows_table), keys, cursor, limit, descending=descending)
            rows = connection.execute(query).all()
        items, cursor = page(rows, limit, key=lambda r: [getattr(r, k.name) for k in keys])
        seen.extend(r.id for r in items)
        if cursor is None:
            return seen


@pytest.mark.parametrize("descending", [False, True])
def test_every_row_comes_once_in_order_with_ties_broken_by_id(engine, descending):
    keys = [rows_table.c.at, rows_table.c.id]
    expected = sorted((f"r{n:03d}" for n in range(25)), reverse=descending)
    assert walk(engine, keys, descending) == expected
    assert walk(engine, [rows_table.c.rank, rows_table.c.id]) == sorted(
        (f"r{n:03d}" for n in range(25)), key=lambda i: (int(i[1:]) % 4, i)
    )


def test_a_forged_cursor_is_a_validation_error():
    with pytest.raises(ValidationFailed):
        keyset(select(rows_table), [rows_table.c.id], "not-a-cursor!", 5)
