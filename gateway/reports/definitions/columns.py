"""Short ways to declare report columns."""

from __future__ import annotations

from gateway.reports.model import Column, Kind


def count(key: str, th: str, en: str, define_th: str, define_en: str) -> Column:
    return Column(key, th, en, Kind.COUNT, define_th, define_en)


def baht(key: str, th: str, en: str, define_th: str, define_en: str) -> Column:
    return Column(key, th, en, Kind.BAHT, define_th, define_en)


def hours(key: str, th: str, en: str, define_th: str, define_en: str) -> Column:
    return Column(key, th, en, Kind.HOURS, define_th, define_en)


def number(key: str, th: str, en: str, define_th: str, define_en: str) -> Column:
    return Column(key, th, en, Kind.NUMBER, define_th, define_en)


def text(key: str, th: str, en: str, define_th: str, define_en: str) -> Column:
    return Column(key, th, en, Kind.TEXT, define_th, define_en)


def share(
    key: str, th: str, en: str, of: tuple[str, str], define_th: str, define_en: str
) -> Column:
    """A percentage: 100 x the first column / the second, for each row and for the totals."""
    return Column(key, th, en, Kind.PERCENT, define_th, define_en, ratio=of)
