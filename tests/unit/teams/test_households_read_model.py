from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from infra.envelope import Envelope, read_event
from services.teams.domain.households import KnownHousehold
from services.teams.subscriptions import SUBSCRIPTIONS
from tests.unit.teams.factories import NOW

STAGES = ["target", "compass", "manage", "care", "graduated"]


@given(st.permutations(list(enumerate(STAGES))))
def test_the_latest_stage_wins_whatever_order_the_events_arrive_in(changes):
    household = KnownHousehold("h", "24010101")
    for hours, stage in changes:
        household = household.staged(stage, NOW + timedelta(hours=hours))
    assert household.stage == "graduated" and not household.open_case


@given(
    st.lists(st.integers(0, 90), min_size=0, max_size=4),
    st.lists(st.integers(0, 90), min_size=1, max_size=4),
    st.randoms(),
)
def test_a_visit_is_overdue_until_one_is_logged_on_or_after_the_due_date(visits, dues, rng):
    start = date(2026, 1, 1)
    events = [("visit", d) for d in visits] + [("due", d) for d in dues]
    rng.shuffle(events)
    household = KnownHousehold("h", "24010101")
    for kind, day in events:
        on = start + timedelta(days=day)
        household = household.visited(on) if kind == "visit" else household.overdue_from(on)
    assert household.overdue == (max(visits, default=-1) < max(dues))


def test_consent_keeps_the_latest_answer_and_graduation_closes_the_case():
    household = KnownHousehold("h", "24010101").consent(False, NOW + timedelta(days=1))
    assert household.consent(True, NOW).consented is False
    graduated = household.graduated(NOW)
    assert graduated.graduated_at == NOW and graduated.stage == "graduated"
    assert KnownHousehold("h", "24010101").open_case


def test_dates_of_visits_are_read_as_dates_or_times():
    schemas = SUBSCRIPTIONS[("households", "visit_logged")]
    for sent in ("2026-11-20", "2026-11-20T09:30:00+07:00"):
        data = {"household_id": "0b6f3c9e-3f1a-4c55-9a51-2b8f0f3f9a10", "village_code": "24010101"}
        event = read_event(
            Envelope("visit_logged", {**data, "visited_at": sent}, "households").to_dict(), schemas
        )
        assert event.data["visited_at"] == date(2026, 11, 20)
