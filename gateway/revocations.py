"""Tokens revoked the moment a person's access changes, not when they expire.

A builtin token carries roles, areas and teams for its lifetime (TOKEN_MINUTES). When teams says a
person was deactivated, changed, changed their password, or left a Smile Team, the gateway records
"refuse their tokens issued before now" in its own database (an idempotent max-upsert, so a
repeated event changes nothing); every gateway replica keeps a snapshot of that table, refreshed
every couple of seconds, and refuses such tokens with 401: the person signs in again and gets a
token with what is true now.

Signing the web app out revokes that one session's token (its `jti`), not the person's others (a
phone stays signed in when the desk signs out): kept until the token would have expired.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import eventlet
from nameko.extensions import DependencyProvider, SharedExtension
from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from gateway.db import revocations as table
from gateway.db import signed_out_tokens
from infra.config import database_url
from infra.engines import make_engine
from infra.logs import get_logger

log = get_logger(__name__)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Revocations(SharedExtension):
    def setup(self) -> None:
        config = self.container.config
        self.engine = make_engine(database_url(config, "gateway"), green=True)
        self.refresh_seconds = float(config.get("AUTH", {}).get("revocation_refresh_seconds", 2))
        self._not_before: dict[str, float] = {}
        self._seen_until = EPOCH
        self._signed_out: dict[str, float] = {}  # token id: when the token expires
        self._signed_out_seen = EPOCH

    def start(self) -> None:
        self.refresh()
        self._thread = self.container.spawn_managed_thread(
            self._keep_fresh, identifier="revocations"
        )

    def stop(self) -> None:
        self._thread.kill()
        self.engine.dispose()

    def revoked(self, person_id: str, issued_at: int) -> bool:
        """Tokens carry their issue time in whole seconds: one issued in the very second of a
        change is refused too (the person signs in again a moment later)."""
        return issued_at < self._not_before.get(person_id, 0.0)

    def revoke(self, person_id: str, not_before: datetime) -> None:
        now = datetime.now(UTC)
        with self.engine.begin() as connection:
            insert = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert
            statement = insert(table).values(
                person_id=person_id, not_before=not_before, updated_at=now
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[table.c.person_id],
                    set_={
                        "not_before": func.max(table.c.not_before, statement.excluded.not_before)
                        if connection.dialect.name == "sqlite"
                        else func.greatest(table.c.not_before, statement.excluded.not_before),
                        "updated_at": now,
                    },
                )
            )
        self.refresh()

    def signed_out(self, token_id: str | None) -> bool:
        return token_id is not None and token_id in self._signed_out

    def sign_out(self, token_id: str, expires_at: datetime) -> None:
        """Refuse this one token from now on (idempotent); forget tokens that have expired."""
        now = datetime.now(UTC)
        with self.engine.begin() as connection:
            insert = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert
            row = {"token_id": token_id, "expires_at": expires_at, "signed_out_at": now}
            connection.execute(insert(signed_out_tokens).values(row).on_conflict_do_nothing())
            connection.execute(
                delete(signed_out_tokens).where(signed_out_tokens.c.expires_at < now)
            )
        self.refresh()

    def refresh(self) -> None:
        query = select(table).where(table.c.updated_at >= self._seen_until)
        out = select(signed_out_tokens).where(
            signed_out_tokens.c.signed_out_at >= self._signed_out_seen
        )
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                self._not_before[row.person_id] = row.not_before.timestamp()
                self._seen_until = max(self._seen_until, row.updated_at)
            for row in connection.execute(out):
                self._signed_out[row.token_id] = row.expires_at.timestamp()
                self._signed_out_seen = max(self._signed_out_seen, row.signed_out_at)
        now = datetime.now(UTC).timestamp()
        self._signed_out = {key: exp for key, exp in self._signed_out.items() if exp > now}

    def _keep_fresh(self) -> None:
        while True:
            eventlet.sleep(self.refresh_seconds)
            try:
                self.refresh()
            except Exception as exc:  # keep the last snapshot; try again at the next tick
                log.warning("revocations.refresh_failed", error=repr(exc))


class RevocationList(DependencyProvider):
    revocations = Revocations()

    def get_dependency(self, worker_ctx: Any) -> Revocations:
        return self.revocations
