"""The wire contract: strict validation, JSON round trips, and checked-in JSON Schemas that are fresh."""

from __future__ import annotations

import orjson
import pytest
from pydantic import ValidationError

from schemas import Alert, Article, IndexMove, Quote
from schemas.json_schema import SCHEMA_DIR, json_schemas, render_schema

MOVE = {
    "article_id": "a1",
    "sentence": "The Nikkei rose 1.2% to 40,100.",
    "index": "NIKKEI225",
    "direction": "up",
    "change_pct": 1.2,
    "change_points": None,
    "level": 40100,
    "approximate": False,
    "intraday": False,
    "record_high": False,
    "first_time": False,
    "milestone": None,
    "futures": False,
}

ALERT = {
    "alert_id": "x1",
    "kind": "milestone",
    "index": "NIKKEI225",
    "direction": "up",
    "milestone": 50000,
    "level": None,
    "first_time": True,
    "article_id": "a1",
    "published_at": "2025-10-27",
    "sentence": "The Nikkei topped 50,000 for the first time.",
}


def test_move_round_trips_through_json_bytes() -> None:
    move = IndexMove.model_validate(MOVE)
    again = IndexMove.from_json_bytes(move.to_json_bytes())
    assert again == move
    assert orjson.loads(move.to_json_bytes())["level"] == 40100


@pytest.mark.parametrize("direction", ["sideways", "UP", "", 1])
def test_unknown_direction_is_rejected(direction: object) -> None:
    with pytest.raises(ValidationError):
        IndexMove.model_validate({**MOVE, "direction": direction})


@pytest.mark.parametrize("field,value", [("change_pct", "1.2"), ("level", "40,100"), ("milestone", True)])
def test_numbers_must_be_numbers(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        IndexMove.model_validate({**MOVE, field: value})


def test_alert_kind_is_milestone_or_record() -> None:
    Alert.model_validate(ALERT)
    Alert.model_validate({**ALERT, "kind": "record", "milestone": None, "level": 45055.38})
    with pytest.raises(ValidationError):
        Alert.model_validate({**ALERT, "kind": "crossing"})
    with pytest.raises(ValidationError):
        Alert.model_validate({**ALERT, "direction": "flat"})


def test_article_needs_an_id_and_a_body() -> None:
    with pytest.raises(ValidationError):
        Article.model_validate({"article_id": "", "body": "x"})
    with pytest.raises(ValidationError):
        Article.model_validate({"article_id": "a"})
    art = Article.model_validate({"article_id": "a", "body": "text", "future_field": 1})
    assert art.origin is None and art.published_at is None


def test_quote_defaults() -> None:
    q = Quote.model_validate({"article_id": "a", "text": "It is big"})
    assert q.speaker is None and q.speaker_title is None and q.partial is False


def test_invalid_json_bytes_raise() -> None:
    with pytest.raises(orjson.JSONDecodeError):
        Article.from_json_bytes(b"{not json")


def test_checked_in_json_schemas_are_fresh() -> None:
    """Fails when a model changed and `milestones schemas` was not run."""
    for name, schema in json_schemas().items():
        path = SCHEMA_DIR / name
        assert path.is_file(), f"{name} missing: run `milestones schemas`"
        assert path.read_bytes() == render_schema(schema), f"{name} is stale: run `milestones schemas`"


def test_json_schema_names_every_contract_field() -> None:
    schemas = json_schemas()
    move_fields = set(schemas["index-move.schema.json"]["properties"])
    assert set(MOVE) <= move_fields
    assert set(ALERT) <= set(schemas["alert.schema.json"]["properties"])
    kind = schemas["alert.schema.json"]["properties"]["kind"]
    assert set(kind["enum"]) == {"milestone", "record"}
