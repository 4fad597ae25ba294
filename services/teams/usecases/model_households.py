"""The district's model household for a fiscal year: selected (or replaced, If-Match) by a
supervisor over the district on behalf of its women's development committee; read by those who
read the district."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller
from infra.errors import Conflict, FieldError, Forbidden, NotFound
from infra.versions import require_version
from services.teams.cohort_care_events import MODEL_HOUSEHOLD_SELECTED
from services.teams.db import TeamsUnitOfWork
from services.teams.domain import policy
from services.teams.domain.model_household import ModelHousehold, check_selection
from services.teams.usecases.commands.model_households import (
    ModelHouseholdKey,
    SelectModelHousehold,
)

REPLACING_NEEDS_VERSION = Conflict(
    "the district's model household of this year is chosen; send If-Match with its ETag to "
    "replace it",
    [FieldError("If-Match", "needed to replace the model household")],
)


def select_model_household(
    uow: TeamsUnitOfWork,
    caller: Caller,
    key: ModelHouseholdKey,
    command: SelectModelHousehold,
    expected_version: int | None,
    now: datetime,
) -> tuple[ModelHousehold, bool]:
    """The selection and whether it is the district's first of the year."""
    if not policy.manages(caller, [key.district_code]):
        raise Forbidden("only supervisors over the district select its model household")
    with uow:
        stored = uow.model_households.get(key.district_code, key.fiscal_year)
        if stored is not None:
            if expected_version is None:
                raise REPLACING_NEEDS_VERSION
            require_version(stored.version, expected_version, "model household")
        repo = uow.model_households
        committee = check_selection(
            repo.trained_in(command.household_id, key.district_code),
            repo.committee(key.district_code),
        )
        chosen = ModelHousehold(
            key.district_code, key.fiscal_year, command.household_id, committee,
            command.selected_on, command.note.strip(), caller.person_id, now,
        )  # fmt: skip
        if stored is None:
            repo.add(chosen)
        else:
            repo.save(chosen := stored.reselected(chosen))
        uow.emit(MODEL_HOUSEHOLD_SELECTED, _event(chosen))
        uow.commit()
    return chosen, stored is None


def get_model_household(
    uow: TeamsUnitOfWork, caller: Caller, key: ModelHouseholdKey
) -> ModelHousehold:
    with uow:
        chosen = uow.model_households.get(key.district_code, key.fiscal_year)
    if chosen is None or not policy.reads_area(caller, [key.district_code]):
        raise NotFound(f"no model household for {key.district_code} in {key.fiscal_year}")
    return chosen


def _event(chosen: ModelHousehold) -> dict[str, object]:
    return {
        "district_code": chosen.district_code,
        "fiscal_year": chosen.fiscal_year,
        "household_id": chosen.household_id,
        "selected_on": chosen.selected_on,
        "version": chosen.version,
    }
