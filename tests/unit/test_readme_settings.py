"""Every MILESTONES_* variable the README names is read by the code, and every one read is in the README.

Why: ``MILESTONES_LOG_LEVEL`` was documented and read by nothing, ``MILESTONES_REPLICATION_FACTOR``
read and documented nowhere. The code's side is the two settings models (their fields under their
prefixes) and every ``os.environ`` read of a MILESTONES_ name in streams/ and setup.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from streams.bridges.settings import BridgeSettings
from streams.page.settings import PageSettings
from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
#: MILESTONES_ names in the README that are values, not variables.
NOT_VARIABLES = {"MILESTONES_ALERTS"}  # the JetStream stream's default name


def readme_variables() -> set[str]:
    """Names in backticks; ``MILESTONES_WEB_PORT` / `_WEB_HOST``-style shorthands expanded."""
    found: set[str] = set()
    for line in (ROOT / "README.md").read_text().splitlines():
        full = re.findall(r"\bMILESTONES_[A-Z0-9_]*[A-Z0-9]", line)
        found.update(full)
        for short in re.findall(r"`(_[A-Z0-9_]+)`", line):
            head = "_" + short.split("_")[1]
            owner = next((name for name in full if head in name), None)
            assert owner is not None, f"README shorthand {short} has no full name on its line: {line}"
            found.add(owner[: owner.index(head)] + short)
    return found - NOT_VARIABLES


def code_variables() -> set[str]:
    names = {f"MILESTONES_{field.upper()}" for field in Settings.model_fields}
    names |= {f"MILESTONES_BRIDGE_{field.upper()}" for field in BridgeSettings.model_fields}
    names |= {f"MILESTONES_PAGE_{field.upper()}" for field in PageSettings.model_fields}
    sources = [ROOT / "setup.py", *sorted((ROOT / "streams").rglob("*.py"))]
    for path in sources:
        names.update(re.findall(r"environ(?:\.get\(|\[)\s*\"(MILESTONES_[A-Z0-9_]+)\"", path.read_text()))
    return names


def test_every_variable_the_readme_names_is_read() -> None:
    assert readme_variables() - code_variables() == set()


def test_every_variable_read_is_in_the_readme() -> None:
    assert code_variables() - readme_variables() == set()


def test_the_scan_finds_both_kinds() -> None:
    """Not vacuous: settings fields, bridge fields, shorthands and environ reads are all seen."""
    readme = readme_variables()
    assert {"MILESTONES_WEB_HOST", "MILESTONES_BRIDGE_BACKOFF_MAX", "MILESTONES_SASL_PASSWORD"} <= readme
    assert {
        "MILESTONES_PURE_PYTHON",
        "MILESTONES_BROKER_STATE_DIR",
        "MILESTONES_LOG_LEVEL",
    } <= code_variables()
