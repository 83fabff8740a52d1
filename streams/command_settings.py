"""Settings for a command of the CLI: errors in one line, and the broker found the same way everywhere.

Why here and not in :class:`streams.settings.Settings`: the settings stay a plain model (tests
build them with explicit values); what a person at a terminal needs is the CLI's business:

- a bad value stops the command with one line naming the variable, the value and what is expected
  (``MILESTONES_PARTITIONS='abc': input should be a valid integer``), never pydantic's
  multi-line report naming the field;
- with no ``MILESTONES_KAFKA_BOOTSTRAP`` (environment or ``.env``), a broker started by
  ``milestones broker start`` is used, found through its state file as ``demo`` and the tests
  find it; otherwise the default address. Each command says which one it uses, and why.

``BadSettings`` is a :class:`streams.failures.CommandFailed`: one line, exit status 2.
"""

from __future__ import annotations

import json
import sys
from typing import TypeVar

from pydantic import ValidationError
from pydantic_settings import BaseSettings
from pydantic_settings import SettingsError as SourceError

from streams.failures import CommandFailed
from streams.settings import Settings

__all__ = ["BadSettings", "describe_settings_error", "kafka_settings", "load_settings"]

SettingsT = TypeVar("SettingsT", bound=BaseSettings)

#: Fields whose value is never repeated in a message.
_SECRET_FIELDS = frozenset({"sasl_password", "webhook_secret", "ingest_token"})


class BadSettings(CommandFailed):
    """A setting from the environment (or ``.env``) is not valid."""


def _variable(model: type[BaseSettings], field: str) -> str:
    return f"{model.model_config.get('env_prefix', '')}{field}".upper()


def describe_settings_error(model: type[BaseSettings], error: Exception) -> str:
    """One line for a failed :class:`Settings` (or bridge settings) load: variable, value, expectation."""
    if isinstance(error, SourceError):  # a JSON-valued setting that is not JSON
        field = str(error).split('"')[1] if '"' in str(error) else "?"
        cause = f": {error.__cause__}" if error.__cause__ else ""
        return f"{_variable(model, field)} is not valid JSON{cause}"
    if not isinstance(error, ValidationError):
        return str(error)
    parts = []
    for detail in error.errors():
        message = detail["msg"].removeprefix("Value error, ")
        if message[1:2].islower():  # "Input should be ..." reads on after a colon; a variable name stays
            message = message[:1].lower() + message[1:]
        loc = detail.get("loc") or ()
        if not loc:  # a check across settings: its message names them already
            parts.append(message)
            continue
        field = str(loc[0])
        where = _variable(model, field) + "".join(f"[{part!r}]" for part in loc[1:])
        message = message.removeprefix(where).lstrip()  # our validators' messages name it already
        value = detail.get("input")
        if field in _SECRET_FIELDS:
            shown = "=(hidden)"
        elif isinstance(value, str):
            shown = f"={value!r}"
        elif isinstance(value, dict | list):  # a JSON-valued setting, parsed already
            shown = f"={json.dumps(value)}"
        else:
            shown = ""
        parts.append(f"{where}{shown}: {message}")
    return "; ".join(parts)


def load_settings(model: type[SettingsT]) -> SettingsT:
    """``model()`` from the environment, or :class:`BadSettings` with one line."""
    try:
        return model()
    except (ValidationError, SourceError) as error:
        raise BadSettings(describe_settings_error(model, error)) from None


def kafka_settings(command: str) -> Settings:
    """The settings a Kafka-using command runs with, its broker found as the demo and tests find it.

    One line on stderr tells which broker is used and why, so a person knows whether they
    reached the local broker, their cluster or the default address. (The worker logs it
    instead, as a JSON line like the rest of its log: :func:`find_broker`.)
    """
    settings, why = find_broker(load_settings(Settings))
    print(f"milestones {command}: Kafka at {settings.kafka_bootstrap} ({why})", file=sys.stderr, flush=True)
    return settings


def find_broker(settings: Settings) -> tuple[Settings, str]:
    """``settings`` with the broker to use, and why that one: the setting, a local broker, the default."""
    if "kafka_bootstrap" in settings.model_fields_set:
        why = "MILESTONES_KAFKA_BOOTSTRAP"
    else:
        from streams.broker.state import read_state

        running = read_state()
        if running is not None:
            settings = settings.model_copy(update={"kafka_bootstrap": running.bootstrap})
            why = f"the broker `milestones broker start` runs, pid {running.pid}"
        else:
            why = "the default; no local broker runs: `milestones broker start`, or set MILESTONES_KAFKA_BOOTSTRAP"
    return settings, why
