"""What every domain service has: a correlation id per worker and a health ping."""

from __future__ import annotations

from typing import Any

from infra.correlation import CorrelationId
from infra.rpc import rpc
from infra.tracing import Tracing


class DomainService:
    """Base for the four services. Subclasses set `name` and `uow = Database(metadata, ...)`."""

    name: str
    uow: Any
    correlation = CorrelationId()
    tracing = Tracing()

    @rpc
    def ping(self) -> str:
        """'ok' when this service answers and its database does."""
        self.uow.ping()
        return "ok"
