"""A registration sent with a client key (the request's Idempotency-Key) is answered once: a
resend after a lost answer gets the first outcome, not "already belongs to another household"."""

import pytest

from infra.errors import Conflict
from services.households.db.tables import metadata
from services.households.service import HouseholdsService
from services.households.usecases import registry
from tests.integration.households.support import COORDINATOR, EXPERT, call, household, rows

KEY = "9b2f6c1e-6f3a-4e8b-9d3c-2a1b0c9d8e7f"
HOUSEHOLDS = metadata.tables["households"]


@pytest.fixture
def service(migrated, start_service):
    start_service(HouseholdsService, migrated)
    return migrated


def test_a_resent_registration_gets_the_first_answer(service):
    first = call(service, "register_household", COORDINATOR, household(1, client_key=KEY))
    again = call(service, "register_household", COORDINATOR, household(1, client_key=KEY))
    assert again == first
    assert len(rows(service, HOUSEHOLDS)) == 1


def test_a_key_serves_one_request_of_one_person(service):
    call(service, "register_household", COORDINATOR, household(1, client_key=KEY))
    with pytest.raises(Conflict) as refused:
        call(service, "register_household", COORDINATOR, household(2, client_key=KEY))
    assert [e.field for e in refused.value.errors] == ["client_key"]
    with pytest.raises(Conflict):  # another person's key is not this one's: the members are taken
        call(service, "register_household", EXPERT, household(1, client_key=KEY))


def test_without_a_key_a_repeat_is_still_refused(service):
    call(service, "register_household", COORDINATOR, household(1))
    with pytest.raises(Conflict):
        call(service, "register_household", COORDINATOR, household(1))


def test_a_registration_racing_for_the_same_member_is_refused_not_failed(service, monkeypatch):
    """The other registration commits between this one's check and its insert: the database's
    unique index refuses the member, and the answer is the same 409 as the check's."""
    call(service, "register_household", COORDINATOR, household(1))
    monkeypatch.setattr(registry, "_refuse_members_of_other_households", lambda *_: None)
    with pytest.raises(Conflict):
        call(service, "register_household", COORDINATOR, household(1))
    assert len(rows(service, HOUSEHOLDS)) == 1


def test_a_resend_racing_its_first_send_gets_the_first_answer(service, monkeypatch):
    """The first send commits between the resend's look for its key and its insert."""
    first = call(service, "register_household", COORDINATOR, household(1, client_key=KEY))
    looks = []
    real_look = registry._registered_before

    def not_yet_the_first_time(*args):
        looks.append(args)
        return None if len(looks) == 1 else real_look(*args)

    monkeypatch.setattr(registry, "_registered_before", not_yet_the_first_time)
    monkeypatch.setattr(registry, "_refuse_members_of_other_households", lambda *_: None)
    again = call(service, "register_household", COORDINATOR, household(1, client_key=KEY))
    assert again == first and len(looks) == 2
    assert len(rows(service, HOUSEHOLDS)) == 1
