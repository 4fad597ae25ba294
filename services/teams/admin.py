"""`python -m services.teams.admin reset-password <username>`: a way back from a lost password.

Run where the teams service runs (same `DATABASE_URL` and configuration). The new password is read
from the prompt (asked twice), or from the first line of standard input when it is not a terminal
(`echo "$NEW" | python -m services.teams.admin reset-password admin`); an empty answer generates
one, printed only this once. The change goes through the teams use case: the password is hashed as
usual and `password_changed` is written to the outbox, so tokens issued before it stop working
(once the teams service relays the event to the gateway).
"""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from datetime import UTC, datetime
from typing import TextIO

from sqlalchemy.orm import sessionmaker

from infra.caller import SYSTEM
from infra.config import database_url, load_config
from infra.engines import make_engine
from infra.errors import ValidationFailed
from services.teams.db import TeamsUnitOfWork, metadata
from services.teams.usecases.commands.people import SetPassword
from services.teams.usecases.people import set_password


class UnknownUser(Exception):
    pass


def reset_password(
    uow: TeamsUnitOfWork, username: str, password: str | None, now: datetime
) -> str | None:
    """Sets the password of `username` (generated when none is given); the generated one, if any.
    Raises UnknownUser, or ValidationFailed when the password is not acceptable."""
    with uow:
        person = uow.people.by_username(username.strip().lower())
    if person is None:
        raise UnknownUser(username)
    generated = None if password else secrets.token_urlsafe(18)
    command = SetPassword(password or generated)
    set_password(uow, SYSTEM, person.id, command, now)
    return generated


def read_password(stdin: TextIO) -> str | None:
    """From the prompt (twice, so a typo is caught) or the first line of a pipe; None if empty."""
    if not stdin.isatty():
        return stdin.readline().rstrip("\r\n") or None
    first = getpass.getpass("New password (empty: generate one): ")
    if first and getpass.getpass("Again: ") != first:
        raise ValidationFailed.on("password", "the two passwords differ")
    return first or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.teams.admin")
    commands = parser.add_subparsers(dest="command", required=True)
    reset = commands.add_parser("reset-password", help="set a new password for a person")
    reset.add_argument("username")
    args = parser.parse_args(argv)
    config = load_config()
    engine = make_engine(database_url(config, "teams"))
    uow = TeamsUnitOfWork(sessionmaker(engine), metadata, source="teams", consumer="admin")
    try:
        generated = reset_password(uow, args.username, read_password(sys.stdin), datetime.now(UTC))
    except UnknownUser:
        print(f"No person has the username '{args.username}'.", file=sys.stderr)
        return 1
    except ValidationFailed as refused:
        print(f"The password is not acceptable: {refused.errors[0].message}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if generated:
        print(f"New password of '{args.username}' (shown only this once): {generated}")
    else:
        print(f"The password of '{args.username}' is changed.")
    print("Tokens issued before it stop working once the teams service relays the change.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
