"""Three RabbitMQ nodes of the test's own on this machine, clustered, that a test may kill -9 one at
a time and start again without disturbing the machine's broker.

Each node is an `OwnBroker` (own node name, AMQP and distribution ports, folders) sharing one
Erlang cookie; the second and third join the first. Clients list every node in AMQP_URI (kombu's
failover alternates, `uri_for`), so they move to another node when theirs dies.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support.own_broker import OwnBroker
from tests.support.waiting import wait_for

SIZE = 3
REJOIN_SECONDS = 60


class BrokerCluster:
    def __init__(self, folder: Path, size: int = SIZE) -> None:
        self.folder = folder
        cookie = secrets.token_hex(20)
        self.nodes = [self._node(folder / f"node{number}", cookie) for number in range(size)]

    @staticmethod
    def _node(folder: Path, cookie: str) -> OwnBroker:
        folder.mkdir(parents=True)
        folder.chmod(0o755)
        return OwnBroker(folder, cookie=cookie)

    @property
    def first(self) -> OwnBroker:
        return self.nodes[0]

    def start(self) -> None:
        """Boot every node side by side, then join the others to the first."""
        for node in self.nodes:
            node.launch()
        for node in self.nodes:
            node.wait_until_listening()
        for node in self.nodes[1:]:
            node.ctl("stop_app")
            node.ctl("join_cluster", self.first.node)
            node.ctl("start_app")
            node.wait_until_listening()
        assert self.running_nodes() == {node.node for node in self.nodes}, self.running_nodes()

    def stop(self) -> None:
        """kill -9 every node and remove their folders (also after a failed test)."""
        for node in self.nodes:
            node.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def uri_for(self, vhost: str) -> str:
        """AMQP_URI naming every node of the cluster, in order (kombu fails over to the next)."""
        return ";".join(node.uri_for(vhost) for node in self.nodes)

    def add_vhost(self, vhost: str) -> None:
        self._running_node().ctl("add_vhost", vhost)
        self._running_node().ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")

    def delete_vhost(self, vhost: str) -> None:
        """Its queues and their files go (best effort: the cluster goes at the session's end)."""
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self._running_node().ctl("delete_vhost", vhost)

    def running_nodes(self) -> set[str]:
        status = json.loads(self._running_node().ctl("cluster_status", "--formatter", "json"))
        return set(status["running_nodes"])

    def queues(self, vhost: str) -> list[dict[str, Any]]:
        """Every queue of `vhost`: name, type, leader (quorum queues), online members, messages."""
        columns = ("name", "type", "leader", "online", "messages")
        text = self._running_node().ctl(
            "list_queues", "-p", vhost, *columns, "--formatter", "json", "--quiet"
        )
        return list(json.loads(text))

    def leader_of_most(self, vhost: str, names: set[str]) -> OwnBroker:
        """The node that leads most of the named queues."""
        leaders = Counter(q["leader"] for q in self.queues(vhost) if q["name"] in names)
        assert leaders, f"none of {sorted(names)} in {vhost}"
        busiest = leaders.most_common(1)[0][0]
        return next(node for node in self.nodes if node.node == busiest)

    def restart(self, node: OwnBroker) -> None:
        """Start a killed node again and wait until the cluster counts it running again."""
        node.start()
        wait_for(
            lambda: node.node in self.running_nodes(),
            timeout=REJOIN_SECONDS,
            interval=1,
            what=f"{node.node} to rejoin the cluster",
        )

    def _running_node(self) -> OwnBroker:
        return next(node for node in self.nodes if node.process is not None)
