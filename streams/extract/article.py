"""Article normalisation (placeholder until the article-normalisation work lands)."""

from __future__ import annotations

import hashlib

from schemas import Article

__all__ = ["normalise_article"]


def normalise_article(raw: str, origin: str | None = None) -> Article:
    """Turn raw article text into an Article. Placeholder: no cleaning yet."""
    text = raw.strip()
    article_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(article_id=article_id, origin=origin, body=text)
