"""Care entrypoints: log and list visits, and the overdue-visit timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from infra.commands import command_of
from infra.rpc import rpc
from infra.timers import configured_timer
from infra.validation import dump, listed, load
from services.households import usecases
from services.households.dates import today
from services.households.schemas.care import ListVisits, LogVisit, VisitOut
from services.households.usecases import care, commands


class CareEntrypoints:
    uow: Any
    settings: Any

    @rpc
    def log_visit(self, caller: dict, household_id: str, payload: dict) -> dict[str, Any]:
        command = command_of(commands.LogVisit, load(LogVisit, payload))
        now = datetime.now(UTC)
        who = Caller.from_dict(caller)
        visit = usecases.log_visit(self.uow, who, household_id, command, self.settings, now)
        return dump(VisitOut, visit)

    @rpc
    def list_visits(self, caller: dict, household_id: str, query: dict) -> dict[str, Any]:
        limit = load(ListVisits, query)["limit"]
        visits = usecases.list_visits(self.uow, Caller.from_dict(caller), household_id, limit)
        return listed(VisitOut, visits)

    @configured_timer("overdue_check_seconds", 60.0)
    def announce_overdue_visits(self) -> None:
        now = datetime.now(UTC)
        care.announce_overdue_visits(self.uow, today(now), now, self.settings)
