"""The households database: registry, case, plans, interventions, visits, imports."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    Text,
)

from infra.audit import add_audit_table
from infra.client_requests import add_client_requests_table
from infra.tables import BigId, UtcDateTime, new_metadata

metadata = new_metadata()
# Resendable commands' answers: a registration's under the registering person, a visit's and an
# intervention's under the household.
client_requests = add_client_requests_table(metadata)
# Who changed what, when and why (issue 16): written in the transaction of each change.
audit_entries = add_audit_table(metadata)
ID = String(36)

households = Table(
    "households",
    metadata,
    Column("id", ID, primary_key=True),
    Column("village_code", String(8), nullable=False),
    Column("house_no", String(20)),
    Column("size", SmallInteger, nullable=False),
    Column("annual_income_satang", BigInteger),
    Column("latest_survey_year", SmallInteger),
    Column("registered_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("stage", String(12), nullable=False),
    Column("team_id", ID),
    Column("team_assigned_at", UtcDateTime),  # assignments may arrive out of order
    # targeting snapshot (D3.1): what the case was targeted on
    Column("survey_year", SmallInteger),
    Column("fails_income", Boolean),
    Column("failed_indicators", SmallInteger),
    Column("targeted_income_pp_satang", BigInteger),
    Column("priority_rank", BigInteger),
    Column("targeted_at", UtcDateTime),
    Column("consented", Boolean),
    Column("consent_recorded_by", String(64)),
    Column("consent_recorded_at", UtcDateTime),
    Column("consent_note", Text),
    Column("visit_interval_days", SmallInteger),
    Column("next_visit_due", Date),
    Column("monitoring_until", Date),
    Column("merged_into", ID),
    # low, medium, high or critical: db/risk.py keeps what it was assessed on (issue 16)
    Column("risk_level", String(8), nullable=False, server_default="low"),
    Column("moved_away_on", Date),
    Column("moved_to_area", String(8)),
)
# The list queries: filtered by area, stage or team, keyset-paged by (village_code, id) or by
# priority. Indexes on columns that stay empty until a case moves on are partial, so a BMN import
# of new households pays for three indexes only. On PostgreSQL the village index also carries what
# the cases report counts (db/reports.py), so an area's report reads the index, not the table:
# an index-only scan of the area's range instead of a scan of every page (an area's households lie
# all over the table). No update pays more for it: each of those columns changes only with a
# column that is indexed already (stage, next_visit_due, team_id), which rewrites every index.
REPORTED = ("stage", "consented", "targeted_at", "monitoring_until", "next_visit_due", "team_id")
Index(
    "ix_households_village",
    households.c.village_code,
    households.c.id,
    postgresql_include=list(REPORTED),
)
Index("ix_households_stage_village", households.c.stage, households.c.village_code, households.c.id)
Index(
    "ix_households_team_village",
    households.c.team_id,
    households.c.village_code,
    households.c.id,
    sqlite_where=households.c.team_id.is_not(None),
    postgresql_where=households.c.team_id.is_not(None),
)
Index(
    "ix_households_priority",
    households.c.priority_rank,
    households.c.id,
    sqlite_where=households.c.priority_rank.is_not(None),
    postgresql_where=households.c.priority_rank.is_not(None),
)
Index(  # the lists' `risk=high,critical`: most households are low and stay out of it
    "ix_households_risk",
    households.c.risk_level,
    households.c.village_code,
    households.c.id,
    sqlite_where=households.c.risk_level != "low",
    postgresql_where=households.c.risk_level != "low",
)
Index(
    "ix_households_next_visit_due",
    households.c.next_visit_due,
    sqlite_where=households.c.next_visit_due.is_not(None),
    postgresql_where=households.c.next_visit_due.is_not(None),
)

members = Table(
    "household_members",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("household_id", ID, ForeignKey("households.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False),
    Column("national_id", String(13), nullable=False),
    Column("is_head", Boolean, nullable=False),
    Column("birth_date", Date),
    Column("sex", String(6)),
    Column("active", Boolean, nullable=False, default=True),
    # A member who left (moved out, deceased, moved to another household) stays, not counted.
    Column("left_on", Date),
    Column("left_reason", String(12)),
    Column("moved_to", ID),
)
# The same person cannot sit in two active households.
Index(
    "uq_household_members_active_national_id",
    members.c.national_id,
    unique=True,
    sqlite_where=members.c.active,
    postgresql_where=members.c.active,
)

transitions = Table(
    "case_transitions",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("household_id", ID, ForeignKey("households.id"), nullable=False, index=True),
    Column("from_stage", String(12), nullable=False),
    Column("to_stage", String(12), nullable=False),
    Column("changed_by", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)

surveys = Table(
    "bmn_surveys",
    metadata,
    Column("household_id", ID, ForeignKey("households.id"), primary_key=True),
    Column("survey_year", SmallInteger, primary_key=True),
    Column("size", SmallInteger, nullable=False),
    Column("annual_income_satang", BigInteger, nullable=False),
    Column("failed_indicators", String(400), nullable=False),  # codes, comma-separated
    Column("failed_count", SmallInteger, nullable=False),
    Column("import_id", ID),
    Column("recorded_at", UtcDateTime, nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("id", ID, primary_key=True),
    Column("household_id", ID, ForeignKey("households.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("status", String(10), nullable=False),
    Column("content", Text, nullable=False),  # JSON: problems, needs, goals, livelihood, support
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("submitted_by", String(64)),
    Column("submitted_at", UtcDateTime),
    Column("decided_by", String(64)),
    Column("decided_at", UtcDateTime),
    Column("decision_reason", Text),
    Column("version", Integer, nullable=False),
)
Index("uq_plans_household_number", plans.c.household_id, plans.c.number, unique=True)

interventions = Table(
    "interventions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("household_id", ID, ForeignKey("households.id"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("owner", String(64), nullable=False),
    Column("description", Text, nullable=False),
    Column("agency", String(200)),
    Column("amount_satang", BigInteger),
    Column("purpose", String(200)),
    Column("term_months", SmallInteger),
    Column("status", String(12), nullable=False),
    Column("outcome", Text),
    Column("requested_by", String(64), nullable=False),
    Column("requested_at", UtcDateTime, nullable=False),
    Column("changed_at", UtcDateTime),
    Column("loan_id", ID),
    Column("version", Integer, nullable=False),
)

visits = Table(
    "visits",
    metadata,
    Column("id", ID, primary_key=True),
    Column("household_id", ID, ForeignKey("households.id"), nullable=False),
    Column("visited_at", UtcDateTime, nullable=False),
    Column("visited_by", String(64), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Column("notes", Text, nullable=False),
    Column("wellbeing", SmallInteger, nullable=False),
    Column("annual_income_satang", BigInteger),
    Column("income_pp_satang", BigInteger),
    Column("problems", Text, nullable=False),  # JSON list
)
Index("ix_visits_household", visits.c.household_id, visits.c.visited_at, visits.c.recorded_at)

# One row per overdue visit announced: the timer may fire in every replica, the event goes once.
overdue_notices = Table(
    "visit_overdue_notices",
    metadata,
    Column("household_id", ID, primary_key=True),
    Column("due_on", Date, primary_key=True),
    Column("detected_at", UtcDateTime, nullable=False),
)

loans = Table(
    "household_loans",
    metadata,
    Column("loan_id", ID, primary_key=True),
    Column("household_id", ID, nullable=False),
    Column("intervention_id", ID),
)

imports = Table(
    "bmn_imports",
    metadata,
    Column("id", ID, primary_key=True),
    Column("file_name", String(200), nullable=False),
    Column("survey_year", SmallInteger, nullable=False),
    Column("format", String(4), nullable=False),
    Column("status", String(10), nullable=False, index=True),
    Column("caller", Text, nullable=False),  # JSON: whose areas bound the rows
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("total_bytes", BigInteger, nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("accepted", Integer, nullable=False),  # rows that wrote something
    Column("unchanged", Integer, nullable=False, server_default="0"),  # rows already stored
    Column("rejected", Integer, nullable=False),
    Column("claimed_at", UtcDateTime),
    Column("finished_at", UtcDateTime),
    Column("error", Text),
)

import_chunks = Table(
    "bmn_import_chunks",
    metadata,
    Column("import_id", ID, ForeignKey("bmn_imports.id"), primary_key=True),
    Column("sequence", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

import_tambons = Table(  # each tambon's counters, for the import's one summary when it ends
    "bmn_import_tambons",
    metadata,
    Column("import_id", ID, ForeignKey("bmn_imports.id"), primary_key=True),
    Column("tambon_code", String(6), primary_key=True),
    Column("accepted", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
    Column("rejected", Integer, nullable=False),
)

import_errors = Table(
    "bmn_import_errors",
    metadata,
    Column("import_id", ID, ForeignKey("bmn_imports.id"), primary_key=True),
    Column("row", Integer, primary_key=True),
    Column("field", String(60), primary_key=True),
    Column("message", String(200), nullable=False),
)
