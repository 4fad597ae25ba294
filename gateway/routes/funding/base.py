"""What the funding route modules share: calling the funding service, paths, tags, and bodies
read with their numbers kept as written (money never passes through a float)."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Request, Response

from gateway.resources import body_object, page_response, query_of
from gateway.resources import keyed as keyed_body
from infra.caller import Caller
from infra.rpc import Calls

FUNDING = ("funding",)
NETWORK = "/api/v1/savings-networks/<string:network_id>"
GROUP = "/api/v1/savings-groups/<string:savings_group_id>"
MEMBER = "/api/v1/savings-members/<string:member_id>"
LOAN = "/api/v1/loans/<string:loan_id>"
REQUEST = "/api/v1/funding-requests/<string:funding_request_id>"
PAGING = ("after", "limit")


def exact_body(request: Request) -> dict[str, Any]:
    """The JSON object sent, its decimal numbers as their text: `100.005` reaches the service as
    "100.005" and is refused there, instead of being rounded through a binary float here."""
    return body_object(request, parse_float=str)


def keyed(request: Request) -> dict[str, Any]:
    """`exact_body`, with the Idempotency-Key as the service's client key."""
    return keyed_body(request, parse_float=str)


class FundingCalls:
    rpc: Calls

    def _funding(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("funding", method, caller.to_dict(), *args)

    def _funding_page(
        self, request: Request, method: str, caller: Caller, *args: Any, names: tuple[str, ...]
    ) -> Response:
        query = query_of(request, *names)
        return page_response(request, self._funding(method, caller, *args, query))
