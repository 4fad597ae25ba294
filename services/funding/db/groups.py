"""Groups: repository, and which groups a caller reaches."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from infra.caller import Caller
from infra.pagination import Page, keyset, page
from infra.versions import save_versioned
from services.funding.db.convert import from_satang, rules_columns, rules_of, to_satang
from services.funding.db.queries import GroupQuery
from services.funding.db.tables import committee, groups, network_officers
from services.funding.db.visibility import groups_visible_to
from services.funding.domain.group import Group, Seat
from services.funding.domain.ledger import Balances
from services.funding.vocabulary import CommitteeRole

# Built once: a statement built per call costs more than SQLite takes to run it.
BALANCE_COLUMNS = (
    "cash_satang",
    "loans_satang",
    "savings_satang",
    "income_satang",
    "next_member_no",
)
ONE_GROUP = select(groups).where(groups.c.id == bindparam("group_id"))
TOUCH_GROUP = (
    update(groups).where(groups.c.id == bindparam("group_id")).values(version=groups.c.version)
)
BALANCES = (
    update(groups)
    .where(groups.c.id == bindparam("group_id"))
    .values({name: bindparam(f"new_{name}") for name in BALANCE_COLUMNS})
)
SEATS = (
    select(committee)
    .where(committee.c.group_id.in_(bindparam("ids", expanding=True)))
    .order_by(committee.c.person_id)
)


class GroupRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, group: Group) -> None:
        self.session.execute(insert(groups).values(id=group.id, **_group_columns(group)))
        self._seat(group)

    def save(self, group: Group) -> None:
        """A changed group: refused (412) unless the row still holds the version before."""
        save_versioned(self.session, groups, "id", {"id": group.id, **_group_columns(group)})
        self.session.execute(delete(committee).where(committee.c.group_id == group.id))
        self._seat(group)

    def save_balances(self, group: Group) -> None:
        values = {**_balance_columns(group.balances), "next_member_no": group.next_member_no}
        given = {f"new_{name}": value for name, value in values.items()}
        self.session.execute(BALANCES, {"group_id": group.id, **given})

    def get(self, group_id: str) -> Group | None:
        rows = self.session.execute(ONE_GROUP, {"group_id": group_id}).all()
        found = self._groups(rows)
        return found[0] if found else None

    def lock(self, group_id: str) -> Group | None:
        """The group, its row locked until commit: money moves one transaction at a time per
        group (on SQLite, where a write locks the database, the no-op write takes that lock)."""
        if self.session.get_bind().dialect.name == "sqlite":
            self.session.execute(TOUCH_GROUP, {"group_id": group_id})
            return self.get(group_id)
        rows = self.session.execute(
            select(groups).where(groups.c.id == group_id).with_for_update()
        ).all()
        found = self._groups(rows)
        return found[0] if found else None

    def list(self, caller: Caller, query: GroupQuery) -> Page[Group]:
        statement = select(groups).where(groups_visible_to(caller))
        if query.network_id:
            statement = statement.where(groups.c.network_id == query.network_id)
        if query.area:
            statement = statement.where(groups.c.village_code.startswith(query.area))
        keys = [groups.c.village_code, groups.c.id]
        rows = self.session.execute(keyset(statement, keys, query.after, query.limit)).all()
        found = page(rows, query.limit, key=lambda r: [r.village_code, r.id])
        return Page(self._groups(found.items), found.next)

    def ids_in_network(self, network_id: str) -> list[str]:
        rows = self.session.execute(select(groups.c.id).where(groups.c.network_id == network_id))
        return list(rows.scalars())

    def near(self, district_code: str) -> list[tuple[str, str]]:
        """(id, village code) of the district's groups, oldest first."""
        rows = self.session.execute(
            select(groups.c.id, groups.c.village_code)
            .where(groups.c.village_code.startswith(district_code))
            .order_by(groups.c.created_at, groups.c.id)
        )
        return [(row.id, row.village_code) for row in rows]

    def _seat(self, group: Group) -> None:
        seats = [
            {"group_id": group.id, "person_id": s.person_id, "role": s.role.value}
            for s in group.committee
        ]
        self.session.execute(insert(committee), seats)

    def _groups(self, rows: list[Any]) -> list[Group]:
        """Groups with their committees and network officers, in two more queries in all."""
        seats: dict[str, list[Seat]] = {row.id: [] for row in rows}
        if rows:
            found = self.session.execute(SEATS, {"ids": list(seats)})
            for seat in found:
                seats[seat.group_id].append(Seat(seat.person_id, CommitteeRole(seat.role)))
        officers = officers_of(self.session, {r.network_id for r in rows if r.network_id})
        return [
            _group(row, seats[row.id], officers.get(row.network_id, frozenset())) for row in rows
        ]


def _group(row: Any, seats: list[Seat], officers: frozenset[str]) -> Group:
    return Group(
        name=row.name,
        village_code=row.village_code,
        rules=rules_of(row),
        committee=tuple(seats),
        created_at=row.created_at,
        network_id=row.network_id,
        network_officers=officers,
        balances=Balances(
            from_satang(row.cash_satang),
            from_satang(row.loans_satang),
            from_satang(row.savings_satang),
            from_satang(row.income_satang),
        ),
        next_member_no=row.next_member_no,
        id=row.id,
        version=row.version,
    )


def _group_columns(group: Group) -> dict[str, Any]:
    return {
        "name": group.name,
        "village_code": group.village_code,
        "network_id": group.network_id,
        **rules_columns(group.rules),
        **_balance_columns(group.balances),
        "next_member_no": group.next_member_no,
        "created_at": group.created_at,
        "version": group.version,
    }


def _balance_columns(balances: Balances) -> dict[str, int]:
    return {
        "cash_satang": to_satang(balances.cash),
        "loans_satang": to_satang(balances.loans),
        "savings_satang": to_satang(balances.savings),
        "income_satang": to_satang(balances.income),
    }


def officers_of(session: Session, network_ids: set[str]) -> dict[str, frozenset[str]]:
    if not network_ids:
        return {}
    rows = session.execute(
        select(network_officers).where(network_officers.c.network_id.in_(sorted(network_ids)))
    ).all()
    return {
        network_id: frozenset(r.person_id for r in rows if r.network_id == network_id)
        for network_id in network_ids
    }
