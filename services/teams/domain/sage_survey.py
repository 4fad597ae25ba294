"""The sage survey and the lead-trainer course (D5, seeds 001 and 002): the community sages
(ปราชญ์ชุมชน) village leaders name, each with the skills they can pass on, from whom the village
trainer team of five is chosen; and the 4-day "วิทยากรผู้นำสัมมาชีพ" course a lead trainer takes,
recorded as a course with its dates and participants, not only as a date on a person.

Skills are free text (a craft, a farming method, a product): the seeds name them in the villages'
own words, and no list would hold them; one given twice (ignoring case and spacing) is kept
once. A sage's phone is masked for readers who do not manage the village, as the last four
digits.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from infra.caller import Role
from infra.errors import FieldError, ValidationFailed
from services.teams.domain.areas import area_code_problems, related
from services.teams.domain.contact import normalise_phone
from services.teams.domain.person import Person

COURSE_DAYS = 4


@dataclass(frozen=True)
class CommunitySage:
    village_code: str
    name: str
    skills: tuple[str, ...]
    phone: str | None
    surveyed_on: date
    recorded_by: str
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def survey(
        cls, village_code: str, name: str, skills: list[str], phone: str | None,
        surveyed_on: date, by: str, now: datetime,
    ) -> CommunitySage:  # fmt: skip
        problems = area_code_problems(village_code, "village_code", ("village",))
        kept, phone_kept = _checked(name, skills, phone, problems)
        return cls(village_code, name.strip(), kept, phone_kept, surveyed_on, by, now)

    def changed(self, name: str, skills: list[str], phone: str | None) -> CommunitySage:
        kept, phone_kept = _checked(name, skills, phone, [])
        return replace(
            self, name=name.strip(), skills=kept, phone=phone_kept, version=self.version + 1
        )


def masked_phone(phone: str | None) -> str | None:
    return None if phone is None else "*" * (len(phone) - 4) + phone[-4:]


def _checked(
    name: str, skills: list[str], phone: str | None, problems: list[FieldError]
) -> tuple[tuple[str, ...], str | None]:
    if not name.strip():
        problems.append(FieldError("name", "must not be blank"))
    kept = _distinct(" ".join(skill.split()) for skill in skills)
    if not kept:
        problems.append(FieldError("skills", "at least one skill"))
    normalised = normalise_phone(phone) if phone else None
    if phone and normalised is None:
        problems.append(FieldError("phone", "not a Thai phone number"))
    if problems:
        raise ValidationFailed("the sage cannot be recorded as given", problems)
    return tuple(kept), normalised


def _distinct(skills: Iterable[str]) -> list[str]:
    """Skills once each (ignoring case), blank ones left out, in the order given."""
    kept: dict[str, str] = {}
    for skill in skills:
        if skill:
            kept.setdefault(skill.casefold(), skill)
    return list(kept.values())


@dataclass(frozen=True)
class LeadTrainerCourse:
    area_code: str  # the province or district that sends its lead trainers
    title: str
    venue: str
    starts_on: date
    ends_on: date
    participants: tuple[str, ...]  # people holding the role trainer
    recorded_by: str
    created_at: datetime
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: int = 1

    @classmethod
    def record(
        cls, area_code: str, title: str, venue: str, starts_on: date, ends_on: date,
        participants: list[tuple[str, Person | None]], by: str, now: datetime,
    ) -> LeadTrainerCourse:  # fmt: skip
        problems = area_code_problems(area_code, "area_code", ("province", "district"))
        problems += _course_problems(area_code, starts_on, ends_on, participants)
        if problems:
            raise ValidationFailed("the course cannot be recorded as given", problems)
        ids = tuple(p for p, _ in participants)
        return cls(area_code, title.strip(), venue.strip(), starts_on, ends_on, ids, by, now)

    def changed(
        self, title: str, venue: str, starts_on: date, ends_on: date,
        participants: list[tuple[str, Person | None]],
    ) -> LeadTrainerCourse:  # fmt: skip
        problems = _course_problems(self.area_code, starts_on, ends_on, participants)
        if problems:
            raise ValidationFailed("the course cannot be recorded as given", problems)
        return replace(
            self, title=title.strip(), venue=venue.strip(), starts_on=starts_on, ends_on=ends_on,
            participants=tuple(p for p, _ in participants), version=self.version + 1,
        )  # fmt: skip


def _course_problems(
    area_code: str, starts_on: date, ends_on: date, participants: list[tuple[str, Person | None]]
) -> list[FieldError]:
    problems = []
    if ends_on != starts_on + timedelta(days=COURSE_DAYS - 1):
        problems.append(FieldError("ends_on", f"the course runs {COURSE_DAYS} days"))
    for i, (person_id, person) in enumerate(participants):
        if person_id in [p for p, _ in participants[:i]]:
            problems.append(FieldError(f"participants.{i}", "given twice"))
        elif problem := _participant_problem(area_code, person):
            problems.append(FieldError(f"participants.{i}", problem))
    return problems


def _participant_problem(area_code: str, person: Person | None) -> str | None:
    if person is None or not person.active:
        return "no such person"
    if Role.TRAINER not in person.profile.roles:
        return "this person does not hold the role trainer"
    if not any(related(area_code, area) for area in person.profile.areas):
        return "this person's area lies outside the course's area"
    return None
