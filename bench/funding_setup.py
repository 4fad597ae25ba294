"""The benchmark's throw-away world: a RabbitMQ vhost, a database, and the funding service (and,
for the gateway benchmark, the gateway) running in their own processes with one configuration
file."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import requests
import yaml
from nameko.standalone.rpc import ClusterRpcProxy
from sqlalchemy.orm import sessionmaker

from gateway.auth.settings import AuthSettings
from gateway.auth.tokens import TokenIssuer
from infra.caller import Caller
from infra.config import PROJECT_ROOT, database_url, load_config
from infra.engines import make_engine
from infra.migrate import upgrade
from services.funding.db import FundingUnitOfWork, metadata
from tests.support.broker import RabbitAdmin, amqp_uri_for
from tests.support.databases import (
    drop_postgres_databases,
    new_prefix,
    postgres_template,
    sqlite_template,
)
from tests.support.ports import free_port
from tests.support.waiting import wait_for

# FUNDING_BENCH_PROFILE=/tmp/funding.prof runs the service under cProfile (figures then suffer).
PROFILE_TO = os.environ.get("FUNDING_BENCH_PROFILE")
PROFILE = ["-m", "cProfile", "-o", PROFILE_TO] if PROFILE_TO else []
GATEWAY_PROFILE_TO = os.environ.get("GATEWAY_BENCH_PROFILE")
GATEWAY_PROFILE = ["-m", "cProfile", "-o", GATEWAY_PROFILE_TO] if GATEWAY_PROFILE_TO else []


class Environment:
    def __init__(self, args: argparse.Namespace, scratch: Path) -> None:
        self.args, self.scratch = args, scratch
        self.services: list[subprocess.Popen[bytes]] = []
        self.prefix: str | None = None

    def __enter__(self) -> Environment:
        base = load_config()
        self.admin = RabbitAdmin(base["RABBIT_API_URI"])
        self.vhost = self.admin.create_vhost()
        if self.args.backend == "postgresql":
            self.prefix = new_prefix()
            template = postgres_template(self.prefix)
        else:
            template = sqlite_template(self.scratch)
        self.config: dict[str, Any] = {
            **base,
            "AMQP_URI": amqp_uri_for(self.vhost),
            "DATABASE_URL": template,
            "max_workers": self.args.workers,
            "LOG_LEVEL": self.args.log_level,
            "WEB_SERVER_ADDRESS": f"127.0.0.1:{free_port()}",
            "AUTH": {**base.get("AUTH", {}), "secret": "bench-" + "s" * 58},
            "RATE_LIMITS": {**base.get("RATE_LIMITS", {}), "per_person": "100000000/minute"},
        }
        upgrade(self.config, ["funding"])
        self.engine = make_engine(
            database_url(self.config, "funding"), green=True, pool_size=self.args.clients
        )
        return self

    def unit_of_work(self) -> FundingUnitOfWork:
        sessions = sessionmaker(self.engine, expire_on_commit=False)
        return FundingUnitOfWork(sessions, metadata, source="funding", consumer="funding.bench")

    def start_service(self) -> None:
        """`--replicas` processes consuming the same RPC queue, as a deployment scales out."""
        for _ in range(self.args.replicas):
            self._start("funding", PROFILE)
        self._wait(self._answers, "funding")

    def start_gateway(self) -> str:
        """The gateway in its own process (its own database for idempotency keys); its URL."""
        upgrade(self.config, ["gateway"])
        self._start("gateway", GATEWAY_PROFILE)
        url = f"http://{self.config['WEB_SERVER_ADDRESS']}"
        self._wait(lambda: _live(url), "gateway")
        return url

    def token_for(self, caller: Caller) -> str:
        """A bearer token as `POST /api/v1/auth/token` would issue it to this person."""
        return TokenIssuer(AuthSettings.from_config(self.config)).issue(caller)[0]

    def _start(self, name: str, profile: list[str]) -> None:
        path = self.scratch / "smile.yaml"
        path.write_text(yaml.safe_dump(self.config), encoding="utf-8")
        command = [sys.executable, *profile, "-m", "infra.runner", name, "--config", str(path)]
        log = open(self.scratch / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        self.services.append(subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=log))

    def _wait(self, ready: Any, name: str) -> None:
        try:
            wait_for(ready, timeout=60, interval=0.5, what=f"the {name} process")
        except AssertionError:
            print((self.scratch / f"{name}.log").read_text(errors="replace")[-3000:])
            raise

    def _answers(self) -> bool:
        try:
            with ClusterRpcProxy(self.config, timeout=2) as proxy:
                return proxy.funding.ping() == "ok"
        except Exception:
            return False

    def __exit__(self, *exc_info: object) -> None:
        for service in self.services:
            service.terminate()
        for service in self.services:
            service.wait(timeout=30)
        self.engine.dispose()
        self.admin.delete_vhost(self.vhost)
        if self.prefix:
            drop_postgres_databases(self.prefix)


def _live(url: str) -> bool:
    try:
        return requests.get(f"{url}/health/live", timeout=2).status_code == 200
    except requests.RequestException:
        return False
