"""The households read model, kept from the households service's events (idempotently).

Handlers run concurrently: the household's row is locked while an event is applied, so two events
for one household never both start from the same old state; two first events racing to create it
collide on its key, and the loser is retried.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from infra.envelope import ReceivedEvent
from infra.logs import get_logger
from services.teams.db import TeamsUnitOfWork
from services.teams.domain.households import KnownHousehold

log = get_logger(__name__)
Change = Callable[[KnownHousehold, dict[str, Any]], KnownHousehold]

CHANGES: dict[str, Change] = {
    "household_registered": lambda h, d: h,
    "household_targeted": lambda h, d: h.targeted(d["fails_income"]),
    "consent_recorded": lambda h, d: h.consent(d["consented"], d["recorded_at"]),
    "case_stage_changed": lambda h, d: h.staged(d["to_stage"], d["changed_at"]),
    "visit_logged": lambda h, d: h.visited(d["visited_at"]),
    "visit_overdue": lambda h, d: h.overdue_from(d["due_on"]),
    "household_graduated": lambda h, d: h.graduated(d["graduated_at"]),
}


def learn(uow: TeamsUnitOfWork, event: ReceivedEvent) -> None:
    """Apply one households event to what is known of the household; a repeat changes nothing."""
    change = CHANGES[event.event_type]
    household_id = str(event.data["household_id"])
    with uow:
        if not uow.first_delivery(event):
            return
        known = uow.households.get(household_id, for_update=True)
        base = known or KnownHousehold(household_id, event.data["village_code"])
        uow.households.put(change(base, event.data), existed=known is not None)
        uow.commit()
    log.info("household.learnt", household_id=household_id, event_type=event.event_type)


def learn_imported(uow: TeamsUnitOfWork, event: ReceivedEvent) -> None:
    """A BMN import batch: every household it lists becomes known (those already known stay)."""
    listed = [
        KnownHousehold(str(h["household_id"]), h["village_code"]) for h in event.data["households"]
    ]
    with uow:
        if not uow.first_delivery(event):
            return
        new = uow.households.add_unknown(listed)
        uow.commit()
    log.info("households.imported", listed=len(listed), new=new)
