"""Who reaches which group or network (object-level authorization, checked where the data is).

- a savings-group officer records for the groups whose committee they sit on, and for every
  group of a network they are an officer of;
- district and provincial supervisors read the groups and networks inside their areas;
- administrators record everywhere; everyone else reaches nothing.
Outside one's reach is `NotFound` (never reveal that it exists); a visible object one may not
record for is `Forbidden`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TypeVar

from infra.caller import Caller, Role
from infra.errors import Forbidden, NotFound
from services.funding.domain.group import Group, Network

READERS = (Role.DISTRICT_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR)
T = TypeVar("T")


class Reach(IntEnum):
    NONE = 0
    READ = 1
    RECORD = 2


def group_reach(caller: Caller, group: Group) -> Reach:
    if caller.is_admin:
        return Reach.RECORD
    if is_officer(caller) and caller.person_id in group.committee_ids | group.network_officers:
        return Reach.RECORD
    return _read_if_covered(caller, group.village_code)


def network_reach(caller: Caller, network: Network) -> Reach:
    if caller.is_admin or (is_officer(caller) and caller.person_id in network.officers):
        return Reach.RECORD
    return _read_if_covered(caller, network.district_code)


def require_group(caller: Caller, group: Group | None, reach: Reach, what: str) -> Group:
    """The group if the caller reaches it as far as `reach`; `what` names the object asked for."""
    return _require(group, group_reach(caller, group) if group else Reach.NONE, reach, what)


def require_network(caller: Caller, network: Network | None, reach: Reach, what: str) -> Network:
    return _require(network, network_reach(caller, network) if network else Reach.NONE, reach, what)


def is_officer(caller: Caller) -> bool:
    return Role.SAVINGS_GROUP_OFFICER in caller.roles


def is_reader(caller: Caller) -> bool:
    return any(role in caller.roles for role in READERS)


def _read_if_covered(caller: Caller, area_code: str) -> Reach:
    return Reach.READ if is_reader(caller) and caller.covers(area_code) else Reach.NONE


def _require(subject: T | None, has: Reach, needs: Reach, what: str) -> T:
    if subject is None or has is Reach.NONE:
        raise NotFound(f"{what} not found")
    if has < needs:
        raise Forbidden(f"you may read this {what.split()[0]} but not record for it")
    return subject
