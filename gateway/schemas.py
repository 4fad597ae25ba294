"""Schemas of the gateway's own answers, for the OpenAPI document."""

from marshmallow import INCLUDE, Schema, fields, validate

from infra.audit_schemas import AuditEntryOut
from infra.fields import Integer, Line

SAID = "in the language of Content-Language: Thai, or English when Accept-Language prefers it"
AS_SENT = "names what the request holds, whatever the language"


class FieldProblem(Schema):
    field = fields.String(required=True, metadata={"description": AS_SENT})
    message = fields.String(required=True, metadata={"description": SAID})
    pointer = fields.String(required=True, metadata={"description": f"JSON Pointer; {AS_SENT}"})


class Problem(Schema):
    """RFC 9457 problem details; extension members (`allowed`, `current_version`) may follow."""

    class Meta:
        unknown = INCLUDE

    type = fields.String(required=True, metadata={"description": "stable, whatever the language"})
    title = fields.String(required=True, metadata={"description": SAID})
    status = fields.Integer(required=True)  # an answer: the request limit is no concern
    detail = fields.String(required=True, metadata={"description": SAID})
    errors = fields.List(fields.Nested(FieldProblem))
    allowed = fields.List(fields.String(), metadata={"description": "what may happen next (409)"})
    current_status = fields.String(metadata={"description": "the object's status now (409)"})
    stage = fields.String(metadata={"description": "the case's stage now (409)"})
    current_version = Integer(
        allow_none=True, metadata={"description": "the version to send in If-Match (412)"}
    )
    retry_after = fields.Float(metadata={"description": "seconds to wait (429)"})


class TokenRequest(Schema):
    username = Line(1, 40, required=True)
    password = fields.String(required=True, validate=validate.Length(1, 256))


class Token(Schema):
    access_token = fields.String(required=True)
    token_type = fields.String(required=True, validate=validate.OneOf(["Bearer"]))
    expires_in = Integer(required=True)


class WebSession(Schema):
    csrf_token = fields.String(
        required=True,
        metadata={"description": "send it back as X-CSRF-Token on every POST, PUT, PATCH, DELETE"},
    )
    expires_in = Integer(required=True)


class Health(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "unavailable"]))
    services = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    broker = fields.String(required=True)


class Live(Schema):
    status = fields.String(required=True)


def page_of(item: type[Schema], name: str, **extra: fields.Field) -> type[Schema]:
    """The schema of a keyset page of `item`s: `{"items": [...], "next": cursor or null}`."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item)),
            "next": fields.String(allow_none=True),
            **extra,
        },
        name=name,
    )


AUDIT_ENTRIES = page_of(AuditEntryOut, "AuditEntryPage")  # every service's histories
