"""What stands between a request and a route: authentication, rate limits, idempotency keys.

The api entrypoint runs these before it spawns the route's worker (a failing dependency would kill a
nameko container, so none of this lives in a dependency provider). The authenticated caller is then
passed to the route as its `caller` argument; routes declared `public=True` get none.
"""

from __future__ import annotations

import time
from typing import Any

from nameko.containers import WorkerContext
from nameko.extensions import SharedExtension
from werkzeug.wrappers import Request, Response

from gateway.auth.cookies import SESSION_COOKIE, check_csrf
from gateway.auth.settings import BUILTIN, AuthSettings
from gateway.auth.tokens import TokenVerifier, caller_from_builtin_claims
from gateway.idempotency import HEADER as IDEMPOTENCY_HEADER
from gateway.idempotency import Claim, IdempotencyStore, check_key
from gateway.ratelimit import RateLimiter
from gateway.revocations import Revocations
from infra.caller import Caller
from infra.correlation import CORRELATION_KEY
from infra.errors import GatewayTimeout, Unauthorized
from infra.rpc import Calls, RpcClientCore


class Guard(SharedExtension):
    store = IdempotencyStore()
    limits = RateLimiter()
    rpc = RpcClientCore()  # identity lookups for tokens of an OIDC provider
    revocations = Revocations()

    def setup(self) -> None:
        self.settings = AuthSettings.from_config(self.container.config)
        self.verifier = TokenVerifier(self.settings)
        self._identities: dict[str, tuple[float, Caller]] = {}

    def caller_of(self, request: Request, entrypoint: Any, correlation_id: str) -> Caller:
        """The authenticated, not rate-limited caller, or Unauthorized / TooManyRequests."""
        claims = self.verifier.claims(self._presented_token(request))
        if self.settings.mode == BUILTIN:
            caller = caller_from_builtin_claims(claims)
        else:
            caller = self._identified(claims, entrypoint, correlation_id)
        if self.revocations.revoked(caller.person_id, int(claims["iat"])):
            raise Unauthorized("your access changed since this token was issued; sign in again")
        if self.revocations.signed_out(claims.get("jti")):
            raise Unauthorized("this session was signed out; sign in again")
        self.limits.person(caller.person_id)
        return caller

    def _presented_token(self, request: Request) -> str:
        """The bearer token, or else the web app's session cookie (with its CSRF token on a
        change: a cookie is sent by the browser whoever asks, a header only by the app)."""
        if "Authorization" in request.headers or SESSION_COOKIE not in request.cookies:
            scheme, _, token = request.headers.get("Authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise Unauthorized("send a bearer token: Authorization: Bearer <token>")
            return token.strip()
        token = request.cookies[SESSION_COOKIE]
        self.verifier.claims(token)  # an expired session is 401 (sign in again), never 403
        check_csrf(request, self.settings.secret, token)
        return token

    def claim(self, request: Request, caller: Caller | None) -> Claim | None:
        """For a POST with an Idempotency-Key: go ahead (a claim), or ReplayResponse / Conflict."""
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if key is not None:
            check_key(key)  # one rule wherever the header is sent
        if key is None or caller is None or request.method != "POST":
            return None
        return self.store.claim(caller.person_id, key, request)

    def remember(self, claim: Claim | None, response: Response) -> None:
        if claim is None:
            return
        if response.status_code == GatewayTimeout.status:
            self.store.unknown(claim)  # the service may have done it: only this request may resend
        elif response.status_code >= 500:
            self.store.release(claim)  # nothing was promised: the client may try again
        else:
            self.store.complete(claim, response)

    def _identified(self, claims: dict[str, Any], entrypoint: Any, correlation_id: str) -> Caller:
        """The person behind a provider's token, as the teams service knows them (cached)."""
        username = str(claims.get(self.settings.username_claim) or "")
        cached = self._identities.get(username)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        context = WorkerContext(
            self.container, None, entrypoint, data={CORRELATION_KEY: correlation_id}
        )
        answer = Calls(self.rpc, context).call("teams", "identify", None, username)
        caller = Caller.from_dict(answer)
        self._identities[username] = (
            time.monotonic() + self.settings.identity_cache_seconds,
            caller,
        )
        return caller
