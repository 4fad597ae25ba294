"""Around a cohort: willingness, follow-ups (and the timer announcing late ones), results."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.timers import configured_timer
from infra.validation import dump, load
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.cohort_care import thai_today
from services.teams.entrypoints import now, who
from services.teams.schemas import cohort_care as s
from services.teams.schemas.cohorts import CohortOut
from services.teams.settings import Settings
from services.teams.usecases import cohort_care
from services.teams.usecases.commands import cohort_care as c

Payload = dict[str, Any]


class CohortCareEntrypoints:
    uow: TeamsUnitOfWork
    settings: Settings

    @rpc
    def record_willingness(
        self,
        caller: Payload,
        cohort_id: str,
        household_id: str,
        payload: Payload,
        expected_version: int | None = None,
    ) -> Payload:
        command = command_of(c.RecordWillingness, load(s.WillingnessIn, payload))
        cohort = cohort_care.record_willingness_of(
            self.uow, who(caller), cohort_id, household_id, command, expected_version, now()
        )
        return dump(CohortOut, cohort)

    @rpc
    def plan_follow_up(self, caller: Payload, cohort_id: str, payload: Payload) -> Payload:
        command = command_of(c.PlanFollowUp, load(s.FollowUpIn, payload))
        follow_up = cohort_care.plan_follow_up(self.uow, who(caller), cohort_id, command, now())
        return dump(s.FollowUpOut, follow_up)

    @rpc
    def record_follow_up_done(
        self,
        caller: Payload,
        cohort_id: str,
        follow_up_id: str,
        payload: Payload,
        expected_version: int | None = None,
    ) -> Payload:
        command = command_of(c.FollowUpDone, load(s.FollowUpDoneIn, payload))
        done = cohort_care.record_follow_up_done(
            self.uow, who(caller), cohort_id, follow_up_id, command, expected_version, now()
        )
        return dump(s.FollowUpOut, done)

    @rpc
    def get_follow_up(self, caller: Payload, cohort_id: str, follow_up_id: str) -> Payload:
        follow_up = cohort_care.follow_up_view(self.uow, who(caller), cohort_id, follow_up_id)
        return dump(s.FollowUpOut, follow_up)

    @rpc
    def record_training_result(self, caller: Payload, cohort_id: str, payload: Payload) -> Payload:
        command = command_of(c.RecordResult, load(s.ResultIn, payload))
        result, new = cohort_care.record_result(self.uow, who(caller), cohort_id, command, now())
        return {"result": dump(s.ResultOut, result), "created": new}

    @rpc
    def get_cohort_care(self, caller: Payload, cohort_id: str) -> Payload:
        return dump(s.CohortCareOut, cohort_care.care_view(self.uow, who(caller), cohort_id))

    @configured_timer("follow_up_check_seconds", 300.0)
    def announce_late_follow_ups(self) -> None:
        moment = now()
        today = thai_today(moment)
        cohort_care.announce_late_follow_ups(self.uow, self.settings, today, moment)
