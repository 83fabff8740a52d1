"""The base every wire message shares: strict validation and orjson on the wire.

Why strict: a desk acts on these numbers, so a string "1.2" where a number belongs, or an
unknown ``direction``, must be rejected at the edge (and dead-lettered) rather than coerced.
Unknown extra fields are ignored so that producers may add fields (the contract allows it).
"""

from __future__ import annotations

from typing import Any, Self

import orjson
from pydantic import BaseModel, ConfigDict

__all__ = ["WireModel"]


class WireModel(BaseModel):
    """A contract message: immutable, strictly typed, serialised with orjson."""

    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")

    def to_json_bytes(self) -> bytes:
        """The message as compact JSON bytes, exactly what goes on a Kafka topic."""
        return orjson.dumps(self.model_dump(mode="json"))

    def to_dict(self) -> dict[str, Any]:
        """The message as plain JSON-compatible data."""
        return self.model_dump(mode="json")

    @classmethod
    def from_json_bytes(cls, data: bytes | str) -> Self:
        """Parse and validate JSON bytes; raises ``pydantic.ValidationError`` or ``orjson.JSONDecodeError``."""
        return cls.model_validate(orjson.loads(data))
