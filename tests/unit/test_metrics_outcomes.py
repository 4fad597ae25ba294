"""How an RPC's outcome is named in the metrics: a refusal (4xx) is not an error."""

from infra.errors import GatewayTimeout, NotFound, ServiceUnavailable, ValidationFailed
from infra.metrics import rpc_outcome


def test_outcomes_tell_refusals_from_failures() -> None:
    assert rpc_outcome(None) == "ok"
    assert rpc_outcome(NotFound("household 1 not found")) == "refused"
    assert rpc_outcome(ValidationFailed.on("name", "required")) == "refused"
    assert rpc_outcome(GatewayTimeout("households did not answer")) == "timeout"
    assert rpc_outcome(ServiceUnavailable("broker unreachable")) == "unreachable"
    assert rpc_outcome(RuntimeError("a bug")) == "error"
