"""Looking into the directory read model, for test set-ups that must wait for it.

People and teams arrive on different queues, so a set-up that publishes both waits for both
before it publishes what is addressed to them: a team's member is notified only once known.
"""

from sqlalchemy import Table, select

from infra.config import database_url
from infra.engines import make_engine
from services.notifications.db.tables import people, teams


def _known(config, table: Table, column: str, key: str):
    engine = make_engine(database_url(config, "notifications"))
    try:
        with engine.connect() as connection:
            return connection.execute(select(table.c[column]).where(table.c[column] == key)).first()
    finally:
        engine.dispose()


def team_known(config, team_id):
    return _known(config, teams, "team_id", team_id)


def person_known(config, person_id):
    return _known(config, people, "person_id", person_id)


def team_and_people_known(config, team_id, *person_ids):
    return team_known(config, team_id) and all(person_known(config, p) for p in person_ids)
