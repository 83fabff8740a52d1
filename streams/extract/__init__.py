"""Pure extraction core: article text in, contract messages out. No Kafka, no I/O.

    raw text ──normalise_article──▶ Article ──extract_moves──▶ [IndexMove]
                                            └─extract_quotes─▶ [Quote]

``extract_article`` is the one call the Faust agent, ``milestones extract`` and
``milestones backtest`` all make, so offline results equal streaming results.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import Article, IndexMove, Quote
from streams.extract.article import normalise_article
from streams.extract.indices import IndexRegistry, load_registry
from streams.extract.moves import extract_moves
from streams.extract.quotes import extract_quotes

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
