from datetime import UTC, datetime
from decimal import Decimal

import pytest

from infra.errors import ValidationFailed
from services.households.domain.household import Household, Member
from services.households.domain.identity import mask_national_id, national_id_problem

NOW = datetime(2026, 11, 21, tzinfo=UTC)
HEAD = Member("Somchai", "Dee", "1101700230708", True)
SPOUSE = Member("Malee", "Dee", "3100400123456", False)


def fields_of(failure):
    return {e.field for e in failure.value.errors}


def test_a_household_with_one_head_registers():
    household = Household.register("24010101", [HEAD, SPOUSE], NOW, Decimal("52000.50"))
    assert household.head == HEAD and household.version == 1


@pytest.mark.parametrize("members", [[SPOUSE], [HEAD, Member("A", "B", "3100400123456", True)]])
def test_exactly_one_head(members):
    with pytest.raises(ValidationFailed) as failure:
        Household.register("24010101", members, NOW)
    assert "members" in fields_of(failure)


def test_a_wrong_check_digit_is_named_by_member():
    wrong = Member("A", "B", "1101700230705", False)
    with pytest.raises(ValidationFailed) as failure:
        Household.register("24010101", [HEAD, wrong], NOW)
    assert fields_of(failure) == {"members.1.national_id"}


@pytest.mark.parametrize("code", ["2401010", "240101011", "2401010a", "24010100"])
def test_village_codes_are_eight_digits_with_a_village_number(code):
    with pytest.raises(ValidationFailed) as failure:
        Household.register(code, [HEAD], NOW)
    assert fields_of(failure) == {"village_code"}


def test_negative_income_is_refused():
    with pytest.raises(ValidationFailed) as failure:
        Household.register("24010101", [HEAD], NOW, Decimal("-1"))
    assert fields_of(failure) == {"annual_income_thb"}


def test_the_same_person_twice_in_one_household_is_refused():
    with pytest.raises(ValidationFailed):
        Household.register("24010101", [HEAD, Member("X", "Y", HEAD.national_id, False)], NOW)


def test_problems_never_repeat_the_national_id():
    assert "1101700230705" not in (national_id_problem("1101700230705") or "")
    assert mask_national_id("1101700230708") == "x-xxxx-xxxxx-70-8"
