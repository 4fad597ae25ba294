"""The words the notifications service shares with its clients: the channels a message may go
out on, the languages it speaks and the kinds of escalation. Plain values: the gateway's schemas
read them without loading the domain."""

from __future__ import annotations

EXTERNAL_CHANNELS = ("email", "line", "webhook")
SYSTEM_WEBHOOK = "system_webhook"  # an outside system's subscription (/api/v1/subscriptions)
DELIVERY_CHANNELS = (*EXTERNAL_CHANNELS, SYSTEM_WEBHOOK)
LANGUAGES = ("th", "en")
KINDS = (
    "visit_overdue",
    "plan_waiting",
    "referral_not_accepted",
    "loan_arrears",
    "income_falling",
    "team_incomplete",
    "case_risk",
    "cohort_follow_up_overdue",
)
