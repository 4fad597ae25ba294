"""What the funding route modules share: calling the funding service, paths and tags, and the
fields of the answers (money is a string with two decimals, "1500.00"). The service builds the
answers (the `*_out` functions in services/funding/schemas/); the schemas beside each subject's
routes only describe them for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields
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


def Thb(description: str = "", **kwargs: Any) -> fields.String:  # a field factory
    metadata = {"pattern": r"^-?[0-9]+\.[0-9]{2}$", "example": "1500.00"}
    if description:
        metadata["description"] = description
    return fields.String(metadata=metadata, **kwargs)


def Maybe() -> fields.String:
    return fields.String(allow_none=True)


class EntryOut(Schema):
    id = fields.String()
    kind = fields.String()
    amount_thb = Thb()
    on = fields.String()
    member_id = Maybe()
    loan_id = Maybe()
    sheet_id = Maybe()
    recorded_by = fields.String()
    recorded_at = fields.String()


class FundingCalls:
    rpc: Calls

    def _funding(self, method: str, caller: Caller, *args: Any) -> Any:
        return self.rpc.call("funding", method, caller.to_dict(), *args)

    def _funding_page(
        self, request: Request, method: str, caller: Caller, *args: Any, names: tuple[str, ...]
    ) -> Response:
        query = query_of(request, *names)
        return page_response(request, self._funding(method, caller, *args, query))
