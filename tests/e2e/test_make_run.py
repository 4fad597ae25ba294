"""`make run` as a new user runs it: healthy within a minute; SIGTERM to `make` stops every
process.
"""

import signal
import subprocess
import time
from pathlib import Path

from infra.config import PROJECT_ROOT
from tests.e2e.conftest import System, prepared_environment
from tests.support.waiting import wait_for


def processes_with(marker: str) -> list[int]:
    """Processes whose environment mentions `marker` (this test's own data folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def test_make_run_answers_health_then_stops_cleanly_on_sigterm(rabbit_admin, tmp_path):
    vhost = rabbit_admin.create_vhost()
    env = prepared_environment(tmp_path, vhost)
    started = time.monotonic()
    with open(tmp_path / "make-run.log", "wb") as log:
        make = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    system = System(f"http://{env['GATEWAY_ADDRESS']}", env, tmp_path)
    try:
        wait_for(system.healthy, timeout=60, interval=0.5, what="make run to answer /health")
        assert time.monotonic() - started < 60
        make.send_signal(signal.SIGTERM)
        make.wait(timeout=30)
        wait_for(
            lambda: not processes_with(env["DATA_DIR"]),
            timeout=40,
            what="every process of `make run` to stop",
        )
        assert "launcher: stopped" in (tmp_path / "make-run.log").read_text()
    finally:
        for pid in processes_with(env["DATA_DIR"]):
            subprocess.run(["kill", "-9", str(pid)], check=False)
        rabbit_admin.delete_vhost(vhost)
