"""Events to outside systems' endpoints, signed per Standard Webhooks with the subscription's
secret (`webhook.post_signed`); the body is the event as `/api/v1/events` shows it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from services.notifications.channels import DeliveryFailed
from services.notifications.channels.webhook import post_signed
from services.notifications.settings import WebhookSettings
from services.notifications.vocabulary import SYSTEM_WEBHOOK


@dataclass(frozen=True)
class SystemOutgoing:
    delivery_id: str
    address: str | None  # None: the subscription is gone or paused
    secret: str | None
    body: dict[str, Any] | None  # None: the event is no longer kept
    channel: str = SYSTEM_WEBHOOK


class SystemWebhookSender:
    def __init__(self, settings: WebhookSettings) -> None:
        self.timeout = settings.timeout

    def send(self, outgoing: SystemOutgoing) -> None:
        if not outgoing.address or not outgoing.secret:
            raise DeliveryFailed(f"{SYSTEM_WEBHOOK}: no active subscription")
        if outgoing.body is None:
            raise DeliveryFailed(f"{SYSTEM_WEBHOOK}: the event is no longer kept")
        body = json.dumps(outgoing.body, ensure_ascii=False)
        post_signed(
            outgoing.address, outgoing.secret, outgoing.delivery_id, body, self.timeout,
            SYSTEM_WEBHOOK,
        )  # fmt: skip
