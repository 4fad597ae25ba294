"""Safe retries from flaky phones: a POST repeated with the same Idempotency-Key gets the first
answer.

The first request claims the key (owner + key) before it runs; its answer is stored when it ends. A
repeat gets the stored answer, a repeat while the first still runs gets 409, and the same key sent
with a different request gets 422. Keys are scoped to the authenticated person, so one person can
never replay another's answer.

A claim is a lease (IDEMPOTENCY_LEASE_SECONDS, by default three RPC deadlines): if the gateway
holding it stopped mid-request, a resend of the same request takes the claim over once the lease has
run out. A failure that promised nothing (5xx) releases the claim. A 504 is different: the service
may still have done the work, so the key stays bound to this request (`unknown`) and a resend of the
same request runs again at once; the routes that create pass the key on to the service, which
answers a repeat with what it did the first time.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import IO, Any

from nameko.extensions import DependencyProvider, SharedExtension
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from werkzeug.wrappers import Request, Response

from gateway.db import idempotency_keys as keys
from infra.config import database_url
from infra.engines import make_engine
from infra.errors import Conflict, ValidationFailed

KEPT_HEADERS = ("Content-Type", "Location", "ETag", "Content-Language", "Vary")
PENDING, DONE, UNKNOWN = "pending", "done", "unknown"
PENDING_RETRY_SECONDS = 2  # a 409 for a key still being handled says when to ask again
LEASE_RPC_DEADLINES = 3
HEADER = "Idempotency-Key"
# One rule for every route, narrow enough for every service's own client key (a UUID fits).
KEY_RULE = re.compile(r"[A-Za-z0-9._:-]{8,64}")
KEY_RULE_TEXT = "8 to 64 ASCII letters, digits or . _ : -"
SPOOL_BYTES = 1024 * 1024
SPOOL_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Claim:
    owner: str
    key: str


class ReplayResponse(Exception):
    """Raised to answer a repeated request with the stored response."""

    def __init__(self, response: Response) -> None:
        super().__init__("replayed")
        self.response = response


def check_key(key: str) -> None:
    """ValidationFailed (422) naming the header when the key breaks the rule."""
    if KEY_RULE.fullmatch(key) is None:
        raise ValidationFailed.on(HEADER, KEY_RULE_TEXT)


def fingerprint(request: Request) -> str:
    """The request's method, path and body, hashed. A JSON body is small and already cached for
    parsing; any other (a BMN file of up to 256 MiB) is hashed as it streams into a spooled copy
    (memory up to SPOOL_BYTES, a temporary file beyond) that becomes the request's stream, so the
    route still reads the whole upload, chunk by chunk."""
    digest = hashlib.sha256(f"{request.method} {request.full_path}\n".encode())
    if request.mimetype == "application/json":
        digest.update(request.get_data(cache=True))
    else:
        request.stream = _spooled_copy(request.stream, digest)
    return digest.hexdigest()


def _spooled_copy(stream: IO[bytes], digest: Any) -> IO[bytes]:
    copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the route reads it)
    for chunk in iter(lambda: stream.read(SPOOL_CHUNK_BYTES), b""):
        digest.update(chunk)
        copy.write(chunk)
    copy.seek(0)
    return copy  # type: ignore[return-value]  # closed (and its file removed) when collected


class IdempotencyStore(SharedExtension):
    def setup(self) -> None:
        config = self.container.config
        self.engine = make_engine(database_url(config, "gateway"), green=True)
        self.keep_for = timedelta(hours=float(config.get("IDEMPOTENCY_HOURS", 24)))
        rpc_deadline = float(config.get("RPC_TIMEOUT_SECONDS", 5))
        lease = config.get("IDEMPOTENCY_LEASE_SECONDS") or LEASE_RPC_DEADLINES * rpc_deadline
        self.lease = timedelta(seconds=float(lease))

    def stop(self) -> None:
        self.engine.dispose()

    def claim(self, owner: str, key: str, request: Request) -> Claim:
        """Claim the key for this request, or raise ReplayResponse / Conflict / ValidationFailed."""
        check_key(key)
        now, digest = datetime.now(UTC), fingerprint(request)
        with self.engine.begin() as connection:
            mine = and_(keys.c.owner == owner, keys.c.key == key)
            connection.execute(delete(keys).where(mine, keys.c.expires_at < now))
            claimed = (
                connection.execute(
                    self._insert(connection.dialect.name).values(
                        owner=owner,
                        key=key,
                        fingerprint=digest,
                        state=PENDING,
                        created_at=now,
                        expires_at=now + self.keep_for,
                    )
                ).rowcount
                == 1
            ) or self._take_over(connection, mine, digest, now)
            row = None if claimed else connection.execute(select(keys).where(mine)).first()
        if row is not None:
            self._refuse_or_replay(row, digest)
        return Claim(owner, key)

    def complete(self, claim: Claim, response: Response) -> None:
        headers = {h: response.headers[h] for h in KEPT_HEADERS if h in response.headers}
        with self.engine.begin() as connection:
            connection.execute(
                update(keys)
                .where(keys.c.owner == claim.owner, keys.c.key == claim.key)
                .values(
                    state=DONE,
                    status=response.status_code,
                    headers=json.dumps(headers),
                    body=response.get_data(as_text=True),
                )
            )

    def unknown(self, claim: Claim) -> None:
        """The outcome is unknown (504): the key stays with this request; a resend runs again."""
        with self.engine.begin() as connection:
            connection.execute(
                update(keys)
                .where(keys.c.owner == claim.owner, keys.c.key == claim.key)
                .values(state=UNKNOWN)
            )

    def release(self, claim: Claim) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                delete(keys).where(keys.c.owner == claim.owner, keys.c.key == claim.key)
            )

    def purge(self) -> int:
        with self.engine.begin() as connection:
            return connection.execute(
                delete(keys).where(keys.c.expires_at < datetime.now(UTC))
            ).rowcount

    def _take_over(self, connection, mine, digest: str, now: datetime) -> bool:  # type: ignore[no-untyped-def]
        """The same request takes over a claim of unknown outcome or whose lease ran out."""
        stale = or_(
            keys.c.state == UNKNOWN,
            and_(keys.c.state == PENDING, keys.c.created_at < now - self.lease),
        )
        taken = update(keys).where(mine, keys.c.fingerprint == digest, stale)
        return connection.execute(taken.values(state=PENDING, created_at=now)).rowcount == 1

    @staticmethod
    def _insert(dialect: str):  # type: ignore[no-untyped-def]
        module = postgresql if dialect == "postgresql" else sqlite
        return module.insert(keys).on_conflict_do_nothing()

    @staticmethod
    def _refuse_or_replay(row, digest: str) -> None:  # type: ignore[no-untyped-def]
        if row.fingerprint != digest:
            raise ValidationFailed.on("Idempotency-Key", "already used for a different request")
        if row.state != DONE:
            raise Conflict(
                "a request with this Idempotency-Key is still being handled; retry later",
                retry_after=PENDING_RETRY_SECONDS,
            )
        response = Response(row.body, status=row.status, headers=json.loads(row.headers))
        response.headers["Idempotent-Replayed"] = "true"
        raise ReplayResponse(response)


class IdempotencyKeys(DependencyProvider):
    """Gives a worker the store (for the hourly purge)."""

    store = IdempotencyStore()

    def get_dependency(self, worker_ctx: object) -> IdempotencyStore:
        return self.store
