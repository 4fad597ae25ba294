"""A Python client generated from the live `/openapi.json` (openapi-python-client) walks one flow:
sign in, register a coordinator, sign in as them, register a household, read it back, change it
with If-Match, and read problem+json answers (a stale version, an unknown village) as `Problem`.

The generator must take every operation: a warning that drops one fails the test.
"""

from __future__ import annotations

import datetime
import importlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import requests

from tests.e2e.conftest import ADMIN_PASSWORD, System, launch
from tests.e2e.test_teams import PASSWORD
from tests.integration.helpers import national_id
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TAMBON, VILLAGE = "240105", "24010501"
PACKAGE = "smile_client"
# The upload route takes CSV or XLSX as the raw body: the generator sends any file as bytes.
GENERATOR_CONFIG = """\
package_name_override: smile_client
content_type_overrides:
  text/csv: application/octet-stream
  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: application/octet-stream
"""


@pytest.fixture(scope="module", params=BACKENDS)
def running(request, tmp_path_factory, rabbit_admin) -> Iterator[System]:
    prefix = new_prefix() if request.param == "postgresql" else None
    settings = {"DATABASE_URL": postgres_template(prefix)} if prefix else {}
    try:
        yield from launch(
            tmp_path_factory.mktemp(f"client-{request.param}"), rabbit_admin, **settings
        )
    finally:
        if prefix:
            drop_postgres_databases(prefix)


def generate(url: str, folder: Path) -> str:
    """Generate the client package into `folder`; the generator's output, for the assertions."""
    (folder / "openapi.json").write_bytes(requests.get(f"{url}/openapi.json", timeout=10).content)
    (folder / "config.yaml").write_text(GENERATOR_CONFIG)
    venv_bin = Path(sys.executable).parent
    run = subprocess.run(
        [
            str(venv_bin / "openapi-python-client"),
            "generate",
            "--path=openapi.json",
            "--config=config.yaml",
            "--meta=none",
            f"--output-path={PACKAGE}",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATH": f"{venv_bin}{os.pathsep}{os.environ['PATH']}"},  # its ruff
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


@pytest.fixture
def client_package(running: System, tmp_path: Path) -> Iterator[Any]:
    output = generate(running.url, tmp_path)
    assert "Warning" not in output and "will not be generated" not in output, output
    sys.path.insert(0, str(tmp_path))
    try:
        yield _Package()
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


class _Package:
    """`pkg.api("households.households_get")`, `pkg.model("PersonOut")`, from the generated code."""

    def __init__(self) -> None:
        self.root = importlib.import_module(PACKAGE)
        self.models = importlib.import_module(f"{PACKAGE}.models")

    def api(self, name: str) -> ModuleType:
        return importlib.import_module(f"{PACKAGE}.api.{name}")

    def model(self, name: str) -> Any:
        return getattr(self.models, name)


def sign_in(pkg: _Package, url: str, username: str, password: str) -> Any:
    anonymous = pkg.root.Client(base_url=url)
    body = pkg.model("TokenRequest")(username=username, password=password)
    token = pkg.api("auth.tokens_issue").sync(client=anonymous, body=body)
    assert isinstance(token, pkg.model("Token")), token
    return pkg.root.AuthenticatedClient(base_url=url, token=token.access_token)


def register_coordinator(pkg: _Package, admin: Any) -> str:
    username = f"client.{uuid.uuid4().hex[:6]}"
    body = pkg.model("RegisterPerson")(
        username=username,
        display_name="Generated Client",
        roles=[pkg.model("RegisterPersonRolesItem").SUBDISTRICT_COORDINATOR],
        areas=[TAMBON],
        password=PASSWORD,
    )
    person = pkg.api("people.people_register").sync(client=admin, body=body)
    assert isinstance(person, pkg.model("PersonOut")), person
    return username


def household(pkg: _Package, village: str = VILLAGE) -> Any:
    member = pkg.model("MemberIn")(
        first_name="Somchai",
        last_name="Dee",
        national_id=national_id(uuid.uuid4().int % 10**10),
        is_head=True,
        birth_date=datetime.date(1970, 5, 1),
        sex=pkg.model("MemberInSexType0").MALE,
    )
    return pkg.model("RegisterHousehold")(
        village_code=village, members=[member], size=3, annual_income_thb="30000.00"
    )


def test_a_generated_client_walks_a_household_through_register_read_and_change(
    running: System, client_package: _Package
):
    pkg, url = client_package, running.url
    admin = sign_in(pkg, url, "admin", ADMIN_PASSWORD)
    coordinator = sign_in(pkg, url, register_coordinator(pkg, admin), PASSWORD)

    register = pkg.api("households.households_register")
    created = register.sync_detailed(
        client=coordinator, body=household(pkg), idempotency_key=uuid.uuid4().hex
    )
    assert created.status_code == 201, created.content
    household_id = created.parsed.id

    read = pkg.api("households.households_get").sync_detailed(household_id, client=coordinator)
    assert read.status_code == 200 and read.parsed.size == 3, read.content
    first_tag = read.headers["ETag"]

    update = pkg.api("households.households_update")
    changed = update.sync_detailed(
        household_id,
        client=coordinator,
        body=pkg.model("UpdateHousehold")(size=4, reason="recount"),
        if_match=first_tag,
    )
    assert changed.status_code == 200, changed.content
    assert (changed.parsed.size, changed.parsed.version) == (4, 2)
    assert changed.headers["ETag"] == '"2"'

    stale = update.sync_detailed(
        household_id,
        client=coordinator,
        body=pkg.model("UpdateHousehold")(size=5, reason="recount"),
        if_match=first_tag,
    )
    assert stale.status_code == 412
    assert stale.headers["Content-Type"].startswith("application/problem+json")
    assert isinstance(stale.parsed, pkg.model("Problem")) and stale.parsed.status == 412

    unknown = register.sync_detailed(client=coordinator, body=household(pkg, "24019901"))
    assert unknown.status_code == 422 and isinstance(unknown.parsed, pkg.model("Problem"))
    assert [error.field for error in unknown.parsed.errors] == ["village_code"]
