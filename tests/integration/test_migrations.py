"""Each service's migration history builds exactly the schema its code uses, on SQLite and
PostgreSQL.
"""

import importlib

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from infra.config import database_url
from infra.engines import make_engine
from infra.migrate import databases, service_package, upgrade


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
