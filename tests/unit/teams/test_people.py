from datetime import UTC, datetime

import pytest

from infra.caller import Role
from infra.errors import Conflict, ValidationFailed
from services.teams.domain.contact import Contact, normalise_phone
from services.teams.domain.person import Person, Profile
from services.teams.passwords import hash_password, password_problem, verify_password

NOW = datetime(2026, 11, 21, tzinfo=UTC)


def profile(**changes):
    base = {
        "username": "somsri.k",
        "display_name": "Somsri",
        "areas": ("240101",),
        "roles": frozenset({Role.SUBDISTRICT_COORDINATOR}),
        "contact": Contact(),
    }
    return Profile(**{**base, **changes})


def fields_of(failure):
    return {e.field for e in failure.value.errors}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("081-234-5678", "+66812345678"),
        ("+66 81 234 5678", "+66812345678"),
        ("02 123 4567", "+6621234567"),
        ("66812345678", "+66812345678"),
        ("12345", None),
        ("+66 1 234 5678", None),
        ("0812345678901", None),
    ],
)
def test_thai_phone_numbers_are_normalised_to_plus_66(raw, expected):
    assert normalise_phone(raw) == expected


def test_contact_problems_name_the_channel():
    _, problems = Contact.parse("U123", "not-mail", "555")
    assert {p.field for p in problems} == {"line_user_id", "email", "phone"}


def test_roles_must_suit_the_level_of_their_areas():
    with pytest.raises(ValidationFailed) as failure:
        Person.register(profile(areas=("24",)), NOW)  # a coordinator answers for tambons
    assert fields_of(failure) == {"areas.0"}
    Person.register(profile(roles=frozenset({Role.PROVINCIAL_SUPERVISOR}), areas=("24",)), NOW)


def test_unknown_areas_bad_usernames_and_national_ids_are_refused():
    with pytest.raises(ValidationFailed) as failure:
        Person.register(profile(username="X", areas=("249999",), national_id="1101700230705"), NOW)
    assert fields_of(failure) == {"username", "areas.0", "national_id"}


def test_only_administrators_may_have_no_area():
    Person.register(profile(roles=frozenset({Role.ADMINISTRATOR}), areas=()), NOW)
    with pytest.raises(ValidationFailed):
        Person.register(profile(areas=()), NOW)


def test_deactivation_keeps_the_person_and_ends_changes():
    person = Person.register(profile(), NOW).deactivated()
    assert not person.active and person.version == 2
    with pytest.raises(Conflict):
        person.updated(profile(display_name="Other"))


def test_passwords_are_hashed_and_checked():
    stored = hash_password("a long enough secret")
    assert verify_password(stored, "a long enough secret")
    assert not verify_password(stored, "a long enough secreT")
    assert not verify_password(None, "anything at all")
    assert password_problem("short", "somsri") and password_problem("somsri-rules-ok", "somsri")
