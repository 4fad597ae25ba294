"""Back up every database and the broker's definitions while the system runs; restore them into
an empty data folder (or empty PostgreSQL databases) before starting it.

    python -m infra.backup create DIR     every database (services and gateway) and the broker
    python -m infra.backup restore DIR    into empty databases, then the broker's definitions

Each database is copied consistently (SQLite's online backup API; `pg_dump`), one after another.
What crosses databases is carried by events, and those survive: an event committed before its
service's copy is in that copy's outbox, published after the restore if it was still waiting;
and the events the outboxes published in the REPLAY_MINUTES before the backup began are published
again after a restore (they may still have been in a broker queue, which no backup holds), which
the consumers' inboxes absorb. The broker's definitions (queues, exchanges, bindings, policies of
the vhost) are restored into the vhost AMQP_URI names, which must exist.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from requests import RequestException

from infra.backup_stores import (
    RestoreRefused,
    backend_of,
    backup_database,
    export_broker,
    import_broker,
    refuse_unless_empty,
    republish_since,
    restore_database,
)
from infra.config import database_url, load_config
from infra.migrate import databases

MANIFEST = "manifest.json"
BROKER_FILE = "broker-definitions.json"
DEFAULT_REPLAY_MINUTES = 15
SUFFIX = {"sqlite": ".sqlite", "postgresql": ".dump"}


def create(config: dict[str, Any], folder: Path, *, broker: bool = True) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / MANIFEST).exists():
        raise RestoreRefused(f"{folder} already holds a backup")
    manifest: dict[str, Any] = {"format": 1, "started_at": datetime.now(UTC).isoformat()}
    manifest["databases"] = {}
    for name in databases(config):
        url = database_url(config, name)
        file = f"{name}{SUFFIX[backend_of(url)]}"
        backup_database(url, folder / file)
        manifest["databases"][name] = {"backend": backend_of(url), "file": file}
    manifest["broker"] = None
    if broker:
        (folder / BROKER_FILE).write_text(json.dumps(export_broker(config), indent=1))
        manifest["broker"] = BROKER_FILE
    manifest["finished_at"] = datetime.now(UTC).isoformat()
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(
    config: dict[str, Any], folder: Path, *, replay_minutes: float = DEFAULT_REPLAY_MINUTES
) -> dict[str, int]:
    """Restore every database and the broker; returns how many events each outbox publishes
    again."""
    manifest = json.loads((folder / MANIFEST).read_text())
    missing = set(databases(config)) - set(manifest["databases"])
    if missing:
        raise RestoreRefused(f"the backup has no copy of {', '.join(sorted(missing))}")
    since = datetime.fromisoformat(manifest["started_at"]) - timedelta(minutes=replay_minutes)
    for name, entry in manifest["databases"].items():  # every target checked before any write
        url = database_url(config, name)
        if backend_of(url) != entry["backend"]:
            raise RestoreRefused(
                f"{name} was backed up from {entry['backend']}, not {backend_of(url)}"
            )
        refuse_unless_empty(url)
    republished = {}
    for name, entry in manifest["databases"].items():
        url = database_url(config, name)
        restore_database(url, folder / entry["file"])
        republished[name] = republish_since(url, since)
    if manifest.get("broker"):
        import_broker(config, json.loads((folder / manifest["broker"]).read_text()))
    return republished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.backup", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("create", help="back up while the system runs")
    made.add_argument("folder", type=Path)
    made.add_argument("--no-broker", action="store_true", help="skip the broker's definitions")
    back = commands.add_parser("restore", help="restore into empty databases, then start")
    back.add_argument("folder", type=Path)
    back.add_argument("--replay-minutes", type=float, default=DEFAULT_REPLAY_MINUTES)
    args = parser.parse_args(argv)
    config = load_config()
    try:
        if args.command == "create":
            manifest = create(config, args.folder, broker=not args.no_broker)
            print(f"backed up {', '.join(manifest['databases'])} to {args.folder}")
        else:
            republished = restore(config, args.folder, replay_minutes=args.replay_minutes)
            print(f"restored from {args.folder}; events published again: {republished}")
    except (RestoreRefused, FileNotFoundError, RuntimeError, RequestException) as refused:
        print(f"backup: {refused}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
