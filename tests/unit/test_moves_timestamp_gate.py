"""The substring search for a glued time stamp finds what _GLUED_AGO finds."""

from __future__ import annotations

from pathlib import Path

from streams.extract.moves import _GLUED_AGO, _glued_ago

_ARTICLES = sorted(Path(__file__).parents[1].joinpath("data", "dev", "articles").glob("*.txt"))


def test_glued_ago_is_the_regex() -> None:
    texts = [p.read_text(encoding="utf-8") for p in _ARTICLES]
    texts += ["", "ago", "agoX", "4d agoFTSE 100", "a long time ago. Then", "agago9", "ago\nX", "agoé", "agoago1",
              "two days agoa", "ago_", "AGOX", "ago ago Z", "ago" * 5 + "7"]  # fmt: skip
    for text in texts:
        assert _glued_ago(text) == (_GLUED_AGO.search(text) is not None), text
