"""Each tambon's share of an import batch: the counters behind the import's one summary.

A row counts where its village code puts it: `accepted` (it wrote something), `unchanged` (its
household already held its values) or `rejected`. A refused row whose village code cannot be read
counts only in the import's totals.
"""

from __future__ import annotations

from collections import defaultdict

from services.households.imports.rows import BmnRow

TAMBON_DIGITS, VILLAGE_DIGITS = 6, 8
Counts = dict[str, dict[str, int]]  # tambon code -> {accepted, unchanged, rejected}


def tambon_of(village_code: str) -> str | None:
    """The tambon of a village code as written in a row; None unless it is 8 ASCII digits."""
    code = village_code.strip()
    if len(code) == VILLAGE_DIGITS and code.isascii() and code.isdigit():
        return code[:TAMBON_DIGITS]
    return None


def tally(
    valid: list[BmnRow],
    problems: list[tuple[int, str, str]],
    unchanged_rows: list[BmnRow],
    refused_villages: dict[int, str],
) -> Counts:
    """`problems` holds every refused row (checked or written); `refused_villages` the village
    code as written of the rows the checker refused (the others are in `valid`)."""
    refused = {row for row, _, _ in problems}
    unchanged = {row.number for row in unchanged_rows}
    counts: Counts = defaultdict(lambda: {"accepted": 0, "unchanged": 0, "rejected": 0})
    for row in valid:
        outcome = (
            "rejected"
            if row.number in refused
            else "unchanged"
            if row.number in unchanged
            else "accepted"
        )
        counts[row.village_code[:TAMBON_DIGITS]][outcome] += 1
    for village in refused_villages.values():
        tambon = tambon_of(village)
        if tambon:
            counts[tambon]["rejected"] += 1
    return dict(counts)
