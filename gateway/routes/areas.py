"""DOPA areas by code, with Thai and English names, so no client shows a bare code."""

from __future__ import annotations

from marshmallow import Schema
from werkzeug.wrappers import Request, Response

from gateway.http import api, json_response
from gateway.reports.schemas import AreaChildrenOut, AreaOut
from infra.areas import CODE_PATTERN, Area, area, child_areas
from infra.caller import Caller
from infra.errors import FieldError, NotFound, ValidationFailed
from infra.fields import AreaCode

AREAS = ("areas",)
AREA = "/api/v1/areas/<string:code>"


def known_area(code: str, field: str = "code") -> Area:
    """The area, a 422 naming `field` for what is no DOPA code, a 404 for a code of no area."""
    if not CODE_PATTERN.fullmatch(code):
        raise ValidationFailed(
            "the request is not valid",
            [FieldError(field, "must be a DOPA area code of 2, 4, 6 or 8 digits")],
        )
    found = area(code)
    if found is None:
        raise NotFound(f"area {code} not found")
    return found


class AreaPath(Schema):
    code = AreaCode(required=True)  # not in the data: 404


class AreaRoutes:
    @api(
        "GET",
        AREA,
        summary="A province, district, sub-district or village, with its names and parent",
        path=AreaPath,
        responses={200: AreaOut},
        tags=AREAS,
        operation="areas.get",
    )
    def get_area(self, request: Request, code: str, caller: Caller) -> Response:
        return json_response(known_area(code).to_dict())

    @api(
        "GET",
        AREA + "/children",
        summary="The areas one level down (a sub-district's villages are not in the DOPA data)",
        path=AreaPath,
        responses={200: AreaChildrenOut},
        tags=AREAS,
        operation="areas.children.list",
    )
    def area_children(self, request: Request, code: str, caller: Caller) -> Response:
        parent = known_area(code)
        children = [child.to_dict() for child in child_areas(code)]
        body = {"area": parent.to_dict(), "items": children, "complete": len(code) != 6}
        return json_response(body)
