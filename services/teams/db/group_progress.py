"""Occupation groups after training: OTOP products and periodic income reports."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.orm import Session

from infra.money import from_satang, to_satang
from infra.pagination import Page, keyset, page
from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.metadata import metadata
from services.teams.domain.group_progress import GroupReport, OtopProduct

otop_products = Table(
    "otop_products",
    metadata,
    Column("group_id", String(36), ForeignKey("occupation_groups.id"), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("category", String(40), nullable=False),
    Column("stars", Integer),
    Column("recorded_at", UtcDateTime, nullable=False),
)
group_reports = Table(
    "group_reports",
    metadata,
    Column("group_id", String(36), ForeignKey("occupation_groups.id"), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("village_code", String(8), nullable=False, index=True),
    Column("operating", Boolean, nullable=False),
    Column("income_satang", BigInteger, nullable=False),
    Column("note", String(2000), nullable=False),
    Column("reported_by", String(36), nullable=False),
    Column("reported_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)


def products_of(session: Session, group_ids: list[str]) -> dict[str, OtopProduct]:
    query = select(otop_products).where(otop_products.c.group_id.in_(group_ids))
    return {
        row.group_id: OtopProduct(row.name, row.category, row.stars, row.recorded_at)
        for row in session.execute(query)
    }


def write_product(session: Session, group_id: str, product: OtopProduct | None) -> None:
    session.execute(delete(otop_products).where(otop_products.c.group_id == group_id))
    if product is not None:
        session.execute(insert(otop_products).values(group_id=group_id, **product.__dict__))


class GroupReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, report: GroupReport) -> None:
        self.session.execute(insert(group_reports).values(**_row(report)))

    def save(self, report: GroupReport) -> None:
        save_versioned(self.session, group_reports, ("group_id", "period"), _row(report))

    def get(self, group_id: str, period: Any) -> GroupReport | None:
        row = self.session.execute(
            select(group_reports).where(
                group_reports.c.group_id == group_id, group_reports.c.period == period
            )
        ).first()
        return _report(row) if row else None

    def of_group(self, group_id: str, after: str | None, limit: int) -> Page[GroupReport]:
        query = select(group_reports).where(group_reports.c.group_id == group_id)
        statement = keyset(query, [group_reports.c.period], after, limit, descending=True)
        rows = self.session.execute(statement).all()
        found = page(rows, limit, key=lambda r: [r.period])
        return Page([_report(r) for r in found.items], found.next)


def _row(report: GroupReport) -> dict[str, Any]:
    row = {k: v for k, v in report.__dict__.items() if k != "income"}
    return {**row, "income_satang": to_satang(report.income)}


def _report(row: Any) -> GroupReport:
    values = {k: v for k, v in row._mapping.items() if k != "income_satang"}
    return GroupReport(**values, income=from_satang(row.income_satang))
