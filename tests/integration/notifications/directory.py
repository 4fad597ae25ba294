"""Looking into the directory read model, for test set-ups that must wait for it."""

from sqlalchemy import select

from infra.config import database_url
from infra.engines import make_engine
from services.notifications.db.tables import teams


def team_known(config, team_id):
    engine = make_engine(database_url(config, "notifications"))
    try:
        with engine.connect() as connection:
            return connection.execute(
                select(teams.c.team_id).where(teams.c.team_id == team_id)
            ).first()
    finally:
        engine.dispose()
