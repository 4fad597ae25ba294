"""The notifications service's own view of the events it consumes (never the producers' code):
only the fields the rules and the directory use, unknown fields ignored; one module per source.

`TABLE` declares every event it consumes once (source, event type, version, schema, use case);
its event handlers and their queues are made from it (`infra.subscriptions`).
"""

from __future__ import annotations

from infra.subscriptions import table, versions_of
from services.notifications.subscriptions.funding import (
    LoanOverdueV1,
    LoanRepaidV1,
    LoanWrittenOffV1,
)
from services.notifications.subscriptions.households import (
    CaseRiskChangedV1,
    HouseholdGraduatedV1,
    HouseholdImportFinishedV1,
    HouseholdIncomeFellV1,
    HouseholdMergedV1,
    HouseholdMovedAwayV1,
    HouseholdRegisteredV1,
    InterventionRequestedV1,
    InterventionStatusChangedV1,
    PlanApprovedV1,
    PlanReturnedV1,
    PlanSubmittedV1,
    VisitLoggedV1,
    VisitOverdueV1,
)
from services.notifications.subscriptions.teams import (
    CohortFollowUpDoneV1,
    CohortFollowUpOverdueV1,
    HouseholdAssignedV1,
    HouseholdReassignedV1,
    PersonDeactivatedV1,
    PersonV1,
    TeamCompletedV1,
    TeamIncompleteV1,
    TeamMembershipChangedV1,
)
from services.notifications.usecases.reactions import (
    PERSON_CHANGED,
    PERSON_DEACTIVATED,
    RULES,
    TEAM_MEMBERSHIP_CHANGED,
)

TABLE = table(
    ("households", "household_registered", 1, HouseholdRegisteredV1, RULES),
    ("households", "household_import_finished", 1, HouseholdImportFinishedV1, RULES),
    ("households", "plan_submitted", 1, PlanSubmittedV1, RULES),
    ("households", "plan_approved", 1, PlanApprovedV1, RULES),
    ("households", "plan_returned", 1, PlanReturnedV1, RULES),
    ("households", "intervention_requested", 1, InterventionRequestedV1, RULES),
    ("households", "intervention_status_changed", 1, InterventionStatusChangedV1, RULES),
    ("households", "visit_logged", 1, VisitLoggedV1, RULES),
    ("households", "visit_overdue", 1, VisitOverdueV1, RULES),
    ("households", "household_income_fell", 1, HouseholdIncomeFellV1, RULES),
    ("households", "household_graduated", 1, HouseholdGraduatedV1, RULES),
    ("households", "case_risk_raised", 1, CaseRiskChangedV1, RULES),
    ("households", "case_risk_lowered", 1, CaseRiskChangedV1, RULES),
    ("households", "household_moved_away", 1, HouseholdMovedAwayV1, RULES),
    ("households", "household_merged", 1, HouseholdMergedV1, RULES),
    ("teams", "person_registered", 1, PersonV1, PERSON_CHANGED),
    ("teams", "person_updated", 1, PersonV1, PERSON_CHANGED),
    ("teams", "person_deactivated", 1, PersonDeactivatedV1, PERSON_DEACTIVATED),
    ("teams", "team_membership_changed", 1, TeamMembershipChangedV1, TEAM_MEMBERSHIP_CHANGED),
    ("teams", "team_incomplete", 1, TeamIncompleteV1, RULES),
    ("teams", "team_completed", 1, TeamCompletedV1, RULES),
    ("teams", "household_assigned", 1, HouseholdAssignedV1, RULES),
    ("teams", "household_reassigned", 1, HouseholdReassignedV1, RULES),
    ("teams", "cohort_follow_up_overdue", 1, CohortFollowUpOverdueV1, RULES),
    ("teams", "cohort_follow_up_done", 1, CohortFollowUpDoneV1, RULES),
    ("funding", "loan_overdue", 1, LoanOverdueV1, RULES),
    ("funding", "loan_repaid", 1, LoanRepaidV1, RULES),
    ("funding", "loan_written_off", 1, LoanWrittenOffV1, RULES),
)


SUBSCRIPTIONS = versions_of(TABLE)
