"""Copying one database or the broker's definitions to a backup folder and back (infra.backup).

SQLite: the online backup API, a consistent copy while the services write. PostgreSQL: `pg_dump`
(custom format, one snapshot) and `pg_restore` into an empty database. The broker: the vhost's
definitions (queues, exchanges, bindings, policies) through the management API.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import requests
from sqlalchemy import Column, MetaData, Table, inspect, update
from sqlalchemy.engine import URL, make_url

from infra.brokers import listed
from infra.engines import make_engine
from infra.migrate import ensure_database
from infra.tables import UtcDateTime


class RestoreRefused(Exception):
    """The target is not empty, or the backup is incomplete: nothing was overwritten."""


def backend_of(url: str) -> str:
    return make_url(url).get_backend_name()


def backup_database(url: str, target: Path) -> None:
    if backend_of(url) == "sqlite":
        _sqlite_backup(Path(make_url(url).database or ""), target)
    else:
        _pg("pg_dump", url, "--format=custom", "--no-owner", f"--file={target}")


def refuse_unless_empty(url: str) -> None:
    """RestoreRefused when the database of `url` holds anything (an SQLite file that exists, a
    PostgreSQL database with tables); a missing PostgreSQL database is created."""
    if backend_of(url) == "sqlite":
        path = Path(make_url(url).database or "")
        if path.exists():
            raise RestoreRefused(f"{path} exists: restore into an empty data folder")
        return
    ensure_database(url)
    if _has_tables(url):
        raise RestoreRefused(f"database {make_url(url).database} is not empty")


def restore_database(url: str, source: Path) -> None:
    refuse_unless_empty(url)
    if backend_of(url) == "sqlite":
        path = Path(make_url(url).database or "")
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)
        return
    _pg("pg_restore", url, "--no-owner", "--no-privileges", "--exit-on-error", str(source))


def _sqlite_backup(path: Path, target: Path) -> None:
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # one step: a consistent snapshot even while others write
    finally:
        copy.close()
        source.close()


def _pg(program: str, url: str, *args: str) -> None:
    """Run pg_dump or pg_restore on the database of `url`; the password goes by environment."""
    parsed = make_url(url)
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    libpq = URL.create(
        "postgresql", parsed.username, None, parsed.host, parsed.port, parsed.database
    )
    command = [program, *args, f"--dbname={libpq.render_as_string(hide_password=False)}"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{program} failed for {parsed.database}: {done.stderr.strip()[-500:]}")


def _has_tables(url: str) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return bool(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def republish_since(url: str, since: datetime) -> int:
    """Mark the outbox's events published since `since` as waiting again: they may have been in
    a broker queue, which no backup holds, when the consumers' databases were copied. The relay
    publishes them again after the restore; the consumers' inboxes drop what they already had."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            if not inspect(connection).has_table("outbox"):
                return 0
            outbox = Table("outbox", MetaData(), Column("published_at", UtcDateTime))
            changed = connection.execute(
                update(outbox).where(outbox.c.published_at >= since).values(published_at=None)
            )
            return int(changed.rowcount or 0)
    finally:
        engine.dispose()


def broker_definitions_url(config: dict[str, Any]) -> tuple[str, tuple[str, str]]:
    """The management API's definitions of the vhost AMQP_URI names, and its credentials (the
    nodes of a cluster that AMQP_URI lists, `;` between them, share their vhosts)."""
    api = urlsplit(str(config["RABBIT_API_URI"]))
    first_broker = listed(str(config["AMQP_URI"]))[0]
    vhost = unquote(urlsplit(first_broker).path.lstrip("/")) or "/"
    base = f"{api.scheme}://{api.hostname}:{api.port or 15672}"
    auth = (unquote(api.username or "guest"), unquote(api.password or "guest"))
    return f"{base}/api/definitions/{quote(vhost, safe='')}", auth


def export_broker(config: dict[str, Any]) -> dict[str, Any]:
    url, auth = broker_definitions_url(config)
    answer = requests.get(url, auth=auth, timeout=30)
    answer.raise_for_status()
    return dict(answer.json())


def import_broker(config: dict[str, Any], definitions: dict[str, Any]) -> None:
    url, auth = broker_definitions_url(config)
    answer = requests.post(url, json=definitions, auth=auth, timeout=60)
    answer.raise_for_status()
