"""Throw-away RabbitMQ vhosts (through the management API) and a proxy that can cut the
connection.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
import uuid
from urllib.parse import quote, urlsplit

import eventlet
import requests

# no test run or benchmark keeps a vhost this long: an older one is what a killed run left behind
STALE_AFTER_SECONDS = 3 * 3600
THROW_AWAY = re.compile(r"test-(?P<created>[0-9]+)-[0-9a-f]{8}")


def throw_away_name(now: float) -> str:
    return f"test-{int(now)}-{uuid.uuid4().hex[:8]}"


def is_stale(vhost: str, now: float) -> bool:
    named = THROW_AWAY.fullmatch(vhost)
    return bool(named) and now - int(named["created"]) > STALE_AFTER_SECONDS


class RabbitAdmin:
    def __init__(self, api_uri: str) -> None:
        parts = urlsplit(api_uri)
        self.base = f"{parts.scheme}://{parts.hostname}:{parts.port}/api"
        self.auth = (parts.username or "guest", parts.password or "guest")

    def create_vhost(self, user: str = "guest") -> str:
        vhost = throw_away_name(time.time())
        self._put(f"vhosts/{quote(vhost, safe='')}", {})
        self._put(
            f"permissions/{quote(vhost, safe='')}/{user}",
            {"configure": ".*", "write": ".*", "read": ".*"},
        )
        return vhost

    def delete_vhost(self, vhost: str) -> None:
        requests.delete(f"{self.base}/vhosts/{quote(vhost, safe='')}", auth=self.auth, timeout=10)

    def sweep_stale_vhosts(self) -> list[str]:
        """Deletes the throw-away vhosts that killed runs left on this broker: their queues hold
        its file handles (a few per queue, about 900 in all here) across runs."""
        response = requests.get(f"{self.base}/vhosts", auth=self.auth, timeout=10)
        response.raise_for_status()
        now = time.time()
        stale = [vhost["name"] for vhost in response.json() if is_stale(vhost["name"], now)]
        for vhost in stale:
            self.delete_vhost(vhost)
        return stale

    def queue_depth(self, vhost: str, queue: str) -> int:
        return int(self._queue(vhost, queue).get("messages", 0))

    def queue_consumers(self, vhost: str, queue: str) -> int:
        return int(self._queue(vhost, queue).get("consumers", 0))

    def _queue(self, vhost: str, queue: str) -> dict:
        """The management API's view of a queue; empty when there is no such queue."""
        response = requests.get(
            f"{self.base}/queues/{quote(vhost, safe='')}/{quote(queue, safe='')}",
            auth=self.auth,
            timeout=10,
        )
        if response.status_code == 404:
            return {}
        response.raise_for_status()
        return dict(response.json())

    def _put(self, path: str, body: dict[str, str]) -> None:
        response = requests.put(f"{self.base}/{path}", json=body, auth=self.auth, timeout=10)
        response.raise_for_status()


def amqp_uri_for(vhost: str, host: str = "127.0.0.1", port: int = 5672) -> str:
    return f"amqp://guest:guest@{host}:{port}/{quote(vhost, safe='')}"


class CuttableProxy:
    """A TCP proxy to the broker; `cut()` drops every connection and refuses new ones until
    `restore()`.

    The fault is real: the client sees its sockets closed and its reconnects refused.
    """

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5672)) -> None:
        self.target = target
        self.listener = eventlet.listen(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._acceptor = eventlet.spawn(self._accept)

    def cut(self) -> None:
        self.open = False
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:  # the pipes wake up to end of stream and close them themselves
            _shut_down(sock)

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self._acceptor.kill()
        self.listener.close()

    def _accept(self) -> None:
        while True:
            client, _ = self.listener.accept()
            if not self.open:
                _close(client)
                continue
            upstream = eventlet.connect(self.target)
            with self._lock:
                self._sockets.update((client, upstream))
            eventlet.spawn_n(self._pipe, client, upstream)
            eventlet.spawn_n(self._pipe, upstream, client)

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while self.open and (chunk := source.recv(65536)):
                sink.sendall(chunk)
        except (OSError, EOFError):
            pass
        finally:
            _close(source)
            _close(sink)


def _shut_down(sock: socket.socket) -> None:
    """Cut the connection but leave the descriptor open: the greenthread reading it must wake up
    (to end of stream) and close it. Closing it under a blocked reader would leave the reader's
    hub listener on a descriptor number that the next connection opened (PostgreSQL's, made in C,
    unseen by eventlet) may reuse: eventlet then refuses it as a second simultaneous read."""
    if sock.fileno() >= 0:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _close(sock: socket.socket) -> None:
    """Close once: closing an already-closed green socket again would mark whatever socket has since
    reused its file descriptor as closed too."""
    if sock.fileno() < 0:
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
