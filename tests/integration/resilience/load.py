"""Clients that keep a gateway busy until it refuses them, recording what every request got."""

from __future__ import annotations

from dataclasses import dataclass, field

import eventlet
import requests

PATHS = ("/api/v1/me/summary", "/api/v1/people?limit=5")


@dataclass
class Outcomes:
    ok: int = 0
    refused_with_retry_after: int = 0
    wrong: list[str] = field(default_factory=list)  # answered, but neither 2xx nor a proper 503
    unanswered: list[str] = field(default_factory=list)  # sent, and the connection dropped
    connections_refused: int = 0  # never sent: the gateway's port was closed

    def answered(self) -> int:
        return self.ok + self.refused_with_retry_after + len(self.wrong)


def load_until_refused(
    url: str, token: str, clients: int, outcomes: Outcomes
) -> list[eventlet.greenthread.GreenThread]:
    """`clients` green threads, each sending requests one after the other (a new connection each
    time) until it gets a 503 with Retry-After (a polite client then waits, and finds the gateway
    gone) or its connection is refused (the gateway has closed its port)."""
    headers = {"Authorization": f"Bearer {token}"}
    return [
        eventlet.spawn(_client, url + PATHS[number % len(PATHS)], headers, outcomes)
        for number in range(clients)
    ]


def _client(url: str, headers: dict[str, str], outcomes: Outcomes) -> None:
    while True:
        try:
            answer = requests.get(url, headers=headers, timeout=60)
        except requests.RequestException as exc:
            if "NewConnectionError" not in repr(exc):  # it was sent: the gateway dropped it
                outcomes.unanswered.append(repr(exc))
            else:
                outcomes.connections_refused += 1
            return
        if 200 <= answer.status_code < 300:
            outcomes.ok += 1
        elif answer.status_code == 503 and answer.headers.get("Retry-After"):
            outcomes.refused_with_retry_after += 1
            return
        else:
            outcomes.wrong.append(f"{answer.status_code} {answer.text[:200]}")
