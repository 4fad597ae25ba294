"""The bulk writer stores every value of a new household exactly as checked, on both backends:
optional values left out, Thai text, a one-row batch."""

from datetime import UTC, date, datetime

import pytest

from services.households.db.tables import households, members, surveys
from services.households.imports.rows import BmnRow
from tests.integration.helpers import national_id
from tests.integration.households.support import rows

FULL = BmnRow(
    2,
    "24010101",
    national_id(1),
    "สมชาย",
    "ใจดี",
    4,
    8400050,
    "12/3",
    date(1970, 5, 1),
    "male",
    ("12", "7"),
)
BARE = BmnRow(3, "24010102", national_id(2), "มาลี", "ศรีสุข", 1, 0, None, None, None, ())


def write(uow, batch):
    now = datetime.now(UTC)
    with uow:
        written = uow.bulk.upsert(batch, 2026, "import-1", now, "per_tambon")
        uow.emit_prepared(written.announced)
        uow.commit()
    assert written.refused == []


def stored(config, national):
    (member,) = rows(config, members, members.c.national_id == national)
    (household,) = rows(config, households, households.c.id == member.household_id)
    (survey,) = rows(config, surveys, surveys.c.household_id == member.household_id)
    return household, member, survey


@pytest.mark.parametrize("batch", [[BARE], [FULL, BARE]], ids=["one bare row", "two rows"])
def test_every_value_lands_as_checked(migrated, uow, batch):
    write(uow, batch)
    for row in batch:
        household, member, survey = stored(migrated, row.national_id)
        assert (household.village_code, household.house_no, household.size) == (
            row.village_code,
            row.house_no,
            row.size,
        )
        assert household.annual_income_satang == row.income_satang
        assert (member.first_name, member.last_name, member.birth_date, member.sex) == (
            row.first_name,
            row.last_name,
            row.birth_date,
            row.sex,
        )
        assert (survey.failed_indicators, survey.failed_count) == (
            ",".join(row.failed_indicators),
            len(row.failed_indicators),
        )
