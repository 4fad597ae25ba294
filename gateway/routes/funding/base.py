"""What the funding route modules share: calling the funding service, paths and tags."""

from __future__ import annotations

from typing import Any

from werkzeug.wrappers import Request, Response

from gateway.resources import page_response, query_of
from infra.caller import Caller
from infra.rpc import Calls

FUNDING = ("funding",)
NETWORK = "/api/v1/savings-networks/<string:network_id>"
GROUP = "/api/v1/savings-groups/<string:savings_group_id>"
MEMBER = "/api/v1/savings-members/<string:member_id>"
LOAN = "/api/v1/loans/<string:loan_id>"
REQUEST = "/api/v1/funding-requests/<string:funding_request_id>"
PAGING = ("after", "limit")


class FundingCalls:
    rpc: Calls

    def _funding(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("funding", method, caller.to_dict(), *args)

    def _funding_page(
        self, request: Request, method: str, caller: Caller, *args: Any, names: tuple[str, ...]
    ) -> Response:
        query = query_of(request, *names)
        return page_response(request, self._funding(method, caller, *args, query))
