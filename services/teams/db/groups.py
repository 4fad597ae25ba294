"""Occupation group tables and repository."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, delete, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import touching
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach
from services.teams.db.group_progress import products_of, write_product
from services.teams.db.metadata import metadata
from services.teams.domain.groups import OccupationGroup

occupation_groups = Table(
    "occupation_groups",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("occupation", String(200), nullable=False),
    Column("village_code", String(8), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("registration_number", String(60)),
    Column("registered_on", Date),
    Column("version", Integer, nullable=False),
)
group_members = Table(
    "group_members",
    metadata,
    Column("group_id", String(36), ForeignKey("occupation_groups.id"), primary_key=True),
    Column(
        "household_id", String(36), ForeignKey("known_households.id"), primary_key=True, index=True
    ),
    Column("position", Integer, nullable=False),
)


class GroupRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, group: OccupationGroup) -> None:
        self.session.execute(insert(occupation_groups).values(**_row(group)))
        self._write_members(group)

    def save(self, group: OccupationGroup) -> None:
        save_versioned(self.session, occupation_groups, "id", _row(group))
        self._write_members(group)
        write_product(self.session, group.id, group.otop_product)

    def get(self, group_id: str) -> OccupationGroup | None:
        rows = self.session.execute(
            select(occupation_groups).where(occupation_groups.c.id == group_id)
        ).all()
        found = self._from_rows(rows)
        return found[0] if found else None

    def list(
        self, reach: Reach, where: GroupFilter, after: str | None, limit: int
    ) -> Page[OccupationGroup]:
        """Groups of villages touching the reach's areas (all for `areas` None)."""
        keys = [occupation_groups.c.village_code, occupation_groups.c.id]
        chosen = select(occupation_groups).where(*_conditions(reach, where))
        statement = keyset(chosen, keys, after, limit)
        rows = self.session.execute(statement).all()
        found = page(rows, limit, key=lambda r: [r.village_code, r.id])
        return Page(self._from_rows(found.items), found.next)

    def _from_rows(self, rows: list[Any]) -> list[OccupationGroup]:
        members: dict[str, list[str]] = defaultdict(list)
        query = select(group_members).where(group_members.c.group_id.in_([r.id for r in rows]))
        for m in self.session.execute(query.order_by(group_members.c.position)):
            members[m.group_id].append(m.household_id)
        products = products_of(self.session, [r.id for r in rows])
        return [
            OccupationGroup(
                **{
                    **r._mapping,
                    "members": tuple(members[r.id]),
                    "otop_product": products.get(r.id),
                }
            )
            for r in rows
        ]

    def _write_members(self, group: OccupationGroup) -> None:
        self.session.execute(delete(group_members).where(group_members.c.group_id == group.id))
        rows = [
            {"group_id": group.id, "household_id": h, "position": i}
            for i, h in enumerate(group.members)
        ]
        self.session.execute(insert(group_members), rows)


@dataclass(frozen=True)
class GroupFilter:
    """What a list of occupation groups is narrowed to, besides the caller's reach."""

    area: str | None = None  # villages inside this area


def _conditions(reach: Reach, where: GroupFilter) -> list[Any]:
    village = occupation_groups.c.village_code
    conditions = [] if reach.areas is None else [touching(village, reach.areas, 8)]
    if where.area:
        conditions.append(village.startswith(where.area))
    return conditions


def _row(group: OccupationGroup) -> dict[str, Any]:
    return {k: v for k, v in group.__dict__.items() if k not in ("members", "otop_product")}
