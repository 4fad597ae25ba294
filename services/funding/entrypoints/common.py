"""What every funding entrypoint mixin relies on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from nameko.dependency_providers import Config

from infra.caller import Caller
from services.funding.db import FundingUnitOfWork
from services.funding.usecases.common import Settings


class Entrypoints:
    uow: FundingUnitOfWork
    config = Config()

    @property
    def settings(self) -> Settings:
        return Settings.from_config(self.config)

    def now(self) -> datetime:
        """The clock: a method, so that the tests' desk can set it."""
        return datetime.now(UTC)


def who(caller: dict[str, Any]) -> Caller:
    return Caller.from_dict(caller)
