import pytest

from infra.caller import SYSTEM, Caller, Role, area_level
from infra.errors import Forbidden

COORDINATOR = Caller(
    "p1", "somsri", frozenset({Role.SUBDISTRICT_COORDINATOR}), ("240101", "240102")
)
VOLUNTEER = Caller("p2", "boon", frozenset({Role.VOLUNTEER_LEADER}), ("24010101",), ("team-1",))


def test_area_scope_is_by_code_prefix():
    assert COORDINATOR.covers("24010105") and COORDINATOR.covers("240102")
    assert not COORDINATOR.covers("24010305") and not COORDINATOR.covers("2401")
    assert SYSTEM.covers("96")


def test_roles_are_checked_and_refused_with_403():
    VOLUNTEER.require(Role.VOLUNTEER_LEADER)
    with pytest.raises(Forbidden):
        VOLUNTEER.require(Role.DISTRICT_EXPERT, Role.DISTRICT_SUPERVISOR)


def test_only_some_roles_see_national_ids():
    assert COORDINATOR.sees_national_ids and not VOLUNTEER.sees_national_ids


def test_the_identity_survives_rpc_and_unknown_roles_are_dropped():
    data = {**VOLUNTEER.to_dict(), "roles": ["volunteer_leader", "emperor"]}
    assert Caller.from_dict(data) == VOLUNTEER
    assert VOLUNTEER.in_team("team-1") and not VOLUNTEER.in_team(None)


def test_area_levels():
    assert [area_level(c) for c in ("24", "2401", "240101", "24010101", "1")] == [
        "province",
        "district",
        "subdistrict",
        "village",
        "unknown",
    ]
