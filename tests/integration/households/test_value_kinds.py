"""Issue 11 items 5, 6 and 8 through the households service's RPC, on SQLite and PostgreSQL: one
national ID in any spelling is one person, codes and money are ASCII and exact, nothing
half-written.
"""

from __future__ import annotations

import pytest

from infra.errors import Conflict, ValidationFailed
from services.households.db.tables import households, members, metadata
from services.households.service import HouseholdsService
from tests.integration.helpers import national_id
from tests.integration.households.support import COORDINATOR, call, household, member, rows
from tests.support.digits import fullwidth, thai

OUTBOX = metadata.tables["outbox"]
NID = national_id(1)
DASHED = f"{NID[0]}-{NID[1:5]}-{NID[5:10]}-{NID[10:12]}-{NID[12]}"


@pytest.fixture
def service(migrated, start_service):
    start_service(HouseholdsService, migrated)
    return migrated


def alone(seed: int, spelling: str) -> dict:
    return household(seed, members=[member(seed, national_id=spelling)], size=1)


def test_one_national_id_in_four_spellings_is_one_person(service):
    call(service, "register_household", COORDINATOR, alone(1, DASHED))
    assert [m.national_id for m in rows(service, members)] == [NID]  # stored canonical
    for seed, spelling in enumerate((NID, f"{NID} ", "1 " + NID[1:]), start=2):
        with pytest.raises(Conflict) as taken:
            call(service, "register_household", COORDINATOR, alone(seed, spelling))
        assert taken.value.errors[0].field == "members.0.national_id"
    for seed, spelling in enumerate((fullwidth(NID), thai(NID), f"{NID}\n"), start=5):
        with pytest.raises(ValidationFailed) as refused:
            call(service, "register_household", COORDINATOR, alone(seed, spelling))
        assert [e.field for e in refused.value.errors] == ["members.0.national_id"]
    assert len(rows(service, households)) == 1 and len(rows(service, members)) == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"village_code": "240101" + thai("01")}, "village_code"),
        ({"village_code": "24010100"}, "village_code"),
        ({"village_code": "24010101\n"}, "village_code"),
        ({"annual_income_thb": "1e3"}, "annual_income_thb"),
        ({"annual_income_thb": "1_000.00"}, "annual_income_thb"),
        ({"annual_income_thb": " 100.00"}, "annual_income_thb"),
        ({"annual_income_thb": thai("100.00")}, "annual_income_thb"),
        ({"annual_income_thb": fullwidth("100.00")}, "annual_income_thb"),
        ({"annual_income_thb": 38000.0000000000001}, "annual_income_thb"),
        ({"members": [member(9, first_name="Som\nchai")]}, "members.0.first_name"),
        ({"members": [member(9, birth_date="0001-01-01")]}, "members.0.birth_date"),
    ],
)
def test_codes_money_names_and_dates_outside_their_kind_are_refused(service, change, field):
    with pytest.raises(ValidationFailed) as refused:
        call(service, "register_household", COORDINATOR, household(9, **change))
    assert [e.field for e in refused.value.errors] == [field]
    assert rows(service, households) == [] and rows(service, OUTBOX) == []


@pytest.mark.parametrize("code", ["99999999", "99", "2401" + thai("01")])
def test_targeting_an_area_that_does_not_exist_is_refused(service, code):
    with pytest.raises(ValidationFailed) as refused:
        call(service, "target_households", COORDINATOR, {"area_code": code, "survey_year": 2026})
    assert [e.field for e in refused.value.errors] == ["area_code"]
