"""Which part of an area a caller's report covers: the whole, their part of it, or none (404)."""

import pytest

from infra.caller import Caller, Role
from infra.errors import NotFound
from infra.reports import report_scope


def who(*areas, role=Role.DISTRICT_SUPERVISOR):
    return Caller("p", "p", frozenset({role}), areas)


def test_a_caller_covering_the_area_gets_it_whole():
    assert report_scope(who("24"), "2401").parts == ("2401",)
    assert report_scope(Caller("a", "a", frozenset({Role.ADMINISTRATOR})), "24").parts == ("24",)


def test_a_district_supervisor_asking_for_the_province_gets_their_district():
    scope = report_scope(who("2401"), "24")
    assert scope.parts == ("2401",) and scope.key_length == 4


def test_an_area_outside_the_callers_reach_is_not_found():
    with pytest.raises(NotFound):
        report_scope(who("2401"), "2402")
    with pytest.raises(NotFound):
        report_scope(who("2401"), "20")
