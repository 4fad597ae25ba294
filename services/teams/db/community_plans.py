"""Sub-district community plans: one per sub-district and fiscal year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Column, Integer, String, Table, UniqueConstraint, insert, select
from sqlalchemy.orm import Session

from infra.pagination import Page, keyset, page
from infra.reach import touching
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.common import Reach
from services.teams.db.metadata import metadata
from services.teams.domain.community_plans import CommunityPlan

community_plans = Table(
    "community_plans",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("tambon_code", String(6), nullable=False),
    Column("fiscal_year", Integer, nullable=False),
    Column("livelihood_development", Boolean, nullable=False),
    Column("adopted_by_local_government", Boolean, nullable=False),
    Column("note", String(2000), nullable=False),
    Column("recorded_by", String(36), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("tambon_code", "fiscal_year", name="uq_community_plans_tambon_code_year"),
)


class CommunityPlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, plan: CommunityPlan) -> None:
        self.session.execute(insert(community_plans).values(**plan.__dict__))

    def save(self, plan: CommunityPlan) -> None:
        save_versioned(self.session, community_plans, "id", dict(plan.__dict__))

    def get(self, plan_id: str) -> CommunityPlan | None:
        row = self.session.execute(
            select(community_plans).where(community_plans.c.id == plan_id)
        ).first()
        return CommunityPlan(**row._mapping) if row else None

    def of_tambon(self, tambon_code: str, fiscal_year: int) -> CommunityPlan | None:
        row = self.session.execute(
            select(community_plans).where(
                community_plans.c.tambon_code == tambon_code,
                community_plans.c.fiscal_year == fiscal_year,
            )
        ).first()
        return CommunityPlan(**row._mapping) if row else None

    def list(
        self, reach: Reach, where: PlanFilter, after: str | None, limit: int
    ) -> Page[CommunityPlan]:
        """Plans of sub-districts touching the reach's areas (all for `areas` None)."""
        keys = [community_plans.c.fiscal_year, community_plans.c.tambon_code]
        chosen = select(community_plans).where(*_plan_conditions(reach, where))
        statement = keyset(chosen, keys, after, limit)
        rows = self.session.execute(statement).all()
        found = page(rows, limit, key=lambda r: [r.fiscal_year, r.tambon_code])
        return Page([CommunityPlan(**r._mapping) for r in found.items], found.next)


@dataclass(frozen=True)
class PlanFilter:
    """What a list of community plans is narrowed to, besides the caller's reach."""

    area: str | None = None  # the sub-district holding or inside this area
    fiscal_year: int | None = None


def _plan_conditions(reach: Reach, where: PlanFilter) -> list[Any]:
    c = community_plans.c
    conditions = [] if reach.areas is None else [touching(c.tambon_code, reach.areas, 6)]
    if where.area:
        conditions.append(c.tambon_code.startswith(where.area[:6]))
    if where.fiscal_year:
        conditions.append(c.fiscal_year == where.fiscal_year)
    return conditions
