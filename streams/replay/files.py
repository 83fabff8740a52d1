"""Article files on disk → Articles, with every unreadable file reported by name and reason.

Shared by ``milestones replay``, ``extract`` and ``backtest`` so that all three read a folder
the same way: folders expand to their files sorted by name, hidden files are ignored, and a
file that is empty, binary or not UTF-8 is skipped with a reason instead of stopping the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from schemas import Article
from streams.alerting import order_by_published
from streams.extract.article import UnreadableArticle, decode_article_bytes, normalise_article

__all__ = ["ArticleFile", "SkippedFile", "expand_paths", "load_articles", "order_articles"]


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """A file read and normalised into an Article."""

    path: Path
    article: Article
    size: int


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file that could not be turned into an Article, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | SkippedFile]:
    """Files as given; folders as their visible files in name order; missing paths as skips."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield SkippedFile(path, "not a regular file")
        else:
            yield SkippedFile(path, "no such file or folder")


def load_articles(paths: Iterable[str | Path]) -> Iterator[ArticleFile | SkippedFile]:
    """Read every file under ``paths`` into an Article, or a SkippedFile saying why not."""
    for item in expand_paths(paths):
        if isinstance(item, SkippedFile):
            yield item
            continue
        try:
            data = item.read_bytes()
        except OSError as exc:
            yield SkippedFile(item, f"cannot read: {exc.strerror or exc}")
            continue
        try:
            text = decode_article_bytes(data, item.name)
        except UnreadableArticle as exc:
            yield SkippedFile(item, exc.reason)
            continue
        yield ArticleFile(item, normalise_article(text, origin=item.name), len(data))


def order_articles(files: Sequence[ArticleFile], order: str) -> list[ArticleFile]:
    """``name``: as given (folders already name-sorted); ``published``: by the day of published_at,
    undated last, otherwise in the given order (``streams.alerting.order_by_published``).
    """
    if order == "name":
        return list(files)
    if order == "published":
        return order_by_published(files, lambda f: f.article.published_at)
    raise ValueError(f"unknown order {order!r}: use 'name' or 'published'")
