"""The live page over HTTP: the page, its script, a JSON snapshot and server-sent events.

    GET /live          the page: plain HTML, no external assets (works offline)
    GET /live/live.js  its script
    GET /live/state    the snapshot as JSON (503, with the reason, while the window is being read)
    GET /live/events   server-sent events: ``status`` while loading, then one ``snapshot``,
                       then ``alert``, ``move`` and ``article`` as the topics bring them

Plain aiohttp handlers, so the worker's web server (Faust's, aiohttp too: ``add_to_faust``) and
``milestones page`` (``page_application``) serve exactly the same thing. Why server-sent events:
one direction (server to page), plain HTTP, and the browser's ``EventSource`` reconnects by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

import orjson
from aiohttp import web

from streams.page.live_page import LivePage

__all__ = ["add_to_faust", "page_application", "page_routes"]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

KEEPALIVE_SECONDS = 15.0
STATUS_SECONDS = 2.0
NO_CACHE = {"Cache-Control": "no-cache"}


def _static(name: str) -> bytes:
    return resources.files("streams.page").joinpath("static", name).read_bytes()


def _sse(event: str, data: bytes) -> bytes:
    return b"event: " + event.encode() + b"\ndata: " + data + b"\n\n"


def page_routes(page: LivePage) -> dict[str, Handler]:
    """The page's paths and their handlers; asking for any of them starts the page's feed."""
    html = _static("live.html")
    script = _static("live.js")

    async def live_page(request: web.Request) -> web.StreamResponse:
        page.start()
        return web.Response(body=html, content_type="text/html", charset="utf-8", headers=NO_CACHE)

    async def live_script(request: web.Request) -> web.StreamResponse:
        return web.Response(body=script, content_type="text/javascript", charset="utf-8", headers=NO_CACHE)

    async def live_state(request: web.Request) -> web.StreamResponse:
        page.start()
        if not page.loaded.is_set() or page.closed:
            body = {"loaded": False, "status": page.status}
            return web.Response(body=orjson.dumps(body), status=503, content_type="application/json")
        return web.Response(body=orjson.dumps(page.history.snapshot()), content_type="application/json")

    async def live_events(request: web.Request) -> web.StreamResponse:
        page.start()
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no", **NO_CACHE}
        )
        await response.prepare(request)
        queue = None
        try:
            await response.write(b"retry: 2000\n\n")
            while not page.loaded.is_set():
                await response.write(_sse("status", orjson.dumps({"status": page.status})))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(page.loaded.wait(), STATUS_SECONDS)
            if page.closed:
                return response
            queue = page.subscribe()  # subscribe and take the snapshot with no await between: no gap
            await response.write(_sse("snapshot", orjson.dumps(page.history.snapshot())))
            while True:
                try:
                    item = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    await response.write(b": keepalive\n\n")
                    continue
                if item is None:
                    break
                await response.write(_sse(*item))
        except ConnectionResetError:
            pass  # the page went away
        finally:
            if queue is not None:
                page.unsubscribe(queue)
        return response

    return {
        "/live": live_page,
        "/live/live.js": live_script,
        "/live/state": live_state,
        "/live/events": live_events,
    }


def add_to_faust(app: Any, page: LivePage) -> None:
    """Serve the page on a Faust app's web server (the worker's port)."""
    for path, handler in page_routes(page).items():
        app.page(path)(_faust_view(handler))


def _faust_view(handler: Handler) -> Callable[[Any, web.Request], Awaitable[web.StreamResponse]]:
    """A Faust view function (``self, request``) around a plain aiohttp handler."""

    async def view(self: Any, request: web.Request) -> web.StreamResponse:
        return await handler(request)

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return view


def page_application(page: LivePage) -> web.Application:
    """An aiohttp application serving the page alone (``milestones page``); ``/`` leads to it."""
    application = web.Application()

    async def root(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound("/live")

    application.router.add_get("/", root)
    for path, handler in page_routes(page).items():
        application.router.add_get(path, handler)
    return application
