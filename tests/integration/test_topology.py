"""`python -m infra.topology` declares every handler's queues and deletes retired handlers' ones."""

import pytest
from amqp.exceptions import NotFound
from kombu import Connection

from infra.config import load_config
from infra.topology import declare, retired_queues


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
