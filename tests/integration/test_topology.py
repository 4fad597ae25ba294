"""`python -m infra.topology` declares every handler's queues and deletes retired handlers' ones."""

from functools import partial
from urllib.parse import quote

import pytest
import requests
from amqp.exceptions import NotFound
from kombu import Connection, Queue

from infra.config import load_config
from infra.queue_upgrade import like
from infra.queues import rpc_queue
from infra.topology import declare, handler_queues, retired_queues
from tests.support.waiting import wait_for


def exists(amqp_uri: str, name: str) -> bool:
    with Connection(amqp_uri) as connection:
        try:
            connection.default_channel.queue_declare(name, passive=True)
        except NotFound:
            return False
    return True


@pytest.mark.parametrize("leftover", [True, False])
def test_a_retired_handlers_queues_are_deleted_and_current_ones_declared(amqp_uri, leftover):
    config = {**load_config(), "AMQP_URI": amqp_uri}
    (retired,) = retired_queues(config)
    if leftover:  # a broker set up before the handler was removed
        with Connection(amqp_uri) as connection:
            for queue in retired.all():
                queue(connection.default_channel).declare()
    declared = declare(config)
    assert not any(exists(amqp_uri, queue.name) for queue in retired.all())
    assert all(exists(amqp_uri, handler.name) for handler in declared)
    assert retired.name not in {handler.name for handler in declared}


def queue_facts(rabbit_admin, vhost: str, name: str) -> tuple[str, int]:
    """The queue's type and its messages, as the management API tells them."""
    answer = requests.get(
        f"{rabbit_admin.base}/queues/{quote(vhost, safe='')}/{quote(name, safe='')}",
        auth=rabbit_admin.auth,
        timeout=10,
    )
    answer.raise_for_status()
    facts = answer.json()
    return facts["type"], int(facts.get("messages_ready", 0))


def classic(queue: Queue) -> Queue:
    return like(queue, queue.name, {})


def test_an_older_versions_classic_queues_become_quorum_with_their_messages(
    amqp_uri, vhost, rabbit_admin
):
    config = {**load_config(), "AMQP_URI": amqp_uri}
    handler = handler_queues(config)[0]
    with Connection(amqp_uri) as connection:  # what an older version declared and left waiting
        channel = connection.default_channel
        producer = connection.Producer()
        for queue in (handler.main(), handler.parked(), rpc_queue("households", config)):
            classic(queue)(channel).declare()
        former = Queue(handler.former_retry_names()[0], durable=True)
        former(channel).declare()
        for routing_key, event_id in [
            (handler.name, "waiting-1"),
            (handler.name, "waiting-2"),
            (former.name, "retrying"),
            (handler.parked().name, "parked"),
        ]:
            producer.publish({"event_id": event_id}, routing_key=routing_key, message_id=event_id)
    declare(config)
    declare(config)  # a second run changes nothing
    facts = partial(queue_facts, rabbit_admin, vhost)  # the API's counts lag a few seconds
    wait_for(lambda: facts(handler.name) == ("quorum", 3), what="3 events in the quorum queue")
    wait_for(lambda: facts(handler.parked().name) == ("quorum", 1), what="the parked one")
    assert facts("rpc-households")[0] == "quorum"
    assert not exists(amqp_uri, former.name) and not exists(amqp_uri, f"{handler.name}.upgrading")
    with Connection(amqp_uri) as connection:  # still bound: a new event reaches the queue
        exchange = handler.main().exchange
        connection.Producer().publish({}, exchange=exchange, routing_key=handler.event_type)
    wait_for(lambda: facts(handler.name) == ("quorum", 4), what="the new event")
