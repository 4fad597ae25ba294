"""Household upkeep in the database: members' rows as they join and leave, and a merged
duplicate's records re-pointed to the household it duplicates (`uow.members`)."""

from __future__ import annotations

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from services.households.db.households import member_row
from services.households.db.tables import interventions, loans, members, plans, visits
from services.households.domain.household import Departure, Household, Member

m = members.c
FOLLOWING: tuple[Table, ...] = (visits, interventions, loans)  # records that follow a merge


class MemberRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, household_id: str, joined: list[Member]) -> None:
        """New current members (numbered by the domain); their IDs must be free (unique index)."""
        if joined:
            rows = [member_row(household_id, member.number or 0, member) for member in joined]
            self.session.execute(insert(members), rows)

    def leave(self, household_id: str, departure: Departure) -> None:
        """The member's row stays as history, no longer current nor holding the national ID."""
        self.session.execute(
            update(members)
            .where(m.household_id == household_id, m.position == departure.member.number)
            .values(
                active=False,
                is_head=False,
                left_on=departure.left_on,
                left_reason=departure.reason,
                moved_to=departure.to_household_id,
            )
        )

    def mark_head(self, household: Household) -> None:
        """Write who heads the household now (exactly one current member)."""
        head = household.head.number
        current = m.household_id == household.id, m.left_on.is_(None)
        self.session.execute(
            update(members).where(*current, m.position != head).values(is_head=False)
        )
        self.session.execute(
            update(members).where(*current, m.position == head).values(is_head=True)
        )

    def deceased(self, national_id: str) -> bool:
        """Whether this person was recorded as deceased in any household."""
        found = select(m.id).where(m.national_id == national_id, m.left_reason == "deceased")
        return self.session.execute(found.limit(1)).first() is not None

    def move_records(self, from_id: str, to_id: str) -> None:
        """Visits, interventions, loans and plans of the duplicate become the survivor's; plans
        are numbered again in the order they were made, so the newest stays the latest."""
        for table in FOLLOWING:
            self.session.execute(
                update(table).where(table.c.household_id == from_id).values(household_id=to_id)
            )
        self._renumber_plans(from_id, to_id)

    def _renumber_plans(self, from_id: str, to_id: str) -> None:
        p = plans.c
        ids = (
            self.session.execute(
                select(p.id)
                .where(p.household_id.in_((from_id, to_id)))
                .order_by(p.created_at, p.id)
            )
            .scalars()
            .all()
        )
        for step in (-1, 1):  # out of the way first: (household, number) is unique
            for i, plan_id in enumerate(ids, start=1):
                self.session.execute(
                    update(plans).where(p.id == plan_id).values(household_id=to_id, number=step * i)
                )
