"""RPC between gateway and services: deadlines, expiry of late requests, errors that keep their
shape.
"""

import pytest
from nameko.testing.services import entrypoint_hook

from infra.errors import FieldError, GatewayTimeout, ValidationFailed
from infra.rpc import RpcClients, rpc
from tests.support.waiting import wait_for

EXECUTED: list[str] = []


class Target:
    name = "target"

    @rpc
    def record(self, label):
        EXECUTED.append(label)
        return label

    @rpc
    def refuse(self):
        raise ValidationFailed(
            "no", [FieldError("members.0.national_id", "check digit does not match")]
        )


class Caller:
    name = "caller"
    services = RpcClients()

    @rpc
    def call(self, method, *args):
        return self.services.call("target", method, *args, timeout=0.5)


@pytest.fixture
def config(make_config, sqlite_database_template):
    """RPC keeps no data: one backend is enough."""
    EXECUTED.clear()
    return make_config(sqlite_database_template)


@pytest.fixture
def caller(config, start_service):
    return start_service(Caller, config)


def call(container, *args):
    with entrypoint_hook(container, "call") as hook:
        return hook(*args)


def test_a_call_to_a_stopped_service_times_out_and_is_never_executed_late(
    config, start_service, caller
):
    target = start_service(Target, config)  # declares its queue
    target.kill()
    with pytest.raises(GatewayTimeout):
        call(caller, "record", "too late")
    start_service(Target, config)
    assert call(caller, "record", "in time") == "in time"
    wait_for(lambda: "in time" in EXECUTED)
    assert "too late" not in EXECUTED


def test_service_errors_arrive_with_their_fields(config, start_service, caller):
    start_service(Target, config)
    with pytest.raises(ValidationFailed) as failure:
        call(caller, "refuse")
    assert failure.value.errors == [
        FieldError("members.0.national_id", "check digit does not match")
    ]
