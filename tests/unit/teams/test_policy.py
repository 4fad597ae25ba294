import pytest

from infra.caller import Role
from services.teams.domain import policy
from tests.unit.teams.factories import caller

ADMIN = caller(Role.ADMINISTRATOR, [])
PROVINCE = caller(Role.PROVINCIAL_SUPERVISOR, ["24"])
DISTRICT = caller(Role.DISTRICT_SUPERVISOR, ["2401"])
COORDINATOR = caller(Role.SUBDISTRICT_COORDINATOR, ["240101"])
EXPERT = caller(Role.DISTRICT_EXPERT, ["2401"])
LEADER = caller(Role.VOLUNTEER_LEADER, ["24010101"])
TRAINER = caller(Role.TRAINER, ["24010101"])


@pytest.mark.parametrize(
    "who, expected",
    [(ADMIN, True), (PROVINCE, True), (DISTRICT, True), (COORDINATOR, False), (EXPERT, False)],
)
def test_supervisors_manage_inside_their_areas(who, expected):
    assert policy.manages(who, ["240101", "240102"]) is expected
    assert policy.manages(DISTRICT, ["240101", "240201"]) is False  # partly outside


@pytest.mark.parametrize(
    "who, expected",
    [(PROVINCE, True), (COORDINATOR, True), (EXPERT, True), (LEADER, False), (TRAINER, False)],
)
def test_coordinators_and_experts_read_what_touches_their_areas(who, expected):
    assert policy.reads_area(who, ["240101"]) is expected
    assert policy.reads_area(COORDINATOR, ["240102"]) is False


def test_assigners_work_inside_their_areas():
    assert policy.assigns(COORDINATOR, "24010105")
    assert not policy.assigns(COORDINATOR, "24010205")
    assert not policy.assigns(LEADER, "24010101")
    assert policy.assigns(ADMIN, "10010101")


def test_list_filters_follow_the_same_rules():
    assert policy.readable_areas(ADMIN) is None
    assert policy.readable_areas(EXPERT) == ("2401",)
    assert policy.readable_areas(LEADER) == ()
