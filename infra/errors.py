"""Errors that cross the RPC boundary and become `application/problem+json` at the gateway.

Plain Python, so domain code may raise them. nameko sends only an exception's class path and text,
so the text is JSON carrying the problem's detail and per-field errors. Messages name fields, never
values: a value may be personal data.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ServiceError(Exception):
    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal error"

    def __init__(self, detail: str, errors: list[FieldError] | None = None, **extra: Any) -> None:
        self.detail = detail
        self.errors = list(errors or [])
        self.extra = extra
        super().__init__(detail)

    def __str__(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"detail": self.detail, **self.extra}
        if self.errors:
            body["errors"] = [asdict(e) for e in self.errors]
        return body


class ValidationFailed(ServiceError):
    status = 422
    title = "Invalid input"

    @classmethod
    def on(cls, field: str, message: str) -> ValidationFailed:
        return cls(f"{field}: {message}", [FieldError(field, message)])


class BadRequest(ServiceError):
    status = 400
    title = "Bad request"


class Unauthorized(ServiceError):
    status = 401
    title = "Not authenticated"


class Forbidden(ServiceError):
    status = 403
    title = "Forbidden"


class NotFound(ServiceError):
    status = 404
    title = "Not found"


class Conflict(ServiceError):
    status = 409
    title = "Conflict"


class KeyTaken(Conflict):
    """A concurrent change took a key first (the database refused a duplicate at the commit)."""

    def __init__(self, detail: str = "it was changed by someone else meanwhile; reload and retry"):
        super().__init__(detail)


class Gone(ServiceError):
    status = 410
    title = "Gone"


class PreconditionFailed(ServiceError):
    status = 412
    title = "Precondition failed"


class PayloadTooLarge(ServiceError):
    status = 413
    title = "Payload too large"


class UnsupportedMediaType(ServiceError):
    status = 415
    title = "Unsupported media type"


class TooManyRequests(ServiceError):
    status = 429
    title = "Too many requests"


class ServiceUnavailable(ServiceError):
    status = 503
    title = "Service unavailable"


class GatewayTimeout(ServiceError):
    status = 504
    title = "Service timed out"


BY_NAME: dict[str, type[ServiceError]] = {
    cls.__name__: cls
    for cls in (
        ServiceError,
        ValidationFailed,
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        Gone,
        Conflict,
        KeyTaken,
        PreconditionFailed,
        PayloadTooLarge,
        UnsupportedMediaType,
        TooManyRequests,
        ServiceUnavailable,
        GatewayTimeout,
    )
}


def from_remote(exc_type: str, value: str) -> ServiceError | None:
    """Rebuild an error raised in another service from nameko's (exc_type, value) pair."""
    cls = BY_NAME.get(exc_type)
    if cls is None:
        return None
    try:
        body = json.loads(value)
    except (TypeError, ValueError):
        return cls(str(value))
    errors = [FieldError(**e) for e in body.pop("errors", [])]
    return cls(body.pop("detail", ""), errors, **body)
