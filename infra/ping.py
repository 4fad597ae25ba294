"""`python -m infra.ping SERVICE`: exit 0 when the service answers its RPC ping (health checks)."""

from __future__ import annotations

import sys

from nameko.standalone.rpc import ClusterRpcProxy

from infra.config import load_config


def main(argv: list[str] | None = None) -> int:
    names = argv if argv is not None else sys.argv[1:]
    config = load_config()
    timeout = float(config.get("HEALTH_TIMEOUT_SECONDS", 2))
    try:
        with ClusterRpcProxy(config, timeout=timeout) as services:
            answers = {name: getattr(services, name).ping() for name in names}
    except Exception as exc:
        print(f"ping failed: {type(exc).__name__}", file=sys.stderr)
        return 1
    return 0 if all(answer == "ok" for answer in answers.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
