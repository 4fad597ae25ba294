"""Hostile input over every route of the live `/openapi.json`, on SQLite and PostgreSQL.

Generated from the document, so a new route is covered without anyone remembering it: every
property of every JSON body, every query parameter and every path parameter gets the values of
`hostile_values` (NUL, lone surrogates, control characters, huge strings, wrong types, Unicode
digits in codes and money, absurd dates), every body is also sent nested 5,000 deep, and every
versioned change gets malformed If-Match headers. Nothing may answer 5xx or accept the value;
every refusal is problem+json, a 422 names the field, and no stored row changes in any database.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
import requests

from tests.conftest import BACKENDS
from tests.e2e.access_setup import build
from tests.e2e.conftest import launch
from tests.e2e.hostile_values import TEXT_RULE, hostile_values, is_text_rule
from tests.e2e.stored_rows import stored_rows
from tests.e2e.test_access_matrix import BODIES, filled
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template
from tests.support.waiting import wait_for

PROBLEM = "application/problem+json"
NOT_JSON_BODIES = {"/api/v1/household-imports"}  # raw file uploads, refused by media type
QUERY_TEXT = {
    name: quote(value, safe="", errors="surrogatepass") for name, value in TEXT_RULE.items()
}


class Attack:
    """The system under attack: the administrator (who may reach every object), the world's
    objects and the OpenAPI document."""

    def __init__(self, world: Any, env: dict[str, str]) -> None:
        self.world = world
        self.env = env
        self.url = world.system.url
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {world.system.admin_token}"
        self.spec = self.http.get(f"{self.url}/openapi.json", timeout=10).json()
        self.answers: list[tuple[str, Any, requests.Response]] = []
        self.etags: dict[str, str] = {}

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for path, item in sorted(self.spec["paths"].items()):
            for method, operation in sorted(item.items()):
                if method in ("get", "post", "put", "patch", "delete"):
                    yield method.upper(), path, operation

    def path_of(self, path: str, **override: str) -> str | None:
        names = dict(self.world.objects)
        if path.startswith("/api/v1/trainer-teams/"):
            names["team_id"] = names["trainer_team_id"]
        names.update(override)
        filled_path = re.sub(r"{(\w+)}", lambda m: names.get(m.group(1), m.group(0)), path)
        return None if "{" in filled_path else filled_path

    def base_body(self, method: str, path: str) -> Any:
        route = re.sub(r"{(\w+)}", r"<string:\1>", path)
        return copy.deepcopy(filled(BODIES.get((method, route), {}), self.world.objects))

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        if "allOf" in schema:
            return self.resolve(schema["allOf"][0])
        return schema

    def etag(self, target: str) -> str:
        """The ETag of the object `target` changes (itself or the nearest object above it), so
        that a versioned change reaches its validation instead of a 412."""
        if target not in self.etags:
            path, tag = target, None
            while tag is None and path.count("/") > 3:
                tag = self.http.get(f"{self.url}{path}", timeout=10).headers.get("ETag")
                path = path.rsplit("/", 1)[0]
            self.etags[target] = tag or '"1"'
        return self.etags[target]

    def send(self, method: str, path: str, what: Any, **kwargs: Any) -> requests.Response:
        answer = self.http.request(method, f"{self.url}{path}", timeout=30, **kwargs)
        self.answers.append((f"{method} {path}", what, answer))
        return answer


@pytest.fixture(scope="module", params=BACKENDS)
def attack(request, tmp_path_factory, rabbit_admin) -> Iterator[Attack]:
    settings: dict[str, Any] = {"RATE_LIMIT_LOGIN": "100000/minute"}
    prefix = new_prefix() if request.param == "postgresql" else None
    if prefix:
        settings["DATABASE_URL"] = postgres_template(prefix)
    try:
        for system in launch(tmp_path_factory.mktemp("hostile"), rabbit_admin, **settings):
            yield Attack(build(system), system.env)
    finally:
        if prefix:
            drop_postgres_databases(prefix)


@pytest.fixture
def unchanged(attack: Attack) -> Iterator[None]:
    """No stored row of any database changes while the test attacks."""
    before = settled_rows(attack.env)
    yield
    after = stored_rows(attack.env)
    changed = sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))
    assert changed == [], f"hostile requests changed rows of {changed}"


def settled_rows(env: dict[str, str]) -> dict[str, str]:
    """The stored rows once the events of building the world have all been applied."""
    previous = {"rows": stored_rows(env)}
    moving: set[str] = set()

    def settled() -> dict[str, str] | None:
        now = stored_rows(env)
        moving.clear()
        moving.update(t for t in now if now[t] != previous["rows"].get(t))
        previous["rows"] = now
        return None if moving else now

    try:
        return wait_for(settled, timeout=60, interval=1.0, what="the system to settle")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; still changing: {sorted(moving)}") from None


def body_properties(
    attack: Attack, schema: dict[str, Any], prefix: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(path, schema) of every property, one level into nested objects and arrays of objects."""
    for name, prop in attack.resolve(schema).get("properties", {}).items():
        prop = attack.resolve(prop)
        path = (*prefix, name)
        yield path, prop
        if len(prefix) >= 2:
            continue
        items = attack.resolve(prop.get("items", {}))
        if "properties" in items:
            yield from body_properties(attack, items, (*path, 0))
        elif "properties" in prop:
            yield from body_properties(attack, prop, path)


def with_value(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    body = copy.deepcopy(body) if isinstance(body, dict) else {}
    node = body
    for step, following in itertools.pairwise(path):
        if isinstance(following, int):
            items = node.get(step) if isinstance(node.get(step), list) else []
            first = items[0] if items and isinstance(items[0], dict) else {}
            node[step] = [first]
            node = node[step]
        elif isinstance(step, int):
            node = node[0]
        else:
            node[step] = node.get(step) if isinstance(node.get(step), dict) else {}
            node = node[step]
    node[path[-1]] = value
    return body


def named(answer: requests.Response, field: str) -> bool:
    pointer = "/" + field.replace(".", "/")
    for error in answer.json().get("errors", []):
        if error.get("field", "").startswith(field) or error.get("pointer", "").startswith(pointer):
            return True
    return False


def faults(attack: Attack, *, text_rule_fields: bool = True) -> list[str]:
    """Every answer that was a 5xx, accepted the hostile value, was not problem+json, or
    refused with 422 without naming the field."""
    found = []
    for request, (field, value), answer in attack.answers:
        fault = fault_of(answer, field, value, text_rule_fields)
        if fault:
            found.append(f"{request} {field}={short(value)} -> {answer.status_code}: {fault}")
    attack.answers.clear()
    return found


def fault_of(answer: requests.Response, field: str, value: Any, text_rule: bool) -> str:
    if answer.status_code >= 500:
        return "server error " + answer.text[:200]
    if answer.status_code < 400:
        return "accepted"
    if answer.headers.get("Content-Type") != PROBLEM:
        return f"not problem+json ({answer.headers.get('Content-Type')})"
    if text_rule and is_text_rule(value) and answer.status_code != 422:
        return "the text rule must refuse with 422 " + answer.text[:200]
    if answer.status_code == 422 and field and not named(answer, field):
        return "422 does not name the field " + answer.text[:300]
    return ""


def assert_none(found: list[str]) -> None:
    assert not found, (
        f"{len(found)} hostile requests were not refused as they should be:\n" + "\n".join(found)
    )


def short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) < 40 else text[:36] + "..."


def test_hostile_body_values_are_refused_naming_the_field(attack: Attack, unchanged) -> None:
    for method, path, operation in attack.operations():
        content = operation.get("requestBody", {}).get("content", {})
        target = attack.path_of(path)
        if "application/json" not in content or target is None or path in NOT_JSON_BODIES:
            continue
        base = attack.base_body(method, path)
        for field_path, prop in body_properties(attack, content["application/json"]["schema"]):
            field = ".".join(str(step) for step in field_path)
            for value in hostile_values(str(field_path[-1]), prop).values():
                body = with_value(base, field_path, value)
                headers = {"If-Match": attack.etag(target)}
                attack.send(method, target, (field, value), json=body, headers=headers)
    assert_none(faults(attack))


def test_hostile_query_parameters_are_refused_naming_them(attack: Attack, unchanged) -> None:
    for method, path, operation in attack.operations():
        target = attack.path_of(path)
        if target is None:
            continue
        for parameter in operation.get("parameters", []):
            if parameter.get("in") != "query":
                continue
            name = parameter["name"]
            values = hostile_values(name, attack.resolve(parameter.get("schema", {})))
            for label, value in values.items():
                if label == "huge" or isinstance(value, bool) or not isinstance(value, str | int):
                    continue
                raw = QUERY_TEXT.get(label) or quote(str(value), safe="")
                sent = TEXT_RULE.get(label, value)
                attack.send(method, f"{target}?{name}={raw}", (name, sent))
    assert_none(faults(attack))


HOSTILE_IDS = ["%00", "%ED%A0%80", "%07", "๑๒๓", "x" * 300, "..%2F..%2Fetc", "%F0%9F%92%A9"]


def test_hostile_path_parameters_are_refused(attack: Attack, unchanged) -> None:
    for method, path, _operation in attack.operations():
        for name in re.findall(r"{(\w+)}", path):
            for hostile in HOSTILE_IDS:
                target = attack.path_of(path, **{name: hostile})
                if target is not None:
                    attack.send(method, target, ("", hostile), json={}, headers={"If-Match": '"1"'})
    refused = [f for f in faults(attack) if "-> 404" not in f or "not problem+json" in f]
    assert_none(refused)


DEEP = {"array": "[" * 5000 + "]" * 5000, "object": '{"a":' * 5000 + "1" + "}" * 5000}


def test_deeply_nested_bodies_are_refused(attack: Attack, unchanged) -> None:
    for method, path, operation in attack.operations():
        target = attack.path_of(path)
        if "requestBody" not in operation or target is None or path in NOT_JSON_BODIES:
            continue
        for label, text in DEEP.items():
            attack.send(
                method,
                target,
                ("", label),
                data=text.encode(),
                headers={"Content-Type": "application/json", "If-Match": '"1"'},
            )
    assert_none(faults(attack))


BAD_IF_MATCH = ['"²"', '"๑"', '"1\u0661"', '"99999999999999999999999999"', '"-1"', "1", '"1", "x']


def test_malformed_if_match_is_never_a_server_error(attack: Attack) -> None:
    """Last in the module: a route that takes no If-Match may accept the request and change rows."""
    for method, path, _operation in attack.operations():
        target = attack.path_of(path)
        if method == "GET" or target is None or path in NOT_JSON_BODIES:
            continue
        base = attack.base_body(method, path)
        for tag in BAD_IF_MATCH:
            answer = attack.http.request(
                method,
                f"{attack.url}{target}",
                json=base,
                headers={"If-Match": tag.encode().decode("latin-1")},
                timeout=30,
            )
            assert answer.status_code < 500, f"{method} {path} If-Match {tag}: {answer.text}"
