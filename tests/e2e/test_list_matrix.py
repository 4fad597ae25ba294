"""Lists leak nothing across areas (a PDPA matter), tested over every list route and every role.

Every GET route of /openapi.json whose answer holds `items` is called by a person of each role in
province A: plainly, and with each of its area parameters set to B's province, district,
sub-district and village, and each of its object filters set to one of B's objects. No item from
B may come back: none of B's ids, and no area code in B. A list route with a query parameter this
file does not know fails `test_every_list_parameter_is_in_the_matrix` until it is placed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.e2e.access_world import B, World

AREA_PARAMETERS = {"area", "area_code"}
OBJECT_PARAMETERS = {  # query parameter -> B's object it names
    "team_id": "team_id",
    "trainer_team_id": "trainer_team_id",
    "network_id": "network_id",
    "recipient_id": "person_id",
    "member": "person_id",
    "member_id": "member_id",
    "loan_id": "loan_id",
    "notification_id": "notification_id",
    "subscription_id": "subscription_id",
    "name": "person_username",  # a name search finds nobody outside the caller's reach
}
NOT_REACH = {  # parameters that narrow within what a caller reaches, never widen it
    "after", "limit", "status", "kind", "role", "active", "stage", "order", "channel",
    "fails_income", "min_failed_indicators", "overdue", "unassigned", "unread_only", "mine",
    "fiscal_year", "level", "plan_waiting", "since", "until", "types", "topic", "object_type",
    "risk",
}  # fmt: skip
# the same for everyone: the DOPA areas' names, and the reports there are (by name, not data)
PUBLIC_LISTS = {"/api/v1/areas/{code}/children", "/api/v1/reports"}
AREA_KEYS = {"areas", "area", "area_code", "village_code", "tambon_code", "district_code",
             "coverage"}  # fmt: skip


def list_routes(url: str) -> dict[str, list[str]]:
    """GET routes answering a page of `items`, with their query parameters."""
    spec = requests.get(f"{url}/openapi.json", timeout=10).json()
    schemas = spec["components"]["schemas"]
    found = {}
    for path, operations in spec["paths"].items():
        get = operations.get("get")
        ref = get and get["responses"].get("200", {}).get("content", {})
        ref = ref and ref.get("application/json", {}).get("schema", {}).get("$ref", "")
        listed = ref and "items" in schemas[ref.rsplit("/", 1)[-1]].get("properties", {})
        if listed and path not in PUBLIC_LISTS:
            params = get.get("parameters", [])
            found[path] = [p["name"] for p in params if p["in"] == "query"]
    return found


def variants(params: list[str], objects: dict[str, str]) -> Iterator[dict[str, str]]:
    """No filter; then each area filter at each of B's levels; then each object filter."""
    yield {"limit": "200"} if "limit" in params else {}
    for name in AREA_PARAMETERS.intersection(params):
        for code in B.values():
            yield {name: code}
    for name in OBJECT_PARAMETERS.keys() & set(params):
        yield {name: objects[OBJECT_PARAMETERS[name]]}


def filled(path: str, objects: dict[str, str]) -> str:
    for name, value in objects.items():
        path = path.replace(f"{{{name}}}", value)
    assert "{" not in path, f"no object of B for {path}"
    return path


def strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v, key)
    elif isinstance(value, str):
        yield key, value


def b_ids(world: World, routes: dict[str, list[str]]) -> set[str]:
    """B's objects, and every id the administrator lists inside B's province."""
    ids = set(world.objects.values())
    for path, params in routes.items():
        for name in AREA_PARAMETERS.intersection(params):
            if "{" not in path:
                answer = world.admin.call("GET", path, **{name: B["province"], "limit": 200})
                assert answer.status_code == 200, (path, answer.text)
                ids |= {item["id"] for item in answer.json()["items"] if "id" in item}
    return ids


def from_b(item: Any, ids: set[str]) -> bool:
    return any(
        value in ids or (key in AREA_KEYS and value.startswith(B["province"]))
        for key, value in strings(item)
    )


@pytest.fixture(scope="module")
def routes(access_world: World) -> dict[str, list[str]]:
    return list_routes(access_world.system.url)


def test_every_list_parameter_is_in_the_matrix(routes):
    known = AREA_PARAMETERS | OBJECT_PARAMETERS.keys() | NOT_REACH
    unknown = {(path, p) for path, params in routes.items() for p in params if p not in known}
    assert unknown == set(), "place these in AREA_PARAMETERS, OBJECT_PARAMETERS or NOT_REACH"
    assert len(routes) >= 20  # the spec was read, not an empty page


def test_no_role_of_another_province_lists_anything_of_b(access_world, routes):
    world = access_world
    ids = b_ids(world, routes)
    assert len(ids) > len(world.objects)  # B's people and objects were listed by the admin
    leaks, failures = [], []
    for path, params in sorted(routes.items()):
        for query in variants(params, world.objects):
            for role, client in world.callers.items():
                answer = client.call("GET", filled(path, world.objects), **query)
                if answer.status_code not in (200, 403, 404):
                    failures.append((role, path, query, answer.status_code))
                elif answer.status_code == 200:
                    shown = [i for i in answer.json()["items"] if from_b(i, ids)]
                    leaks += [(role, path, query, len(shown))] if shown else []
    assert leaks == [] and failures == []
