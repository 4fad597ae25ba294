"""The system webhook sender against a real HTTP receiver on loopback: the body signed per
Standard Webhooks with the subscription's secret; a refusal, a missing subscription or a pruned
event is a `DeliveryFailed` naming no address."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from services.notifications.channels import DeliveryFailed
from services.notifications.channels.system_webhook import SystemOutgoing, SystemWebhookSender
from services.notifications.settings import WebhookSettings
from services.notifications.usecases.subscribers import new_secret

SECRET = new_secret()
BODY = {"event_id": "e1", "event_type": "visit_overdue", "data": {"household_id": "h1"}}


class Receiver(BaseHTTPRequestHandler):
    status = 204
    seen: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        Receiver.seen.append((dict(self.headers.items()), body))
        self.send_response(Receiver.status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Receiver.seen, Receiver.status = [], 204
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()


def send(url: str | None, body: dict[str, Any] | None = BODY) -> None:
    outgoing = SystemOutgoing("d1", url, SECRET if url else None, body)
    SystemWebhookSender(WebhookSettings(timeout=2)).send(outgoing)


def test_the_body_is_signed_per_standard_webhooks(receiver):
    send(receiver)
    [(headers, body)] = Receiver.seen
    lowered = {k.lower(): v for k, v in headers.items()}
    assert Webhook(SECRET).verify(body, lowered) == BODY
    assert lowered["webhook-id"] == "d1" and json.loads(body) == BODY
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(body, lowered)


def test_a_refusal_is_a_failure_that_names_the_status_only(receiver):
    Receiver.status = 500
    with pytest.raises(DeliveryFailed, match=r"^system_webhook: HTTP 500$"):
        send(receiver)


def test_no_subscription_or_no_event_fails_without_sending(receiver):
    with pytest.raises(DeliveryFailed, match="no active subscription"):
        send(None)
    with pytest.raises(DeliveryFailed, match="no longer kept"):
        send(receiver, None)
    assert Receiver.seen == []
