"""A real local news site for the ingest tests: an aiohttp server on loopback serving feeds and pages.

Each path answers as configured: a page or a feed, with conditional GET by ETag or by
Last-Modified (or neither, as some outlets do), a status code, a delay (a slow server), a
body streamed without a length (an oversized page), or any content type. Every request is
recorded with the headers that matter (conditional ones, the User-Agent), so a test asserts
what the outlet saw.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from aiohttp import web

__all__ = ["NewsSite", "Resource", "SeenRequest"]


@dataclass
class Resource:
    """What one path answers."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering (a slow server)
    conditional: str | None = None  # "etag", "last-modified" or None
    stream: bool = False  # sent chunked, without Content-Length
    version: int = 0  # bumped on every change: the ETag and Last-Modified follow it


@dataclass(frozen=True)
class SeenRequest:
    path: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None


@dataclass
class NewsSite:
    """The server; ``base`` is its URL once started."""

    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[SeenRequest] = field(default_factory=list)
    base: str = ""
    _runner: web.AppRunner | None = None

    def put(self, path: str, body: str | bytes, **options: object) -> str:
        """Serve ``body`` at ``path`` (replacing what was there: a new version); its full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        old = self.resources.get(path)
        resource = Resource(data, **options)  # type: ignore[arg-type]
        resource.version = old.version + 1 if old is not None else 0
        self.resources[path] = resource
        return self.url(path)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def seen(self, path: str) -> list[SeenRequest]:
        """The requests made for ``path``, in order."""
        return [r for r in self.requests if r.path == path]

    async def start(self) -> NewsSite:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._answer)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base = f"http://{host}:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        resource = self.resources.get(path)
        status = 404 if resource is None else resource.status
        etag = last_modified = None
        if resource is not None:
            digest = hashlib.sha256(resource.body).hexdigest()[:16]
            if resource.conditional == "etag":
                etag = f'"{digest}-{resource.version}"'
            elif resource.conditional == "last-modified":
                stamp = datetime(2026, 1, 5, 8, 0, tzinfo=UTC).timestamp() + 60 * resource.version
                last_modified = format_datetime(datetime.fromtimestamp(stamp, UTC), usegmt=True)
            if status == 200 and (
                (etag and request.headers.get("If-None-Match") == etag)
                or (last_modified and request.headers.get("If-Modified-Since") == last_modified)
            ):
                status = 304
        self.requests.append(
            SeenRequest(
                path,
                status,
                request.headers.get("If-None-Match"),
                request.headers.get("If-Modified-Since"),
                request.headers.get("User-Agent"),
            )
        )
        if resource is None:
            return web.Response(status=404, text="<html><body><h1>Not found</h1></body></html>")
        if resource.delay:
            await asyncio.sleep(resource.delay)
        headers = {}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if status == 304:
            return web.Response(status=304, headers=headers)
        if resource.stream:
            response = web.StreamResponse(
                status=status, headers={**headers, "Content-Type": resource.content_type}
            )
            await response.prepare(request)
            with contextlib.suppress(ConnectionError):  # the client stopped reading: that is the point
                for start in range(0, len(resource.body), 64 * 1024):
                    await response.write(resource.body[start : start + 64 * 1024])
                await response.write_eof()
            return response
        return web.Response(
            status=status, body=resource.body, headers={**headers, "Content-Type": resource.content_type}
        )
