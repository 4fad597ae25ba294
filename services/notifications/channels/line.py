"""LINE Messaging API push (LINE Notify closed in 2025), to a configurable endpoint.

The delivery id is the `X-Line-Retry-Key`: a retried push LINE already accepted answers 409 and
is not sent twice."""

from __future__ import annotations

from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    MessagingApi,
    PushMessageRequest,
    TextMessage,
)

from services.notifications.channels import DeliveryFailed, Outgoing
from services.notifications.settings import LineSettings

MAX_TEXT = 5000
ALREADY_ACCEPTED = 409


class LineSender:
    def __init__(self, settings: LineSettings) -> None:
        self.configuration = Configuration(
            host=settings.endpoint, access_token=settings.channel_access_token
        )
        self.timeout = settings.timeout

    def send(self, outgoing: Outgoing) -> None:
        if not outgoing.address:
            raise DeliveryFailed("line: no user id")
        text = f"{outgoing.title}\n{outgoing.body}"[:MAX_TEXT]
        request = PushMessageRequest(to=outgoing.address, messages=[TextMessage(text=text)])
        try:
            with ApiClient(self.configuration) as client:
                MessagingApi(client).push_message(
                    request, x_line_retry_key=outgoing.delivery_id, _request_timeout=self.timeout
                )
        except ApiException as exc:
            if exc.status != ALREADY_ACCEPTED:
                raise DeliveryFailed(f"line: HTTP {exc.status}") from None
        except Exception as exc:  # urllib3 and socket errors: the endpoint is unreachable or slow
            raise DeliveryFailed(f"line: {type(exc).__name__}") from None
