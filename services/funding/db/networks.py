"""District networks: repository."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from infra.caller import Caller
from infra.pagination import Page, keyset, page
from infra.versions import save_versioned
from services.funding.db.groups import officers_of
from services.funding.db.queries import PageQuery
from services.funding.db.tables import network_officers, networks
from services.funding.db.visibility import networks_visible_to
from services.funding.domain.group import Network


class NetworkRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, network: Network) -> None:
        self.session.execute(insert(networks).values(id=network.id, **_network_columns(network)))
        self._appoint(network)

    def save(self, network: Network) -> None:
        """A changed network: refused (412) unless the row still holds the version before."""
        values = {"id": network.id, **_network_columns(network)}
        save_versioned(self.session, networks, "id", values)
        self.session.execute(
            delete(network_officers).where(network_officers.c.network_id == network.id)
        )
        self._appoint(network)

    def get(self, network_id: str) -> Network | None:
        rows = self.session.execute(select(networks).where(networks.c.id == network_id)).all()
        found = self._networks(rows)
        return found[0] if found else None

    def list(self, caller: Caller, query: PageQuery) -> Page[Network]:
        statement = select(networks).where(networks_visible_to(caller))
        keys = [networks.c.district_code, networks.c.id]
        rows = self.session.execute(keyset(statement, keys, query.after, query.limit)).all()
        found = page(rows, query.limit, key=lambda r: [r.district_code, r.id])
        return Page(self._networks(found.items), found.next)

    def _appoint(self, network: Network) -> None:
        if network.officers:
            rows = [{"network_id": network.id, "person_id": p} for p in sorted(network.officers)]
            self.session.execute(insert(network_officers), rows)

    def _networks(self, rows: list[Any]) -> list[Network]:
        officers = officers_of(self.session, {row.id for row in rows})
        return [
            Network(
                name=row.name,
                district_code=row.district_code,
                officers=officers[row.id],
                created_at=row.created_at,
                id=row.id,
                version=row.version,
            )
            for row in rows
        ]


def _network_columns(network: Network) -> dict[str, Any]:
    return {
        "name": network.name,
        "district_code": network.district_code,
        "created_at": network.created_at,
        "version": network.version,
    }
