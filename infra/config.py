"""Configuration: one YAML file whose `${NAME:default}` placeholders are read from the environment.

Placeholders may nest (`${DATABASE_URL:sqlite:///${DATA_DIR:data}/{service}.sqlite}`). A value that
is a single placeholder is parsed as YAML after substitution, so `${MAX_WORKERS:10}` gives the
integer 10; a placeholder inside a longer value stays text. Only plain (unquoted) YAML scalars are
expanded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = PROJECT_ROOT / "config" / "smile.yaml"
CONFIG_ENV_VAR = "SMILE_CONFIG"


def _closing_brace(text: str, start: int) -> int:
    """Index of the `}` that closes a placeholder whose body starts at `start`, or -1."""
    depth = 1
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return -1


def expand(text: str, environ: Mapping[str, str] = os.environ) -> str:
    """Replace placeholders by the environment's value or their default, innermost first.

    Placeholders are resolved right to left; a value taken from the environment is never expanded
    again.
    """
    limit = len(text)
    while (start := text.rfind("${", 0, limit)) >= 0:
        end = _closing_brace(text, start + 2)
        if end < 0:
            break
        name, _, default = text[start + 2 : end].partition(":")
        text = text[:start] + environ.get(name, default) + text[end + 1 :]
        limit = start
    return text


def _is_single_placeholder(raw: str) -> bool:
    return raw.startswith("${") and _closing_brace(raw, 2) == len(raw) - 1


class _Loader(yaml.SafeLoader):
    """A SafeLoader that expands placeholders, kept apart so the global loader stays untouched."""


def _construct_placeholder(loader: _Loader, node: yaml.ScalarNode) -> Any:
    raw = loader.construct_scalar(node)
    value = expand(raw)
    return yaml.safe_load(value) if _is_single_placeholder(raw) else value


def _construct_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    return expand(loader.construct_scalar(node))


_Loader.add_implicit_resolver("!env", re.compile(r".*\$\{.*\}.*", re.DOTALL), None)
_Loader.add_constructor("!env", _construct_placeholder)
_Loader.add_constructor("!text", _construct_text)


def parse_config(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=_Loader) or {}


def config_path(path: str | os.PathLike[str] | None = None) -> Path:
    return Path(path or os.environ.get(CONFIG_ENV_VAR) or DEFAULT_CONFIG_FILE)


def load_config(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Read the configuration file named by `path`, `$SMILE_CONFIG`, or `config/smile.yaml`."""
    return parse_config(config_path(path).read_text(encoding="utf-8"))


# SQLAlchemy 2.1 reads a bare postgresql:// as psycopg 3; the services run psycopg2, which
# psycogreen makes cooperative under eventlet.
PLAIN_POSTGRESQL = ("postgresql://", "postgres://")
PSYCOPG2 = "postgresql+psycopg2://"


def database_url(config: Mapping[str, Any], service_name: str) -> str:
    """The service's own database: `DATABASE_URL` with `{service}` filled in (a plain
    postgresql:// URL means the psycopg2 driver)."""
    url = str(config["DATABASE_URL"]).replace("{service}", service_name)
    for plain in PLAIN_POSTGRESQL:
        if url.startswith(plain):
            return PSYCOPG2 + url.removeprefix(plain)
    return url
