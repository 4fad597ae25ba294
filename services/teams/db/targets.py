"""Sammachip targets (per area and fiscal year) and sub-district community plans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    String,
    Table,
    UniqueConstraint,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.pagination import keyset, page
from infra.reach import touching
from infra.tables import UtcDateTime
from services.teams.db.common import Reach, save_versioned
from services.teams.db.metadata import metadata
from services.teams.domain.community_plans import CommunityPlan
from services.teams.domain.targets import Targets
from services.teams.vocabulary import METRICS

sammachip_targets = Table(
    "sammachip_targets",
    metadata,
    Column("area_code", String(4), primary_key=True),
    Column("fiscal_year", Integer, primary_key=True),
    *(Column(metric, Integer) for metric in METRICS),
    Column("set_by", String(36), nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
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


class TargetRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, area_code: str, fiscal_year: int) -> Targets | None:
        row = self.session.execute(
            select(sammachip_targets).where(
                sammachip_targets.c.area_code == area_code,
                sammachip_targets.c.fiscal_year == fiscal_year,
            )
        ).first()
        return _targets(row) if row else None

    def of_year(self, area_codes: list[str], fiscal_year: int) -> dict[str, Targets]:
        query = select(sammachip_targets).where(
            sammachip_targets.c.area_code.in_(area_codes),
            sammachip_targets.c.fiscal_year == fiscal_year,
        )
        return {row.area_code: _targets(row) for row in self.session.execute(query)}

    def add(self, targets: Targets) -> None:
        self.session.execute(insert(sammachip_targets).values(**_target_row(targets)))

    def save(self, targets: Targets) -> None:
        keys = ("area_code", "fiscal_year")
        save_versioned(self.session, sammachip_targets, keys, _target_row(targets))


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
    ) -> tuple[list[CommunityPlan], str | None]:
        """Plans of sub-districts touching the reach's areas (all for `areas` None)."""
        keys = [community_plans.c.fiscal_year, community_plans.c.tambon_code]
        chosen = select(community_plans).where(*_plan_conditions(reach, where))
        statement = keyset(chosen, keys, after, limit)
        rows = self.session.execute(statement).all()
        items, cursor = page(rows, limit, key=lambda r: [r.fiscal_year, r.tambon_code])
        return [CommunityPlan(**r._mapping) for r in items], cursor


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


def _target_row(targets: Targets) -> dict[str, Any]:
    return {
        "area_code": targets.area_code,
        "fiscal_year": targets.fiscal_year,
        **targets.values,
        "set_by": targets.set_by,
        "set_at": targets.set_at,
        "version": targets.version,
    }


def _targets(row: Any) -> Targets:
    values = {metric: getattr(row, metric) for metric in METRICS}
    return Targets(row.area_code, row.fiscal_year, values, row.set_by, row.set_at, row.version)
