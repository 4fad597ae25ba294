"""Person events reach the directory on separate queues (and by several workers), so they can arrive
out of order: an older version arriving after a newer one must not overwrite it."""

from sqlalchemy import select

from infra.config import database_url
from infra.engines import make_engine
from services.notifications.db import metadata
from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event, rpc
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import caller
from tests.support.waiting import wait_for


def handled(config, event_id):
    """Whether notifications recorded the event in its inbox (it is then fully applied)."""
    inbox = metadata.tables["inbox"]
    engine = make_engine(database_url(config, "notifications"))
    with engine.connect() as connection:
        found = connection.execute(select(inbox.c.event_id).where(inbox.c.event_id == event_id))
        seen = found.first() is not None
    engine.dispose()
    return seen


def test_an_older_person_event_arriving_late_changes_nothing(notif_config, start_service, amqp_uri):
    start_service(NotificationsService, notif_config)
    person_id = ev.new_id()
    newer = ev.person(person_id, ["district_supervisor"], ["2401"], email="new@example.org")
    newer["event_type"], newer["data"]["version"] = "person_updated", 2
    older = ev.person(person_id, ["provincial_supervisor"], ["24"], language="en")
    older["data"]["version"] = 1

    publish_event(amqp_uri, newer)
    wait_for(lambda: handled(notif_config, newer["event_id"]), what="the newer version")
    publish_event(amqp_uri, older)
    wait_for(lambda: handled(notif_config, older["event_id"]), what="the older version")

    me = caller(person_id, ["district_supervisor"], ["2401"])
    preferences = rpc(notif_config, "notifications", "get_preferences", me)
    assert preferences["language"] == "th" and preferences["version"] == 1  # older one ignored
