"""Bad input and faults: an unknown event version, a recipient without channels, the SMTP server
down, a webhook endpoint answering 500 or hanging, a duplicate delivery of an event."""

from infra.deadletter import list_parked
from infra.queues import HandlerQueues
from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event, rpc
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import ADMIN, caller
from tests.integration.notifications.directory import team_and_people_known
from tests.integration.notifications.peers import SmtpPeer, wait_mail
from tests.support.ports import free_port
from tests.support.waiting import wait_for


def setup_expert(config, amqp_uri, **contacts):
    """An expert in a team following a household; returns (expert id, household id)."""
    expert, team_id, household = ev.new_id(), ev.new_id(), ev.new_id()
    publish_event(amqp_uri, ev.person(expert, ["district_expert"], ["2401"], **contacts))
    publish_event(amqp_uri, ev.team(team_id, expert))
    wait_for(
        lambda: team_and_people_known(config, team_id, expert), what="the team in the directory"
    )
    publish_event(amqp_uri, ev.assigned(household, team_id))
    me = caller(expert, ["district_expert"], ["2401"])
    wait_for(lambda: rpc(config, "notifications", "list_inbox", me, {})["items"], what="setup")
    return expert, household


def deliveries(config, **query):
    return rpc(config, "notifications", "list_deliveries", ADMIN, query)["items"]


def test_an_event_of_an_unknown_version_is_parked_and_later_events_flow(
    notif_config, start_service, amqp_uri
):
    start_service(NotificationsService, notif_config)
    expert, household = setup_expert(notif_config, amqp_uri)
    unknown = ev.visit_overdue(household, version=9)
    publish_event(amqp_uri, unknown)
    publish_event(amqp_uri, ev.visit_overdue(household))
    queues = HandlerQueues("households", "visit_overdue", "notifications", "on_visit_overdue",
                           notif_config["EVENT_RETRY_DELAYS_MS"])  # fmt: skip
    parked = wait_for(lambda: list_parked(amqp_uri, [queues]), what="the unknown version")
    assert [(p.event_id, p.attempts) for p in parked] == [(unknown["event_id"], 1)]
    assert "version 9" in parked[0].error
    found = wait_for(
        lambda: rpc(notif_config, "notifications", "list_escalations", ADMIN, {})["items"],
        what="the later event's escalation",
    )
    assert len(found) == 1 and found[0]["addressed_to"] == [expert]


def test_a_recipient_without_channels_gets_the_inbox_alone(notif_config, start_service, amqp_uri):
    start_service(NotificationsService, notif_config)
    expert, household = setup_expert(notif_config, amqp_uri)  # no e-mail, LINE or webhook
    publish_event(amqp_uri, ev.visit_overdue(household))
    me = caller(expert, ["district_expert"], ["2401"])
    inbox = wait_for(
        lambda: len(found := rpc(notif_config, "notifications", "list_inbox", me, {})["items"]) == 2
        and found,
        what="the escalation in the inbox",
    )
    assert inbox[0]["kind"] == "escalation.visit_overdue"
    assert rpc(notif_config, "notifications", "unread_count", me) == {"unread": 2}
    assert deliveries(notif_config, recipient_id=expert) == []


def test_with_the_smtp_server_down_mail_is_retried_then_parked_and_replayed_later(
    make_notifications_config, start_service, amqp_uri, tmp_path
):
    down = SmtpPeer(tmp_path / "late-mail", port=free_port())  # nothing listens there yet
    config = make_notifications_config(
        smtp={"host": "127.0.0.1", "port": down.port, "timeout_seconds": 1}
    )
    start_service(NotificationsService, config)
    setup_expert(config, amqp_uri, email="expert@example.test")
    parked = wait_for(lambda: deliveries(config, status="parked"), what="the parked mail")
    assert parked[0]["attempts"] == 3 and parked[0]["channel"] == "email"
    assert parked[0]["last_error"] == "smtp: ConnectionRefusedError"
    assert "expert@" not in str(parked)  # the log names no address

    down.start()
    try:
        replayed = rpc(config, "notifications", "replay_delivery", ADMIN, parked[0]["id"])
        assert replayed["status"] == "pending"
        mail = wait_mail(down, "expert@example.test")[0]
        assert mail["subject"] == "ทีมได้รับมอบหมายครัวเรือน"
        sent = wait_for(lambda: deliveries(config, status="sent"), what="the sent delivery")
        assert sent[0]["id"] == parked[0]["id"] and sent[0]["last_error"] is None
    finally:
        down.stop()


def test_a_webhook_answering_500_or_hanging_is_retried_until_it_answers(
    notif_config, start_service, amqp_uri, http_peer
):
    start_service(NotificationsService, notif_config)
    expert, household = setup_expert(notif_config, amqp_uri)
    me = caller(expert, ["district_expert"], ["2401"])
    prefs = rpc(notif_config, "notifications", "update_preferences", me,
                {"webhook_url": http_peer.url("/hook")})  # fmt: skip
    http_peer.secrets["/hook"] = prefs["webhook_secret"]
    http_peer.script[:] = [500, "hang"]  # then 200
    publish_event(amqp_uri, ev.visit_overdue(household))
    sent = wait_for(lambda: deliveries(notif_config, status="sent"), what="the webhook to land")
    assert sent[0]["attempts"] == 3
    calls = http_peer.at("/hook")
    assert len(calls) == 3 and all(c["verified"] for c in calls)
    assert len({c["headers"]["webhook-id"] for c in calls}) == 1  # one message id on every retry


def test_line_push_has_the_messaging_api_shape_and_token(
    notif_config, start_service, amqp_uri, http_peer
):
    start_service(NotificationsService, notif_config)
    setup_expert(notif_config, amqp_uri, line_user_id="U4af4980629")
    push = wait_for(lambda: http_peer.at("/v2/bot/message/push"), what="the LINE push")[0]
    assert push["verified"], "Authorization must be the channel access token"
    assert push["body"]["to"] == "U4af4980629"
    assert push["body"]["messages"][0]["type"] == "text"
    assert push["body"]["messages"][0]["text"].startswith("ทีมได้รับมอบหมายครัวเรือน\n")
    assert len(push["headers"]["x-line-retry-key"]) == 36


def test_the_same_event_delivered_twice_files_and_sends_once(
    notif_config, start_service, amqp_uri, smtp
):
    start_service(NotificationsService, notif_config)
    expert, household = setup_expert(notif_config, amqp_uri, email="twice@example.test")
    overdue = ev.visit_overdue(household)
    publish_event(amqp_uri, overdue)
    publish_event(amqp_uri, overdue)
    publish_event(amqp_uri, ev.visit_overdue(household))  # a second trigger: no second escalation
    wait_mail(smtp, "twice@example.test", 2)
    wait_for(lambda: len(deliveries(notif_config, status="sent")) == 2, what="both deliveries")
    found = rpc(notif_config, "notifications", "list_escalations", ADMIN, {})["items"]
    assert len(found) == 1
    me = caller(expert, ["district_expert"], ["2401"])
    assert len(rpc(notif_config, "notifications", "list_inbox", me, {})["items"]) == 2
    assert len(smtp.mails_to("twice@example.test")) == 2
