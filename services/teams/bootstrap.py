"""`python -m services.teams.bootstrap`: the embedded default's first administrator.

Creates the administrator (`TEAMS.admin_username`, default `admin`) when no active administrator
exists. The password comes from `ADMIN_PASSWORD`, or is generated and printed once. Safe to run at
every start: it does nothing once an administrator exists.
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import UTC, datetime

from sqlalchemy.orm import sessionmaker

from infra.caller import SYSTEM, Role
from infra.config import database_url, load_config
from infra.engines import make_engine
from infra.errors import ValidationFailed
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.settings import Settings
from services.teams.usecases.commands.people import RegisterPerson
from services.teams.usecases.people import register_person


def ensure_administrator(
    uow: TeamsUnitOfWork, username: str, password: str | None, now: datetime
) -> tuple[bool, str | None]:
    """(created?, the generated password if one was generated)."""
    with uow:
        if uow.people.any_active_administrator():
            return False, None
    generated = None if password else secrets.token_urlsafe(18)
    command = RegisterPerson(
        username, "Administrator", (Role.ADMINISTRATOR,), password=password or generated
    )
    register_person(uow, SYSTEM, command, now)
    return True, generated


def main() -> int:
    config = load_config()
    engine = make_engine(database_url(config, "teams"))
    uow = TeamsUnitOfWork(sessionmaker(engine), metadata, source="teams", consumer="bootstrap")
    username = Settings.from_config(config).admin_username
    try:
        created, generated = ensure_administrator(
            uow, username, os.environ.get("ADMIN_PASSWORD"), datetime.now(UTC)
        )
    except ValidationFailed as refused:
        print(f"ADMIN_PASSWORD is not acceptable: {refused.errors[0].message}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if generated:
        print(
            f"Created the administrator '{username}'. Password (shown only this once): {generated}"
        )
    elif created:
        print(f"Created the administrator '{username}' with the password from ADMIN_PASSWORD.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
