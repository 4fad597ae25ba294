"""The generated OpenAPI document describes what the gateway really sends."""

import json

from gateway.openapi import build
from gateway.service import GatewayService


def test_money_is_documented_as_a_decimal_string_never_a_number():
    schemas = build(GatewayService, "test")["components"]["schemas"]
    income = schemas["HouseholdOut"]["properties"]["annual_income_thb"]
    assert income == {"type": ["string", "null"], "format": "decimal"}
    documented_floats = [
        (name, field)
        for name, schema in schemas.items()
        for field, spec in schema.get("properties", {}).items()
        if "number" in json.dumps(spec) and field != "retry_after"
    ]
    assert documented_floats == []


def test_a_conflict_problem_documents_its_extension_members():
    problem = build(GatewayService, "test")["components"]["schemas"]["Problem"]["properties"]
    assert {"allowed", "current_status", "current_version"} <= set(problem)
    assert problem["status"] == {"type": "integer"}


def test_the_value_kinds_document_their_pattern_and_range():
    schemas = build(GatewayService, "test")["components"]["schemas"]
    member = schemas["MemberIn"]["properties"]
    assert member["national_id"]["pattern"] == r"^ *[0-9]+([ -][0-9]+)* *$"
    assert "1900-01-01" in member["birth_date"]["description"]
    assert "\\n" in member["first_name"]["pattern"]
    register = schemas["RegisterHousehold"]["properties"]
    assert register["village_code"]["pattern"] == "^([0-9]{8})$"
    assert register["annual_income_thb"]["pattern"] == r"^[0-9]+(\.[0-9]{1,2})?$"
    assert "\\d" not in json.dumps(schemas)  # Unicode digits: every pattern says [0-9]
