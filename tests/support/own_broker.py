"""A RabbitMQ node of the test's own, on its own ports, that a test may kill -9 and start again
without disturbing the machine's broker (which every other test uses).

A second node on one host needs its own node name, AMQP and distribution ports, configuration file
(the machine's rabbitmq.conf pins the listener to 5672), and data and log folders owned by the
`rabbitmq` user. Its data survives a kill: durable queues and persistent messages come back.
Nodes given the same Erlang `cookie` may form a cluster (tests/support/broker_cluster.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote

from tests.support.ports import free_port, port_open
from tests.support.waiting import wait_for

BOOT_SECONDS = 90
OPEN_FILES = 65536  # quorum queues take about three file handles each
# The Debian package's scripts: its wrappers in /usr/sbin send the server's output to the machine
# broker's startup log and give the CLI the machine broker's HOME (and so its Erlang cookie).
SCRIPTS = Path("/usr/lib/rabbitmq/bin")


def available() -> bool:
    """A node is started as the `rabbitmq` user, which needs root (as `make test` runs here)."""
    return os.geteuid() == 0 and bool(shutil.which("rabbitmq-server") and shutil.which("runuser"))


def script(name: str) -> str:
    return str(SCRIPTS / name) if (SCRIPTS / name).exists() else name


# runuser resets the soft limit of open files (to 1024): the node's shell raises it to the hard one
RAISED_OPEN_FILES = (
    f'hard=$(ulimit -H -n); [ "$hard" = unlimited ] && hard={OPEN_FILES}; '
    f'ulimit -S -n $((hard < {OPEN_FILES} ? hard : {OPEN_FILES})); exec "$@"'
)


class OwnBroker:
    def __init__(self, folder: Path, cookie: str | None = None) -> None:
        self.folder = folder
        self.port = free_port()
        self.dist_port = free_port()
        self.node = f"smiletest{uuid.uuid4().hex[:8]}@localhost"
        self.process: subprocess.Popen[bytes] | None = None
        self._prepare(cookie)

    @property
    def uri(self) -> str:
        return self.uri_for("")

    def uri_for(self, vhost: str) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/{quote(vhost, safe='')}"

    def start(self) -> None:
        self.launch()
        self.wait_until_listening()

    def launch(self) -> None:
        """Start the node without waiting for it (nodes of a cluster boot side by side)."""
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 (the child owns it)
        server = ["env", *self._settings(), script("rabbitmq-server")]
        self.process = subprocess.Popen(
            ["runuser", "-u", "rabbitmq", "--", "bash", "-c", RAISED_OPEN_FILES, "node", *server],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # one process group: kill() reaches the Erlang VM too
            cwd=self.folder,
        )

    def wait_until_listening(self) -> None:
        wait_for(self.listening, timeout=BOOT_SECONDS, interval=0.2, what="the test broker")

    def ctl(self, *args: str, timeout: float = 60) -> str:
        """`rabbitmqctl -n <this node> args...` as the node's user, with its Erlang cookie."""
        ctl = [script("rabbitmqctl"), "-n", self.node, *args]
        done = subprocess.run(
            ["runuser", "-u", "rabbitmq", "--", "env", f"HOME={self.folder}", *ctl],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.folder,
        )
        if done.returncode != 0:
            raise RuntimeError(f"rabbitmqctl {' '.join(args)}: {done.stderr.strip()[-800:]}")
        return done.stdout

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
        return port_open(self.port)

    def _prepare(self, cookie: str | None) -> None:
        for folder in ("mnesia", "log"):
            (self.folder / folder).mkdir(parents=True, exist_ok=True)
        (self.folder / "rabbitmq.conf").write_text(f"listeners.tcp.local = 127.0.0.1:{self.port}\n")
        (self.folder / "enabled_plugins").write_text("[].\n")
        if cookie is not None:  # else Erlang makes one at the first start
            (self.folder / ".erlang.cookie").write_text(cookie)
            (self.folder / ".erlang.cookie").chmod(0o400)
        shutil.chown(self.folder, "rabbitmq", "rabbitmq")
        for path in self.folder.rglob("*"):
            shutil.chown(path, "rabbitmq", "rabbitmq")

    def _settings(self) -> list[str]:
        folder = self.folder
        return [
            f"HOME={folder}",
            f"RABBITMQ_NODENAME={self.node}",
            f"RABBITMQ_NODE_PORT={self.port}",
            f"RABBITMQ_DIST_PORT={self.dist_port}",
            f"RABBITMQ_CONFIG_FILE={folder / 'rabbitmq.conf'}",
            f"RABBITMQ_ENABLED_PLUGINS_FILE={folder / 'enabled_plugins'}",
            f"RABBITMQ_MNESIA_BASE={folder / 'mnesia'}",
            f"RABBITMQ_LOG_BASE={folder / 'log'}",
            f"RABBITMQ_PID_FILE={folder / 'node.pid'}",
        ]
