"""The words the households service shares with its clients: a case's stages, the kinds and
statuses of an intervention, a plan's five capitals and the wellbeing scale of a visit. Plain
values and no behaviour: the domain gives them their rules, and the gateway's schemas read them
without loading the domain."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    REGISTERED = "registered"
    TARGET = "target"
    COMPASS = "compass"
    MANAGE = "manage"
    CARE = "care"
    GRADUATED = "graduated"
    DECLINED = "declined"
    MOVED = "moved"
    DECEASED = "deceased"
    MERGED = "merged"


class Kind(StrEnum):
    LIVELIHOOD_TRAINING = "livelihood_training"
    FUNDING_ACCESS = "funding_access"
    REFERRAL = "referral"
    IN_KIND = "in_kind"


class Status(StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"


CAPITALS = ("human", "physical", "economic", "natural", "social")
WELLBEING = range(1, 6)

# A case's risk levels, lowest first, and the signals they are assessed on (domain/risk.py).
RISK_LEVELS = ("low", "medium", "high", "critical")
RISK_SIGNALS = ("missed_visits", "loans_in_arrears", "arrears_days", "income_fall", "bmn_worsened")
