"""BMN import payloads."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from infra.fields import Integer, Line


class StartImport(Schema):
    file_name = Line(1, 200, required=True)
    survey_year = Integer(required=True, strict=True, validate=validate.Range(2000, 2100))
    format = fields.String(required=True, validate=validate.OneOf(["csv", "xlsx"]))


class ImportChunk(Schema):
    sequence = Integer(required=True, strict=True, validate=validate.Range(0, 100_000))
    data_base64 = fields.String(required=True, validate=validate.Length(0, 6 * 1024 * 1024))


class ListImportErrors(Schema):
    after = fields.String(load_default=None, validate=validate.Length(max=400))
    limit = Integer(load_default=50, validate=validate.Range(1, 200))  # a query string


class Template(Schema):
    format = fields.String(required=True, validate=validate.OneOf(["csv", "xlsx"]))


class UploadImport(Template):
    """The upload's query string (the file itself is the body)."""

    survey_year = Integer(required=True, validate=validate.Range(2000, 2100))
    file_name = Line(1, 200, load_default="upload")


class ImportErrorOut(Schema):
    row = Integer()
    field = fields.String()
    message = fields.String()


class ImportOut(Schema):
    id = fields.String()
    file_name = fields.String()
    survey_year = Integer()
    format = fields.String()
    status = fields.String()
    created_by = fields.String()
    created_at = fields.AwareDateTime()
    finished_at = fields.AwareDateTime(allow_none=True)
    total_bytes = Integer()
    rows_read = Integer()
    accepted = Integer(
        metadata={"description": "rows that wrote something: a new household or new figures"}
    )
    unchanged = Integer(
        metadata={"description": "rows whose household already held exactly these values"}
    )
    rejected = Integer(metadata={"description": "rows refused (see errors)"})
    error = fields.String(allow_none=True)
    errors = fields.List(fields.Nested(ImportErrorOut))
    more_errors = fields.Boolean()
