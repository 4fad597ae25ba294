"""The directory read model's use cases with the fake unit of work: people registered, updated and
deactivated from teams events, out-of-order versions ignored, redeliveries changing nothing, and a
team's members kept. No database, no broker."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infra.errors import PreconditionFailed
from tests.unit.notifications.factories import (
    TAMBON,
    handle,
    person,
    person_event,
    received,
)
from tests.unit.notifications.fakes import FakeUnitOfWork


def test_a_registered_person_is_known_with_the_contacts_roles_and_areas_teams_gave() -> None:
    uow = FakeUnitOfWork()
    handle(uow, person_event("p1", 1, roles=["district_supervisor", "district_expert"]))

    stored = uow.directory.persons.rows["p1"]
    assert stored.roles == ("district_expert", "district_supervisor")
    assert (stored.areas, stored.email, stored.active) == (("2401",), "p1@example.test", True)
    assert (stored.version, stored.teams_version) == (1, 1)


def test_an_update_follows_teams_and_keeps_the_persons_own_preferences() -> None:
    uow = FakeUnitOfWork().given(person("p1", "district_expert", digest=True, teams_version=1))
    update = person_event("p1", 2, kind="person_updated", language="en", areas=["2402"])
    handle(uow, update)

    stored = uow.directory.persons.rows["p1"]
    assert (stored.language, stored.areas, stored.digest) == ("en", ("2402",), True)
    assert (stored.version, stored.teams_version) == (2, 2)


def test_an_older_teams_version_arriving_late_is_ignored() -> None:
    uow = FakeUnitOfWork()
    handle(uow, person_event("p1", 3, display_name="Newest"))
    handle(uow, person_event("p1", 2, kind="person_updated", display_name="Older"))

    stored = uow.directory.persons.rows["p1"]
    assert (stored.display_name, stored.teams_version, stored.version) == ("Newest", 3, 1)
    assert uow.commits == 2  # the late event is consumed: it will not come back


def test_a_redelivered_event_changes_nothing() -> None:
    uow = FakeUnitOfWork().given(person("p1", "district_expert", teams_version=1))
    update = person_event("p1", None, kind="person_updated", display_name="Once")
    handle(uow, update)
    handle(uow, update)

    assert uow.directory.persons.rows["p1"].version == 2
    assert uow.delivered == {update.event_id} and uow.commits == 1


def test_a_deactivated_person_is_kept_inactive_and_no_longer_holds_a_role_over_the_area() -> None:
    uow = FakeUnitOfWork().given(person("p1", "district_supervisor", teams_version=1))
    handle(uow, received("teams", "person_deactivated", person_id="p1", version=2))

    stored = uow.directory.persons.rows["p1"]
    assert (stored.active, stored.version, stored.teams_version) == (False, 2, 2)
    with uow:
        assert uow.directory.holding_role_over("district_supervisor", "24010101") == []


def test_a_deactivation_older_than_the_known_record_is_ignored() -> None:
    uow = FakeUnitOfWork().given(person("p1", "district_supervisor", teams_version=5))
    handle(uow, received("teams", "person_deactivated", person_id="p1", version=4))

    assert uow.directory.persons.rows["p1"].active is True


def test_a_team_is_kept_with_its_members() -> None:
    uow = FakeUnitOfWork()
    members = {"volunteer_leader": "l1", "subdistrict_coordinator": None, "district_expert": "e1"}
    handle(uow, received(
        "teams", "team_membership_changed", team_id="t1", team_name="Smile 1",
        coverage=[TAMBON], members=members, complete=False,
    ))  # fmt: skip

    stored = uow.directory.teams.rows["t1"]
    assert (stored.expert, stored.member_ids(), stored.complete) == ("e1", ["l1", "e1"], False)


def test_a_change_saved_over_a_version_no_longer_stored_is_refused_and_forgotten() -> None:
    uow = FakeUnitOfWork().given(person("p1", "district_expert", version=3))
    with uow:
        read = uow.directory.person("p1")
        uow.directory.save_person(replace(read, language="en", version=4))
        with pytest.raises(PreconditionFailed):
            uow.directory.save_person(replace(read, digest=True, version=4))
    # leaving without commit forgets the transaction's write
    assert uow.directory.persons.rows["p1"].language == "th"
