"""The audit search over every service: each keeps the entries of its own objects, so the gateway
asks each one, side by side, for a page of the same search (area, period, kind) and merges them
newest first. The cursor holds each service's own position, so paging is exact: an entry is on
one page only. Entries are only read here: no route changes or removes one."""

from __future__ import annotations

import base64
import binascii
import heapq
import json
from datetime import datetime
from typing import Any

from marshmallow import fields, validate
from werkzeug.wrappers import Request, Response

from gateway.http import api
from gateway.resources import page_response, query_of
from gateway.schemas import page_of
from infra.audit_schemas import AuditEntryOut, SearchAudit
from infra.caller import Caller
from infra.errors import ValidationFailed
from infra.pagination import encode_cursor
from infra.rpc import Calls

SERVICES = ("households", "teams", "funding", "notifications")
LONGEST_CURSOR = 2000
Positions = dict[str, str | None]  # a service's cursor (None: from the start); absent: done


class SearchEverywhere(SearchAudit):
    after = fields.String(load_default=None, validate=validate.Length(max=LONGEST_CURSOR))


class SearchEntryOut(AuditEntryOut):
    service = fields.String(metadata={"enum": list(SERVICES), "description": "whose entry"})


class AuditRoutes:
    rpc: Calls

    @api(
        "GET",
        "/api/v1/audit",
        summary="Audit entries of every service in an area and period, newest first "
        "(supervisors, administrators)",
        query=SearchEverywhere,
        responses={200: page_of(SearchEntryOut, "AuditSearchPage")},
        tags=("audit",),
        operation="audit.search",
    )
    def search_audit(self, request: Request, caller: Caller) -> Response:
        query = query_of(request, "area", "since", "until", "limit", "object_type")
        positions = _decode(request.args.get("after"))
        pending = {  # asked side by side, as the reports and /me fan out
            service: self.rpc.start(
                service, "audit_search", caller.to_dict(), _asked(query, cursor)
            )
            for service, cursor in positions.items()
        }
        pages = {service: call.result() for service, call in pending.items()}
        limit = int(query.get("limit") or 50)  # the services have checked it
        return page_response(request, merge(pages, positions, limit))


def merge(pages: dict[str, dict[str, Any]], positions: Positions, limit: int) -> dict[str, Any]:
    """The newest `limit` entries of the services' pages, and where each service goes on."""
    streams = [[(service, item) for item in page["items"]] for service, page in pages.items()]
    merged = heapq.merge(*streams, key=lambda pair: _newest_first(pair[1]))
    taken = [pair for pair, _ in zip(merged, range(limit), strict=False)]
    after = dict(positions)
    for service, page in pages.items():
        mine = [item for who, item in taken if who == service]
        if len(mine) == len(page["items"]):
            after[service] = page["next"]
        elif mine:
            after[service] = encode_cursor((_moment(mine[-1]), mine[-1]["id"]))
        if after[service] is None and len(mine) == len(page["items"]):
            del after[service]  # nothing more there
    items = [{**item, "service": service} for service, item in taken]
    return {"items": items, "next": _encode(after) if after else None}


def _newest_first(item: dict[str, Any]) -> tuple[float, int]:
    return (-_moment(item).timestamp(), -int(item["id"]))


def _moment(item: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(item["at"])


def _asked(query: dict[str, str], cursor: str | None) -> dict[str, str]:
    return {**query, "after": cursor} if cursor else dict(query)


def _encode(positions: Positions) -> str:
    raw = json.dumps(positions, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str | None) -> Positions:
    if cursor is None:
        return dict.fromkeys(SERVICES)
    if len(cursor) > LONGEST_CURSOR:
        raise _NOT_OURS
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        positions = json.loads(raw)
    except (ValueError, TypeError, binascii.Error):
        raise _NOT_OURS from None
    if not _well_formed(positions):
        raise _NOT_OURS
    return positions


def _well_formed(positions: Any) -> bool:
    return (
        isinstance(positions, dict)
        and 0 < len(positions) <= len(SERVICES)
        and all(key in SERVICES for key in positions)
        and all(
            value is None or (isinstance(value, str) and len(value) <= 400)
            for value in positions.values()
        )
    )


_NOT_OURS = ValidationFailed.on("after", "not a cursor this list gave out")
