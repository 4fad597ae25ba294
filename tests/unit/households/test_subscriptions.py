"""The events households consumes, read from examples written after docs/EVENTS.md.

tests/unit/test_contracts.py checks these schemas against the producers' own examples once teams
and funding publish them; until then this keeps the households side honest on its own.
"""

import pytest
from marshmallow import EXCLUDE

from services.households.subscriptions import SUBSCRIPTIONS

H, ITEM, AT = (
    "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10",
    "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    ("2026-11-21T03:00:00+00:00"),
)
CATALOG = {
    "household_assigned": {
        "household_id": H,
        "team_id": "t1",
        "village_code": "24010101",
        "assigned_by": "p",
        "assigned_at": AT,
    },
    "household_reassigned": {
        "household_id": H,
        "from_team_id": "t1",
        "to_team_id": "t2",
        "village_code": "24010101",
        "reason": "r",
        "reassigned_by": "p",
        "reassigned_at": AT,
    },
    "training_completed": {
        "household_id": H,
        "cohort_id": "c",
        "village_code": "24010101",
        "occupation": "weaving",
        "completed_at": AT,
    },
    "funding_access_granted": {
        "household_id": H,
        "intervention_id": ITEM,
        "group_id": "g",
        "member_id": "m",
        "village_code": "24010101",
    },
    "funding_access_declined": {
        "household_id": H,
        "intervention_id": ITEM,
        "village_code": "24010101",
        "reason": "no quorum",
    },
    "loan_disbursed": {
        "loan_id": "l",
        "group_id": "g",
        "member_id": "m",
        "household_id": None,
        "intervention_id": None,
        "village_code": "24010101",
        "amount_thb": "1500.00",
        "disbursed_at": AT,
    },
    "loan_repaid": {
        "loan_id": "l",
        "group_id": "g",
        "member_id": "m",
        "household_id": H,
        "village_code": "24010101",
        "amount_thb": "500.00",
        "outstanding_thb": "1000.00",
        "in_arrears": False,
        "closed": False,
        "repaid_at": AT,
        "repaid_on": "2026-11-21",
    },
    "loan_overdue": {
        "loan_id": "l",
        "group_id": "g",
        "household_id": H,
        "village_code": "24010101",
        "bucket": "31-60",
        "days_overdue": 31,
        "arrears_thb": "966.67",
        "as_of": "2026-11-21",
    },
    "loan_written_off": {
        "loan_id": "l",
        "group_id": "g",
        "member_id": "m",
        "household_id": H,
        "village_code": "24010101",
        "amount_thb": "500.00",
        "written_off_at": AT,
        "written_off_on": "2026-11-21",
    },
}


@pytest.mark.parametrize("key", sorted(SUBSCRIPTIONS))
def test_each_subscription_reads_the_catalogued_event(key):
    _source, event_type = key
    for schema in SUBSCRIPTIONS[key].values():
        assert schema(unknown=EXCLUDE).validate(CATALOG[event_type]) == {}
