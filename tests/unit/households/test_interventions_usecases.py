"""Requesting and updating interventions with the fake unit of work: what is announced, resends by
client key, the stages that take them, versions. No database, no broker."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from infra.commands import command_of
from infra.errors import Conflict, PreconditionFailed, ValidationFailed
from infra.pagination import Page
from services.households.settings import Settings
from services.households.usecases import interventions
from services.households.usecases.commands import RequestIntervention, UpdateIntervention
from services.households.vocabulary import Stage, Status
from tests.unit.households.factories import COORDINATOR, LATER, LEADER, NOW, SUPERVISOR, case
from tests.unit.households.fakes import FakeUnitOfWork

SETTINGS = Settings(income_thresholds_thb={2026: Decimal("40000")})
KEY = "phone-1-request-1"


def ask(**changes: Any) -> RequestIntervention:
    """A request as the entrypoint builds it from what the `RequestIntervention` schema loaded."""
    loaded = {"kind": "referral", "description": "health check", "agency": "Tambon hospital"}
    return command_of(RequestIntervention, {"client_key": None, **loaded, **changes})


def status(to: str, outcome: str | None = None) -> UpdateIntervention:
    return command_of(UpdateIntervention, {"status": to, "outcome": outcome})


def test_a_request_is_stored_and_announced() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)

    item = interventions.request_intervention(uow, LEADER, household.id, ask(), NOW)

    assert uow.interventions.items.rows == {item.id: item}
    assert (item.owner, item.status, item.version) == (LEADER.person_id, Status.REQUESTED, 1)
    (announced,) = uow.events("intervention_requested")
    assert announced["intervention_id"] == item.id and announced["agency"] == "Tambon hospital"


def test_a_funding_request_is_announced_to_funding_with_the_head_as_applicant() -> None:
    household = case(Stage.CARE)
    uow = FakeUnitOfWork().given(household)
    funding = {"amount_thb": Decimal("5000.00"), "purpose": "seeds", "term_months": 12}

    item = interventions.request_intervention(
        uow, LEADER, household.id, ask(kind="funding_access", agency=None, funding=funding), NOW
    )

    assert item.funding is not None and item.funding.amount_thb == Decimal("5000.00")
    (asked,) = uow.events("funding_access_requested")
    assert (asked["intervention_id"], asked["applicant_first_name"]) == (item.id, "Somsri")


def test_a_resend_by_client_key_answers_the_first_intervention_and_changes_nothing() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    first = interventions.request_intervention(uow, LEADER, household.id, ask(client_key=KEY), NOW)

    again = interventions.request_intervention(
        uow, LEADER, household.id, ask(client_key=KEY), LATER
    )

    assert again == first and list(uow.interventions.items.rows) == [first.id]
    assert uow.kinds() == ["intervention_requested"] and uow.commits == 1


def test_a_resend_answers_the_intervention_as_it_is_now() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    first = interventions.request_intervention(uow, LEADER, household.id, ask(client_key=KEY), NOW)
    interventions.update_intervention(
        uow, LEADER, household.id, first.id, status("accepted"), 1, SETTINGS, LATER
    )

    again = interventions.request_intervention(
        uow, LEADER, household.id, ask(client_key=KEY), LATER
    )

    assert (again.id, again.status, again.version) == (first.id, Status.ACCEPTED, 2)


def test_the_same_client_key_with_another_request_is_refused() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    interventions.request_intervention(uow, LEADER, household.id, ask(client_key=KEY), NOW)

    with pytest.raises(Conflict) as refused:
        interventions.request_intervention(
            uow, LEADER, household.id, ask(client_key=KEY, description="other"), LATER
        )
    assert [e.field for e in refused.value.errors] == ["client_key"]
    assert len(uow.interventions.items.rows) == 1 and uow.commits == 1


@pytest.mark.parametrize("stage", [Stage.COMPASS, Stage.GRADUATED])
def test_interventions_carry_out_an_approved_plan_only(stage: Stage) -> None:
    household = case(stage)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(Conflict):
        interventions.request_intervention(uow, LEADER, household.id, ask(client_key=KEY), NOW)
    assert uow.interventions.items.rows == {} and uow.client_requests.answers.rows == {}


def test_a_referral_names_its_agency() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    with pytest.raises(ValidationFailed) as refused:
        interventions.request_intervention(uow, LEADER, household.id, ask(agency=None), NOW)
    assert [e.field for e in refused.value.errors] == ["agency"]


def test_an_update_moves_the_status_bumps_the_version_and_is_announced() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    item = interventions.request_intervention(uow, LEADER, household.id, ask(), NOW)

    changed = interventions.update_intervention(
        uow, COORDINATOR, household.id, item.id, status("done", "seen"), 1, SETTINGS, LATER
    )

    stored = uow.interventions.items.rows[item.id]
    assert changed.version == stored.version == 2
    assert (stored.status, stored.outcome, stored.changed_at) == (Status.DONE, "seen", LATER)
    (announced,) = uow.events("intervention_status_changed")
    assert (announced["intervention_id"], announced["status"]) == (item.id, "done")


def test_an_update_against_a_stale_version_is_refused_with_the_current_one() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    item = interventions.request_intervention(uow, LEADER, household.id, ask(), NOW)

    with pytest.raises(PreconditionFailed) as refused:
        interventions.update_intervention(
            uow, LEADER, household.id, item.id, status("done"), 2, SETTINGS, LATER
        )
    assert refused.value.extra == {"current_version": 1}
    assert uow.interventions.items.rows[item.id].status is Status.REQUESTED


def test_an_illegal_move_is_refused_and_nothing_is_kept() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    item = interventions.request_intervention(uow, LEADER, household.id, ask(), NOW)
    interventions.update_intervention(
        uow, LEADER, household.id, item.id, status("rejected"), None, SETTINGS, LATER
    )

    with pytest.raises(Conflict):
        interventions.update_intervention(
            uow, LEADER, household.id, item.id, status("done"), None, SETTINGS, LATER
        )
    assert uow.interventions.items.rows[item.id].version == 2 and uow.commits == 2


def test_interventions_are_listed_oldest_first_as_one_page() -> None:
    household = case(Stage.MANAGE)
    uow = FakeUnitOfWork().given(household)
    first = interventions.request_intervention(uow, LEADER, household.id, ask(), NOW)
    second = interventions.request_intervention(uow, LEADER, household.id, ask(), LATER)

    found = interventions.list_interventions(uow, SUPERVISOR, household.id)

    assert found == Page([first, second])
