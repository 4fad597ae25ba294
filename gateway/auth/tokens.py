"""Issuing and checking bearer tokens.

Checks follow RFC 8725: a fixed allow-list of algorithms (never `none`, never what the token asks
for), and `iss`, `aud`, `exp`, `iat`, `sub` and the header `typ` validated. Builtin tokens carry the
caller's roles, areas and teams (signed by the gateway); tokens of an OIDC provider only say who the
person is, and the gateway looks up the rest in the teams service.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import jwt

from gateway.auth.settings import ACCESS_TOKEN_TYPE, BUILTIN, BUILTIN_ALGORITHMS, AuthSettings
from infra.caller import Caller
from infra.errors import Unauthorized

REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]
NUMERIC_DATES = ("exp", "iat", "nbf")
VERIFIED_CACHE_SIZE = 10_000


class TokenIssuer:
    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings

    def issue(self, caller: Caller) -> tuple[str, int]:
        """A signed access token for `caller` and its lifetime in seconds."""
        now = int(time.time())
        claims = {
            "iss": self.settings.issuer,
            "aud": self.settings.audience,
            "sub": caller.person_id,
            "iat": now,
            "exp": now + self.settings.token_seconds,
            "jti": uuid.uuid4().hex,
            "name": caller.username,
            "roles": sorted(r.value for r in caller.roles),
            "areas": list(caller.areas),
            "teams": list(caller.teams),
        }
        token = jwt.encode(
            claims,
            self.settings.secret,
            algorithm=BUILTIN_ALGORITHMS[0],
            headers={"typ": ACCESS_TOKEN_TYPE},
        )
        return token, self.settings.token_seconds


class TokenVerifier:
    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings
        self._verified: dict[str, dict[str, Any]] = {}
        self._jwks = (
            None
            if settings.mode == BUILTIN
            else jwt.PyJWKClient(str(settings.oidc_jwks_url), cache_keys=True, lifespan=3600)
        )

    def claims(self, token: str) -> dict[str, Any]:
        """The verified claims of `token`. A token verified before is not verified again until it
        expires (a phone sends the same token for many requests; the signature check costs more
        than the rest of the request's own work)."""
        cached = self._verified.get(token)
        if cached is not None and cached["exp"] > time.time():
            return cached
        claims = self._verify(token)
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            self._verified.clear()
        self._verified[token] = claims
        return claims

    def _verify(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
            self._check_type(header)
            claims = jwt.decode(
                token,
                self._key(token),
                algorithms=list(self._algorithms()),
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                options={"require": REQUIRED_CLAIMS},
            )
            _check_numeric_dates(claims)
            return claims
        except jwt.ExpiredSignatureError:
            raise Unauthorized("the token has expired") from None
        except (jwt.PyJWTError, ValueError):
            raise Unauthorized("the token is not valid") from None

    def _algorithms(self) -> tuple[str, ...]:
        return (
            BUILTIN_ALGORITHMS if self.settings.mode == BUILTIN else self.settings.oidc_algorithms
        )

    def _key(self, token: str) -> Any:
        if self._jwks is None:
            return self.settings.secret
        return self._jwks.get_signing_key_from_jwt(token).key

    def _check_type(self, header: dict[str, Any]) -> None:
        kind = str(header.get("typ", "")).lower()
        accepted = {ACCESS_TOKEN_TYPE, f"application/{ACCESS_TOKEN_TYPE}"}
        if self.settings.mode != BUILTIN:
            accepted.add("jwt")  # many providers label access tokens plainly as JWT
        if kind not in accepted:
            raise jwt.InvalidTokenError("not an access token")


def _check_numeric_dates(claims: dict[str, Any]) -> None:
    """RFC 7519 NumericDate is a JSON number; PyJWT would also take `"exp": "1999999999"`."""
    for name in NUMERIC_DATES:
        value = claims.get(name)
        if name in claims and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise jwt.InvalidTokenError(f"{name} is not a NumericDate")


def caller_from_builtin_claims(claims: dict[str, Any]) -> Caller:
    return Caller.from_dict(
        {
            "person_id": claims["sub"],
            "username": claims.get("name", ""),
            "roles": claims.get("roles", []),
            "areas": claims.get("areas", []),
            "teams": claims.get("teams", []),
        }
    )
