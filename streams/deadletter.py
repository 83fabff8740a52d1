"""Dead letters: what a rejected record carries to ``articles-dlq``.

Nothing is lost: a record that cannot be decoded, validated or processed is copied byte for
byte, with its original key, to the dead-letter topic. Headers say why, at which stage, and
where it came from, so an operator can fix and replay it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_ERROR_CHARS", "DeadLetter"]

MAX_ERROR_CHARS = 2000


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """Why and where a record was rejected."""

    error: str
    stage: str
    topic: str
    partition: int
    offset: int

    @classmethod
    def from_exception(
        cls, exc: BaseException, *, stage: str, topic: str, partition: int, offset: int
    ) -> DeadLetter:
        """Describe ``exc`` as ``"<ExceptionType>: <message>"``, cut to a sane header size."""
        text = f"{type(exc).__name__}: {exc}"
        if len(text) > MAX_ERROR_CHARS:
            text = text[: MAX_ERROR_CHARS - 1] + "…"
        return cls(error=text, stage=stage, topic=topic, partition=partition, offset=offset)

    def headers(self) -> list[tuple[str, bytes]]:
        """Kafka headers: error, stage, original topic, partition and offset."""
        return [
            ("error", self.error.encode("utf-8", "replace")),
            ("stage", self.stage.encode()),
            ("original-topic", self.topic.encode()),
            ("original-partition", str(self.partition).encode()),
            ("original-offset", str(self.offset).encode()),
        ]

    @classmethod
    def from_headers(cls, headers: list[tuple[str, bytes]] | dict[str, bytes]) -> DeadLetter:
        """Read the headers back (for tools and tests that inspect the dead-letter topic)."""
        h = dict(headers)
        return cls(
            error=h["error"].decode(),
            stage=h["stage"].decode(),
            topic=h["original-topic"].decode(),
            partition=int(h["original-partition"]),
            offset=int(h["original-offset"]),
        )
