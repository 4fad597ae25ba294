"""BMN imports: the upload's chunks, its progress and per-row errors."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from infra.metrics_collector import GaugeQuery
from infra.pagination import keyset
from infra.statements import conflict_insert, insert_ignoring_duplicates
from services.households.db.tables import import_chunks, import_errors, import_tambons, imports

COUNTERS = ("accepted", "unchanged", "rejected")


class ImportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def create(self, row: dict[str, Any]) -> None:
        self.session.execute(insert(imports).values(**row))

    def get(self, import_id: str, *, for_update: bool = False) -> Any:
        query = select(imports).where(imports.c.id == import_id)
        return self.session.execute(query.with_for_update() if for_update else query).first()

    def update(self, import_id: str, **values: Any) -> None:
        self.session.execute(update(imports).where(imports.c.id == import_id).values(**values))

    def add_chunk(self, import_id: str, sequence: int, data: bytes) -> bytes | None:
        """Store a chunk once: None when stored now, else the bytes stored before (a resend)."""
        statement = insert_ignoring_duplicates(self.session, import_chunks)
        inserted = self.session.execute(
            statement.values(import_id=import_id, sequence=sequence, data=data)
        ).rowcount
        if inserted == 1:
            return None
        return self.session.execute(
            select(import_chunks.c.data).where(
                import_chunks.c.import_id == import_id, import_chunks.c.sequence == sequence
            )
        ).scalar_one()

    def chunk_summary(self, import_id: str) -> tuple[int, int]:
        """(count, highest sequence) of the chunks received (their bytes are not read)."""
        row = self.session.execute(
            select(func.count(), func.max(import_chunks.c.sequence)).where(
                import_chunks.c.import_id == import_id
            )
        ).one()
        return int(row[0]), -1 if row[1] is None else int(row[1])

    def content(self, import_id: str) -> bytes:
        chunks = self.session.execute(
            select(import_chunks.c.data)
            .where(import_chunks.c.import_id == import_id)
            .order_by(import_chunks.c.sequence)
        ).scalars()
        return b"".join(chunks)

    def claimable(self, now: datetime, lease_seconds: float) -> list[str]:
        stale = now - timedelta(seconds=lease_seconds)
        return list(
            self.session.execute(
                select(imports.c.id)
                .where(
                    or_(
                        imports.c.status == "queued",
                        (imports.c.status == "processing") & (imports.c.claimed_at < stale),
                    )
                )
                .order_by(imports.c.created_at)
                .limit(5)
            ).scalars()
        )

    def claim(self, import_id: str, now: datetime, lease_seconds: float) -> bool:
        stale = now - timedelta(seconds=lease_seconds)
        result = self.session.execute(
            update(imports)
            .where(
                imports.c.id == import_id,
                or_(
                    imports.c.status == "queued",
                    (imports.c.status == "processing") & (imports.c.claimed_at < stale),
                ),
            )
            .values(status="processing", claimed_at=now)
        )
        return result.rowcount == 1

    def add_errors(self, import_id: str, problems: list[tuple[int, str, str]]) -> None:
        if problems:
            statement = insert_ignoring_duplicates(self.session, import_errors)
            self.session.execute(
                statement,
                [
                    {"import_id": import_id, "row": r, "field": f, "message": m}
                    for r, f, m in problems
                ],
            )

    def count_tambons(self, import_id: str, counts: dict[str, dict[str, int]]) -> None:
        """Add a batch's counters ({tambon: {accepted, unchanged, rejected}}) to the import's."""
        if not counts:
            return
        statement = conflict_insert(self.session, import_tambons)
        added = statement.excluded
        table = import_tambons.c
        self.session.execute(
            statement.on_conflict_do_update(
                index_elements=[table.import_id, table.tambon_code],
                set_={name: table[name] + added[name] for name in COUNTERS},
            ),
            [{"import_id": import_id, "tambon_code": t, **c} for t, c in sorted(counts.items())],
        )

    def tambon_counts(self, import_id: str) -> list[dict[str, Any]]:
        query = (
            select(import_tambons.c.tambon_code, *(import_tambons.c[n] for n in COUNTERS))
            .where(import_tambons.c.import_id == import_id)
            .order_by(import_tambons.c.tambon_code)
        )
        return [dict(row._mapping) for row in self.session.execute(query)]

    def errors(self, import_id: str, after: str | None, limit: int) -> list[Any]:
        query = select(import_errors).where(import_errors.c.import_id == import_id)
        keys = [import_errors.c.row, import_errors.c.field]
        return self.session.execute(keyset(query, keys, after, limit)).all()


# Read when scraped (infra.metrics_collector): imports waiting and in progress, and how far along.
IMPORTS_UNFINISHED = GaugeQuery(
    "smile_imports_unfinished",
    "BMN imports not yet finished, by status (queued, processing)",
    "status",
    select(imports.c.status, func.count())
    .where(imports.c.status.in_(("queued", "processing")))
    .group_by(imports.c.status),
)
IMPORT_ROWS_READ = GaugeQuery(
    "smile_import_rows_read",
    "Rows read so far by the imports in progress (their progress), by status",
    "status",
    select(imports.c.status, func.coalesce(func.sum(imports.c.rows_read), 0))
    .where(imports.c.status == "processing")
    .group_by(imports.c.status),
)
