"""A service's own block of the configuration, read once per container.

Each service has a `settings.py` with a frozen `Settings` dataclass and
`Settings.from_config(config)`, and declares `settings = SettingsOf(Settings)` in its service class.
`from_config` runs in `setup()`, before the container starts: an invalid value stops the start-up.
Every worker then gets the same object, so use cases receive settings, never raw configuration.
"""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from nameko.extensions import DependencyProvider

S = TypeVar("S")
S_co = TypeVar("S_co", covariant=True)


class FromConfig(Protocol[S_co]):
    def from_config(self, config: dict[str, Any]) -> S_co: ...


class SettingsOf(DependencyProvider, Generic[S]):
    """Injects `settings_class.from_config(container config)`, built once in `setup()`."""

    def __init__(self, settings_class: FromConfig[S]) -> None:
        self.settings_class = settings_class

    def setup(self) -> None:
        self.settings: S = self.settings_class.from_config(self.container.config)

    def get_dependency(self, worker_ctx: Any) -> S:
        return self.settings
