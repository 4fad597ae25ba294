"""Object-level reach over groups and networks."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from infra.caller import Caller, Role
from infra.errors import Forbidden, NotFound
from services.funding.domain.group import Group, Network, Seat
from services.funding.domain.policy import Reach, group_reach, network_reach, require_group
from services.funding.domain.rules import Rules
from services.funding.vocabulary import CommitteeRole, InterestMethod

NOW = datetime(2026, 1, 1, tzinfo=UTC)
RULES = Rules(Decimal("100"), Decimal("12"), InterestMethod.FLAT, Decimal("2"), 12)
GROUP = Group(
    "G",
    "24010101",
    RULES,
    (Seat("seated", CommitteeRole.CHAIR),),
    NOW,
    network_id="n",
    network_officers=frozenset({"overseer"}),
)
NETWORK = Network("N", "2401", frozenset({"overseer"}), NOW, id="n")


def caller(person_id, *roles, areas=()):
    return Caller(person_id, person_id, frozenset(roles), areas=areas)


@pytest.mark.parametrize(
    "who, group, network",
    [
        (caller("a", Role.ADMINISTRATOR), Reach.RECORD, Reach.RECORD),
        (caller("seated", Role.SAVINGS_GROUP_OFFICER), Reach.RECORD, Reach.NONE),
        (caller("overseer", Role.SAVINGS_GROUP_OFFICER), Reach.RECORD, Reach.RECORD),
        (caller("seated"), Reach.NONE, Reach.NONE),
        (caller("other", Role.SAVINGS_GROUP_OFFICER), Reach.NONE, Reach.NONE),
        (caller("d", Role.DISTRICT_SUPERVISOR, areas=("2401",)), Reach.READ, Reach.READ),
        (caller("p", Role.PROVINCIAL_SUPERVISOR, areas=("24",)), Reach.READ, Reach.READ),
        (caller("t", Role.DISTRICT_SUPERVISOR, areas=("240102",)), Reach.NONE, Reach.NONE),
        (caller("d2", Role.DISTRICT_SUPERVISOR, areas=("2402",)), Reach.NONE, Reach.NONE),
        (caller("v", Role.VOLUNTEER_LEADER, areas=("24",)), Reach.NONE, Reach.NONE),
    ],
)
def test_reach(who, group, network):
    assert group_reach(who, GROUP) is group
    assert network_reach(who, NETWORK) is network


def test_out_of_reach_is_not_found_and_read_only_is_forbidden():
    with pytest.raises(NotFound):
        require_group(caller("v", Role.VOLUNTEER_LEADER), GROUP, Reach.READ, "group g")
    with pytest.raises(NotFound):
        require_group(caller("a", Role.ADMINISTRATOR), None, Reach.READ, "group g")
    reader = caller("d", Role.DISTRICT_SUPERVISOR, areas=("2401",))
    assert require_group(reader, GROUP, Reach.READ, "group g") is GROUP
    with pytest.raises(Forbidden):
        require_group(reader, GROUP, Reach.RECORD, "group g")
