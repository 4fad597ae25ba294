"""Events dumped without marshmallow are exactly what the schema dumps and checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import fields

from infra.envelope import EventContract
from infra.event_dump import PlainDump
from services.funding.events import LOAN_REPAID
from services.funding.events import PUBLISHED as FUNDING
from services.households.events import PUBLISHED as HOUSEHOLDS
from services.teams.events import PUBLISHED as TEAMS

MONEY = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4)
MOMENTS = st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=7)), None]))
PLAIN = {
    fields.UUID: st.uuids().map(str),
    fields.String: st.text(max_size=12),
    fields.Decimal: MONEY,
    fields.Boolean: st.booleans(),
    fields.AwareDateTime: MOMENTS,
    fields.Date: st.dates(),
}
ODD = st.one_of(
    st.none(),
    st.integers(),
    st.just("NOT-A-UUID"),
    st.uuids(),
    st.uuids().map(lambda u: str(u).upper()),
    st.dates(),
    st.datetimes(),
    st.sampled_from([Decimal("NaN"), Decimal("-Infinity"), 1.5, True]),
)


@st.composite
def event_data(draw: st.DrawFn, contract: EventContract) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, field in contract.schema().fields.items():
        if draw(st.integers(0, 19)) == 0:
            continue  # missing
        odd = draw(st.integers(0, 11)) == 0
        data[name] = draw(ODD if odd else PLAIN.get(type(field), ODD))
    return data


def outcome(serialise: Any, data: dict[str, Any]) -> Any:
    try:
        return serialise(data)
    except Exception as broken:  # the schema's own failures, whatever their type
        return (type(broken), str(broken))


@pytest.mark.parametrize("contract", [*HOUSEHOLDS, *TEAMS, *FUNDING], ids=lambda c: c.event_type)
@settings(max_examples=200)
@given(data=st.data())
def test_the_plain_dump_is_the_schemas_dump(contract: EventContract, data: st.DataObject) -> None:
    given_data = data.draw(event_data(contract))
    by_schema = outcome(contract.serialise_with_schema, given_data)
    assert outcome(contract.serialise, given_data) == by_schema


def test_a_repayment_event_is_dumped_without_the_schema() -> None:
    example = {
        **LOAN_REPAID.example,
        "amount_thb": Decimal("450"),
        "outstanding_thb": Decimal("4583.33"),
        "repaid_at": datetime(2026, 12, 21, 4, 30, tzinfo=UTC),
        "repaid_on": datetime(2026, 12, 21).date(),
    }
    assert PlainDump(LOAN_REPAID.schema())(example) == LOAN_REPAID.example
