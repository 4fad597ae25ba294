"""The directory read model, fed by the teams service's events."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from infra.envelope import ReceivedEvent
from infra.logs import get_logger
from services.notifications.db import NotificationsUnitOfWork
from services.notifications.domain.directory import TEAM_ROLES, Person, Team

log = get_logger(__name__)


def person_changed(uow: NotificationsUnitOfWork, event: ReceivedEvent) -> None:
    """Registered or updated: contacts, roles and areas follow teams; preferences stay ours."""
    data = event.data
    with uow:
        if not uow.first_delivery(event):
            return
        person_id = str(data["person_id"])
        known = uow.directory.person(person_id) or Person(person_id, "", "", version=0)
        if known.newer_than_known(data.get("version")):
            uow.directory.save_person(_with_teams_fields(known, data))
        uow.commit()
    log.info("directory.person_saved", person_id=person_id, event_id=event.event_id)


def person_deactivated(uow: NotificationsUnitOfWork, event: ReceivedEvent) -> None:
    person_id = str(event.data["person_id"])
    with uow:
        if not uow.first_delivery(event):
            return
        known = uow.directory.person(person_id)
        teams_version = event.data.get("version")
        if known is not None and known.newer_than_known(teams_version):
            uow.directory.save_person(
                replace(
                    known,
                    active=False,
                    version=known.version + 1,
                    teams_version=teams_version or known.teams_version,
                )
            )
        uow.commit()
    log.info("directory.person_deactivated", person_id=person_id, event_id=event.event_id)


def team_membership_changed(uow: NotificationsUnitOfWork, event: ReceivedEvent) -> None:
    data = event.data
    members = data["members"]
    team = Team(
        str(data["team_id"]),
        data["team_name"],
        tuple(data["coverage"]),
        {role: _opt(members.get(role)) for role in TEAM_ROLES},
        data["complete"],
    )
    with uow:
        if not uow.first_delivery(event):
            return
        uow.directory.save_team(team)
        uow.commit()
    log.info("directory.team_saved", team_id=team.team_id, event_id=event.event_id)


def _with_teams_fields(known: Person, data: dict[str, Any]) -> Person:
    channels = data.get("channels") or {}
    return replace(
        known,
        username=data["username"],
        display_name=data["display_name"],
        roles=tuple(data["roles"]),
        areas=tuple(data["areas"]),
        email=channels.get("email"),
        line_user_id=channels.get("line_user_id"),
        phone=channels.get("phone"),
        language=data["language"],
        active=data["active"],
        version=known.version + 1,
        teams_version=data.get("version") or known.teams_version,
    )


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)
