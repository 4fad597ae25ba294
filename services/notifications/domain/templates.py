"""Thai and English texts of every notification: Buddhist-era dates and baht for Thai readers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from pythainlp.util import thai_strftime

from services.notifications.domain.money import baht_figures, baht_text
from services.notifications.domain.texts import LEVELS, ROLES, TEXTS

BANGKOK = ZoneInfo("Asia/Bangkok")


def render(kind: str, language: str, params: Mapping[str, Any]) -> tuple[str, str]:
    """(title, body) of a notification of `kind` for a reader of `language`."""
    texts = TEXTS[kind][language if language in ("th", "en") else "th"]
    values = {key: show(value, language) for key, value in params.items()}
    return texts[0].format_map(values), texts[1].format_map(values)


def show(value: Any, language: str) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(BANGKOK).date()
    if isinstance(value, date):
        return thai_date(value) if language == "th" else value.strftime("%-d %b %Y")
    if isinstance(value, Decimal):
        figures = baht_figures(value)
        return f"{figures} บาท ({baht_text(value)})" if language == "th" else f"THB {figures}"
    if isinstance(value, list | tuple):
        return ", ".join(show(v, language) for v in value)
    if isinstance(value, str) and value in ROLES:
        return ROLES[value][0 if language == "th" else 1]
    return str(value)


def thai_date(day: date) -> str:
    """21 พฤศจิกายน 2569: day, Thai month, Buddhist-era year (CE + 543)."""
    return thai_strftime(datetime(day.year, day.month, day.day), "%-d %B %Y")


def level_name(level: int, language: str) -> str:
    return LEVELS[level][0 if language == "th" else 1]


def short_id(identifier: str) -> str:
    """Enough of a uuid for a person to find the case; names never travel in messages."""
    return identifier[:8]
