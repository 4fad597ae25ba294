"""Smile Team payloads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marshmallow import Schema, fields, pre_dump, validate

from infra.caller import SMILE_TEAM_ROLES
from infra.fields import AreaCode, Integer, Line, Text
from services.teams.schemas.common import PageQuery, area, person_id

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.teams.domain.team import Team

TEAM_ROLES = [role.value for role in SMILE_TEAM_ROLES]


class TeamSeatIn(Schema):
    role = fields.String(required=True, validate=validate.OneOf(TEAM_ROLES))
    person_id = person_id(required=True)


class ChangeTeam(Schema):
    name = Line(1, 200, required=True)
    coverage = fields.List(  # sub-districts (tambons), each once: domain/areas.py
        AreaCode("subdistrict"),
        required=True,
        validate=validate.Length(1, 30),
        metadata={"uniqueItems": True},
    )


class FormTeam(ChangeTeam):
    members = fields.List(
        fields.Nested(TeamSeatIn), load_default=list, validate=validate.Length(max=6)
    )


class JoinTeam(TeamSeatIn):
    pass


class LeaveTeam(Schema):
    person_id = person_id(required=True)
    reason = Text(0, 500, load_default=None, allow_none=True)


class ListTeams(PageQuery):
    area = area(load_default=None)
    member = person_id(load_default=None)


class TeamSeatOut(Schema):
    role = fields.String()
    person_id = fields.String()


class TeamOut(Schema):
    id = fields.String()
    name = fields.String()
    coverage = fields.List(fields.String())
    status = fields.String(metadata={"enum": ["forming", "complete"]})
    complete = fields.Boolean()
    members = fields.List(fields.Nested(TeamSeatOut))
    missing_roles = fields.List(fields.String())
    created_at = fields.AwareDateTime()
    version = Integer()

    @pre_dump
    def _view(self, team: Team, **_: object) -> dict[str, object]:
        return {
            **team.__dict__,
            "status": team.status,
            "complete": team.complete,
            "members": [{"role": r.value, "person_id": p} for r, p in team.members.items()],
            "missing_roles": [r.value for r in team.missing_roles],
        }


class TeamsPage(Schema):
    items = fields.List(fields.Nested(TeamOut))
    next = fields.String(allow_none=True)
