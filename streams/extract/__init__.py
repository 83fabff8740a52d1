"""Pure extraction core: article text in, contract messages out. No Kafka, no I/O.

    raw text ──normalise_article──▶ Article ──extract_moves──▶ [IndexMove]
                                            └─extract_quotes─▶ [Quote]

``extract_article`` is the one call the Faust agent, ``milestones extract`` and
``milestones backtest`` all make, so offline results equal streaming results.

The modules are compiled with mypyc when installed (``setup.py``); the same source runs as
plain Python with ``MILESTONES_PURE_PYTHON=1`` at install time.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.extract._native_check import check_compiled_sources

check_compiled_sources()  # before any compiled module is imported: stale ones are refused

from schemas import Article, IndexMove, Quote  # noqa: E402
from streams.extract.article import normalise_article  # noqa: E402
from streams.extract.indices import IndexRegistry, load_registry  # noqa: E402
from streams.extract.moves import extract_moves  # noqa: E402
from streams.extract.quotes import extract_quotes  # noqa: E402

__all__ = [
    "Extraction",
    "IndexRegistry",
    "extract_article",
    "extract_moves",
    "extract_quotes",
    "load_registry",
    "normalise_article",
]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one article yields: the article itself, its index moves and its quotes."""

    article: Article
    moves: list[IndexMove]
    quotes: list[Quote]

    def to_dict(self) -> dict[str, object]:
        """The contract's ``milestones extract`` line: {"article", "moves", "quotes"}."""
        return {
            "article": self.article.to_dict(),
            "moves": [m.to_dict() for m in self.moves],
            "quotes": [q.to_dict() for q in self.quotes],
        }


def extract_article(article: Article, registry: IndexRegistry | None = None) -> Extraction:
    """Run move and quote extraction over an already normalised article.

    ``registry`` is the index names to look for: the packaged contract table by default, or one
    extended by configuration (``load_registry(MILESTONES_INDICES_PATH)``).
    """
    return Extraction(article=article, moves=extract_moves(article, registry), quotes=extract_quotes(article))
