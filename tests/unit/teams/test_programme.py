"""Sammachip programme rules: Thai fiscal years, targets, OTOP products, the table's rows and the
report's totals and percentages."""

from datetime import UTC, datetime

import pytest

from gateway.reports.compose import Asked, build
from gateway.reports.definitions.sammachip import SAMMACHIP
from infra.errors import ValidationFailed
from infra.reports import ReportScope
from services.teams.domain.group_progress import OtopProduct
from services.teams.domain.sammachip_report import row_areas, rows, target_totals
from services.teams.domain.targets import Targets, target_values
from services.teams.vocabulary import METRICS

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
SEED_000 = {
    "villages_with_trainer_team": 123,
    "households_trained": 2460,
    "occupation_groups_formed": 12,
    "subdistrict_plans_used": 73,
}


def fields_of(failure):
    return [e.field for e in failure.value.errors]


def test_the_stretch_goal_given_as_fifty_percent_is_stored_as_62_of_123_villages():
    values = target_values({**SEED_000, "villages_with_registered_group_percent": 50})
    assert values["villages_with_registered_group"] == 62
    assert values["groups_with_otop_product"] is None
    assert set(values) == set(METRICS)


def test_targets_that_contradict_themselves_or_go_negative_are_refused():
    with pytest.raises(ValidationFailed) as failure:
        target_values({"households_trained": -1, "occupation_groups_formed": -5})
    assert fields_of(failure) == ["households_trained", "occupation_groups_formed"]
    with pytest.raises(ValidationFailed) as failure:
        target_values({"villages_with_trainer_team": 10, "villages_with_registered_group": 11})
    assert fields_of(failure) == ["villages_with_registered_group"]
    both = {**SEED_000, "villages_with_registered_group": 62}
    with pytest.raises(ValidationFailed) as failure:
        target_values({**both, "villages_with_registered_group_percent": 50})
    assert fields_of(failure) == ["villages_with_registered_group_percent"]
    with pytest.raises(ValidationFailed) as failure:
        target_values({"villages_with_registered_group_percent": 50})
    assert fields_of(failure) == ["villages_with_registered_group_percent"]


def test_replacing_targets_makes_a_new_version_and_drops_what_is_not_given_again():
    first = Targets.set("94", 2570, SEED_000, "p1", NOW)
    second = first.replaced({"households_trained": 2500}, "p2", NOW)
    assert second.version == 2 and second.set_by == "p2"
    assert second.values["households_trained"] == 2500
    assert second.values["villages_with_trainer_team"] is None


def test_an_otop_product_needs_a_known_category_and_one_to_five_stars():
    with pytest.raises(ValidationFailed) as failure:
        OtopProduct.record(" ", "jewellery", 6, None, NOW)
    assert fields_of(failure) == ["name", "category", "stars"]
    unrated = OtopProduct.record("Batik", "textile_and_garment", None, None, NOW)
    later = datetime(2027, 1, 5, tzinfo=UTC)
    rated = OtopProduct.record("Batik", "textile_and_garment", 4, unrated, later)
    assert rated.stars == 4 and rated.recorded_at == NOW  # first known when first recorded


def test_the_rows_of_pattani_are_its_twelve_districts_with_zeros_where_nothing_happened():
    districts = row_areas("94", 4)
    assert len(districts) == 12 and districts[0] == "9401"
    assert len(row_areas("9401", 6)) == 13
    tambons = row_areas("94", 6)  # a province's sub-districts, asked with rows=tambon
    assert len(tambons) == 115 and tambons[:13] == row_areas("9401", 6)
    with pytest.raises(ValidationFailed) as failure:
        row_areas("940101", 8)
    assert fields_of(failure) == ["area"]
    with pytest.raises(ValidationFailed) as failure:
        row_areas("94", 8)  # the DOPA data lists no villages
    assert fields_of(failure) == ["rows"]
    district_target = Targets.set("9402", 2570, {"households_trained": 200}, "p", NOW)
    table = rows(districts, {"households_trained": {"9402": 40}}, {"9402": district_target})
    by_key = {row["key"]: row for row in table}
    assert by_key["9402"]["households_trained_achieved"] == 40
    assert by_key["9402"]["households_trained_target"] == 200
    assert by_key["9401"]["households_trained_achieved"] == 0
    assert by_key["9401"]["households_trained_target"] is None


def row(key, target, achieved):
    values = {f"{m}_target": None for m in METRICS} | {f"{m}_achieved": 0 for m in METRICS}
    return {
        **values,
        "key": key,
        "households_trained_target": target,
        "households_trained_achieved": achieved,
    }


def test_the_totals_targets_are_the_areas_own_else_the_sum_of_the_rows_targets():
    own = {f"{m}_target": None for m in METRICS} | {"households_trained_target": 2460}
    rows_ = [row("9401", None, 20), row("9402", 30, 40)]
    assert target_totals(rows_, own)["households_trained_target"] == 2460
    unset = {f"{m}_target": None for m in METRICS}
    totals = target_totals([row("9401", 100, 20), row("9402", None, 40), row("9403", 0, 1)], unset)
    assert totals["households_trained_target"] == 100
    assert target_totals([row("9401", None, 20)], unset)["households_trained_target"] is None
    assert set(totals) == {f"{m}_target" for m in METRICS}  # achieved: summed by the gateway


def test_the_report_computes_percentages_from_the_rows_and_the_provinces_own_target():
    own = {f"{m}_target": None for m in METRICS} | {"households_trained_target": 2460}
    rows_ = [row("9401", 30, 20), row("9402", 0, 40)]
    asked = Asked(SAMMACHIP, "94", 2570, "en")
    answer = {"rows": rows_, "totals": target_totals(rows_, own)}
    table = build(asked, ReportScope("94", ("94",), 4), [answer])
    by_key = {r["key"]: r for r in table.rows}
    assert len(by_key) == 12 and by_key["9401"]["name"] == "Mueang Pattani"
    assert by_key["9401"]["households_trained_percent"] == 66.67
    assert by_key["9402"]["households_trained_percent"] is None  # a target of zero
    assert by_key["9403"]["households_trained_target"] is None  # a district with nothing sent
    assert table.totals["households_trained_achieved"] == 60
    assert table.totals["households_trained_target"] == 2460
    assert table.totals["households_trained_percent"] == round(6000 / 2460, 2)
    assert table.totals["groups_with_otop_product_percent"] is None
