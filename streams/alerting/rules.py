"""The alert rules as configuration: steps per index, extra milestones, and a switch per rule.

``load_alert_rules()`` reads ``streams/config/alert_rules.toml`` (packaged) or a given file and
validates it at start-up; any problem is a ``ValueError`` that names the file and the problem.
The plausible range of each index (rule 8, the bad-tick filter) comes from the index registry
(``streams/config/indices.toml`` plus ``MILESTONES_INDICES_PATH``), where a user who adds an
index gives its names and its range together. The only I/O of the alerting core is here, in
the loader.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from streams.extract.indices import IndexRegistry, PlausibleRange, default_registry

__all__ = ["DEFAULT_RULES_RESOURCE", "AlertRules", "alert_rules_from_mapping", "load_alert_rules"]

DEFAULT_RULES_RESOURCE = "config/alert_rules.toml"
"""The packaged default file, relative to the ``streams`` package."""

_SUPPORTED_VERSIONS = (1,)

DEFAULT_MAX_STEPS_PER_MOVE = 100.0


@dataclass(frozen=True, slots=True)
class AlertRules:
    """Everything the state machine needs to know besides the moves themselves.

    ``steps`` maps an index id to its milestone step, or to ``None`` for no level crossings; an
    index missing from it has no step either. ``milestones`` maps an index id to extra explicit
    milestones that level moves cross in addition to the multiples of the step. The booleans
    switch the contract's rules on and off (all on by default).
    """

    steps: Mapping[str, float | None] = field(default_factory=dict)
    milestones: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    plausible: Mapping[str, PlausibleRange] = field(default_factory=dict)
    """Rule 8: the levels each index can stand at; a level or milestone outside is ignored."""
    textual_milestones: bool = True
    level_crossings: bool = True
    stale_by_date: bool = True
    stale_by_direction: bool = True
    same_article_intraday: bool = True
    once_per_episode: bool = True
    records: bool = True
    skip_futures: bool = True
    bad_tick_filter: bool = True
    max_steps_per_move: float = DEFAULT_MAX_STEPS_PER_MOVE
    """A level move spanning more milestone steps than this is a misread figure, not news."""

    def step(self, index: str) -> float | None:
        """The milestone step of ``index``, or ``None`` when it has none."""
        return self.steps.get(index)

    def extra_milestones(self, index: str) -> tuple[float, ...]:
        """The explicit milestones configured for ``index`` (ascending, possibly empty)."""
        return self.milestones.get(index, ())

    def implausible(self, index: str, value: float | None) -> bool:
        """Rule 8: ``value`` lies outside the plausible range of ``index`` (never for no value, no range)."""
        if value is None or not self.bad_tick_filter:
            return False
        found = self.plausible.get(index)
        return found is not None and not found.holds(value)


_SWITCHES = tuple(
    f.name
    for f in fields(AlertRules)
    if f.name not in ("steps", "milestones", "plausible", "max_steps_per_move")
)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _positive_number(value: object, where: str) -> float:
    if not _is_number(value):
        raise ValueError(f"{where} must be a number, got {value!r}")
    number: float = value  # type: ignore[assignment]
    if not number > 0 or number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{where} must be a positive finite number, got {value!r}")
    return number


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ValueError(f"[{key}] must be a table, got {value!r}")
    return value


def _parse(data: Mapping[str, Any], plausible: Mapping[str, PlausibleRange]) -> AlertRules:
    unknown = set(data) - {"version", "rules", "limits", "steps", "milestones"}
    if unknown:
        raise ValueError(f"unknown top-level key(s): {', '.join(sorted(unknown))}")
    version = data.get("version", 1)
    if version not in _SUPPORTED_VERSIONS or isinstance(version, bool):
        raise ValueError(f"unsupported version {version!r} (supported: {_SUPPORTED_VERSIONS})")

    switches: dict[str, bool] = {}
    for name, value in _table(data, "rules").items():
        if name not in _SWITCHES:
            raise ValueError(f"unknown rule switch [rules].{name} (known: {', '.join(_SWITCHES)})")
        if not isinstance(value, bool):
            raise ValueError(f"[rules].{name} must be true or false, got {value!r}")
        switches[name] = value

    steps: dict[str, float | None] = {}
    for index, value in _table(data, "steps").items():
        if isinstance(value, str):
            if value.strip().lower() != "none":
                raise ValueError(f'[steps].{index} must be a positive number or "none", got {value!r}')
            steps[index] = None
        else:
            steps[index] = _positive_number(value, f"[steps].{index}")

    milestones: dict[str, tuple[float, ...]] = {}
    for index, value in _table(data, "milestones").items():
        if not isinstance(value, list):
            raise ValueError(f"[milestones].{index} must be a list of numbers, got {value!r}")
        levels = {_positive_number(v, f"[milestones].{index} entry") for v in value}
        milestones[index] = tuple(sorted(levels))

    max_steps = DEFAULT_MAX_STEPS_PER_MOVE
    for name, value in _table(data, "limits").items():
        if name != "max_steps_per_move":
            raise ValueError(f"unknown limit [limits].{name} (known: max_steps_per_move)")
        max_steps = _positive_number(value, f"[limits].{name}")

    return AlertRules(
        steps=steps, milestones=milestones, plausible=plausible, max_steps_per_move=max_steps, **switches
    )


def alert_rules_from_mapping(
    data: Mapping[str, Any], source: str = "<mapping>", registry: IndexRegistry | None = None
) -> AlertRules:
    """Validate already parsed TOML-shaped data; ``source`` names it in error messages.

    The plausible ranges are the registry's (the packaged one by default).
    """
    try:
        return _parse(data, dict((registry or default_registry()).ranges))
    except ValueError as exc:
        raise ValueError(f"bad alert rules in {source}: {exc}") from None


def load_alert_rules(path: Path | None = None, registry: IndexRegistry | None = None) -> AlertRules:
    """Read and validate the alert rules from ``path``, or the packaged default file when ``None``.

    ``registry`` gives the plausible range of each index (rule 8): the packaged index table by
    default, or one extended by configuration. Raises ``ValueError`` naming the file and the
    problem (missing, not TOML, bad values).
    """
    if path is None:
        resource = resources.files("streams").joinpath(DEFAULT_RULES_RESOURCE)
        source = f"packaged streams/{DEFAULT_RULES_RESOURCE}"
        try:
            text = resource.read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"cannot read alert rules {source}: {exc}") from None
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"cannot read alert rules file {source}: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"alert rules file {source} is not valid TOML: {exc}") from None
    return alert_rules_from_mapping(data, source, registry)
