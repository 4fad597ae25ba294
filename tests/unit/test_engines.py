"""The connection parameters a PostgreSQL engine hands to libpq (captured before any connect)."""

import pytest
from sqlalchemy import event

from infra.engines import make_engine


class Captured(Exception):
    pass


def connection_parameters(url: str) -> dict:
    engine = make_engine(url)
    seen: dict = {}

    @event.listens_for(engine, "do_connect")
    def capture(_dialect, _record, _args, parameters):
        seen.update(parameters)
        raise Captured

    with pytest.raises(Captured):
        engine.connect()
    engine.dispose()
    return seen


def test_a_postgresql_connection_gives_up_and_probes_idle_peers():
    parameters = connection_parameters("postgresql+psycopg2://smile@127.0.0.1:5432/smile")
    assert parameters["connect_timeout"] == 10
    assert parameters["keepalives"] == 1 and parameters["keepalives_idle"] == 30


def test_the_urls_own_parameters_win():
    parameters = connection_parameters(
        "postgresql+psycopg2://smile@127.0.0.1:5432/smile?connect_timeout=3&keepalives_idle=5"
    )
    assert parameters["connect_timeout"] == "3" and parameters["keepalives_idle"] == "5"
    assert parameters["keepalives_count"] == 3
