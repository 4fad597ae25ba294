"""The Sammachip table (seed 000): per child area, each metric's target and what was achieved.

A province's rows are its districts, a district's its sub-districts (from the DOPA data package,
so an area with nothing yet still has its row of zeros). Targets are set for provinces and
districts, so a district row may carry its own target and a sub-district row never does; the
totals row's targets are the area's own (a province's target its districts do not split), else the
sum of the rows' targets.
"""

from __future__ import annotations

from collections.abc import Mapping

from infra.areas import areas_at
from infra.caller import area_level
from infra.errors import ValidationFailed
from services.teams.domain.targets import Targets
from services.teams.vocabulary import METRICS

REPORTED_LEVELS = ("province", "district")
Row = dict[str, int | str | None]


def row_areas(area: str, length: int) -> list[str]:
    """The areas of the table's rows, by code: the districts of a province or the sub-districts
    of a district (a province's sub-districts when asked); villages are not listed by the DOPA
    data, so the table stops at sub-districts."""
    if area_level(area) not in REPORTED_LEVELS:
        raise ValidationFailed.on(
            "area", "the Sammachip table is kept for a province or a district"
        )
    if length > 6:
        raise ValidationFailed.on("rows", "the Sammachip table's rows are districts or tambons")
    return [a.code for a in areas_at(area, length)]


def touched(children: list[str], parts: tuple[str, ...]) -> list[str]:
    """The child areas holding or lying inside one of the parts of the area a caller reaches."""
    return [c for c in children if any(c.startswith(p) or p.startswith(c) for p in parts)]


def target_row(targets: Targets | None) -> dict[str, int | None]:
    return {f"{m}_target": targets.values[m] if targets else None for m in METRICS}


def rows(
    children: list[str],
    counts: Mapping[str, Mapping[str, int]],
    targets: Mapping[str, Targets],
) -> list[Row]:
    """One row per child area: `key`, then `<metric>_target` and `<metric>_achieved`."""
    table = []
    for child in children:
        row: Row = {"key": child}
        for metric in METRICS:
            found = targets.get(child)
            row[f"{metric}_target"] = found.values[metric] if found else None
            row[f"{metric}_achieved"] = counts.get(metric, {}).get(child, 0)
        table.append(row)
    return table


def target_totals(table: list[Row], own: Mapping[str, int | None]) -> dict[str, int | None]:
    """`<metric>_target` for the totals row: the area's own target where set, else the sum of the
    rows' targets where any is set, else None (no target)."""
    totals: dict[str, int | None] = {}
    for metric in METRICS:
        target = f"{metric}_target"
        given = [value for row in table if isinstance(value := row[target], int)]
        totals[target] = own[target] if own[target] is not None else (sum(given) if given else None)
    return totals
