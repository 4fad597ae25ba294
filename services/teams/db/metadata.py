"""The teams database's metadata (outbox and inbox already in it)."""

from infra.audit import add_audit_table
from infra.tables import new_metadata

metadata = new_metadata()
audit_entries = add_audit_table(metadata)
