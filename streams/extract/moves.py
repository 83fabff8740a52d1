"""Index-move extraction (placeholder until the index-move work lands)."""

from __future__ import annotations

from schemas import Article, IndexMove

__all__ = ["extract_moves"]


def extract_moves(article: Article) -> list[IndexMove]:
    """Every statement about a named index in the article, in text order. Placeholder."""
    return []
