"""Risk over the real broker (issue 16): funding says a loan of a case's household is in
arrears -> households raises the case to high -> notifications opens a `case_risk` escalation for
the team's expert, as for an overdue visit; the repayment lowers the level and closes it."""

from services.households.service import HouseholdsService
from services.notifications.service import NotificationsService
from tests.integration.helpers import publish_event
from tests.integration.households.support import case_in_manage
from tests.integration.notifications import events as ev
from tests.integration.notifications.directory import team_and_people_known
from tests.integration.notifications.test_escalation_story import escalations_of
from tests.support.databases import upgrade
from tests.support.waiting import wait_for


def loan_news(event_type: str, household_id: str, **data):
    ids = {"loan_id": "loan-9", "group_id": ev.new_id(), "household_id": household_id}
    return ev.envelope("funding", event_type, **ids, village_code=ev.VILLAGE, **data)


def test_a_case_raised_to_high_escalates_and_closes_when_it_falls(
    notif_config, start_service, amqp_uri
):
    config = notif_config
    upgrade(config, ["households"])
    start_service(NotificationsService, config)
    start_service(HouseholdsService, config)
    expert, team_id = ev.new_id(), ev.new_id()
    publish_event(amqp_uri, ev.person(expert, ["district_expert"], ["2401"]))
    publish_event(amqp_uri, ev.team(team_id, expert))
    wait_for(lambda: team_and_people_known(config, team_id, expert), what="the directory")
    household = case_in_manage(config, 31)
    publish_event(amqp_uri, ev.assigned(household, team_id))
    publish_event(
        amqp_uri,
        loan_news("loan_disbursed", household, member_id=ev.new_id(), intervention_id=None,
                  amount_thb="900.00", disbursed_at="2026-10-01T03:00:00+00:00",
                  disbursed_on="2026-10-01"),
    )  # fmt: skip
    publish_event(
        amqp_uri,
        loan_news("loan_overdue", household, bucket="61-90", days_overdue=61,
                  arrears_thb="900.00", as_of="2026-11-21"),
    )  # fmt: skip

    def risk_escalations():
        return [e for e in escalations_of(config, household) if e["kind"] == "case_risk"]

    [opened] = wait_for(risk_escalations, what="the case_risk escalation")
    assert opened["addressed_to"] == [expert] and opened["level"] == 0

    publish_event(
        amqp_uri,
        loan_news("loan_repaid", household, member_id=ev.new_id(), amount_thb="900.00",
                  outstanding_thb="0.00", in_arrears=False, closed=True,
                  repaid_at="2026-11-22T03:00:00+00:00", repaid_on="2026-11-22"),
    )  # fmt: skip
    wait_for(
        lambda: [e for e in risk_escalations() if e["status"] == "closed"],
        what="the escalation closed by case_risk_lowered",
    )
