"""A data migration each service that stores national IDs runs once: stored spellings
(`1-1017-00230-70-8`, fullwidth digits, a trailing space) become the canonical 13 ASCII digits.

A row whose canonical form another (counted) row already holds is the same person registered
twice: it is left as it is and reported by its row id (never the ID itself) for a person to merge,
as no rule can say which registration is the right one.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

from infra.national_id import national_id_problem, repaired_national_id

log = logging.getLogger("alembic.runtime.migration")


def canonicalise_national_ids(connection: Connection, table: str, counted: str = "1 = 1") -> None:
    """Rewrite `table.national_id` to the canonical form; `counted` is the SQL condition under
    which a row takes part in the unique index (households: active members)."""
    rows = connection.execute(
        text(
            f"SELECT id, national_id, CASE WHEN {counted} THEN 1 ELSE 0 END AS counted "
            f"FROM {table} WHERE national_id IS NOT NULL ORDER BY id"
        )
    ).all()
    taken = {r.national_id for r in rows if r.counted and not national_id_problem(r.national_id)}
    for row in rows:
        if not national_id_problem(row.national_id):
            continue
        canonical = repaired_national_id(row.national_id)
        if canonical is None or (row.counted and canonical in taken):
            why = "not a national ID" if canonical is None else "the same person as another row"
            log.warning("%s row %s: national ID left as stored (%s)", table, row.id, why)
            continue
        connection.execute(
            text(f"UPDATE {table} SET national_id = :canonical WHERE id = :id"),
            {"canonical": canonical, "id": row.id},
        )
        if row.counted:
            taken.add(canonical)
