"""The reach filters every list query is built from, on SQLite and PostgreSQL: an empty reach
reaches nothing, never everything."""

import pytest
from sqlalchemy import Column, MetaData, String, Table, insert, select

from infra.engines import make_engine
from infra.migrate import ensure_database
from infra.reach import any_of, inside, touching

CODES = ["2401", "240101", "24010101", "24010201", "20010101", "2001"]
places = Table("places", MetaData(), Column("code", String(8), primary_key=True))


@pytest.fixture
def engine(database_template):
    url = database_template.format(service="reach")
    ensure_database(url)
    engine = make_engine(url)
    places.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(places), [{"code": c} for c in CODES])
    yield engine
    engine.dispose()


def codes_where(engine, condition) -> list[str]:
    with engine.connect() as connection:
        return sorted(connection.scalars(select(places.c.code).where(condition)))


def test_no_condition_and_no_area_reach_nothing(engine):
    assert codes_where(engine, any_of([])) == []
    assert codes_where(engine, inside(places.c.code, ())) == []
    assert codes_where(engine, touching(places.c.code, (), 8)) == []


def test_an_empty_or_wildcard_area_code_reaches_nothing(engine):
    for areas in [("",), ("%",), ("24%",), ("2_01",), ("%", "")]:
        assert codes_where(engine, inside(places.c.code, areas)) == [], areas


def test_areas_reach_the_codes_inside_them(engine):
    assert codes_where(engine, inside(places.c.code, ("240101",))) == ["240101", "24010101"]
    assert codes_where(engine, inside(places.c.code, ("2001", "24010201"))) == [
        "2001",
        "20010101",
        "24010201",
    ]


def test_touching_also_reaches_the_areas_that_hold_a_smaller_one(engine):
    assert codes_where(engine, touching(places.c.code, ("24010101",), 4)) == ["2401"]
    assert codes_where(engine, touching(places.c.code, ("2001",), 8)) == ["2001", "20010101"]


def test_any_of_joins_conditions(engine):
    either = any_of([places.c.code == "2001", inside(places.c.code, ("240102",))])
    assert codes_where(engine, either) == ["2001", "24010201"]
