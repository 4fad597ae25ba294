"""An import's summary reaches the sub-district's coordinator, on SQLite and PostgreSQL (its
subject, `import_id:tambon`, is longer than an id: SQLite would not notice a column too short)."""

import uuid

from services.notifications.service import NotificationsService
from tests.integration.helpers import (
    coordinator_known_to_notifications,
    inbox_about,
    publish_event,
)
from tests.integration.notifications import events as ev
from tests.support.waiting import wait_for


def households_imported(import_id: str, count: int) -> dict:
    households = [
        {"household_id": str(uuid.uuid4()), "village_code": ev.VILLAGE} for _ in range(count)
    ]
    return ev.envelope(
        "households",
        "households_imported",
        import_id=import_id,
        survey_year=2026,
        tambon_code=ev.TAMBON,
        households=households,
    )


def test_an_import_summary_reaches_the_coordinator(notif_config, start_service, amqp_uri):
    start_service(NotificationsService, notif_config)
    coordinator_known_to_notifications(notif_config, ev.TAMBON)
    import_id = str(uuid.uuid4())
    publish_event(amqp_uri, households_imported(import_id, 3))
    subject = f"{import_id}:{ev.TAMBON}"
    (told,) = wait_for(lambda: inbox_about(notif_config, subject), what="the import summary")
    assert told["kind"] == "households_imported" and "3" in told["body"]
