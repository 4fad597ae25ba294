"""Each service's migration history builds exactly the schema its code uses, on SQLite and
PostgreSQL.
"""

import importlib

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from infra.config import database_url
from infra.engines import make_engine
from infra.migrate import databases, ensure_database, service_package, upgrade
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template


def test_migrations_match_the_tables_in_code_and_can_run_twice(config):
    services = list(databases(config))
    upgrade(config, services)
    upgrade(config, services)
    for service in services:
        metadata = importlib.import_module(f"{service_package(config, service)}.db").metadata
        engine = make_engine(database_url(config, service))
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
        engine.dispose()
        assert differences == [], f"{service}: migrations and code differ: {differences}"


def test_created_postgresql_databases_compare_text_byte_by_byte():
    """Keyset cursors compare ids and codes as Python does, whatever the server's locale."""
    prefix = new_prefix()
    url = postgres_template(prefix).format(service="households")
    try:
        ensure_database(url)
        engine = make_engine(url)
        with engine.connect() as connection:
            collation = connection.execute(
                text("SELECT datcollate FROM pg_database WHERE datname = current_database()")
            ).scalar()
            assert collation == "C"  # not merely a locale that happens to sort so here
            ordered = connection.execute(
                text("SELECT v FROM (VALUES ('b'), ('B'), ('a'), ('ก'), ('_')) AS t(v) ORDER BY v")
            ).scalars()
            assert list(ordered) == sorted(["b", "B", "a", "ก", "_"])
        engine.dispose()
    finally:
        drop_postgres_databases(prefix)
