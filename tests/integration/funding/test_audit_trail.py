"""The funding audit trail on the migrated database (SQLite and PostgreSQL), through the
service's methods: a group's, a member's and a loan's entries written with their changes, read
back newest first and paged, found by the search of their area, refused to an officer elsewhere."""

from __future__ import annotations

import pytest

from infra.errors import NotFound
from tests.integration.funding.desk import ADMIN, Desk, officer


def test_entries_of_a_group_member_and_loan_are_read_back_and_searched(desk: Desk) -> None:
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "3000.00")
    loan = desk.apply(maker, member["id"], "1000.00")
    desk.reject(checker, loan["id"], "not this season")
    call = desk.service

    first = call.object_history(maker.to_dict(), "loan", loan["id"], {"limit": "1"})
    assert [(e["action"], e["reason"]) for e in first["items"]] == [("rejected", "not this season")]
    rest = call.object_history(maker.to_dict(), "loan", loan["id"], {"after": first["next"]})
    assert [e["action"] for e in rest["items"]] == ["applied"] and rest["next"] is None
    joined = call.object_history(maker.to_dict(), "member", member["id"], {})["items"]
    assert [e["action"] for e in joined] == ["deposit", "joined"]
    assert joined[0]["changes"] == {"savings": ["0.00", "3000.00"]}

    query = {"area": "240101", "since": "2026-11-01", "until": "2026-11-30"}
    found = call.audit_search(ADMIN.to_dict(), query)["items"]
    assert {e["object_type"] for e in found} == {"savings_group", "member", "loan"}
    only = call.audit_search(ADMIN.to_dict(), {**query, "object_type": "savings_group"})
    assert [e["object_id"] for e in only["items"]] == [group["id"]]
    with pytest.raises(NotFound):
        call.object_history(officer().to_dict(), "savings_group", group["id"], {})
