"""Thai and English texts: Buddhist-era dates and baht written the Thai way, exactly."""

from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.notifications.domain.digest import due_window
from services.notifications.domain.money import baht_text
from services.notifications.domain.templates import render, thai_date
from services.notifications.domain.texts import TEXTS


@pytest.mark.parametrize("amount, words", [
    (Decimal("1500.25"), "หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์"),
    (Decimal("21"), "ยี่สิบเอ็ดบาทถ้วน"),
    (Decimal("0.50"), "ห้าสิบสตางค์"),
    (Decimal("0"), "ศูนย์บาทถ้วน"),
    (Decimal("1000000.01"), "หนึ่งล้านบาทหนึ่งสตางค์"),
])  # fmt: skip
def test_baht_text(amount, words):
    assert baht_text(amount) == words


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999999.99"), places=2))
def test_baht_text_is_exact_to_the_satang(amount):
    words = baht_text(amount)
    assert words.endswith("ถ้วน") == (amount % 1 == 0)


def test_thai_dates_are_buddhist_era():
    assert thai_date(date(2026, 11, 20)) == "20 พฤศจิกายน 2569"


def test_an_arrears_escalation_reads_in_thai_and_in_english():
    params = {"loan": "ab12cd34", "village": "24010101", "bucket": "31-60", "days_overdue": 45,
              "arrears": Decimal("1500.25"), "as_of": date(2026, 11, 21)}  # fmt: skip
    _, thai = render("escalation.loan_arrears", "th", params)
    assert "1,500.25 บาท (หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์)" in thai and "21 พฤศจิกายน 2569" in thai
    _, english = render("escalation.loan_arrears", "en", params)
    assert "THB 1,500.25" in english and "21 Nov 2026" in english


def test_times_are_shown_as_the_bangkok_day():
    late = datetime(2026, 11, 20, 18, tzinfo=UTC)  # already the 21st in Bangkok
    _, body = render(
        "escalation.plan_waiting", "en", {"household": "h", "village": "v", "since": late}
    )
    assert "21 Nov 2026" in body


def test_every_kind_has_both_languages():
    assert all(set(texts) == {"th", "en"} for texts in TEXTS.values())


def test_the_digest_is_due_from_the_digest_hour_and_covers_the_day_before():
    zone = ZoneInfo("Asia/Bangkok")
    assert due_window(datetime(2026, 11, 21, 23, 59, tzinfo=UTC), 7, zone) is None  # 06:59 BKK
    window = due_window(datetime(2026, 11, 22, 0, 30, tzinfo=UTC), 7, zone)  # 07:30 BKK
    assert window.day == date(2026, 11, 22)
    assert window.end == datetime.combine(date(2026, 11, 22), time(7), zone)
    assert (window.end - window.start).days == 1
