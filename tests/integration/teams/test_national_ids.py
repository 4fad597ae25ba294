"""A person's national ID in the teams service is kept as its 13 ASCII digits, on SQLite and
PostgreSQL: one person, one key, whatever the spelling."""

import pytest
from nameko.exceptions import RemoteError

from infra.caller import SYSTEM
from services.teams.service import TeamsService
from tests.integration.helpers import national_id, rpc
from tests.support.digits import fullwidth

ADMIN = SYSTEM.to_dict()
NID = national_id(21)


@pytest.fixture
def teams(migrated, start_service):
    start_service(TeamsService, migrated)
    return migrated


def register(config, username, **extra):
    body = {
        "username": username,
        "display_name": username.title(),
        "roles": ["volunteer_leader"],
        "areas": ["24010101"],
        **extra,
    }
    return rpc(config, "teams", "register_person", ADMIN, body)


def test_one_national_id_in_any_spelling_is_one_person(teams):
    dashed = f"{NID[0]}-{NID[1:5]}-{NID[5:10]}-{NID[10:12]}-{NID[12]}"
    assert register(teams, "first.one", national_id=dashed)["national_id"] == NID
    for i, spelling in enumerate((NID, f" {NID}")):
        with pytest.raises(RemoteError) as taken:
            register(teams, f"again.{i}", national_id=spelling)
        assert taken.value.exc_type == "Conflict" and "national_id" in taken.value.value
    with pytest.raises(RemoteError) as refused:
        register(teams, "fullwidth", national_id=fullwidth(NID))
    assert refused.value.exc_type == "ValidationFailed" and "national_id" in refused.value.value
    listed = rpc(teams, "teams", "list_people", ADMIN, {})["items"]
    assert [p["username"] for p in listed if p["username"] != "admin"] == ["first.one"]


def test_areas_and_filters_are_real_ascii_area_codes(teams):
    for areas in (["99999999"], ["240101" + "\u0e51\u0e51"], ["24010100"]):
        with pytest.raises(RemoteError) as refused:
            register(teams, "someone", areas=areas)
        assert refused.value.exc_type == "ValidationFailed" and "areas.0" in refused.value.value
    with pytest.raises(RemoteError) as refused:
        rpc(teams, "teams", "list_people", ADMIN, {"area": "99999999"})
    assert "area" in refused.value.value
