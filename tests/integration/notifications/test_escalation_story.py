"""The issue's end-to-end story over the real broker: a visit becomes overdue -> an escalation
reaches the team's expert -> left unacknowledged it climbs to the district supervisor -> the visit
is logged -> the escalation closes. The e-mail and the signed webhook are really received."""

from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event, rpc
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import ADMIN, caller
from tests.integration.notifications.directory import team_and_people_known
from tests.integration.notifications.peers import wait_mail
from tests.support.waiting import wait_for

EXPERT_MAIL, DISTRICT_MAIL = "expert@example.test", "district@example.test"


def escalations_of(config, household_id, who=ADMIN):
    found = rpc(
        config,
        "notifications",
        "list_escalations",
        who,
        {"status": ["open", "acknowledged", "resolved", "closed"]},
    )
    return [e for e in found["items"] if e["subject_id"] == household_id]


def in_directory(config, person_id):
    try:
        return rpc(config, "notifications", "get_preferences", caller(person_id, []))
    except Exception:
        return None


def test_an_overdue_visit_climbs_to_the_district_and_closes_when_the_visit_is_logged(
    notif_config, start_service, amqp_uri, smtp, http_peer
):
    config = notif_config
    start_service(NotificationsService, config)
    expert, district, province = ev.new_id(), ev.new_id(), ev.new_id()
    team_id, household = ev.new_id(), ev.new_id()
    for event in (
        ev.person(expert, ["district_expert"], ["2401"], email=EXPERT_MAIL),
        ev.person(district, ["district_supervisor"], ["2401"], email=DISTRICT_MAIL, language="en"),
        ev.person(province, ["provincial_supervisor"], ["24"]),
        ev.team(team_id, expert),
    ):
        publish_event(amqp_uri, event)
    wait_for(
        lambda: team_and_people_known(config, team_id, expert), what="the team in the directory"
    )
    publish_event(amqp_uri, ev.assigned(household, team_id))
    wait_for(lambda: in_directory(config, expert), what="the expert in the directory")
    me = caller(expert, ["district_expert"], ["2401"])
    prefs = rpc(config, "notifications", "update_preferences", me,
                {"webhook_url": http_peer.url("/hooks/expert")})  # fmt: skip
    http_peer.secrets["/hooks/expert"] = prefs["webhook_secret"]
    wait_for(lambda: in_directory(config, province), what="the province in the directory")
    wait_for(lambda: rpc(config, "notifications", "list_inbox", me, {})["items"],
             what="the assignment, told to the team")  # fmt: skip

    publish_event(amqp_uri, ev.visit_overdue(household))  # no team named: the assignment tells

    opened = wait_for(lambda: escalations_of(config, household), what="the escalation")[0]
    assert opened["kind"] == "visit_overdue" and opened["addressed_to"] == [expert]
    mail = next(m for m in wait_mail(smtp, EXPERT_MAIL, 2) if m["subject"] == "เยี่ยมบ้านเกินกำหนด")
    assert "20 พฤศจิกายน 2569" in mail["body"]
    hook = wait_for(lambda: http_peer.at("/hooks/expert"), what="the webhook")[0]
    assert hook["body"]["type"] == "notification.escalation.visit_overdue"
    assert hook["verified"], "the webhook signature must verify with the expert's secret"
    assert hook["body"]["data"]["escalation_id"] == opened["id"]

    climbed = wait_for(
        lambda: [e for e in escalations_of(config, household) if e["level"] == 1],
        what="the climb to the district supervisor",
    )[0]
    assert climbed["addressed_to"] == [expert, district] and climbed["status"] == "open"
    district_mail = wait_mail(smtp, DISTRICT_MAIL)[0]
    assert district_mail["subject"].startswith("Escalated to the district supervisor")
    assert "20 Nov 2026" in district_mail["body"]

    publish_event(amqp_uri, ev.visit_logged(household))
    closed = wait_for(
        lambda: [e for e in escalations_of(config, household) if e["status"] == "closed"],
        what="the escalation to close",
    )[0]
    assert closed["closed_by_event"] == "visit_logged" and closed["level"] == 1
    inbox = rpc(config, "notifications", "list_inbox", me, {})
    kinds = [n["kind"] for n in inbox["items"]]
    assert kinds == ["escalation.closed", "escalation.visit_overdue", "household_assigned"]
    assert inbox["unread"] == 3
    subjects = sorted(m["subject"] for m in smtp.mails_to(EXPERT_MAIL))
    assert subjects == ["ทีมได้รับมอบหมายครัวเรือน", "เยี่ยมบ้านเกินกำหนด"]  # closing: inbox only
