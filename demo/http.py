"""A small client of the public API: a signed-in person's session, calls that say what failed,
and waiting for what the services learn from each other's events."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import requests

T = TypeVar("T")
API = "/api/v1"


class ApiError(RuntimeError):
    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Api:
    """One person's signed-in session on the gateway."""

    def __init__(self, url: str, username: str, password: str) -> None:
        self.url, self.username = url.rstrip("/"), username
        self.session = requests.Session()
        answer = self.session.post(
            f"{self.url}{API}/auth/token",
            json={"username": username, "password": password},
            timeout=30,
        )
        expect(answer, 200, f"sign-in of {username}")
        token = answer.json()["access_token"]
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        etag: str | None = None,
        params: dict[str, Any] | None = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        sent = dict(headers or {})
        if etag is not None:
            sent["If-Match"] = etag
        return self.session.request(
            method,
            f"{self.url}{API}{path}",
            json=body,
            data=data,
            params=params,
            headers=sent,
            timeout=60,
        )

    def get(self, path: str, **params: Any) -> Any:
        return expect(self.call("GET", path, params=params), 200, f"GET {path}").json()

    def post(
        self, path: str, body: Any = None, status: int | tuple[int, ...] = 201, **kw: Any
    ) -> Any:
        answer = self.call("POST", path, {} if body is None else body, **kw)
        return expect(answer, status, f"POST {path}").json()

    def items(self, path: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every item of a list, page after page."""
        params = {"limit": 200, **params}
        while True:
            page = self.get(path, **params)
            yield from page["items"]
            if not page.get("next"):
                return
            params["after"] = page["next"]

    def current(self, path: str) -> tuple[dict[str, Any], str]:
        """An object and the ETag to change it with."""
        answer = expect(self.call("GET", path), 200, f"GET {path}")
        return answer.json(), answer.headers["ETag"]


def expect(answer: requests.Response, status: int | tuple[int, ...], what: str) -> Any:
    wanted = status if isinstance(status, tuple) else (status,)
    if answer.status_code not in wanted:
        raise ApiError(f"{what}: {answer.status_code} {answer.text[:500]}", answer.status_code)
    return answer


def wait_for(check: Callable[[], T], what: str, seconds: float = 300) -> T:
    """`check()`'s first truthy answer; the services learn from events, a little later."""
    deadline = time.monotonic() + seconds
    while True:
        if result := check():
            return result
        if time.monotonic() > deadline:
            raise ApiError(f"gave up waiting {seconds:g}s for {what}")
        time.sleep(0.5)
