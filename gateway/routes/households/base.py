"""What the household route modules share."""

from __future__ import annotations

from typing import Any

from infra.caller import Caller
from infra.rpc import Calls

HOUSEHOLDS = ("households",)
HOUSEHOLD = "/api/v1/households/<string:household_id>"


class HouseholdsCalls:
    rpc: Calls

    def _households(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("households", method, caller.to_dict(), *args)
