"""A news page's story as plain text: the headline, then the article's own paragraphs.

Why trafilatura: a live page holds the story among navigation, cookie banners, ads, share
buttons, "most read" lists, newsletter boxes and scripts, and every outlet lays its pages out
differently. trafilatura is a kept, widely used main-text extractor (Apache-2.0) that scores the
page's blocks by text density and structure and falls back to readability and jusText on pages
where its own rules find too little: no per-site rules to write or keep. Measured on the dev
articles dressed as such pages (``bench/page_extraction.py``), the text it gives yields the
same index moves and quotes as the plain files.

Pure: HTML in, text out; no network here (the pages are fetched by ``streams.ingest.http_fetch``).
"""

from __future__ import annotations

import trafilatura

__all__ = ["MIN_STORY_WORDS", "NoStoryText", "page_story", "story_text"]

#: Fewer words than this in the main text, and the page is no story (a login wall, a menu, a
#: photo page). A one-sentence flash under its headline still has more.
MIN_STORY_WORDS = 10


class NoStoryText(ValueError):
    """The page holds no article text that could be told apart from its furniture."""


def story_text(headline: str | None, body: str) -> str:
    """The story as one text: the headline on its own line above the body, unless the body starts with it.

    Why the headline: it is the story's first sentence for the extractor ("FTSE 100 breaks
    through 9,000 barrier" is a move), and article files start with it too.
    """
    body = body.strip()
    headline = " ".join((headline or "").split())
    if not headline or " ".join(body[: len(headline) + 20].split()).startswith(headline):
        return body
    return f"{headline}\n\n{body}"


def page_story(html: str | bytes, url: str | None = None) -> str:
    """The story's text from a page's HTML: headline and main text, furniture left out.

    Raises :class:`NoStoryText` when the extractor finds no main text (an empty page, a page of
    links, a login wall).
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the story
        include_tables=True,  # market tables carry index levels
        include_links=False,
        include_images=False,
        deduplicate=False,  # a headline repeated in a summary box is the outlet's text: keep it
    )
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not body:
        raise NoStoryText("no article text found in the page")
    words = len(body.split())
    if words < MIN_STORY_WORDS:  # the extractor's fallbacks keep whatever there is: a menu, a caption
        raise NoStoryText(f"no article text found in the page (only {words} word(s) outside its furniture)")
    return story_text(getattr(document, "title", None), body)
