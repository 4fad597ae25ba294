"""Spellings of ASCII digits in other scripts, built from code points (no look-alikes in source)."""

from __future__ import annotations


def fullwidth(text: str) -> str:
    """ASCII digits as fullwidth digits (U+FF10...)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isdigit() else c for c in text)


def thai(text: str) -> str:
    """ASCII digits as Thai digits (U+0E50...)."""
    return "".join(chr(0x0E50 + int(c)) if c.isascii() and c.isdigit() else c for c in text)
