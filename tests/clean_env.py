"""What the autouse fixture of tests/conftest.py cleans: settings variables and ``.env`` files.

Why: the settings models read ``MILESTONES_*`` from the environment and from a ``.env`` file in
the working directory, so a developer's exported setting (or their ``.env``) would change what a
test builds. Every test starts from the defaults; a test that wants a setting sets it with
``monkeypatch.setenv`` (or passes it to the model).
"""

from __future__ import annotations

import os

import pytest
from pydantic_settings import BaseSettings

from streams.bridges.settings import BridgeSettings
from streams.page.settings import PageSettings
from streams.settings import Settings

__all__ = ["MACHINE_VARIABLES", "SETTINGS_MODELS", "clean_settings_environment"]

#: Every settings model of the product: each one's ``env_file`` is switched off during a test
#: (tests/unit/test_settings.py checks that no model is missing).
SETTINGS_MODELS: tuple[type[BaseSettings], ...] = (Settings, PageSettings, BridgeSettings)

#: ``MILESTONES_*`` variables that are no settings but say how this machine builds the package and
#: runs the test broker (docker or local jars, where the jars and the broker state live). Removing
#: them would make a test start another kind of broker or fetch the jars again; no settings model
#: reads them (tests/unit/test_settings.py checks that).
MACHINE_VARIABLES = frozenset(
    {
        "MILESTONES_BROKER",
        "MILESTONES_BROKER_STATE_DIR",
        "MILESTONES_CACHE_DIR",
        "MILESTONES_PURE_PYTHON",
        "MILESTONES_EDITABLE_NO_COMPILE",
    }
)


def clean_settings_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove every ``MILESTONES_*`` setting from the environment and ignore ``.env``, until the test ends.

    ``env_file`` in each model's ``model_config`` is read by pydantic-settings at every
    instantiation, so setting it to ``None`` (undone by ``monkeypatch``) is enough; a model given
    ``_env_file=`` explicitly still reads that file.
    """
    for name in list(os.environ):
        if name.startswith("MILESTONES_") and name not in MACHINE_VARIABLES:
            monkeypatch.delenv(name)
    for model in SETTINGS_MODELS:
        monkeypatch.setitem(model.model_config, "env_file", None)
