"""A real SMTP server (aiosmtpd) for the tests, run as its own process (eventlet patches the test
process): each message it receives is written as a JSON file into a folder.

    python -m tests.integration.notifications.smtp_peer PORT FOLDER
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        record = {
            "to": list(envelope.rcpt_tos),
            "from": envelope.mail_from,
            "subject": str(message["subject"]),
            "message_id": str(message["message-id"]),
            "body": message.get_content(),
        }
        path = self.folder / f"{uuid.uuid4().hex}.json"
        path.with_suffix(".tmp").write_text(json.dumps(record, ensure_ascii=False))
        path.with_suffix(".tmp").rename(path)
        return "250 OK"


def main() -> None:
    port, folder = int(sys.argv[1]), Path(sys.argv[2])
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.run(asyncio.sleep(3600))
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
