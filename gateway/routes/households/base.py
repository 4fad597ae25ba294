"""What the household route modules share."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Request

from gateway.resources import body_object, expected_version
from infra.caller import Caller
from infra.rpc import Calls

HOUSEHOLDS = ("households",)
HOUSEHOLD = "/api/v1/households/<string:household_id>"


def versioned(request: Request, *, required: bool = True) -> dict[str, Any]:
    """The body, with the version the client last read (If-Match) as `expected_version`."""
    body = body_object(request)
    if required or "If-Match" in request.headers:
        body["expected_version"] = expected_version(request)
    return body


class HouseholdsCalls:
    rpc: Calls

    def _households(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("households", method, caller.to_dict(), *args)
