"""Funding access: a household's request routed to a savings group in its area, and the
committee's answer. Membership and loans then come back to the case through events."""

from __future__ import annotations

from datetime import datetime

from infra.caller import Caller
from infra.envelope import ReceivedEvent
from infra.errors import Conflict, FieldError, NotFound
from infra.logs import get_logger
from infra.pagination import Page
from infra.versions import require_version
from services.funding.db import FundingUnitOfWork
from services.funding.db.queries import RequestQuery
from services.funding.domain.access import (
    Applicant,
    FundingRequest,
    Need,
    RequestStatus,
    choose_group,
)
from services.funding.domain.areas import closeness
from services.funding.domain.group import Group
from services.funding.domain.member import Member, MemberStatus
from services.funding.domain.policy import Reach, require_group
from services.funding.events import FUNDING_ACCESS_DECLINED, FUNDING_ACCESS_GRANTED
from services.funding.usecases import announcements
from services.funding.usecases.commands import AddMember, DecideRequest, Verdict
from services.funding.usecases.common import group_within
from services.funding.usecases.members import ALREADY_A_MEMBER, enrol
from services.funding.vocabulary import CENT

log = get_logger(__name__)


def receive_request(uow: FundingUnitOfWork, event: ReceivedEvent, now: datetime) -> None:
    """Route the request; a household already in a group nearby is granted at once."""
    with uow:
        if not uow.first_delivery(event):
            return
        request = _request(event, now)
        if uow.requests.by_intervention(request.applicant.intervention_id) is None:
            _route(uow, request, now)
            uow.requests.add(request)
        uow.commit()
    log.info(
        "funding_request.received",
        request_id=request.id,
        status=request.status.value,
        group_id=request.group_id,
        event_id=event.event_id,
    )


def decide_request(
    uow: FundingUnitOfWork,
    caller: Caller,
    request_id: str,
    command: DecideRequest,
    expected_version: int | None,
    now: datetime,
) -> FundingRequest:
    with uow:
        group, request = _request_within(uow, caller, request_id, Reach.RECORD, lock=True)
        require_version(request.version, expected_version, "request")
        if command.decision is Verdict.ACCEPT:
            member = _member_for(uow, group, request, command.member_id, now, caller.person_id)
            request.grant(group.id, member.id, caller.person_id, now)
        else:
            request.decline((command.reason or "").strip(), caller.person_id, now)
        uow.requests.save(request)
        _announce(uow, request)
        uow.commit()
    return request


def get_request(uow: FundingUnitOfWork, caller: Caller, request_id: str) -> FundingRequest:
    with uow:
        _, request = _request_within(uow, caller, request_id, Reach.READ)
    return request


def list_requests(
    uow: FundingUnitOfWork, caller: Caller, group_id: str, query: RequestQuery
) -> Page[FundingRequest]:
    with uow:
        group_within(uow, caller, group_id, Reach.READ)
        return uow.requests.list(group_id, query)


def _request(event: ReceivedEvent, now: datetime) -> FundingRequest:
    data = event.data
    applicant = Applicant(
        str(data["household_id"]),
        str(data["intervention_id"]),
        data["village_code"],
        data["applicant_first_name"][:100],
        data["applicant_last_name"][:100],
    )
    need = Need(data["amount_thb"].quantize(CENT), data["purpose"], data["term_months"])
    return FundingRequest(applicant, need, data["requested_at"], now)


def _route(uow: FundingUnitOfWork, request: FundingRequest, now: datetime) -> None:
    village = request.applicant.village_code
    member = uow.members.active_by_household(request.applicant.household_id)
    group = uow.groups.get(member.group_id) if member else None
    if member and group and closeness(village, group.village_code) > 0:
        request.grant(group.id, member.id, "system", now)
    else:
        request.route(choose_group(village, uow.groups.near(village[:4])), now)
    _announce(uow, request)


def _announce(uow: FundingUnitOfWork, request: FundingRequest) -> None:
    if request.status is RequestStatus.GRANTED:
        uow.emit(FUNDING_ACCESS_GRANTED, announcements.access_granted(request))
    elif request.status is RequestStatus.DECLINED:
        uow.emit(FUNDING_ACCESS_DECLINED, announcements.access_declined(request))


def _member_for(
    uow: FundingUnitOfWork,
    group: Group,
    request: FundingRequest,
    member_id: str | None,
    now: datetime,
    by: str,
) -> Member:
    """A new member for the household, or an existing member of the group it turns out to be."""
    if member_id is None:
        applicant = request.applicant
        joining = AddMember(applicant.first_name, applicant.last_name, applicant.household_id)
        return enrol(uow, group, joining, now, by)
    member = uow.members.get(member_id)
    if member is None or member.group_id != group.id or member.status is not MemberStatus.ACTIVE:
        raise NotFound(f"member {member_id} not found in this group")
    household_id = request.applicant.household_id
    if member.household_id == household_id:
        return member
    if member.household_id is not None:
        problem = "this member belongs to another household"
        raise Conflict(problem, [FieldError("member_id", problem)])
    if uow.members.active_by_household(household_id):
        raise Conflict(ALREADY_A_MEMBER, [FieldError("member_id", ALREADY_A_MEMBER)])
    member.household_id = household_id
    member.version += 1
    uow.members.link_household(member)
    return member


def _request_within(
    uow: FundingUnitOfWork, caller: Caller, request_id: str, reach: Reach, *, lock: bool = False
) -> tuple[Group, FundingRequest]:
    """The request and the group it was routed to; with `lock`, read again under the lock."""
    what = f"funding request {request_id}"
    request = uow.requests.get(request_id)
    if request is None or request.group_id is None:
        raise NotFound(f"{what} not found")
    found = uow.groups.lock(request.group_id) if lock else uow.groups.get(request.group_id)
    group = require_group(caller, found, reach, what)
    request = uow.requests.get(request_id) if lock else request
    assert request is not None, "requests are never deleted"
    return group, request
