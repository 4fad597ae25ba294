"""Run one service or the gateway in this process: `python -m infra.runner households`.

SIGTERM and Ctrl-C stop it gracefully: consumers stop, running workers finish and are acked,
messages not yet handled go back to their queues. A stop still running after SLOW_STOP_SECONDS
logs where every green thread is waiting. One that cannot finish within STOP_SECONDS (the broker
gone, a worker stuck) becomes a kill and the process exits 1; unacked messages return to their
queues all the same. The launcher (`make run`) gives its children longer than STOP_SECONDS.
"""

import infra  # noqa: F401, I001  (quiets eventlet's banner: must come before eventlet)
import eventlet

eventlet.monkey_patch()  # before anything else opens a socket or a thread

import argparse  # noqa: E402
import errno  # noqa: E402
import gc  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

import greenlet  # noqa: E402
from nameko.runners import ServiceRunner  # noqa: E402

from infra import tracing  # noqa: E402
from infra.config import load_config  # noqa: E402
from infra.health_listener import start_health_listener  # noqa: E402
from infra.logs import configure_logging, get_logger  # noqa: E402
from infra.metrics_collector import CONTAINERS  # noqa: E402
from infra.topology import import_target  # noqa: E402

FORCED_STOP_EXIT_CODE = 1
log = get_logger(__name__)


def target_of(config: dict[str, Any], name: str) -> str:
    if name == "gateway":
        return str(config["GATEWAY"])
    return str(config["SERVICES"].get(name, name))


def serve(service_classes: list[type], config: dict[str, Any]) -> bool:
    """Run until stopped; True when the stop was graceful, False when it had to kill."""
    runner = ServiceRunner(config)
    for service_cls in service_classes:
        runner.add_service(service_cls)
    stopping: list[Any] = []

    def shutdown(_signum: int, _frame: Any) -> None:
        # signal handlers run in the main loop and may not block: stop in a green thread
        if not stopping:
            stopping.append(eventlet.spawn(_stop, runner, StopDeadlines.of(config)))

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    CONTAINERS.watch(runner.containers)  # /metrics reads their databases and connections
    start_health_listener(config, list(runner.containers))  # live while starting, ready after
    runner.start()
    waiting = eventlet.spawn(runner.wait)
    while True:
        try:
            waiting.wait()
            return stopping[0].wait() if stopping else True
        except OSError as exc:  # a signal interrupted the wait
            if exc.errno != errno.EINTR:
                raise


@dataclass(frozen=True)
class StopDeadlines:
    slow_seconds: float = 10
    give_up_seconds: float = 20

    @classmethod
    def of(cls, config: dict[str, Any]) -> "StopDeadlines":
        return cls(
            float(config.get("SLOW_STOP_SECONDS", cls.slow_seconds)),
            float(config.get("STOP_SECONDS", cls.give_up_seconds)),
        )


def _stop(runner: ServiceRunner, deadlines: StopDeadlines) -> bool:
    log.info("runner.stopping")
    watchdog = eventlet.spawn_after(deadlines.slow_seconds, _report_slow_stop, deadlines)
    try:
        with eventlet.Timeout(deadlines.give_up_seconds, False):
            runner.stop()
            log.info("runner.stopped")
            return True
    finally:
        watchdog.cancel()
    log.error(
        "runner.stop_timed_out", seconds=deadlines.give_up_seconds, waiting_on=_green_stacks()
    )
    runner.kill()
    return False


def _report_slow_stop(deadlines: StopDeadlines) -> None:
    log.warning("runner.stop_slow", seconds=deadlines.slow_seconds, waiting_on=_green_stacks())


def _green_stacks(frames: int = 3) -> list[str]:
    """Where each live green thread is parked: its innermost frames outside eventlet (code lines,
    never values)."""
    stacks = []
    for thread in gc.get_objects():
        if isinstance(thread, greenlet.greenlet) and thread.gr_frame is not None:
            stack = traceback.extract_stack(thread.gr_frame)
            while stack and "/eventlet/" in stack[-1].filename:
                stack.pop()
            if stack:
                stacks.append("".join(traceback.format_list(stack[-frames:])))
    return stacks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m infra.runner")
    parser.add_argument("names", nargs="+", help="service names from config (or module:Class)")
    parser.add_argument(
        "--config", help="configuration file (default: $SMILE_CONFIG or config/smile.yaml)"
    )
    args = parser.parse_args(argv)
    config = load_config(args.config)
    configure_logging(service="+".join(args.names), level=str(config.get("LOG_LEVEL", "INFO")))
    tracing.configure(config, "+".join(args.names))
    graceful = serve([import_target(target_of(config, name)) for name in args.names], config)
    tracing.shutdown()
    if not graceful:
        sys.exit(FORCED_STOP_EXIT_CODE)


if __name__ == "__main__":
    main()
