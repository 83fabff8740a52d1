"""Dead letters: what a rejected record carries to ``articles-dlq``.

Nothing is lost: a record that cannot be decoded, validated or processed is copied byte for
byte, with its original key, to the dead-letter topic. Headers say why, at which stage, which
fields, and where it came from, so an operator can fix and replay it.

The reason never quotes the record. Articles may carry what their sender did not mean to
publish, and the headers and the worker's log lines travel further than the record itself
(log shipping, dashboards). Exception messages often quote their input (pydantic's
``input_value=...``, a decoder's bad bytes, a ``ValueError`` built from a sentence), so the
reason is rebuilt from what an exception says about *where* and *what kind*, never *what*:

- a validation error: each failing field's path and pydantic's message for it (its input left
  out), e.g. ``ValidationError: body: Field required; published_at: Input should be a valid string``;
- our own rejections (``RejectedArticle``) and JSON decode errors: their message, which gives
  sizes and positions only;
- a text decoding error: the codec, the reason and the byte position;
- anything else (a bug in extraction): the exception type and where it was raised.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import orjson
from pydantic import ValidationError

from streams.admission import RejectedArticle

__all__ = ["MAX_ERROR_CHARS", "DeadLetter", "describe_error"]

MAX_ERROR_CHARS = 2000


def _field_path(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(record)"


def describe_error(exc: BaseException) -> tuple[str, list[str]]:
    """A reason for ``exc`` that quotes nothing of the record, and the field paths it concerns."""
    kind = type(exc).__name__
    if isinstance(exc, ValidationError):
        problems = exc.errors(include_url=False, include_input=False, include_context=False)
        fields = [_field_path(p["loc"]) for p in problems]
        details = "; ".join(f"{field}: {p['msg']}" for field, p in zip(fields, problems, strict=True))
        return f"{kind}: {details}", fields
    if isinstance(exc, RejectedArticle | orjson.JSONDecodeError):
        return f"{kind}: {exc}", []
    if isinstance(exc, UnicodeDecodeError):
        return f"{kind}: {exc.encoding} cannot decode byte at position {exc.start}: {exc.reason}", []
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" raised at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{kind}{where} (message withheld: it may quote the record)", []


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """Why and where a record was rejected."""

    error: str
    stage: str
    topic: str
    partition: int
    offset: int
    fields: tuple[str, ...] = ()

    @classmethod
    def from_exception(
        cls, exc: BaseException, *, stage: str, topic: str, partition: int, offset: int
    ) -> DeadLetter:
        """Describe ``exc`` without quoting the record (``describe_error``), cut to a sane header size."""
        text, fields = describe_error(exc)
        if len(text) > MAX_ERROR_CHARS:
            text = text[: MAX_ERROR_CHARS - 1] + "…"
        return cls(
            error=text, stage=stage, topic=topic, partition=partition, offset=offset, fields=tuple(fields)
        )

    def headers(self) -> list[tuple[str, bytes]]:
        """Kafka headers: error, stage, the failing fields (when known), original topic, partition, offset."""
        headers = [
            ("error", self.error.encode("utf-8", "replace")),
            ("stage", self.stage.encode()),
            ("original-topic", self.topic.encode()),
            ("original-partition", str(self.partition).encode()),
            ("original-offset", str(self.offset).encode()),
        ]
        if self.fields:
            headers.append(("error-fields", ",".join(self.fields).encode()))
        return headers

    @classmethod
    def from_headers(cls, headers: list[tuple[str, bytes]] | dict[str, bytes]) -> DeadLetter:
        """Read the headers back (for tools and tests that inspect the dead-letter topic)."""
        h = dict(headers)
        fields = h.get("error-fields")
        return cls(
            error=h["error"].decode(),
            stage=h["stage"].decode(),
            topic=h["original-topic"].decode(),
            partition=int(h["original-partition"]),
            offset=int(h["original-offset"]),
            fields=tuple(fields.decode().split(",")) if fields else (),
        )
