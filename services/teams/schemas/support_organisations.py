"""Support organisation and action plan payloads."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields, pre_dump, validate

from infra.dates import HAPPENED, PLANNED
from infra.fields import AreaCode, Day, Integer, Line, Text
from services.teams.schemas.common import PageQuery, area, person_id
from services.teams.vocabulary import ORGANISATION_KINDS as KINDS
from services.teams.vocabulary import PHASES

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.teams.domain.support_organisations import ActionPlan, Organisation


class ChangeOrganisation(Schema):
    name = Line(1, 200, required=True)
    reporters = fields.List(person_id(), load_default=list, validate=validate.Length(max=50))


class RegisterOrganisation(ChangeOrganisation):
    kind = fields.String(required=True, validate=validate.OneOf(list(KINDS)))
    district_code = AreaCode("district", required=True)


class ListOrganisations(PageQuery):
    area = area(load_default=None)
    kind = fields.String(load_default=None, validate=validate.OneOf(list(KINDS)))


class OrganisationOut(Schema):
    id = fields.String()
    kind = fields.String()
    kind_th = fields.String(metadata={"description": "the Thai abbreviation of the kind"})
    district_code = fields.String()
    name = fields.String()
    reporters = fields.List(fields.String())
    created_at = fields.AwareDateTime()
    version = Integer()

    @pre_dump
    def _view(self, found: Organisation | dict[str, Any], **_: object) -> dict[str, Any]:
        """An organisation, or (for the detail) {"organisation": ..., "plans": [...]}."""
        org, plans = (
            (found["organisation"], found["plans"]) if isinstance(found, dict) else (found, [])
        )
        return {**org.__dict__, "kind_th": KINDS[org.kind], "plans": plans}


class OrganisationsPage(Schema):
    items = fields.List(fields.Nested(OrganisationOut))
    next = fields.String(allow_none=True)


class PlanSummary(Schema):
    id = fields.String()
    year = Integer()
    title = fields.String()
    phase = fields.String()
    version = Integer()


class OrganisationDetailOut(OrganisationOut):
    plans = fields.List(fields.Nested(PlanSummary))


class StartPlan(Schema):
    year = Integer(required=True, validate=validate.Range(2000, 2200))
    title = Line(1, 200, required=True)


class AdvancePlan(Schema):
    to = fields.String(required=True, validate=validate.OneOf(PHASES))
    note = Text(0, 2000, load_default=None, allow_none=True)
    summary = Text(0, 10000, load_default=None, allow_none=True)


class PlanTaskIn(Schema):
    title = Line(1, 300, required=True)
    due_on = Day(PLANNED, required=True)
    owner_id = person_id(load_default=None, allow_none=True)


class ProgressReportIn(Schema):
    reported_on = Day(HAPPENED, required=True)
    percent = Integer(required=True, validate=validate.Range(0, 100))
    note = Text(0, 2000, load_default="")


class ProgressReportOut(Schema):
    reported_on = fields.Date()
    percent = Integer()
    note = fields.String()
    reported_by = fields.String()
    reported_at = fields.AwareDateTime()


class PlanTaskOut(Schema):
    id = fields.String()
    title = fields.String()
    due_on = fields.Date()
    owner_id = fields.String(allow_none=True)
    progress = Integer()
    overdue = fields.Boolean()
    reports = fields.List(fields.Nested(ProgressReportOut))


class PhaseChange(Schema):
    phase = fields.String()
    note = fields.String(allow_none=True)
    changed_by = fields.String()
    changed_at = fields.AwareDateTime()


class ActionPlanOut(Schema):
    id = fields.String()
    organisation_id = fields.String()
    year = Integer()
    title = fields.String()
    phase = fields.String(metadata={"enum": list(PHASES)})
    next_phase = fields.String(allow_none=True)
    summary = fields.String(allow_none=True)
    tasks = fields.List(fields.Nested(PlanTaskOut))
    phases = fields.List(fields.Nested(PhaseChange))
    created_at = fields.AwareDateTime()
    version = Integer()

    def __init__(self, *, today: date | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.today = today or date.today()

    @pre_dump
    def _view(self, found: dict[str, Any] | ActionPlan, **_: object) -> dict[str, Any]:
        if not isinstance(found, dict):  # a plan alone, without its reports
            found = {"plan": found, "reports": {}, "phases": []}
        plan: ActionPlan = found["plan"]
        tasks = [
            {
                **t.__dict__,
                "overdue": t.overdue(self.today),
                "reports": found["reports"].get(t.id, []),
            }
            for t in plan.tasks
        ]
        view = {**plan.__dict__, "next_phase": plan.next_phase, "phases": found["phases"]}
        return {**view, "tasks": tasks}
