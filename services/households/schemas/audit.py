"""Audit entries: a household's history and the audit search (the shapes of every service)."""

from infra.audit_schemas import AuditEntryOut, ListHistory, SearchAudit

__all__ = ["AuditEntryOut", "ListHistory", "SearchAudit"]
