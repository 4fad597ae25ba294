"""RPC and timer: portfolio ageing per group and per network, and the daily arrears job."""

from __future__ import annotations

from typing import Any

from nameko.timer import timer

from infra.rpc import rpc
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.arrears import (
    AsOf,
    RunAsOf,
    arrears_run_out,
    group_portfolio_out,
    network_portfolio_out,
)
from services.funding.schemas.common import parse
from services.funding.usecases import arrears

# The timer only looks at the clock; the job itself runs once a day (see usecases.arrears).
ARREARS_TICK_SECONDS = 300


class ArrearsEntrypoints(Entrypoints):
    @rpc
    def group_portfolio(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        as_of = parse(AsOf, query)["as_of"]
        found = arrears.group_portfolio(self.uow, who(caller), group_id, as_of, self.now())
        return group_portfolio_out(*found)

    @rpc
    def network_portfolio(
        self, caller: dict[str, Any], network_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        as_of = parse(AsOf, query)["as_of"]
        found = arrears.network_portfolio(self.uow, who(caller), network_id, as_of, self.now())
        return network_portfolio_out(*found)

    @rpc
    def run_arrears_job(self, caller: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
        as_of = parse(RunAsOf, payload)["as_of"]
        day, announced = arrears.run_arrears_job(
            self.uow, who(caller), as_of, self.now(), self.settings
        )
        return arrears_run_out(day, announced)

    @timer(interval=ARREARS_TICK_SECONDS)
    def arrears_tick(self) -> None:
        arrears.daily_tick(self.uow, self.now(), self.settings)
