"""Pattani's Sammachip year: which tambons get plans, which months groups report, which year."""

from datetime import date

from demo.generate import pattani_villages
from demo.programme import PLANS, months, plan_tambons
from infra.areas import area_problem
from infra.fiscal import fiscal_year_of as fiscal_year


def test_the_fiscal_year_turns_on_the_first_of_october():
    assert fiscal_year(date(2026, 9, 30)) == 2569
    assert fiscal_year(date(2026, 10, 1)) == 2570
    assert fiscal_year(date(2027, 1, 15)) == 2570


def test_plans_cover_the_target_villages_tambons_first_then_other_real_tambons():
    villages = pattani_villages()
    tambons = plan_tambons(villages)
    assert len(tambons) == len(set(tambons)) == PLANS
    own = list(dict.fromkeys(v.code[:6] for v in villages))
    assert tambons[: len(own)] == own[:PLANS]
    assert all(t.startswith("94") and area_problem(t) is None for t in tambons)


def test_groups_report_the_last_three_months_across_a_new_year():
    assert months(date(2027, 2, 10)) == ["2026-12", "2027-01", "2027-02"]
    assert months(date(2026, 12, 2)) == ["2026-10", "2026-11", "2026-12"]
