"""Quote extraction (placeholder until the quote work lands)."""

from __future__ import annotations

from schemas import Article, Quote

__all__ = ["extract_quotes"]


def extract_quotes(article: Article) -> list[Quote]:
    """Every direct quotation in the article, in text order. Placeholder."""
    return []
