"""Sammachip targets, per area and fiscal year."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Integer, String, Table, insert, select
from sqlalchemy.orm import Session

from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.metadata import metadata
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
