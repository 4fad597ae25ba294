"""Audit entries as `infra.audit.AuditTrail` records them, in memory, for the fake units of work
of every service: `entries` holds the committed ones (a rolled-back change leaves none)."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Self

from infra.audit import AuditEntry
from infra.pagination import Page


class FakeAudit:
    def __init__(self) -> None:
        self.committed: list[AuditEntry] = []
        self._staged: list[AuditEntry] = []

    @property
    def entries(self) -> list[AuditEntry]:
        return list(self.committed)

    def record(self, **given: Any) -> None:
        changed = json.loads(json.dumps(given.pop("changed"), default=str))
        given.setdefault("reason", None)
        key = len(self.committed) + len(self._staged) + 1
        self._staged.append(AuditEntry(key, changes=changed, correlation_id=None, **given))

    def history(self, object_type: str, object_id: str, after: str | None, limit: int) -> Page:
        mine = [e for e in self._all() if (e.object_type, e.object_id) == (object_type, object_id)]
        return Page(sorted(mine, key=lambda e: (e.at, e.id), reverse=True)[:limit])

    def search(
        self,
        areas: Sequence[str],
        since: datetime,
        until: datetime,
        after: str | None,
        limit: int,
        object_type: str | None = None,
    ) -> Page:
        found = [
            e
            for e in self._all()
            if since <= e.at < until
            and (not areas or any(e.area_code.startswith(a) for a in areas))
            and object_type in (None, e.object_type)
        ]
        return Page(sorted(found, key=lambda e: (e.at, e.id), reverse=True)[:limit])

    def commit(self) -> None:
        self.committed += self._staged
        self._staged = []

    def rollback(self) -> None:
        self._staged = []

    def twin(self) -> Self:
        other = copy.copy(self)
        other._staged = []
        return other

    def _all(self) -> list[AuditEntry]:
        return self.committed + self._staged
