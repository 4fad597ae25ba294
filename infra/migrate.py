"""Database migrations, one Alembic history per service.

    python -m infra.migrate upgrade [SERVICE ...]        every (or the named) database to the latest
    python -m infra.migrate revision SERVICE -m MESSAGE  autogenerate a revision from the tables

A PostgreSQL database that does not exist yet is created first; SQLite files are created by opening
them.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from infra.config import database_url, load_config

ENVIRONMENT = Path(__file__).resolve().parent / "alembic"


def databases(config: dict[str, Any]) -> dict[str, str]:
    """Everything that owns a database: the services, and the gateway (idempotency keys)."""
    return {**config["SERVICES"], "gateway": config["GATEWAY"]}


def service_package(config: dict[str, Any], service: str) -> str:
    """`services.households.service:HouseholdsService` -> `services.households`."""
    module = str(databases(config)[service]).partition(":")[0]
    return module.rpartition(".")[0]


def alembic_config(config: dict[str, Any], service: str) -> Config:
    package = service_package(config, service)
    versions = Path(importlib.import_module(package).__file__).parent / "migrations" / "versions"
    alembic = Config()
    alembic.set_main_option("script_location", str(ENVIRONMENT))
    alembic.set_main_option("version_locations", str(versions))
    alembic.attributes["metadata"] = importlib.import_module(f"{package}.db").metadata
    alembic.attributes["url"] = database_url(config, service)
    return alembic


# Byte-order collation: ids, codes and keyset cursors compare the same whatever the server's
# locale (as Python compares them), and index builds and inserts on text skip strcoll (~10% of
# PostgreSQL's time in a BMN import). No query sorts people's names.
CREATE_DATABASE = "CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named by `url` if it is missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
        ).scalar()
        if not exists:
            connection.execute(text(CREATE_DATABASE.format(name=parsed.database)))
    server.dispose()


def upgrade(config: dict[str, Any], services: list[str]) -> None:
    for service in services:
        ensure_database(database_url(config, service))
        command.upgrade(alembic_config(config, service), "head")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m infra.migrate", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("upgrade")
    up.add_argument("services", nargs="*")
    rev = commands.add_parser("revision")
    rev.add_argument("service")
    rev.add_argument("-m", "--message", required=True)
    args = parser.parse_args(argv)
    config = load_config()
    if args.command == "upgrade":
        names = args.services or list(databases(config))
        upgrade(config, names)
        print(f"migrated {', '.join(names)}")
    else:
        upgrade(config, [args.service])  # autogenerate compares against an up-to-date database
        command.revision(alembic_config(config, args.service), args.message, autogenerate=True)


if __name__ == "__main__":
    main()
