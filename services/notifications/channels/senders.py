"""The configured senders, injected into the delivery worker."""

from __future__ import annotations

from typing import Any

from nameko.extensions import DependencyProvider

from services.notifications.channels import Sender
from services.notifications.channels.email import EmailSender
from services.notifications.channels.line import LineSender
from services.notifications.channels.webhook import WebhookSender
from services.notifications.settings import Settings


def build_senders(settings: Settings) -> dict[str, Sender]:
    senders: dict[str, Sender] = {"webhook": WebhookSender(settings.webhook)}
    if settings.smtp.get("host"):
        senders["email"] = EmailSender(settings.smtp)
    if settings.line.get("channel_access_token"):
        senders["line"] = LineSender(settings.line)
    return senders


class ChannelSenders(DependencyProvider):
    def setup(self) -> None:
        self.senders = build_senders(Settings.from_config(self.container.config))

    def get_dependency(self, worker_ctx: Any) -> dict[str, Sender]:
        return self.senders
