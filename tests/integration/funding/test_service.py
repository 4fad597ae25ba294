"""The funding service in a real nameko container on the real broker: every RPC method answers
through its schemas, errors keep their fields, and an event committed before a crash is still
published."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from nameko.exceptions import RemoteError
from sqlalchemy.orm import sessionmaker

from infra.config import database_url
from infra.engines import make_engine
from infra.errors import Conflict, NotFound, from_remote
from services.funding.db import FundingUnitOfWork, metadata
from services.funding.domain.money import bangkok_date
from services.funding.service import FundingService
from tests.integration.funding.desk import ADMIN, Desk, officer, rules, supervisor
from tests.integration.funding.test_funding_access_flow import Events
from tests.integration.helpers import rpc
from tests.support.databases import upgrade


@pytest.fixture
def funding_config(config):
    upgrade(config, ["funding"])
    return config


def call(config, method, *args):
    try:
        return rpc(config, "funding", method, *args)
    except RemoteError as remote:
        raise from_remote(remote.exc_type, remote.value) or remote from None


def test_every_rpc_method_answers(funding_config, start_service):
    config = funding_config
    start_service(FundingService, config)
    maker, checker = officer(), officer()
    admin, make, check = ADMIN.to_dict(), maker.to_dict(), checker.to_dict()
    reader = supervisor("24").to_dict()

    network = call(config, "create_network", admin, {"name": "Mueang", "district_code": "2401"})
    network = call(
        config,
        "update_network",
        admin,
        network["id"],
        {"name": "Mueang network", "officers": [maker.person_id]},
        network["version"],
    )
    assert call(config, "get_network", reader, network["id"])["officers"] == [maker.person_id]
    assert [n["id"] for n in call(config, "list_networks", admin, {})["items"]] == [network["id"]]

    committee = [{"person_id": checker.person_id, "role": "chair"}]
    group = call(
        config,
        "create_group",
        make,
        {
            "name": "Ban Na",
            "village_code": "24010101",
            "network_id": network["id"],
            "committee": committee,
            "rules": rules(),
        },
    )
    group = call(
        config,
        "update_group",
        make,
        group["id"],
        {
            "name": "Ban Na group",
            "committee": committee,
            "rules": rules(max_loan_multiple="3"),
        },
        group["version"],
    )
    assert call(config, "get_group", reader, group["id"])["may_record"] is False
    assert call(config, "list_groups", make, {"network_id": network["id"]})["next"] is None

    member = call(
        config,
        "add_member",
        make,
        group["id"],
        {"first_name": "Malee", "last_name": "Suksai", "client_key": "k-1"},
    )
    other = call(config, "add_member", make, group["id"], {"first_name": "A", "last_name": "B"})
    assert call(config, "list_members", make, group["id"], {"limit": 1})["next"] is not None
    call(config, "deposit", make, member["id"], {"amount_thb": "1000.00"})
    call(config, "deposit", make, other["id"], {"amount_thb": "1000.00"})
    call(config, "withdraw", make, other["id"], {"amount_thb": "100.00"})
    assert call(config, "get_member", make, member["id"])["can_borrow_thb"] == "3000.00"

    loan = call(
        config,
        "apply_for_loan",
        make,
        member["id"],
        {"amount_thb": "600.00", "term_months": 3, "purpose": "seeds"},
    )
    loan = call(config, "approve_loan", check, loan["id"], loan["version"])
    loan = call(config, "disburse_loan", make, loan["id"], {}, loan["version"])
    call(config, "repay_loan", make, loan["id"], {"amount_thb": "50.00", "client_key": "r-1"})
    sheet = call(
        config,
        "post_collection_sheet",
        make,
        group["id"],
        {
            "client_key": "s-1",
            "meeting_on": _today(),
            "lines": [{"kind": "deposit", "member_id": other["id"], "amount_thb": "100.00"}],
        },
    )
    assert sheet["deposits_thb"] == "100.00"
    spare = call(
        config,
        "apply_for_loan",
        make,
        other["id"],
        {"amount_thb": "100.00", "term_months": 3, "purpose": "x"},
    )
    assert call(config, "reject_loan", check, spare["id"], {"reason": "no"})["status"] == "rejected"
    with pytest.raises(Conflict):  # not 90 days overdue
        call(config, "write_off_loan", make, loan["id"], {"reason": "gone"}, None)

    assert call(config, "get_loan", reader, loan["id"])["status"] == "disbursed"
    assert len(call(config, "list_loans", make, group["id"], {"status": "disbursed"})["items"]) == 1
    assert call(config, "list_entries", make, group["id"], {"loan_id": loan["id"]})["items"]
    assert call(config, "group_portfolio", reader, group["id"], {})["loans"] == 1
    assert call(config, "network_portfolio", make, network["id"], {})["groups"] == 1
    assert call(config, "run_arrears_job", admin, {})["announced"] == 0
    assert call(config, "list_funding_requests", make, group["id"], {})["items"] == []
    with pytest.raises(NotFound):
        call(config, "get_funding_request", make, str(uuid.uuid4()))
    with pytest.raises(NotFound):
        call(config, "decide_funding_request", make, str(uuid.uuid4()), {"decision": "accept"})
    assert call(config, "ping") == "ok"


def test_a_disbursement_committed_before_a_crash_is_published_at_start(
    funding_config, start_service, amqp_uri
):
    engine = make_engine(database_url(funding_config, "funding"))
    uow = FundingUnitOfWork(
        sessionmaker(engine, expire_on_commit=False), metadata, source="funding", consumer="t"
    )
    desk = Desk(uow)
    desk.now = datetime.now(UTC)
    group, maker, checker = desk.ready_group()
    member = desk.borrower(group["id"], maker, "1000.00")
    loan = desk.disbursed_loan(group["id"], maker, checker, member["id"], "500.00")  # no relay
    engine.dispose()
    events = Events(amqp_uri)
    start_service(FundingService, funding_config)
    published = events.wait("loan_disbursed")[0]["data"]
    assert (published["loan_id"], published["amount_thb"]) == (loan["id"], "500.00")


def _today() -> str:
    return bangkok_date(datetime.now(UTC)).isoformat()
