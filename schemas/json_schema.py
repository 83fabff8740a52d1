"""JSON Schema documents generated from the models: the published contract for other languages.

``milestones schemas`` writes them beside this module as ``<name>.schema.json``; a test
regenerates them in memory and fails when the checked-in files are stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from schemas._base import WireModel
from schemas.alert import Alert
from schemas.article import Article
from schemas.index_move import IndexMove
from schemas.quote import Quote

__all__ = ["SCHEMA_DIR", "json_schemas", "render_schema"]

SCHEMA_DIR = Path(__file__).parent

_MODELS: dict[str, type[WireModel]] = {
    "article": Article,
    "index-move": IndexMove,
    "quote": Quote,
    "alert": Alert,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema (draft 2020-12) for every contract message."""
    out: dict[str, dict[str, Any]] = {}
    for name, model in _MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"market-milestones/{name}.schema.json"
        out[f"{name}.schema.json"] = schema
    return out


def render_schema(schema: dict[str, Any]) -> bytes:
    """Stable, readable bytes for a schema file (sorted keys, two-space indent, final newline)."""
    return orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
