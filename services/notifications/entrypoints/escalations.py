"""RPC: escalations, listed, read, acknowledged and resolved by the people they address."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import dump, listed, load
from services.notifications.entrypoints.common import Json, now
from services.notifications.schemas.escalations import (
    EscalationViewOut,
    ListEscalations,
    ResolveEscalation,
)
from services.notifications.usecases import escalations
from services.notifications.usecases.commands import EscalationQuery


class EscalationEntrypoints:
    uow: Any

    @rpc
    def list_escalations(self, caller: Json, query: Json) -> Json:
        command = command_of(EscalationQuery, load(ListEscalations, query))
        found = escalations.list_escalations(self.uow, Caller.from_dict(caller), command)
        return listed(EscalationViewOut, found)

    @rpc
    def get_escalation(self, caller: Json, escalation_id: str) -> Json:
        view = escalations.get_escalation(self.uow, Caller.from_dict(caller), escalation_id)
        return dump(EscalationViewOut, view)

    @rpc
    def acknowledge_escalation(
        self, caller: Json, escalation_id: str, expected_version: int | None = None
    ) -> Json:
        view = escalations.acknowledge(
            self.uow, Caller.from_dict(caller), escalation_id, expected_version, now()
        )
        return dump(EscalationViewOut, view)

    @rpc
    def resolve_escalation(
        self, caller: Json, escalation_id: str, payload: Json, expected_version: int | None = None
    ) -> Json:
        note = load(ResolveEscalation, payload)["note"]
        view = escalations.resolve(
            self.uow, Caller.from_dict(caller), escalation_id, note, expected_version, now()
        )
        return dump(EscalationViewOut, view)
