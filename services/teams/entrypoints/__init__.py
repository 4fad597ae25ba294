"""The teams service's nameko entrypoints, by subject (mixed into `TeamsService`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller


def now() -> datetime:
    return datetime.now(UTC)


def who(caller: dict[str, Any]) -> Caller:
    return Caller.from_dict(caller)
