"""What the /metrics endpoints are declared to expose (from the code), and reading a scrape."""

from __future__ import annotations

from typing import Any

import requests
from prometheus_client.parser import text_string_to_metric_families

from infra import metrics
from infra.metrics_collector import Families
from services.households.db.imports import IMPORT_ROWS_READ, IMPORTS_UNFINISHED
from services.notifications.db.escalations import OPEN_BY_LEVEL

SUFFIXES = {
    "counter": ("_total", "_created"),
    "histogram": ("_bucket", "_count", "_sum", "_created"),
    "gauge": ("",),
}
GATEWAY = [
    metrics.HTTP_REQUESTS,
    metrics.HTTP_DURATION,
    metrics.IDEMPOTENT_REPLAYS,
    metrics.RATE_LIMITED,
    metrics.RPC_CALLS,
    metrics.RPC_CALL_DURATION,
]
SERVICE = [metrics.RPC_HANDLED, metrics.RPC_HANDLED_DURATION, metrics.EVENTS, metrics.IMPORT_ROWS]
OWN_GAUGES = {  # read from a service's own database when scraped
    "households": [IMPORTS_UNFINISHED, IMPORT_ROWS_READ],
    "notifications": [OPEN_BY_LEVEL],
}


def _declared(metric: Any) -> tuple[str, str, tuple[str, ...]]:
    return metric._name, metric._type, tuple(metric._labelnames)


def collected_families() -> list[tuple[str, str, tuple[str, ...]]]:
    """The families read from containers at each scrape (every process, services and gateway)."""
    return [(f.name, f.type, tuple(f._labelnames)) for f in Families().all()]


def own_families(service: str | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """A service's own gauges (every service's when None)."""
    chosen = OWN_GAUGES.values() if service is None else [OWN_GAUGES.get(service, [])]
    return [(g.name, "gauge", ("service", g.label)) for gauges in chosen for g in gauges]


def gateway_families() -> list[tuple[str, str, tuple[str, ...]]]:
    return [_declared(metric) for metric in GATEWAY]


def service_families() -> list[tuple[str, str, tuple[str, ...]]]:
    return [_declared(metric) for metric in SERVICE]


def sample_names() -> set[str]:
    """Every series name any endpoint of this system may expose (smile_* only)."""
    families = [
        *gateway_families(),
        *service_families(),
        *collected_families(),
        *own_families(),
    ]
    return {name + suffix for name, kind, _ in families for suffix in SUFFIXES[kind]}


def scrape(url: str) -> dict[str, Any]:
    """`{family name: family}` of one endpoint's exposition."""
    answer = requests.get(url, timeout=10)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].startswith("text/plain"), answer.headers
    return {family.name: family for family in text_string_to_metric_families(answer.text)}


def labels_of(family: Any) -> list[dict[str, str]]:
    return [sample.labels for sample in family.samples if not sample.name.endswith("_created")]
