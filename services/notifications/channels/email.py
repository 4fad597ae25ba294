"""E-mail over SMTP (optionally STARTTLS and login)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from services.notifications.channels import DeliveryFailed, Outgoing
from services.notifications.settings import SmtpSettings


class EmailSender:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, outgoing: Outgoing) -> None:
        s = self.settings
        message = EmailMessage()
        message["From"] = s.sender
        message["To"] = outgoing.address
        message["Subject"] = outgoing.title
        message["Message-ID"] = f"<{outgoing.delivery_id}@smile.notifications>"
        message.set_content(outgoing.body)
        try:
            with smtplib.SMTP(s.host, s.port, timeout=s.timeout) as smtp:
                if s.starttls:
                    smtp.starttls()
                if s.username:
                    smtp.login(s.username, s.password)
                smtp.send_message(message)
        except smtplib.SMTPResponseException as exc:
            raise DeliveryFailed(f"smtp: {type(exc).__name__} {exc.smtp_code}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryFailed(f"smtp: {type(exc).__name__}") from None
