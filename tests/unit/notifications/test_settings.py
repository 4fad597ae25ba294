"""The NOTIFICATIONS block, channels included, is read once into `Settings`: a bad value is
refused when the settings are read (so it stops the start-up), and the senders are made from it."""

from __future__ import annotations

import pytest

from infra.config import load_config
from services.notifications.channels.email import EmailSender
from services.notifications.channels.line import LineSender
from services.notifications.channels.senders import senders_for
from services.notifications.settings import LineSettings, Settings, SmtpSettings, WebhookSettings


def settings(**block: object) -> Settings:
    return Settings.from_config({"NOTIFICATIONS": block})


def test_the_shipped_configuration_sends_on_webhooks_only_until_a_host_or_token_is_set() -> None:
    shipped = Settings.from_config(load_config())

    assert (shipped.smtp, shipped.webhook, shipped.line) == (
        SmtpSettings(), WebhookSettings(), LineSettings(),
    )  # fmt: skip
    assert shipped.enabled_channels == {"webhook"}
    assert list(senders_for(shipped)) == ["webhook", "system_webhook"]  # systems: webhooks only


def test_the_channel_blocks_are_read_with_their_types() -> None:
    read = settings(
        smtp={"host": "mail.test", "port": "2525", "starttls": "true", "timeout_seconds": "2"},
        webhook={"timeout_seconds": 0.5},
        line={"endpoint": "http://line.test/", "channel_access_token": "t"},
    )

    assert read.smtp == SmtpSettings("mail.test", 2525, starttls=True, timeout=2.0)
    assert (read.webhook.timeout, read.line.endpoint) == (0.5, "http://line.test")
    assert read.enabled_channels == {"email", "line", "webhook"}


@pytest.mark.parametrize(
    "block",
    [
        {"smtp": {"host": "mail.test", "port": "twenty-five"}},
        {"smtp": {"starttls": "perhaps"}},
        {"webhook": {"timeout_seconds": 0}},
        {"line": {"timeout_seconds": "soon"}},
    ],
)
def test_a_bad_channel_value_is_refused_when_the_settings_are_read(block: dict) -> None:
    with pytest.raises(ValueError):
        settings(**block)


def test_the_senders_are_made_from_the_settings_once() -> None:
    read = settings(smtp={"host": "mail.test", "port": 2525}, line={"channel_access_token": "t"})
    senders = senders_for(read)

    assert isinstance(senders["email"], EmailSender) and senders["email"].settings.port == 2525
    assert isinstance(senders["line"], LineSender)
    assert senders_for(settings(smtp={"host": "mail.test", "port": 2525},
                                line={"channel_access_token": "t"})) is senders  # fmt: skip
