"""docker-compose.yml without a Docker engine: every variable it substitutes has a default or a
clear message, so `docker compose config` works in a fresh clone with no environment set."""

import re
from pathlib import Path
from typing import Any

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}
SUBSTITUTION = re.compile(r"\$\{(?P<name>\w+)(?P<form>:?[-?])?(?P<rest>[^}]*)\}")


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


def _compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def test_every_substitution_has_a_default_or_a_message():
    found = [m for s in _strings(_compose()) for m in SUBSTITUTION.finditer(s)]
    assert found, "the file substitutes no variable: this test no longer looks at anything"
    bare = [m.group(0) for m in found if m.group("form") is None]
    silent = [m.group(0) for m in found if "?" in (m.group("form") or "") and not m.group("rest")]
    assert bare == [] and silent == []


def test_jwt_secret_is_optional_and_the_generated_one_is_kept_in_a_volume():
    compose = _compose()
    gateway = compose["services"]["gateway"]
    assert gateway["environment"]["JWT_SECRET"] == "${JWT_SECRET:-}"
    data_dir = gateway["environment"]["DATA_DIR"]
    volume = next(v for v in gateway["volumes"] if v.split("#")[0].strip().endswith(data_dir))
    assert volume.split(":")[0] in compose["volumes"]
