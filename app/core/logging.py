"""Structured logs: one JSON object per line, on stderr."""

import logging
import logging.config
from datetime import UTC
from datetime import datetime
from typing import Any

import orjson

from app.core.config import Settings


class JsonFormatter(logging.Formatter):
    """`{"ts", "level", "logger", "message", ...fields}`; a record's `fields` extra is merged."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if fields:
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def logging_config(settings: Settings) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the service and uvicorn (whose access log is replaced
    by ours: see RequestContextMiddleware)."""
    level = settings.log_level.upper()
    formatter = (
        {"()": JsonFormatter}
        if settings.log_format == "json"
        else {
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(fields)s",
            "defaults": {"fields": ""},
        }
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "app": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


def ensure_logging(settings: Settings) -> None:
    """Configure logging when nothing else has (an app served by a bare `uvicorn` command)."""
    if logging.getLogger().handlers or logging.getLogger("app").handlers:
        return
    logging.config.dictConfig(logging_config(settings))
