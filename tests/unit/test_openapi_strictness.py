"""The document is as strict as the validation: URL parameters, fiscal years, months and the rules
across a body's fields say what the routes refuse, so a client built from it sends what passes."""

import functools
from datetime import date

import pytest
from jsonschema import Draft202012Validator
from marshmallow import ValidationError

from gateway.openapi import build
from gateway.reports.definitions import REPORTS
from gateway.service import GatewayService
from infra.fields import FISCAL_YEARS_AHEAD
from infra.fiscal import FIRST_FISCAL_YEAR, current_fiscal_year
from infra.reports import ReportQuery
from services.teams.schemas.group_progress import Month
from services.teams.schemas.targets import TargetKey


@functools.cache
def document() -> dict:
    return build(GatewayService, "test")


def parameters(path: str, method: str) -> dict[str, dict]:
    item = document()["paths"][path]
    found = [*item.get("parameters", []), *item[method]["parameters"]]
    return {p["name"]: p for p in found if p["in"] in ("path", "query")}


def valid(component: str, body: dict) -> bool:
    root = {"$ref": f"#/components/schemas/{component}", **document()}
    return Draft202012Validator(root).is_valid(body)


def test_url_parameters_with_a_rule_state_it_with_a_real_example():
    for path in ("/api/v1/areas/{code}", "/api/v1/areas/{code}/children"):
        code = parameters(path, "get")["code"]["schema"]
        assert code["format"] == "dopa-area-code" and code["example"] == "24"
    targets = parameters("/api/v1/sammachip/targets/{area}/{fiscal_year}", "put")
    assert targets["area"]["schema"]["pattern"] == "^([0-9]{2}|[0-9]{4})$"
    assert targets["fiscal_year"]["schema"]["minimum"] == FIRST_FISCAL_YEAR
    report = parameters("/api/v1/reports/{name}", "get")
    assert report["name"]["schema"]["enum"] == list(REPORTS)
    assert report["area"]["schema"]["format"] == "dopa-area-code"  # or `team`: neither required
    month = parameters("/api/v1/occupation-groups/{group_id}/reports/{period}", "put")["period"]
    assert month["schema"]["format"] == "year-month"
    group_id = parameters("/api/v1/occupation-groups/{group_id}/reports/{period}", "put")
    assert "pattern" in group_id["group_id"]["schema"]  # undeclared: URL-safe text


def _targets_accept(year: int) -> bool:
    return not TargetKey().validate({"area_code": "24", "fiscal_year": year})


def _report_accepts(year: int) -> bool:
    return not ReportQuery().validate({"area": "24", "fiscal_year": year})


@pytest.mark.parametrize(
    ("path", "accepts"),
    [
        ("/api/v1/sammachip/targets/{area}/{fiscal_year}", _targets_accept),
        ("/api/v1/reports/{name}", _report_accepts),
    ],
)
def test_a_fiscal_years_range_is_the_one_the_validation_holds(path, accepts):
    schema = parameters(path, "get")["fiscal_year"]["schema"]
    latest = current_fiscal_year() + schema[FISCAL_YEARS_AHEAD]
    assert accepts(schema["minimum"]) and accepts(latest) and accepts(schema["example"])
    assert not accepts(schema["minimum"] - 1) and not accepts(latest + 1)


def test_a_month_is_documented_from_2000_with_an_example_that_has_begun():
    schema = parameters("/api/v1/occupation-groups/{group_id}/reports/{period}", "put")["period"]
    pattern = Draft202012Validator(schema["schema"])
    assert pattern.is_valid("2000-01") and not pattern.is_valid("1999-12")
    assert not pattern.is_valid("2026-13") and pattern.is_valid(schema["schema"]["example"])
    assert Month().deserialize(schema["schema"]["example"]) <= date.today().replace(day=1)
    with pytest.raises(ValidationError):
        Month().deserialize("1999-12")


def test_an_intervention_names_what_its_kind_needs_and_never_as_null():
    referral = {"kind": "referral", "description": "to the district hospital"}
    assert not valid("RequestIntervention", referral)
    assert not valid("RequestIntervention", {**referral, "agency": None})
    assert valid("RequestIntervention", {**referral, "agency": "โรงพยาบาลอำเภอ"})
    funding = {"kind": "funding_access", "description": "a loan for a stall", "funding": None}
    assert not valid("RequestIntervention", funding)
    money = {"amount_thb": "5000", "purpose": "stall", "term_months": 12}
    assert valid("RequestIntervention", {**funding, "funding": money})


def test_targets_take_a_percentage_only_instead_of_the_count_and_with_the_villages():
    assert valid("TargetsIn", {})
    percent = {"villages_with_registered_group_percent": 50}
    assert not valid("TargetsIn", percent)
    assert valid("TargetsIn", {**percent, "villages_with_trainer_team": 120})
    both = {**percent, "villages_with_trainer_team": 120, "villages_with_registered_group": 3}
    assert not valid("TargetsIn", both)


def test_a_decimal_is_documented_no_longer_than_it_is_read():
    assert not valid("RulesIn", {**_rules(), "annual_interest_rate": "0" * 30 + "5"})
    assert valid("RulesIn", _rules())


def _rules() -> dict:
    return {
        "min_monthly_saving_thb": "100",
        "annual_interest_rate": "12",
        "interest_method": "flat",
        "max_loan_multiple": "3",
        "max_term_months": 24,
    }


def test_a_committee_seat_is_documented_once():
    seat = {"person_id": "e3e70682-c209-1cac-a29f-6fbed82c07cd", "role": "chair"}
    group = {"name": "กลุ่มออมทรัพย์บ้านนา", "committee": [seat], "rules": _rules()}
    assert valid("GroupChange", group)
    assert not valid("GroupChange", {**group, "committee": [seat, seat]})
