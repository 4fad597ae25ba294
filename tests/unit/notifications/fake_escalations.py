"""The in-memory stand-in for the escalations repository (see `fake_repositories.py`): the one
active escalation per kind and subject is a unique key (`KeyTaken`), a save whose version is not
the stored one plus one is stale (`PreconditionFailed`, as `infra.versions.save_versioned`), and
its addressees are kept with it. Reads build the escalation anew, as a query would."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import datetime
from typing import Any

from infra.caller import Caller
from infra.errors import KeyTaken, PreconditionFailed
from infra.pagination import Page
from services.notifications.db.escalations import EscalationFilter
from services.notifications.domain.escalation import TOP, Escalation
from tests.unit.notifications.fake_repositories import Staged, newest_first


class FakeEscalations(Staged[Escalation]):
    """`rivals`: escalations another replica commits just before this one's next save."""

    def __init__(self) -> None:
        super().__init__()
        self.recipients: Staged[int] = Staged()  # (escalation id, person id) -> level
        self.rivals: list[Escalation] = []

    def add(self, escalation: Escalation) -> None:
        self._refuse_taken(escalation)
        if escalation.id in self:
            raise KeyTaken()
        self.put(escalation.id, escalation)

    def active(self, kind: str, subject_id: str) -> Escalation | None:
        key = f"{kind}:{subject_id}"
        return next((e for e in self.all() if e.active_key == key), None)

    def put(self, key: Any, value: Escalation) -> None:
        value.stored_version = value.version  # as the real repository marks it once written
        super().put(key, value)

    def get(self, key: Any) -> Escalation | None:
        found = super().get(key)
        return None if found is None else replace(found)

    def all(self) -> list[Escalation]:
        return [replace(e) for e in super().all()]

    def save(self, escalation: Escalation) -> None:
        if self.rivals:
            rival = self.rivals.pop(0)
            self.rows[rival.id] = deepcopy(rival)
        stored = self.get(escalation.id)
        if stored is None or stored.version != escalation.version - 1:
            raise PreconditionFailed("it was changed by someone else meanwhile; reload and retry")
        self._refuse_taken(escalation)
        self.put(escalation.id, escalation)

    def visible(
        self, caller: Caller, filters: EscalationFilter, after: str | None, limit: int
    ) -> Page[Escalation]:
        found = [e for e in self.all() if e.status != "waiting" and _kept(e, filters)]
        reach = [e for e in found if self._reaches(caller, e, filters.mine)]
        return newest_first(reach, lambda e: (e.opens_at, e.id), after, limit)

    def waiting_until(self, now: datetime, limit: int) -> list[str]:
        found = [e for e in self.all() if e.status == "waiting" and e.opens_at <= now]
        return [e.id for e in sorted(found, key=lambda e: e.opens_at)][:limit]

    def open_below_top(self, since_before: datetime, limit: int) -> list[str]:
        found = [
            e
            for e in self.all()
            if e.status == "open" and e.level < int(TOP) and e.level_since <= since_before
        ]
        return [e.id for e in sorted(found, key=lambda e: e.level_since)][:limit]

    def address(self, escalation_id: str, person_ids: list[str], level: int) -> None:
        for person_id in person_ids:
            if (escalation_id, person_id) not in self.recipients:
                self.recipients.put((escalation_id, person_id), level)

    def addressees(self, escalation_id: str) -> list[str]:
        rows = self.recipients.by_key().items()
        mine = [(level, pid) for (eid, pid), level in rows if eid == escalation_id]
        return [pid for _, pid in sorted(mine)]

    def commit(self) -> None:
        super().commit()
        self.recipients.commit()

    def rollback(self) -> None:
        super().rollback()
        self.recipients.rollback()

    def _reaches(self, caller: Caller, escalation: Escalation, mine: bool) -> bool:
        if caller.person_id in self.addressees(escalation.id):
            return True
        inside = any(a and escalation.area_code.startswith(a) for a in caller.areas)
        return not mine and (caller.is_admin or inside)

    def _refuse_taken(self, escalation: Escalation) -> None:
        key = escalation.active_key
        if key and any(e.active_key == key and e.id != escalation.id for e in self.all()):
            raise KeyTaken()


def _kept(escalation: Escalation, filters: EscalationFilter) -> bool:
    return (
        (not filters.status or escalation.status in filters.status)
        and filters.kind in (None, escalation.kind)
        and escalation.area_code.startswith(filters.area_code or "")
        and filters.level in (None, escalation.level)
    )
