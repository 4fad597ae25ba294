"""What every funding entrypoint mixin relies on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller
from services.funding.db import FundingUnitOfWork
from services.funding.settings import Settings


class Entrypoints:
    uow: FundingUnitOfWork
    settings: Settings

    def now(self) -> datetime:
        """The clock: a method, so that the tests' desk can set it."""
        return datetime.now(UTC)


def who(caller: dict[str, Any]) -> Caller:
    return Caller.from_dict(caller)
