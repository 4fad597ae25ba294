"""Applying a window of deliveries of one event type in one transaction (the batching consumers,
`infra.batch_events`).

Each delivery's use case runs inside the batch's transaction as a savepoint of its own
(`UnitOfWork.batch`): one that fails is undone alone and reported, the rest commit together. If
the transaction itself fails (a database error, a refused commit), nothing of it stays and every
delivery is applied again alone, in its own transaction, as an unbatched consumer would: so an
event's outcome never depends on its neighbours. A window of one is applied alone from the start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import structlog
from sqlalchemy.exc import DBAPIError

from infra.logs import get_logger, log_lines_held, redact
from infra.tracing import event_span

log = get_logger(__name__)


@dataclass(frozen=True)
class Delivery:
    """One event as the broker delivered it, with the context its headers carried."""

    payload: dict[str, Any]
    correlation_id: str | None = None
    traceparent: str | None = None


Outcome = BaseException | None
"""What became of one delivery: None when applied (or found already applied), else the error."""


def apply_all(
    uow: Any, deliveries: list[Delivery], apply: Callable[[Delivery], None], name: str
) -> list[Outcome]:
    """Apply each delivery with `apply` (which runs a use case on `uow`); one outcome each."""
    if len(deliveries) > 1:
        try:
            return _in_one_transaction(uow, deliveries, apply, name)
        except Exception as error:  # the transaction is lost: nothing of it was kept
            log.warning(
                "events.batch_split", handler=name, size=len(deliveries), error=type(error).__name__
            )
    return [_alone(uow, d, apply, name, own_span=len(deliveries) > 1) for d in deliveries]


def _in_one_transaction(
    uow: Any, deliveries: list[Delivery], apply: Callable[[Delivery], None], name: str
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    with log_lines_held() as lines:  # written once the window commits: else each event is
        with uow.batch():  # applied again alone, and logs then
            for delivery in deliveries:
                try:
                    with _scope(uow, delivery, name):
                        apply(delivery)
                except DBAPIError:
                    raise  # the transaction may be unusable now: split the batch
                except Exception as error:
                    outcomes.append(_failed(delivery, name, error))
                else:
                    outcomes.append(None)
        lines.keep()
    return outcomes


def _alone(
    uow: Any, delivery: Delivery, apply: Callable[[Delivery], None], name: str, own_span: bool
) -> Outcome:
    try:
        if own_span:  # one of a split window: the worker's context is another delivery's
            with _scope(uow, delivery, name):
                apply(delivery)
        else:
            apply(delivery)
    except Exception as error:
        return _failed(delivery, name, error)
    return None


@contextmanager
def _scope(uow: Any, delivery: Delivery, name: str) -> Iterator[None]:
    """The delivery's correlation id on the events it emits and in the log lines, and a span of
    its own (a window of one runs in the worker's, which already continues its trace and id)."""
    if delivery.correlation_id:
        structlog.contextvars.bind_contextvars(correlation_id=delivery.correlation_id)
    with (
        uow.on_behalf_of(delivery.correlation_id),
        event_span(name, delivery.traceparent, delivery.correlation_id),
    ):
        yield


def _failed(delivery: Delivery, name: str, error: Exception) -> Exception:
    payload = delivery.payload
    log.warning(
        "event.failed",
        handler=name,
        event_id=str(payload.get("event_id")) if isinstance(payload, dict) else None,
        error=redact(f"{type(error).__name__}: {error}")[:500],
    )
    return error
