"""The daily digest (`usecases/digest.py`) with the fake unit of work: once the digest hour has
come, one summary of the day before for each reader who has news, however often the timer fires."""

from __future__ import annotations

from datetime import timedelta

from services.notifications.domain.notices import Notification
from services.notifications.usecases import digest
from tests.unit.notifications.factories import SETTINGS, T0, person
from tests.unit.notifications.fakes import FakeUnitOfWork


def news(n: int) -> Notification:
    """Filed for the reader yesterday, 22:00 in Bangkok."""
    at = T0 - timedelta(hours=12)
    return Notification(
        "reader", "household_registered", "h", "24010101", f"news {n}", "b", f"e{n}", at
    )


def test_the_digest_gathers_yesterdays_news_once_however_often_the_timer_fires() -> None:
    uow = FakeUnitOfWork().given(
        person("reader", "district_supervisor", digest=True),
        person("quiet", "district_supervisor", digest=True),
        *(news(n) for n in range(3)),
    )
    before_the_hour = T0 - timedelta(hours=4)  # 06:00 in Bangkok

    assert digest.send_digests(uow, before_the_hour, SETTINGS) == 0 and uow.digests == set()
    fired = [digest.send_digests(uow, T0 + timedelta(minutes=m), SETTINGS) for m in (0, 5)]

    assert fired == [1, 0]
    [summary] = [n for n in uow.inbox_of("reader") if n.kind == "digest"]
    assert summary.body.count("- news") == 3 and uow.channels_of("reader") == ["email"]
    assert uow.inbox_of("quiet") == []  # nothing to tell: no digest
    assert {who for who, _ in uow.digests} == {"reader", "quiet"}
