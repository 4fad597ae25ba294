"""The RPC methods the gateway exposes: who may see and act, and bad input naming its field with
nothing changed."""

import pytest
from nameko.exceptions import RemoteError

from infra.errors import Forbidden, NotFound, PreconditionFailed, ValidationFailed, from_remote
from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event
from tests.integration.helpers import rpc as remote
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import ADMIN, caller
from tests.integration.notifications.directory import team_and_people_known
from tests.support.waiting import wait_for


@pytest.fixture
def opened(notif_config, start_service, amqp_uri):
    """An open visit-overdue escalation addressed to a team's expert."""
    start_service(NotificationsService, notif_config)
    expert, team_id, household = ev.new_id(), ev.new_id(), ev.new_id()
    publish_event(amqp_uri, ev.person(expert, ["district_expert"], ["2401"]))
    publish_event(amqp_uri, ev.team(team_id, expert))
    wait_for(lambda: team_and_people_known(notif_config, team_id, expert), what="the team")
    publish_event(amqp_uri, ev.visit_overdue(household, team_id))
    found = wait_for(
        lambda: rpc(notif_config, "notifications", "list_escalations", ADMIN, {})["items"],
        what="it",
    )
    return notif_config, expert, found[0]


def rpc(config, service, method, *args):
    """As the gateway sees it: a service's error comes back as the same `infra.errors` class."""
    try:
        return remote(config, service, method, *args)
    except RemoteError as exc:
        raise (from_remote(exc.exc_type, exc.value) or exc) from None


def field_errors(error):
    return {e.field for e in error.value.errors}


def test_the_expert_acknowledges_then_resolves_and_a_resend_changes_nothing(opened):
    config, expert, escalation = opened
    me = caller(expert, ["district_expert"], ["2401"])
    acked = rpc(
        config,
        "notifications",
        "acknowledge_escalation",
        me,
        escalation["id"],
        escalation["version"],
    )
    assert (acked["status"], acked["acknowledged_by"]) == ("acknowledged", expert)
    again = rpc(
        config,
        "notifications",
        "acknowledge_escalation",
        me,
        escalation["id"],
        escalation["version"],
    )
    assert again["version"] == acked["version"]
    with pytest.raises(PreconditionFailed):
        rpc(
            config,
            "notifications",
            "resolve_escalation",
            me,
            escalation["id"],
            {"note": "x"},
            escalation["version"],
        )
    done = rpc(
        config,
        "notifications",
        "resolve_escalation",
        me,
        escalation["id"],
        {"note": "visited by phone"},
        acked["version"],
    )
    assert (done["status"], done["resolved_by"], done["resolution_note"]) == (
        "resolved",
        expert,
        "visited by phone",
    )
    listed = rpc(
        config, "notifications", "list_escalations", me, {"mine": True, "status": ["resolved"]}
    )
    assert [e["id"] for e in listed["items"]] == [escalation["id"]]


def test_people_outside_the_area_do_not_see_it_and_area_readers_may_not_act(opened):
    config, _, escalation = opened
    stranger = caller(ev.new_id(), ["district_expert"], ["1001"])
    assert rpc(config, "notifications", "list_escalations", stranger, {})["items"] == []
    with pytest.raises(NotFound):
        rpc(config, "notifications", "get_escalation", stranger, escalation["id"])
    coordinator = caller(ev.new_id(), ["subdistrict_coordinator"], ["240101"])
    assert rpc(config, "notifications", "get_escalation", coordinator, escalation["id"])["id"]
    with pytest.raises(Forbidden):
        rpc(config, "notifications", "acknowledge_escalation", coordinator, escalation["id"])
    supervisor = caller(ev.new_id(), ["district_supervisor"], ["2401"])
    acked = rpc(config, "notifications", "acknowledge_escalation", supervisor, escalation["id"])
    assert acked["acknowledged_by"] == supervisor["person_id"]


def test_bad_input_names_the_field_and_changes_nothing(opened):
    config, expert, escalation = opened
    me = caller(expert, ["district_expert"], ["2401"])
    before = rpc(config, "notifications", "get_preferences", me)
    for payload, field in [
        ({"channels": ["fax"]}, "channels.0"),
        ({"quiet_hours": {"start": "25:00", "end": "07:00"}}, "quiet_hours.start"),
        ({"language": "fr"}, "language"),
        ({"webhook_url": "ftp://x"}, "webhook_url"),
        ({"colour": "red"}, "colour"),
    ]:
        with pytest.raises(ValidationFailed) as error:
            rpc(config, "notifications", "update_preferences", me, payload)
        assert field in field_errors(error)
    assert rpc(config, "notifications", "get_preferences", me) == before
    with pytest.raises(ValidationFailed) as error:
        rpc(config, "notifications", "list_escalations", me, {"status": ["lost"], "limit": 0})
    assert field_errors(error) == {"status.0", "limit"}
    with pytest.raises(ValidationFailed) as error:
        rpc(
            config,
            "notifications",
            "resolve_escalation",
            me,
            escalation["id"],
            {"note": "x" * 2001},
        )
    assert field_errors(error) == {"note"}
    assert rpc(config, "notifications", "get_escalation", me, escalation["id"])["status"] == "open"


def test_an_inbox_is_its_owners_pages_follow_and_reading_counts_down(opened):
    config, expert, _ = opened
    me = caller(expert, ["district_expert"], ["2401"])
    other = caller(ev.new_id(), ["district_expert"], ["2401"])
    with pytest.raises(NotFound):
        rpc(config, "notifications", "list_inbox", other, {"recipient_id": expert})
    assert (
        rpc(config, "notifications", "list_inbox", ADMIN, {"recipient_id": expert})["unread"] == 1
    )
    first = rpc(config, "notifications", "list_inbox", me, {"limit": 1})
    assert len(first["items"]) == 1 and first["next"] is None
    with pytest.raises(NotFound):
        rpc(config, "notifications", "mark_read", other, first["items"][0]["id"])
    read = rpc(config, "notifications", "mark_read", me, first["items"][0]["id"])
    assert read["read_at"] is not None
    assert rpc(config, "notifications", "unread_count", me) == {"unread": 0}
    assert rpc(config, "notifications", "list_inbox", me, {"unread_only": True})["items"] == []
