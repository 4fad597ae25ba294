"""A later survey year's BMN import through the real service flags a graduated household found
below the threshold as relapsed (once, however often the file is imported), announces it, and
the relapses report counts it by the year the household graduated in."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, update

from infra.config import database_url
from infra.engines import make_engine
from services.households.db.risk_tables import relapses
from services.households.db.tables import households, imports, members, transitions
from services.households.service import HouseholdsService
from tests.integration.helpers import drain, national_id, tap
from tests.integration.households.support import ADMIN, TEAM, call, rows
from tests.integration.households.test_imports import csv_bytes, finished
from tests.integration.households.test_imports import upload as upload_2026
from tests.support.waiting import wait_for

GRADUATED_AT = datetime(2026, 3, 2, 3, tzinfo=UTC)  # fiscal year 2569 (Oct 2025 - Sep 2026)


def bmn(seed: int, income: str, indicators: str) -> list[str]:
    return ["24010101", national_id(seed), "สมชาย", "ใจดี", "4", income, indicators, ""]


def upload(config, data, year):
    """An import of `year` (uploaded as 2026's, then its year set: the upload says 2026)."""
    import_id = upload_2026(config, data)
    if year != 2026:
        engine = make_engine(database_url(config, "households"))
        with engine.begin() as connection:
            connection.execute(
                update(imports).where(imports.c.id == import_id).values(survey_year=year)
            )
        engine.dispose()
    return finished(config, import_id)


def graduate(config, household_id):
    engine = make_engine(database_url(config, "households"))
    with engine.begin() as connection:
        connection.execute(
            update(households)
            .where(households.c.id == household_id)
            .values(stage="graduated", team_id=TEAM)
        )
        move = {"from_stage": "care", "to_stage": "graduated", "changed_by": "p", "reason": "r"}
        connection.execute(
            insert(transitions).values(household_id=household_id, changed_at=GRADUATED_AT, **move)
        )
    engine.dispose()


@pytest.fixture
def service(migrated, start_service):
    block = {**migrated["HOUSEHOLDS"], "import_poll_seconds": 0.1, "import_batch_rows": 2}
    config = {**migrated, "HOUSEHOLDS": block}
    start_service(HouseholdsService, config)
    return config


def test_a_later_years_import_flags_a_relapse_once(service, amqp_uri):
    queue = tap(amqp_uri, "households")
    first = csv_bytes([bmn(1, "200000", "7"), bmn(2, "200000", "7"), bmn(3, "60000", "7")])
    assert upload(service, first, 2026)["accepted"] == 3
    ids = {r.national_id: r.household_id for r in rows(service, members)}
    poor_again, still_well = ids[national_id(1)], ids[national_id(2)]
    graduate(service, poor_again)
    graduate(service, still_well)

    later = csv_bytes([bmn(1, "100000", "7;12"), bmn(2, "200000", "7"), bmn(3, "50000", "7")])
    for _ in range(2):  # the same file twice: one flag
        assert upload(service, later, 2027)["status"] == "done"

    [flag] = rows(service, relapses)
    assert (flag.household_id, flag.graduation_year, flag.survey_year) == (poor_again, 2026, 2027)
    seen = wait_for(
        lambda: [e for e in drain(amqp_uri, queue) if e["event_type"] == "household_relapsed"],
        what="household_relapsed",
    )
    assert [(e["data"]["household_id"], e["data"]["graduation_year"]) for e in seen] == [
        (poor_again, 2026)
    ]
    case = call(service, "get_household", ADMIN, poor_again)
    assert case["risk"]["bmn_worsened"] == 1 and case["risk"]["signals"] == ["bmn_worsened"]
    report = call(service, "relapses_report", ADMIN, {"area": "2401", "fiscal_year": 2570})
    assert report["rows"] == [
        {
            "key": "240101",
            "relapsed": 1,
            "graduated_in_year": 0,
            "graduated_year_before": 1,
            "graduated_two_years_before": 0,
            "graduated_earlier": 0,
        }
    ]
