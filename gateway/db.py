"""The gateway's own database: remembered answers to POSTs sent with an Idempotency-Key. No domain
data.
"""

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

from infra.tables import NAMING_CONVENTION, UtcDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("owner", String(64), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("state", String(10), nullable=False),
    Column("status", Integer),
    Column("headers", Text),
    Column("body", Text),
    Column("created_at", UtcDateTime, nullable=False),  # when the current claim (lease) began
    Column("expires_at", UtcDateTime, nullable=False, index=True),
)

revocations = Table(
    "revocations",
    metadata,
    Column("person_id", String(64), primary_key=True),
    Column("not_before", UtcDateTime, nullable=False),  # tokens issued earlier are refused
    Column("updated_at", UtcDateTime, nullable=False, index=True),
)

signed_out_tokens = Table(
    "signed_out_tokens",
    metadata,
    Column("token_id", String(64), primary_key=True),  # the token's jti
    Column("expires_at", UtcDateTime, nullable=False, index=True),  # forgotten after it
    Column("signed_out_at", UtcDateTime, nullable=False, index=True),
)
