"""Assignment, caseload and outcome payloads."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, pre_dump

from infra.fields import AreaCode, Integer, Text
from services.teams.schemas.common import PageQuery, Uuid, area, person_id


class AssignHousehold(Schema):
    household_id = Uuid(required=True)
    team_id = person_id(required=True)


class ReassignHousehold(Schema):
    team_id = person_id(required=True)
    reason = Text(1, 500, required=True)


class AssignVillage(Schema):
    village_code = AreaCode("village", required=True)
    team_id = person_id(required=True)


class AssignmentOut(Schema):
    household_id = fields.String()
    team_id = fields.String()
    village_code = fields.String()
    assigned_by = fields.String()
    assigned_at = fields.AwareDateTime()
    version = Integer()


class SkippedHousehold(Schema):
    household_id = fields.String()
    team_id = fields.String()


class VillageAssignmentOut(Schema):
    team_id = fields.String()
    village_code = fields.String()
    assigned = fields.List(fields.String())
    skipped = fields.List(fields.Nested(SkippedHousehold))


class KnownHouseholdsQuery(PageQuery):
    area = area(load_default=None)
    team_id = person_id(load_default=None)
    unassigned = fields.Boolean(load_default=False)


class KnownHouseholdOut(Schema):
    household_id = fields.String(attribute="id")
    village_code = fields.String()
    stage = fields.String()
    open_case = fields.Boolean()
    overdue = fields.Boolean()
    consented = fields.Boolean(allow_none=True)
    graduated_at = fields.AwareDateTime(allow_none=True)
    team_id = fields.String(allow_none=True)
    version = Integer(allow_none=True, metadata={"description": "the assignment's"})


class KnownHouseholdsPage(Schema):
    items = fields.List(fields.Nested(KnownHouseholdOut))
    next = fields.String(allow_none=True)


class AssignmentChange(Schema):
    from_team_id = fields.String(allow_none=True)
    to_team_id = fields.String()
    reason = fields.String(allow_none=True)
    changed_by = fields.String()
    changed_at = fields.AwareDateTime()


class HouseholdAssignmentOut(KnownHouseholdOut):
    assigned_by = fields.String(allow_none=True)
    assigned_at = fields.AwareDateTime(allow_none=True)
    history = fields.List(fields.Nested(AssignmentChange))

    @pre_dump
    def _view(self, found: dict[str, Any], **_: object) -> dict[str, Any]:
        household, assignment = found["household"], found["assignment"]
        view = {**household.__dict__, "history": found["history"]}
        view.update(open_case=household.open_case, overdue=household.overdue)
        view.update(dict.fromkeys(("team_id", "assigned_by", "assigned_at", "version")))
        if assignment is not None:
            view.update(assignment.__dict__)
        return view


class MemberLoad(Schema):
    role = fields.String()
    person_id = fields.String()
    teams = Integer(metadata={"description": "Smile Teams this person serves in"})
    open_cases = Integer(metadata={"description": "over all of this person's teams"})


class TeamCaseloadOut(Schema):
    team_id = fields.String()
    name = fields.String()
    open_cases = Integer()
    members = fields.List(fields.Nested(MemberLoad))


class TeamLoad(Schema):
    team_id = fields.String()
    name = fields.String()
    role = fields.String(allow_none=True)
    open_cases = Integer()


class PersonCaseloadOut(Schema):
    person_id = fields.String()
    open_cases = Integer()
    teams = fields.List(fields.Nested(TeamLoad))


class SuggestionQuery(Schema):
    area = AreaCode("subdistrict", "village", required=True)


class TeamCandidate(Schema):
    team_id = fields.String()
    name = fields.String()
    open_cases = Integer()
    busiest_member_open_cases = Integer()


class SuggestionOut(Schema):
    area = fields.String()
    suggested_team_id = fields.String(allow_none=True)
    candidates = fields.List(fields.Nested(TeamCandidate))


class OutcomesQuery(PageQuery):
    area = area(load_default=None)


class TeamOutcomeOut(Schema):
    team_id = fields.String()
    name = fields.String()
    coverage = fields.List(fields.String())
    status = fields.String()
    households = Integer()
    by_stage = fields.Dict(keys=fields.String(), values=Integer())
    consented = Integer()
    declined = Integer()
    graduated = Integer()
    graduation_rate = fields.Decimal(as_string=True, allow_none=True)
    overdue = Integer(metadata={"description": "households with a visit overdue"})


class OutcomesPage(Schema):
    items = fields.List(fields.Nested(TeamOutcomeOut))
    next = fields.String(allow_none=True)
