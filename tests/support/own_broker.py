"""A RabbitMQ node of the test's own, on its own ports, that a test may kill -9 and start again
without disturbing the machine's broker (which every other test uses).

A second node on one host needs its own node name, AMQP and distribution ports, configuration file
(the machine's rabbitmq.conf pins the listener to 5672), and data and log folders owned by the
`rabbitmq` user. Its data survives a kill: durable queues and persistent messages come back.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import uuid
from pathlib import Path

from tests.support.waiting import wait_for

BOOT_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def available() -> bool:
    """A node is started as the `rabbitmq` user, which needs root (as `make test` runs here)."""
    return os.geteuid() == 0 and bool(shutil.which("rabbitmq-server") and shutil.which("runuser"))


class OwnBroker:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.node = f"smiletest{uuid.uuid4().hex[:8]}@localhost"
        self.process: subprocess.Popen[bytes] | None = None
        self._prepare()

    @property
    def uri(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/"

    def start(self) -> None:
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 (the child owns it)
        self.process = subprocess.Popen(
            ["runuser", "-u", "rabbitmq", "--", "env", *self._settings(), "rabbitmq-server"],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # one process group: kill() reaches the Erlang VM too
            cwd=self.folder,
        )
        wait_for(self.listening, timeout=BOOT_SECONDS, interval=0.2, what="the test broker")

    def kill(self) -> None:
        """kill -9 the whole node (as a crash or an OOM kill would), and wait until it is gone."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None
        wait_for(lambda: not self.listening(), timeout=10, what="the test broker to go")

    def listening(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            return False
        return True

    def _prepare(self) -> None:
        for folder in ("mnesia", "log"):
            (self.folder / folder).mkdir(parents=True, exist_ok=True)
        (self.folder / "rabbitmq.conf").write_text(f"listeners.tcp.local = 127.0.0.1:{self.port}\n")
        (self.folder / "enabled_plugins").write_text("[].\n")
        shutil.chown(self.folder, "rabbitmq", "rabbitmq")
        for path in self.folder.rglob("*"):
            shutil.chown(path, "rabbitmq", "rabbitmq")

    def _settings(self) -> list[str]:
        folder = self.folder
        return [
            f"HOME={folder}",
            f"RABBITMQ_NODENAME={self.node}",
            f"RABBITMQ_NODE_PORT={self.port}",
            f"RABBITMQ_DIST_PORT={free_port()}",
            f"RABBITMQ_CONFIG_FILE={folder / 'rabbitmq.conf'}",
            f"RABBITMQ_ENABLED_PLUGINS_FILE={folder / 'enabled_plugins'}",
            f"RABBITMQ_MNESIA_BASE={folder / 'mnesia'}",
            f"RABBITMQ_LOG_BASE={folder / 'log'}",
            f"RABBITMQ_PID_FILE={folder / 'node.pid'}",
        ]
