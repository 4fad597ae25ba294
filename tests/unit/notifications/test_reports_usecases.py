"""The escalations report (`usecases/reports.py`) with the fake unit of work, its two reads
answering given rows: the window follows the caller's reach and the fiscal year, and the medians
of the totals are taken over every row's times, not over the rows' medians. No database."""

from __future__ import annotations

from collections import namedtuple
from datetime import timedelta

import pytest

from infra.caller import Role
from infra.errors import NotFound
from infra.fiscal import fiscal_year_span
from services.notifications.usecases.commands import EscalationsReportQuery
from services.notifications.usecases.reports import escalations_report
from tests.unit.notifications.factories import T0, caller
from tests.unit.notifications.fakes import FakeUnitOfWork

Counted = namedtuple("Counted", "key opened resolved")
Timed = namedtuple("Timed", "key opened_at acknowledged_at resolved_at")
SUPERVISOR = caller("district", Role.DISTRICT_SUPERVISOR, areas=("2401",))


def hours(n: float) -> object:
    return T0 + timedelta(hours=n)


def test_each_row_counts_and_the_totals_take_the_median_over_every_escalation() -> None:
    uow = FakeUnitOfWork()
    uow.reports.counted = [Counted("240101", 2, None), Counted("240102", 1, 1)]
    uow.reports.timed = [
        Timed("240101", T0, hours(1), None),
        Timed("240101", T0, hours(3), hours(4)),
        Timed("240102", T0, hours(10), hours(12)),
    ]
    report = escalations_report(uow, SUPERVISOR, EscalationsReportQuery("2401", 2570))

    first, second = report["rows"]
    assert (first["key"], first["opened"], first["resolved"]) == ("240101", 2, 0)
    assert (first["median_hours_to_acknowledge"], first["median_hours_to_resolve"]) == (2, 4)
    assert (second["median_hours_to_acknowledge"], second["median_hours_to_resolve"]) == (10, 12)
    assert report["totals"] == {"median_hours_to_acknowledge": 3, "median_hours_to_resolve": 8}


def test_the_window_is_the_callers_part_of_the_area_in_the_fiscal_year() -> None:
    uow = FakeUnitOfWork()
    escalations_report(uow, SUPERVISOR, EscalationsReportQuery("24", 2570, rows="tambon"))

    [window, _] = uow.reports.asked
    assert (window.area, window.parts, window.key_length) == ("24", ("2401",), 6)
    assert (window.year_start, window.year_end) == fiscal_year_span(2570)


def test_an_area_outside_the_callers_reach_is_not_found() -> None:
    with pytest.raises(NotFound):
        escalations_report(FakeUnitOfWork(), SUPERVISOR, EscalationsReportQuery("10", 2570))
