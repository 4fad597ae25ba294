import pytest

from infra.areas import area_name, area_problem


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
    assert area_name("24010101", "en").endswith("village 1")
