"""RPC and events: households' funding-access requests, and the daily arrears job."""

from __future__ import annotations

from typing import Any

from nameko.timer import timer

from infra.envelope import read_event
from infra.events import event_handler
from infra.rpc import rpc
from services.funding import money_schemas, schemas, subscriptions
from services.funding.rpc.base import Entrypoints, now, who
from services.funding.schemas import parse
from services.funding.usecases import access, arrears

# The timer only looks at the clock; the job itself runs once a day (see usecases.arrears).
ARREARS_TICK_SECONDS = 300


class AccessEntrypoints(Entrypoints):
    @event_handler("households", "funding_access_requested")
    def on_funding_access_requested(self, payload: dict[str, Any]) -> None:
        event = read_event(payload, subscriptions.FUNDING_ACCESS_REQUESTED)
        access.receive_request(self.uow, event, now())

    @rpc
    def list_funding_requests(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        query = parse(schemas.RequestQuery, query)
        return access.list_requests(self.uow, who(caller), group_id, query)

    @rpc
    def get_funding_request(self, caller: dict[str, Any], request_id: str) -> dict[str, Any]:
        return access.get_request(self.uow, who(caller), request_id)

    @rpc
    def decide_funding_request(
        self,
        caller: dict[str, Any],
        request_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = parse(money_schemas.Decision, payload)
        return access.decide_request(
            self.uow, who(caller), request_id, command, expected_version, now()
        )

    @rpc
    def run_arrears_job(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        as_of = parse(money_schemas.RunAsOf, payload)["as_of"]
        return arrears.run_arrears_job(self.uow, who(caller), as_of, now(), self.settings)

    @timer(interval=ARREARS_TICK_SECONDS)
    def arrears_tick(self) -> None:
        arrears.daily_tick(self.uow, now(), self.settings)
