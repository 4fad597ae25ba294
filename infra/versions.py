"""Optimistic versions: a change names the version it was made against (`expected_version`, which
the gateway fills from If-Match) and is refused when the object has moved on since."""

from __future__ import annotations

from infra.errors import PreconditionFailed


def require_version(current: int, expected: int | None, what: str) -> None:
    """Refuse (412, with the current version) a change made against another version than
    `current`; `None` asks for no check (whether If-Match is required is the gateway's)."""
    if expected is not None and expected != current:
        raise PreconditionFailed(
            f"the {what} was changed since you read it", current_version=current
        )
