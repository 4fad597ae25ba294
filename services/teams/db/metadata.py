"""The teams database's metadata (outbox and inbox already in it)."""

from infra.tables import new_metadata

metadata = new_metadata()
