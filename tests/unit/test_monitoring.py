"""deploy/monitoring: the alert rules and the Grafana dashboard name only series that the
endpoints expose (the code's declarations, which tests/e2e/test_metrics.py scrapes), so neither
can drift from the metrics."""

from __future__ import annotations

import json
import re

import yaml

from infra.config import PROJECT_ROOT
from tests.support.metrics import sample_names

MONITORING = PROJECT_ROOT / "deploy" / "monitoring"
PROMETHEUS_OWN = {"up"}  # made by Prometheus itself for every scraped target
LABELS = {"service", "route", "method", "status", "limit", "outcome", "subscription", "level", "le"}


def alert_rules() -> list[dict]:
    document = yaml.safe_load((MONITORING / "alerts.yml").read_text(encoding="utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard_expressions() -> list[str]:
    dashboard = json.loads((MONITORING / "dashboard.json").read_text(encoding="utf-8"))
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def series_in(expression: str) -> set[str]:
    """Metric names in a PromQL expression: smile_* names and Prometheus' own `up`."""
    names = set(re.findall(r"\bsmile_[a-z0-9_]+", expression))
    return names | {name for name in PROMETHEUS_OWN if re.search(rf"\b{name}\{{", expression)}


def labels_in(expression: str) -> set[str]:
    grouped = re.findall(r"\bby \(([^)]*)\)", expression)
    matched = re.findall(r"([a-z_]+)=~?\"", expression)
    return {label.strip() for group in grouped for label in group.split(",")} | set(matched)


def test_every_series_an_alert_names_is_exposed() -> None:
    exposed = sample_names() | PROMETHEUS_OWN
    for rule in alert_rules():
        named = series_in(rule["expr"])
        assert named, rule["alert"]
        assert named <= exposed, (rule["alert"], named - exposed)
        assert labels_in(rule["expr"]) <= LABELS | {"job"}, rule["alert"]


def test_every_series_the_dashboard_plots_is_exposed() -> None:
    exposed = sample_names()
    expressions = dashboard_expressions()
    assert len(expressions) >= 10
    for expression in expressions:
        named = series_in(expression)
        assert named and named <= exposed, (expression, named - exposed)
        assert labels_in(expression) <= LABELS, expression


def test_the_alerts_cover_what_wakes_someone_up() -> None:
    rules = {rule["alert"]: rule for rule in alert_rules()}
    assert {
        "SmileOutboxBacklogGrowing",
        "SmileEventsParked",
        "SmileRpcErrorRate",
        "SmileConsumerNotConsuming",
        "SmileBrokerUnreachable",
    } <= set(rules)
    for name, rule in rules.items():
        assert rule["labels"]["severity"] in {"page", "ticket"}, name
        assert rule["annotations"]["summary"], name


def test_the_check_catches_a_misspelt_series() -> None:
    assert not series_in("rate(smile_http_requests_totl[5m])") <= sample_names()


def test_the_example_scrape_configuration_matches_the_process_alert() -> None:
    document = yaml.safe_load((MONITORING / "prometheus.yml").read_text(encoding="utf-8"))
    assert document["rule_files"] == ["alerts.yml"]
    jobs = [job["job_name"] for job in document["scrape_configs"]]
    assert jobs and all(re.fullmatch("smile.*", job) for job in jobs)
