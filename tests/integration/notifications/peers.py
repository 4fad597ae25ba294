"""Real protocol peers on loopback: an SMTP server (separate process) and an HTTP server that
verifies Standard Webhooks signatures and LINE push requests. Nothing leaves the machine."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import eventlet
from eventlet import wsgi
from standardwebhooks import Webhook

from infra.config import PROJECT_ROOT
from tests.support.ports import free_port
from tests.support.waiting import wait_for


class SmtpPeer:
    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder, self.port = folder, port or free_port()
        folder.mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> SmtpPeer:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.notifications.smtp_peer", str(self.port),
             str(self.folder)],
            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == b"ready"
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)

    def mails(self) -> list[dict[str, Any]]:
        return [json.loads(p.read_text()) for p in sorted(self.folder.glob("*.json"))]

    def mails_to(self, address: str) -> list[dict[str, Any]]:
        return [m for m in self.mails() if address in m["to"]]


@dataclass
class HttpPeer:
    """Answers webhooks and LINE pushes; `script` gives the status (or 'hang') of each request."""

    secrets: dict[str, str] = field(default_factory=dict)  # path -> webhook secret
    line_token: str = "line-test-token"
    script: list[int | str] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0

    def start(self) -> HttpPeer:
        listener = eventlet.listen(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        self._server = eventlet.spawn(wsgi.server, listener, self._app, log_output=False)
        return self

    def stop(self) -> None:
        self._server.kill()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        headers = {
            k[5:].lower().replace("_", "-"): v for k, v in environ.items() if k.startswith("HTTP_")
        }
        path = environ["PATH_INFO"]
        record = {"path": path, "headers": headers, "body": json.loads(body or b"null")}
        record["verified"] = self._verify(path, body, headers)
        self.received.append(record)
        answer = self.script.pop(0) if self.script else 200
        if answer == "hang":
            eventlet.sleep(30)
            answer = 200
        start_response(f"{answer} X", [("Content-Type", "application/json")])
        return [b'{"sentMessages": []}']

    def _verify(self, path: str, body: bytes, headers: dict[str, str]) -> bool:
        if path == "/v2/bot/message/push":
            return headers.get("authorization") == f"Bearer {self.line_token}"
        secret = self.secrets.get(path)
        if secret is None:
            return False
        try:
            Webhook(secret).verify(body, headers)
        except Exception:
            return False
        return True

    def at(self, path: str) -> list[dict[str, Any]]:
        return [r for r in self.received if r["path"] == path]


def wait_mail(smtp: SmtpPeer, address: str, count: int = 1) -> list[dict[str, Any]]:
    return wait_for(lambda: len(smtp.mails_to(address)) >= count and smtp.mails_to(address),
                    what=f"{count} mail(s) to {address}")  # fmt: skip
