"""``POST /articles``: a desk's news system pushes a story; 202 with its article_id once it is on ``articles``.

Accepted bodies:

- ``application/json``: an object with the Article fields: ``body`` (required), ``title``,
  ``source``, ``url``, ``published_at`` (ISO 8601), ``origin``, ``updates``. The article_id is
  always the content id of the text (an ``article_id`` sent along is not used); the text is the
  title above the body, read exactly as replay reads a file, and the fields given win over what
  the text shows.
- ``text/plain``: the story's text, as an article file would hold it.
- ``text/html``: a page; its story is read as for a feed item's page.

Answers (JSON, ``{"article_id": ...}`` or ``{"error": "<one line>"}``): 202 once the broker
acknowledged the record; 400 bad input (not JSON, wrong field type, empty, not UTF-8, no story in
the HTML, not prose); 401 without the right ``Authorization: Bearer <token>``
(``MILESTONES_INGEST_TOKEN``); 413 over 1 MiB (the worker's limit for an article); 415 another
content type; 503 when Kafka stayed away. The token is compared in constant time and never
written anywhere. ``GET /metrics`` (Prometheus) and ``GET /health`` need no token.
"""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

import orjson
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import SecretStr

from schemas import Article
from streams.admission import MAX_ARTICLE_BYTES, RejectedArticle, admit_article
from streams.extract.article import UnreadableArticle, decode_article_bytes
from streams.ingest.delivery import ArticleDelivery
from streams.ingest.events import IngestEvents
from streams.ingest.page_text import NoStoryText, page_story, story_text
from streams.ingest.story_article import iso_published, story_article

__all__ = ["MAX_PUSH_BYTES", "ingest_web_app"]

MAX_PUSH_BYTES = MAX_ARTICLE_BYTES
_STRING_FIELDS = ("title", "source", "url", "published_at", "origin", "updates", "article_id")
_FIELDS = frozenset((*_STRING_FIELDS, "body"))


class _BadPush(Exception):
    """A push refused: the HTTP status and the one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _answer(code: int, **body: Any) -> web.Response:
    return web.Response(status=code, body=orjson.dumps(body), content_type="application/json")


def _check_token(request: web.Request, token: SecretStr) -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise _BadPush(401, "missing bearer token: send 'Authorization: Bearer <MILESTONES_INGEST_TOKEN>'")
    if not hmac.compare_digest(given.strip().encode(), token.get_secret_value().encode()):
        raise _BadPush(401, "wrong bearer token")


def _from_json(data: bytes) -> Article:
    try:
        payload = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise _BadPush(400, f"not valid JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise _BadPush(
            400, f"JSON body must be an object with the Article fields, not {type(payload).__name__}"
        )
    unknown = sorted(set(payload) - _FIELDS)
    if unknown:
        raise _BadPush(
            400,
            f"unknown field(s) {', '.join(map(repr, unknown))}; the Article fields are {', '.join(sorted(_FIELDS))}",
        )
    body = payload.get("body")
    if not isinstance(body, str):
        raise _BadPush(400, "body is missing" if body is None else "body must be a string")
    for name in _STRING_FIELDS:
        value = payload.get(name)
        if value is not None and not isinstance(value, str):
            raise _BadPush(400, f"{name} must be a string or null")
    if not body.strip():
        raise _BadPush(400, "body is empty")
    published_at = payload.get("published_at")
    if published_at is not None:
        try:
            published_at = iso_published(published_at)
        except ValueError as exc:
            raise _BadPush(400, str(exc)) from None
    title = payload.get("title")
    return story_article(
        story_text(title, body),
        origin=payload.get("origin") or payload.get("url"),
        url=payload.get("url"),
        source=payload.get("source"),
        published_at=published_at,
        title=title,
        updates=payload.get("updates"),
    )


def _from_text(data: bytes, charset: str | None) -> Article:
    if not data.strip():
        raise _BadPush(400, "body is empty")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise _BadPush(400, f"cannot decode the text as {charset}: {exc}") from None
    else:
        try:
            text = decode_article_bytes(data, "text")
        except UnreadableArticle as exc:
            raise _BadPush(400, f"text/plain body: {exc.reason}") from None
    return story_article(text, origin=None)


async def _from_html(data: bytes) -> Article:
    if not data.strip():
        raise _BadPush(400, "body is empty")
    try:
        text = await asyncio.to_thread(page_story, data)
    except NoStoryText as exc:
        raise _BadPush(400, f"{exc} (text/html)") from None
    return story_article(text, origin=None)


class _PushHandler:
    def __init__(self, token: SecretStr, delivery: ArticleDelivery, events: IngestEvents) -> None:
        self.token = token
        self.delivery = delivery
        self.events = events

    async def handle(self, request: web.Request) -> web.Response:
        try:
            article = await self._article(request)
            try:
                delivered = await self.delivery.deliver(article, f"push {article.article_id}")
            except Exception as exc:
                raise _BadPush(503, f"Kafka is not reachable, the article was not stored: {exc}") from None
        except _BadPush as bad:
            self.events.pushed(bad.status)
            headers = {"WWW-Authenticate": 'Bearer realm="milestones"'} if bad.status == 401 else None
            response = _answer(bad.status, error=bad.reason)
            if headers:
                response.headers.update(headers)
            return response
        self.events.pushed(202, article)
        return _answer(202, article_id=delivered.article_id)

    async def _article(self, request: web.Request) -> Article:
        _check_token(request, self.token)
        kind = request.content_type.lower()
        if kind not in ("application/json", "text/plain", "text/html"):
            raise _BadPush(
                415,
                f"content type {kind or '(none)'} not accepted: send application/json, text/plain or text/html",
            )
        if request.content_length is not None and request.content_length > MAX_PUSH_BYTES:
            raise _BadPush(413, self._too_large(f"{request.content_length:,} bytes"))
        try:
            data = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise _BadPush(413, self._too_large("more")) from None
        if kind == "application/json":
            article = _from_json(data)
        elif kind == "text/plain":
            article = _from_text(data, request.charset)
        else:
            article = await _from_html(data)
        try:
            admit_article(article.to_json_bytes())  # what the worker would refuse, refused now
        except RejectedArticle as exc:
            raise _BadPush(413 if "limit" in str(exc) else 400, str(exc)) from None
        return article

    @staticmethod
    def _too_large(size: str) -> str:
        return f"body of {size} is larger than the {MAX_PUSH_BYTES:,}-byte limit for an article"


def ingest_web_app(
    events: IngestEvents,
    *,
    push: tuple[SecretStr, ArticleDelivery] | None = None,
) -> web.Application:
    """The ingest web server: ``/metrics`` and ``/health``, and ``POST /articles`` when ``push`` is given."""
    app = web.Application(client_max_size=MAX_PUSH_BYTES)

    async def metrics(_request: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(events.metrics.registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def health(_request: web.Request) -> web.Response:
        return _answer(200, status="ok")

    app.router.add_get("/metrics", metrics)
    app.router.add_get("/health", health)
    if push is not None:
        token, delivery = push
        app.router.add_post("/articles", _PushHandler(token, delivery, events).handle)
    return app
