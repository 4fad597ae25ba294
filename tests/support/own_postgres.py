"""A PostgreSQL server of the test's own, on its own port and in its own folder, that a test may
crash and start again without disturbing the machine's server (which every other test uses).

The cluster is made with the machine's binaries (`initdb`, `pg_ctl`) as the `postgres` user, which
needs root; it trusts every local connection and listens on 127.0.0.1 only, with its Unix socket in
its own folder. `restart()` stops it with `pg_ctl -m immediate` (every server process quits at
once, without a checkpoint, as a crash would), and the start that follows replays the WAL.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
from pathlib import Path

from tests.support.ports import free_port, port_open
from tests.support.waiting import wait_for

BINARIES = "/usr/lib/postgresql/*/bin"
BOOT_SECONDS = 60
SETTINGS = (
    "listen_addresses='127.0.0.1'",
    "max_connections=200",  # three services with a pool of up to 20 each, and the test
    "shared_buffers=32MB",
)  # and PostgreSQL's defaults otherwise: fsync on, as in production


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    folders = [Path(path) for path in glob.glob(BINARIES) if Path(path, "pg_ctl").exists()]
    return max(folders, key=_version, default=None)


def _version(bin_folder: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in bin_folder.parent.name.split(".") if part.isdigit())


def available() -> bool:
    """The cluster is made and run as the `postgres` user, which needs root."""
    return os.geteuid() == 0 and binaries() is not None and bool(shutil.which("runuser"))


class OwnPostgres:
    def __init__(self, folder: Path) -> None:
        bin_folder = binaries()
        assert bin_folder is not None, "no PostgreSQL binaries (check `available()` first)"
        self.bin = bin_folder
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self._initdb()

    @property
    def server_url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}"

    def database_template(self, prefix: str) -> str:
        """A DATABASE_URL with `{service}`: each service's database on this server."""
        return f"{self.server_url}/{prefix}_{{service}}"

    def start(self) -> None:
        self._pg_ctl("start", "-w", "-t", str(BOOT_SECONDS), "-l", str(self.folder / "server.log"))
        wait_for(self.listening, timeout=BOOT_SECONDS, interval=0.1, what="the test PostgreSQL")

    def restart(self, down_seconds: float = 0.0) -> None:
        """Crash the server (`-m immediate`), stay down `down_seconds`, and start it again."""
        self.stop(mode="immediate")
        time.sleep(down_seconds)  # an outage of a set length, not a wait for something to happen
        self.start()

    def stop(self, mode: str = "fast") -> None:
        if self.running():
            self._pg_ctl("stop", "-w", "-m", mode)
        wait_for(lambda: not self.listening(), timeout=30, what="the test PostgreSQL to go")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def listening(self) -> bool:
        return port_open(self.port)

    def log_tail(self, lines: int = 40) -> str:
        log = self.folder / "server.log"
        return "".join(log.read_text(errors="replace").splitlines(True)[-lines:])

    def _initdb(self) -> None:
        self.folder.chmod(0o755)  # the postgres user must reach its folders
        shutil.chown(self.folder, "postgres", "postgres")
        self._as_postgres(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"port={self.port}\nunix_socket_directories='{self.folder}'\n")
            conf.writelines(f"{setting}\n" for setting in SETTINGS)

    def _pg_ctl(self, *args: str) -> None:
        self._as_postgres("pg_ctl", "-D", str(self.data), *args)

    def _as_postgres(self, program: str, *args: str) -> None:
        done = subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / program), *args],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{program} {' '.join(args)} failed: {done.stderr.strip()}")
