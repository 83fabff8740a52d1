"""Structured logs: JSON lines off a terminal, readable lines on one, credentials masked."""

from __future__ import annotations

import io
import json
import logging
import logging.config

from pydantic import SecretStr

from schemas import Alert
from streams.settings import Settings
from streams.worker.deadletter import DeadLetter
from streams.worker.ops.logs import LoggingObserver, RepeatLimiter, logging_config, redact


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _logger(stream: io.StringIO) -> logging.Logger:
    config = logging_config("info", stream)
    config["root"] = {"level": "CRITICAL", "handlers": []}  # leave the test runner's root alone
    config["loggers"] = {"ops-test": {"level": "INFO", "handlers": ["default"], "propagate": False}}
    logging.config.dictConfig(config)
    return logging.getLogger("ops-test")


def _alert() -> Alert:
    return Alert(
        alert_id="a1",
        kind="milestone",
        index="NIKKEI225",
        direction="up",
        milestone=50000,
        level=50212.3,
        first_time=True,
        article_id="art1",
        published_at="2025-10-27",
        sentence="The Nikkei topped 50,000 for the first time.",
    )


def test_json_lines_when_not_a_terminal_with_one_line_per_alert_and_dead_letter() -> None:
    stream = io.StringIO()
    observer = LoggingObserver(_logger(stream))
    observer.alert_sent(_alert(), 0.25)
    observer.dead_lettered(
        DeadLetter(
            error="JSONDecodeError: bad", stage="decode-article", topic="articles", partition=0, offset=7
        )
    )
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "INFO" and first["logger"] == "ops-test"
    assert first["alert"] == {
        "alert_id": "a1",
        "index": "NIKKEI225",
        "kind": "milestone",
        "milestone": 50000,
        "level": 50212.3,
        "direction": "up",
        "article_id": "art1",
        "lag_seconds": 0.25,
    }
    assert "NIKKEI225 milestone 50,000 up" in first["message"]
    assert second["level"] == "WARNING"
    assert second["dead_letter"] == {
        "reason": "JSONDecodeError: bad",
        "stage": "decode-article",
        "topic": "articles",
        "partition": 0,
        "offset": 7,
    }


def test_readable_lines_on_a_terminal() -> None:
    stream = _Tty()
    LoggingObserver(_logger(stream)).alert_sent(_alert(), None)
    line = stream.getvalue().strip()
    assert not line.startswith("{")
    assert "INFO" in line and "alert NIKKEI225 milestone 50,000 up level 50,212.3 FIRST TIME" in line
    assert 'alert={"alert_id": "a1"' in line


def test_secrets_never_reach_the_log() -> None:
    stream = io.StringIO()
    log = _logger(stream)
    log.info("connecting with sasl_plain_password=hunter2 to kafka://user:s3cret@host:9092")
    log.info("config %s", {"password": "hunter2", "token": "abc"})
    log.info("settings", extra={"secret": SecretStr("hunter2")})
    text = stream.getvalue()
    assert "hunter2" not in text and "s3cret" not in text and "abc" not in text
    assert text.count("**********") >= 4


def test_settings_repr_hides_secret_fields() -> None:
    secrets = [name for name, field in Settings.model_fields.items() if "SecretStr" in str(field.annotation)]
    assert "sasl_password" in secrets
    settings = Settings().model_copy(update={name: SecretStr("hunter2") for name in secrets})
    stream = io.StringIO()
    _logger(stream).info("settings %r", settings, extra={"settings": settings.model_dump()})
    shown = repr(settings) + str(settings) + stream.getvalue()
    assert "hunter2" not in shown


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "alert DJIA milestone 47,000 up at 47,207.12 (tokens of appreciation)"
    assert redact(text) == text


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _record(name: str, msg: str, *args: object, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord(name, level, "x.py", 1, msg, args, None)


def test_a_repeated_kafka_client_error_passes_once_per_interval_with_a_count() -> None:
    clock = _Clock()
    limiter = RepeatLimiter(interval=30, clock=clock)
    template = "Unable connect to node with id %s: %s"
    passed = []
    for second in range(0, 95):  # one error a second for 95 s, the error text changing
        clock.now = 1000.0 + second
        record = _record("aiokafka", template, 1, f"refused #{second}")
        if limiter.filter(record):
            passed.append((second, record.getMessage(), getattr(record, "repeats", 0)))
    assert [(s, n) for s, _, n in passed] == [(0, 0), (30, 29), (60, 29), (90, 29)]
    assert (
        passed[1][1]
        == "Unable connect to node with id 1: refused #30 (and 29 more like this in the last 30 s)"
    )


def test_kinds_are_limited_apart_and_other_lines_are_untouched() -> None:
    clock = _Clock()
    limiter = RepeatLimiter(interval=30, clock=clock)
    assert limiter.filter(_record("aiokafka", "Unable connect to node %s", 1))
    assert limiter.filter(_record("aiokafka.consumer.fetcher", "Failed fetch messages from %s", 1))
    assert not limiter.filter(_record("aiokafka", "Unable connect to node %s", 1))
    for _ in range(3):  # our own lines, and the clients' info lines, are never limited
        assert limiter.filter(_record("milestones.events", "alert %s", "x"))
        assert limiter.filter(_record("aiokafka", "Connected %s", 1, level=logging.INFO))
