"""The gold files (tests/data/seeds.json, dev.json, fresh.json): where they are, and one way to read them.

Why one loader: the gold is the reference every extraction and alert test compares with; each
test file used to open it its own way (``json`` or ``orjson``, with or without an encoding). Each
call reads the file afresh, so a test may change what it gets without touching another's.

A gold file holds ``articles`` (file name -> published_at, moves, quotes) and ``streams`` (a
name, the articles' order, the alerts expected); the articles themselves are in
:func:`articles_dir`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

__all__ = ["DATA", "GoldName", "articles_dir", "gold_file", "gold_stream", "load_gold"]

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

GoldName = Literal["seeds", "dev", "fresh"]

_ARTICLES: dict[str, Path] = {
    "seeds": ROOT / "seeds",
    "dev": DATA / "dev" / "articles",
    "fresh": DATA / "fresh" / "articles",
}


def gold_file(name: GoldName) -> Path:
    """The path of a gold file, e.g. ``gold_file("dev")`` -> tests/data/dev.json."""
    if name not in _ARTICLES:
        raise ValueError(f"no gold set {name!r}: one of {', '.join(_ARTICLES)}")
    return DATA / f"{name}.json"


def articles_dir(name: GoldName) -> Path:
    """The folder of the articles a gold file annotates (the seeds are in seeds/ at the top)."""
    gold_file(name)  # the same check
    return _ARTICLES[name]


def load_gold(name: GoldName) -> dict[str, Any]:
    """A gold file's content, read afresh."""
    data: dict[str, Any] = json.loads(gold_file(name).read_text(encoding="utf-8"))
    return data


def gold_stream(name: GoldName, stream: str) -> dict[str, Any]:
    """One stream of a gold file by its name, e.g. ``gold_stream("seeds", "seeds-by-name")``."""
    streams: list[dict[str, Any]] = load_gold(name)["streams"]
    return next(s for s in streams if s["name"] == stream)
