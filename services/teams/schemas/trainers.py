"""Village trainer teams' payloads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields, pre_dump, validate

from infra.dates import JOINED
from infra.fields import AreaCode, Day, Integer, Line
from services.teams.schemas.common import PageQuery, area, person_id
from services.teams.vocabulary import TRAINER_TEAM_SIZE

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.teams.domain.trainers import TrainerTeam


class SageIn(Schema):
    person_id = person_id(required=True)
    lead = fields.Boolean(load_default=False)
    lead_trained_on = Day(JOINED, load_default=None, allow_none=True)


class FormTrainerTeam(Schema):
    village_code = AreaCode("village", required=True)
    name = Line(1, 200, required=True)
    members = fields.List(  # the rest of the five may join later
        fields.Nested(SageIn), load_default=list, validate=validate.Length(max=TRAINER_TEAM_SIZE)
    )


class SageLeaves(Schema):
    person_id = person_id(required=True)


class ListTrainerTeams(PageQuery):
    area = area(load_default=None)


class SageOut(Schema):
    person_id = fields.String()
    lead = fields.Boolean()
    lead_trained_on = fields.Date(allow_none=True)


class TrainerTeamOut(Schema):
    id = fields.String()
    village_code = fields.String()
    name = fields.String()
    status = fields.String(metadata={"enum": ["forming", "ready"]})
    members = fields.List(fields.Nested(SageOut), attribute="sages")
    created_at = fields.AwareDateTime()
    version = Integer()

    @pre_dump
    def _view(self, team: TrainerTeam, **_: object) -> dict[str, Any]:
        return {**team.__dict__, "status": team.status}


class TrainerTeamsPage(Schema):
    items = fields.List(fields.Nested(TrainerTeamOut))
    next = fields.String(allow_none=True)
