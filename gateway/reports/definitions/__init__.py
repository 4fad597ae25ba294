"""Every report the gateway serves, by the name in its URL."""

from __future__ import annotations

from gateway.reports.definitions.cases import CASES
from gateway.reports.definitions.escalations import ESCALATIONS
from gateway.reports.definitions.relapses import RELAPSES
from gateway.reports.definitions.sammachip import SAMMACHIP
from gateway.reports.definitions.savings import SAVINGS
from gateway.reports.definitions.teams import TEAMS
from gateway.reports.model import Report

REPORTS: dict[str, Report] = {
    report.name: report for report in (CASES, TEAMS, SAMMACHIP, SAVINGS, ESCALATIONS, RELAPSES)
}
