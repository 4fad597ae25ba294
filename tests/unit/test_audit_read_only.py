"""Audit entries cannot be changed or deleted through any route: every path of the OpenAPI
document under a history or the audit search answers GET only, and the RPC methods of the
services that keep an audit trail only read it."""

from __future__ import annotations

import inspect

from gateway.openapi import build
from gateway.service import GatewayService
from services.funding.entrypoints.audit import AuditEntrypoints as FundingAudit
from services.households.entrypoints.audit import AuditEntrypoints as HouseholdsAudit
from services.notifications.entrypoints.audit import AuditEntrypoints as NotificationsAudit
from services.teams.entrypoints.audit import AuditEntrypoints as TeamsAudit

HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def audit_paths(document: dict) -> dict[str, set[str]]:
    return {
        path: {method for method in item if method in HTTP_METHODS}
        for path, item in document["paths"].items()
        if path.endswith("/history") or path.startswith("/api/v1/audit")
    }


def test_every_history_and_the_audit_search_are_read_only():
    found = audit_paths(build(GatewayService, "test"))
    assert len(found) >= 10  # households, plans, interventions, teams, people, funding, escalations
    assert "/api/v1/audit" in found
    assert {path: methods for path, methods in found.items() if methods != {"get"}} == {}


def test_the_audit_rpc_methods_only_read():
    for mixin in (HouseholdsAudit, TeamsAudit, FundingAudit, NotificationsAudit):
        names = [name for name, value in vars(mixin).items() if inspect.isfunction(value)]
        assert names and all(n.endswith(("_history", "_search")) for n in names), mixin
