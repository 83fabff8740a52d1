"""Passives and relative clauses: where a name's own predicate starts.

A passive with the index as subject is a move (shared/dev/README.md): "The Nikkei was dragged down
by some heavyweights" is down, "CAC 40 boosted by hopes of rate cuts" and "the FTSE 100 which
was buoyed by strong earnings" are up. The same participles after a comma open another clause
("The FTSE 100 rose 1%, buoyed by miners"), which is where ``cut_clause`` cuts; right after the
name (with "was", "has been"...) they are the name's own verb, so the clause is cut only after
them, and the direction is the participle's ("dragged down", "buoyed") whatever the agent says
("supported by a fall in yields" is up).

A relative clause right after a name ("led by Japan's Nikkei 225, which rose 1.61%", "trailing
the S&P 500 and Nasdaq, which have risen 16% and 21%") is the name's predicate, also when the
name is the object of another verb or of a preposition.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from streams.extract.fold import Regexes
from streams.extract.moves_clauses import Reading, cut_clause
from streams.extract.moves_regexes import contains_any, word_end

__all__ = [
    "PLAIN",
    "Predicate",
    "earlier_noun",
    "figure_relative_end",
    "mask_agent",
    "noun_figure_before",
    "paren_figure",
    "predicate",
    "voiced",
]

_AUX = r"(?:was|were|is|are|be|been|being|has\s+been|have\s+been|had\s+been|got|gets|getting)"
# The first letters of every word a passive head can open with: an auxiliary, an adverb (any
# "...ly") or the participle (a lookahead the engine rejects most segments with at once: " rose 1%",
# " closed at"; exact: it holds wherever the head matches).
PASSIVE_FIRST = (
    r"(?=a(?:re|ga|ls)|b(?:e(?:\s|en|in)|uo|oo|at)|d(?:ra|ri|en)|fu[er]|g(?:ot|et)|h(?:a[dsv]|el|it|ur|am)|is\s"
    r"|kno|l(?:ed|if)|p(?:ow|r[eo]|u[ls])|sen|su|un|w(?:as|er|ei)|\w+ly\s)"
)
_PASSIVE = (
    rf"\s*{PASSIVE_FIRST}(?:(?P<aux>{_AUX})\s+)?(?:(?:\w+ly|also|further|again)\s+)?"
    r"(?P<verb>buoyed|lifted|boosted|supported|underpinned|propped\s+up|helped|fuell?ed|driven|powered|led"
    r"|dragged|weighed|pulled|pushed|sent|hurt|pressured|pressed|hit|battered|hammered|knocked|held\s+back"
    r"|dented)"
    # (a figure may stand before the particle: "was dragged 0.8% lower by miners")
    r"(?:\s+(?:about\s+|nearly\s+|almost\s+|some\s+)?\d[\d,.]*\s?(?:%|percent\b|per\s+cent\b|points?\b)"
    r"(?=\s+(?:down|lower|higher|up|by)\b))?"
    r"(?:\s+(?P<particle>down|lower|higher|up))?(?:\s+(?P<by>by)\b)?"
)
# A list of subjects that ends in "all"/"both" ("Bank Nifty, Nifty IT and Nifty Auto all fell"): the
# predicate after it is the first name's too, whatever the other nouns are.
_LIST_ALL = r"\s*,\s*(?:[^,;:.\d]{1,50},\s*){0,4}[^,;:.\d]{1,50}?\s+and\s+[^,;:.\d]{1,50}?\s+(?:all|both)\s+"
# A signed change in parentheses right after the name: "the CAC 40 (+12% approximately)".
_PAREN_FIGURE = (
    r"\s*\(\s*(?P<sign>[+\-−–])\s?(?P<num>\d+(?:\.\d+)?)\s?%\s*(?P<approx>approx(?:imately|\.)?|about|roughly|around)?"
    r"\s*\)"
)
# A noun of motion carrying a figure, with the name as its object: "losses of 0.1% on the CAC",
# "a 2% gain for the Nikkei", "a 300-point drop in the Dow".
_UP_NOUN = r"gains?|rises?|advances?|rall(?:y|ies)|jumps?|surges?|increases?|climbs?"
_DOWN_NOUN = r"loss(?:es)?|declines?|drops?|falls?|slides?|dips?|retreats?|decreases?|plunges?|slumps?"
_NOUN_FIGURE_BEFORE = (
    rf"\b(?:(?:(?P<up>{_UP_NOUN})|(?P<down>{_DOWN_NOUN}))\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?"
    r"|(?:an?\s+)?)(?P<num>\d+(?:\.\d+)?)(?:\s?(?P<pct>%|percent\b|per\s+cent\b|pct\b|pc\b)|[\s-]?(?P<pts>points?\b))"
    rf"(?:\s+(?:(?P<up2>{_UP_NOUN})|(?P<down2>{_DOWN_NOUN})))?\s+(?:on|for|in|by)\s+(?:the\s+)?(?:\S+['’]s\s+)?$"
)
# A company's move on an exchange ("the stock's 5% jump on the Nasdaq in its debut") is not the index's.
_COMPANY = re.compile(r"\b(?:shares?|stocks?|debut|listed|listing|IPO|company|company's)\b", re.IGNORECASE)
# A relative clause about a figure, not a new subject: "dropped 881.49 points which amounted to a
# 1.10 percent decline to reach 78,919.94".
_FIGURE_RELATIVE = (
    r"(?:%|percent|per\s+cent|points?|pts)\s*,?\s+(?:which|that)\s+(?:amount\w*|represent\w*|equal\w*"
    r"|translat\w*|was|is|works?\s+out)\b"
)
# A perfect participle after an object name, with a figure of its own, is the object's move:
# "keeps the CAC 40 on track for its worst year, having fallen by 5.3% since January".
_HAVING = r",\s+having\s+(?:\w+ly\s+)?(?:fallen|risen|gained|lost|dropped|climbed|declined|slipped|slid|rallied|jumped|surged|advanced|tumbled|shed|added)\b"
# "A 62 reading is the highest the VIX has been since 2008": the figure of a copula whose
# complement is the index's superlative is its level.
_SUPERLATIVE_BEFORE = (
    r"\b(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(?:reading|level|close|finish|print)\s+"
    r"(?:is|was|marks|marked|would\s+be)\s+the\s+(?P<dir>highest|lowest)\s+(?:level\s+|close\s+)?(?:that\s+)?"
    r"(?:the\s+)?$"
)
_SUPERLATIVE_AFTER = r"\s*(?:has|had|have)\s+(?:been|closed|finished|traded|stood|ended|reached)\b"
# A move the clause says was undone ("abandoned its decline", "erased early losses", "reversed its
# gains") does not give the clause its direction: the noun is masked before the clause is read.
_REVERSED = (
    r"\b(?:abandon\w*|revers\w*|eras\w*|shook\s+off|shak\w*\s+off|shrugg\w*\s+off|wip(?:ed|es|ing)\s+out"
    r"|gave\s+up|giv\w*\s+up|pared|par(?:es|ing)|trimm\w*|cut)\s+(?:(?:its|their|the|some|all|most|much\s+of"
    r"|early|earlier|initial|morning|previous|opening)\s+){0,2}(?P<noun>declines?|loss(?:es)?|gains?|falls?|drops?"
    r"|slides?|advances?|rall(?:y|ies)|rises?)\b"
)
# A second verb of motion joined by "and"/"but" after a hedged or negated head ("could not hold
# its gains and closed 0.4% lower"): a statement of its own.
_COORDINATED = (
    r"(?:,\s*|\s+)(?:and|but)\s+(?:then\s+|later\s+|eventually\s+|finally\s+)?(?=(?:closed|ended|finished|settled"
    r"|fell|rose|slipped|dropped|gained|lost|climbed|declined|jumped|tumbled|slid|added|shed|edged)\b)"
)
NOUN_FIGURE_NEEDS = ("%", "percent", "per cent", "point")
_RELATIVE = r"\s*,?\s*(?:which|that)\s+(?!is\s+(?:a|an|the|one|made|home|part|composed|comprised)\b)"
PASSIVE_NEEDS = ("ed ", "ed,", "ed.", "hurt", "hit", "led", "sent", "held", "propped")

ANY, LOW = Regexes.pair(
    {
        "passive": _PASSIVE,
        "relative": _RELATIVE,
        "list_all": _LIST_ALL,
        "paren_figure": _PAREN_FIGURE,
        "noun_figure_before": _NOUN_FIGURE_BEFORE,
        "figure_relative": _FIGURE_RELATIVE,
        "having": _HAVING,
        "coordinated": _COORDINATED,
        "reversed": _REVERSED,
        "superlative_before": _SUPERLATIVE_BEFORE,
        "superlative_after": _SUPERLATIVE_AFTER,
    }
)

_UP = frozenset({"buoyed", "lifted", "boosted", "supported", "underpinned", "helped", "fuelled", "fueled",
                 "driven", "powered"})  # fmt: skip
_DOWN = frozenset({"dragged", "weighed", "hurt", "pressured", "pressed", "hit", "battered", "hammered",
                   "knocked", "dented"})  # fmt: skip
# Verbs that need a particle or "by" to be read as a passive (otherwise often active: "hit 3,000").
_NEEDS_PARTICLE = frozenset(
    {"hit", "led", "sent", "driven", "pushed", "pulled", "weighed", "dragged", "helped"}
)


class Predicate(NamedTuple):
    """Where a name's own predicate starts in the text after the name."""

    start: int = 0  # the predicate's first character (after "which" of a relative clause)
    head_end: int = 0  # where clause boundaries may begin (after a passive head)
    passive: str | None = None  # the direction a passive head states, if any
    relative: bool = False  # the predicate is not right after the name (a relative clause, a list)
    by: bool = False  # the passive head ends in "by" (its agent follows)


PLAIN = Predicate()


# PASSIVE_FIRST as prefixes (its "be\\s|been|bein" as "be": a gate may let through
# what the regex then rejects, never the reverse; a test pins the two together).
PASSIVE_PREFIXES: Final = (
    "are", "aga", "als", "be", "buo", "boo", "bat", "dra", "dri", "den", "fue", "fur", "got", "get",
    "had", "has", "hav", "hel", "hit", "hur", "ham", "is", "kno", "led", "lif", "pow", "pre", "pro",
    "pul", "pus", "sen", "su", "un", "was", "wer", "wei"
)  # fmt: skip
# (looked up as two- and three-character slices: set look-ups, cheaper than startswith with a tuple)
_PASSIVE2: Final = frozenset(p for p in PASSIVE_PREFIXES if len(p) == 2)
_PASSIVE3: Final = frozenset(p for p in PASSIVE_PREFIXES if len(p) == 3)


def may_be_passive(low: str, start: int) -> bool:
    """Whether ``LOW.passive`` may match the lower-cased text at ``start``: after spaces, a word
    that PASSIVE_FIRST lets through (one of PASSIVE_PREFIXES or a word ending in "ly"). Exact as
    a gate: every alternative of PASSIVE_FIRST opens with a word character, which only the first
    one after the spaces can be (most segments, " rose 1%", " closed at", stop here)."""
    n = len(low)
    p = start
    while p < n and low[p].isspace():
        p += 1
    if p >= n:
        return False
    if low[p : p + 3] in _PASSIVE3 or low[p : p + 2] in _PASSIVE2:  # (low.startswith(PASSIVE_PREFIXES, p))
        return True
    q = word_end(low, p)
    return q - p > 2 and low.startswith("ly", q - 2)


def predicate(segment: str, low: str | None) -> Predicate:
    """The predicate of the name that ``segment`` follows: a relative clause, a passive head."""
    r, t = (LOW, low) if low is not None else (ANY, segment)
    start = 0
    relative = False
    if low is None or " all " in t or " both " in t:
        listed = r.list_all.match(t)
        if listed:
            return Predicate(listed.end(), listed.end(), None, True)
    if low is None or "which" in t[:12] or "that" in t[:12]:
        found = r.relative.match(t)
        if found:
            start, relative = found.end(), True
    if low is not None and not (
        may_be_passive(t, start) and contains_any(t[start : start + 60], PASSIVE_NEEDS)
    ):
        return Predicate(start, start, None, True) if relative else PLAIN
    passive = r.passive.match(t, start)
    if passive is None or (
        not passive.group("particle") and not passive.group("by") and not passive.group("aux")
    ):
        return Predicate(start, start, None, True) if relative else PLAIN
    verb = " ".join(passive.group("verb").lower().split())
    particle = passive.group("particle")
    if not particle and not passive.group("by") and verb in _NEEDS_PARTICLE:
        return Predicate(start, start, None, True) if relative else PLAIN
    if particle:
        direction: str | None = "up" if particle.lower() in ("higher", "up") else "down"
    else:
        direction = "up" if verb in _UP or verb == "propped up" else "down" if verb in _DOWN else None
    return Predicate(start, passive.end(), direction, relative, bool(passive.group("by")))


def voiced(readings: list[Reading], direction: str | None) -> list[Reading]:
    """The readings of a passive clause: the direction is the passive head's ("supported by a
    fall in yields" is up), figures signed to match; a passive with no figure is a move of its own."""
    if direction is None:
        return readings
    out = []
    for r in readings:
        pct, points = r.change_pct, r.change_points
        if pct is not None:
            pct = -abs(pct) if direction == "down" else abs(pct)
        if points is not None:
            points = -abs(points) if direction == "down" else abs(points)
        out.append(r._replace(direction=direction, change_pct=pct, change_points=points, motion=True))
    return out or [Reading(direction=direction, motion=True)]


def paren_figure(segment: str, low: str | None) -> tuple[Reading, int] | None:
    """The change a signed percentage in parentheses right after the name states ("the DAX 40
    (+22.3%) in Frankfurt"), and where the text after the parentheses starts."""
    if not segment.lstrip().startswith("("):
        return None
    found = LOW.paren_figure.match(low) if low is not None else ANY.paren_figure.match(segment)
    if found is None:
        return None
    value = float(found.group("num"))
    down = found.group("sign") != "+"
    reading = Reading(
        direction="down" if down else "up",
        change_pct=-value if down else value,
        approximate=found.group("approx") is not None,
        motion=True,
    )
    return reading, found.end()


def noun_figure_before(pre: str, low: str | None) -> Reading | None:
    """The move a noun of motion with a figure states about the name that is its object ("helping
    to offset losses of 0.1% on the CAC": CAC 40 -0.1%), else None."""
    t = low if low is not None else pre
    if low is not None and not contains_any(t, NOUN_FIGURE_NEEDS):
        return None
    found = (LOW if low is not None else ANY).noun_figure_before.search(t)
    if found is None or _COMPANY.search(pre):
        return None
    if not (found.group("up") or found.group("down") or found.group("up2") or found.group("down2")):
        return None
    down = found.group("down") is not None or found.group("down2") is not None
    value = float(found.group("num"))
    signed = -value if down else value
    if found.group("pct"):
        return Reading(direction="down" if down else "up", change_pct=signed)
    return Reading(direction="down" if down else "up", change_points=signed)


def figure_relative_end(segment: str, low: str | None, cut: int) -> int:
    """Where the relative clause that starts at ``cut`` and restates a figure ends ("... points
    which amounted to a 1.10 percent decline"): that clause belongs to the move; ``cut`` otherwise."""
    t = low if low is not None else segment
    if not t.startswith((" which", " that", ", which", ", that"), cut):
        return cut
    r = LOW if low is not None else ANY
    found = r.figure_relative.search(t, max(0, cut - 12), cut + 40)
    if found is None or found.start() > cut:
        return cut
    rest = found.end()
    return rest + cut_clause(segment[rest:], low[rest:] if low is not None else None)


def object_participle(clause: str, low: str | None, subject: bool = False) -> int:
    """Where a statement of its own begins in a clause whose head states no move of the name: a
    perfect participle of motion (", having fallen by 5.3% since January") or a verb of motion
    joined by "and"/"but" ("could not hold its gains and closed 0.4% lower"), only when the name
    is the clause's ``subject`` (after an object name its subject is another noun's); -1 if none."""
    r, t = (LOW, low) if low is not None else (ANY, clause)
    if low is None or "having" in low:
        found = r.having.search(t)
        if found:
            return found.start() + found.group(0).index("having")
    if subject and (low is None or " and " in low or " but " in low):
        joined = r.coordinated.search(t)
        if joined:
            return joined.end()
    return -1


def superlative_level(pre: str, segment: str, low_pre: str | None, low_segment: str | None) -> Reading | None:
    """The level a copula states as the index's superlative ("A 62 reading is the highest the VIX
    has been since 2008": level 62, up), else None."""
    if low_pre is not None and "highest" not in low_pre and "lowest" not in low_pre:
        return None
    r = LOW if low_pre is not None else ANY
    found = r.superlative_before.search(low_pre if low_pre is not None else pre)
    if found is None or not r.superlative_after.match(low_segment if low_segment is not None else segment):
        return None
    direction = "up" if found.group("dir").lower() == "highest" else "down"
    return Reading(direction=direction, level=float(found.group("num").replace(",", "")), motion=True)


# What every noun of _REVERSED holds.
REVERSED_NOUN_NEEDS = ("declin", "loss", "gain", "fall", "drop", "slide", "advance", "rall", "rise")
REVERSED_NEEDS = ("abandon", "revers", "erase", "erasi", "shook off", "shak", "shrugg", "wipe", "wiping",
                  "gave up", "giv", "pared", "pares", "paring", "trimm", "cut ")  # fmt: skip


# The agent of a passive that is a noun phrase of another subject's move: "was hit by a 2% drop in
# SoftBank", "weighed down by a 5% slide at Rio Tinto" (the figure is the agent's, not the index's).
_AGENT = re.compile(
    r"\s*(?:an?|the)\s+[^,;]{0,40}?\d[^,;]{0,40}?\s(?:in|at|of|for|among|by)\s+[^,;]*", re.IGNORECASE
)


_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_EARLIER_MARK = (
    rf"(?:the\s+|in\s+the\s+)?(?:previous|prior|preceding)\s+(?:session|day|trading\s+day)|on\s+{_DAY}"
    r"|yesterday|last\s+week|the\s+day\s+before"
)
# A noun of motion with a figure that is another session's move: "rebounded from a 1.15 percent plunge
# the previous session", "extended Monday's 1.1% decline", "rose 0.5% after a 2% drop on Monday".
_EARLIER_NOUN = (
    r"\b(?:from|after|extend(?:s|ed|ing)?|add(?:s|ed|ing)?\s+to|buil(?:t|ds?|ding)\s+on)\s+"
    rf"(?:(?P<owner>{_DAY}['’]s|yesterday['’]s|last\s+week['’]s|the\s+previous\s+(?:session|day)['’]s)\s+"
    r"|an?\s+|its\s+|the\s+)(?:[\w-]+\s+)?(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>%|percent|per\s+cent|-?points?)\s+"
    rf"(?:(?P<up>{_UP_NOUN})|(?P<down>{_DOWN_NOUN}))\b(?P<mark>,?\s+(?:{_EARLIER_MARK})\b)?"
)
# (run case-sensitively on the lower-cased clause where it is fold-safe, as the others: fold.py)
EARLIER_ANY, EARLIER_LOW = Regexes.pair({"earlier_noun": _EARLIER_NOUN})


_DIGIT = re.compile(r"\d")


def earlier_noun(clause: str, low: str | None) -> tuple[str, str | None, Reading | None]:
    """The clause with another session's noun of motion blanked (same length), and that move."""
    t = low if low is not None else clause.lower()
    # (its unit first, "%", "per(\s)cent" or "po(ints)": cheaper than the digits; "po", not "point": an
    # IGNORECASE "i" also matches a dotless "ı")
    if (
        not ("from" in t or "after" in t or "extend" in t or "add" in t or "buil" in t)
        or not ("%" in t or "per" in t or "po" in t)
        or _DIGIT.search(clause) is None  # (the regex needs a \d; no isdigit() loop over the text)
    ):
        return clause, low, None
    found = (
        EARLIER_LOW.earlier_noun.search(low) if low is not None else EARLIER_ANY.earlier_noun.search(clause)
    )
    if found is None:
        return clause, low, None
    if not (found.group("owner") or found.group("mark")):
        if not found.group(0).lower().startswith("from"):
            return clause, low, None
        # "rebounded from a 500-point drop to close 0.2% higher": the drop recovered from is
        # not the close's figure (blanked, no move of its own)
        a, b = found.start("num"), found.end()
        blank = " " * (b - a)
        return clause[:a] + blank + clause[b:], (low[:a] + blank + low[b:] if low is not None else None), None
    value = float(found.group("num"))
    direction = "down" if found.group("down") else "up"
    signed = -value if direction == "down" else value
    pct = "%" in found.group("unit") or "cent" in found.group("unit").lower()
    earlier = Reading(
        direction=direction,
        change_pct=signed if pct else None,
        change_points=None if pct else signed,
        motion=True,
    )
    a, b = found.span()
    a = found.start("owner") if found.group("owner") else found.start("num")
    blank = " " * (b - a)
    return clause[:a] + blank + clause[b:], (low[:a] + blank + low[b:] if low is not None else None), earlier


def mask_agent(clause: str, low: str | None, at: int) -> tuple[str, str | None]:
    """The clause with a passive's agent that carries another subject's figure blanked (``at``:
    where the agent starts, right after "by"), same length."""
    found = _AGENT.match(clause, at)
    if found is None:
        return clause, low
    a, b = found.span()
    blank = " " * (b - a)
    return clause[:a] + blank + clause[b:], (low[:a] + blank + low[b:] if low is not None else None)


def mask_reversed(clause: str, low: str | None) -> tuple[str, str | None]:
    """The clause with the noun of an undone move blanked ("abandoned its decline ... and closed
    higher" reads as up), same length."""
    t = low if low is not None else clause
    # (the nouns first: fewer of them, and in one clause in seven; every match holds one)
    if low is not None and not (contains_any(t, REVERSED_NOUN_NEEDS) and contains_any(t, REVERSED_NEEDS)):
        return clause, low
    spans = [m.span("noun") for m in (LOW if low is not None else ANY).reversed.finditer(t)]
    if not spans:
        return clause, low
    for a, b in spans:
        clause = clause[:a] + " " * (b - a) + clause[b:]
        if low is not None:
            low = low[:a] + " " * (b - a) + low[b:]
    return clause, low
