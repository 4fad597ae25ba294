"""In-memory stand-ins for the support organisation and action plan repositories, as
`fake_repositories.py`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.teams.domain.support_organisations import ActionPlan, Organisation
from tests.unit.teams.fake_programme import ById


class FakeOrganisations(ById[Organisation]):
    def taken(self, kind: str, district_code: str) -> bool:
        return any((o.kind, o.district_code) == (kind, district_code) for o in self._all().values())


class FakePlans(ById[ActionPlan]):
    """Phase changes and progress reports are entries: `{"phase": ...}` and `{"report": ...}`."""

    def add(self, plan: ActionPlan, by: str = "") -> None:  # type: ignore[override]
        super().add(plan)
        self._entries.append({"phase": {"plan_id": plan.id, "phase": plan.phase, "changed_by": by}})

    def plan_exists(self, org_id: str, year: int) -> bool:
        return any((p.organisation_id, p.year) == (org_id, year) for p in self._all().values())

    def plans_of(self, org_id: str) -> list[ActionPlan]:
        return [p for p in self._all().values() if p.organisation_id == org_id]

    def log_phase(self, plan: ActionPlan, note: str | None, by: str, at: datetime) -> None:
        phase = {"plan_id": plan.id, "phase": plan.phase, "note": note, "changed_by": by}
        self._entries.append({"phase": phase})

    def add_report(self, report: dict[str, Any]) -> None:
        self._entries.append({"report": report})

    def reports_of(self, task_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for r in (e["report"] for e in self._written() if "report" in e):
            if r["task_id"] in task_ids:
                found.setdefault(r["task_id"], []).append(r)
        return found

    def phases_of(self, plan_id: str) -> list[dict[str, Any]]:
        phases = (e["phase"] for e in self._written() if "phase" in e)
        return [p for p in phases if p["plan_id"] == plan_id]

    def _written(self) -> list[dict[str, Any]]:
        return self.entries + self._entries
