"""The schema fuzzing of test_api_schema.py on PostgreSQL, which refuses what SQLite lets through
(NUL, lengths): a 5xx may hide on one backend only. A file of its own, so that the suite's
sessions (tests/parallel.py) run it beside the shorter half while SQLite's runs with the other."""

import pytest

from tests.e2e.test_api_schema import fuzz, fuzzed_system


@pytest.fixture(scope="module")
def fuzzed_on_postgresql(tmp_path_factory, rabbit_admin):
    yield from fuzzed_system(tmp_path_factory, rabbit_admin, "postgresql")


@pytest.mark.postgres
def test_no_route_answers_5xx_or_breaks_its_schema_on_postgresql(fuzzed_on_postgresql, tmp_path):
    fuzz(*fuzzed_on_postgresql, tmp_path)
