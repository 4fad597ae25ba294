"""Who reaches which group: committee and network officers record, supervisors read inside their
areas, administrators everything, everyone else nothing (NotFound, not even a hint)."""

import uuid

import pytest

from infra.caller import Caller, Role
from infra.errors import Forbidden, NotFound, ValidationFailed
from tests.integration.funding.desk import ADMIN, officer, rules, supervisor


@pytest.fixture
def two_districts(desk):
    """A network over Mueang Chachoengsao (2401) with one group, and a group in Bang Khla (2402)."""
    network_officer = officer()
    network = desk.create_network(ADMIN, officers=[network_officer.person_id])
    inside, maker, _ = desk.ready_group(network_id=network["id"])
    outside, other_maker, _ = desk.ready_group(village_code="24020101", name="Bang Khla group")
    return network, network_officer, inside, maker, outside, other_maker


def ids(listing):
    return {item["id"] for item in listing["items"]}


def test_a_committee_officer_records_for_their_group_only(desk, two_districts):
    _, _, inside, maker, outside, _ = two_districts
    assert desk.get_group(maker, inside["id"])["may_record"] is True
    assert ids(desk.list_groups(maker)) == {inside["id"]}
    with pytest.raises(NotFound):
        desk.get_group(maker, outside["id"])
    with pytest.raises(NotFound):
        desk.add_member(maker, outside["id"])


def test_a_network_officer_records_for_every_group_of_the_network(desk, two_districts):
    network, network_officer, inside, _, outside, _ = two_districts
    member = desk.add_member(network_officer, inside["id"])
    assert desk.deposit(network_officer, member["id"], "100.00")["kind"] == "deposit"
    assert ids(desk.list_groups(network_officer)) == {inside["id"]}
    assert desk.network_portfolio(network_officer, network["id"])["groups"] == 1
    with pytest.raises(NotFound):
        desk.get_group(network_officer, outside["id"])


def test_the_officer_role_is_needed_as_well_as_the_seat(desk, two_districts):
    _, _, inside, maker, _, _ = two_districts
    same_person_without_role = Caller(maker.person_id, "x", frozenset({Role.VOLUNTEER_LEADER}))
    with pytest.raises(NotFound):
        desk.get_group(same_person_without_role, inside["id"])


@pytest.mark.parametrize("role", [Role.DISTRICT_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR])
def test_supervisors_read_inside_their_areas_and_may_not_record(desk, two_districts, role):
    network, _, inside, maker, outside, _ = two_districts
    district = supervisor("2401", role=role)
    assert desk.get_group(district, inside["id"])["may_record"] is False
    assert ids(desk.list_groups(district)) == {inside["id"]}
    assert desk.network_portfolio(district, network["id"])["loans"] == 0
    with pytest.raises(Forbidden):
        desk.add_member(district, inside["id"])
    with pytest.raises(NotFound):
        desk.get_group(district, outside["id"])
    province = supervisor("24", role=role)
    assert ids(desk.list_groups(province)) == {inside["id"], outside["id"]}
    member = desk.add_member(maker, inside["id"])
    with pytest.raises(Forbidden):
        desk.deposit(province, member["id"], "100.00")
    assert desk.get_member(maker, member["id"])["savings_thb"] == "0.00"


@pytest.mark.parametrize(
    "role",
    [Role.VOLUNTEER_LEADER, Role.SUBDISTRICT_COORDINATOR, Role.DISTRICT_EXPERT, Role.TRAINER],
)
def test_everyone_else_reaches_nothing(desk, two_districts, role):
    network, _, inside, _, _, _ = two_districts
    someone = Caller(str(uuid.uuid4()), "someone", frozenset({role}), areas=("24",))
    assert desk.list_groups(someone)["items"] == []
    with pytest.raises(NotFound):
        desk.get_group(someone, inside["id"])
    with pytest.raises(NotFound):
        desk.network_portfolio(someone, network["id"])


def test_only_the_network_officers_bring_a_group_into_the_network(desk, two_districts):
    network, network_officer, _, _, _, _ = two_districts
    committee = [{"person_id": str(uuid.uuid4()), "role": "chair"}]
    created = desk.create_group(
        network_officer, network_id=network["id"], village_code="24010102", committee=committee
    )
    assert created["network_id"] == network["id"] and created["may_record"] is True
    with pytest.raises(ValidationFailed) as outside:
        desk.create_group(network_officer, network_id=network["id"], village_code="24020102")
    assert outside.value.errors[0].field == "network_id"
    with pytest.raises(NotFound):
        desk.create_group(officer(), network_id=network["id"])
    with pytest.raises(Forbidden):
        desk.create_group(officer())  # a group outside any network: administrators only


def test_a_group_registration_names_each_bad_field(desk):
    twice = {"person_id": str(uuid.uuid4()), "role": "chair"}
    rules = {
        "min_monthly_saving_thb": "100",
        "annual_interest_rate": "61",
        "interest_method": "flat",
        "max_loan_multiple": "0",
        "max_term_months": 0,
    }
    with pytest.raises(ValidationFailed) as refused:
        desk.create_group(ADMIN, committee=[twice, {**twice, "role": "treasurer"}], rules=rules)
    assert {e.field for e in refused.value.errors} == {
        "committee",
        "rules.annual_interest_rate",
        "rules.max_loan_multiple",
        "rules.max_term_months",
    }
    # what is not a value of its kind (no such village, money with a sign) is named by the schema
    with pytest.raises(ValidationFailed) as refused:
        desk.create_group(
            ADMIN, village_code="99990101", rules={**rules, "min_monthly_saving_thb": "-1"}
        )
    assert {e.field for e in refused.value.errors} == {
        "village_code",
        "rules.min_monthly_saving_thb",
    }


def test_committee_and_rules_change_with_the_version(desk, two_districts):
    _, _, inside, maker, _, _ = two_districts
    changed = desk.update_group(
        maker,
        inside["id"],
        inside["version"],
        name="Ban Na savings group",
        committee=[{"person_id": maker.person_id, "role": "chair"}],
        rules=rules(max_loan_multiple="3"),
    )
    assert changed["version"] == inside["version"] + 1
    assert changed["rules"]["max_loan_multiple"] == "3.00"
    assert changed["committee"] == [{"person_id": maker.person_id, "role": "chair"}]
