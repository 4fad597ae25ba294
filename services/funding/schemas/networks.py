"""District networks: what registering or changing one sends, and a network as answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marshmallow import Schema, fields, validate

from infra.fields import AreaCode, Line
from services.funding.schemas.common import Id, answered_by, iso

if TYPE_CHECKING:  # the gateway loads these schemas, never the domain
    from services.funding.domain.group import Network


class NetworkIn(Schema):
    name = Line(1, 200, required=True)
    district_code = AreaCode("district", required=True)
    officers = fields.List(Id(), load_default=list, validate=validate.Length(0, 50))


class NetworkChange(Schema):
    name = Line(1, 200, required=True)
    officers = fields.List(Id(), required=True, validate=validate.Length(0, 50))


def network_out(network: Network, may_record: bool) -> dict[str, Any]:
    return {
        "id": network.id,
        "name": network.name,
        "district_code": network.district_code,
        "officers": sorted(network.officers),
        "may_record": may_record,
        "created_at": iso(network.created_at),
        "version": network.version,
    }


NetworkAnswer = answered_by(lambda seen: network_out(seen.item, seen.may_record))
