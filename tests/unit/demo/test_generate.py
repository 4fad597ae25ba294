"""The demo's data generator: the same data every time, valid national IDs, real DOPA codes, and
the numbers the demo promises (31 teams, 3,000 households; 123 villages, 2,460 households)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from itertools import chain

import pytest
from stdnum.th import pin

from demo.cases import CARE_FATES, STATUSES, interventions_for
from demo.generate import (
    CHACHOENGSAO,
    FATES,
    PATTANI,
    THRESHOLD_THB,
    bmn_csv,
    chachoengsao_teams,
    fates_of,
    pattani_villages,
)
from demo.loans import BUCKETS, plans_for
from demo.pattani import sessions_of
from demo.savings import Group, places
from infra.areas import area_problem
from infra.national_id import national_id_problem


@pytest.fixture(scope="module")
def teams():
    return chachoengsao_teams()


@pytest.fixture(scope="module")
def villages():
    return pattani_villages()


def households_of(teams, villages):
    return [
        *chain.from_iterable(t.households for t in teams),
        *(h for v in villages for h in v.households),
    ]


def test_the_same_data_every_time(teams, villages):
    assert chachoengsao_teams() == teams
    assert pattani_villages() == villages


def test_chachoengsao_has_31_teams_and_3000_households_in_its_own_districts(teams):
    assert len(teams) == 31
    assert sum(len(t.households) for t in teams) == 3000
    assert len({t.tambon for t in teams}) == 31
    assert len({t.district for t in teams}) == 11  # every district of the province
    for team in teams:
        assert team.tambon.startswith(team.district) and team.district.startswith(CHACHOENGSAO)
        assert {h.village_code for h in team.households} == set(team.villages)


def test_pattani_has_123_villages_in_73_tambons_with_20_households_each(villages):
    assert len(villages) == 123
    assert len({v.code[:6] for v in villages}) == 73
    assert len({v.code[:4] for v in villages}) == 12
    assert all(v.code.startswith(PATTANI) and len(v.households) == 20 for v in villages)
    assert len({v.occupation for v in villages}) >= 12


def test_national_ids_are_valid_and_never_repeat(teams, villages):
    ids = [h.national_id for h in households_of(teams, villages)]
    assert all(national_id_problem(i) is None and pin.is_valid(i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_every_village_lies_in_a_real_tambon(teams, villages):
    codes = {h.village_code for h in households_of(teams, villages)}
    assert all(area_problem(code) is None for code in codes)


def test_house_numbers_find_each_household_again(teams, villages):
    keys = Counter(h.key for h in households_of(teams, villages))
    assert keys.most_common(1)[0][1] == 1


def test_most_households_are_targeted_and_every_team_has_a_case_of_each_fate(teams):
    everyone = [h for t in teams for h in t.households]
    targeted = sum(h.targeted for h in everyone)
    assert 0.5 * len(everyone) < targeted < 0.8 * len(everyone)
    assert {f for t in teams for f in t.fates.values()} == set(FATES)
    for team in teams:
        assert sorted(team.fates.values()) == sorted(fates_of(team.number))
        assert {f for f in FATES if f.startswith("care_overdue_")} <= set(team.fates.values())
        fated = [h for h in team.households if h.national_id in team.fates]
        assert all(h.income_per_person < THRESHOLD_THB for h in fated)


def test_the_import_file_has_a_row_per_household_with_whole_ids(teams):
    rows = list(csv.DictReader(io.StringIO(bmn_csv(list(teams[0].households)).decode("utf-8-sig"))))
    assert len(rows) == len(teams[0].households)
    first = teams[0].households[0]
    assert rows[0]["head_national_id"] == first.national_id
    assert rows[0]["annual_income_thb"] == str(first.annual_income_thb)
    assert rows[0]["failed_indicators"] == ";".join(first.failed_indicators)


def test_over_the_teams_every_kind_of_intervention_takes_every_status(teams):
    managing = [t.number for t in teams if "manage" in t.fates.values()]
    seen = {pair for n in managing for pair in interventions_for("manage", n)}
    kinds = {"livelihood_training", "referral", "in_kind"}
    assert seen == {(k, s) for k in kinds for s in STATUSES}
    assert all(interventions_for(f, 1) for f in CARE_FATES if f.startswith("care"))


def test_loans_take_every_status_and_arrears_bucket_and_one_is_written_off():
    plans = [p for n in range(8) for p in plans_for(Group(n, "24010101"))]
    assert {p.decision for p in plans} == {None, "approve", "reject"}
    assert {p.key.removeprefix("arrears-") for p in plans} >= set(BUCKETS)
    assert sum(p.write_off for p in plans) == 1
    assert {p.repay for p in plans} == {"none", "due", "all"}


def test_savings_groups_sit_in_two_districts_of_each_province(teams, villages):
    found = places(teams, villages)
    assert [d[:2] for d in found] == ["24", "24", "94", "94"]
    assert all(len(v) == 2 and all(c.startswith(d) for c in v) for d, v in found.items())


def test_cohorts_hold_sessions_of_every_kind():
    kinds = {kind for index in range(123) for kind, _, _ in sessions_of(index)}
    assert kinds == {"class", "practice", "study_visit"}
