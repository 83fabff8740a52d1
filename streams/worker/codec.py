"""The wire codec: orjson for speed, pydantic models dumped through their contract shape.

Registered with Faust as ``"contract"`` so topics and tables can name it. Agents read topics as
raw bytes and validate themselves, because a decode error inside Faust's own deserialisation
would drop the record silently instead of dead-lettering it.
"""

from __future__ import annotations

from typing import Any

import orjson
from faust.serializers import codecs
from pydantic import BaseModel

__all__ = ["CODEC_NAME", "ContractCodec", "dumps", "register_codec"]

CODEC_NAME = "contract"


def dumps(obj: Any) -> bytes:
    """Serialise a contract model or plain JSON data with orjson."""
    if isinstance(obj, BaseModel):
        return orjson.dumps(obj.model_dump(mode="json"))
    return orjson.dumps(obj)


class ContractCodec(codecs.Codec):
    """Faust codec: models and plain data to JSON bytes, JSON bytes to plain data."""

    def _dumps(self, obj: Any) -> bytes:
        return dumps(obj)

    def _loads(self, s: bytes) -> Any:
        return orjson.loads(s)


def register_codec() -> None:
    """Make ``value_serializer="contract"`` available to Faust (idempotent)."""
    codecs.register(CODEC_NAME, ContractCodec())
