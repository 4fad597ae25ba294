"""Delivery channels: e-mail over SMTP, signed webhooks, LINE Messaging API push.

A sender either returns (delivered) or raises `DeliveryFailed` with a short text that names what
failed and never the address or the message (both are personal data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class DeliveryFailed(Exception):
    pass


@dataclass(frozen=True)
class Outgoing:
    delivery_id: str
    channel: str
    address: str | None
    notification_id: str
    kind: str
    title: str
    body: str
    subject_id: str
    area_code: str
    escalation_id: str | None
    created_at: datetime
    webhook_secret: str | None = None


class Sender(Protocol):
    def send(self, outgoing: Outgoing) -> None: ...
