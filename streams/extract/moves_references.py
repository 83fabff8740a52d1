"""Later references inside a sentence that names the index.

"The Dow Jones industrial average tumbled 531 points ..., a day after the blue-chip index tumbled
358 points" gives the Dow a second move of -358, and "The Dow's back-to-back record close ...
added to the benchmark's 13% gain this year" gives it +13% (shared/dev/README.md). A plain
reference ("the index", "the benchmark", "the blue-chip index", "the gauge") later in a sentence
counts as the index named before it when every name before it is that one index, no sentence end
lies between them (scraped copy runs sentences together: "... percent.The index") and that name
already has a predicate of its own (a figure or a word of motion between them: "The Dow, the
blue-chip index, rose" is one move). A qualified reference ("the broader index", "the tech-heavy
index") may be another index and stays unattached, as does a reference in another sentence.
"The former" and "the latter" after exactly two indices named in the sentence are the first and
the second ("The Shanghai Composite and the Shenzhen Component diverged, with the former closing
down 0.5% and the latter up 0.2%").
"""

from __future__ import annotations

import re

from streams.extract.fold import Regexes
from streams.extract.indices import Mention
from streams.extract.moves_numbers import find_figures
from streams.extract.moves_statements import label_or_modifier

__all__ = ["with_references"]

# ("the" first and its word start looked back at: a literal the engine jumps to, unlike "\bthe".)
_REFERENCE = (
    r"the(?<=\bthe)\s+(?:(?:blue-chip|benchmark|main|key|headline|flagship|bellwether)\s+)?(?:index|benchmark|gauge|average)\b"
    r"(?!\s+(?:provider|compiler|review|rebalanc\w*|committee|fund|funds|futures|options|inclusion|weighting)\b)"
)
_MOTION = (
    r"\b(?:rose|fell|up|down|higher|lower|gain\w*|los\w*|jump\w*|climb\w*|declin\w*|record|rall\w*|tumbl\w*"
    r"|plung\w*|slid\w*|slump\w*|drop\w*|surg\w*|sank|soar\w*|advanc\w*|closed|ended|finished|settled)\b"
)
ANY, LOW = Regexes.pair({"reference": _REFERENCE, "motion": _MOTION})
# A sentence end the splitter let through ("... percent.The index", "9:25 a.m. On Friday, the index").
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*[A-Z]")


_FORMER_LATTER = re.compile(r"\bthe\s+(former|latter)\b", re.IGNORECASE)


def _former_latter(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions, with "the former"/"the latter" after exactly two indices named before them."""
    out = list(mentions)
    for found in _FORMER_LATTER.finditer(text, mentions[0].end):
        start, end = found.span()
        before = [m for m in mentions if m.end <= start]
        ids: list[str] = []
        for m in before:
            if m.index_id not in ids:
                ids.append(m.index_id)
        if len(ids) != 2 or _SENTENCE_END.search(text, before[-1].end, start + 1):
            continue
        index_id = ids[0] if found.group(1).lower() == "former" else ids[1]
        out.append(Mention(index_id, start, end))
    out.sort(key=lambda m: m.start)
    return out


def _needed_after(low: str, start: int) -> bool:
    """Whether one of the words every reference ends in occurs from ``start`` on (four substring
    searches in C cost less than one regex call)."""
    return (
        low.find("index", start) >= 0
        or low.find("benchmark", start) >= 0
        or low.find("gauge", start) >= 0
        or low.find("average", start) >= 0
    )


def with_references(mentions: list[Mention], text: str, low: str | None) -> list[Mention]:
    """The mentions, with each later reference to the one index named before it added."""
    if ("former" in low or "latter" in low) if low is not None else ("ormer" in text or "atter" in text):
        mentions = _former_latter(mentions, text)
    first = mentions[0]
    t = low if low is not None else text
    if low is not None and not _needed_after(low, first.end):
        return mentions
    r = LOW if low is not None else ANY
    out = mentions  # (copied at the first reference: most sentences hold none)
    for found in r.reference.finditer(t, first.end):
        start, end = found.span()
        before = [m for m in out if m.start < start]
        if any(m.end > start for m in before) or any(m.start < end for m in out if m.start >= start):
            continue  # inside or overlapping a name
        ids = {m.index_id for m in before}
        if len(ids) != 1:
            continue
        last = before[-1]
        between, between_low = text[last.end : start], (low[last.end : start] if low is not None else None)
        if _SENTENCE_END.search(text, last.end, start + 1) or label_or_modifier(between, between_low):
            continue  # another sentence, or the name only labels a level ("Dow 45,000: the index ...")
        if not (
            r.motion.search(between_low if between_low is not None else between)
            or find_figures(between, between_low)
        ):
            continue
        if out is mentions:
            out = list(mentions)
        out.append(Mention(last.index_id, start, end))
        out.sort(key=lambda m: m.start)
    return out
