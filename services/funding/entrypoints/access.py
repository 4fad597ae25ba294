"""RPC: households' funding-access requests and the committee's answer (the requests arrive as
events: `subscriptions.TABLE`)."""

from __future__ import annotations

from typing import Any

from infra.commands import command_of
from infra.rpc import rpc
from infra.validation import listed
from services.funding.db import queries
from services.funding.entrypoints.common import Entrypoints, who
from services.funding.schemas.access import Decision, RequestAnswer, RequestQuery, request_out
from services.funding.schemas.common import parse
from services.funding.usecases import access
from services.funding.usecases.commands import DecideRequest


class AccessEntrypoints(Entrypoints):
    @rpc
    def list_funding_requests(
        self, caller: dict[str, Any], group_id: str, query: dict[str, Any]
    ) -> dict[str, Any]:
        command = command_of(queries.RequestQuery, parse(RequestQuery, query))
        return listed(RequestAnswer, access.list_requests(self.uow, who(caller), group_id, command))

    @rpc
    def get_funding_request(self, caller: dict[str, Any], request_id: str) -> dict[str, Any]:
        return request_out(access.get_request(self.uow, who(caller), request_id))

    @rpc
    def decide_funding_request(
        self,
        caller: dict[str, Any],
        request_id: str,
        payload: dict[str, Any],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        command = command_of(DecideRequest, parse(Decision, payload))
        request = access.decide_request(
            self.uow, who(caller), request_id, command, expected_version, self.now()
        )
        return request_out(request)
