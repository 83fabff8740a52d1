"""Structured logs: JSON lines for machines, readable lines for people, never a secret.

Why two shapes: a worker under docker, systemd or a log shipper writes to a pipe, and one JSON
object per line is what those tools index; a person running ``milestones worker`` in a
terminal wants to read the lines. The choice is made once, from whether stderr is a terminal.

Why a redaction filter: settings hold credentials (the SASL password is a ``SecretStr``, whose
``str`` is already masked), but a library may still format a URL or a config dict with a
password in it. The filter masks ``password=...``-shaped text in every line as a last guard.

Why a repeat limiter: while the broker is away the Kafka client logs the same error for every
connection attempt (hundreds of lines a minute even with the back-off of
``streams/kafka/backoff.py``). ``RepeatLimiter`` lets the first line of each kind through, then
at most one per ``interval`` seconds, saying how many like it it stood for: an outage reads as
one line when it starts and one line per half minute with a count, and nothing is hidden.

``LoggingObserver`` writes one line per alert and one per dead letter, with their fields as
structured data (``alert`` and ``dead_letter`` objects in the JSON). An alert's message is
:func:`streams.alerting.display.alert_summary`, the words ``milestones tail`` uses, without the
sentence: a log line stays one short line, and the ``alert`` object names the article.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from typing import Any, TextIO

from schemas import Alert
from streams.alerting.display import alert_summary
from streams.worker.deadletter import DeadLetter
from streams.worker.observe import PipelineObserver

__all__ = [
    "JsonFormatter",
    "LoggingObserver",
    "ReadableFormatter",
    "RedactSecrets",
    "RepeatLimiter",
    "logging_config",
    "redact",
]

_STANDARD_ATTRS = frozenset(
    vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None)).keys() | {"message", "asctime"}
)
_SECRET = re.compile(
    r"(?i)\b([\w.-]*(?:password|passwd|secret|token|api[_-]?key)[\w.-]*)(\s*[=:]\s*|['\"]\s*:\s*['\"]?)"
    r"([^\s,;'\"}&]+)"
)
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^:/@\s]+):([^@/\s]+)@")


def redact(text: str) -> str:
    """Mask values that look like credentials: ``password=x``, ``"token": "x"``, ``scheme://u:p@``."""
    text = _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}**********", text)
    return _URL_CREDENTIALS.sub(lambda m: f"{m.group(1)}:**********@", text)


class RedactSecrets(logging.Filter):
    """Rewrites each record's message with :func:`redact` before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class RepeatLimiter(logging.Filter):
    """At most one line per ``interval`` for each repeated warning of the Kafka client libraries.

    Lines are told apart by logger and message template (``record.msg`` before its arguments),
    so "Unable connect to node with id 1: ..." is one kind whatever the error text. The line let
    through after a quiet interval carries ``repeats``: how many lines it stands for.
    """

    PREFIXES = ("aiokafka", "faust.transport", "kafka")

    def __init__(self, interval: float = 30.0, clock: Any = time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self._clock = clock
        self._kinds: dict[tuple[str, str], tuple[float, int]] = {}  # kind -> (last let through, held since)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not record.name.startswith(self.PREFIXES):
            return True
        kind = (record.name, str(record.msg))
        now = self._clock()
        last = self._kinds.get(kind)
        if last is not None and now - last[0] < self.interval:
            self._kinds[kind] = (last[0], last[1] + 1)
            return False
        held, since = (last[1], now - last[0]) if last is not None else (0, 0.0)
        self._kinds[kind] = (now, 0)
        if held:
            record.msg = f"{record.getMessage()} (and {held} more like this in the last {since:.0f} s)"
            record.args = None
            record.repeats = held
        return True


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRS and not k.startswith("_")}


def _jsonable(value: object) -> object:
    """Anything json cannot write becomes its ``str`` (a ``SecretStr`` is then ``'**********'``)."""
    return str(value)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        out.update(_extras(record))
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(out, default=_jsonable, ensure_ascii=False))


class ReadableFormatter(logging.Formatter):
    """``12:00:01 INFO  milestones.alerts  message  key=value ...`` for a terminal."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s  %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = _extras(record)
        if extras:
            line += "  " + " ".join(
                f"{k}={json.dumps(v, default=_jsonable, ensure_ascii=False)}" for k, v in extras.items()
            )
        return redact(line)


def logging_config(loglevel: str = "info", stream: TextIO | None = None) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for Faust's worker: JSON unless ``stream`` is a terminal."""
    stream = stream if stream is not None else sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    formatter = "readable" if tty else "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": RedactSecrets}, "repeats": {"()": RepeatLimiter}},
        "formatters": {
            "json": {"()": JsonFormatter},
            "readable": {"()": ReadableFormatter},
        },
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "stream": stream,
                "formatter": formatter,
                "filters": ["repeats", "redact"],
                "level": loglevel.upper(),
            }
        },
        "root": {"level": loglevel.upper(), "handlers": ["default"]},
    }


class LoggingObserver(PipelineObserver):
    """One log line per alert (INFO) and per dead letter (WARNING), with structured fields."""

    def __init__(self, logger: logging.Logger | None = None) -> None:
        self.log = logger or logging.getLogger("milestones.events")

    def alert_sent(self, alert: Alert, lag_seconds: float | None) -> None:
        self.log.info(
            "alert %s",
            alert_summary(alert),  # worded as tail words it; the evidence is the article_id below
            extra={
                "alert": {
                    "alert_id": alert.alert_id,
                    "index": alert.index,
                    "kind": alert.kind,
                    "milestone": alert.milestone,
                    "level": alert.level,
                    "direction": alert.direction,
                    "article_id": alert.article_id,
                    "lag_seconds": None if lag_seconds is None else round(lag_seconds, 3),
                }
            },
        )

    def dead_lettered(self, letter: DeadLetter) -> None:
        self.log.warning(
            "dead-lettered %s[%d]@%d at %s: %s",
            letter.topic,
            letter.partition,
            letter.offset,
            letter.stage,
            letter.error,
            extra={
                "dead_letter": {
                    "reason": letter.error,
                    "stage": letter.stage,
                    "topic": letter.topic,
                    "partition": letter.partition,
                    "offset": letter.offset,
                }
            },
        )
