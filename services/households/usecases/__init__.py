"""Households use cases: one function per command or query, given a unit of work."""

from services.households.usecases.care import announce_overdue_visits, list_visits, log_visit
from services.households.usecases.case import change_stage, record_consent
from services.households.usecases.history import household_history, object_history, search_audit
from services.households.usecases.interventions import (
    list_interventions,
    request_intervention,
    update_intervention,
)
from services.households.usecases.members import add_member, change_head, remove_member
from services.households.usecases.plans import (
    approve_plan,
    current_plan,
    list_plans,
    return_plan,
    save_plan,
    submit_plan,
)
from services.households.usecases.queries import case_view, find_households
from services.households.usecases.registry import (
    get_household,
    register_household,
    update_household,
)
from services.households.usecases.relocation import merge_household, move_away, move_member
from services.households.usecases.targeting import target_households

__all__ = [
    "add_member",
    "announce_overdue_visits",
    "approve_plan",
    "case_view",
    "change_head",
    "change_stage",
    "current_plan",
    "find_households",
    "get_household",
    "household_history",
    "list_interventions",
    "list_plans",
    "list_visits",
    "log_visit",
    "merge_household",
    "move_away",
    "move_member",
    "object_history",
    "record_consent",
    "register_household",
    "remove_member",
    "request_intervention",
    "return_plan",
    "save_plan",
    "search_audit",
    "submit_plan",
    "target_households",
    "update_household",
    "update_intervention",
]
