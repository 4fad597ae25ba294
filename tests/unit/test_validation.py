import pytest
from marshmallow import Schema, fields

from infra.errors import FieldError, ValidationFailed
from infra.validation import field_errors, load


class Member(Schema):
    name = fields.String(required=True)


class Body(Schema):
    members = fields.List(fields.Nested(Member), required=True)


def test_nested_errors_are_named_by_their_path():
    with pytest.raises(ValidationFailed) as failure:
        load(Body(), {"members": [{"name": "a"}, {}], "extra": 1})
    assert {e.field for e in failure.value.errors} == {"members.1.name", "extra"}


def test_a_body_that_is_not_an_object_is_named_body():
    assert field_errors({"_schema": ["Invalid input type."]}) == [
        FieldError("body", "Invalid input type.")
    ]
