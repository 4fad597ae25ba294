"""What a report says about itself above its table: title, area or team, date and fiscal year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pythainlp.util import thai_strftime

from gateway.reports.model import Table, TeamRef
from infra.areas import area_name, area_title


@dataclass(frozen=True)
class Heading:
    title: str
    area: str
    as_of: str
    fiscal_year: str
    code_header: str
    name_header: str
    totals_label: str


def heading(title: str, table: Table, fiscal_year: int, today: date, language: str) -> Heading:
    subject = subject_title(table, language)
    name_header = {"th": "หมู่บ้าน", "en": "Village"} if table.team else {"th": "พื้นที่", "en": "Area"}
    if language == "en":
        return Heading(
            title,
            subject,
            f"Data as of {today.day} {today.strftime('%B')} {today.year}",
            f"Fiscal year {fiscal_year} BE (Oct {fiscal_year - 544} - Sep {fiscal_year - 543})",
            "Code",
            name_header["en"],
            "Total",
        )
    return Heading(
        title,
        subject,
        f"ข้อมูล ณ วันที่ {thai_strftime(today, '%-d %B %Y')}",
        f"ปีงบประมาณ พ.ศ. {fiscal_year}",
        "รหัส",
        name_header["th"],
        "รวม",
    )


def subject_title(table: Table, language: str) -> str:
    """The area (with the areas that hold it), or the team with the tambons it covers."""
    if table.team is None:
        assert table.area is not None
        return area_title(table.area, language)
    return team_title(table.team, language)


def team_title(team: TeamRef, language: str) -> str:
    tambons = ", ".join(area_title(code, language) for code in team.coverage)
    return (
        f"Smile Team {team.name} ({tambons})"
        if language == "en"
        else f"ทีมยิ้ม {team.name} ({tambons})"
    )


def file_stem(base: str, table: Table, fiscal_year: int, language: str) -> str:
    """`รายงานผู้ได้รับการช่วยเหลือ-ฉะเชิงเทรา-2570` (spaces in names become dashes); a team's:
    its name (the ASCII fallback, where a Thai name would vanish: `team-<first 8 of its id>`)."""
    if table.team is None:
        assert table.area is not None
        subject = area_name(table.area, language)
    elif language == "en":
        subject = f"team-{table.team.id[:8]}"
    else:
        subject = re.sub(r'[\\/:*?"<>|\s]+', "-", table.team.name).strip("-") or "team"
    return "-".join((base, subject.replace(" ", "-"), str(fiscal_year)))
