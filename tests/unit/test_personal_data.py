"""Published fields that hold personal data are marked so (`infra.personal_data.PERSONAL`): outside
systems get them only when granted. A field named like personal data must be marked, or be listed
here with the reason it is not."""

from __future__ import annotations

import re

import pytest

from infra.catalogue import published
from infra.personal_data import personal_fields, without_personal_data

LOOKS_PERSONAL = re.compile(
    r"income|_name$|^name$|username|phone|email|line_user|national_id|amount|arrears|outstanding"
    r"|channels|purpose|birth"
)
NOT_PERSONAL = {
    ("occupation_group_reported", "income_thb"): "an occupation group's income, not a person's",
    ("otop_product_recorded", "name"): "a product's name",
    ("team_membership_changed", "team_name"): "a team's name",
    ("team_incomplete", "team_name"): "a team's name",
    ("team_completed", "team_name"): "a team's name",
    ("household_targeted", "fails_income"): "yes or no against the BMN criterion, not the income",
    ("loan_repaid", "in_arrears"): "yes or no: the amounts stay personal",
}


@pytest.mark.parametrize("item", published(), ids=lambda p: f"{p.source}.{p.event_type}")
def test_fields_named_like_personal_data_are_marked(item):
    unmarked = {
        name
        for name in item.contract.schema._declared_fields
        if LOOKS_PERSONAL.search(name) and name not in item.personal
    }
    assert {name for name in unmarked if (item.event_type, name) not in NOT_PERSONAL} == set()


def test_event_types_are_unique_across_producers():
    types = [p.event_type for p in published()]
    assert len(types) == len({(p.event_type, p.contract.version) for p in published()})
    assert len(set(types)) == len({(p.source, p.event_type) for p in published()})


def test_marked_fields_are_left_out():
    schema = next(p for p in published() if p.event_type == "funding_access_requested")
    personal = personal_fields(schema.contract.schema)
    kept = without_personal_data(schema.contract.example, personal)
    assert "applicant_first_name" not in kept and "amount_thb" not in kept
    assert kept["household_id"] == schema.contract.example["household_id"]
