"""Notifications tables: the directory read model, inbox, deliveries, escalations, digests."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from infra.audit import add_audit_table
from infra.tables import UtcDateTime, new_metadata

metadata = new_metadata()
audit_entries = add_audit_table(metadata)
ID = 36
SUBJECT = 80  # what a notice is about: an id, or a composite such as `import_id:tambon`

people = Table(
    "people",
    metadata,
    Column("person_id", String(ID), primary_key=True),
    Column("username", String(100), nullable=False),
    Column("display_name", String(200), nullable=False),
    Column("email", String(320)),
    Column("line_user_id", String(64)),
    Column("phone", String(32)),
    Column("language", String(2), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("channels", JSON),  # null: every channel the person has an address for
    Column("quiet_start", String(5)),
    Column("quiet_end", String(5)),
    Column("digest", Boolean, nullable=False),
    Column("webhook_url", String(500)),
    Column("webhook_secret", String(100)),
    Column("teams_version", Integer, nullable=False, server_default="0"),
    Column("version", Integer, nullable=False),
)
person_roles = Table(
    "person_roles",
    metadata,
    Column("person_id", String(ID), primary_key=True),
    Column("role", String(40), primary_key=True, index=True),
)
person_areas = Table(
    "person_areas",
    metadata,
    Column("person_id", String(ID), primary_key=True),
    Column("area_code", String(8), primary_key=True, index=True),
)
teams = Table(
    "teams",
    metadata,
    Column("team_id", String(ID), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("coverage", JSON, nullable=False),
    Column("volunteer_leader", String(ID)),
    Column("subdistrict_coordinator", String(ID)),
    Column("district_expert", String(ID)),
    Column("complete", Boolean, nullable=False),
)
household_teams = Table(
    "household_teams",
    metadata,
    Column("household_id", String(ID), primary_key=True),
    Column("team_id", String(ID), nullable=False, index=True),
)
notifications = Table(
    "notifications",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("recipient_id", String(ID), nullable=False),
    Column("kind", String(60), nullable=False),
    Column("subject_id", String(SUBJECT), nullable=False),
    Column("area_code", String(8), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("dedupe_key", String(120), nullable=False),
    Column("escalation_id", String(ID)),
    Column("created_at", UtcDateTime, nullable=False),
    Column("read_at", UtcDateTime),
    UniqueConstraint("dedupe_key", "recipient_id"),
)
Index("ix_notifications_inbox", notifications.c.recipient_id, notifications.c.created_at)
deliveries = Table(
    "deliveries",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("notification_id", String(ID), nullable=False, index=True),
    Column("recipient_id", String(ID), nullable=False, index=True),
    Column("channel", String(20), nullable=False),
    Column("dedupe_key", String(120), nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("claimed_until", UtcDateTime),
    Column("last_error", String(300)),
    Column("created_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime),
    UniqueConstraint("dedupe_key", "recipient_id", "channel"),
)
Index("ix_deliveries_due", deliveries.c.status, deliveries.c.next_attempt_at)
escalations = Table(
    "escalations",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("subject_id", String(ID), nullable=False),
    Column("household_id", String(ID)),
    Column("team_id", String(ID)),
    Column("area_code", String(8), nullable=False, index=True),
    Column("details", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("level", Integer, nullable=False),
    Column("opens_at", UtcDateTime, nullable=False),
    Column("opened_at", UtcDateTime),
    Column("level_since", UtcDateTime),
    Column("acknowledged_by", String(ID)),
    Column("acknowledged_at", UtcDateTime),
    Column("resolved_by", String(ID)),
    Column("resolved_at", UtcDateTime),
    Column("resolution_note", Text),
    Column("closed_at", UtcDateTime),
    Column("closed_by_event", String(100)),
    Column("active_key", String(120), unique=True),  # kind:subject while active, else null
    Column("version", Integer, nullable=False),
)
Index("ix_escalations_status", escalations.c.status, escalations.c.opens_at)
escalation_recipients = Table(
    "escalation_recipients",
    metadata,
    Column("escalation_id", String(ID), primary_key=True),
    Column("person_id", String(ID), primary_key=True, index=True),
    Column("level", Integer, nullable=False),
)
digests = Table(
    "digests",
    metadata,
    Column("person_id", String(ID), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("created_at", UtcDateTime, nullable=False),
)
