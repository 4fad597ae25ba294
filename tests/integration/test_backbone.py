"""The event backbone with real services: households -> outbox -> RabbitMQ -> inbox ->
notifications.
"""

import uuid
from datetime import UTC, datetime

from nameko.testing.services import entrypoint_hook
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from infra.caller import SYSTEM
from infra.commands import command_of
from infra.config import database_url
from infra.engines import make_engine
from infra.validation import load
from services.households import usecases
from services.households.db import HouseholdsUnitOfWork
from services.households.db import metadata as households_metadata
from services.households.schemas.registry import RegisterHousehold
from services.households.service import HouseholdsService
from services.households.usecases import commands
from services.notifications.db import metadata as notifications_metadata
from services.notifications.service import NotificationsService
from tests.integration.helpers import (
    coordinator_known_to_notifications,
    household_payload,
    inbox_about,
    publish_event,
    registered_event,
    rpc,
)
from tests.support.broker import amqp_uri_for
from tests.support.waiting import wait_for

ADMIN = SYSTEM.to_dict()


def count_rows(config, service, table, *where):
    engine = make_engine(database_url(config, service))
    with engine.connect() as connection:
        query = select(func.count()).select_from(table)
        total = connection.execute(query.where(*where) if where else query).scalar()
    engine.dispose()
    return total


def notifications_about(config, household_id):
    return inbox_about(config, household_id)


def test_a_registered_household_files_an_in_app_notification(migrated, start_service):
    start_service(HouseholdsService, migrated)
    start_service(NotificationsService, migrated)
    coordinator_known_to_notifications(migrated)
    created = rpc(migrated, "households", "register_household", ADMIN, household_payload(seed=1))
    notes = wait_for(lambda: notifications_about(migrated, created["id"]), what="the notification")
    assert notes[0]["kind"] == "household_registered" and notes[0]["area_code"] == "24010101"


def test_a_broker_outage_after_commit_keeps_the_event_until_the_broker_is_back(
    migrated, broker_proxy, start_service, vhost
):
    proxy = broker_proxy
    through_proxy = {**migrated, "AMQP_URI": amqp_uri_for(vhost, port=proxy.port)}
    households = start_service(HouseholdsService, through_proxy)
    start_service(NotificationsService, migrated)
    coordinator_known_to_notifications(migrated)
    proxy.cut()
    with entrypoint_hook(households, "register_household") as register:
        created = register(ADMIN, household_payload(seed=2))
    outbox = households_metadata.tables["outbox"]
    assert count_rows(migrated, "households", households_metadata.tables["households"]) == 1
    assert count_rows(migrated, "households", outbox, outbox.c.published_at.is_(None)) == 1
    proxy.restore()
    wait_for(lambda: notifications_about(migrated, created["id"]), what="the delayed event")


def test_events_a_crash_left_in_the_outbox_are_published_at_start(migrated, start_service):
    engine = make_engine(database_url(migrated, "households"))
    uow = HouseholdsUnitOfWork(
        sessionmaker(engine), households_metadata, source="households", consumer="test"
    )  # committed, but no relay ran: as after a crash
    command = command_of(commands.RegisterHousehold, load(RegisterHousehold, household_payload(3)))
    created = usecases.register_household(uow, SYSTEM, command, datetime.now(UTC))
    engine.dispose()
    start_service(NotificationsService, migrated)
    coordinator_known_to_notifications(migrated)
    start_service(HouseholdsService, migrated)
    wait_for(lambda: notifications_about(migrated, created["id"]), what="the left-over event")


def test_the_same_event_delivered_twice_has_one_effect(migrated, start_service, amqp_uri):
    start_service(NotificationsService, migrated)
    coordinator_known_to_notifications(migrated)
    household_id = str(uuid.uuid4())
    event = registered_event(household_id=household_id)
    publish_event(amqp_uri, event)
    publish_event(amqp_uri, event)
    publish_event(amqp_uri, registered_event())  # a later event: both duplicates were handled
    inbox = notifications_metadata.tables["inbox"]
    wait_for(lambda: count_rows(migrated, "notifications", inbox) == 3, what="all events")
    assert len(notifications_about(migrated, household_id)) == 1
