"""structlog JSON logs for every process, with personal data kept out.

Records from the standard library (nameko, kombu, SQLAlchemy) go through the same chain. Two guards
keep personal data out of logs: values under sensitive keys are replaced, and anything shaped like a
Thai national ID is blanked wherever it appears in text (messages, exception text).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping
from typing import Any

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
# nameko.containers logs every expected (client) error with a traceback as a warning; those are
# already in the gateway's access log, and unexpected errors are still logged at ERROR.
_QUIET_LOGGERS = ("kombu", "amqp", "nameko.web.server", "eventlet.wsgi.server", "nameko.containers")

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
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        add_service,
    ]


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stdout for structlog and standard-library loggers alike."""
    shared = _processors(service)
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _redact_processor,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
