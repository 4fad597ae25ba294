"""Risk and relapse use cases with the fake unit of work: levels stored and audited, one event
per rise to high or critical, funding's arrears news, relapse flagged once per survey year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from infra.envelope import ReceivedEvent
from services.households.db.risk import Graduate
from services.households.domain.risk import Signals
from services.households.settings import Settings
from services.households.usecases import registry
from services.households.usecases.relapse import surveyed
from services.households.usecases.risk import reassess
from services.households.usecases.risk_reactions import loan_overdue, loan_repaid
from services.households.vocabulary import Stage
from tests.unit.households.factories import LEADER, NOW, TEAM, case
from tests.unit.households.fakes import FakeUnitOfWork

SETTINGS = Settings(income_thresholds_thb={2017: Decimal("38000")})
IMPORT = "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
HIGH = Signals(missed_visits=2, loans_in_arrears=1)  # 2 + 2 points


def _reassessed(uow: FakeUnitOfWork, household_id: str) -> None:
    with uow:
        reassess(uow, [household_id], SETTINGS, NOW)
        uow.commit()


def test_a_case_becoming_high_is_stored_audited_and_announced_once() -> None:
    household = case(Stage.CARE)
    uow = FakeUnitOfWork().given(household)
    uow.risks.observed[household.id] = HIGH

    _reassessed(uow, household.id)
    _reassessed(uow, household.id)  # nothing new: no second event

    assert uow.risks.level(household.id) == "high"
    assert uow.events("case_risk_raised") == [
        {
            "household_id": household.id,
            "village_code": household.village_code,
            "team_id": TEAM,
            "level": "high",
            "previous_level": "low",
            "signals": ["missed_visits", "loans_in_arrears"],
            "assessed_at": NOW.isoformat(),
        }
    ]
    [entry] = uow.audit.entries
    assert (entry.action, entry.changes) == ("risk_changed", {"risk_level": ["low", "high"]})


def test_high_to_critical_rises_again_and_falling_below_high_is_announced() -> None:
    household = case(Stage.CARE)
    uow = FakeUnitOfWork().given(household)
    for signals in (HIGH, replace(HIGH, arrears_days=95), Signals(missed_visits=2), Signals()):
        uow.risks.observed[household.id] = signals
        _reassessed(uow, household.id)

    assert [e["level"] for e in uow.events("case_risk_raised")] == ["high", "critical"]
    assert [e["level"] for e in uow.events("case_risk_lowered")] == ["medium"]
    assert uow.risks.level(household.id) == "low"
    assert len(uow.audit.entries) == 4


def test_a_medium_case_neither_escalates_nor_is_announced() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    uow.risks.observed[household.id] = Signals(missed_visits=2)

    _reassessed(uow, household.id)

    assert uow.risks.level(household.id) == "medium" and uow.published == []


def test_a_registered_household_is_not_assessed() -> None:
    household = case(Stage.REGISTERED)
    uow = FakeUnitOfWork().given(household)
    uow.risks.observed[household.id] = HIGH

    _reassessed(uow, household.id)

    assert uow.risks.assessed.rows == {} and uow.published == []


def _with_loan(household: object) -> FakeUnitOfWork:
    uow = FakeUnitOfWork().given(household)  # type: ignore[arg-type]
    uow.interventions.loans["loan-1"] = SimpleNamespace(intervention_id=None)
    return uow


def _loan_event(event_type: str, household_id: str, **data: object) -> ReceivedEvent:
    base = {"loan_id": "loan-1", "household_id": household_id, **data}
    return ReceivedEvent(f"e-{event_type}-{data}", event_type, 1, NOW, "funding", None, base)


def test_funding_arrears_raise_the_level_and_a_repayment_out_of_arrears_lowers_it() -> None:
    household = case(Stage.CARE)
    uow = _with_loan(household)
    uow.risks.observed[household.id] = Signals(missed_visits=1)

    overdue = _loan_event("loan_overdue", household.id, days_overdue=45, as_of=date(2026, 11, 20))
    loan_overdue(uow, overdue, NOW, SETTINGS)
    loan_overdue(uow, overdue, NOW, SETTINGS)  # redelivered
    assert uow.risks.level(household.id) == "high"  # 1 + 2 + 2 (two started 30-day steps)

    repaid = _loan_event(
        "loan_repaid", household.id, in_arrears=False, closed=False, repaid_on=date(2026, 11, 21)
    )
    loan_repaid(uow, repaid, NOW, SETTINGS)
    assert uow.risks.level(household.id) == "low"
    assert uow.kinds() == ["case_risk_raised", "case_risk_lowered"]


def test_older_arrears_news_does_not_undo_a_later_repayment() -> None:
    household = case(Stage.CARE)
    uow = _with_loan(household)
    repaid = _loan_event(
        "loan_repaid", household.id, in_arrears=False, closed=True, repaid_on=date(2026, 11, 21)
    )
    loan_repaid(uow, repaid, NOW, SETTINGS)
    stale = _loan_event("loan_overdue", household.id, days_overdue=95, as_of=date(2026, 11, 1))
    loan_overdue(uow, stale, NOW, SETTINGS)

    assert uow.risks.level(household.id) == "low" and uow.published == []


def _graduate(household_id: str, income: str, year: int = 2025) -> Graduate:
    graduated_at = NOW.replace(year=year) - timedelta(days=1)
    return Graduate(household_id, "24010101", TEAM, graduated_at, 4, Decimal(income))


def test_a_graduate_below_the_threshold_in_a_later_survey_relapses_once() -> None:
    poor, well = case(Stage.GRADUATED, seed=901), case(Stage.GRADUATED, seed=902)
    uow = FakeUnitOfWork().given(poor, well)
    uow.risks.graduated = {
        poor.id: _graduate(poor.id, "100000"),  # 25,000 a person, below 38,000
        well.id: _graduate(well.id, "200000"),
    }
    for _ in range(2):  # an import's batch may run twice
        with uow:
            surveyed(uow, [poor.id, well.id], 2026, IMPORT, SETTINGS, NOW)
            uow.commit()

    assert uow.events("household_relapsed") == [
        {
            "household_id": poor.id,
            "village_code": "24010101",
            "team_id": TEAM,
            "graduation_year": 2025,
            "survey_year": 2026,
            "import_id": IMPORT,
            "flagged_at": NOW.isoformat(),
        }
    ]
    assert [e.action for e in uow.audit.entries] == ["relapsed"]


def test_a_survey_of_the_graduation_year_is_no_relapse() -> None:
    household = case(Stage.GRADUATED)
    uow = FakeUnitOfWork().given(household)
    uow.risks.graduated = {household.id: _graduate(household.id, "1000", year=2026)}
    with uow:
        assert surveyed(uow, [household.id], 2026, None, SETTINGS, NOW) == 0


def test_the_case_read_shows_its_risk() -> None:
    household = case(Stage.CARE, village_code="24010101")
    uow = FakeUnitOfWork().given(household)
    uow.risks.observed[household.id] = HIGH
    _reassessed(uow, household.id)

    found = registry.get_household(uow, LEADER, household.id)

    assert (found["risk"].level, found["risk"].signals) == (
        "high",
        ("missed_visits", "loans_in_arrears"),
    )
