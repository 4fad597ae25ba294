"""A registration sent with a client key (the request's Idempotency-Key) is answered once: a
resend after a lost answer gets the first outcome, not "already belongs to another household"."""

import pytest

from infra.errors import Conflict, ValidationFailed
from services.households.db.tables import metadata
from services.households.service import HouseholdsService
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
    with pytest.raises(ValidationFailed) as refused:
        call(service, "register_household", COORDINATOR, household(2, client_key=KEY))
    assert refused.value.errors[0].field == "client_key"
    with pytest.raises(Conflict):  # another person's key is not this one's: the members are taken
        call(service, "register_household", EXPERT, household(1, client_key=KEY))


def test_without_a_key_a_repeat_is_still_refused(service):
    call(service, "register_household", COORDINATOR, household(1))
    with pytest.raises(Conflict):
        call(service, "register_household", COORDINATOR, household(1))
