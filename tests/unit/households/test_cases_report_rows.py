"""Folding the per-(area, stage) counts into the cases report's columns (no database)."""

from collections import defaultdict
from types import SimpleNamespace

from services.households.usecases.reports import _add_households


def counted(key, stage, households, **flags):
    zero = dict.fromkeys(
        ("targeted", "consented", "declined", "overdue_visits", "monitored", "without_team"), 0
    )
    return SimpleNamespace(key=key, stage=stage, households=households, **{**zero, **flags})


def test_flags_count_only_in_the_stages_where_they_mean_something():
    rows = defaultdict(lambda: defaultdict(int))
    _add_households(
        rows,
        [
            counted("2401", "graduated", 3, monitored=2, without_team=3, consented=3),
            counted("2401", "care", 4, without_team=1, overdue_visits=2, monitored=1),
            counted("2401", "registered", 5, without_team=5),
            counted("2401", "merged", 2, without_team=2),
            counted("2402", "declined", 1, declined=1, targeted=1),
        ],
    )
    mueang = rows["2401"]
    assert mueang["registered"] == 12  # the merged duplicates are not households
    assert (mueang["stage_graduated"], mueang["stage_care"], mueang["stage_merged"]) == (3, 4, 2)
    assert mueang["in_monitoring"] == 2  # graduated and monitored; care's date is stale
    assert mueang["without_team"] == 1  # only open cases need a team
    assert (mueang["overdue_visits"], mueang["consented"]) == (2, 3)
    assert dict(rows["2402"]) == {
        "stage_declined": 1, "registered": 1, "targeted": 1, "consented": 0, "declined": 1,
        "overdue_visits": 0,
    }  # fmt: skip


def test_a_merged_duplicate_counts_only_as_merged_not_twice_as_targeted_or_consented():
    rows = defaultdict(lambda: defaultdict(int))
    _add_households(
        rows,
        [
            counted("2401", "care", 1, targeted=1, consented=1),
            counted("2401", "merged", 1, targeted=1, consented=1),
        ],
    )
    assert dict(rows["2401"]) == {
        "stage_care": 1, "stage_merged": 1, "registered": 1, "targeted": 1, "consented": 1,
        "declined": 0, "overdue_visits": 0, "without_team": 0,
    }  # fmt: skip
