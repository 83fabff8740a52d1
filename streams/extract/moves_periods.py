"""Several periods in one clause: each period with a figure of its own is its own move.

"The Ibex has rallied by more than 1% this week and is now up almost 30% so far this year" is two
moves, and so is "The Taiex moved marginally down on its last trading day, after rising 23.7
percent over the past 12 months" (shared/dev/README.md), and "rose 1% a week after falling 5%"
(the piece is another day's, like "a day after the blue-chip index tumbled 358 points"). A piece joined by "and" or "after" is
split off when it has a change of its own (a percentage or points) and names a period of its own
("this year", "over the past 12 months", "since April"), and the piece before it states a move
too. Without a period of its own ("closed above 5,000 for the first time, after climbing nearly
3%") the piece is the same session's move and stays with it, as does a piece without a figure
("after hitting a record high on Friday").
"""

from __future__ import annotations

from typing import Final

from streams.extract.fold import Regexes
from streams.extract.moves_clauses import Reading
from streams.extract.moves_numbers import find_figures
from streams.extract.moves_regexes import ANY as MOVE_ANY
from streams.extract.moves_regexes import LOW as MOVE_LOW
from streams.extract.moves_regexes import MILESTONE_NEEDS, OTHER_SESSION, contains_any

__all__ = [
    "drop_insert",
    "elided",
    "elided_mark",
    "elliptical",
    "shared_session",
    "slashed_range",
    "split_periods",
]

# Where a second period's piece can begin: "and" (with an auxiliary), or "after" + a gerund.
_JOINT = (
    r"(?:,\s*|\s+[-–—]\s+|\s+)(?:and\s+(?=(?:(?:is|was|are|were|has|have|had)\s+)?(?:now\s+|also\s+|so\s+far\s+)?\w)"
    # "up 0.5% - having fallen more than 3% yesterday"
    r"|after\s+(?=\w+ing\b)|having\s+(?=\w+(?:ed|en|st|ost)\b)"
    # "gained 0.3%, capping a year when it rose about 29%"
    r"|capping\s+(?=an?\s+(?:\w+\s+)?(?:year|week|month|quarter|decade)\s+(?:when|in\s+which)\s+it\s))"
)
_PERIOD = (
    r"\b(?:(?:this|last|past|previous)\s+(?:week|month|year|quarter)"
    r"|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|sessions?|quarters?)"
    r"|so\s+far\s+(?:this\s+\w+|in\s+\d{4})|year[- ]to[- ]date|ytd|since\s+(?:the\s+start|the\s+beginning|\w+)"
    r"|for\s+the\s+(?:year|week|month|quarter)|on\s+the\s+(?:week|month|year)|in\s+(?:19|20)\d\d"
    # "capping a year when it rose 29%"
    r"|an?\s+(?:\w+\s+)?(?:year|week|month|quarter|decade)\s+(?:when|in\s+which)\s+it"
    # another session: "having fallen 3% yesterday", "after falling 14% the day before"
    rf"|{OTHER_SESSION})\b"
)
# A move of the session itself, peak or trough: left to the phase split (moves_clauses).
_SESSION = r"\bas\s+(?:much|high|low)\s+as\b|\bintra-?day\b|\bat\s+one\s+point\b|\bduring\s+the\s+session\b"
_WORD = (
    r"\b(?:rose|fell|up|down|higher|lower|gain\w*|los\w*|jump\w*|climb\w*|declin\w*|rall\w*|ris\w*"
    r"|fall\w*|drop\w*|slip\w*|slid\w*|advanc\w*|moved|record)\b"
)

# A second name joined by "and"/"&" whose clause starts with a figure: the verb is elided.
# (also after a comma alone: "The Kospi fell 1.2%, the Nikkei 0.8% and the Hang Seng 0.3%")
_ELIDED_BEFORE = r"(?:,\s*(?:(?:and|&)\s+)?|\s(?:and|&)\s+)(?:the\s+)?(?:\S+['’]s\s+)?$"
_FIGURE_FIRST = r"\s*[+\-−]?\d"
# Or with the preposition of its figure, after a clause that has a figure of its own: "The Nifty
# rose to 24,400 and the Sensex to 80,390" (not "The Nikkei and the Topix rose, the former by
# 1.2% and the latter by 0.8%": the figures there are shared out to the verb without figures).
_PREP_FIGURE_FIRST = r"\s*(?:to|by|at)\s+[+\-−]?\d"

# "regained momentum and, after several failed attempts, finally closed above 17,000": a phrase set
# off by commas between "and" and its verb is an insert, not an "after" piece of its own.
_INSERT = r"\band,\s+(?P<insert>(?:after|before|having)\b[^,;]{1,80},\s+)(?=\w)"

# A second mark that elides the verb of the first: "breached the 78,000 level on June 25 and 79,000
# for the first time on June 27" (a mark, not a change: no % or points after it).
_MARK_FIRST = r"(?:the\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d{4,})(?![\d.,]\d)(?!\s?(?:%|percent|per\s+cent|pts?\b|points?\b))"

# The session adverbial that ends a gapped clause belongs to the verb both clauses share: "The
# Nifty rose to 24,400 and the Sensex to 80,390 during intraday trading" (both intraday).
_SHARED_SESSION = (
    r"^\s*(?:to|by|at)\s+[+\-−]?\d[\d,.]*\s*(?:%|percent|per\s+cent|points?|pts)?,?\s+"
    r"(?:(?:in|during)\s+(?:early\s+|late\s+|the\s+)?intra-?day\s+(?:trade|trading|deals|dealings|session)"
    r"|intra-?day|during\s+(?:the\s+)?(?:session|trading\s+session))\b[^\d]{0,30}$"
)
# An intraday high and low written as slashed pairs: "hitting the high/low at 3,309/3,277".
_SLASHED = (
    r"\b(?:(?:the|its|a)\s+)?(?:(?:session|day|day's|intra-?day)\s+)?(?P<a>high|low)\s*/\s*(?P<b>high|low)\s+(?:at|of)\s+"
    r"(?P<x>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*/\s*(?P<y>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)

_PAIR: Final = Regexes.pair(
    {
        "shared_session": _SHARED_SESSION,
        "slashed": _SLASHED,
        "mark_first": _MARK_FIRST,
        "insert": _INSERT,
        "joint": _JOINT,
        "period": _PERIOD,
        "session": _SESSION,
        "word": _WORD,
        "elided_before": _ELIDED_BEFORE,
        "figure_first": _FIGURE_FIRST,
        "prep_figure_first": _PREP_FIGURE_FIRST,
        # "rose 1% a week after falling 5%": the piece after "after" is another day's move
        "days_apart": r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
        r"(?:days?|weeks?|sessions?|months?|years?)$",
    }
)
ANY: Final = _PAIR[0]
LOW: Final = _PAIR[1]
PERIOD_NEEDS: Final = ("this", "last", "past", "previous", "prior", "preceding", "so far", "year", "ytd", "since",
                "for the", "on the", " in ", " day", " week", " session", " month")  # fmt: skip


def _has_change(text: str, low: str | None) -> bool:
    return any(f.unit in ("pct", "points") for f in find_figures(text, low))


def _own_period(head: str, r: Regexes) -> bool:
    """Whether the head names a period of its own ("gained 26% in 2013"), not only one that
    qualifies a superlative ("its largest rise since 2009")."""
    return any(not m.group().startswith("since") for m in r.period.finditer(head))


def split_periods(clause: str, low: str | None) -> list[tuple[str, str | None]]:
    """The clause as pieces (text, low), one per period that has a figure of its own; the clause
    itself, alone, when it has one period."""
    r, t = (LOW, low) if low is not None else (ANY, clause)
    if low is not None and (
        ("and" not in t and "after" not in t and "having" not in t and "capping" not in t)
        or not contains_any(t, PERIOD_NEEDS)
    ):
        return [(clause, low)]
    if "respectively" in (t if low is not None else t.lower()):  # figures pair with names, not periods
        return [(clause, low)]
    marks = _split_marks(clause, low)
    if marks is not None:
        return marks
    pieces: list[tuple[str, str | None]] = []
    start = 0
    for joint in r.joint.finditer(t):
        head = t[start : joint.start()]
        tail = t[joint.end() :]
        nxt = r.joint.search(tail)
        piece = tail[: nxt.start()] if nxt else tail
        piece_text = clause[joint.end() : joint.end() + len(piece)]
        piece_low = piece if low is not None else None
        other_day = r.period.search(piece) or (
            "after" in t[joint.start() : joint.end()]
            and r.days_apart.search(t, max(start, joint.start() - 24), joint.start())
        )
        head_text = clause[start : joint.start()]
        head_low = low[start : joint.start()] if low is not None else None
        # Or the period is the head's: "has gained 26% in 2013, and hit a record high of 9,594 on
        # Monday" (a change over a period of its own, then the session's own statement).
        if (not (other_day and _has_change(piece_text, piece_low)) or r.session.search(piece)) and not (
            "and" in t[joint.start() : joint.end()]
            and _own_period(head, r)
            and _has_change(head_text, head_low)
            and r.word.search(piece)
            and not r.period.search(piece)
        ):
            continue
        if not (r.word.search(head) or _has_change(head_text, head_low)):
            continue
        pieces.append((head_text, head_low))
        start = joint.end()
    if not pieces:
        return [(clause, low)]
    pieces.append((clause[start:], low[start:] if low is not None else None))
    return pieces


def _split_marks(clause: str, low: str | None) -> list[tuple[str, str | None]] | None:
    """ "breached the 78,000 level on June 25 and 79,000 for the first time on June 27": two marks
    crossed, the second taking the first's verb (its piece is written with that verb in front)."""
    t = low if low is not None else clause
    at = t.find(" and ")
    if at < 0 or (low is not None and not contains_any(t[:at], MILESTONE_NEEDS)):
        return None
    rm = MOVE_LOW if low is not None else MOVE_ANY
    crossings = list(rm.milestone.finditer(t, 0, at))
    crossing = crossings[-1] if crossings else None
    if crossing is None or not crossing.group("num"):
        return None
    r = LOW if low is not None else ANY
    second = r.mark_first.match(t, at + 5)
    if second is None or find_figures(clause[crossing.end() : at], low[crossing.end() : at] if low else None):
        return None
    verb = clause[crossing.start("verb") : crossing.end("verb")]
    piece = verb + " " + clause[at + 5 :]
    return [
        (clause[:at], low[:at] if low is not None else None),
        (piece, piece.lower() if low is not None else None),
    ]


def elliptical(reading: Reading, direction: str | None) -> Reading:
    """A later period's reading without a verb of its own ("and 1.9% for the week") takes the
    direction of the piece before it, its figures signed to match."""
    if reading.direction is not None or direction is None:
        return reading
    if direction == "down":
        pct = -abs(reading.change_pct) if reading.change_pct is not None else None
        points = -abs(reading.change_points) if reading.change_points is not None else None
        return reading._replace(direction=direction, change_pct=pct, change_points=points)
    return reading._replace(direction=direction)


def elided(pre: str, clause: str, folded: bool, figured: bool = False) -> bool:
    """Whether a name's clause elides the verb of the clause before it: it follows "and"/"&" and
    opens with a figure ("... & Nifty 170 points to 25,239"), or with "to", "by" or "at" and a
    figure when the clause before has a figure of its own (``figured``: "The Nifty rose to 24,400
    and the Sensex to 80,390")."""
    r = LOW if folded else ANY
    opens = r.figure_first.match(clause) or (figured and r.prep_figure_first.match(clause))
    return bool(opens) and bool(r.elided_before.search(pre[-40:]))


def elided_mark(clause: str, low: str | None) -> float | None:
    """The mark a clause that elides its verb opens with ("... crossed 80,000 and the Nifty 24,000"),
    when the clause is only that mark."""
    r, t = (LOW, low) if low is not None else (ANY, clause)
    found = r.mark_first.match(t.lstrip())
    if found is None or t.lstrip()[found.end() :].strip(" .,;") != "":
        return None
    return float(found.group("num").replace(",", ""))


def drop_insert(clause: str, low: str | None) -> tuple[str, str | None]:
    """The clause without a phrase inserted between "and" and its verb ("and, after several failed
    attempts, finally closed above ..." reads "and finally closed above ...")."""
    if low is not None and "and, " not in low:
        return clause, low
    found = (LOW if low is not None else ANY).insert.search(low if low is not None else clause)
    if found is None:
        return clause, low
    a, b = found.span("insert")
    return clause[:a] + clause[b:], (low[:a] + low[b:] if low is not None else None)


def shared_session(clause: str, low: str | None) -> bool:
    """Whether a gapped clause (its verb elided: "and the Sensex to 80,390 during intraday
    trading") is only its figure and the session adverbial that ends the sentence: that adverbial
    qualifies the shared verb, so the clause before it too."""
    return bool((LOW if low is not None else ANY).shared_session.match(low if low is not None else clause))


def slashed_range(clause: str, low: str | None) -> tuple[str, str | None]:
    """The clause with an intraday high and low written as slashed pairs ("hit the high/low at
    3,309/3,277") spelled out as a range ("hit a high of 3,309 and a low of 3,277"), which the
    clause reading gives as two intraday moves; the clause itself otherwise."""
    if "/" not in clause:
        return clause, low
    found = (LOW if low is not None else ANY).slashed.search(low if low is not None else clause)
    if found is None or found.group("a").lower() == found.group("b").lower():
        return clause, low
    a, b = found.span()
    words = f"a {found.group('a')} of {found.group('x')} and a {found.group('b')} of {found.group('y')}"
    return clause[:a] + words + clause[b:], (low[:a] + words.lower() + low[b:] if low is not None else None)
