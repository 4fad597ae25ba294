"""What the commands of every subject share: the page a list asks for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageQuery:
    after: str | None = None  # the cursor of the page before
    limit: int = 50
