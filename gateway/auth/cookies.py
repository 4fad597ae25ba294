"""The web app's sign-in: the access token in an HttpOnly, SameSite=Strict cookie that page scripts
cannot read, and a CSRF token bound to it (double submit: the app reads the `smile_csrf` cookie and
sends it back as `X-CSRF-Token` on every unsafe request that the cookie authenticates)."""

from __future__ import annotations

import hashlib
import hmac

from werkzeug.wrappers import Request, Response

from infra.errors import Forbidden

SESSION_COOKIE = "smile_session"
CSRF_COOKIE = "smile_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token_for(secret: str, access_token: str) -> str:
    """Bound to this session's token: a CSRF value planted from elsewhere never matches it."""
    return hmac.new(secret.encode(), b"csrf:" + access_token.encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, secret: str, access_token: str) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER, "")
    if not hmac.compare_digest(sent.encode(), csrf_token_for(secret, access_token).encode()):
        raise Forbidden(f"a change signed in by cookie needs the {CSRF_HEADER} header")


def is_https(request: Request) -> bool:
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return request.scheme == "https" or forwarded == "https"


def set_session_cookies(
    response: Response, request: Request, access_token: str, csrf: str, lifetime: int
) -> None:
    secure = is_https(request)
    response.set_cookie(
        SESSION_COOKIE,
        access_token,
        max_age=lifetime,
        path="/api/",
        secure=secure,
        httponly=True,
        samesite="Strict",
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, max_age=lifetime, path="/", secure=secure, samesite="Strict"
    )


def clear_session_cookies(response: Response, request: Request) -> None:
    secure = is_https(request)
    response.delete_cookie(SESSION_COOKIE, path="/api/", secure=secure, samesite="Strict")
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, samesite="Strict")
