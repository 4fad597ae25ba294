"""Serialising households for a caller: national IDs masked unless the caller's role needs them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from infra.caller import Caller
from infra.validation import dump
from services.households.domain.household import Household, Member
from services.households.domain.identity import mask_national_id
from services.households.schemas.registry import CaseOut, HouseholdOut


def for_caller(household: Household, caller: Caller) -> Household:
    if caller.sees_national_ids:
        return household
    masked = [_masked(m) for m in household.members]
    departed = [replace(d, member=_masked(d.member)) for d in household.departed]
    return replace(household, members=masked, departed=departed)


def _masked(member: Member) -> Member:
    return replace(member, national_id=mask_national_id(member.national_id))


def household_out(household: Household, caller: Caller) -> dict[str, Any]:
    return dump(HouseholdOut, for_caller(household, caller))


def case_out(found: dict[str, Any], caller: Caller) -> dict[str, Any]:
    household = for_caller(found["household"], caller)
    shown = {**_as_dict(household), "transitions": found["transitions"], "risk": found["risk"]}
    return dump(CaseOut, shown)


def _as_dict(household: Household) -> dict[str, Any]:
    data = dict(household.__dict__)
    data["household_size"] = household.household_size
    data["income_per_person_thb"] = household.income_per_person_thb
    return data
