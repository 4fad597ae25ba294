"""Issue 16 item 6 over HTTP: the case read shows its risk, lists show and filter the level
(`risk=high,critical`), a bad filter is a 422 naming `risk`, and the relapses report is served
as a table of the reports."""

from __future__ import annotations

import pytest

from tests.e2e.test_households import household_body, ok
from tests.e2e.test_teams import Client

VILLAGE = "24011001"  # tambon Khlong Nakhon Nueang Khet: no other test works here
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def admin(system):
    return Client(system.url, system.admin_token)


def test_the_case_read_and_the_list_show_the_risk_and_filter_by_it(admin):
    created = ok(
        admin.call("POST", "/api/v1/households", {**household_body(), "village_code": VILLAGE}), 201
    )
    hid = created.json()["id"]

    risk = ok(admin.call("GET", f"/api/v1/households/{hid}")).json()["risk"]
    assert (risk["level"], risk["signals"], risk["missed_visits"]) == ("low", [], 0)
    low = ok(admin.call("GET", "/api/v1/households", area=VILLAGE, risk="low")).json()["items"]
    assert [(h["id"], h["risk_level"]) for h in low] == [(hid, "low")]
    high = admin.call("GET", "/api/v1/households", area=VILLAGE, risk="high,critical")
    assert ok(high).json()["items"] == []


@pytest.mark.parametrize("value", ["severe", "", "high,", "HIGH", "high;low", "๑", "high\x00"])
def test_a_bad_risk_filter_is_a_problem_naming_it(admin, value):
    answer = admin.call("GET", "/api/v1/households", risk=value)
    assert answer.status_code == 422 and answer.headers["Content-Type"] == PROBLEM
    assert [e["field"] for e in answer.json()["errors"]] == ["risk"]


def test_the_relapses_report_is_a_table_by_graduation_year(admin):
    data = ok(admin.call("GET", "/api/v1/reports/relapses", area="2401")).json()
    keys = [c["key"] for c in data["columns"]]
    assert keys == [
        "relapsed",
        "graduated_in_year",
        "graduated_year_before",
        "graduated_two_years_before",
        "graduated_earlier",
    ]
    assert data["totals"]["relapsed"] == 0
    csv = admin.call("GET", "/api/v1/reports/relapses", area="2401", format="csv")
    assert (
        csv.status_code == 200 and "Households relapsed" in csv.content.decode("utf-8-sig")
    ) or ("ครัวเรือนที่กลับมาตกเกณฑ์" in csv.content.decode("utf-8-sig"))
