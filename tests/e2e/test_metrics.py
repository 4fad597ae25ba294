"""Each process's /metrics, scraped from the running system: the gateway on its own port, every
service on its health listener. The names and labels are those the code declares
(tests/support/metrics.py, which the alerts and dashboard are checked against), and no label value
is an id or anything a person typed."""

from __future__ import annotations

import random
import re
import uuid

import pytest
import requests

from tests.e2e.conftest import System
from tests.integration.helpers import national_id
from tests.support.metrics import (
    collected_families,
    gateway_families,
    labels_of,
    own_families,
    scrape,
    service_families,
)
from tests.support.waiting import wait_for

SERVICES = ["households", "teams", "funding", "notifications"]
PASSWORD = "metrics person pass 42"
LOOKS_LIKE_AN_ID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}|[0-9]{6,}")


@pytest.fixture(scope="module")
def traffic(system: System) -> dict[str, str]:
    """A person created with an Idempotency-Key, the request resent (a replay), the person read
    by id, and logins refused until the login limit answers 429."""
    headers = {"Authorization": f"Bearer {system.admin_token}", "Idempotency-Key": uuid.uuid4().hex}
    body = {
        "username": f"metrics.{uuid.uuid4().hex[:8]}",
        "display_name": "Metrics",
        "roles": ["subdistrict_coordinator"],
        "areas": ["240105"],
        "password": PASSWORD,
    }
    people = f"{system.url}/api/v1/people"
    replays_before = replays_of_people(system)
    first = requests.post(people, json=body, headers=headers, timeout=10)
    again = requests.post(people, json=body, headers=headers, timeout=10)
    assert first.status_code == again.status_code == 201, first.text
    person_id = first.json()["id"]
    read = requests.get(f"{people}/{person_id}", headers=headers, timeout=10)
    assert read.status_code == 200, read.text
    refuse_logins_until_limited(system, body["username"])
    replayed = replays_of_people(system) - replays_before
    return {"person_id": person_id, "username": body["username"], "replayed": replayed}


def replays_of_people(system: System) -> float:
    replays = scrape(f"{system.url}/metrics").get("smile_idempotent_replays")
    return sum(series(replays, route="/api/v1/people")) if replays else 0.0


def series(family, **labels: str) -> list[float]:
    return [
        sample.value
        for sample in family.samples
        if all(sample.labels.get(key) == value for key, value in labels.items())
        and not sample.name.endswith("_created")
    ]


def refuse_logins_until_limited(system: System, username: str) -> None:
    for _ in range(30):
        answer = requests.post(
            f"{system.url}/api/v1/auth/token",
            json={"username": username, "password": "wrong password 1"},
            timeout=10,
        )
        if answer.status_code == 429:
            return
    pytest.fail("the login limit never answered 429")


def assert_declared(scraped: dict, declared: list) -> None:
    for name, kind, labels in declared:
        assert name in scraped, f"{name} missing"
        assert scraped[name].type == kind, name
        for sample_labels in labels_of(scraped[name]):
            assert set(sample_labels) - {"le"} == set(labels), (name, sample_labels)


def assert_no_identifying_label(scraped: dict, traffic: dict[str, str]) -> None:
    for family in scraped.values():
        for labels in labels_of(family):
            for value in labels.values():
                assert traffic["person_id"] not in value and traffic["username"] not in value
                assert not LOOKS_LIKE_AN_ID.search(value), (family.name, labels)


def test_the_gateway_counts_requests_by_route_template(system: System, traffic: dict) -> None:
    scraped = scrape(f"{system.url}/metrics")
    assert_declared(scraped, [*gateway_families(), *collected_families()[3:5]])
    requests_by_route = scraped["smile_http_requests"]
    person_route = "/api/v1/people/<string:person_id>"
    assert series(requests_by_route, route=person_route, method="GET", status="200")
    assert series(requests_by_route, route="/api/v1/people", method="POST", status="201")
    assert traffic["replayed"] == 1
    assert series(scraped["smile_rate_limited"], limit="login")[0] >= 1
    assert series(scraped["smile_rpc_calls"], service="teams", outcome="ok")[0] >= 1
    assert series(scraped["smile_rpc_call_duration_seconds"], service="teams", le="+Inf")
    assert series(scraped["smile_broker_connected"], service="gateway") == [1.0]
    assert_no_identifying_label(scraped, traffic)


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_serves_its_metrics(system: System, traffic: dict, service: str) -> None:
    scraped = scrape(f"{system.listener(service)}/metrics")
    declared = [*service_families(), *collected_families(), *own_families(service)]
    assert_declared(scraped, declared)
    assert series(scraped["smile_rpc_handled"], service=service, method="ping", outcome="ok")
    assert series(scraped["smile_outbox_waiting"], service=service)
    assert series(scraped["smile_inbox_rows"], service=service)
    assert series(scraped["smile_broker_connected"], service=service) == [1.0]
    assert_no_identifying_label(scraped, traffic)


def test_consumed_events_are_counted_by_subscription(system: System, traffic: dict) -> None:
    subscription = "evt-teams-person_registered--notifications"

    def consumed() -> list[float]:
        scraped = scrape(f"{system.listener('notifications')}/metrics")
        events = scraped.get("smile_events")
        return [
            sample.value
            for sample in (events.samples if events else [])
            if sample.labels["subscription"].startswith(subscription)
            and sample.labels["outcome"] == "consumed"
            and sample.name.endswith("_total")
        ]

    wait_for(consumed, timeout=30, what="person_registered consumed by notifications")
    teams = scrape(f"{system.listener('teams')}/metrics")
    assert series(teams["smile_outbox_oldest_age_seconds"], service="teams")
    consumers = scrape(f"{system.listener('notifications')}/metrics")["smile_event_consumers"]
    assert any(labels["subscription"].startswith(subscription) for labels in labels_of(consumers))
    assert all(value == 1.0 for value in series(consumers))


def test_import_rows_are_counted_by_outcome(system: System) -> None:
    """The households listener counts an import's committed rows (their rate is the import's
    rows per second) and shows no import unfinished once it is done."""
    listener = f"{system.listener('households')}/metrics"

    def rows(outcome: str) -> float:
        family = scrape(listener).get("smile_import_rows")
        return sum(series(family, outcome=outcome)) if family else 0.0

    before = {outcome: rows(outcome) for outcome in ("accepted", "rejected")}
    heads = [national_id(random.randrange(10**9, 10**10)) for _ in range(2)]
    csv = (
        "village_code,head_national_id,head_first_name,head_last_name,household_size,"
        f"annual_income_thb\n24010501,{heads[0]},Malee,Dee,3,30000\n"
        f"24010502,{heads[1]},Mana,Dee,2,25000\n24010503,1234,Bad,Id,2,25000\n"
    )
    answer = requests.post(
        f"{system.url}/api/v1/household-imports",
        data=csv.encode(),
        params={"survey_year": 2026, "format": "csv", "file_name": "metrics.csv"},
        headers={"Authorization": f"Bearer {system.admin_token}", "Content-Type": "text/csv"},
        timeout=20,
    )
    assert answer.status_code == 202, answer.text
    wait_for(
        lambda: rows("accepted") - before["accepted"] == 2
        and rows("rejected") - before["rejected"] == 1,
        timeout=30,
        what="the import's rows counted",
    )
    imported = f"{system.url}/api/v1/household-imports/{answer.json()['id']}"
    headers = {"Authorization": f"Bearer {system.admin_token}"}
    wait_for(
        lambda: requests.get(imported, headers=headers, timeout=10).json()["status"] == "done",
        what="the import to finish",
    )
    unfinished = scrape(listener)["smile_imports_unfinished"]
    assert series(unfinished, status="processing") in ([], [0.0])
