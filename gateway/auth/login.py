"""The builtin issuer's login desk: username and password in, a bearer token out."""

from __future__ import annotations

from typing import Any

from nameko.containers import WorkerContext
from nameko.extensions import DependencyProvider

from gateway.auth.cookies import csrf_token_for
from gateway.auth.settings import BUILTIN, AuthSettings
from gateway.auth.tokens import TokenIssuer, TokenVerifier
from gateway.ratelimit import RateLimiter
from infra.caller import Caller
from infra.errors import NotFound, Unauthorized


class LoginDesk:
    def __init__(
        self, issuer: TokenIssuer | None, limits: RateLimiter, verifier: TokenVerifier
    ) -> None:
        self._issuer = issuer
        self._limits = limits
        self._verifier = verifier

    def session_claims(self, token: str) -> dict[str, Any] | None:
        """The claims of a session cookie's token, or None when it is not a valid token (an
        expired or forged cookie has nothing left to sign out)."""
        try:
            return self._verifier.claims(token)
        except Unauthorized:
            return None

    def check_attempt(self, username: str, address: str) -> None:
        if self._issuer is None:
            raise NotFound("this installation signs in through its identity provider")
        self._limits.login_attempt(username, address)

    def token_for(self, caller: Caller) -> dict[str, Any]:
        assert self._issuer is not None
        token, lifetime = self._issuer.issue(caller)
        return {"access_token": token, "token_type": "Bearer", "expires_in": lifetime}

    def web_session_for(self, caller: Caller) -> tuple[str, str, int]:
        """For the web app: the token (for its HttpOnly cookie), its CSRF token and lifetime."""
        assert self._issuer is not None
        token, lifetime = self._issuer.issue(caller)
        return token, csrf_token_for(self._issuer.settings.secret, token), lifetime


class Login(DependencyProvider):
    limits = RateLimiter()

    def setup(self) -> None:
        settings = AuthSettings.from_config(self.container.config)
        self.issuer = TokenIssuer(settings) if settings.mode == BUILTIN else None
        self.verifier = TokenVerifier(settings)

    def get_dependency(self, worker_ctx: WorkerContext) -> LoginDesk:
        return LoginDesk(self.issuer, self.limits, self.verifier)
