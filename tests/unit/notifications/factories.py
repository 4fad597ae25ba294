"""Events as the notifications service reads them (through its own subscription schemas), and the
people, teams and callers the use case tests start from."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from infra.caller import Caller, Role
from infra.envelope import Envelope, ReceivedEvent, read_event
from services.notifications.domain.directory import Person, Team
from services.notifications.settings import Settings
from services.notifications.subscriptions import SUBSCRIPTIONS, TABLE

T0 = datetime(2026, 11, 21, 3, tzinfo=UTC)  # 10:00 in Bangkok
TAMBON, VILLAGE = "240101", "24010101"
SETTINGS = Settings.from_config({"NOTIFICATIONS": {"smtp": {"host": "smtp.test"}}})


def received(source: str, event_type: str, **data: Any) -> ReceivedEvent:
    """The event as the handler of its row in `TABLE` reads it."""
    envelope = Envelope(event_type, data, source).to_dict()
    return read_event(envelope, SUBSCRIPTIONS[(source, event_type)])


def handle(uow: Any, event: ReceivedEvent, now: datetime = T0) -> None:
    """What the event's handler does: the use case of its row, at an injected time."""
    [row] = [r for r in TABLE if (r.source, r.event_type) == (event.source, event.event_type)]
    row.use_case(uow, event, now, SETTINGS)


def person_event(
    person_id: str, version: int | None, *, kind: str = "person_registered", **changes: Any
) -> ReceivedEvent:
    data = {
        "person_id": person_id,
        "username": f"u-{person_id}",
        "display_name": "Somsri",
        "roles": ["district_expert"],
        "areas": ["2401"],
        "language": "th",
        "active": True,
        "channels": {"email": f"{person_id}@example.test", "line_user_id": None, "phone": None},
        "version": version,
    }
    return received("teams", kind, **{**data, **changes})


def visit_overdue(household_id: str, team_id: str | None = "team") -> ReceivedEvent:
    return received(
        "households", "visit_overdue", household_id=household_id, village_code=VILLAGE,
        team_id=team_id, due_on="2026-11-20",
    )  # fmt: skip


def visit_logged(household_id: str, team_id: str | None = "team") -> ReceivedEvent:
    return received(
        "households", "visit_logged", household_id=household_id, village_code=VILLAGE,
        team_id=team_id, visit_id="v1",
    )  # fmt: skip


def person(person_id: str, *roles: str, areas: tuple[str, ...] = ("2401",), **more: Any) -> Person:
    email = more.pop("email", f"{person_id}@example.test")
    return Person(person_id, f"u-{person_id}", person_id, roles, areas, email=email, **more)


def team(team_id: str = "team", expert: str | None = "expert", **members: str) -> Team:
    return Team(team_id, "Smile 1", (TAMBON,), {"district_expert": expert, **members}, True)


def caller(person_id: str, *roles: Role, areas: tuple[str, ...] = ("2401",)) -> Caller:
    return Caller(person_id, f"u-{person_id}", frozenset(roles), areas)
