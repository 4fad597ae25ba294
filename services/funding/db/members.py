"""Members: repository."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.versions import save_versioned
from services.funding.db.bulk import update_many
from services.funding.db.convert import from_satang, to_satang
from services.funding.db.queries import PageQuery
from services.funding.db.tables import members
from services.funding.domain.member import Member, MemberStatus

# Built once: a statement built per call costs more than SQLite takes to run it.
GROUP_MEMBERS = select(members).where(
    members.c.group_id == bindparam("group_id"),
    members.c.id.in_(bindparam("ids", expanding=True)),
)


class MemberRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, member: Member) -> None:
        self.session.execute(insert(members).values(**_columns(member)))

    def get(self, member_id: str) -> Member | None:
        row = self.session.execute(select(members).where(members.c.id == member_id)).first()
        return _member(row) if row else None

    def many(self, group_id: str, member_ids: list[str]) -> dict[str, Member]:
        """The group's members among `member_ids`, in one query."""
        rows = self.session.execute(GROUP_MEMBERS, {"group_id": group_id, "ids": member_ids})
        return {row.id: _member(row) for row in rows}

    def save_savings(self, changed: list[Member]) -> None:
        """Balances and versions of several members in one statement."""
        rows = [
            {"id": m.id, "savings_satang": to_satang(m.savings), "version": m.version}
            for m in changed
        ]
        update_many(self.session, members, ("id",), rows)

    def link_household(self, member: Member) -> None:
        values = {"id": member.id, "household_id": member.household_id, "version": member.version}
        save_versioned(self.session, members, "id", values)

    def active_by_household(self, household_id: str) -> Member | None:
        row = self.session.execute(
            select(members).where(
                members.c.household_id == household_id,
                members.c.status == MemberStatus.ACTIVE.value,
            )
        ).first()
        return _member(row) if row else None

    def list(self, group_id: str, query: PageQuery) -> Page[Member]:
        statement = select(members).where(members.c.group_id == group_id)
        ordered = keyset(statement, [members.c.member_no], query.after, query.limit)
        found = page(self.session.execute(ordered).all(), query.limit, key=lambda r: [r.member_no])
        return Page([_member(row) for row in found.items], found.next)


def _columns(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "group_id": member.group_id,
        "member_no": member.member_no,
        "first_name": member.first_name,
        "last_name": member.last_name,
        "household_id": member.household_id,
        "person_id": member.person_id,
        "joined_on": member.joined_on,
        "status": member.status.value,
        "savings_satang": to_satang(member.savings),
        "created_at": member.created_at,
        "version": member.version,
    }


def _member(row: Any) -> Member:
    return Member(
        group_id=row.group_id,
        member_no=row.member_no,
        first_name=row.first_name,
        last_name=row.last_name,
        joined_on=row.joined_on,
        created_at=row.created_at,
        household_id=row.household_id,
        person_id=row.person_id,
        status=MemberStatus(row.status),
        savings=from_satang(row.savings_satang),
        id=row.id,
        version=row.version,
    )
