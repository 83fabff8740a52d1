"""The feeds to poll: URLs from the command line or a TOML feeds file, checked before anything runs.

A feeds file::

    interval = 300               # seconds between two polls of a feed (default 300)
    timeout = 20                 # seconds for one request, feed or page (default 20)
    max_page_bytes = 5_000_000   # a larger page (or feed) is refused (default 5,000,000)
    user_agent = "DeskNews/1.0 (+mailto:news-desk@example.com)"   # default: market-milestones/VERSION (...)

    [[feed]]
    url = "https://www.example.com/markets/rss"
    source = "Example News"      # the publisher shown as the articles' source (default: from the link)

    [[feed]]
    url = "https://news.example.org/atom.xml"
    interval = 60                # this feed more often

A mistake (unknown key, a URL that is not http(s), an interval of 0) stops the command before it
starts, with the file and the entry named: one line, not a traceback.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from streams.failures import CommandFailed

__all__ = ["FeedSource", "FeedsConfig", "FeedsFileError", "feeds_from_urls", "load_feeds_file"]

DEFAULT_INTERVAL_S = 300.0
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_PAGE_BYTES = 5_000_000


class FeedsFileError(CommandFailed, ValueError):
    """The feeds file (or a feed URL) is not usable; the message names it and says why."""


def _http_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value.strip()


class FeedSource(BaseModel):
    """One feed: where it is, whose it is, how often to poll it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str
    source: str | None = Field(default=None, description="Publisher name for the articles' source.")
    interval: float | None = Field(default=None, gt=0, description="Seconds between polls of this feed.")

    @field_validator("url")
    @classmethod
    def _url_is_http(cls, value: str) -> str:
        return _http_url(value)


class FeedsConfig(BaseModel):
    """Every feed and the limits that apply to all of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interval: float = Field(default=DEFAULT_INTERVAL_S, gt=0)
    timeout: float = Field(default=DEFAULT_TIMEOUT_S, gt=0)
    max_page_bytes: int = Field(default=DEFAULT_MAX_PAGE_BYTES, gt=0)
    user_agent: str | None = Field(default=None, min_length=1, description="Who is asking, with a contact.")
    feed: list[FeedSource] = Field(default_factory=list)

    def interval_of(self, feed: FeedSource) -> float:
        """The feed's own interval, else the file's."""
        return feed.interval if feed.interval is not None else self.interval


def _one_line(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def load_feeds_file(path: Path) -> FeedsConfig:
    """Read and check a TOML feeds file; raise :class:`FeedsFileError` naming the file and the entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FeedsFileError(f"feeds file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FeedsFileError(f"feeds file {path}: not valid TOML ({exc})") from None
    try:
        config = FeedsConfig.model_validate(data)
    except ValidationError as exc:
        raise FeedsFileError(f"feeds file {path}: {_one_line(exc)}") from None
    if not config.feed:
        raise FeedsFileError(f"feeds file {path}: no [[feed]] entry")
    return config


def feeds_from_urls(urls: list[str], base: FeedsConfig | None = None) -> FeedsConfig:
    """Feed URLs from the command line added to ``base`` (a feeds file, or the defaults)."""
    base = base or FeedsConfig()
    feeds = list(base.feed)
    for url in urls:
        try:
            feeds.append(FeedSource(url=url))
        except ValidationError as exc:
            raise FeedsFileError(f"feed {url}: {_one_line(exc).removeprefix('url: ')}") from None
    unique = list({feed.url: feed for feed in feeds}.values())
    return base.model_copy(update={"feed": unique})
