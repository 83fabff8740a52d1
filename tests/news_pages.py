"""Dev articles dressed as real news pages, and RSS/Atom feeds that list them, for the ingest tests.

Why: ``milestones ingest`` reads live pages, where the story sits among navigation, cookie
banners, ads, share buttons, "most read" lists, newsletter boxes and scripts. The tests and the
extraction measurement (``bench/page_extraction.py``) need such pages with a known text inside,
so each plain dev article becomes one page: its first line the ``<h1>`` when the plain text has a
headline, every other line a paragraph, with an ad slot and a related-stories box in the middle
of the story, as outlets place them, and the stored page's date stamp (`` date 2025-11-12`` at
the start of some dev files) in the byline's ``<time>``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime

from streams.extract.article import normalise_article

__all__ = ["NEUTRAL_HEADLINE", "FeedEntry", "atom_feed", "feed_time", "news_page", "rss_feed"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


_HEAD_SCRIPTS = """
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date()); gtag('config', 'G-XXXX', {'anonymize_ip': true});
  var adSlots = ["top-banner", "mid-article", "sidebar"]; // Advertisement slots
</script>
<style>
  .cookie-banner{position:fixed;bottom:0} .ad-slot{min-height:250px} nav ul{display:flex}
</style>
"""

_SITE_HEADER = """
<div class="cookie-banner" role="dialog">
  <p>We use cookies to improve your experience and to show you personalised advertising.
  By continuing to browse you agree to our use of cookies.</p>
  <button>Accept all</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{outlet}</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li>
      <li><a href="/business">Business</a></li><li><a href="/world">World</a></li>
      <li><a href="/opinion">Opinion</a></li><li><a href="/tech">Technology</a></li>
      <li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li>
    </ul>
  </nav>
  <div class="ticker">Markets: Oil 0.4% | Gold -0.2% | EUR/USD 1.08 | Bitcoin 2.1%</div>
</header>
<div class="ad-slot" id="top-banner"><span>Advertisement</span>
  <a href="https://ads.example/click?id=1">Open a trading account today: zero commission on US shares</a></div>
"""

_MID_ARTICLE = """
<div class="ad-slot" id="mid-article"><span>Advertisement</span>
  <script>googletag.cmd.push(function(){googletag.display('mid-article');});</script></div>
<aside class="related"><h4>Related stories</h4><ul>
  <li><a href="/markets/oil-slips">Oil slips as demand worries return</a></li>
  <li><a href="/markets/yen-weakens">Yen weakens past 150 per dollar</a></li>
</ul></aside>
"""

_SITE_FOOTER = """
<div class="share"><a href="#">Share on X</a> <a href="#">Share on LinkedIn</a> <a href="#">Email</a></div>
<section class="newsletter"><h3>Get the markets briefing</h3>
  <p>Sign up for our free daily newsletter and never miss a move.</p>
  <form><input type="email" placeholder="Your email"><button>Sign up</button></form></section>
<aside class="most-read"><h3>Most read</h3><ol>
  <li><a href="/a/1">Five things to watch in markets this week</a></li>
  <li><a href="/a/2">Central bank holds rates, signals patience</a></li>
  <li><a href="/a/3">Tech shares slide after earnings miss</a></li>
</ol></aside>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
  <li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
  <p>© 2026 {outlet} Media Ltd. All rights reserved.</p>
</footer>
<script>
  (function(){var s=document.createElement('script');s.src='/static/app.js';document.body.appendChild(s);})();
  window.addEventListener('load', function(){ console.log('page ready'); });
</script>
<noscript><img src="https://pixel.example/track.gif" alt=""></noscript>
"""


#: The date stamp some stored dev pages carry at the very start (" date 2025-11-12 The Stoxx ...").
_PAGE_STAMP = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})\s+")

#: The headline of a page whose plain text starts straight into prose (it names no index).
NEUTRAL_HEADLINE = "The latest from our markets desk"


def news_page(text: str, outlet: str = "Market Daily") -> str:
    """One plain article as a news page: its headline in ``<h1>``, every other line a paragraph.

    A plain text without a headline gets :data:`NEUTRAL_HEADLINE`: every real page has one.
    """
    stamp = _PAGE_STAMP.match(text)
    if stamp:  # the stored page's date stamp: on a live page it is the byline's <time>
        text = text[stamp.end() :]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    own = normalise_article(text).title
    headline = lines[0] if lines and own == lines[0] else NEUTRAL_HEADLINE
    paragraphs = lines[1:] if headline == own else lines
    middle = max(1, len(paragraphs) // 2)
    story = [f"<p>{_e(p)}</p>" for p in paragraphs[:middle]]
    story.append(_MID_ARTICLE)
    story += [f"<p>{_e(p)}</p>" for p in paragraphs[middle:]]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{_e(headline)} | {_e(outlet)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta property="og:site_name" content="{_e(outlet)}">',
            _HEAD_SCRIPTS,
            "</head><body>",
            _SITE_HEADER.replace("{outlet}", _e(outlet)),
            '<main id="content"><article class="story">',
            f'<h1 class="headline">{_e(headline)}</h1>',
            '<div class="byline">By Staff Reporter'
            + (f' <time datetime="{stamp.group(1)}">{stamp.group(1)}</time>' if stamp else "")
            + "</div>",
            '<div class="story-body">',
            *story,
            "</div></article></main>",
            _SITE_FOOTER.replace("{outlet}", _e(outlet)),
            "</body></html>",
        ]
    )


def feed_time(published_at: str | None) -> datetime | None:
    """The feed's pubDate for an article: the date its text shows (noon UTC for a bare date), else none.

    Why none for an undated text: a feed date where the file has none would give the ingested
    article a date that ``backtest`` over the file does not have, and dates decide stale news
    (rule 3): the two runs would then rightly differ.
    """
    if published_at is None:
        return None
    if len(published_at) == 10:
        day = date.fromisoformat(published_at)
        return datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)
    value = datetime.fromisoformat(published_at)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class FeedEntry:
    """One feed item: its id, title, link and (optionally) publication time."""

    guid: str
    title: str
    link: str
    published: datetime | None = None
    summary: str = ""


def rss_feed(title: str, site: str, entries: Sequence[FeedEntry]) -> str:
    """An RSS 2.0 document listing ``entries`` in the order given (newest first, as feeds do)."""
    items = []
    for entry in entries:
        date = f"<pubDate>{format_datetime(entry.published)}</pubDate>" if entry.published else ""
        items.append(
            f"<item><title>{_e(entry.title)}</title><link>{_e(entry.link)}</link>"
            f'<guid isPermaLink="false">{_e(entry.guid)}</guid>{date}'
            f"<description>{_e(entry.summary)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{_e(title)}</title><link>{_e(site)}</link><description>{_e(title)} news</description>"
        f"<language>en</language>{''.join(items)}</channel></rss>"
    )


def atom_feed(title: str, site: str, entries: Sequence[FeedEntry], updated: datetime) -> str:
    """An Atom 1.0 document; ``published`` only for entries that have a publication time."""
    items = []
    for entry in entries:
        published = f"<published>{entry.published.isoformat()}</published>" if entry.published else ""
        items.append(
            f'<entry><title>{_e(entry.title)}</title><link rel="alternate" href="{_e(entry.link)}"/>'
            f"<id>{_e(entry.guid)}</id><updated>{updated.isoformat()}</updated>{published}"
            f"<summary>{_e(entry.summary)}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>{_e(title)}</title><link href="{_e(site)}"/><id>{_e(site)}</id>'
        f"<updated>{updated.isoformat()}</updated>{''.join(items)}</feed>"
    )
