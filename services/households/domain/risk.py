"""A case's risk level from signals the services already see (issue 16, docs/households.md).

Each signal earns points by its weight; the points' sum picks the level by the configured floors
(`HOUSEHOLDS.risk`). Weights are never negative, so more of any signal never lowers the level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from services.households.vocabulary import RISK_LEVELS as LEVELS
from services.households.vocabulary import RISK_SIGNALS as SIGNALS

ESCALATING = ("high", "critical")


@dataclass(frozen=True)
class Signals:
    """What is known of a case now. `income_fall_percent`: how much income per person fell from
    the visit before the last to the last (0 when it rose); `bmn_worsened`: failed BMN
    indicators added from the survey year before the latest to the latest (0 when fewer)."""

    missed_visits: int = 0
    loans_in_arrears: int = 0
    arrears_days: int = 0  # the longest of the loans in arrears
    income_fall_percent: Decimal = Decimal(0)
    bmn_worsened: int = 0


@dataclass(frozen=True)
class RiskRule:
    """Weights (points) and level floors; a level is reached when the points reach its floor."""

    missed_visit: int = 1  # per visit missed within the window
    loan_in_arrears: int = 2  # per loan of the household in arrears
    arrears_days_step: int = 30  # one more point of `arrears_step` per started step of days
    arrears_step: int = 1
    income_fall_percent: int = 10  # a fall at least this large earns `income_fall`
    income_fall: int = 2
    bmn_indicator: int = 1  # per failed indicator added between survey years
    medium: int = 2
    high: int = 4
    critical: int = 7
    missed_visits_window_days: int = 365

    def __post_init__(self) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"HOUSEHOLDS.risk.{name} must be a whole number, 0 or more")
        if not 0 < self.medium <= self.high <= self.critical:
            raise ValueError("HOUSEHOLDS.risk needs 0 < medium <= high <= critical")
        if self.arrears_days_step < 1 or self.missed_visits_window_days < 1:
            raise ValueError("HOUSEHOLDS.risk day steps and windows must be at least 1")

    @classmethod
    def from_config(cls, block: dict[str, Any] | None) -> RiskRule:
        block = dict(block or {})
        unknown = sorted(set(block) - set(cls.__dataclass_fields__))
        if unknown:
            raise ValueError(f"HOUSEHOLDS.risk has unknown keys: {', '.join(unknown)}")
        return cls(**{name: _whole(name, value) for name, value in block.items()})


def _whole(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"HOUSEHOLDS.risk.{name} must be a whole number, 0 or more")
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"HOUSEHOLDS.risk.{name} must be a whole number, 0 or more") from None


@dataclass(frozen=True)
class Assessment:
    level: str
    points: int
    signals: tuple[str, ...] = field(default=())  # the names of the signals that earned points


@dataclass(frozen=True)
class CaseRisk:
    """A case's stored assessment, as the case read shows it (never assessed: low, no signal)."""

    level: str = "low"
    points: int = 0
    signals: tuple[str, ...] = ()
    missed_visits: int = 0
    loans_in_arrears: int = 0
    arrears_days: int = 0
    income_fall_percent: int = 0
    bmn_worsened: int = 0
    assessed_at: datetime | None = None


def points_by_signal(signals: Signals, rule: RiskRule) -> dict[str, int]:
    steps = -(-max(signals.arrears_days, 0) // rule.arrears_days_step)  # started steps
    fell = signals.income_fall_percent >= rule.income_fall_percent > 0
    return {
        "missed_visits": max(signals.missed_visits, 0) * rule.missed_visit,
        "loans_in_arrears": max(signals.loans_in_arrears, 0) * rule.loan_in_arrears,
        "arrears_days": steps * rule.arrears_step,
        "income_fall": rule.income_fall if fell else 0,
        "bmn_worsened": max(signals.bmn_worsened, 0) * rule.bmn_indicator,
    }


def assess(signals: Signals, rule: RiskRule) -> Assessment:
    earned = points_by_signal(signals, rule)
    points = sum(earned.values())
    return Assessment(level_of(points, rule), points, tuple(n for n in SIGNALS if earned[n]))


def level_of(points: int, rule: RiskRule) -> str:
    for level, floor in (("critical", rule.critical), ("high", rule.high), ("medium", rule.medium)):
        if points >= floor:
            return level
    return "low"


def rank(level: str) -> int:
    return LEVELS.index(level)


def raised_to_escalation(before: str, after: str) -> bool:
    """A rise that reaches high or critical (high to critical too): escalated once per rise."""
    return after in ESCALATING and rank(after) > rank(before)


def fell_from_escalation(before: str, after: str) -> bool:
    return before in ESCALATING and after not in ESCALATING


def income_fall_percent(previous: Decimal | None, latest: Decimal | None) -> Decimal:
    """How much (in whole per cent, rounded down) income per person fell; 0 if it did not."""
    if previous is None or latest is None or previous <= 0 or latest >= previous:
        return Decimal(0)
    return ((previous - latest) * 100 / previous).to_integral_value(rounding="ROUND_FLOOR")
