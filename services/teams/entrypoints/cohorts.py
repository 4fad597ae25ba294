"""Training cohorts: opening, enrolment, sessions, attendance, completion, reads."""

from __future__ import annotations

from typing import Any

from infra.rpc import rpc
from infra.validation import dump, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, page, who
from services.teams.schemas import cohorts as c
from services.teams.settings import Settings
from services.teams.usecases import cohort_reads, cohorts

Payload = dict[str, Any]


class CohortEntrypoints:
    uow: TeamsUnitOfWork
    settings: Settings

    @rpc
    def open_cohort(self, caller: Payload, payload: Payload) -> Payload:
        command = load(c.OpenCohort, payload)
        cohort = cohorts.open_cohort(self.uow, who(caller), command, self.settings, now())
        return dump(c.CohortOut, cohort)

    @rpc
    def enrol_households(
        self, caller: Payload, cohort_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = load(c.EnrolHouseholds, payload)
        cohort = cohorts.enrol(
            self.uow, who(caller), cohort_id, command, expected_version, self.settings
        )
        return dump(c.CohortOut, cohort)

    @rpc
    def add_session(self, caller: Payload, cohort_id: str, payload: Payload) -> Payload:
        command = load(c.TrainingSessionIn, payload)
        session = cohorts.add_session(self.uow, who(caller), cohort_id, command, now())
        return dump(c.TrainingSessionOut, session)

    @rpc
    def record_attendance(
        self, caller: Payload, cohort_id: str, session_id: str, payload: Payload
    ) -> Payload:
        command = load(c.AttendanceIn, payload)
        marks = cohorts.record_attendance(self.uow, who(caller), cohort_id, session_id, command)
        attendance = [{"household_id": h, "present": p} for h, p in marks.items()]
        return dump(c.AttendanceOut, {"session_id": session_id, "attendance": attendance})

    @rpc
    def complete_cohort(
        self, caller: Payload, cohort_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = load(c.CompleteCohort, payload)
        cohort = cohorts.complete_cohort(
            self.uow, who(caller), cohort_id, command, expected_version, now()
        )
        return dump(c.CohortOut, cohort)

    @rpc
    def get_cohort(self, caller: Payload, cohort_id: str) -> Payload:
        return dump(c.CohortDetailOut, cohort_reads.cohort_view(self.uow, who(caller), cohort_id))

    @rpc
    def list_cohorts(self, caller: Payload, query: Payload) -> Payload:
        found = cohort_reads.list_cohorts(self.uow, who(caller), load(c.ListCohorts, query))
        return page(c.CohortOut, found)
