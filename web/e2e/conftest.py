"""The browser tests' own pytest session (`make test` runs it after the suite).

They are kept out of tests/, whose conftest monkey-patches everything for eventlet: Playwright's
sync API runs an asyncio loop in a greenlet of its own, and under eventlet's patched sockets and
selectors that loop starves and the run hangs. The system itself is started exactly as the e2e
suite starts it (tests/e2e/conftest.py: migrate, declare, bootstrap, every process, health)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browsing import CHROMIUM
from playwright.sync_api import Browser, sync_playwright

from infra.config import load_config
from tests.e2e.conftest import System, launch
from tests.support.broker import RabbitAdmin


@pytest.fixture(scope="session")
def rabbit_admin() -> RabbitAdmin:
    return RabbitAdmin(load_config()["RABBIT_API_URI"])


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory, rabbit_admin: RabbitAdmin) -> Iterator[System]:
    yield from launch(tmp_path_factory.mktemp("system"), rabbit_admin)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the session; each test opens contexts of its own."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()
