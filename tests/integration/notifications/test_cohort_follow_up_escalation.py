"""Across teams and notifications over the real broker: a cohort with no follow-up after training
in time is announced by the teams timer -> notifications opens an escalation on the visit ladder
(no Smile Team of its own: the district supervisor over the village is told) -> recording the
follow-up closes it."""

from datetime import UTC, datetime

from sqlalchemy.orm import sessionmaker

from infra.caller import Role
from infra.config import database_url
from infra.engines import make_engine
from services.notifications.service import NotificationsService
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.service import TeamsService
from tests.integration.helpers import rpc
from tests.integration.notifications.conftest import ADMIN, caller
from tests.integration.teams.programme_world import train, trainer_team
from tests.integration.teams.world import ADMIN as SYSTEM
from tests.integration.teams.world import register
from tests.support.databases import upgrade
from tests.support.waiting import wait_for

VILLAGE = "94010101"
TRAINED = datetime(2026, 11, 1, 3, tzinfo=UTC)  # more than a day before any run of this test


def teams_uow(config):
    engine = make_engine(database_url(config, "teams"))
    return TeamsUnitOfWork(
        sessionmaker(engine, expire_on_commit=False), metadata, source="teams", consumer="tests"
    )


def escalations_of(config, subject_id):
    query = {"status": ["open", "acknowledged", "resolved", "closed"]}
    found = rpc(config, "notifications", "list_escalations", ADMIN, query)["items"]
    return [e for e in found if e["subject_id"] == subject_id]


def known(config, person_id):
    try:
        return rpc(config, "notifications", "get_preferences", caller(person_id, []))
    except Exception:
        return None


def test_a_cohort_not_followed_up_escalates_to_the_district_and_closes_when_followed_up(
    make_notifications_config, start_service
):
    config = make_notifications_config()
    upgrade(config, ["teams"])
    config["TEAMS"] = {**config["TEAMS"], "follow_up_after_training_days": 1}
    config["TEAMS"]["follow_up_check_seconds"] = 0.2
    uow = teams_uow(config)
    district = register(uow, "district.sup", Role.DISTRICT_SUPERVISOR, ["9401"])
    team = trainer_team(uow, VILLAGE)
    start_service(NotificationsService, config)
    start_service(TeamsService, config)
    wait_for(lambda: known(config, district.id), what="the supervisor in the directory")

    train(uow, team, 2, at=TRAINED)
    cohort = rpc(config, "teams", "list_cohorts", SYSTEM.to_dict(), {})["items"][0]
    opened = wait_for(lambda: escalations_of(config, cohort["id"]), what="the escalation")[0]
    assert opened["kind"] == "cohort_follow_up_overdue" and opened["level"] == 1
    assert opened["addressed_to"] == [district.id]

    follow_up = {"phase": "after", "planned_on": "2026-11-20", "done_on": "2026-11-20"}
    rpc(config, "teams", "plan_follow_up", SYSTEM.to_dict(), cohort["id"], follow_up)
    closed = wait_for(
        lambda: [e for e in escalations_of(config, cohort["id"]) if e["status"] == "closed"],
        what="the escalation to close",
    )[0]
    assert closed["closed_by_event"] == "cohort_follow_up_done"
    assert len(escalations_of(config, cohort["id"])) == 1  # announced once, however many ticks
