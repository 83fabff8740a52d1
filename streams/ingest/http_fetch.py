"""Fetching feeds and pages politely, with every way it can fail turned into one reason a person can read.

Polite: a User-Agent that says who is asking, conditional GETs (``If-None-Match`` /
``If-Modified-Since``) so an unchanged feed costs the outlet a 304 and nothing more, and a
size limit read as the bytes arrive, so an endless or huge response is cut off instead of
filling memory.

Every failure is a :class:`FetchFailed` with the URL, a short ``kind`` (a metric label) and a
reason: ``timed out after 20 s``, ``HTTP 404 Not Found``, ``larger than the 5,000,000-byte
limit``, ``not HTML (content type image/png)``, ``cannot connect (...)``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import aiohttp

__all__ = ["USER_AGENT", "FetchFailed", "Fetched", "Fetcher"]


def _our_version() -> str:
    try:
        return version("market-milestones")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"market-milestones/{_our_version()} (news ingest; polls feeds politely, conditional GET)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024


class FetchFailed(Exception):
    """A feed or page could not be had: ``url``, ``kind`` (timeout, http_status, too_large, ...) and ``reason``."""

    def __init__(self, url: str, kind: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """A 200 answer: the body and what is needed to ask again conditionally."""

    url: str
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    seconds: float


class Fetcher:
    """GETs with a timeout, a size limit and the polite headers, over one aiohttp session."""

    def __init__(
        self, session: aiohttp.ClientSession, *, timeout: float, max_bytes: int, user_agent: str = USER_AGENT
    ) -> None:
        self.session = session
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent

    async def feed(self, url: str, *, etag: str | None, last_modified: str | None) -> Fetched | None:
        """The feed's bytes, or None when the server says it has not changed (304)."""
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._get(url, headers)

    async def page(self, url: str) -> Fetched:
        """An article page's HTML; anything that is not HTML is a failure."""
        fetched = await self._get(url, {"Accept": "text/html, application/xhtml+xml;q=0.9"})
        assert fetched is not None  # no conditional headers were sent, so no 304
        if fetched.content_type and fetched.content_type not in _HTML_TYPES:
            raise FetchFailed(url, "not_html", f"not HTML (content type {fetched.content_type})")
        if not fetched.content_type and not fetched.body.lstrip()[:1] == b"<":
            raise FetchFailed(url, "not_html", "not HTML (no content type, and the body is not markup)")
        return fetched

    async def _get(self, url: str, headers: dict[str, str]) -> Fetched | None:
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout):
                return await self._get_within_timeout(
                    url, {"User-Agent": self.user_agent, **headers}, started
                )
        except TimeoutError:
            raise FetchFailed(url, "timeout", f"timed out after {self.timeout:g} s") from None
        except aiohttp.ClientConnectorError as exc:
            raise FetchFailed(url, "connect", f"cannot connect ({exc.os_error or exc})") from None
        except aiohttp.TooManyRedirects:
            raise FetchFailed(url, "http_status", "too many redirects") from None
        except aiohttp.ClientError as exc:
            raise FetchFailed(url, "connect", f"{type(exc).__name__}: {exc}".rstrip(": ")) from None

    async def _get_within_timeout(self, url: str, headers: dict[str, str], started: float) -> Fetched | None:
        async with self.session.get(url, headers=headers, allow_redirects=True, max_redirects=5) as response:
            if response.status == 304:
                return None
            if response.status != 200:
                raise FetchFailed(
                    url, "http_status", f"HTTP {response.status} {response.reason or ''}".strip()
                )
            declared = response.content_length
            if declared is not None and declared > self.max_bytes:
                raise FetchFailed(url, "too_large", self._too_large(f"{declared:,} bytes declared"))
            body = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchFailed(
                        url, "too_large", self._too_large(f"more than {self.max_bytes:,} bytes sent")
                    )
            return Fetched(
                url=str(response.url),
                body=bytes(body),
                content_type=(response.content_type or "").lower()
                if "Content-Type" in response.headers
                else "",
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
                seconds=time.monotonic() - started,
            )

    def _too_large(self, what: str) -> str:
        return f"larger than the {self.max_bytes:,}-byte limit ({what})"
