"""Case entrypoints: the case as a field worker opens it, consent and the stage moves."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, load
from services.households import usecases
from services.households.entrypoints.output import household_out
from services.households.schemas.care import VisitOut
from services.households.schemas.case import CaseQuery, ChangeStage, RecordConsent
from services.households.schemas.interventions import InterventionOut
from services.households.schemas.plans import PlanOut
from services.households.usecases import commands


class CaseEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def get_case(
        self, caller: dict, household_id: str, query: dict | None = None
    ) -> dict[str, Any]:
        """The household with its current plan, latest visits and interventions: one call."""
        who = Caller.from_dict(caller)
        visits = load(CaseQuery, query or {})["visits"]
        found = usecases.case_view(self.uow, who, household_id, visits)
        plan = found["plan"]
        return {
            "household": household_out(found["household"], who),
            "plan": None if plan is None else dump(PlanOut, plan),
            "latest_visits": dump(VisitOut, found["visits"], many=True),
            "interventions": dump(InterventionOut, found["interventions"], many=True),
        }

    @rpc
    def record_consent(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.RecordConsent, load(RecordConsent, payload))
        who = Caller.from_dict(caller)
        household = usecases.record_consent(
            self.uow, who, household_id, command, expected_version, now=datetime.now(UTC)
        )
        return household_out(household, who)

    @rpc
    def change_stage(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(commands.ChangeStage, load(ChangeStage, payload))
        who = Caller.from_dict(caller)
        household = usecases.change_stage(
            self.uow, who, household_id, command, expected_version, self.settings, datetime.now(UTC)
        )
        return household_out(household, who)
