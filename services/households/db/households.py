"""The household repository: the registry row, its members and the case's recorded moves."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from infra.money import from_satang, to_satang
from infra.versions import save_versioned
from services.households.db.tables import households, members, transitions
from services.households.domain.household import (
    Consent,
    Departure,
    Household,
    Member,
    Targeting,
)
from services.households.domain.stages import Transition
from services.households.vocabulary import Stage

# built once: every read and write of a case runs them
_ONE = select(households).where(households.c.id == bindparam("key"))
_ONE_FOR_UPDATE = _ONE.with_for_update()
_MEMBERS = (
    select(members).where(members.c.household_id == bindparam("key")).order_by(members.c.position)
)


class HouseholdRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, household: Household) -> None:
        self.session.execute(insert(households).values(id=household.id, **_row(household)))
        self.session.execute(
            insert(members),
            [member_row(household.id, i, m) for i, m in enumerate(household.members)],
        )
        self._record_transitions(household)

    def get(self, household_id: str, *, for_update: bool = False) -> Household | None:
        query = _ONE_FOR_UPDATE if for_update else _ONE
        row = self.session.execute(query, {"key": household_id}).first()
        if row is None:
            return None
        member_rows = self.session.execute(_MEMBERS, {"key": household_id}).all()
        return to_household(row, member_rows)

    def save(self, household: Household) -> None:
        """Write the case at the new version it was given, if nobody changed it meanwhile."""
        save_versioned(self.session, households, "id", {"id": household.id, **_row(household)})
        self._record_transitions(household)
        if household.stage in (Stage.MOVED, Stage.DECEASED, Stage.MERGED):
            self.session.execute(
                update(members).where(members.c.household_id == household.id).values(active=False)
            )

    def transitions(self, household_id: str) -> list[Transition]:
        rows = self.session.execute(
            select(transitions)
            .where(transitions.c.household_id == household_id)
            .order_by(transitions.c.id)
        )
        return [
            Transition(Stage(r.from_stage), Stage(r.to_stage), r.changed_by, r.reason, r.changed_at)
            for r in rows
        ]

    def national_ids_in_use(self, national_ids: list[str]) -> set[str]:
        found = self.session.execute(
            select(members.c.national_id).where(
                members.c.national_id.in_(national_ids), members.c.active.is_(True)
            )
        )
        return set(found.scalars())

    def _record_transitions(self, household: Household) -> None:
        if household.new_transitions:
            self.session.execute(
                insert(transitions),
                [{"household_id": household.id, **t.__dict__} for t in household.new_transitions],
            )
            household.new_transitions.clear()


def member_row(household_id: str, position: int, member: Member) -> dict[str, Any]:
    values = {k: v for k, v in member.__dict__.items() if k != "number"}
    number = position if member.number is None else member.number
    return {"household_id": household_id, "position": number, "active": True, **values}


def _row(h: Household) -> dict[str, Any]:
    t, c = h.targeting, h.consent
    return {
        "village_code": h.village_code,
        "house_no": h.house_no,
        "size": h.household_size,
        "annual_income_satang": _satang(h.annual_income_thb),
        "registered_at": h.registered_at,
        "version": h.version,
        "stage": h.stage.value,
        "team_id": h.team_id,
        "team_assigned_at": h.team_assigned_at,
        "survey_year": t and t.survey_year,
        "fails_income": t and t.fails_income,
        "failed_indicators": t and t.failed_indicators,
        "targeted_income_pp_satang": t and to_satang(t.income_per_person_thb),
        "priority_rank": t and t.priority_rank,
        "targeted_at": t and t.targeted_at,
        "consented": c and c.consented,
        "consent_recorded_by": c and c.recorded_by,
        "consent_recorded_at": c and c.recorded_at,
        "consent_note": c and c.note,
        "visit_interval_days": h.visit_interval_days,
        "next_visit_due": h.next_visit_due,
        "monitoring_until": h.monitoring_until,
        "merged_into": h.merged_into,
        "latest_survey_year": h.latest_survey_year,
        "moved_away_on": h.moved_away_on,
        "moved_to_area": h.moved_to_area,
    }


def _satang(value: Any) -> int | None:
    return None if value is None else to_satang(value)


def _money(satang: int | None) -> Any:
    return None if satang is None else from_satang(satang)


def to_household(row: Any, member_rows: list[Any]) -> Household:
    return Household(
        id=row.id,
        village_code=row.village_code,
        members=[_member(m) for m in member_rows if m.left_on is None],
        departed=[_departure(m) for m in member_rows if m.left_on is not None],
        registered_at=row.registered_at,
        annual_income_thb=_money(row.annual_income_satang),
        version=row.version,
        size=row.size,
        house_no=row.house_no,
        stage=Stage(row.stage),
        team_id=row.team_id,
        team_assigned_at=row.team_assigned_at,
        targeting=_targeting(row),
        consent=_consent(row),
        visit_interval_days=row.visit_interval_days,
        next_visit_due=row.next_visit_due,
        monitoring_until=row.monitoring_until,
        merged_into=row.merged_into,
        latest_survey_year=row.latest_survey_year,
        moved_away_on=row.moved_away_on,
        moved_to_area=row.moved_to_area,
    )


def _member(m: Any) -> Member:
    return Member(
        m.first_name, m.last_name, m.national_id, m.is_head, m.birth_date, m.sex, m.position
    )


def _departure(m: Any) -> Departure:
    return Departure(_member(m), m.left_reason, m.left_on, m.moved_to)


def _targeting(row: Any) -> Targeting | None:
    if row.survey_year is None:
        return None
    return Targeting(
        row.survey_year,
        row.fails_income,
        row.failed_indicators,
        from_satang(row.targeted_income_pp_satang),
        row.priority_rank,
        row.targeted_at,
    )


def _consent(row: Any) -> Consent | None:
    if row.consented is None:
        return None
    return Consent(
        row.consented, row.consent_recorded_by, row.consent_recorded_at, row.consent_note
    )
