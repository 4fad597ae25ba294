"""Which groups and networks a caller reaches, as WHERE clauses (the same rules as
`domain.policy`, for lists)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from infra.caller import Caller
from infra.reach import any_of, inside
from services.funding.db.tables import committee, groups, network_officers, networks
from services.funding.domain.policy import is_officer, is_reader


def groups_visible_to(caller: Caller) -> ColumnElement[bool]:
    """The groups `caller` reaches at all (see domain.policy), as a WHERE clause."""
    if caller.is_admin:
        return groups.c.id.is_not(None)
    clauses: list[ColumnElement[bool]] = []
    if is_officer(caller):
        seated = select(committee.c.group_id).where(committee.c.person_id == caller.person_id)
        overseen = select(network_officers.c.network_id).where(
            network_officers.c.person_id == caller.person_id
        )
        clauses += [groups.c.id.in_(seated), groups.c.network_id.in_(overseen)]
    if is_reader(caller):
        clauses.append(inside(groups.c.village_code, caller.areas))
    return any_of(clauses)


def networks_visible_to(caller: Caller) -> ColumnElement[bool]:
    if caller.is_admin:
        return networks.c.id.is_not(None)
    clauses: list[ColumnElement[bool]] = []
    if is_officer(caller):
        mine = select(network_officers.c.network_id).where(
            network_officers.c.person_id == caller.person_id
        )
        clauses.append(networks.c.id.in_(mine))
    if is_reader(caller):
        clauses.append(inside(networks.c.district_code, caller.areas))
    return any_of(clauses)
