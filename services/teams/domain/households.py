"""What the teams service knows of households, learnt from the households service's events.

Events may arrive late or out of order (retries), so each change applies only when it is newer than
what is known, and every event carries the village code, so whichever arrives first creates the
household here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

REGISTERED = "registered"
GRADUATED = "graduated"
# Cases that no longer need a team's work (graduated households are only monitored).
CLOSED_STAGES = frozenset({GRADUATED, "declined", "moved", "deceased", "merged"})


@dataclass(frozen=True)
class KnownHousehold:
    id: str
    village_code: str
    stage: str = REGISTERED
    stage_at: datetime | None = None
    fails_income: bool | None = None
    consented: bool | None = None
    consent_at: datetime | None = None
    graduated_at: datetime | None = None
    last_visit_on: date | None = None
    visit_due_on: date | None = None  # the latest due date announced as overdue

    @property
    def open_case(self) -> bool:
        return self.stage not in CLOSED_STAGES

    @property
    def overdue(self) -> bool:
        """A visit was announced overdue and no visit has been logged since it fell due."""
        if self.visit_due_on is None:
            return False
        return self.last_visit_on is None or self.last_visit_on < self.visit_due_on

    def staged(self, to_stage: str, at: datetime) -> KnownHousehold:
        if self.stage_at is not None and at < self.stage_at:
            return self
        return replace(self, stage=to_stage, stage_at=at)

    def targeted(self, fails_income: bool) -> KnownHousehold:
        return replace(self, fails_income=fails_income)

    def consent(self, consented: bool, at: datetime) -> KnownHousehold:
        if self.consent_at is not None and at < self.consent_at:
            return self
        return replace(self, consented=consented, consent_at=at)

    def visited(self, on: date) -> KnownHousehold:
        return replace(self, last_visit_on=max(on, self.last_visit_on or on))

    def overdue_from(self, due_on: date) -> KnownHousehold:
        return replace(self, visit_due_on=max(due_on, self.visit_due_on or due_on))

    def graduated(self, at: datetime) -> KnownHousehold:
        return replace(self, graduated_at=at).staged(GRADUATED, at)
