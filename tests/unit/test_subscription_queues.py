"""Every process's event handlers come from its subscriptions table, and their queue names are
pinned here: a queue renamed by accident would leave the old one bound and filling, and the new one
empty of every event published before the deploy."""

from __future__ import annotations

from typing import Any

import pytest

from gateway import subscriptions as gateway_subscriptions
from gateway.service import GatewayService
from infra.catalogue import published
from infra.queues import HandlerQueues
from infra.topology import handlers_of
from services.funding import subscriptions as funding_subscriptions
from services.funding.service import FundingService
from services.households import subscriptions as households_subscriptions
from services.households.service import HouseholdsService
from services.notifications import subscriptions as notifications_subscriptions
from services.notifications.service import NotificationsService
from services.teams import subscriptions as teams_subscriptions
from services.teams.service import TeamsService

QUEUES = {
    "households": [
        "evt-funding-funding_access_declined--households.on_funding_access_declined",
        "evt-funding-funding_access_granted--households.on_funding_access_granted",
        "evt-funding-loan_disbursed--households.on_loan_disbursed",
        "evt-funding-loan_overdue--households.on_loan_overdue",
        "evt-funding-loan_repaid--households.on_loan_repaid",
        "evt-funding-loan_written_off--households.on_loan_written_off",
        "evt-teams-household_assigned--households.on_household_assigned",
        "evt-teams-household_reassigned--households.on_household_reassigned",
        "evt-teams-training_completed--households.on_training_completed",
    ],
    "teams": [
        "evt-households-case_stage_changed--teams.on_case_stage_changed",
        "evt-households-consent_recorded--teams.on_consent_recorded",
        "evt-households-household_graduated--teams.on_household_graduated",
        "evt-households-household_merged--teams.on_household_merged",
        "evt-households-household_registered--teams.on_household_registered",
        "evt-households-household_targeted--teams.on_household_targeted",
        "evt-households-households_imported--teams.on_households_imported",
        "evt-households-visit_logged--teams.on_visit_logged",
        "evt-households-visit_overdue--teams.on_visit_overdue",
    ],
    "funding": [
        "evt-households-funding_access_requested--funding.on_funding_access_requested",
    ],
    "notifications": [
        "evt-funding-loan_overdue--notifications.on_loan_overdue",
        "evt-funding-loan_repaid--notifications.on_loan_repaid",
        "evt-funding-loan_written_off--notifications.on_loan_written_off",
        "evt-households-case_risk_lowered--notifications.on_case_risk_lowered",
        "evt-households-case_risk_raised--notifications.on_case_risk_raised",
        "evt-households-household_graduated--notifications.on_household_graduated",
        "evt-households-household_import_finished--notifications.on_household_import_finished",
        "evt-households-household_income_fell--notifications.on_household_income_fell",
        "evt-households-household_merged--notifications.on_household_merged",
        "evt-households-household_moved_away--notifications.on_household_moved_away",
        "evt-households-household_registered--notifications.on_household_registered",
        "evt-households-intervention_requested--notifications.on_intervention_requested",
        "evt-households-intervention_status_changed--notifications.on_intervention_status_changed",
        "evt-households-plan_approved--notifications.on_plan_approved",
        "evt-households-plan_returned--notifications.on_plan_returned",
        "evt-households-plan_submitted--notifications.on_plan_submitted",
        "evt-households-visit_logged--notifications.on_visit_logged",
        "evt-households-visit_overdue--notifications.on_visit_overdue",
        "evt-teams-cohort_follow_up_done--notifications.on_cohort_follow_up_done",
        "evt-teams-cohort_follow_up_overdue--notifications.on_cohort_follow_up_overdue",
        "evt-teams-household_assigned--notifications.on_household_assigned",
        "evt-teams-household_reassigned--notifications.on_household_reassigned",
        "evt-teams-person_deactivated--notifications.on_person_deactivated",
        "evt-teams-person_registered--notifications.on_person_registered",
        "evt-teams-person_updated--notifications.on_person_updated",
        "evt-teams-team_completed--notifications.on_team_completed",
        "evt-teams-team_incomplete--notifications.on_team_incomplete",
        "evt-teams-team_membership_changed--notifications.on_team_membership_changed",
    ],
    "gateway": [
        "evt-teams-password_changed--gateway.on_password_changed",
        "evt-teams-person_deactivated--gateway.on_person_deactivated",
        "evt-teams-person_updated--gateway.on_person_updated",
        "evt-teams-team_membership_changed--gateway.on_team_membership_changed",
    ],
}
PROCESSES = {
    "households": (HouseholdsService, households_subscriptions),
    "teams": (TeamsService, teams_subscriptions),
    "funding": (FundingService, funding_subscriptions),
    "notifications": (NotificationsService, notifications_subscriptions),
    "gateway": (GatewayService, gateway_subscriptions),
}


def table_handlers(service: type) -> list[tuple[str, Any]]:
    """The handlers made from the subscriptions table (not the event log's `log_` ones)."""
    return [(m, h) for m, h in handlers_of(service) if not m.startswith("log_")]


@pytest.mark.parametrize("name", sorted(PROCESSES))
def test_the_queue_names_are_those_the_broker_already_has(name):
    service, _ = PROCESSES[name]
    queues = [
        HandlerQueues(h.source_service, h.event_type, service.name, method, ()).name
        for method, h in table_handlers(service)
    ]
    assert sorted(queues) == QUEUES[name]


def test_the_event_log_has_a_queue_for_every_published_event():
    """Outside subscribers get every event: a new contract gets its `log_` queue by itself."""
    queues = {
        HandlerQueues(h.source_service, h.event_type, "notifications", method, ()).name
        for method, h in handlers_of(NotificationsService)
        if method.startswith("log_")
    }
    expected = {
        f"evt-{p.source}-{p.event_type}--notifications.log_{p.event_type}" for p in published()
    }
    assert queues == expected and len(expected) >= 36


@pytest.mark.parametrize("name", sorted(PROCESSES))
def test_every_row_of_the_table_has_its_handler_and_its_contract_schemas(name):
    service, subscriptions = PROCESSES[name]
    made = {(h.source_service, h.event_type) for _, h in table_handlers(service)}
    table = {(row.source, row.event_type) for row in subscriptions.TABLE}
    assert made == table == set(subscriptions.SUBSCRIPTIONS)
