"""A stop that cannot finish (a worker stuck) says what it waits on, gives up and exits 1."""

import time

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.support.processes import environment, log_tail, start_module, stop_with_sigterm
from tests.support.waiting import wait_for


@pytest.fixture
def config(make_config, sqlite_database_template):
    """The stuck service keeps no data: one backend is enough."""
    return make_config(sqlite_database_template)


def test_a_stuck_worker_turns_the_stop_into_a_kill_that_names_where_it_hangs(config, tmp_path):
    log_path = tmp_path / "stuck.log"
    env = environment(AMQP_URI=config["AMQP_URI"], SLOW_STOP_SECONDS=1, STOP_SECONDS=3)
    service = start_module(
        "infra.runner", "tests.support.stuck_service:StuckService", env=env, log_path=log_path
    )
    try:
        with ClusterRpcProxy(config, timeout=2) as proxy:
            wait_for(lambda: _answers(proxy), timeout=30, what="the stuck service to start")
            proxy.stuck.hang_forever.call_async()
            wait_for(lambda: "stuck.worker_started" in log_path.read_text(), timeout=30)
            began = time.monotonic()
            exit_code = stop_with_sigterm(service, timeout=30)
        took = time.monotonic() - began
    finally:
        if service.poll() is None:
            service.kill()
    log = log_path.read_text()
    assert exit_code == 1, f"exit code {exit_code}; the log ends:\n{log_tail(log_path)}"
    assert 3 <= took < 20
    assert "runner.stop_slow" in log and "runner.stop_timed_out" in log
    assert "eventlet.sleep(3600)" in log  # the stuck line itself is named


def _answers(proxy) -> bool:
    try:
        return proxy.stuck.ping() == "ok"
    except Exception:  # not consuming yet
        return False
