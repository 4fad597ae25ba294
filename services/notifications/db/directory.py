"""The directory read model: people with their roles, areas and preferences; teams; households."""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from infra.statements import built_once, conflict_insert, dialect_of
from infra.versions import save_versioned
from services.notifications.db.tables import (
    household_teams,
    people,
    person_areas,
    person_roles,
    teams,
)
from services.notifications.domain.directory import TEAM_ROLES, Person, QuietHours, Team


class DirectoryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def person(self, person_id: str) -> Person | None:
        row = self.session.execute(select(people).where(people.c.person_id == person_id)).first()
        return None if row is None else self._person(row)

    def people(self, person_ids: list[str]) -> list[Person]:
        rows = self.session.execute(select(people).where(people.c.person_id.in_(person_ids)))
        found = {p.person_id: p for p in (self._person(row) for row in rows)}
        return [found[pid] for pid in dict.fromkeys(person_ids) if pid in found]

    def holding_role_over(self, role: str, area_code: str) -> list[Person]:
        """Active people with `role` whose areas contain `area_code` (an area or one above it)."""
        prefixes = {area_code[:n] for n in (2, 4, 6, 8) if len(area_code) >= n}
        ids = select(person_areas.c.person_id).where(person_areas.c.area_code.in_(prefixes))
        query = (
            select(person_roles.c.person_id)
            .where(person_roles.c.role == role, person_roles.c.person_id.in_(ids))
            .order_by(person_roles.c.person_id)
        )
        return [p for p in self.people(list(self.session.scalars(query))) if p.active]

    def reading_digests(self) -> list[str]:
        query = select(people.c.person_id).where(
            people.c.digest.is_(True), people.c.active.is_(True)
        )
        return list(self.session.scalars(query.order_by(people.c.person_id)))

    def save_person(self, person: Person) -> None:
        """Insert, or save a change (its version one more than loaded) unless a concurrent change
        (a teams event, the person's own preferences) was committed since it was loaded
        (`PreconditionFailed`: never a lost update)."""
        values = _person_row(person)
        if self.person(person.person_id) is None:
            self.session.execute(insert(people).values(values))
        else:
            save_versioned(self.session, people, "person_id", values)
        for table, column, items in (
            (person_roles, "role", person.roles),
            (person_areas, "area_code", person.areas),
        ):
            self.session.execute(delete(table).where(table.c.person_id == person.person_id))
            if items:
                rows = [{"person_id": person.person_id, column: v} for v in set(items)]
                self.session.execute(insert(table), rows)

    def team(self, team_id: str) -> Team | None:
        row = self.session.execute(select(teams).where(teams.c.team_id == team_id)).first()
        if row is None:
            return None
        members = {role: getattr(row, role) for role in TEAM_ROLES}
        return Team(row.team_id, row.name, tuple(row.coverage), members, row.complete)

    def save_team(self, team: Team) -> None:
        values = {
            "name": team.name,
            "coverage": list(team.coverage),
            "complete": team.complete,
            **{role: team.members.get(role) for role in TEAM_ROLES},
        }
        if self.team(team.team_id) is None:
            self.session.execute(insert(teams).values(team_id=team.team_id, **values))
        else:
            self.session.execute(
                update(teams).where(teams.c.team_id == team.team_id).values(values)
            )

    def team_of_household(self, household_id: str) -> str | None:
        query = select(household_teams.c.team_id).where(
            household_teams.c.household_id == household_id
        )
        return self.session.scalar(query)

    def assign_household(self, household_id: str, team_id: str) -> None:
        """The household's team, new or changed: one statement (most events name a team)."""
        session = self.session

        def build() -> Any:
            inserting = conflict_insert(session, household_teams)
            return inserting.on_conflict_do_update(
                index_elements=[household_teams.c.household_id],
                set_={"team_id": inserting.excluded.team_id},
            )

        statement = built_once(("household team upsert", dialect_of(session)), build)
        session.execute(statement, {"household_id": household_id, "team_id": team_id})

    def _person(self, row: Any) -> Person:
        pid = row.person_id
        roles = self.session.scalars(
            select(person_roles.c.role).where(person_roles.c.person_id == pid)
        )
        areas = self.session.scalars(
            select(person_areas.c.area_code).where(person_areas.c.person_id == pid)
        )
        quiet = None
        if row.quiet_start and row.quiet_end:
            quiet = QuietHours(
                time.fromisoformat(row.quiet_start), time.fromisoformat(row.quiet_end)
            )
        return Person(
            pid,
            row.username,
            row.display_name,
            tuple(sorted(roles)),
            tuple(sorted(areas)),
            row.email,
            row.line_user_id,
            row.phone,
            row.language,
            row.active,
            None if row.channels is None else tuple(row.channels),
            quiet,
            row.digest,
            row.webhook_url,
            row.webhook_secret,
            row.version,
            row.teams_version,
        )


def _person_row(person: Person) -> dict[str, Any]:
    quiet = person.quiet_hours
    return {
        "person_id": person.person_id,
        "username": person.username,
        "display_name": person.display_name,
        "email": person.email,
        "line_user_id": person.line_user_id,
        "phone": person.phone,
        "language": person.language,
        "active": person.active,
        "channels": None if person.channels is None else list(person.channels),
        "quiet_start": quiet.start.strftime("%H:%M") if quiet else None,
        "quiet_end": quiet.end.strftime("%H:%M") if quiet else None,
        "digest": person.digest,
        "webhook_url": person.webhook_url,
        "webhook_secret": person.webhook_secret,
        "version": person.version,
        "teams_version": person.teams_version,
    }
