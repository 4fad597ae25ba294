"""Payloads of the teams RPC methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marshmallow import Schema, fields, validate

from infra.caller import Role
from infra.fields import AreaCode, Integer, Line, NationalId, Reason
from infra.validation import dump
from services.teams.passwords import MAX_LENGTH, MIN_LENGTH
from services.teams.vocabulary import LANGUAGES, USERNAME

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.teams.domain.person import Person

ROLE_NAMES = [role.value for role in Role]


PASSWORD_LENGTH = validate.Length(1, 256)  # the strength rule is the domain's
# The shapes the domain checks (domain/person.py, domain/contact.py, passwords.py), stated in the
# OpenAPI document: an empty contact is no contact.
USERNAME_SHAPE = {"pattern": f"^{USERNAME.pattern}$"}
LINE_USER_ID_SHAPE = {"pattern": "^(U[0-9a-f]{32})?$"}
_EMAIL_PART = "[^@\\s\\u0000-\\u001f\\u007f-\\u009f]+"  # no space, no control character
EMAIL_SHAPE = {"pattern": f"^({_EMAIL_PART}@{_EMAIL_PART}\\.{_EMAIL_PART})?$"}
PHONE_SHAPE = {
    "pattern": "^((\\+66|0)([689]([ -]?[0-9]){8}|[2-57]([ -]?[0-9]){7}))?$",
    "description": "a Thai mobile or landline phone, as 081-234-5678 or +66812345678",
}
NEW_PASSWORD_SHAPE = {"minLength": MIN_LENGTH, "maxLength": MAX_LENGTH}


class PersonIn(Schema):
    username = Line(1, 40, required=True, metadata=USERNAME_SHAPE)
    display_name = Line(1, 200, required=True)
    roles = fields.List(
        fields.String(validate=validate.OneOf(ROLE_NAMES)),
        required=True,
        validate=validate.Length(1, 8),
    )
    areas = fields.List(
        AreaCode(),
        load_default=list,
        validate=validate.Length(0, 50),
    )
    line_user_id = Line(0, 100, load_default=None, allow_none=True, metadata=LINE_USER_ID_SHAPE)
    email = Line(0, 254, load_default=None, allow_none=True, metadata=EMAIL_SHAPE)
    phone = Line(0, 30, load_default=None, allow_none=True, metadata=PHONE_SHAPE)
    language = fields.String(load_default="th", validate=validate.OneOf(LANGUAGES))
    national_id = NationalId(load_default=None, allow_none=True)


class UpdatePerson(PersonIn):
    reason = Reason(
        load_default=None,
        metadata={"description": "why; required when the name, national ID or phone changes"},
    )


class RegisterPerson(PersonIn):
    password = fields.String(
        load_default=None,
        allow_none=True,
        load_only=True,
        validate=PASSWORD_LENGTH,
        metadata=NEW_PASSWORD_SHAPE,
    )


class ListPeople(Schema):
    name = Line(
        1,
        100,
        load_default=None,
        metadata={"description": "part of the display name or username, any case"},
    )
    role = fields.String(load_default=None, validate=validate.OneOf(ROLE_NAMES))
    area = AreaCode(load_default=None)
    active = fields.Boolean(load_default=None, allow_none=True)
    after = fields.String(load_default=None)
    limit = Integer(load_default=50, validate=validate.Range(1, 200))


class SetPassword(Schema):
    password = fields.String(required=True, validate=PASSWORD_LENGTH, metadata=NEW_PASSWORD_SHAPE)
    current_password = fields.String(load_default=None, allow_none=True, validate=PASSWORD_LENGTH)


class Credentials(Schema):
    username = Line(1, 40, required=True)
    password = fields.String(required=True, validate=PASSWORD_LENGTH)


class PersonOut(Schema):
    """A person as callers see them; national IDs masked unless the caller's role needs them."""

    id = fields.String()
    username = fields.String(attribute="profile.username")
    display_name = fields.String(attribute="profile.display_name")
    roles = fields.Function(lambda p: sorted(r.value for r in p.profile.roles))
    areas = fields.List(fields.String(), attribute="profile.areas")
    line_user_id = fields.String(attribute="profile.contact.line_user_id", allow_none=True)
    email = fields.String(attribute="profile.contact.email", allow_none=True)
    phone = fields.String(attribute="profile.contact.phone", allow_none=True)
    language = fields.String(attribute="profile.language")
    national_id = fields.Method("_national_id", allow_none=True)
    active = fields.Boolean()
    version = Integer()
    created_at = fields.AwareDateTime()

    def __init__(self, *, show_national_id: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.show_national_id = show_national_id

    def _national_id(self, person: Person) -> str | None:
        value = person.profile.national_id
        if value is None or self.show_national_id:
            return value
        return mask_national_id(value)


class PeoplePage(Schema):
    items = fields.List(fields.Nested(PersonOut))
    next = fields.String(allow_none=True)


class PersonWithNationalIdOut(PersonOut):
    """A person with the national ID whole, for callers whose role needs it."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(show_national_id=True, **kwargs)


def mask_national_id(value: str) -> str:
    """x-xxxx-xxxxx-45-0: only the last three digits stay visible."""
    return f"x-xxxx-xxxxx-{value[10:12]}-{value[12]}"


def person_schema(*, show_national_id: bool) -> type[PersonOut]:
    return PersonWithNationalIdOut if show_national_id else PersonOut


def person_out(person: Person, *, show_national_id: bool) -> dict[str, object]:
    return dump(person_schema(show_national_id=show_national_id), person)
