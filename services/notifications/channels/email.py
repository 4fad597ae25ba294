"""E-mail over SMTP (optionally STARTTLS and login)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from typing import Any

from services.notifications.channels import DeliveryFailed, Outgoing


class EmailSender:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.host = str(settings["host"])
        self.port = int(settings.get("port", 25))
        self.sender = str(settings.get("sender", "smile@localhost"))
        self.username = settings.get("username") or None
        self.password = settings.get("password") or ""
        self.starttls = bool(settings.get("starttls", False))
        self.timeout = float(settings.get("timeout_seconds", 10))

    def send(self, outgoing: Outgoing) -> None:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = outgoing.address
        message["Subject"] = outgoing.title
        message["Message-ID"] = f"<{outgoing.delivery_id}@smile.notifications>"
        message.set_content(outgoing.body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.username:
                    smtp.login(self.username, self.password)
                smtp.send_message(message)
        except smtplib.SMTPResponseException as exc:
            raise DeliveryFailed(f"smtp: {type(exc).__name__} {exc.smtp_code}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryFailed(f"smtp: {type(exc).__name__}") from None
