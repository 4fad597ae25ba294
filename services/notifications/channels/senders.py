"""The senders of the channels this deployment has, made from the service's settings (read once
when the container starts: a bad value stops the start-up, never the first delivery)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from services.notifications.channels import Sender
from services.notifications.channels.email import EmailSender
from services.notifications.channels.line import LineSender
from services.notifications.channels.system_webhook import SystemWebhookSender
from services.notifications.channels.webhook import WebhookSender
from services.notifications.settings import LineSettings, Settings, SmtpSettings, WebhookSettings


def senders_for(settings: Settings) -> Mapping[str, Sender]:
    return _senders(settings.smtp, settings.webhook, settings.line)


@cache
def _senders(
    smtp: SmtpSettings, webhook: WebhookSettings, line: LineSettings
) -> Mapping[str, Sender]:
    senders: dict[str, Sender] = {
        "webhook": WebhookSender(webhook),
        "system_webhook": SystemWebhookSender(webhook),
    }
    if smtp.host:
        senders["email"] = EmailSender(smtp)
    if line.channel_access_token:
        senders["line"] = LineSender(line)
    return MappingProxyType(senders)
