"""Reading an audit trail, the same in every service: the search per area and period for
supervisors and administrators, and masking what a reader may not see in the changed values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from infra.audit import AuditEntry, AuditTrail
from infra.caller import Caller, Role
from infra.errors import NotFound
from infra.fiscal import THAILAND
from infra.pagination import Page
from infra.reports import report_scope

DEFAULT_DAYS = 30
AUDITORS = (Role.PROVINCIAL_SUPERVISOR, Role.DISTRICT_SUPERVISOR, Role.ADMINISTRATOR)
Masker = Callable[[Any], Any]


@dataclass(frozen=True)
class AuditSearch:
    area: str | None = None  # None: every area of the caller's
    since: date | None = None  # None: DEFAULT_DAYS before `until`
    until: date | None = None  # inclusive, a Bangkok calendar day; None: today
    after: str | None = None
    limit: int = 50
    object_type: str | None = None  # None: every kind of object


def search_audit(trail: AuditTrail, caller: Caller, query: AuditSearch, today: date) -> Page:
    """Entries of the area (the parts of it the caller is responsible for) in the period; call
    inside the unit of work."""
    caller.require(*AUDITORS)
    parts = _parts(caller, query.area)
    last = query.until or today
    first = query.since or last - timedelta(days=DEFAULT_DAYS)
    since = datetime.combine(first, time(), THAILAND)
    until = datetime.combine(last + timedelta(days=1), time(), THAILAND)
    return trail.search(parts, since, until, query.after, query.limit, query.object_type)


def _parts(caller: Caller, area: str | None) -> tuple[str, ...]:
    """The area codes searched: no code for an administrator's search everywhere."""
    if area is not None:
        return report_scope(caller, area).parts
    if caller.is_admin:
        return ()
    if not caller.areas:
        raise NotFound("no area of yours to search")
    return caller.areas


def masked(found: Page[AuditEntry], maskers: Mapping[str, Masker]) -> Page[AuditEntry]:
    """The entries with every value of a field named in `maskers` (at any depth) masked."""
    if not maskers:
        return found
    items = [replace(e, changes=_masked(e.changes, maskers)) for e in found.items]
    return Page(items, found.next)


def _masked(value: Any, maskers: Mapping[str, Masker]) -> Any:
    if isinstance(value, dict):
        return {
            k: _mask_field(v, maskers[k]) if k in maskers else _masked(v, maskers)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_masked(v, maskers) for v in value]
    return value


def _mask_field(value: Any, mask: Masker) -> Any:
    if isinstance(value, list):  # [old, new]
        return [_mask_field(v, mask) for v in value]
    return mask(value) if isinstance(value, str) else value


def hidden(value: str) -> str:
    """A contact detail a reader may not see: only that there was one."""
    return "***"
