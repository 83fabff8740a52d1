"""Publisher and own-link detection for a raw article text.

Why a small, explicit rule list instead of guessing: the contract's ``source`` is "the
publisher" (e.g. "CNBC", "Investing.com", "Reuters"), and a wrong publisher is worse than
null. So we only name a publisher when the text carries an unmistakable marker, checked in
this order (first hit wins):

1. The article's own link (``Source: https://...``): the site that served the page.
2. A site's own marker in the text: ``Investing.com--`` / ``Investing.com -`` (Investing.com
   writes it at the start of its copy), "This is CNBC's live blog", "CNBC's X contributed to
   this report".
3. A wire or agency dateline: ``(Reuters)``, ``(AP)``, ``(CNA)``, ``(ANSA)``, ... and the Dow
   Jones footer ``(END) Dow Jones Newswires``, ``Source: Sharecast``.
4. A ``© Reuters`` style credit.

Rule 2 before rule 3/4 is deliberate: when Investing.com republishes Reuters copy (seed 004
has both ``© Reuters.`` and ``Investing.com--``) the publisher of the page is Investing.com.
Aggregators that only show their name in navigation (financetom) are not recognised, so their
Reuters copy is credited to Reuters by its dateline.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from streams.extract.line_patterns import LinePattern

__all__ = ["detect_source", "find_url"]

# Known hosts -> publisher names as the contract spells them; other hosts give their bare host name.
_HOST_PUBLISHERS: Final[dict[str, str]] = {
    "investing.com": "Investing.com",
    "cnbc.com": "CNBC",
    "reuters.com": "Reuters",
    "bloomberg.com": "Bloomberg",
    "apnews.com": "AP",
    "ap.org": "AP",
    "marketwatch.com": "MarketWatch",
    "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times",
    "cnn.com": "CNN",
    "money.cnn.com": "CNNMoney",
    "finance.yahoo.com": "Yahoo Finance",
    "scmp.com": "South China Morning Post",
    "focustaiwan.tw": "Focus Taiwan",
    "straitstimes.com": "The Straits Times",
    "businesstimes.com.sg": "The Business Times",
    "ndtvprofit.com": "NDTV Profit",
    "globaltimes.cn": "Global Times",
    "ansa.it": "ANSA",
    "marketscreener.com": "MarketScreener",
}

# A URL standing alone after a "Source:"-like label, possibly on the next line (seed 002: "Source :\nhttps://...").
_LABELLED_URL: Final = LinePattern(
    r"[ \t]*(?:source|link|url|original(?:ly published at| article)?|read more at)[ \t]*:?[ \t]*\n?[ \t]*"
    r"(https?://[^\s<>\"]+)[ \t]*$",
    re.IGNORECASE,
)

# (literal the marker starts with, marker, publisher). A marker starting with \b makes the
# engine try every position, so it is only tried where its literal stands (_marker_at).
_SITE_MARKERS: Final[tuple[tuple[str, re.Pattern[str], str], ...]] = (
    ("Investing.com", re.compile(r"\bInvesting\.com\s*(?:--|[-–—]\s)"), "Investing.com"),
    ("This is CNBC", re.compile(r"\bThis is CNBC(?:'|’)s live blog"), "CNBC"),
    (
        "CNBC",
        re.compile(r"\bCNBC(?:'|’)s\s+[A-Z][^\n]{0,80}?\bcontributed to this report"),
        "CNBC",
    ),
)

# Agency in a dateline: "Sept 23 (Reuters) - ...", "Taipei, Feb. 25 (CNA) Shares ...", "NEW YORK (CNNMoney.com) --".
_AGENCIES: Final[dict[str, str]] = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "bloomberg": "Bloomberg",
    "cna": "CNA",
    "ansa": "ANSA",
    "pti": "PTI",
    "ians": "IANS",
    "kyodo": "Kyodo",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "dpa": "dpa",
    "cnnmoney.com": "CNNMoney",
    "marketwatch": "MarketWatch",
    "mt newswires": "MT Newswires",
}
_DATELINE_AGENCY: Final = re.compile(
    r"\(\s*(" + "|".join(re.escape(a) for a in _AGENCIES) + r")\s*\)", re.IGNORECASE
)
_CNBC_CREDIT_END: Final = "contributed to this report"
_DOW_JONES_FOOTER: Final = re.compile(r"\(END\)\s+Dow Jones Newswires")
_SHARECAST_FOOTER: Final = LinePattern(r"[ \t]*Source:[ \t]*Sharecast[ \t]*$", re.IGNORECASE)
_COPYRIGHT_CREDIT: Final = re.compile(r"©\s*(Reuters|AP|AFP|Bloomberg)\b")


def find_url(text: str) -> str | None:
    """The article's own link when the text labels one ("Source: https://..."), else None.

    Only a labelled URL counts: links inside the prose usually point elsewhere. A text without
    "://" has none (neither ":" nor "/" has a case, so that test is exact).
    """
    if "://" not in text:
        return None
    match = _LABELLED_URL.search(text)
    return match.group(1).rstrip(".,;)") if match else None


def _marker_at(literal: str, pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text)`` for a pattern that starts with ``\\b`` and then ``literal``: every
    match starts at an occurrence of the literal, so only those are tried (``match`` with a
    position still sees the character before it for ``\\b``)."""
    at = text.find(literal)
    while at >= 0:
        if pattern.match(text, at):
            return True
        at = text.find(literal, at + 1)
    return False


def _at_parenthesis(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text)`` for a pattern that starts with a literal "(": tried only where a
    "(" stands, found by a one-character scan (far cheaper than the engine's or ``str.find``'s
    search for the whole literal over a long text with few parentheses)."""
    at = text.find("(")
    while at >= 0:
        if pattern.match(text, at):
            return True
        at = text.find("(", at + 1)
    return False


def _publisher_for_url(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    host = host.removeprefix("www.")
    if not host:
        return None
    for known, name in _HOST_PUBLISHERS.items():
        if host == known or host.endswith("." + known):
            return name
    return host


def detect_source(text: str, url: str | None = None) -> str | None:
    """The publisher the text shows (see the module docstring for the rule order), else None."""
    if url is not None:
        from_url = _publisher_for_url(url)
        if from_url is not None:
            return from_url
    for literal, pattern, name in _SITE_MARKERS:
        if literal == "CNBC" and _CNBC_CREDIT_END not in text:
            continue  # the credit cannot match without its closing words (a long, fast needle)
        if _marker_at(literal, pattern, text):
            return name
    dateline = _DATELINE_AGENCY.search(text)
    if dateline is not None:
        agency = dateline.group(1)
        # "(AP)" must be the agency's own capitals, not e.g. "(ap)" in prose.
        if agency.lower() != "ap" or agency == "AP":
            return _AGENCIES[agency.lower()]
    if _at_parenthesis(_DOW_JONES_FOOTER, text):
        return "Dow Jones"
    if _SHARECAST_FOOTER.search(text):
        return "Sharecast"
    credit = _COPYRIGHT_CREDIT.search(text)
    if credit is not None:
        return credit.group(1)
    return None
