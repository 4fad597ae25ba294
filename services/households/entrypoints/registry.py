"""Registry and case entrypoints: households, targeting, consent, stage moves."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.rpc import rpc
from infra.validation import load
from services.households import usecases
from services.households.dates import today
from services.households.entrypoints.output import case_out, household_out, listed
from services.households.schemas.case import ChangeStage, RecordConsent, TargetHouseholds
from services.households.schemas.registry import (
    HouseholdSummaryOut,
    ListHouseholds,
    RegisterHousehold,
    UpdateHousehold,
)


class RegistryEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def register_household(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = load(RegisterHousehold, payload)
        return usecases.register_household(
            self.uow, Caller.from_dict(caller), command, now=datetime.now(UTC)
        )

    @rpc
    def get_household(self, caller: dict[str, Any], household_id: str) -> dict[str, Any]:
        who = Caller.from_dict(caller)
        return case_out(usecases.get_household(self.uow, who, household_id), who)

    @rpc
    def update_household(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = load(UpdateHousehold, payload)
        who = Caller.from_dict(caller)
        household = usecases.update_household(
            self.uow, who, household_id, command, expected_version
        )
        return household_out(household, who)

    @rpc
    def list_households(self, caller: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
        command = load(ListHouseholds, query)
        found = usecases.find_households(self.uow, Caller.from_dict(caller), command, today())
        return listed(found["items"], HouseholdSummaryOut, found["next"])

    @rpc
    def target_households(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        command = load(TargetHouseholds, payload)
        return usecases.target_households(
            self.uow, Caller.from_dict(caller), command, self.settings, now=datetime.now(UTC)
        )

    @rpc
    def record_consent(
        self,
        caller: dict[str, Any],
        household_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = load(RecordConsent, payload)
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
        command = load(ChangeStage, payload)
        who = Caller.from_dict(caller)
        household = usecases.change_stage(
            self.uow, who, household_id, command, expected_version, self.settings, datetime.now(UTC)
        )
        return household_out(household, who)
