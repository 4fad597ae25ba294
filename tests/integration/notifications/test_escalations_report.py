"""The notifications' part of the escalations report, on SQLite and PostgreSQL: counts per child
area equal to the list's, medians, each caller's reach, bad queries."""

import pytest

from infra.errors import NotFound, ValidationFailed
from tests.integration.notifications import events as ev
from tests.integration.notifications.conftest import ADMIN, caller
from tests.integration.notifications.test_rpc import opened, rpc

__all__ = ["opened"]  # the fixture, shared with test_rpc


def report(config, who, area, year=2570):
    return rpc(config, "notifications", "escalations_report", who,
               {"area": area, "fiscal_year": year})  # fmt: skip


def test_an_acknowledged_escalation_is_counted_where_it_happened(opened):
    config, expert, escalation = opened
    me = caller(expert, ["district_expert"], ["2401"])
    rpc(config, "notifications", "acknowledge_escalation", me, escalation["id"], None)
    answer = report(config, ADMIN, "24")
    assert [row["key"] for row in answer["rows"]] == ["2401"]
    row = answer["rows"][0]
    listed = rpc(config, "notifications", "list_escalations", ADMIN, {"area_code": "2401"})
    assert row["opened"] == len(listed["items"]) == 1
    assert (row["acknowledged"], row["acknowledged_open"], row["resolved"]) == (1, 1, 0)
    assert row["opened_visit_overdue"] == 1 and row["open_level_0"] == 0
    assert row["median_hours_to_acknowledge"] >= 0 and row["median_hours_to_resolve"] is None
    totals = answer["totals"]
    assert totals["median_hours_to_acknowledge"] == row["median_hours_to_acknowledge"]
    assert report(config, ADMIN, "24", 2569)["rows"][0]["opened"] == 0  # opened in 2570


def test_the_list_filters_by_ladder_level_as_the_report_counts(opened):
    config, _, escalation = opened
    row = report(config, ADMIN, "24")["rows"][0]

    def listed(level: int) -> list[str]:
        query = {"area_code": "2401", "status": ["open"], "level": level}
        return [
            e["id"] for e in rpc(config, "notifications", "list_escalations", ADMIN, query)["items"]
        ]

    assert listed(escalation["level"]) == [escalation["id"]]
    assert [len(listed(level)) for level in (0, 1, 2)] == [
        row[f"open_level_{n}"] for n in (0, 1, 2)
    ]
    with pytest.raises(ValidationFailed) as refused:
        rpc(config, "notifications", "list_escalations", ADMIN, {"level": 3})
    assert [e.field for e in refused.value.errors] == ["level"]


def test_each_caller_counts_only_their_reach(opened):
    config, _, _ = opened
    supervisor = caller(ev.new_id(), ["district_supervisor"], ["2401"])
    assert report(config, supervisor, "24")["rows"][0]["open_level_0"] == 1
    elsewhere = caller(ev.new_id(), ["district_supervisor"], ["2402"])
    assert report(config, elsewhere, "24")["rows"] == []
    with pytest.raises(NotFound):
        report(config, elsewhere, "2401")


@pytest.mark.parametrize(
    "query, field",
    [
        ({"area": "2499", "fiscal_year": 2570}, "area"),
        ({"area": "24", "fiscal_year": 1}, "fiscal_year"),
    ],
)
def test_bad_queries_name_the_field(opened, query, field):
    config, _, _ = opened
    with pytest.raises(ValidationFailed) as refused:
        rpc(config, "notifications", "escalations_report", ADMIN, query)
    assert [e.field for e in refused.value.errors] == [field]
