from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from infra.settings import SettingsOf

READS: list[dict[str, Any]] = []


@dataclass(frozen=True)
class Example:
    """A service's settings; `READS` counts how often the configuration is read."""

    limit: int = 3

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Example:
        READS.append(config)
        return cls(limit=int((config.get("EXAMPLE") or {}).get("limit", 3)))


class Container:
    """What the provider uses of a nameko container (held by a weak reference: keep it alive)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.service_name = "example"


@pytest.fixture(autouse=True)
def no_reads_yet():
    READS.clear()


def test_the_block_is_read_once_at_setup_and_every_worker_gets_the_same_settings():
    container = Container({"EXAMPLE": {"limit": "7"}})
    provider = SettingsOf(Example).bind(container, "settings")
    assert READS == []
    provider.setup()
    first, second = provider.get_dependency(object()), provider.get_dependency(object())
    assert first == Example(limit=7)
    assert first is second
    assert len(READS) == 1
    assert READS[0] is container.config


def test_an_absent_block_gives_the_defaults():
    container = Container({})
    provider = SettingsOf(Example).bind(container, "settings")
    provider.setup()
    assert provider.get_dependency(object()) == Example()


def test_an_invalid_value_stops_the_setup():
    container = Container({"EXAMPLE": {"limit": "many"}})
    provider = SettingsOf(Example).bind(container, "settings")
    with pytest.raises(ValueError):
        provider.setup()


def test_each_container_reads_its_own_configuration():
    prototype = SettingsOf(Example)
    containers = Container({"EXAMPLE": {"limit": 1}}), Container({"EXAMPLE": {"limit": 2}})
    providers = [prototype.bind(container, "settings") for container in containers]
    for provider in providers:
        provider.setup()
    assert [p.get_dependency(object()).limit for p in providers] == [1, 2]
