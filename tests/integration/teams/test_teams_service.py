"""The teams service in a real nameko container: real RabbitMQ, SQLite and PostgreSQL."""

import random
import uuid

import pytest
from nameko.exceptions import RemoteError
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from infra.caller import SYSTEM
from infra.config import database_url
from infra.engines import make_engine
from infra.envelope import Envelope
from services.teams.db import metadata
from services.teams.events import PUBLISHED
from services.teams.service import TeamsService
from tests.integration.helpers import drain, publish_event, rpc, tap
from tests.support.databases import upgrade
from tests.support.waiting import wait_for

ADMIN = SYSTEM.to_dict()
AT = "2026-11-21T03:00:00+00:00"
CONTRACTS = {c.event_type: c for c in PUBLISHED}


@pytest.fixture
def teams(config, start_service):
    upgrade(config, ["teams"])
    start_service(TeamsService, config)
    return config


def call(config, method, *args):
    return rpc(config, "teams", method, *args)


def household_event(event_type, household_id, **data):
    data = {"household_id": household_id, "village_code": "24010101", **data}
    return Envelope(event_type, data, "households").to_dict()


def stage_of(config, household_id):
    items = call(config, "list_known_households", ADMIN, {})["items"]
    return next((h["stage"] for h in items if h["household_id"] == household_id), None)


def inbox_rows(config):
    engine = make_engine(database_url(config, "teams"))
    with sessionmaker(engine)() as session:
        found = session.execute(select(func.count()).select_from(metadata.tables["inbox"])).scalar()
    engine.dispose()
    return found


def person(config, username, role, area):
    payload = {"username": username, "display_name": username, "roles": [role], "areas": [area]}
    return call(config, "register_person", ADMIN, payload)["id"]


def test_households_events_feed_the_read_model_and_a_duplicate_changes_nothing(teams, amqp_uri):
    """Stage events arriving together and out of order (and one twice) leave the latest stage."""
    household = str(uuid.uuid4())
    stages = ["target", "compass", "manage", "care", "graduated"] * 2
    changes = [
        household_event(
            "case_stage_changed",
            household,
            to_stage=stage,
            changed_at=f"2026-11-{10 + i}T00:00:00+00:00",
        )
        for i, stage in enumerate(stages)
    ]
    random.Random(7).shuffle(changes)
    registered = household_event(
        "household_registered", household, member_count=3, registered_at=AT
    )
    for envelope in (*changes, registered, changes[0]):
        publish_event(amqp_uri, envelope)
    wait_for(
        lambda: inbox_rows(teams) == len(changes) + 1, what="every distinct event in the inbox"
    )
    assert stage_of(teams, household) == "graduated"


def test_an_import_batch_makes_its_households_known_once(teams, amqp_uri):
    already = str(uuid.uuid4())
    publish_event(amqp_uri, household_event("case_stage_changed", already, to_stage="compass",
                                            changed_at=AT))  # fmt: skip
    wait_for(lambda: stage_of(teams, already), what="the household known from its stage")
    listed = [already, str(uuid.uuid4()), str(uuid.uuid4())]
    batch = {
        "import_id": str(uuid.uuid4()),
        "survey_year": 2026,
        "tambon_code": "240101",
        "registered_at": AT,
        "households": [
            {"household_id": h, "village_code": "24010101", "member_count": 3} for h in listed
        ],
    }
    envelope = Envelope("households_imported", batch, "households").to_dict()
    for _ in range(2):
        publish_event(amqp_uri, envelope)
    wait_for(lambda: all(stage_of(teams, h) for h in listed), what="every listed household")
    assert stage_of(teams, already) == "compass"  # what was known already stays
    wait_for(lambda: inbox_rows(teams) == 2, what="both distinct events in the inbox")


def test_forming_a_team_and_assigning_publishes_events_true_to_their_contracts(teams, amqp_uri):
    events = tap(amqp_uri, "teams")
    seats = [
        {
            "role": "volunteer_leader",
            "person_id": person(teams, "leader.one", "volunteer_leader", "24010101"),
        },
        {
            "role": "subdistrict_coordinator",
            "person_id": person(teams, "coord.one", "subdistrict_coordinator", "240101"),
        },
        {
            "role": "district_expert",
            "person_id": person(teams, "expert.one", "district_expert", "2401"),
        },
    ]
    team = call(
        teams,
        "form_team",
        ADMIN,
        {"name": "Smile Bang Phra", "coverage": ["240101"], "members": seats},
    )
    assert team["status"] == "complete" and team["version"] == 1
    household = str(uuid.uuid4())
    publish_event(
        amqp_uri,
        household_event("household_registered", household, member_count=2, registered_at=AT),
    )
    wait_for(lambda: stage_of(teams, household), what="the household to be known")
    assigned = call(
        teams, "assign_household", ADMIN, {"household_id": household, "team_id": team["id"]}
    )
    assert assigned["team_id"] == team["id"]
    published = wait_for(
        lambda: [e for e in drain(amqp_uri, events) if not e["event_type"].startswith("person_")]
    )
    assert [e["event_type"] for e in published] == [
        "team_membership_changed",
        "team_completed",
        "household_assigned",
    ]
    for envelope in published:
        assert CONTRACTS[envelope["event_type"]].schema().validate(envelope["data"]) == {}
    assert published[2]["data"]["household_id"] == household


def test_bad_input_is_a_named_field_error_and_nothing_changes(teams):
    leader = person(teams, "leader.one", "volunteer_leader", "24010101")
    other = person(teams, "leader.two", "volunteer_leader", "24010102")
    seats = [{"role": "volunteer_leader", "person_id": p} for p in (leader, other)]
    with pytest.raises(RemoteError) as failure:
        call(teams, "form_team", ADMIN, {"name": "Smile", "coverage": ["240101"], "members": seats})
    assert (
        failure.value.exc_type == "ValidationFailed" and '"members.1.role"' in failure.value.value
    )
    with pytest.raises(RemoteError) as failure:
        call(
            teams,
            "open_cohort",
            ADMIN,
            {"trainer_team_id": "x", "occupation": "", "households": ["no"]},
        )
    assert failure.value.exc_type == "ValidationFailed" and '"households.0"' in failure.value.value
    assert call(teams, "list_teams", ADMIN, {})["items"] == []
