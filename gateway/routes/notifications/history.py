"""An escalation's audit trail. Entries are only read here: no route changes or removes one."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import page_response, query_of
from gateway.routes.notifications.base import NotificationsCalls
from gateway.routes.notifications.escalations import ESCALATION
from gateway.schemas import AUDIT_ENTRIES
from infra.audit_schemas import ListHistory
from infra.caller import Caller


class EscalationHistoryRoutes(NotificationsCalls):
    @api(
        "GET",
        ESCALATION + "/history",
        summary="How the escalation was opened, climbed, acknowledged and resolved, newest first",
        query=ListHistory,
        responses={200: AUDIT_ENTRIES},
        tags=("escalations",),
        operation="escalations.history",
    )
    def escalation_history(self, request: Request, escalation_id: str, caller: Caller) -> Response:
        query = query_of(request, "after", "limit")
        found = self._notifications("escalation_history", caller, escalation_id, query)
        return page_response(request, found)
