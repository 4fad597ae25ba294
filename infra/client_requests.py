"""Resendable commands: a phone that lost the answer sends the same command again with the same
client key, and gets the first answer again instead of a second change.

Every service database that takes resendable commands carries one `client_requests` table (like
the inbox): under (scope, client key) it keeps the command's name, a fingerprint of what was
asked and the answer as the caller received it, written in the transaction of the change. The
scope is what a key is unique within (a group, a household, the person registering)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, Text, bindparam, insert, select
from sqlalchemy.orm import Session

from infra.errors import Conflict, FieldError
from infra.tables import UtcDateTime

CLIENT_KEY_LENGTH = 100
# Kept for keys taken before their requests' fingerprints were: any request with the key and the
# same command replays the first answer (a migration moving older keys here writes it).
UNKNOWN_FINGERPRINT = ""


def add_client_requests_table(metadata: MetaData) -> Table:
    return Table(
        "client_requests",
        metadata,
        Column("scope", String(100), primary_key=True),
        Column("client_key", String(CLIENT_KEY_LENGTH), primary_key=True),
        Column("command", String(40), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("result", Text, nullable=False),
        Column("created_at", UtcDateTime, nullable=False),
    )


class ClientRequests:
    """The answers kept under (scope, client key): the repository a unit of work offers."""

    def __init__(self, session: Session, table: Table) -> None:
        self.session = session
        self.table = table
        self._answer = select(table).where(
            table.c.scope == bindparam("scope"), table.c.client_key == bindparam("client_key")
        )

    def get(self, scope: str, client_key: str) -> tuple[str, str, Any] | None:
        """(command, fingerprint, answer) stored under the key, if any."""
        given = {"scope": scope, "client_key": client_key}
        row = self.session.execute(self._answer, given).first()
        return (row.command, row.fingerprint, json.loads(row.result)) if row else None

    def add(
        self,
        scope: str,
        client_key: str,
        command: str,
        fingerprint: str,
        answer: Any,
        now: datetime,
    ) -> None:
        row = {
            "scope": scope,
            "client_key": client_key,
            "command": command,
            "fingerprint": fingerprint,
            "result": json.dumps(answer, ensure_ascii=False, default=str),
            "created_at": now,
        }
        self.session.execute(insert(self.table), [row])


class ClientKey:
    """A resendable command's key: a resend with the same key gets the first answer again, and
    the same key with a different request is refused (409 naming `client_key`).

    The first answer is stored as the caller received it, in the transaction of the change, so a
    use case of a resendable command is given the entrypoint's `render` and answers with it."""

    def __init__(self, command: str, target_id: str, payload: dict[str, Any]) -> None:
        self.command = command
        self.key: str | None = payload.get("client_key")
        body = {k: v for k, v in payload.items() if k != "client_key"}
        canonical = json.dumps([command, target_id, body], sort_keys=True, default=str)
        self.fingerprint = hashlib.sha256(canonical.encode()).hexdigest()

    def answered(self, requests: ClientRequests, scope: str) -> Any | None:
        """The first answer to this request, if it was made before (None: do the work)."""
        if self.key is None:
            return None
        stored = requests.get(scope, self.key)
        if stored is None:
            return None
        command, fingerprint, answer = stored
        if command != self.command or fingerprint not in (self.fingerprint, UNKNOWN_FINGERPRINT):
            raise Conflict(
                "this client key was already used for a different request",
                [FieldError("client_key", "already used for a different request")],
            )
        return answer

    def remember(self, requests: ClientRequests, scope: str, answer: Any, now: datetime) -> Any:
        """Keep `answer` for a resend (when the request has a key) and hand it back."""
        if self.key is not None:
            requests.add(scope, self.key, self.command, self.fingerprint, answer, now)
        return answer
