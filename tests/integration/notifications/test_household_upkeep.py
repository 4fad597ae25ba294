"""A household that moved away or merged into another closes its open household escalations,
over the real broker (SQLite and PostgreSQL)."""

import pytest

from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event
from tests.integration.notifications import events as ev
from tests.integration.notifications.directory import team_and_people_known
from tests.integration.notifications.test_escalation_story import escalations_of
from tests.support.waiting import wait_for

AT = "2026-11-21T03:00:00+00:00"


def ended(event_type: str, household_id: str, team_id: str) -> dict:
    data = {"household_id": household_id, "village_code": ev.VILLAGE, "team_id": team_id,
            "member_count": 3, "changed_by": ev.new_id(), "changed_at": AT}  # fmt: skip
    if event_type == "household_moved_away":
        return ev.envelope("households", event_type, **data, moved_on="2026-11-20",
                           destination_area_code=None)  # fmt: skip
    return ev.envelope("households", event_type, **data, into_household_id=ev.new_id(),
                       into_village_code=ev.VILLAGE, into_team_id=None, into_member_count=5,
                       members_joined=2)  # fmt: skip


@pytest.mark.parametrize("event_type", ["household_moved_away", "household_merged"])
def test_the_overdue_visit_of_a_household_that_left_closes(
    event_type, notif_config, start_service, amqp_uri
):
    config = notif_config
    start_service(NotificationsService, config)
    expert, team_id, household = ev.new_id(), ev.new_id(), ev.new_id()
    publish_event(amqp_uri, ev.person(expert, ["district_expert"], ["2401"]))
    publish_event(amqp_uri, ev.team(team_id, expert))
    wait_for(lambda: team_and_people_known(config, team_id, expert), what="the team known")
    publish_event(amqp_uri, ev.visit_overdue(household, team_id))
    wait_for(lambda: escalations_of(config, household), what="the escalation")

    publish_event(amqp_uri, ended(event_type, household, team_id))

    closed = wait_for(
        lambda: [e for e in escalations_of(config, household) if e["status"] == "closed"],
        what="the escalation closed",
    )
    assert closed[0]["kind"] == "visit_overdue"
