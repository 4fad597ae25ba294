"""The generated OpenAPI document describes what the gateway really sends."""

import functools
import inspect
import json
import re
from pathlib import Path

import pytest
from nameko.containers import ServiceContainer
from nameko.extensions import ENTRYPOINT_EXTENSIONS_ATTR

from gateway.http import OPERATION_ID, api
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
    national_id = member["national_id"]
    assert national_id["format"] == "th-national-id"
    assert documented(national_id, "1-1017-00230-70-8") and documented(national_id, "1101700230708")
    assert not documented(national_id, "110170023070") and not documented(
        national_id, "0101700230708"
    )
    assert "1900-01-01" in member["birth_date"]["description"]
    assert documented(member["first_name"], "สมชาย") and not documented(
        member["first_name"], "a\nb"
    )
    assert member["sex"] == {
        "default": None,
        "anyOf": [{"type": "string", "enum": ["male", "female"]}, {"type": "null"}],
    }
    register = schemas["RegisterHousehold"]["properties"]
    village = register["village_code"]
    assert documented(village, "24010101") and not documented(village, "24010100")
    assert village["format"] == "dopa-area-code" and village["example"] == "24010101"
    income = register["annual_income_thb"]
    assert documented(income, "0") and documented(income, "100000000.00")
    assert not documented(income, "100000000.01") and not documented(income, "1.005")
    assert "\\d" not in json.dumps(schemas)  # Unicode digits: every pattern says [0-9]


def test_payable_amounts_rates_and_counts_state_their_ranges():
    schemas = build(GatewayService, "test")["components"]["schemas"]
    amount = schemas["SheetLineIn"]["properties"]["amount_thb"]
    assert (
        documented(amount, "0.01")
        and not documented(amount, "0")
        and not documented(amount, "0.00")
    )
    rules = schemas["RulesIn"]["properties"]
    assert documented(rules["annual_interest_rate"], "60") and not documented(
        rules["annual_interest_rate"], "60.01"
    )
    assert not documented(rules["max_loan_multiple"], "0.00")
    assert (rules["max_term_months"]["minimum"], rules["max_term_months"]["maximum"]) == (1, 120)
    attended = schemas["HouseholdAttendance"]["properties"]["sessions_attended"]
    assert (attended["minimum"], attended["maximum"]) == (-(2**31 - 1), 2**31 - 1)  # a db integer
    members = schemas["RegisterHousehold"]["properties"]["members"]
    assert (members["minContains"], members["maxContains"]) == (1, 1)  # one head
    assert schemas["SheetLineIn"]["then"]["required"] == ["member_id"]  # a deposit names its member


def test_free_text_and_path_parameters_state_the_input_rule():
    schemas = build(GatewayService, "test")["components"]["schemas"]
    note = schemas["RecordConsent"]["properties"]["note"]
    assert documented(note, "line one\nline two\tend") and not documented(note, "a\x00b")
    path = build(GatewayService, "test")["paths"]["/api/v1/households/{household_id}"]
    household_id = next(p for p in path["parameters"] if p["in"] == "path")
    assert documented(household_id["schema"], "0b6f") and not documented(
        household_id["schema"], "a\x1fb"
    )


def test_the_upload_documents_every_query_parameter_it_reads():
    _, _, upload = operations()["household_imports.upload"]
    query = {p["name"]: p["required"] for p in upload["parameters"] if p["in"] == "query"}
    assert query == {"format": True, "survey_year": True, "file_name": False}


def documented(spec: dict, value: str) -> bool:
    """Whether the document's pattern (and length) for `spec` admits `value`."""
    schema = next((s for s in spec.get("anyOf", []) if s.get("type") != "null"), spec)
    fits = len(value) <= schema.get("maxLength", len(value))
    return fits and re.search(schema["pattern"], value) is not None


OPERATION_IDS = Path(__file__).with_name("openapi_operation_ids.txt")
METHODS = {"get", "put", "post", "patch", "delete"}


@functools.cache
def operations() -> dict[str, tuple[str, str, dict]]:
    """Every operation of the document by its id (a repeated id would be lost, so checked too)."""
    found = [
        (operation["operationId"], method.upper(), path, operation)
        for path, methods in build(GatewayService, "test")["paths"].items()
        for method, operation in methods.items()
        if method in METHODS
    ]
    ids = [operation_id for operation_id, *_ in found]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    return {operation_id: (method, path, op) for operation_id, method, path, op in found}


def test_no_two_route_classes_name_a_handler_alike():
    """The gateway is one class made of many route classes: a handler named like another
    class's silently replaces it, and its route vanishes (a second `get_plan` once did)."""
    owners: dict[str, list[str]] = {}
    for cls in GatewayService.__mro__[1:]:
        for name, member in vars(cls).items():
            if callable(member) and hasattr(member, ENTRYPOINT_EXTENSIONS_ATTR):
                owners.setdefault(name, []).append(cls.__name__)
    assert {name: found for name, found in owners.items() if len(found) > 1} == {}


def test_operation_ids_are_unique_resource_verbs_and_change_only_on_purpose():
    found = operations()
    assert all(OPERATION_ID.fullmatch(operation_id) for operation_id in found)
    listed = sorted(f"{i} {method} {path}" for i, (method, path, _) in found.items())
    # A new, renamed or moved route changes generated clients: update the list deliberately.
    assert listed == OPERATION_IDS.read_text().splitlines()


class Unnamed:
    name = "unnamed"

    @api("GET", "/a", public=True)
    def first(self, request): ...


class Twice:
    name = "twice"

    @api("GET", "/a", public=True, operation="things.get")
    def first(self, request): ...

    @api("GET", "/b", public=True, operation="things.get")
    def second(self, request): ...


@pytest.mark.parametrize(("service", "message"), [(Unnamed, "needs operation"), (Twice, "share")])
def test_a_route_without_its_own_operation_id_does_not_start(service, message):
    container = ServiceContainer(service, config={})
    with pytest.raises(TypeError, match=message):
        for entrypoint in container.entrypoints:
            entrypoint.setup()


def header_names(operation: dict) -> dict[str, bool]:
    return {p["name"]: p["required"] for p in operation["parameters"] if p["in"] == "header"}


def test_a_versioned_change_requires_if_match_and_documents_412_and_428():
    _, _, update = operations()["households.update"]
    assert header_names(update) == {
        "X-Request-ID": False,
        "Accept-Language": False,
        "If-Match": True,
    }
    if_match = next(p for p in update["parameters"] if p["name"] == "If-Match")
    assert if_match["schema"]["pattern"] == '^"[1-9][0-9]{0,8}"$'  # a strong tag; versions from 1
    assert {"412", "428", "409", "413", "415", "422"} <= set(update["responses"])
    assert list(update["responses"]["200"]["headers"]) == ["X-Request-ID", "ETag"]
    _, _, optional = operations()["households.plan.save"]
    assert header_names(optional)["If-Match"] is False
    assert "412" in optional["responses"] and "428" not in optional["responses"]


def test_a_route_that_never_reads_if_match_claims_no_412_or_428():
    for operation_id in ("households.get", "households.list", "households.register"):
        _, _, operation = operations()[operation_id]
        assert "If-Match" not in header_names(operation)
        assert not {"412", "428"} & set(operation["responses"]), operation_id


def test_a_post_takes_an_idempotency_key_and_says_when_it_replays():
    _, _, register = operations()["households.register"]
    key = next(p for p in register["parameters"] if p["name"] == "Idempotency-Key")
    assert key["required"] is False
    assert key["schema"]["pattern"] == "^[A-Za-z0-9._:-]{8,64}$"
    created = register["responses"]["201"]["headers"]
    assert {"ETag", "Location", "Idempotent-Replayed", "X-Request-ID"} <= set(created)
    _, _, login = operations()["tokens.issue"]  # public: no caller to remember the answer for
    assert "Idempotency-Key" not in header_names(login)


def test_a_list_documents_its_link_header_and_a_429_its_retry_after():
    _, _, households = operations()["households.list"]
    assert "Link" in households["responses"]["200"]["headers"]
    assert "Retry-After" in households["responses"]["429"]["headers"]


def test_every_operation_documents_its_problems_as_problem_json():
    problem = {"$ref": "#/components/schemas/Problem"}
    for operation_id, (_, _, operation) in operations().items():
        responses = operation["responses"]
        assert {"400", "422"} <= set(responses), operation_id
        if operation["security"]:
            assert {"401", "403", "404", "429", "503", "504"} <= set(responses), operation_id
        if "requestBody" in operation:
            assert {"413", "422"} <= set(responses), operation_id
        for status, answer in responses.items():
            assert "X-Request-ID" in answer["headers"], (operation_id, status)
            if int(status) >= 400 and operation_id not in ("health.check", "health.ready"):
                assert answer["content"] == {"application/problem+json": {"schema": problem}}


def test_a_status_a_route_declares_is_documented_as_a_problem():
    """`problems=` adds what the shared table cannot know: a replay cursor that expired (410),
    a report format that cannot be given (406)."""
    for operation_id, status in (("events.list", "410"), ("reports.get", "406")):
        _, _, operation = operations()[operation_id]
        assert "problem+json" in str(operation["responses"][status]["content"]), operation_id


READS_IF_MATCH = re.compile(r"(expected|optional)_version\(request\)")


def test_a_route_declares_if_match_exactly_when_it_reads_it():
    for name, method in inspect.getmembers(GatewayService, inspect.isfunction):
        for route in getattr(method, ENTRYPOINT_EXTENSIONS_ATTR, ()):
            source = inspect.getsource(method)
            optional = "optional_version(" in source
            reads = READS_IF_MATCH.search(source) is not None
            expected = ("optional" if optional else "required") if reads else None
            assert getattr(route, "if_match", None) == expected, name


def test_a_public_route_documents_only_what_it_answers():
    _, _, login = operations()["tokens.issue"]
    assert "401" in login["responses"] and "403" not in login["responses"]
    _, _, asset = operations()["docs.asset"]
    assert set(asset["responses"]) == {"200", "400", "404", "414", "422"}  # 414: any URI


def test_every_operation_takes_accept_language_and_its_problems_say_their_language():
    for operation_id, (_, _, operation) in operations().items():
        assert header_names(operation)["Accept-Language"] is False, operation_id
        for status, answer in operation["responses"].items():
            if int(status) >= 400 and operation_id not in ("health.check", "health.ready"):
                language = answer["headers"]["Content-Language"]["schema"]
                assert language == {"type": "string", "enum": ["th", "en"]}, (operation_id, status)
                assert "Vary" in answer["headers"], (operation_id, status)


def test_a_versioned_change_takes_its_version_from_if_match_not_from_the_body():
    schemas = build(GatewayService, "test")["components"]["schemas"]
    for name in ("UpdateHousehold", "RecordConsent", "ChangeStage", "SavePlan"):
        assert "expected_version" not in schemas[name]["properties"], name
