"""Each tambon's share of an import batch, counted where the row's village code puts it."""

from services.households.imports.rows import RowChecker
from services.households.usecases.import_tally import tally, tambon_of
from tests.unit.households.test_imports import HEADER, ROW


def row(number, village):
    checked = RowChecker(HEADER, None).check(number, ROW)
    return checked._replace(number=number, village_code=village)


def test_rows_count_as_accepted_unchanged_or_rejected_in_their_tambon():
    new, same, moved = row(2, "24010101"), row(3, "24010102"), row(4, "24010201")
    problems = [(4, "village_code", "moved"), (5, "head_national_id", "bad"), (6, "x", "y")]
    refused_villages = {5: " 24010205 ", 6: "2401"}  # the checker refused these two
    counts = tally([new, same, moved], problems, [same], refused_villages)
    assert counts == {
        "240101": {"accepted": 1, "unchanged": 1, "rejected": 0},
        "240102": {"accepted": 0, "unchanged": 0, "rejected": 2},
    }


def test_only_eight_ascii_digits_make_a_tambon():
    assert tambon_of("24010101") == "240101"
    fullwidth = "".join(chr(0xFF10 + int(digit)) for digit in "24010101")
    assert [tambon_of(v) for v in ("2401010", "2401010a", fullwidth, "")] == [None] * 4
