"""People tables: a person, their roles and areas, and their password."""

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table

from infra.tables import UtcDateTime
from services.teams.db.metadata import metadata

people = Table(
    "people",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(40), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("language", String(2), nullable=False),
    Column("national_id", String(13)),
    Column("line_user_id", String(33)),
    Column("email", String(254)),
    Column("phone", String(16)),
    Column("active", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
Index(
    "uq_people_national_id",
    people.c.national_id,
    unique=True,
    sqlite_where=people.c.national_id.is_not(None),
    postgresql_where=people.c.national_id.is_not(None),
)
person_roles = Table(
    "person_roles",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True),
    Column("role", String(40), primary_key=True),
)
person_areas = Table(
    "person_areas",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True),
    Column("area_code", String(8), primary_key=True, index=True),
)
credentials = Table(
    "credentials",
    metadata,
    Column("person_id", String(36), ForeignKey("people.id"), primary_key=True),
    Column("password_hash", String(200), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)
