"""Authentication settings, read once from the `AUTH` block of the configuration."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUILTIN = "builtin"
OIDC = "oidc"
BUILTIN_ALGORITHMS = ("HS256",)
ACCESS_TOKEN_TYPE = "at+jwt"  # RFC 9068: the header type of an access token


@dataclass(frozen=True)
class AuthSettings:
    mode: str
    issuer: str
    audience: str
    secret: str
    token_seconds: int
    oidc_jwks_url: str | None
    oidc_algorithms: tuple[str, ...]
    username_claim: str
    identity_cache_seconds: float

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> AuthSettings:
        auth = config.get("AUTH", {})
        mode = str(auth.get("mode") or BUILTIN)
        if mode not in (BUILTIN, OIDC):
            raise ValueError(f"AUTH.mode must be {BUILTIN} or {OIDC}, not {mode}")
        if mode == OIDC and not auth.get("oidc_jwks_url"):
            raise ValueError("AUTH.mode oidc needs AUTH.oidc_jwks_url")
        return cls(
            mode=mode,
            issuer=str(auth.get("issuer") or "smile-cases"),
            audience=str(auth.get("audience") or "smile-cases-api"),
            secret=_builtin_secret(auth) if mode == BUILTIN else "",
            token_seconds=int(auth.get("token_minutes") or 30) * 60,
            oidc_jwks_url=auth.get("oidc_jwks_url"),
            oidc_algorithms=tuple(auth.get("oidc_algorithms") or ("RS256", "ES256")),
            username_claim=str(auth.get("oidc_username_claim") or "preferred_username"),
            identity_cache_seconds=float(auth.get("identity_cache_seconds") or 60),
        )


def _builtin_secret(auth: dict[str, Any]) -> str:
    """The configured key, or one generated on first use and kept (0600) for later starts."""
    if auth.get("secret"):
        return str(auth["secret"])
    path = Path(str(auth.get("secret_file") or "data/jwt-secret"))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made earlier, or just now by another gateway process
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
