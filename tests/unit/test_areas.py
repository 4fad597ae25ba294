import pytest

from infra.areas import area, area_name, area_problem, area_title, child_areas


@pytest.mark.parametrize("code", ["24", "2401", "240101", "24010101"])
def test_real_areas_of_chachoengsao_pass(code):
    assert area_problem(code) is None


@pytest.mark.parametrize(
    "code, problem",
    [
        ("99", "no such province"),
        ("2499", "no such district"),
        ("240199", "no such subdistrict"),
        ("24019901", "tambon"),
        ("24010100", "village number 00"),
        ("2401a1", "DOPA area code"),
        ("240", "DOPA area code"),
    ],
)
def test_unknown_or_malformed_codes_are_named(code, problem):
    assert problem in (area_problem(code) or "")


def test_names_come_from_the_data_package():
    assert area_name("24") == "ฉะเชิงเทรา" and area_name("24", "en") == "Chachoengsao"
    assert area_name("24010101", "en") == "Village 1"
    assert area_name("24010712") == "หมู่ที่ 12"


def test_an_area_knows_its_level_and_parent():
    assert area("2401").to_dict() == {
        "code": "2401",
        "level": "district",
        "name_th": "เมืองฉะเชิงเทรา",
        "name_en": "Mueang Chachoengsao",
        "parent": "24",
    }
    assert area("24010101").parent == "240101"
    assert area("24").parent is None
    assert area("99") is None and area("2401a1") is None


def test_children_are_the_next_level_down():
    districts = child_areas("24")
    assert districts[0].code == "2401" and all(d.parent == "24" for d in districts)
    assert len(districts) == 11
    assert all(len(t.code) == 6 for t in child_areas("2401"))
    assert child_areas("240101") == [] and child_areas("99") == []


def test_a_title_names_the_areas_that_hold_it():
    assert area_title("240101", "en") == "Na Mueang · Mueang Chachoengsao · Chachoengsao"
