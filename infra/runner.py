"""Run one service or the gateway in this process: `python -m infra.runner households`.

SIGTERM and Ctrl-C stop it gracefully: consumers stop, running workers finish and are acked,
messages not yet handled go back to their queues. A stop that cannot finish within STOP_SECONDS (the
broker gone, a worker stuck) becomes a kill: unacked messages return to their queues all the same.
"""

import infra  # noqa: F401, I001  (quiets eventlet's banner: must come before eventlet)
import eventlet

eventlet.monkey_patch()  # before anything else opens a socket or a thread

import argparse  # noqa: E402
import errno  # noqa: E402
import signal  # noqa: E402
from typing import Any  # noqa: E402

from nameko.runners import ServiceRunner  # noqa: E402

from infra.config import load_config  # noqa: E402
from infra.logs import configure_logging, get_logger  # noqa: E402
from infra.topology import import_target  # noqa: E402

STOP_SECONDS = 30
log = get_logger(__name__)


def target_of(config: dict[str, Any], name: str) -> str:
    if name == "gateway":
        return str(config["GATEWAY"])
    return str(config["SERVICES"].get(name, name))


def serve(service_classes: list[type], config: dict[str, Any]) -> None:
    runner = ServiceRunner(config)
    for service_cls in service_classes:
        runner.add_service(service_cls)

    def shutdown(_signum: int, _frame: Any) -> None:
        # signal handlers run in the main loop and may not block: stop in a green thread
        eventlet.spawn_n(_stop, runner)

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    runner.start()
    waiting = eventlet.spawn(runner.wait)
    while True:
        try:
            waiting.wait()
            return
        except OSError as exc:  # a signal interrupted the wait
            if exc.errno != errno.EINTR:
                raise


def _stop(runner: ServiceRunner) -> None:
    with eventlet.Timeout(STOP_SECONDS, False):
        runner.stop()
        return
    log.error("runner.stop_timed_out", seconds=STOP_SECONDS)
    runner.kill()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m infra.runner")
    parser.add_argument("names", nargs="+", help="service names from config (or module:Class)")
    parser.add_argument(
        "--config", help="configuration file (default: $SMILE_CONFIG or config/smile.yaml)"
    )
    args = parser.parse_args(argv)
    config = load_config(args.config)
    configure_logging(service="+".join(args.names), level=str(config.get("LOG_LEVEL", "INFO")))
    serve([import_target(target_of(config, name)) for name in args.names], config)


if __name__ == "__main__":
    main()
