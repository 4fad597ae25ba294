"""Model households, one per district and fiscal year."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, String, Table, insert, select
from sqlalchemy.orm import Session

from infra.tables import UtcDateTime
from infra.versions import save_versioned
from services.teams.db.metadata import metadata
from services.teams.db.support_organisations import organisations
from services.teams.db.trainings import trainings
from services.teams.domain.model_household import ModelHousehold

model_households = Table(
    "model_households",
    metadata,
    Column("district_code", String(4), primary_key=True),
    Column("fiscal_year", Integer, primary_key=True),
    Column("household_id", String(36), nullable=False),
    Column("organisation_id", String(36), nullable=False),
    Column("selected_on", Date, nullable=False),
    Column("note", String(2000), nullable=False),
    Column("selected_by", String(36), nullable=False),
    Column("selected_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)
COMMITTEE = "womens_development_committee"


class ModelHouseholdRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, district_code: str, fiscal_year: int) -> ModelHousehold | None:
        m = model_households.c
        query = select(model_households).where(
            m.district_code == district_code, m.fiscal_year == fiscal_year
        )
        row = self.session.execute(query).first()
        return ModelHousehold(**row._mapping) if row else None

    def add(self, chosen: ModelHousehold) -> None:
        self.session.execute(insert(model_households).values(**chosen.__dict__))

    def save(self, chosen: ModelHousehold) -> None:
        key = {"district_code": chosen.district_code, "fiscal_year": chosen.fiscal_year}
        values = {k: v for k, v in chosen.__dict__.items() if k not in key}
        save_versioned(self.session, model_households, tuple(key), {**key, **values})

    def committee(self, district_code: str) -> str | None:
        """The id of the district's women's development committee, if registered."""
        o = organisations.c
        query = select(o.id).where(o.kind == COMMITTEE, o.district_code == district_code)
        return self.session.execute(query).scalar()

    def trained_in(self, household_id: str, district_code: str) -> bool:
        """Whether the household finished a Sammachip training in the district."""
        query = select(trainings.c.household_id).where(
            trainings.c.household_id == household_id,
            trainings.c.village_code.startswith(district_code, autoescape=True),
        )
        return self.session.execute(query.limit(1)).first() is not None
