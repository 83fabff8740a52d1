"""Reading one clause about one index: direction, figures and flags.

A clause is the text that follows an index name up to the next index name or the next clause
boundary (``cut_clause``). ``split_phases`` separates a same-session peak or trough from the
close ("rose as much as 1.2% ... before closing up 0.8% ..."); ``read_phase`` reads one phase.
All regexes here are linear: alternations of literals and single-level quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from streams.extract.moves_numbers import Figure, find_figures

__all__ = ["Reading", "cut_clause", "read_phase", "split_phases"]

_I = re.IGNORECASE
_UP = (
    r"ris(?:e|es|en|ing)|rose|jump\w*|climb\w*|surg(?:e|es|ed|ing)|gain\w*|advanc\w*|add(?:s|ed|ing)?"
    r"|rall(?:y|ied|ies|ying)|soar\w*|increas\w*|up|higher|firm(?:ed|s|ing)|rebound\w*|recover\w*"
    r"|spik(?:e|ed|es|ing)|leap\w*|highest|inch(?:ed|es|ing)?|upward|in\s+the\s+green"
    r"|positive\s+territory|top(?:s|ped|ping)?|scal(?:e|ed|es|ing)|notch\w*|set|sets|setting"
)
_DOWN = (
    r"fell|fall(?:s|ing|en)?|slip\w*|eas(?:ed|es|ing)|drop\w*|slid(?:e|es|ing)?|tumbl\w*|declin\w*"
    r"|lower|down|lost|los(?:e|es|ing|s|ses)|shed\w*|sank|sink\w*|slump\w*|plung\w*|retreat\w*"
    r"|weaken\w*|dip(?:s|ped|ping)?|skid\w*|tank(?:ed|s|ing)|decreas\w*|lowest|in\s+the\s+red"
    r"|pull(?:ed|s|ing)?\s+back|downward|negative\s+territory|crash\w*|sell-?off|slump"
)
_FLAT = r"flat|unchanged|little\s+changed|steady|flatline|flatlined|flatlining"
_DIRECTION = re.compile(rf"\b(?:(?P<flat>{_FLAT})|(?P<down>{_DOWN})|(?P<up>{_UP}))\b", _I)
# Words that only state a direction with a figure or a record (set/notch/top/scale are verbs of
# reaching, not of motion).
_WEAK = frozenset({"set", "sets", "setting", "notch", "notches", "notched", "notching", "scale",
                   "scaled", "scales", "scaling", "top", "tops", "topped", "topping", "highest",
                   "lowest"})  # fmt: skip
_NOT_MOTION_BEFORE = re.compile(
    r"\b(?:made|make|makes|set|sets|picked|pick|took|take|takes|built|shored|kept|keep|wound|winds|"
    r"gave|give|shot)\s*$",
    _I,
)
# A verb of motion without a figure must come this close after the index name (characters).
_MOTION_REACH = 60
_NOUN_ONLY = frozenset({"gains", "gain", "losses", "loss", "advance", "rise", "fall", "drop",
                        "decline", "rally", "slump", "selloff", "sell-off"})  # fmt: skip

_RECORD = re.compile(
    r"\brecords?\b(?![- ](?:low|lows|drop|drops|fall|falls|decline|declines|loss|losses|plunge|slide|"
    r"selloff|sell-off|volume|turnover|profits?|outflows?|inflows?|deficit|number))"
    r"|\b(?:all[- ]time|life|lifetime|new|fresh|intra-?day)\s+(?:intra-?day\s+|closing\s+)?"
    r"(?:highs?|peaks?|heights|records?)\b",
    _I,
)
_RECORD_DENIED = re.compile(
    r"\b(?:close\s+to|near|nearer|shy\s+of|below|off|from|previous|prior|approach\w*|within|"
    r"short\s+of|than|eclips\w*|breach\w*|beyond|towards?|under|flirting\s+with|just)\s+"
    r"(?:(?:its|the|a|an|their|fresh|new)\s+){0,2}$",
    _I,
)
_MILESTONE = re.compile(
    r"\b(?P<verb>top(?:s|ped|ping)?|exceed\w*|breach\w*|cross\w*|surpass\w*|pass(?:ed|es|ing)?"
    r"|br(?:eak|eaks|eaking|oke)\s+(?:through|above|below)|above|over|below|under|beyond)"
    r"\s+(?:the\s+|milestone\s+|key\s+|psychological(?:ly)?\s+|important\s+|crucial\s+|"
    r"landmark\s+){0,3}(?:\$\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d{3,})(?![\d.,]\d)"
    r"(?P<unit>(?:\s|-)(?:points?|mark|level|barrier|threshold|line|milestone)\b)?",
    _I,
)
_MILESTONE_NEEDS_UNIT = frozenset({"over", "beyond"})
_FIRST_TIME = re.compile(
    r"\bfirst[- ]ever\b|\bfirst\s+time\s+(?:ever|in\s+(?:its\s+)?history)\b"
    r"|\bfor\s+(?:the\s+)?first\s+time\b(?!\s+(?:since|after|in\s+(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?"
    r"|sessions?|decades?|quarters?)\b|in\s+(?:19|20)\d\d|this\s+(?:year|month|week)))",
    _I,
)
_INTRADAY = re.compile(
    r"\bas\s+(?:much|high|low)\s+as\b|\bat\s+one\s+point\b|\bat\s+some\s+points?\b|\bbriefly\b"
    r"|\bintra-?day\b|\bduring\s+(?:the\s+|today'?s\s+|\w+day'?s\s+)?(?:session|trading|trade)\b"
    r"|\bduring\s+the\s+(?:final|first|last|early|late)\s+\w+|\bearlier\b(?!\s+this\s+(?:year|month|week))"
    r"|\btouch(?:ed|es|ing)?\b|\bshortly\s+after\s+the\s+(?:market\s+)?open\w*"
    r"|\b(?:mov|swung|swing|trad|rang|fluctuat|oscillat|seesaw)\w*\s+between\b"
    r"|\bin\s+the\s+(?:morning|afternoon)\b",
    _I,
)
_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:to|at|reaching|reached|reach|reaches|hit|hits|hitting|touched|touching|touch|scale|"
    r"scaled|between|as\s+high\s+as|as\s+low\s+as|and)|\b(?:high|highs|record|peak|close|level|low|"
    r"heights|levels|closing)\s+(?:of|at)|\b(?:a\s+|new\s+|fresh\s+)record)\s+$",
    _I,
)
_AFTER_UNIT = re.compile(r"\s*(?:\)\s*)?(?P<word>higher|lower|up|down)\b", _I)
_EARLIER_DAY = re.compile(
    r"\b(?:on|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\blast\s+(?:week|month|year|"
    r"session|\w+day's)\b|\bprevious\s+(?:session|day|week|close)\b|\byesterday\b|\bin\s+(?:19|20)\d\d\b",
    _I,
)

_CUT = re.compile(
    r"(?<!much)(?<!high)(?<!low)(?<!well)(?<!far),?\s+as\b(?!\s+(?:much|high|low|did|well|it|of|a\s+result))"
    r"|,?\s+(?:which|who|while|whereas|when|where"
    r"|with|buoyed|lifted|led\s+by|helped|weighed|dragged|despite|thanks\s+to|amid|following|according"
    r"|driven|fuell?ed|supported|boosted|hurt|pressured|underpinned|tracking|mirroring|due\s+to"
    r"|because|but|though|although|even|reflecting|on\s+(?:hopes|concerns|worries|fears|optimism|expectations"
    r"|bets|news|signs|the\s+back))\b|;|:\s|\s\|"
    r"|(?-i:,\s+(?:and\s+|but\s+)?(?=[A-Z][a-z])(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b))",
    _I,
)
_PHASE = re.compile(
    r"(?<!after),?\s+(?=(?:after(?!\s+the\s+(?:market\s+)?open)|before|having)\b)|,\s+and\s+(?:it\s+|then\s+)?|\s+[-–—]\s+"
    r"|\s+and\s+(?=(?:hitting|touching|touched|hit|lost|gained|fell|rose|closed|ended|settled|"
    r"finished|losing|gaining|falling|rising|reaching|reached|ending|closing)\b)",
    _I,
)
_PHASE_TURN = re.compile(r"^(?:having\b|(?:after|before)\s+(?:\w+ly\s+)?(?:\w+ing|earlier|having)\b)", _I)
_BEFORE_CLOSE = re.compile(
    r"^before\s+(?:\w+ly\s+)?(?:settl|clos|end|finish|par|rebound|dipp|retreat|eas|fall|revers|"
    r"trimm|giv|pull|slipp|recover|turn|swing)",
    _I,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one phase of a clause says about its index."""

    direction: str | None = None
    change_pct: float | None = None
    change_points: float | None = None
    level: float | None = None
    milestone: float | None = None
    record_high: bool = False
    first_time: bool = False
    approximate: bool = False
    intraday: bool = False
    motion: bool = False  # a verb of motion or standing (not only a bare noun)

    def is_move(self) -> bool:
        """A move states a direction, a number, a record or a milestone."""
        numbers = (self.change_pct, self.change_points, self.level, self.milestone)
        return self.motion or self.record_high or any(n is not None for n in numbers)


def cut_clause(segment: str) -> str:
    """The segment up to the first boundary where another subject's clause begins."""
    match = _CUT.search(segment)
    return segment[: match.start()] if match else segment


def split_phases(clause: str) -> list[tuple[str, bool]]:
    """The clause as (text, intraday) phases: each same-session peak/trough is its own phase,
    every other piece is merged into one close phase (returned last). Pieces about an earlier
    day ("after hitting a record high on Friday") and "after"/"before" pieces with another
    subject are dropped."""
    pieces: list[str] = []
    start = 0
    for match in _PHASE.finditer(clause):
        pieces.append(clause[start : match.start()])
        start = match.end()
    pieces.append(clause[start:])
    kept: list[str] = []
    for piece in pieces:
        text = piece.strip(" ,")
        low = text.lower()
        if low.startswith(("after", "before", "having")):
            if _EARLIER_DAY.search(text):
                continue
            if not _PHASE_TURN.match(text) and not low.startswith("after the market"):
                continue
        kept.append(text)
    flags = [bool(_INTRADAY.search(p)) and not p.lower().startswith(("before sett", "before clos"))
             for p in kept]  # fmt: skip
    for i in range(len(kept) - 1):
        if _BEFORE_CLOSE.match(kept[i + 1]):
            flags[i] = True
    if not any(flags):
        return [(" ".join(kept), False)]
    phases = [(p, True) for p, f in zip(kept, flags, strict=True) if f]
    rest = " ".join(p for p, f in zip(kept, flags, strict=True) if not f)
    if rest:
        phases.append((rest, False))
    return phases


def _direction(text: str, figures: list[Figure], noun_phrase: bool) -> tuple[str | None, bool]:
    """The clause's direction and whether a verb (not only a noun) says it, near the subject."""
    words = []
    for match in _DIRECTION.finditer(text):
        word = match.group(0).lower()
        if word == "up" and _NOT_MOTION_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        kind = "flat" if match.group("flat") else "down" if match.group("down") else "up"
        words.append((match.start(), kind, word))
    anchor = next((f for f in figures if f.unit in ("pct", "points")), None)
    if anchor is not None:
        after = _AFTER_UNIT.match(text, anchor.end)
        if after:
            word = after.group("word").lower()
            return ("up" if word in ("higher", "up") else "down"), True
        before = [w for w in words if w[0] < anchor.start]
        if before:
            return before[-1][1], not noun_phrase
    if not words:
        return None, False
    strong = [w for w in words if w[2] not in _WEAK]
    chosen = strong[0] if strong else words[0]
    motion = chosen[2] not in _WEAK and not noun_phrase and chosen[0] < _MOTION_REACH
    return chosen[1], motion


def read_phase(text: str, intraday: bool, noun_phrase: bool = False) -> Reading:
    """Read one phase: figures, milestone, record and first-time claims, direction."""
    milestone: float | None = None
    milestone_dir: str | None = None
    taken: list[tuple[int, int]] = []
    for match in _MILESTONE.finditer(text):
        verb = match.group("verb").lower()
        if verb in _MILESTONE_NEEDS_UNIT and not match.group("unit"):
            continue
        milestone = float(match.group("num").replace(",", ""))
        milestone_dir = "down" if verb in ("below", "under") or "below" in verb else "up"
        taken.append((match.start("num"), match.end()))
        break
    figures = [f for f in find_figures(text) if not any(a <= f.start < b for a, b in taken)]
    pct = points = level = None
    approximate = False
    for fig in figures:
        if fig.unit == "pct":
            if pct is None:
                pct = fig.value
                approximate = approximate or fig.approximate
        elif _LEVEL_BEFORE.search(fig.before[-24:]):
            if level is None:
                level = abs(fig.value)
                approximate = approximate or fig.approximate
        elif fig.unit == "points" and points is None:
            points = fig.value
            approximate = approximate or fig.approximate
    record = False
    for match in _RECORD.finditer(text):
        if not _RECORD_DENIED.search(text[max(0, match.start() - 40) : match.start()]):
            record = True
            break
    direction, motion = _direction(text, figures, noun_phrase)
    if direction is None and milestone_dir is not None:
        direction = milestone_dir
    if direction is None and record:
        direction = "up"
    if direction == "flat" and (pct or points):
        direction = None
    if direction == "down":
        pct = -abs(pct) if pct is not None else None
        points = -abs(points) if points is not None else None
    if milestone is not None and not intraday:
        motion = True
    reading = Reading(
        direction=direction,
        change_pct=pct,
        change_points=points,
        level=level,
        milestone=milestone,
        record_high=record,
        first_time=bool(_FIRST_TIME.search(text)),
        approximate=approximate,
        intraday=intraday,
        motion=motion,
    )
    return reading


def with_direction(reading: Reading, direction: str | None) -> Reading:
    """The reading with a direction filled in where it had none."""
    if reading.direction is not None or direction is None:
        return reading
    return replace(reading, direction=direction)
