"""People through the teams service's RPC, on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest
from nameko.exceptions import RemoteError
from sqlalchemy.orm import sessionmaker

from infra.caller import SYSTEM
from infra.config import database_url
from infra.engines import make_engine
from services.teams.bootstrap import ensure_administrator
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.service import TeamsService
from tests.integration.helpers import drain, national_id, rpc, tap

ADMIN = SYSTEM.to_dict()
NOW = datetime(2026, 11, 21, tzinfo=UTC)


def person(username, roles, areas, **extra):
    return {
        "username": username,
        "display_name": username.title(),
        "roles": roles,
        "areas": areas,
        **extra,
    }


@pytest.fixture
def teams(migrated, start_service):
    start_service(TeamsService, migrated)
    return migrated


def call(config, method, *args):
    return rpc(config, "teams", method, *args)


def error_of(exc_info):
    return exc_info.value.exc_type, exc_info.value.value


def test_register_then_log_in_and_be_identified(teams, amqp_uri):
    events = tap(amqp_uri, "teams")
    created = call(
        teams,
        "register_person",
        ADMIN,
        person(
            "Somsri.K",
            ["subdistrict_coordinator"],
            ["240101"],
            phone="081-234-5678",
            national_id=national_id(7),
            password="correct horse battery",
        ),
    )
    assert created["username"] == "somsri.k" and created["phone"] == "+66812345678"
    caller = call(
        teams, "authenticate", {"username": "somsri.k", "password": "correct horse battery"}
    )
    assert caller == {
        "person_id": created["id"],
        "username": "somsri.k",
        "roles": ["subdistrict_coordinator"],
        "areas": ["240101"],
        "teams": [],
    }
    assert call(teams, "identify", created["id"]) == caller
    published = drain(amqp_uri, events)
    assert [e["event_type"] for e in published] == ["person_registered"]
    assert "national_id" not in published[0]["data"]


@pytest.mark.parametrize(
    "username, password", [("somsri.k", "wrong password!"), ("nobody", "x" * 12)]
)
def test_login_failures_look_alike(teams, username, password):
    call(
        teams,
        "register_person",
        ADMIN,
        person(
            "somsri.k", ["subdistrict_coordinator"], ["240101"], password="correct horse battery"
        ),
    )
    with pytest.raises(RemoteError) as failure:
        call(teams, "authenticate", {"username": username, "password": password})
    assert (
        error_of(failure)[0] == "Unauthorized"
        and "wrong username or password" in error_of(failure)[1]
    )


def test_the_same_person_twice_by_national_id_is_refused_and_nothing_changes(teams):
    call(
        teams,
        "register_person",
        ADMIN,
        person("a.one", ["volunteer_leader"], ["24010101"], national_id=national_id(8)),
    )
    with pytest.raises(RemoteError) as failure:
        call(
            teams,
            "register_person",
            ADMIN,
            person("a.two", ["volunteer_leader"], ["24010101"], national_id=national_id(8)),
        )
    assert error_of(failure)[0] == "Conflict" and "national_id" in error_of(failure)[1]
    listed = call(teams, "list_people", ADMIN, {})
    assert [p["username"] for p in listed["items"]] == ["a.one"]


def test_supervisors_see_only_people_of_their_area_and_ids_masked(teams):
    call(
        teams,
        "register_person",
        ADMIN,
        person("in.area", ["volunteer_leader"], ["24010101"], national_id=national_id(9)),
    )
    call(teams, "register_person", ADMIN, person("elsewhere", ["volunteer_leader"], ["10010101"]))
    supervisor = call(
        teams, "register_person", ADMIN, person("district.sup", ["district_supervisor"], ["2401"])
    )
    as_supervisor = {**supervisor, "person_id": supervisor["id"], "teams": []}
    listed = call(teams, "list_people", as_supervisor, {})
    assert [p["username"] for p in listed["items"]] == ["district.sup", "in.area"]
    assert listed["items"][1]["national_id"].startswith("x-xxxx-xxxxx-")
    outsider = call(teams, "list_people", ADMIN, {"area": "1001"})["items"][0]
    with pytest.raises(RemoteError) as failure:
        call(teams, "get_person", as_supervisor, outsider["id"])
    assert error_of(failure)[0] == "NotFound"


def test_a_deactivated_person_cannot_log_in_but_stays_on_record(teams):
    created = call(
        teams,
        "register_person",
        ADMIN,
        person("leaving", ["volunteer_leader"], ["24010101"], password="correct horse battery"),
    )
    call(teams, "deactivate_person", ADMIN, created["id"], 1)
    with pytest.raises(RemoteError):
        call(teams, "authenticate", {"username": "leaving", "password": "correct horse battery"})
    assert call(teams, "get_person", ADMIN, created["id"])["active"] is False


def test_a_stale_version_is_refused(teams):
    created = call(
        teams, "register_person", ADMIN, person("v.one", ["volunteer_leader"], ["24010101"])
    )
    call(
        teams,
        "update_person",
        ADMIN,
        created["id"],
        person("v.one", ["volunteer_leader"], ["24010102"]),
        1,
    )
    with pytest.raises(RemoteError) as failure:
        call(
            teams,
            "update_person",
            ADMIN,
            created["id"],
            person("v.one", ["volunteer_leader"], ["24010103"]),
            1,
        )
    assert error_of(failure)[0] == "PreconditionFailed"
    assert call(teams, "get_person", ADMIN, created["id"])["areas"] == ["24010102"]


def test_bootstrap_creates_one_administrator_once(migrated):
    engine = make_engine(database_url(migrated, "teams"))
    uow = TeamsUnitOfWork(sessionmaker(engine), metadata, source="teams", consumer="bootstrap")
    created, generated = ensure_administrator(uow, "admin", None, NOW)
    assert created and generated and len(generated) >= 20
    assert ensure_administrator(uow, "admin", "another password", NOW) == (False, None)
    engine.dispose()
