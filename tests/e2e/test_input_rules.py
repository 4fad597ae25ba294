"""The gateway's input rules hold on every route of `/openapi.json`, read from the spec so a new
route is covered without anyone remembering it: no body nested thousands deep, and no NUL, control
character or lone surrogate in a body key or value, a query parameter or a path parameter. Each is
a 4xx problem naming the field, never a 5xx, and the route never runs."""

from __future__ import annotations

import re

import pytest
import requests

PROBLEM = "application/problem+json"
DEEP = "[" * 5000 + "]" * 5000
HTTP_METHODS = ("get", "put", "post", "patch", "delete")


def operations(system) -> list[tuple[str, str, dict]]:
    spec = requests.get(f"{system.url}/openapi.json", timeout=10).json()
    return [
        (method.upper(), path, operation)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
        if method in HTTP_METHODS
    ]


def send(system, method: str, path: str, **options) -> requests.Response:
    url = system.url + re.sub(r"\{[^}]+\}", "x", path)
    headers = {"Authorization": f"Bearer {system.admin_token}", **options.pop("headers", {})}
    return requests.request(method, url, headers=headers, timeout=15, **options)


def refused(answer: requests.Response, status: int, field: str) -> str | None:
    """What is wrong with the answer, or None if it is the refusal expected."""
    if answer.status_code != status or answer.headers.get("Content-Type") != PROBLEM:
        return f"{answer.status_code} {answer.text[:200]}"
    fields = [error["field"] for error in answer.json().get("errors", [])]
    return None if field in fields else f"fields {fields}"


def failures(system, check) -> list[str]:
    found = []
    for method, path, operation in operations(system):
        problem = check(method, path, operation)
        if problem:
            found.append(f"{method} {path}: {problem}")
    return found


@pytest.mark.parametrize("text", ["\ud800", "\x00", "\x1b"])
def test_every_route_refuses_forbidden_text_in_body_keys_and_values(system, text):
    def check(method, path, operation):
        if "requestBody" not in operation:
            return None
        as_key = send(system, method, path, json={f"k{text}": 1})
        as_value = send(system, method, path, json={"note": f"a{text}b"})
        return refused(as_key, 422, "body") or refused(as_value, 422, "note")

    assert failures(system, check) == []


def test_every_route_refuses_a_body_nested_thousands_deep(system):
    def check(method, path, operation):
        if "requestBody" not in operation:
            return None
        headers = {"Content-Type": "application/json"}
        return refused(send(system, method, path, data=DEEP, headers=headers), 400, "body")

    assert failures(system, check) == []


def test_every_route_refuses_forbidden_text_in_query_and_path_parameters(system):
    def check(method, path, operation):
        in_query = refused(send(system, method, path, params={"q": "a\x00b"}), 422, "q")
        names = re.findall(r"\{([^}]+)\}", path)
        if in_query or not names:
            return in_query
        bad_path = path.replace("{" + names[0] + "}", "x%01y", 1)
        return refused(send(system, method, bad_path), 422, names[0])

    assert failures(system, check) == []
