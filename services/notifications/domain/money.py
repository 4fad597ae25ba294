"""Baht written the Thai way, exactly: integer baht and satang, never a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pythainlp.util import num_to_thaiword


def baht_text(amount: Decimal) -> str:
    """1500.25 -> หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์; 21 -> ยี่สิบเอ็ดบาทถ้วน."""
    satang_total = int(abs(amount).quantize(Decimal("0.01"), ROUND_HALF_UP) * 100)
    baht, satang = divmod(satang_total, 100)
    sign = "ลบ" if amount < 0 else ""
    if satang_total == 0:
        return "ศูนย์บาทถ้วน"
    words = f"{num_to_thaiword(baht)}บาท" if baht else ""
    words += f"{num_to_thaiword(satang)}สตางค์" if satang else "ถ้วน"
    return sign + words


def baht_figures(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
