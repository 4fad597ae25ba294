"""The Sammachip programme through the gateway, as Pattani's supervisors would run it: targets for
the fiscal year, sub-district plans, a trainer team training households, an occupation group
registered with an OTOP product and monthly reports, then seed 000's table with totals as the
report framework serves it (JSON, XLSX, CSV); each bad input refused with a problem naming the
field, and nothing changed."""

from __future__ import annotations

import csv
import io
import random
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import openpyxl
import pytest

from infra.fiscal import current_fiscal_year, thai_today
from services.teams.vocabulary import METRICS
from tests.e2e.conftest import System, launch
from tests.e2e.test_reports import cell_as_json
from tests.e2e.test_teams import Client, fields_of
from tests.integration.helpers import household_payload
from tests.support.databases import drop_postgres_databases, new_prefix, postgres_template
from tests.support.waiting import wait_for

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

PASSWORD = "sammachip pattani 2570!"
PROBLEM = "application/problem+json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
VILLAGE, TAMBON = "94010101", "940101"
TODAY = thai_today()  # the day in Bangkok, as the services judge "today"
YEAR = current_fiscal_year()
SEED_000 = {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "villages_with_registered_group_percent": 50,
    "subdistrict_plans_used": 73,
}


@pytest.fixture(scope="module", params=BACKENDS)
def system(request, tmp_path_factory, rabbit_admin) -> Iterator[System]:
    """The whole system on each backend: the table's SQL runs on SQLite and PostgreSQL."""
    prefix = new_prefix() if request.param == "postgresql" else None
    settings = {"DATABASE_URL": postgres_template(prefix)} if prefix else {}
    try:
        yield from launch(
            tmp_path_factory.mktemp(f"sammachip-{request.param}"), rabbit_admin, **settings
        )
    finally:
        if prefix:
            drop_postgres_databases(prefix)


@pytest.fixture(scope="module")
def pattani(system):
    admin = Client(system.url, system.admin_token)
    tag = uuid.uuid4().hex[:6]

    def person(name: str, role: str, area: str) -> dict:
        body = {
            "username": f"{name}.{tag}",
            "display_name": name,
            "roles": [role],
            "areas": [area],
            "password": PASSWORD,
        }
        answer = admin.call("POST", "/api/v1/people", body)
        assert answer.status_code == 201, answer.text
        return answer.json()

    def client(who: dict) -> Client:
        return Client(system.url, system.token(who["username"], PASSWORD))

    people = {
        "province": person("province", "provincial_supervisor", "94"),
        "khokpho": person("khokpho", "district_supervisor", "9402"),
        "coordinator": person("coordinator", "subdistrict_coordinator", TAMBON),
        "sages": [person(f"sage{i}", "trainer", VILLAGE) for i in range(5)],
    }
    as_ = {name: client(people[name]) for name in ("province", "khokpho", "coordinator")}
    return {"admin": admin, "people": people, "as": as_, "lead": client(people["sages"][0])}


def targets_path(area: str = "94", year: int = YEAR) -> str:
    return f"/api/v1/sammachip/targets/{area}/{year}"


def household(admin: Client) -> str:
    payload = household_payload(seed=random.randrange(10**9, 10**10), village_code=VILLAGE)
    answer = admin.call("POST", "/api/v1/households", payload)
    assert answer.status_code == 201, answer.text
    household_id = answer.json()["id"]
    wait_for(
        lambda: admin.call("GET", f"/api/v1/assignments/{household_id}").status_code == 200,
        what="the teams service to learn of the household",
    )
    return household_id


def set_targets(pattani) -> None:
    province = pattani["as"]["province"]
    first = province.call("PUT", targets_path(), SEED_000)
    assert first.status_code == 201, first.text
    assert first.json()["villages_with_registered_group"] == 62
    again = province.call("PUT", targets_path(), SEED_000)
    assert again.status_code == 409 and fields_of(again) == ["If-Match"]
    replaced = province.call("PUT", targets_path(), SEED_000, etag=first.headers["ETag"])
    assert replaced.status_code == 200 and replaced.headers["ETag"] == '"2"'
    district = province.call("PUT", targets_path("9401"), {"households_trained": 40})
    assert district.status_code == 201
    refused = pattani["as"]["khokpho"].call("PUT", targets_path("9402"), {"households_trained": 9})
    assert refused.status_code == 403


def record_plans(pattani) -> None:
    province = pattani["as"]["province"]
    plan = {"fiscal_year": YEAR, "adopted_by_local_government": False}
    for tambon, livelihood in [(TAMBON, True), ("940102", False), ("940201", True)]:
        body = {**plan, "tambon_code": tambon, "livelihood_development": livelihood}
        answer = province.call("POST", "/api/v1/community-plans", body)
        assert answer.status_code == 201, answer.text
    twice = province.call(
        "POST",
        "/api/v1/community-plans",
        {**plan, "tambon_code": TAMBON, "livelihood_development": True},
    )
    assert twice.status_code == 409 and fields_of(twice) == ["tambon_code"]
    adopted = province.call(
        "PATCH",
        answer.headers["Location"],
        {"adopted_by_local_government": True},
        etag=answer.headers["ETag"],
    )
    assert adopted.status_code == 200 and adopted.json()["adopted_by_local_government"] is True


def train_and_form_a_group(pattani) -> str:
    province, lead = pattani["as"]["province"], pattani["lead"]
    members = [
        {"person_id": s["id"], "lead": i == 0, "lead_trained_on": "2026-06-01" if i == 0 else None}
        for i, s in enumerate(pattani["people"]["sages"])
    ]
    team = province.call(
        "POST",
        "/api/v1/trainer-teams",
        {"village_code": VILLAGE, "name": "ทีมวิทยากร", "members": members},
    )
    assert team.status_code == 201, team.text
    trainees = [household(pattani["admin"]) for _ in range(3)]
    body = {"trainer_team_id": team.json()["id"], "occupation": "Batik", "households": trainees}
    cohort = lead.call("POST", "/api/v1/cohorts", body).headers["Location"]
    session = {"held_on": TODAY.isoformat(), "duration_minutes": 240, "kind": "class"}
    held = lead.call("POST", f"{cohort}/sessions", session).json()["id"]
    marks = [{"household_id": h, "present": h != trainees[2]} for h in trainees]
    assert lead.call("PUT", f"{cohort}/sessions/{held}/attendance", {"attendance": marks}).ok
    etag = lead.call("GET", cohort).headers["ETag"]
    assert lead.call("POST", f"{cohort}/completion", {}, etag=etag).status_code == 200
    group = {"name": "กลุ่มผ้าบาติก", "occupation": "batik", "village_code": VILLAGE}
    formed = province.call("POST", "/api/v1/occupation-groups", {**group, "members": trainees[:2]})
    assert formed.status_code == 201, formed.text
    return formed.headers["Location"]


def develop_the_group(pattani, group: str) -> None:
    province, coordinator = pattani["as"]["province"], pattani["as"]["coordinator"]
    registration = {"registration_number": "ปน-001", "registered_on": TODAY.isoformat()}
    registered = province.call("POST", f"{group}/registration", registration, etag='"1"')
    assert registered.status_code == 200, registered.text
    product = {"name": "ผ้าบาติกลายปลา", "category": "textile_and_garment", "stars": 7}
    bad = province.call("PUT", f"{group}/otop-product", product, etag='"2"')
    assert bad.status_code == 422 and fields_of(bad) == ["stars"]
    rated = province.call("PUT", f"{group}/otop-product", {**product, "stars": 3}, etag='"2"')
    assert rated.status_code == 200 and rated.json()["otop_product"]["stars"] == 3
    month = TODAY.strftime("%Y-%m")
    report = {"period": month, "operating": True, "income_thb": "1500.5"}
    made = coordinator.call("POST", f"{group}/reports", report)
    assert made.status_code == 201, made.text
    assert coordinator.call("POST", f"{group}/reports", report).status_code == 409
    fixed = {"operating": True, "income_thb": "1800.50"}
    replaced = coordinator.call("PUT", made.headers["Location"], fixed, etag=made.headers["ETag"])
    assert replaced.status_code == 200 and replaced.json()["income_thb"] == "1800.50"


def report(client: Client, area: str = "94", year: int | str = YEAR, **params):
    return client.call("GET", "/api/v1/reports/sammachip", area=area, fiscal_year=year, **params)


def test_pattanis_year_is_reported_against_its_targets_with_totals(pattani):
    set_targets(pattani)
    record_plans(pattani)
    develop_the_group(pattani, train_and_form_a_group(pattani))
    answer = report(pattani["as"]["province"])
    assert answer.status_code == 200, answer.text
    table = answer.json()
    rows = {row["key"]: row for row in table["rows"]}
    assert len(rows) == 12 and table["area"]["name_en"] == "Pattani"
    assert table["report"] == "sammachip" and table["fiscal_year"] == YEAR
    mueang = rows["9401"]
    assert mueang["name"] == "Mueang Pattani"  # the client asks in English
    assert {m: mueang[f"{m}_achieved"] for m in METRICS} == {
        "villages_with_trainer_team": 1,
        "households_trained": 2,
        "occupation_groups_formed": 1,
        "villages_with_registered_group": 1,
        "groups_with_otop_product": 1,
        "subdistrict_plans_used": 1,
        "groups_operating_with_income": 1,
    }
    assert mueang["households_trained_target"] == 40
    assert mueang["households_trained_percent"] == 5.0
    assert rows["9402"]["subdistrict_plans_used_achieved"] == 1
    totals = table["totals"]
    for metric in METRICS:
        column = f"{metric}_achieved"
        assert totals[column] == sum(row[column] for row in table["rows"]), metric
    assert totals["villages_with_trainer_team_target"] == 123  # the province's own, not a sum
    assert totals["villages_with_registered_group_target"] == 62
    assert totals["households_trained_target"] == 2460  # not the districts' 40
    assert totals["subdistrict_plans_used_percent"] == 2.74  # 2 of 73
    assert totals["groups_with_otop_product_target"] is None
    assert totals["groups_with_otop_product_percent"] is None


def test_the_workbook_and_the_csv_hold_the_json_numbers(pattani):
    province = pattani["as"]["province"]
    data = report(province, lang="th").json()
    answer = report(province, format="xlsx", lang="th")
    assert answer.status_code == 200 and answer.headers["Content-Type"] == XLSX
    disposition = answer.headers["Content-Disposition"]
    assert f'filename="sammachip-report-Pattani-{YEAR}.xlsx"' in disposition
    assert quote(f"รายงานสัมมาชีพ-ปัตตานี-{YEAR}.xlsx") in disposition
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).worksheets[0]
    assert sheet["A1"].value == "รายงานสัมมาชีพ"
    headers = [cell.value for cell in sheet[6]]
    assert headers[:4] == ["รหัส", "พื้นที่", *[c["header"] for c in data["columns"][:2]]]
    by_key = {r[0].value: [c.value for c in r] for r in sheet.iter_rows(min_row=7) if r[0].value}
    totals_row = [cell.value for cell in sheet[sheet.max_row]]
    for index, column in enumerate(data["columns"], start=2):
        key, kind = column["key"], column["kind"]
        for row in data["rows"]:
            assert cell_as_json(kind, by_key[row["key"]][index]) == row[key], (row["key"], key)
        assert cell_as_json(kind, totals_row[index]) == data["totals"][key], key
    text = report(province, lang="en", format="csv")
    assert text.status_code == 200 and text.content.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    assert lines[-1][1] == "Total" and lines[-1][2:4] == ["123", "1"]


def test_each_supervisor_reads_only_their_part(pattani):
    khokpho = pattani["as"]["khokpho"]
    part = report(khokpho)
    assert part.status_code == 200 and [r["key"] for r in part.json()["rows"]] == ["9402"]
    assert part.json()["totals"]["subdistrict_plans_used_achieved"] == 1
    assert part.json()["totals"]["households_trained_target"] is None  # the province's: not theirs
    outside = report(khokpho, "9401")
    assert outside.status_code == 404 and outside.headers["Content-Type"] == PROBLEM
    assert report(khokpho, "9401", format="xlsx").status_code == 404
    assert report(pattani["lead"]).status_code == 403


@pytest.mark.parametrize(
    "area, year, status, field",
    [
        ("99", YEAR, 404, None),  # well-formed, but no such province: not found, as every report
        ("9x", YEAR, 422, "area"),
        ("940101", YEAR, 422, "area"),  # the table is kept for provinces and districts only
        ("94010101", YEAR, 422, "area"),
        ("94", "2026", 422, "fiscal_year"),
        ("94", "two", 422, "fiscal_year"),
    ],
)
def test_a_bad_report_query_is_a_problem_naming_the_field(pattani, area, year, status, field):
    answer = report(pattani["as"]["province"], area, year)
    assert answer.status_code == status and answer.headers["Content-Type"] == PROBLEM
    assert fields_of(answer) == ([field] if field else []), answer.text


def test_bad_targets_and_plans_change_nothing(pattani):
    province = pattani["as"]["province"]
    before = province.call("GET", targets_path())
    for path, body, field in [
        (targets_path(), {"households_trained": -5}, "households_trained"),
        (targets_path("99"), SEED_000, "area_code"),
        (targets_path("94", 2026), SEED_000, "fiscal_year"),
        (targets_path("94", YEAR + 30), SEED_000, "fiscal_year"),
    ]:
        answer = province.call("PUT", path, body, etag=before.headers.get("ETag"))
        assert answer.status_code == 422 and fields_of(answer) == [field], answer.text
    assert province.call("GET", targets_path()).headers.get("ETag") == before.headers.get("ETag")
    plan = {
        "fiscal_year": YEAR,
        "livelihood_development": True,
        "adopted_by_local_government": False,
    }
    unknown = province.call("POST", "/api/v1/community-plans", {**plan, "tambon_code": "949999"})
    assert unknown.status_code == 422 and fields_of(unknown) == ["tambon_code"]
    listed = province.call("GET", "/api/v1/community-plans", area="94", fiscal_year=YEAR)
    assert sorted(p["tambon_code"] for p in listed.json()["items"]) == [
        "940101",
        "940102",
        "940201",
    ]


def test_before_during_and_after_training_over_http(pattani):
    """A second village: a household says no and is not enrolled again; the district plans and
    records follow-ups (If-Match); a result before its checkpoint and bad money are refused; a
    supervisor of another district does not find the cohort."""
    admin, province, khokpho = pattani["admin"], pattani["as"]["province"], pattani["as"]["khokpho"]
    village, tag = "94010201", uuid.uuid4().hex[:6]
    sages = []
    for i in range(5):
        body = {"username": f"sage{i}.b.{tag}", "display_name": "ปราชญ์", "roles": ["trainer"]}
        body |= {"areas": [village], "password": PASSWORD}
        sages.append(admin.call("POST", "/api/v1/people", body).json())
    members = [
        {"person_id": s["id"], "lead": i == 0, "lead_trained_on": "2026-06-01" if i == 0 else None}
        for i, s in enumerate(sages)
    ]
    team = {"village_code": village, "name": "ทีมวิทยากร 2", "members": members}
    team_id = province.call("POST", "/api/v1/trainer-teams", team).json()["id"]
    selected = [household_in(admin, village) for _ in range(2)]
    body = {"trainer_team_id": team_id, "occupation": "ทำขนม", "households": selected}
    opened = province.call("POST", "/api/v1/cohorts", body)
    cohort, etag = opened.headers["Location"], opened.headers["ETag"]

    no = {"willing": False, "asked_on": TODAY.isoformat(), "asked_by": sages[1]["id"]}
    assert province.call("PUT", f"{cohort}/willingness/{selected[1]}", no).status_code == 428
    answered = province.call("PUT", f"{cohort}/willingness/{selected[1]}", no, etag=etag)
    assert answered.status_code == 200 and answered.json()["households"] == selected[:1]
    again = {"households": [selected[1]]}
    refused = province.call("POST", f"{cohort}/households", again, etag=answered.headers["ETag"])
    assert refused.status_code == 422 and fields_of(refused) == ["households.0"]

    plan = {"phase": "during", "planned_on": TODAY.isoformat(), "note": "เยี่ยมกลุ่ม"}
    for bad, field in [
        ({**plan, "phase": "later"}, "phase"),
        ({**plan, "planned_on": "2026-02-30"}, "planned_on"),
    ]:
        answer = province.call("POST", f"{cohort}/follow-ups", bad)
        assert answer.status_code == 422 and fields_of(answer) == [field]
    planned = province.call("POST", f"{cohort}/follow-ups", plan)
    assert planned.status_code == 201 and planned.headers["ETag"] == '"1"'
    done = f"{cohort}/follow-ups/{planned.json()['id']}/done"
    assert province.call("PUT", done, {"done_on": TODAY.isoformat()}, etag='"2"').status_code == 412
    recorded = province.call("PUT", done, {"done_on": TODAY.isoformat()}, etag='"1"')
    assert recorded.status_code == 200 and recorded.json()["done_on"] == TODAY.isoformat()

    result = {"household_id": selected[0], "months": 3, "occupation": "ทำขนม"}
    result |= {"income_earned_thb": "1500.00", "costs_cut_thb": "0"}
    assert province.call("POST", f"{cohort}/results", result).status_code == 409  # still open
    for bad, field in [
        ({**result, "income_earned_thb": "1e3"}, "income_earned_thb"),
        ({**result, "costs_cut_thb": "\u0e51\u0e50\u0e50"}, "costs_cut_thb"),
        ({**result, "months": 4}, "months"),
        ({**result, "occupation": "x\u0000"}, "occupation"),
    ]:
        answer = province.call("POST", f"{cohort}/results", bad)
        assert answer.status_code == 422 and fields_of(answer) == [field], answer.text

    seen = province.call("GET", f"{cohort}/follow-through").json()
    assert [w["household_id"] for w in seen["willingness"]] == [selected[1]]
    assert [f["note"] for f in seen["follow_ups"]] == ["เยี่ยมกลุ่ม"] and seen["results"] == []
    assert khokpho.call("GET", f"{cohort}/follow-through").status_code == 404
    assert khokpho.call("POST", f"{cohort}/follow-ups", plan).status_code == 404


def household_in(admin: Client, village: str) -> str:
    payload = household_payload(seed=random.randrange(10**9, 10**10), village_code=village)
    household_id = admin.call("POST", "/api/v1/households", payload).json()["id"]
    wait_for(
        lambda: admin.call("GET", f"/api/v1/assignments/{household_id}").status_code == 200,
        what="the teams service to learn of the household",
    )
    return household_id
