"""The columns a BMN file carries (one row per household, its head named), and the template."""

from __future__ import annotations

import csv
import io

REQUIRED = (
    "village_code",
    "head_national_id",
    "head_first_name",
    "head_last_name",
    "household_size",
    "annual_income_thb",
)
OPTIONAL = ("house_no", "head_birth_date", "head_sex", "failed_indicators")
COLUMNS = REQUIRED + OPTIONAL
DESCRIPTIONS = {
    "village_code": "8-digit DOPA village code (tambon code + village number)",
    "head_national_id": "13-digit national ID of the head of household",
    "head_first_name": "first name of the head",
    "head_last_name": "last name of the head",
    "household_size": "people living in the household (1-99)",
    "annual_income_thb": "household income per year in baht, e.g. 84000.50",
    "house_no": "house number (optional)",
    "head_birth_date": "YYYY-MM-DD; a Buddhist-era year (e.g. 2513) is accepted",
    "head_sex": "male / female (ชาย / หญิง)",
    "failed_indicators": "BMN indicator codes the household fails, separated by ; (e.g. 7;12;23)",
}


def missing_columns(header: list[str]) -> list[str]:
    present = {name.strip().lower() for name in header}
    return [name for name in REQUIRED if name not in present]


def csv_template() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(COLUMNS)
    return out.getvalue().encode("utf-8-sig")  # with BOM, so Excel opens Thai text correctly


def xlsx_template() -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    rows = workbook.add_worksheet("households")
    text = workbook.add_format({"num_format": "@"})
    for index, name in enumerate(COLUMNS):
        rows.write_string(0, index, name)
        rows.set_column(index, index, 22, text)  # IDs and codes stay text, leading zeros kept
    notes = workbook.add_worksheet("columns")
    for index, name in enumerate(COLUMNS):
        notes.write_row(
            index, 0, [name, "required" if name in REQUIRED else "optional", DESCRIPTIONS[name]]
        )
    workbook.close()
    return out.getvalue()
