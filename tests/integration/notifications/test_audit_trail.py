"""The escalations' audit trail on the migrated database (SQLite and PostgreSQL): an escalation
created by an event, climbed by the timer as "system" once however many replicas tick, then
acknowledged by a person; read back newest first and found by the search of its area."""

from datetime import date, timedelta

from infra.audit_reads import AuditSearch
from infra.caller import Caller, Role
from services.notifications.db.escalations import EscalationFilter
from services.notifications.settings import Settings
from services.notifications.usecases import escalations, history, ladder
from tests.integration.notifications import events as ev
from tests.integration.notifications.test_timers import T0, apply, unit_of_work

ADMIN = Caller("admin", "admin", frozenset({Role.ADMINISTRATOR}))


def test_an_escalations_changes_are_read_back_and_searched(notif_config):
    settings = Settings.from_config(notif_config)
    replica_a, replica_b = unit_of_work(notif_config), unit_of_work(notif_config)
    expert, district, team_id, household = ev.new_id(), ev.new_id(), ev.new_id(), ev.new_id()
    for envelope in (
        ev.person(expert, ["district_expert"], ["2401"]),
        ev.person(district, ["district_supervisor"], ["2401"]),
        ev.team(team_id, expert),
        ev.visit_overdue(household, team_id),
    ):
        apply(replica_a, envelope, settings)
    later = T0 + settings.escalation_limits[0]
    ladder.tick(replica_a, later, settings)
    ladder.tick(replica_b, later, settings)
    with replica_a:
        [escalation] = replica_a.escalations.visible(ADMIN, EscalationFilter(), None, 10).items
    escalation_id = escalation.id
    supervisor = Caller(district, "district", frozenset({Role.DISTRICT_SUPERVISOR}), ("2401",))
    escalations.acknowledge(replica_a, supervisor, escalation_id, None, later + timedelta(hours=1))

    found = history.escalation_history(replica_a, ADMIN, escalation_id, None, 50).items
    assert [(e.action, e.actor_id) for e in found] == [
        ("acknowledged", district),
        ("climbed", "system"),
        ("created", "system"),
    ]
    november = AuditSearch("2401", date(2026, 11, 1), date(2026, 12, 31), object_type="escalation")
    searched = history.search_audit(replica_b, supervisor, november, date(2027, 1, 1)).items
    assert [e.action for e in searched] == ["acknowledged", "climbed", "created"]
