"""BMN imports through the real service: chunks over RPC, background processing, progress."""

import base64
import csv
import io
import os

import pytest

from infra.errors import Conflict, PayloadTooLarge, ValidationFailed
from services.households.db.tables import households, surveys
from services.households.db.tables import imports as imports_table
from services.households.service import HouseholdsService
from tests.integration.helpers import national_id
from tests.integration.households.support import COORDINATOR, call, rows
from tests.support.waiting import wait_for

HEADER = [
    "village_code",
    "head_national_id",
    "head_first_name",
    "head_last_name",
    "household_size",
    "annual_income_thb",
    "failed_indicators",
    "head_birth_date",
]


def csv_bytes(records, encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(records)
    return out.getvalue().encode(encoding)


def good(seed, income="60000.00"):
    return ["24010101", national_id(seed), "สมชาย", "ใจดี", "4", income, "7;12", "2513-05-01"]


def upload(config, data, fmt="csv", chunk=1000):
    started = call(
        config,
        "start_import",
        COORDINATOR,
        {"file_name": f"bmn.{fmt}", "survey_year": 2026, "format": fmt},
    )
    for sequence, start in enumerate(range(0, max(len(data), 1), chunk)):
        piece = base64.b64encode(data[start : start + chunk]).decode()
        payload = {"sequence": sequence, "data_base64": piece}
        call(config, "add_import_chunk", COORDINATOR, started["id"], payload)
    return started["id"]


def finished(config, import_id):
    call(config, "finish_import", COORDINATOR, import_id)

    def done():
        job = call(config, "get_import", COORDINATOR, import_id)
        return job if job["status"] in ("done", "failed") else None

    return wait_for(done, timeout=30, what="the import to finish")


@pytest.fixture
def service(migrated, start_service):
    config = {
        **migrated,
        "HOUSEHOLDS": {
            **migrated["HOUSEHOLDS"],
            "import_poll_seconds": 0.1,
            "import_batch_rows": 3,
        },
    }
    start_service(HouseholdsService, config)
    return config


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_good_rows_land_and_bad_rows_are_named_by_row_and_field(service, encoding):
    records = [
        good(1),
        good(2),
        ["24010101", "1101700230705", "A", "B", "3", "1000"],
        ["99999901", national_id(3), "A", "B", "3", "1000"],
        ["24010101", national_id(4), "A", "B", "3", "-5"],
        good(5),
        good(1),
        good(6, income="abc"),
    ]
    job = finished(service, (iid := upload(service, csv_bytes(records, encoding))))
    assert (job["status"], job["rows_read"], job["accepted"], job["rejected"]) == ("done", 8, 3, 5)
    assert {(e["row"], e["field"]) for e in job["errors"]} == {  # as a spreadsheet numbers rows
        (4, "head_national_id"),
        (5, "village_code"),
        (6, "annual_income_thb"),
        (8, "head_national_id"),
        (9, "annual_income_thb"),
    }
    assert "1101700230705" not in str(job)
    names = {r.annual_income_satang for r in rows(service, surveys, surveys.c.import_id == iid)}
    assert names == {6_000_000}


def test_importing_the_same_file_again_changes_nothing(service):
    data = csv_bytes([good(10), good(11), good(12, income="12000.00")])
    finished(service, upload(service, data))
    before = sorted((r.id, r.version, r.annual_income_satang) for r in rows(service, households))
    again = finished(service, upload(service, data))
    after = sorted((r.id, r.version, r.annual_income_satang) for r in rows(service, households))
    assert (again["accepted"], again["unchanged"], again["rejected"]) == (0, 3, 0)
    assert before == after and len(after) == 3


def test_a_reimport_counts_changed_rows_as_accepted_and_the_rest_as_unchanged(service):
    first = finished(service, upload(service, csv_bytes([good(13), good(14), good(15)])))
    assert (first["accepted"], first["unchanged"]) == (3, 0)
    changed = [good(13), good(14, income="70000.00"), ["24010101", national_id(16), "A", "B"]]
    again = finished(service, upload(service, csv_bytes(changed)))
    assert (again["accepted"], again["unchanged"], again["rejected"]) == (1, 1, 1)
    assert again["rows_read"] == 3


def test_an_undecodable_byte_refuses_its_row_only(service):
    records = [good(17), ["24010101", national_id(18), "สม@", "ใจดี", "4", "1000"], good(19)]
    data = csv_bytes(records, "cp874").replace(
        "สม@".encode("cp874"), "สม".encode("cp874") + b"\xff"
    )
    job = finished(service, upload(service, data))
    assert (job["status"], job["accepted"], job["rejected"]) == ("done", 2, 1)
    assert [(e["row"], e["field"]) for e in job["errors"]] == [(3, "head_first_name")]
    assert len(rows(service, households)) == 2


def test_an_xlsx_file_is_read(service):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["24010101", int(national_id(20)), "A", "B", 2, 24000.5, "3", None])
    out = io.BytesIO()
    book.save(out)
    job = finished(service, upload(service, out.getvalue(), fmt="xlsx", chunk=4000))
    assert (job["status"], job["accepted"]) == ("done", 1)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        ("village_code\n".encode("utf-16"), "binary"),
        (os.urandom(10 * 1024 * 1024), ""),
        (b"name,income\nx,1\n", "lacks columns"),
    ],
)
def test_files_that_are_not_bmn_text_are_refused_at_finish(service, data, message):
    iid = upload(service, data, chunk=3 * 1024 * 1024)
    with pytest.raises(ValidationFailed) as refused:
        call(service, "finish_import", COORDINATOR, iid)
    assert refused.value.errors[0].field == "file" and message in refused.value.detail
    assert call(service, "get_import", COORDINATOR, iid)["status"] == "failed"
    assert rows(service, households) == []


def test_an_upload_past_the_limit_is_refused(migrated, start_service):
    config = {**migrated, "HOUSEHOLDS": {**migrated["HOUSEHOLDS"], "import_max_bytes": 1000}}
    start_service(HouseholdsService, config)
    with pytest.raises(PayloadTooLarge):
        upload(config, b"x" * 1500, chunk=800)


def test_a_template_lists_the_columns(service):
    template = call(service, "import_template", {"format": "csv"})
    header = base64.b64decode(template["data_base64"]).decode("utf-8-sig").splitlines()[0]
    assert header.split(",")[:2] == ["village_code", "head_national_id"]
    xlsx = call(service, "import_template", {"format": "xlsx"})
    assert base64.b64decode(xlsx["data_base64"]).startswith(b"PK")


def test_a_resent_chunk_is_accepted_once_and_a_different_one_refused(service):
    iid = upload(service, csv_bytes([good(30)]))
    first = {"sequence": 0, "data_base64": base64.b64encode(csv_bytes([good(30)])).decode()}
    again = call(service, "add_import_chunk", COORDINATOR, iid, first)
    assert again["chunks"] == 1 and again["total_bytes"] == len(csv_bytes([good(30)]))
    other = {"sequence": 0, "data_base64": base64.b64encode(b"other bytes").decode()}
    with pytest.raises(Conflict):
        call(service, "add_import_chunk", COORDINATOR, iid, other)
    assert finished(service, iid)["accepted"] == 1


def test_stopping_the_service_mid_import_keeps_whole_batches_and_a_restart_finishes(
    migrated, start_service
):
    config = {
        **migrated,
        "HOUSEHOLDS": {
            **migrated["HOUSEHOLDS"],
            "import_poll_seconds": 0.1,
            "import_batch_rows": 20,
        },
    }
    first = start_service(HouseholdsService, config)
    records = [good(seed) for seed in range(1, 5001)]
    import_id = upload(config, csv_bytes(records), chunk=200_000)
    call(config, "finish_import", COORDINATOR, import_id)
    wait_for(lambda: call(config, "get_import", COORDINATOR, import_id)["rows_read"] > 0)
    first.stop()
    (paused,) = rows(config, imports_table)
    assert paused.status == "queued" and 0 < paused.rows_read < len(records)
    assert len(rows(config, households)) == paused.accepted == paused.rows_read

    start_service(HouseholdsService, config)

    def done():
        job = call(config, "get_import", COORDINATOR, import_id)
        return job if job["status"] == "done" else None

    job = wait_for(done, timeout=60, what="the resumed import to finish")
    assert (job["accepted"], job["rejected"]) == (len(records), 0)
    assert len(rows(config, households)) == len(records)
