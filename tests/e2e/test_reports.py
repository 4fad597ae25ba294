"""Reports through the gateway on both backends: JSON, XLSX and CSV hold the same numbers, totals
are the sum of the rows, counts equal the lists', each role sees its reach, bad input is a 4xx."""

from __future__ import annotations

import csv
import io
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import openpyxl
import pytest
import requests

from infra.fiscal import current_fiscal_year
from tests.e2e.conftest import System, launch
from tests.e2e.test_households import household_body
from tests.e2e.test_teams import PASSWORD, Client
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template
from tests.support.waiting import wait_for

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
PROBLEM = "application/problem+json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module", params=BACKENDS)
def running(request, tmp_path_factory, rabbit_admin) -> Iterator[System]:
    settings: dict[str, object] = {}
    prefix = new_prefix()
    if request.param == "postgresql":
        settings["DATABASE_URL"] = postgres_template(prefix)
    try:
        yield from launch(tmp_path_factory.mktemp(request.param), rabbit_admin, **settings)
    finally:
        if request.param == "postgresql":
            drop_postgres_databases(prefix)


def person(system: System, admin: Client, role: str, area: str) -> Client:
    name = f"{role}.{uuid.uuid4().hex[:6]}"
    body = {"username": name, "display_name": name, "roles": [role], "areas": [area],
            "password": PASSWORD}  # fmt: skip
    assert admin.call("POST", "/api/v1/people", body).status_code == 201
    return Client(system.url, system.token(name, PASSWORD))


@pytest.fixture(scope="module")
def people(running: System) -> dict[str, Client]:
    """Who asks, and households in two districts of Chachoengsao, registered by coordinators."""
    admin = Client(running.url, running.admin_token)
    clients = {
        "admin": admin,
        "province": person(running, admin, "provincial_supervisor", "24"),
        "district": person(running, admin, "district_supervisor", "2401"),
    }
    for tambon, count in (("240101", 3), ("240201", 2)):
        coordinator = person(running, admin, "subdistrict_coordinator", tambon)
        for _ in range(count):
            body = {**household_body(), "village_code": f"{tambon}0{random.randint(1, 3)}"}
            assert coordinator.call("POST", "/api/v1/households", body).status_code == 201
    return clients


def cases(client: Client, area: str, **params):
    return client.call("GET", "/api/v1/reports/cases", area=area, fiscal_year=2570, **params)


def test_json_rows_total_and_match_the_lists(people):
    answer = cases(people["province"], "24", lang="th")  # the test client asks in English
    assert answer.status_code == 200, answer.text
    report = answer.json()
    rows = {row["key"]: row for row in report["rows"]}
    assert len(rows) == 11 and rows["2401"]["name"] == "เมืองฉะเชิงเทรา"
    for column in report["columns"]:
        if column["kind"] == "count":
            key = column["key"]
            assert report["totals"][key] == sum(row[key] for row in report["rows"]), key
    for district, expected in (("2401", 3), ("2402", 2)):
        listed = people["province"].call("GET", "/api/v1/households", area=district, limit=200)
        assert rows[district]["registered"] == len(listed.json()["items"]) == expected
        assert rows[district]["stage_registered"] == expected
    assert report["totals"]["registered"] == 5 and report["area"]["name_en"] == "Chachoengsao"


def test_the_workbook_and_the_csv_hold_the_json_numbers(people):
    data = cases(people["admin"], "24", lang="th").json()
    answer = cases(people["admin"], "24", format="xlsx", lang="th")
    assert answer.headers["Content-Type"] == XLSX
    disposition = answer.headers["Content-Disposition"]
    assert 'filename="cases-report-Chachoengsao-2570.xlsx"' in disposition
    assert "filename*=UTF-8''" in disposition
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).worksheets[0]
    assert sheet["A1"].value == "รายงานผู้ได้รับการช่วยเหลือ"
    assert sheet["A3"].value.startswith("ข้อมูล ณ วันที่ ")
    headers = [cell.value for cell in sheet[6]]
    registered = headers.index("ครัวเรือนในทะเบียน")
    by_key = {r[0].value: r for r in sheet.iter_rows(min_row=7) if r[0].value}
    for row in data["rows"]:
        assert by_key[row["key"]][registered].value == row["registered"]
    assert sheet[sheet.max_row][registered].value == data["totals"]["registered"]
    text = cases(people["admin"], "24", lang="en", format="csv")
    assert text.content.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["Code", "Area", "Households registered"]
    assert lines[-1][1:3] == ["Total", str(data["totals"]["registered"])]


@pytest.mark.parametrize("name", ["cases", "savings", "escalations", "sammachip"])
def test_each_role_sees_its_reach(people, name):
    """A district supervisor asking for the province gets their district's row; their
    district's report is theirs; the neighbouring district is not found, in every format."""

    def asked(client, area, **params):
        return client.call("GET", f"/api/v1/reports/{name}", area=area, **params)

    district = asked(people["district"], "24").json()
    assert [row["key"] for row in district["rows"]] == ["2401"]
    whole = asked(people["province"], "24").json()
    assert [row["key"] for row in whole["rows"]] == [f"24{n:02d}" for n in range(1, 12)]
    own = asked(people["district"], "2401").json()
    assert (
        len(own["rows"]) == 19
        and own["totals"] == asked(people["province"], "2401").json()["totals"]
    )
    if name == "cases":
        assert district["totals"]["registered"] == 3
    for fmt in ("json", "xlsx", "csv"):
        outside = asked(people["district"], "2402", format=fmt)
        assert outside.status_code == 404 and outside.headers["Content-Type"] == PROBLEM


@pytest.mark.parametrize(
    "params, status, field",
    [
        ({"area": "99"}, 404, None),
        ({"area": "24x"}, 422, "area"),
        ({"area": "24", "fiscal_year": 2559}, 422, "fiscal_year"),
        ({"area": "24", "fiscal_year": current_fiscal_year() + 6}, 422, "fiscal_year"),
        ({"area": "24", "fiscal_year": 2026}, 422, "fiscal_year"),  # a Gregorian year by mistake
        ({"fiscal_year": 2570}, 422, "area"),
        ({"area": "24", "format": "pdf"}, 406, "format"),
        ({"area": "24", "lang": "fr"}, 422, "lang"),
        ({"area": "2401", "rows": "district"}, 422, "rows"),  # not below the district
        ({"area": "24", "rows": "amphoe"}, 422, "rows"),
    ],
)
def test_bad_report_requests_are_problems(people, params, status, field):
    answer = people["admin"].call("GET", "/api/v1/reports/cases", **params)
    assert answer.status_code == status and answer.headers["Content-Type"] == PROBLEM
    if field:
        assert [e["field"] for e in answer.json()["errors"]] == [field]


def test_accept_chooses_the_format_and_refuses_what_it_cannot_make(running, people):
    url = f"{running.url}/api/v1/reports/cases?area=24"
    auth = {"Authorization": f"Bearer {running.admin_token}"}
    csv_answer = requests.get(url, headers={**auth, "Accept": "text/csv"}, timeout=10)
    assert csv_answer.headers["Content-Type"].startswith("text/csv")
    refused = requests.get(url, headers={**auth, "Accept": "application/pdf"}, timeout=10)
    assert refused.status_code == 406 and refused.headers["Content-Type"] == PROBLEM
    missing = requests.get(
        f"{running.url}/api/v1/reports/nothing?area=24", headers=auth, timeout=10
    )
    assert missing.status_code == 404


def test_areas_have_names_and_children(people):
    admin = people["admin"]
    district = admin.call("GET", "/api/v1/areas/2401").json()
    assert district == {"code": "2401", "level": "district", "name_th": "เมืองฉะเชิงเทรา",
                        "name_en": "Mueang Chachoengsao", "parent": "24"}  # fmt: skip
    village = admin.call("GET", "/api/v1/areas/24010103").json()
    assert (village["name_th"], village["name_en"]) == ("หมู่ที่ 3", "Village 3")
    children = admin.call("GET", "/api/v1/areas/24/children").json()
    assert len(children["items"]) == 11 and children["complete"] is True
    assert admin.call("GET", "/api/v1/areas/240101/children").json()["items"] == []
    assert admin.call("GET", "/api/v1/areas/99").status_code == 404
    bad = admin.call("GET", "/api/v1/areas/2x")
    assert bad.status_code == 422 and bad.headers["Content-Type"] == PROBLEM


def assert_totals_are_the_sums(data: dict) -> None:
    for column in data["columns"]:
        if column["kind"] in ("count", "baht"):
            total = sum(Decimal(str(row[column["key"]])) for row in data["rows"])
            assert total == Decimal(str(data["totals"][column["key"]])), column["key"]


def cell_as_json(kind: str, cell):
    """A workbook cell as the JSON has it: blank is None, a percent cell holds a fraction."""
    if cell is None:
        return None
    if kind == "percent":
        return round(cell * 100, 2)
    if kind == "baht":
        return f"{Decimal(str(cell)):.2f}"
    return round(cell, 1) if kind == "hours" else cell


def assert_workbook_holds(data: dict, content: bytes) -> None:
    """Every cell of every row and of the totals row is the JSON's number; one definition per
    column on the second sheet."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet, definitions = book.worksheets
    assert sheet.max_row == 6 + len(data["rows"]) + 1
    lines = [[c.value for c in line] for line in sheet.iter_rows(min_row=7)]
    for line, row in zip(lines, [*data["rows"], data["totals"]], strict=True):
        if row is not data["totals"]:
            assert line[:2] == [row["key"], row["name"]]
        for index, column in enumerate(data["columns"], start=2):
            assert cell_as_json(column["kind"], line[index]) == row[column["key"]], column["key"]
    assert [c.value for c in definitions["A"]][1:] == [c["header"] for c in data["columns"]]


def assert_csv_holds(data: dict, content: bytes) -> None:
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[1:]
    for line, row in zip(lines, [*data["rows"], data["totals"]], strict=True):
        for index, column in enumerate(data["columns"], start=2):
            value = row[column["key"]]
            expected = (
                ""
                if value is None
                else f"{value:.2f}"
                if column["kind"] == "percent"
                else str(value)
            )
            assert line[index] == expected, column["key"]


@pytest.mark.parametrize("name, rows", [("cases", 19), ("savings", 19), ("escalations", 19),
                                        ("sammachip", 19), ("relapses", 19),
                                        ("teams", 0)])  # fmt: skip
def test_every_report_totals_its_rows_in_every_format(people, name, rows):
    client = people["province"]
    data = client.call("GET", f"/api/v1/reports/{name}", area="2401").json()
    assert data["report"] == name and len(data["rows"]) == rows  # Mueang's tambons; no team there
    assert_totals_are_the_sums(data)
    answer = client.call("GET", f"/api/v1/reports/{name}", area="2401", format="xlsx")
    assert answer.status_code == 200 and answer.headers["Content-Type"] == XLSX
    assert_workbook_holds(data, answer.content)
    text = client.call("GET", f"/api/v1/reports/{name}", area="2401", format="csv")
    assert_csv_holds(data, text.content)


@pytest.mark.parametrize("name", ["cases", "savings", "escalations", "sammachip"])
def test_a_provinces_report_may_have_a_row_per_tambon(people, name):
    """Every tambon of the province a row (93 in Chachoengsao, named with their district), the
    same totals as by district, in every format; a district supervisor gets their tambons only."""
    client = people["province"]
    by_district = client.call("GET", f"/api/v1/reports/{name}", area="24").json()
    data = client.call("GET", f"/api/v1/reports/{name}", area="24", rows="tambon").json()
    keys = [row["key"] for row in data["rows"]]
    assert len(keys) == 93 and all(len(key) == 6 for key in keys), keys[:3]
    assert data["totals"] == by_district["totals"]
    assert_totals_are_the_sums(data)
    first = data["rows"][0]
    assert (first["key"], first["name"]) == ("240101", "Na Mueang · Mueang Chachoengsao")
    answer = client.call("GET", f"/api/v1/reports/{name}", area="24", rows="tambon", format="xlsx")
    assert_workbook_holds(data, answer.content)
    text = client.call("GET", f"/api/v1/reports/{name}", area="24", rows="tambon", format="csv")
    assert_csv_holds(data, text.content)
    part = people["district"].call("GET", f"/api/v1/reports/{name}", area="24", rows="tambon")
    assert {row["key"][:4] for row in part.json()["rows"]} == {"2401"}


def test_the_teams_report_has_a_row_per_team_not_per_area(people):
    answer = people["province"].call("GET", "/api/v1/reports/teams", area="24", rows="tambon")
    assert answer.status_code == 422 and answer.headers["Content-Type"] == PROBLEM
    assert [e["field"] for e in answer.json()["errors"]] == ["rows"]


@pytest.fixture(scope="module")
def team(running: System, people) -> dict:
    """A Smile Team of Bang Khla's tambon 240201, assigned that tambon's households, and its
    volunteer leader (whose token, made after the team formed, carries it)."""
    admin, tag = people["admin"], uuid.uuid4().hex[:6]

    def member(role: str, area: str) -> dict:
        body = {"username": f"{role}.{tag}", "display_name": role, "roles": [role],
                "areas": [area], "password": PASSWORD}  # fmt: skip
        answer = admin.call("POST", "/api/v1/people", body)
        assert answer.status_code == 201, answer.text
        return answer.json()

    seated = [(role, member(role, area)) for role, area in (("volunteer_leader", "24020101"),
              ("subdistrict_coordinator", "240201"), ("district_expert", "2402"))]  # fmt: skip
    seats = [{"role": role, "person_id": who["id"]} for role, who in seated]
    body = {"name": "บางคล้า 1", "coverage": ["240201"], "members": seats}
    formed = admin.call("POST", "/api/v1/teams", body)
    assert formed.status_code == 201, formed.text
    team_id = formed.json()["id"]
    households = admin.call("GET", "/api/v1/households", area="240201", limit=200).json()["items"]
    for household in households:
        path = f"/api/v1/assignments/{household['id']}"
        wait_for(lambda p=path: admin.call("GET", p).status_code == 200, what="the teams service")
        assignment = {"household_id": household["id"], "team_id": team_id}
        assert admin.call("POST", "/api/v1/assignments", assignment).ok
    wait_for(
        lambda: len(admin.call("GET", "/api/v1/households", team_id=team_id).json()["items"])
        == len(households)
        == 2,
        what="the households service to learn the assignments",
    )
    leader = Client(running.url, running.token(seated[0][1]["username"], PASSWORD))
    return {"id": team_id, "leader": leader}


def team_report(client: Client, name: str, team_id: str, **params):
    query = {"team": team_id, "fiscal_year": 2570, **params}
    return client.call("GET", f"/api/v1/reports/{name}", **query)


@pytest.mark.parametrize("name, counted", [("cases", "registered"), ("teams", "households")])
def test_a_teams_report_has_a_row_per_village_and_the_lists_numbers(people, team, name, counted):
    listed = people["province"].call("GET", "/api/v1/households", team_id=team["id"]).json()
    villages = Counter(household["village_code"] for household in listed["items"])
    for client in (people["province"], team["leader"], people["admin"]):
        answer = team_report(client, name, team["id"])
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert data["area"] is None and data["team"]["coverage"] == ["240201"]
        assert {row["key"]: row[counted] for row in data["rows"]} == villages
        assert data["totals"][counted] == 2 and data["rows"][0]["name"].endswith(" Bang Khla")
        assert_totals_are_the_sums(data)
    workbook = team_report(people["province"], name, team["id"], format="xlsx", lang="th")
    assert workbook.status_code == 200 and workbook.headers["Content-Type"] == XLSX
    assert "-team-" in workbook.headers["Content-Disposition"]
    thai = team_report(people["province"], name, team["id"], lang="th").json()
    assert_workbook_holds(thai, workbook.content)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).worksheets[0]
    assert sheet["A2"].value.startswith("ทีมยิ้ม บางคล้า 1 (")
    text = team_report(people["province"], name, team["id"], format="csv")
    assert_csv_holds(data, text.content)


def test_a_team_outside_the_callers_reach_is_not_found(people, team):
    for client, team_id in ((people["district"], team["id"]), (people["admin"], str(uuid.uuid4()))):
        for name in ("cases", "teams"):
            for fmt in ("json", "xlsx"):
                answer = team_report(client, name, team_id, format=fmt)
                assert answer.status_code == 404, (name, fmt, answer.text)
                assert answer.headers["Content-Type"] == PROBLEM


@pytest.mark.parametrize(
    "name, params, status, field",
    [
        ("savings", {}, 422, "team"),  # made per area only
        ("escalations", {}, 422, "team"),
        ("sammachip", {}, 422, "team"),
        ("cases", {"area": "24"}, 422, "team"),  # one or the other
        ("cases", {"fiscal_year": 2559}, 422, "fiscal_year"),
        ("teams", {"fiscal_year": current_fiscal_year() + 6}, 422, "fiscal_year"),
        ("cases", {"format": "pdf"}, 406, "format"),
        ("cases", {"rows": "tambon"}, 422, "rows"),  # a team's rows are its villages
    ],
)
def test_bad_team_report_requests_are_problems(people, team, name, params, status, field):
    answer = team_report(people["province"], name, team["id"], **params)
    assert answer.status_code == status and answer.headers["Content-Type"] == PROBLEM
    assert [e["field"] for e in answer.json()["errors"]] == [field]


def test_the_list_says_which_reports_are_made_per_team(people):
    items = people["district"].call("GET", "/api/v1/reports").json()["items"]
    assert {item["name"]: item["by_team"] for item in items} == {
        "cases": True, "teams": True, "savings": False, "escalations": False,
        "sammachip": False, "relapses": False}  # fmt: skip
