"""Training cohorts: opening, enrolment, sessions, attendance, completion, reads."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.teams.db import TeamsUnitOfWork
from services.teams.entrypoints import now, who
from services.teams.schemas import cohorts as s
from services.teams.settings import Settings
from services.teams.usecases import cohorts
from services.teams.usecases.commands import cohorts as c

Payload = dict[str, Any]


class CohortEntrypoints:
    uow: TeamsUnitOfWork
    settings: Settings

    @rpc
    def open_cohort(self, caller: Payload, payload: Payload) -> Payload:
        command = command_of(c.OpenCohort, load(s.OpenCohort, payload))
        cohort = cohorts.open_cohort(self.uow, who(caller), command, self.settings, now())
        return dump(s.CohortOut, cohort)

    @rpc
    def enrol_households(
        self, caller: Payload, cohort_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.EnrolHouseholds, load(s.EnrolHouseholds, payload))
        cohort = cohorts.enrol(
            self.uow, who(caller), cohort_id, command, expected_version, self.settings
        )
        return dump(s.CohortOut, cohort)

    @rpc
    def add_session(self, caller: Payload, cohort_id: str, payload: Payload) -> Payload:
        command = command_of(c.AddSession, load(s.TrainingSessionIn, payload))
        session = cohorts.add_session(self.uow, who(caller), cohort_id, command, now())
        return dump(s.TrainingSessionOut, session)

    @rpc
    def record_attendance(
        self, caller: Payload, cohort_id: str, session_id: str, payload: Payload
    ) -> Payload:
        command = command_of(c.RecordAttendance, load(s.AttendanceIn, payload))
        marks = cohorts.record_attendance(self.uow, who(caller), cohort_id, session_id, command)
        attendance = [{"household_id": h, "present": p} for h, p in marks.items()]
        return dump(s.AttendanceOut, {"session_id": session_id, "attendance": attendance})

    @rpc
    def complete_cohort(
        self, caller: Payload, cohort_id: str, payload: Payload, expected_version: int | None = None
    ) -> Payload:
        command = command_of(c.CompleteCohort, load(s.CompleteCohort, payload))
        cohort = cohorts.complete_cohort(
            self.uow, who(caller), cohort_id, command, expected_version, now()
        )
        return dump(s.CohortOut, cohort)

    @rpc
    def get_cohort(self, caller: Payload, cohort_id: str) -> Payload:
        return dump(s.CohortDetailOut, cohorts.cohort_view(self.uow, who(caller), cohort_id))

    @rpc
    def list_cohorts(self, caller: Payload, query: Payload) -> Payload:
        command = command_of(c.ListCohorts, load(s.ListCohorts, query))
        found = cohorts.list_cohorts(self.uow, who(caller), command)
        return listed(s.CohortOut, found)
