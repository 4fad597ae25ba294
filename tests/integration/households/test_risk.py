"""Risk on the migrated database (SQLite and PostgreSQL): each signal read from its own table by
the set-based queries, the level stored, listed, filtered, audited and announced in the outbox."""

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select, update

from infra.caller import Caller
from infra.commands import command_of
from infra.envelope import ReceivedEvent
from infra.validation import load
from services.households.db.tables import households, metadata
from services.households.schemas.registry import RegisterHousehold as RegisterSchema
from services.households.settings import Settings
from services.households.usecases import care, history, queries, registry
from services.households.usecases.commands import FindHouseholds, LogVisit, RegisterHousehold
from services.households.usecases.risk import reassess
from services.households.usecases.risk_reactions import loan_overdue
from tests.integration.households.support import ADMIN, COORDINATOR, TEAM, household

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
WHO, ADMINISTRATOR = Caller.from_dict(COORDINATOR), Caller.from_dict(ADMIN)
SETTINGS = Settings(income_thresholds_thb={2017: Decimal("38000")})
OUTBOX = metadata.tables["outbox"]


def in_care(uow, seed: int) -> str:
    command = command_of(RegisterHousehold, load(RegisterSchema, household(seed)))
    hid = str(registry.register_household(uow, WHO, command, NOW - timedelta(days=90))["id"])
    with uow:
        uow.session.execute(
            update(households).where(households.c.id == hid).values(stage="care", team_id=TEAM)
        )
        uow.commit()
    return hid


def missed_visit(uow, hid: str, due: date) -> None:
    with uow:
        uow.session.execute(
            update(households).where(households.c.id == hid).values(next_visit_due=due)
        )
        uow.commit()
    care.announce_overdue_visits(uow, NOW.date(), NOW, SETTINGS)


def arrears(uow, hid: str, days: int) -> None:
    data = {"loan_id": "loan-1", "household_id": hid, "days_overdue": days, "as_of": NOW.date()}
    event = ReceivedEvent(f"e-{days}", "loan_overdue", 1, NOW, "funding", None, data)
    loan_overdue(uow, event, NOW, SETTINGS)


def visited(uow, hid: str, income: str, days_ago: int) -> None:
    at = NOW - timedelta(days=days_ago)
    given = {"visited_at": at, "notes": "n", "wellbeing": 3, "problems": []}
    command = command_of(
        LogVisit, {**given, "annual_income_thb": Decimal(income), "client_key": None}
    )
    care.log_visit(uow, WHO, hid, command, SETTINGS, NOW)


def risk_events(uow) -> list[dict]:
    with uow:
        payloads = [json.loads(p) for p in uow.session.execute(select(OUTBOX.c.payload)).scalars()]
    return [p for p in payloads if p["event_type"].startswith("case_risk")]


def listed(uow, **query) -> list[str]:
    found = queries.find_households(uow, WHO, FindHouseholds(**query), NOW.date())
    return [row.id for row in found.items]


def test_each_signal_is_read_from_its_table_and_the_level_follows(uow):
    hid, calm = in_care(uow, 801), in_care(uow, 802)
    missed_visit(uow, hid, NOW.date() - timedelta(days=40))
    missed_visit(uow, hid, NOW.date() - timedelta(days=10))
    assert registry.get_household(uow, WHO, hid)["risk"].level == "medium"  # 2 points

    arrears(uow, hid, 45)  # +2 for the loan, +2 for two started 30-day steps
    found = registry.get_household(uow, WHO, hid)["risk"]
    assert (found.level, found.missed_visits, found.loans_in_arrears, found.arrears_days) == (
        "high",
        2,
        1,
        45,
    )
    assert listed(uow, risk=("high", "critical")) == [hid]
    assert set(listed(uow, risk=("low",))) == {calm}

    visited(uow, hid, "90000.00", 20)
    visited(uow, hid, "45000.00", 1)  # half the income of the visit before: +2
    found = registry.get_household(uow, WHO, hid)["risk"]
    assert (found.level, found.income_fall_percent) == ("critical", 50)
    assert "income_fall" in found.signals

    raised = [e["data"] for e in risk_events(uow) if e["event_type"] == "case_risk_raised"]
    assert [(e["household_id"], e["level"]) for e in raised] == [(hid, "high"), (hid, "critical")]
    trail = history.household_history(uow, WHO, hid, None, 50).items
    changes = [e.changes["risk_level"] for e in trail if e.action == "risk_changed"]
    assert changes == [["high", "critical"], ["medium", "high"], ["low", "medium"]]


def test_a_repayment_out_of_arrears_lowers_the_level_and_says_so(uow):
    hid = in_care(uow, 803)
    missed_visit(uow, hid, NOW.date() - timedelta(days=5))
    arrears(uow, hid, 31)  # 1 + 2 + 2: high
    with uow:
        uow.risks.record_arrears("loan-1", hid, 0, NOW.date())
        reassess(uow, [hid], SETTINGS, NOW)
        uow.commit()

    assert registry.get_household(uow, WHO, hid)["risk"].level == "low"
    assert [e["event_type"] for e in risk_events(uow)] == ["case_risk_raised", "case_risk_lowered"]
