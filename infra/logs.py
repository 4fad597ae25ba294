"""structlog JSON logs for every process, with personal data kept out.

Records from the standard library (nameko, kombu, SQLAlchemy) go through the same chain. Two guards
keep personal data out of logs: values under sensitive keys are replaced, and anything shaped like a
Thai national ID is blanked wherever it appears in text (messages, exception text).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import greenlet
import structlog

SENSITIVE_KEYS = frozenset(
    {
        "national_id",
        "annual_income_thb",
        "income",
        "income_thb",
        "current_income_thb",
        "password",
        "access_token",
        "authorization",
        "token",
    }
)
REDACTED = "[redacted]"
_NATIONAL_ID_TEXT = re.compile(r"(?<!\d)(?:\d{13}|\d-\d{4}-\d{5}-\d{2}-\d)(?!\d)")
_QUIET_LOGGERS = ("kombu", "amqp", "nameko.web.server", "eventlet.wsgi.server", "nameko.containers")
_EXPECTED_WORKER_ERROR = "(expected) error handling worker"
_WORKER_ERROR = "error handling worker"

Event = dict[str, Any]


def redact(value: Any) -> Any:
    """Copy of `value` without sensitive fields or national-ID-shaped text."""
    if isinstance(value, Mapping):
        return {k: REDACTED if k in SENSITIVE_KEYS else redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    if isinstance(value, str):
        return _NATIONAL_ID_TEXT.sub(REDACTED, value)
    return value


def _redact_processor(_logger: Any, _name: str, event: Event) -> Event:
    return redact(event)


def _processors(service: str) -> list[Any]:
    def add_service(_logger: Any, _name: str, event: Event) -> Event:
        event.setdefault("service", service)
        return event

    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        add_service,
    ]


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stdout for structlog and standard-library loggers alike. The project's own
    (structlog) lines are rendered and written directly, without the standard library's records
    and handlers: a consumer writes one for each event it applies, a gateway one per request."""
    shared = _processors(service)
    rendering = [
        structlog.processors.format_exc_info,
        _redact_processor,
        structlog.processors.JSONRenderer(ensure_ascii=False),
    ]
    structlog.configure(
        processors=[*shared, _logger_name, *rendering],
        logger_factory=_named_logger,
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *rendering],
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    _filter_worker_errors()


class WorkerErrors(logging.Filter):
    """nameko.containers logs every failed worker with its traceback, an expected (client) error as
    a warning. Here an expected error is one INFO line without a traceback, and an entrypoint that
    logs its own outcomes (`logs_own_outcome`, the gateway's HTTP routes: an access line per request
    and the traceback of a 5xx) is not logged twice."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if not message.startswith((_EXPECTED_WORKER_ERROR, _WORKER_ERROR)):
            return True
        worker = record.args[0] if isinstance(record.args, tuple) and record.args else None
        if getattr(getattr(worker, "entrypoint", None), "logs_own_outcome", False):
            return False
        if message.startswith(_EXPECTED_WORKER_ERROR):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.exc_info = record.exc_text = None
        return True


def _filter_worker_errors() -> None:
    containers = logging.getLogger("nameko.containers")
    if not any(isinstance(f, WorkerErrors) for f in containers.filters):
        containers.addFilter(WorkerErrors())


def get_logger(name: str) -> Any:
    return structlog.get_logger(name)


class HeldLines:
    """The project's log lines one green thread wrote while they were held: written at `keep`,
    dropped if the block ends without it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.kept = False

    def keep(self) -> None:
        self.kept = True


_HELD: dict[Any, HeldLines] = {}  # by green thread (a plain thread is a greenlet of its own)


@contextmanager
def log_lines_held() -> Iterator[HeldLines]:
    """Hold back the lines this green thread writes (other green threads write theirs at once):
    work that may be undone and done again (a window of events whose transaction fails, applied
    again event by event) logs what it did only once it is kept."""
    me = greenlet.getcurrent()
    held = _HELD[me] = HeldLines()
    try:
        yield held
    finally:
        del _HELD[me]
        if held.kept and held.lines:
            sys.stdout.write("".join(held.lines))
            sys.stdout.flush()


class _Stdout:
    """Whatever `sys.stdout` is when a line is written (a test may have swapped it since), or the
    green thread's held lines."""

    def write(self, text: str) -> int:
        held = _HELD.get(greenlet.getcurrent())
        if held is not None:
            held.lines.append(text)
            return len(text)
        return sys.stdout.write(text)

    def flush(self) -> None:
        if greenlet.getcurrent() not in _HELD:
            sys.stdout.flush()


class _NamedLogger(structlog.WriteLogger):
    """Writes to stdout and knows its name, as a standard-library logger does."""

    def __init__(self, name: str) -> None:
        super().__init__(_Stdout())  # type: ignore[arg-type]
        self.name = name


def _named_logger(*args: Any) -> _NamedLogger:
    return _NamedLogger(str(args[0]) if args else "")


def _logger_name(logger: Any, _name: str, event: Event) -> Event:
    event["logger"] = getattr(logger, "name", "")
    return event
