"""Risk and relapse (issue 16): what a case's level was assessed on, its loans in arrears as
funding announced them, and the graduated households a later BMN survey found poor again."""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, SmallInteger, String, Table

from infra.tables import UtcDateTime
from services.households.db.tables import ID, metadata

case_risks = Table(
    "case_risks",
    metadata,
    Column("household_id", ID, primary_key=True),
    Column("level", String(8), nullable=False),
    Column("points", Integer, nullable=False),
    Column("signals", String(200), nullable=False),  # names of the signals that earned points
    Column("missed_visits", SmallInteger, nullable=False),
    Column("loans_in_arrears", SmallInteger, nullable=False),
    Column("arrears_days", Integer, nullable=False),
    Column("income_fall_percent", SmallInteger, nullable=False),
    Column("bmn_worsened", SmallInteger, nullable=False),
    Column("assessed_at", UtcDateTime, nullable=False),
)

loan_arrears = Table(  # a loan of the household in arrears, as of funding's latest news of it
    "household_loan_arrears",
    metadata,
    Column("loan_id", ID, primary_key=True),
    Column("household_id", ID, nullable=False, index=True),
    Column("days_overdue", Integer, nullable=False),  # 0: repaid or written off since
    Column("as_of", Date, nullable=False),
)

relapses = Table(
    "household_relapses",
    metadata,
    Column("household_id", ID, primary_key=True),
    Column("survey_year", SmallInteger, primary_key=True),
    Column("graduation_year", SmallInteger, nullable=False),
    Column("graduated_at", UtcDateTime, nullable=False),
    Column("village_code", String(8), nullable=False),
    Column("import_id", ID),
    Column("flagged_at", UtcDateTime, nullable=False),
)
Index("ix_household_relapses_village", relapses.c.village_code)
