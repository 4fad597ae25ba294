"""An in-memory `uow.risks` (db/risk.py): the signals a test gives (`observed`) with the loans in
arrears it records, the assessments stored, the relapses flagged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from services.households.db.risk import ASSESSED_STAGES, CaseRef, Graduate
from services.households.domain.risk import Assessment, CaseRisk, Signals
from tests.unit.households.fake_repositories import FakeHouseholds, Repository, Table


class FakeRisks(Repository):
    def __init__(self, households: FakeHouseholds) -> None:
        self.households = households
        self.observed: dict[str, Signals] = {}  # what the other tables would show
        self.graduated: dict[str, Graduate] = {}  # by household: as the join would find it
        self.assessed: Table[str, tuple[Assessment, Signals]] = Table()
        self.arrears: Table[str, tuple[str, int, date]] = Table()
        self.relapses: Table[tuple[str, int], dict[str, Any]] = Table()

    def twin(self) -> FakeRisks:
        other = super().twin()
        other.households = self.households
        return other

    def cases(self, household_ids: list[str]) -> list[CaseRef]:
        found = []
        for hid in sorted(household_ids):
            household = self.households.get(hid)
            if household is None or household.stage.value not in ASSESSED_STAGES:
                continue
            stored = self.assessed.get(hid)
            level, signals = (stored[0].level, stored[1]) if stored else ("low", None)
            found.append(CaseRef(hid, household.village_code, household.team_id, level, signals))
        return found

    def signals(self, household_ids: list[str], since: date) -> dict[str, Signals]:
        return {hid: self._signals(hid) for hid in household_ids}

    def _signals(self, hid: str) -> Signals:
        loans = [days for owner, days, _ in self.arrears.values() if owner == hid and days > 0]
        base = self.observed.get(hid, Signals())
        if not loans:
            return base
        return replace(base, loans_in_arrears=len(loans), arrears_days=max(loans))

    def save(self, hid: str, assessed: Assessment, signals: Signals, now: datetime) -> None:
        self.assessed.put(hid, (assessed, signals))

    def assessment(self, hid: str) -> CaseRisk | None:
        stored = self.assessed.get(hid)
        if stored is None:
            return None
        assessed, signals = stored
        return CaseRisk(assessed.level, assessed.points, assessed.signals, signals.missed_visits)

    def level(self, hid: str) -> str:
        stored = self.assessed.get(hid)
        return stored[0].level if stored else "low"

    def record_arrears(self, loan_id: str, household_id: str, days: int, as_of: date) -> None:
        known = self.arrears.get(loan_id)
        if known is None or known[2] <= as_of:
            self.arrears.put(loan_id, (household_id, days, as_of))

    def graduates(self, household_ids: list[str], survey_year: int) -> list[Graduate]:
        return [self.graduated[h] for h in household_ids if h in self.graduated]

    def flag_relapse(self, row: dict[str, Any]) -> bool:
        key = (row["household_id"], row["survey_year"])
        if self.relapses.get(key) is not None:
            return False
        self.relapses.put(key, row)
        return True
