"""A team's report: a row per village named with its tambon, totals the sum of the rows, figures
the service totals itself (members' caseloads) in the totals row, the team in title and file."""

import io
from datetime import date
from urllib.parse import quote

import openpyxl

from gateway.reports.compose import Asked, build_team
from gateway.reports.definitions.columns import count, number
from gateway.reports.model import Part, Report, TeamRef
from gateway.reports.render import render

REPORT = Report(
    name="demo",
    title_th="ทดสอบ",
    title_en="Demo",
    file_th="รายงานทดสอบ",
    file_en="demo-report",
    parts=(Part("teams", "demo"),),
    team_parts=(Part("teams", "demo_team"),),
    columns=(
        count("households", "ครัวเรือน", "Households", "h", "h"),
        number("leader_load", "ภาระงาน", "Load", "l", "l"),
    ),
)
TEAM = TeamRef("0b5f6a8e-1111-4222-8333-944455556666", "นาเมือง 1", ("240101", "240102"))
ANSWER = {
    "rows": [{"key": "24010201", "households": 2}, {"key": "24010101", "households": 3}],
    "totals": {"leader_load": 7},
}


def made(language="th"):
    return build_team(Asked(REPORT, None, 2570, language, team=TEAM.id), TEAM, [ANSWER])


def test_rows_are_villages_named_with_their_tambon_and_totals_add_up():
    table = made()
    assert [(r["key"], r["name"]) for r in table.rows] == [
        ("24010101", "หมู่ที่ 1 หน้าเมือง"),
        ("24010201", "หมู่ที่ 1 ท่าไข่"),
    ]
    assert table.totals == {"households": 5, "leader_load": 7}
    assert [r["leader_load"] for r in table.rows] == [None, None]
    assert made("en").rows[0]["name"] == "Village 1 Na Mueang"


def test_the_json_names_the_team_and_no_area():
    data = render(made(), 2570, "json", "th", date(2026, 12, 2)).get_json()
    assert data["area"] is None and data["team"] == {
        "id": TEAM.id,
        "name": "นาเมือง 1",
        "coverage": ["240101", "240102"],
    }
    assert data["totals"]["households"] == sum(r["households"] for r in data["rows"])


def test_the_workbook_and_its_file_carry_the_team():
    answer = render(made(), 2570, "xlsx", "th", date(2026, 12, 2))
    sheet = openpyxl.load_workbook(io.BytesIO(answer.get_data())).worksheets[0]
    assert sheet["A2"].value.startswith("ทีมยิ้ม นาเมือง 1 (หน้าเมือง")
    assert [c.value for c in sheet[6]][:3] == ["รหัส", "หมู่บ้าน", "ครัวเรือน"]
    assert [c.value for c in sheet[sheet.max_row]][1:4] == ["รวม", 5, 7]
    disposition = answer.headers["Content-Disposition"]
    assert 'filename="demo-report-team-0b5f6a8e-2570.xlsx"' in disposition
    assert quote("รายงานทดสอบ-นาเมือง-1-2570.xlsx") in disposition
