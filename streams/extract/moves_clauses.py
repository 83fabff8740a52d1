"""Reading one clause about one index: direction, figures and flags.

A clause is the text that follows an index name up to the next index name or the next clause
boundary (``cut_clause``). ``split_phases`` separates a same-session peak or trough from the
close ("rose as much as 1.2% ... before closing up 0.8% ..."); ``read_phase`` reads one phase;
``clause_readings`` puts the two together. Each function takes the text and ``low``: ``text.lower()`` where that is fold-safe, else None
(fold.py); the case-insensitive regexes (moves_regexes) run on ``low`` when there is one.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from streams.extract.fold import Regexes
from streams.extract.moves_numbers import Figure, find_figures
from streams.extract.moves_regexes import (
    ANY,
    CUT,
    CUT_CASED,
    CUT_FOLDED_ASCII,
    DIRECTION_KIND,
    FROM_BASE_NEEDS,
    LOW,
    LOW_ASCII,
    MILESTONE_MARK_WORDS,
    MILESTONE_NEEDS,
    MILESTONE_NEEDS_MARK,
    MILESTONE_NEEDS_THE,
    MILESTONE_NEEDS_UNIT,
    MILESTONE_STANDING,
    MOTION_REACH,
    PHASE_NEEDS,
    RECORD_NEEDS,
    WEAK,
    contains_any,
)

__all__ = [
    "Reading",
    "SentenceMove",
    "clause_direction",
    "clause_readings",
    "cut_clause",
    "cut_tail",
    "read_phase",
    "split_phases",
    "with_direction",
]


class Reading(NamedTuple):
    """What one phase of a clause says about its index (a named tuple: built and copied with
    a change several times per clause, 2-7x cheaper than a frozen dataclass)."""

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
    # "rose over 1,000 points", "surged past 500 points": the change the milestone is when it is
    # no plausible level of the index (moves.extract_moves decides, knowing the index).
    over_points: float | None = None

    def is_move(self) -> bool:
        """A move states a direction, a number, a record or a milestone."""
        return is_move(self)


def is_move(reading: Reading) -> bool:
    """Reading.is_move as a module function: compiled callers call it directly, not through the
    named tuple's attribute lookup (and without a generator: plain tests, the same answer)."""
    return (
        reading.motion
        or reading.record_high
        or reading.change_pct is not None
        or reading.change_points is not None
        or reading.level is not None
        or reading.milestone is not None
    )


def with_motion(reading: Reading) -> Reading:
    """``reading._replace(motion=True)``, built by tuple.__new__ in field order: the same tuple
    without the interpreted _replace (a map over the fields and a dict of keywords)."""
    r = reading
    return tuple.__new__(
        Reading,
        (
            r.direction,
            r.change_pct,
            r.change_points,
            r.level,
            r.milestone,
            r.record_high,
            r.first_time,
            r.approximate,
            r.intraday,
            True,  # motion
            r.over_points,
        ),
    )


class SentenceMove(NamedTuple):
    """One move read from a sentence, before it becomes an IndexMove."""

    index_id: str
    reading: Reading
    futures: bool


def cut_clause(segment: str, low: str | None) -> int:
    """Where the segment ends: at the first boundary where another subject's clause begins."""
    if low is None:
        match = CUT.search(segment)
        return match.start() if match else len(segment)
    # The leftmost match of an alternation is the leftmost of its branches' matches.
    end = len(segment)
    folded = (CUT_FOLDED_ASCII if low.isascii() else LOW.cut_folded).search(low)
    if folded:
        end = folded.start()
    if segment.find(",", 0, end) < 0:
        return end  # a cased cut opens with a comma: with none before ``end``, none comes first
    cased = CUT_CASED.search(segment)
    if cased and cased.start() < end:
        end = cased.start()
    return end


# The kinds of phase: the close (or the only reading), a same-session peak or trough, and a
# further stretch of the move with a figure of its own (", extending its losses for the week to
# 3.5%"), read after the close.
CLOSE: Final = 0
INTRADAY: Final = 1
EXTENSION: Final = 2


def split_phases(clause: str, low: str | None) -> list[tuple[str, str | None, int]]:
    """The clause as (text, low, kind) phases: each same-session peak/trough is its own
    INTRADAY phase, every other piece is merged into one CLOSE phase (after them). Pieces about
    an earlier day ("after hitting a record high on Friday") and "after"/"before" pieces with
    another subject are dropped. A piece ", extending its losses ... to 42.3%" with a change of
    its own is its own move: INTRADAY after a peak or trough, else an EXTENSION read last."""
    r, t = ((LOW_ASCII if low.isascii() else LOW), low) if low is not None else (ANY, clause)
    spans: list[tuple[int, int]] = []
    start = 0
    if low is None or contains_any(low, PHASE_NEEDS):
        for match in r.phase.finditer(t):
            if spans and _dash_aside(match.group(0), t, r, start, match.start()):
                # "hit 19.5 – its highest since April – before closing": the aside names the
                # peak before it, one piece with it
                spans[-1] = (spans[-1][0], match.start())
            else:
                spans.append((start, match.start()))
            start = match.end()
        if spans and _dash_aside("-", t, r, start, len(clause)) and t[start - 3 : start].strip() in _DASHES:
            spans[-1] = (spans[-1][0], len(clause))
            start = len(clause)
    spans.append((start, len(clause)))
    spans = [(a, b) for a, b in spans if b > a or (a, b) == spans[-1]]
    if len(spans) == 1:
        return _one_phase(clause, t, r, low is not None)
    kept: list[tuple[str, str | None]] = []
    extensions: list[tuple[str, str | None, int]] = []
    for a, b in spans:
        text = clause[a:b].strip(" ,")
        folded = t[a:b].strip(" ,")
        lowered = folded if low is not None else text.lower()
        if (
            kept
            and lowered.startswith("extending")
            and _has_change(text, folded if low is not None else None)
        ):
            last = kept[-1][1] if low is not None else kept[-1][0]
            kind = INTRADAY if _is_intraday(last or "", r) else EXTENSION
            extensions.append((text, folded if low is not None else None, kind))
            continue
        if lowered.startswith(("after", "before", "having")):
            if r.earlier_day.search(folded) or (a and r.days_apart_before.search(t[max(0, a - 24) : a])):
                if (
                    kept
                    and lowered.startswith(("after", "having"))
                    and r.phase_turn.match(folded)
                    and _has_change(text, folded if low is not None else None)
                ):
                    # "- having fallen more than 3% yesterday": an earlier day's move with a
                    # change of its own is a move of its own (read after the day's)
                    extensions.append((text, folded if low is not None else None, EXTENSION))
                continue  # an earlier day's move; "a day after hitting a record": another day's
            if not r.phase_turn.match(folded) and not lowered.startswith("after the market"):
                continue
        kept.append((text, folded if low is not None else None))
    folds = [f if f is not None else p for p, f in kept]
    # no_close_after[i]: no piece after the i-th gives the close (one pass from the end: linear).
    no_close_after = [True] * len(folds)
    if any("orning" in f or "ORNING" in f for f in folds):  # only a morning event asks
        for i in range(len(folds) - 2, -1, -1):
            no_close_after[i] = no_close_after[i + 1] and not r.close_verb.search(folds[i + 1])
    flags = [_is_intraday(f, r, no_close_after[i]) and not f.lower().startswith(("before sett", "before clos"))
             for i, f in enumerate(folds)]  # fmt: skip
    for i in range(len(kept) - 1):
        if r.before_close.match(folds[i + 1]):
            flags[i] = True
    for i in range(1, len(kept)):
        # "closed at 13,400.2, after recording a new all-time high of 13,489.51": the peak of the
        # session after a close stated before it (the close itself no record)
        if (
            not flags[i]
            and r.after_peak.match(folds[i])
            and not r.earlier_day.search(folds[i])
            and any(r.close_verb.search(f) for f in folds[:i])
        ):
            flags[i] = True
    # (index loops, not zip(strict=True), which costs ~450 ns a call compiled: len(flags) == len(kept))
    peaks = [(kept[i][0], kept[i][1], INTRADAY) for i in range(len(kept)) if flags[i]]
    peaks += [e for e in extensions if e[2] == INTRADAY]
    later = [e for e in extensions if e[2] == EXTENSION]
    if not peaks:
        return [_joined(kept, low), *later]
    rest = [kept[i] for i in range(len(kept)) if not flags[i]]
    if rest:
        joined = _joined(rest, low)
        if joined[0]:
            peaks.append(joined)
    return peaks + later


_DASHES: Final = ("-", "–", "—")


def _dash_aside(separator: str, t: str, r: Regexes, a: int, b: int) -> bool:
    """Whether the piece t[a:b] after a spaced dash is an aside naming the peak before it ("– its
    highest since April –"): a noun phrase of a high or low, no verb of its own."""
    return separator.strip() in _DASHES and b > a and r.peak_aside.fullmatch(t, a, b) is not None


def _has_change(text: str, low: str | None) -> bool:
    """Whether the text gives a change of its own (a percentage or points)."""
    return any(figure.unit in ("pct", "points") for figure in find_figures(text, low))


# A literal that every alternative of moves_regexes._INTRADAY contains ("as much as", "at one point",
# "the day's high", "up to 2%", ...): most pieces hold none and skip that regex (a tenth of the
# clause reading's regex time). Lower-case text only; a new alternative adds its literal here.
INTRADAY_NEEDS: Final = ("as", "point", "briefly", "intra", "during", "range", "earlier", "touch", "open",
                  "session", "of", "day'", "day’", "between", "morning", "afternoon", "up", "early", "late")  # fmt: skip


def _is_intraday(piece: str, r: Regexes, last: bool = True) -> bool:
    """Whether a piece states a peak or trough inside the session. A mark crossed, a record or
    a first time "in morning trade" / "on Tuesday morning" is a session event, unless a later
    piece gives the close (``last`` False: "passed 20,000 ... and ended the day up 1.6%" is one
    move); a change or level in the morning is a mid-session reading, like "in early trading"."""
    if (r is ANY or contains_any(piece, INTRADAY_NEEDS)) and r.intraday.search(piece):
        return True
    return (
        last
        and ("morning" in piece or "MORNING" in piece or "Morning" in piece)
        and r.morning.search(piece) is not None
        and bool(r.milestone.search(piece) or r.record.search(piece) or r.any_first_time.search(piece))
    )


def _one_phase(clause: str, t: str, r: Regexes, folded: bool) -> list[tuple[str, str | None, int]]:
    """split_phases for a clause with no phase boundary: the same steps for a single piece."""
    text = clause.strip(" ,")
    piece = t.strip(" ,")
    lowered = piece if folded else text.lower()
    if lowered.startswith(("after", "before", "having")) and (
        r.earlier_day.search(piece)
        or (not r.phase_turn.match(piece) and not lowered.startswith("after the market"))
    ):
        return [("", "" if folded else None, CLOSE)]
    intraday = _is_intraday(piece, r) and not piece.lower().startswith(("before sett", "before clos"))
    return [(text, piece if folded else None, INTRADAY if intraday else CLOSE)]


def _joined(pieces: list[tuple[str, str | None]], low: str | None) -> tuple[str, str | None, int]:
    """The close phase: the pieces joined by spaces (each piece's low is a str when low is)."""
    text = " ".join(p for p, _ in pieces)
    return text, (" ".join(f or "" for _, f in pieces) if low is not None else None), CLOSE


def _direction(
    text: str, r: Regexes, figures: list[Figure], noun_phrase: bool
) -> tuple[str | None, bool, bool]:
    """The clause's direction, whether a verb (not only a noun) says it, near the subject, and
    whether only a word of reaching says it ("touched its highest": WEAK).
    ``text`` is the text ``r`` reads: lower-cased for LOW and LOW_ASCII."""
    words = []
    for match in r.direction.finditer(text):
        word = match.group(0) if r is not ANY else match.group(0).lower()
        if word == "up" and (
            r.not_motion_before.search(text[max(0, match.start() - 20) : match.start()])
            or r.not_motion_after.match(text, match.end())
        ):
            continue
        if word in ("highest", "lowest") and r.period_after.match(text, match.end()):
            continue  # "its highest year-end finish": a period's best, not the day's direction
        kind = DIRECTION_KIND[match.lastgroup or ""]  # (one group of the regex matches: its kind's)
        words.append((match.start(), kind, word))
    anchor = None
    for figure in figures:
        if figure.unit in ("pct", "points"):
            anchor = figure
            break
    if anchor is not None:
        after = r.after_unit.match(text, anchor.end)
        if after:
            word = after.group("word").lower()
            return ("up" if word in ("higher", "up") else "down"), True, False
        before = [w for w in words if w[0] < anchor.start]
        if before:
            return before[-1][1], not noun_phrase, before[-1][2] in WEAK
    if not words:
        return None, False, False
    closing = r.close_direction.search(text) if len({w[1] for w in words}) > 1 else None
    if closing is not None:
        # "abandoned its decline ... and closed higher": the close states the day's direction.
        word = closing.group("word").lower()
        return ("up" if word in ("higher", "up") else "down"), not noun_phrase, False
    strong = [w for w in words if w[2] not in WEAK]
    chosen = strong[0] if strong else words[0]
    motion = chosen[2] not in WEAK and not noun_phrase and chosen[0] < MOTION_REACH
    return chosen[1], motion, chosen[2] in WEAK


# "to end near 25,479", "closed close to 7,000 points": a figure near which the index stands is a
# level (with "points" only after a verb of standing: "shed near 300 points" is a change).
_NEAR: Final = (["near"], ["close", "to"])


def _first_time(t: str, r: Regexes) -> bool:
    """An unqualified first time that the phase does not negate ("failed to finish above 7,000
    for the first time ever" is no first time)."""
    found = r.first_time.search(t)
    if found is None:
        # ", the first time it has exceeded 5000 since being introduced in 2003": a first time in
        # apposition, unqualified when its tail names no period ("since" its launch is its whole
        # history).
        found = r.first_time_it.search(t)
        if found is None:
            return False
        tail = t[found.end() : found.end() + 100]
        qualified = r.first_time_qualified.search(tail)
        if qualified is not None and not (
            qualified.group(0).lower().startswith("since") and r.since_launch.match(tail, qualified.start())
        ):
            return False
    return not r.negation_before.search(t[max(0, found.start() - 60) : found.start()])


def _signed_direction(figures: list[Figure]) -> str | None:
    """The direction a written sign gives the first change figure ("Stoxx 600 +0.5%", "(-1.2%)"),
    when no word gives one."""
    for figure in figures:
        if figure.unit in ("pct", "points") and figure.signed:
            return "up" if figure.value > 0 else "down" if figure.value < 0 else "flat"
    return None


# Words one of which a distance or a range width needs (substring tests, once per phase: in
# compiled code cheaper than one search of their alternation, which is what they replace).
DISTANCE_NEEDS: Final = ("below", "under", "beneath", "off", "short", "shy", "away", "within", "range")


def _distance(t: str, r: Regexes, fig: Figure) -> bool:
    """Whether a change figure measures how far the index stands from a high ("5% below its
    all-time high", "within 1% of its record") or the session's spread ("in a narrow range of
    300 points") rather than a move."""
    after = t[fig.end : fig.end + 12]
    if (
        "below" in after
        or "under" in after
        or "beneath" in after
        or "off" in after
        or "short" in after
        or "shy" in after
        or "away" in after
        or (r is ANY and not after.islower())
    ) and r.distance_after.match(t, fig.end):
        return True
    if "range" in t[max(0, fig.before_end - 16) : fig.before_end]:
        return True  # "in a narrow range of 300 points": the session's spread
    return "within" in t[max(0, fig.before_end - 8) : fig.before_end].lower() and bool(
        r.distance_before.search(t[max(0, fig.before_end - 8) : fig.before_end])
    )


def _not_its_level(before: str, r: Regexes, folded: bool) -> bool:
    """Whether the words before a figure make it a level other than the index's own: a base
    ("from a close of"), a high it stands below ("below its all-time high of"), an earlier record
    ("its previous record of")."""
    if folded and not contains_any(before, FROM_BASE_NEEDS):
        return False
    return bool(r.from_base.search(before))


def _change_over(match: re.Match[str], t: str, r: Regexes) -> bool:
    """Whether a milestone match may be a change of more (or less) than N points after a verb of
    change: "rose over 1,000 points", "surged past 500 points", "lost under 200 points" (not
    "closed over 45,000 points", "rose past the 40,000 mark"). It is one when N is no plausible
    level of the index ("surged past 25,000 points" is the Hang Seng's mark)."""
    verb = match.group("verb").lower().split()
    if verb[-1] not in ("over", "under", "past", "beyond") or " the " in match.group(0).lower():
        return False
    if (match.group("unit") or "").strip(" -").lower() not in ("point", "points"):
        return False
    if len(verb) > 1:  # "surged past"
        return bool(r.change_verb.fullmatch(verb[0]))
    return bool(r.change_verb_before.search(t[max(0, match.start() - 20) : match.start()]))


def _mark_named(match: re.Match[str], t: str) -> bool:
    """Whether a milestone match names a mark with "the" and a word of a mark: "the 16,000 mark",
    "the 5,000-point barrier", "the 40,000 level"; "clear" needs neither ("clears 40,000"), being
    no verb of change, unless the unit is points."""
    unit = (match.group("unit") or "").strip(" -").lower()
    if match.group("verb").lower().startswith("clear") and unit not in ("point", "points"):
        return True
    if " the " not in match.group(0).lower():
        return False
    if unit in MILESTONE_MARK_WORDS:
        return True
    if unit not in ("point", "points"):
        return False
    following = t[match.end() : match.end() + 12].lower().split()
    return bool(following) and following[0].rstrip(".,;:") in MILESTONE_MARK_WORDS


def read_phase(text: str, low: str | None, intraday: bool, noun_phrase: bool = False) -> Reading:
    """Read one phase: figures, milestone, record and first-time claims, direction."""
    r, t = ((LOW_ASCII if low.isascii() else LOW), low) if low is not None else (ANY, text)
    milestone: float | None = None
    milestone_dir: str | None = None
    milestone_verb = ""
    over = False  # the milestone may be a change of more than N points ("rose over 1,000 points")
    peak_level: float | None = None
    taken: list[tuple[int, int]] = []
    for match in r.milestone.finditer(t) if low is None or contains_any(t, MILESTONE_NEEDS) else ():
        verb = match.group("verb").lower()
        if verb in MILESTONE_NEEDS_UNIT and not match.group("unit"):
            continue
        if verb.startswith(MILESTONE_NEEDS_MARK) and (
            (match.group("unit") or " points").strip(" -").lower() == "points"
            and " the " not in match.group(0).lower()
        ):
            continue
        if verb in ("above", "over", "below", "under") and r.peak_noun_before.search(
            t[max(0, match.start() - 12) : match.start()]
        ):
            # "a late intraday high above 7,900": the peak's level, about N (no mark crossed)
            peak_level = float(match.group("num").replace(",", ""))
            taken.append((match.start("num"), match.end()))
            continue
        if verb.startswith(MILESTONE_NEEDS_THE) and not _mark_named(match, t):
            continue  # "climbed 1,000 points" is a change; "climbed the 16,000 mark" a crossing
        if r.negation_before.search(t[max(0, match.start() - 30) : match.start()]):
            continue  # "failed to finish above the 7,000 threshold": no mark was crossed
        milestone = float(match.group("num").replace(",", ""))
        milestone_dir = "down" if verb in ("below", "under") or "below" in verb else "up"
        milestone_verb = verb
        over = _change_over(match, t, r)
        taken.append((match.start("num"), match.end()))
        break
    figures = find_figures(text, low)
    if taken:
        figures = [f for f in figures if not any(a <= f.start < b for a, b in taken)]
    pct = points = level = None
    approximate = False
    # (Searched for at the first figure with a unit, which most phases without one never reach.)
    distances: bool | None = None if low is not None else True
    for fig in figures:
        if fig.unit and distances is None:
            distances = contains_any(t, DISTANCE_NEEDS)
        if distances and fig.unit and _distance(t, r, fig):
            continue  # "is 5% below its all-time high": how far from a high, not a move
        if fig.unit == "pct":
            if pct is None:
                pct = fig.value
                approximate = approximate or fig.approximate
        elif _not_its_level(t[max(fig.before, fig.before_end - 40) : fig.before_end], r, low is not None):
            continue
        elif (
            (
                r.level_before.search(t[max(fig.before, fig.before_end - 24) : fig.before_end])
                # "point to a 300-point drop": a compound "N-point" is a change, never a level
                and not (fig.unit == "points" and "-" in t[fig.start + 1 : fig.end])
            )
            or (
                fig.approximate
                and t[fig.before_end : fig.start].split() in _NEAR
                and (
                    fig.unit == ""
                    or r.standing_before.search(t[max(0, fig.before_end - 24) : fig.before_end])
                )
            )
            or (fig.unit == "points" and r.level_after.match(t, fig.end))
        ):
            if level is None:
                level = abs(fig.value)
                approximate = approximate or fig.approximate
        elif fig.unit == "points" and points is None:
            points = fig.value
            approximate = approximate or fig.approximate
        elif (
            fig.unit == ""
            and points is None
            and r.bare_change_after.match(t, fig.end)
            and r.change_verb_before.search(t[max(0, fig.before_end - 20) : fig.before_end])
        ):
            # AP's unitless change: "rose 1.43 to 1,094.60", "fell 12.5 to 3,210.4" (points)
            points = fig.value
            approximate = approximate or fig.approximate
    if level is None and peak_level is not None:
        level, approximate = peak_level, True
    record = qualified_high = False
    for match in r.record.finditer(t) if low is None or contains_any(t, RECORD_NEEDS) else ():
        if r.record_denied.search(t[max(0, match.start() - 40) : match.start()]):
            continue
        if r.record_qualified_after.match(t, match.end()) or r.record_qualified_before.search(
            t[max(0, match.start() - 40) : match.start()]
        ):
            # "a new high for the year": a rise to a high, not a record.
            qualified_high = qualified_high or match.group(0).lower().startswith(("new", "fresh"))
            continue
        record = True
        break
    direction, motion, weak = _direction(t, r, figures, noun_phrase)
    first_time = (low is None or "first" in t or "1st" in t) and _first_time(t, r)
    if intraday and weak and not record and milestone is None and not first_time:
        # A lone peak or trough of the session ("touched its highest since 2001") states no
        # direction; a record, a milestone or a first time does. It is still a move.
        direction, motion = None, True
    if milestone_dir == "up" and milestone_verb in MILESTONE_STANDING and not r.any_first_time.search(t):
        # "Closed above 50,000" states where the index stands, not that it crossed: the day's
        # direction comes from the rest of the sentence, if it says one. "For the first time"
        # (even "in a month") says it crossed.
        milestone_dir = None
    if direction is None:
        direction = _signed_direction(figures)
    if direction is None and milestone_dir is not None:
        direction = milestone_dir
    if direction is None and (record or (first_time and (level is not None or milestone is not None))):
        direction = "up"  # a record, or a level reached for the first time, is a rise
    if qualified_high and (direction is None or (direction == "up" and weak)):
        direction, motion = "up", True
    if direction == "flat" and (pct or points):
        direction = None
    if direction == "down":
        pct = -abs(pct) if pct is not None else None
        points = -abs(points) if points is not None else None
    if milestone is not None and not intraday:
        motion = True
    over_points = None
    if over and milestone is not None:
        over_points = -milestone if direction == "down" else milestone
    # (In field order, built by tuple.__new__ as the named tuple's own __new__ does, without the
    # call of that Python function: half the cost of Reading(...), the same tuple.)
    return tuple.__new__(
        Reading,
        (
            direction,
            pct,  # change_pct
            points,  # change_points
            level,
            milestone,
            record,  # record_high
            first_time,
            approximate,
            intraday,
            motion,
            over_points,
        ),
    )


def clause_direction(text: str, low: str | None) -> str | None:
    """The direction of the clause before a 'with'/'leading' phrase ("Paris was up 1.35%")."""
    return read_phase(*cut_tail(text, low), intraday=False).direction


def cut_tail(text: str, low: str | None = None) -> tuple[str, str | None]:
    """The last clause of a text (after the last 'while'/';'), and of its lower-cased copy."""
    for sep in (" while ", "; ", " whereas "):
        at = text.rfind(sep)
        if at >= 0:
            text, low = text[at + len(sep) :], (low[at + len(sep) :] if low is not None else None)
    return text, low


def clause_readings(clause: str, low: str | None, noun_phrase: bool) -> list[Reading]:
    """Every reading of a clause: each same-session peak or trough, then the close (a move only
    with a figure or record of its own when it follows a peak)."""
    readings: list[Reading] = []
    r_close = (LOW if low is not None else ANY).close_verb
    phases = split_phases(clause, low)
    intraday_dir: str | None = None
    peaks = 0
    closes = 0
    for phase in phases:  # (a loop: no generator object, as sum() over one would build)
        if phase[2] == CLOSE:
            closes += 1
    for text, text_low, kind in phases:
        if kind == EXTENSION:
            reading = read_phase(text, text_low, intraday=False, noun_phrase=noun_phrase)
            if reading.change_pct is not None or reading.change_points is not None:
                readings.append(with_motion(reading))
            continue
        if kind == INTRADAY:
            found = LOW.range.search(text_low) if text_low is not None else ANY.range.search(text)
            if found:
                for key in ("ace", "bdf"):
                    value = float(
                        (found.group(key[0]) or found.group(key[1]) or found.group(key[2])).replace(",", "")
                    )
                    readings.append(Reading(level=value, intraday=True, motion=True))
                peaks += 1
                continue
            reading = read_phase(text, text_low, intraday=True, noun_phrase=noun_phrase)
            numbers = (reading.change_pct, reading.change_points, reading.level, reading.milestone)
            # A peak or trough stated without a figure: "after hitting its highest level since 2022
            # earlier in the day", "touching a two-year high" (a move of the session beside the close).
            peak_word = all(n is None for n in numbers) and bool(
                LOW.peak_word.search(text_low) if text_low is not None else ANY.peak_word.search(text)
            )
            if closes and not reading.record_high and all(n is None for n in numbers) and not peak_word:
                # "swung between gains and losses before closing flat": no peak or trough is
                # stated, only the way to the close, which is read as the move ("after hitting
                # its highest level since 2022 earlier in the day" states one).
                continue
            peaks += 1
            if (
                reading.direction is not None
                or reading.level is not None
                or (peak_word and "clos" not in text)
            ):
                reading = with_motion(reading)
            intraday_dir = intraday_dir or reading.direction
            if is_move(reading):
                readings.append(reading)
            continue
        reading = read_phase(text, text_low, intraday=False, noun_phrase=noun_phrase)
        if peaks:
            # The close after a peak: a move only with a figure or record of its own.
            numbers = (reading.change_pct, reading.change_points, reading.level, reading.milestone)
            turned = (
                reading.direction is not None
                and intraday_dir is not None
                and reading.direction != intraday_dir
                and bool(r_close.search(text_low if text_low is not None else text))
            )
            if not reading.record_high and all(n is None for n in numbers) and not turned:
                # (a close that turns from the peak is a move: "rose as much as 1% before closing flat")
                continue
            # "dipped below 18,000 during the session but closed at 18,050.3": the close after a
            # contrast keeps only the direction it states.
            if not (text_low if text_low is not None else text.lower()).startswith("but "):
                reading = with_direction(reading, intraday_dir)
        if is_move(reading):
            readings.append(reading)
    return _crossing_on_the_way(readings, phases)


def _crossing_on_the_way(readings: list[Reading], phases: list[tuple[str, str | None, int]]) -> list[Reading]:
    """ "topped the 40,000 line soon after the opening and hit a fresh intraday record of
    40,314.64", "topped 40,000 for the first time and hit a record intraday high of 40,314.6": a
    mark crossed in the session on the way to the session's peak is one peak (the mark, the peak's
    level and its flags), as dev 128's "set an intraday record ... as it crossed the 4,000 mark".
    Not when the crossing is the close ("closed above 30,000 ... and hit an intraday record")."""
    for k in range(len(readings) - 1):
        a, b = readings[k], readings[k + 1]
        # The crossing read as a phase of the session ("soon after the opening"), then the peak at
        # or above its mark.
        if (
            a.intraday
            and b.intraday
            and a.milestone is not None
            and a.level is None
            and a.change_pct is None
            and a.change_points is None
            and b.milestone is None
            and b.level is not None
            and b.level >= a.milestone
            and a.direction == "up"
            and b.direction in ("up", None)
        ):
            merged = b._replace(
                milestone=a.milestone, direction="up", first_time=a.first_time or b.first_time, motion=True
            )
            return [*readings[:k], merged, *readings[k + 2 :]]
    if len(readings) == 2 and len(phases) == 2:
        # The record peak read first and the crossing as the statement left, which is no close.
        peak, crossing = readings
        crossing_text = phases[1][1] if phases[1][1] is not None else phases[1][0].lower()
        figures = (crossing.change_pct, crossing.change_points, crossing.level)
        if (
            peak.intraday
            and peak.record_high
            and peak.level is not None
            and crossing.milestone is not None
            and all(n is None for n in figures)
            and not LOW.close_verb.search(crossing_text)
        ):
            return [
                peak._replace(milestone=crossing.milestone, first_time=peak.first_time or crossing.first_time)
            ]
    return readings


def with_direction(reading: Reading, direction: str | None) -> Reading:
    """The reading with a direction filled in where it had none."""
    if reading.direction is not None or direction is None:
        return reading
    # (tuple.__new__ in field order: reading._replace(direction=direction) without its interpreted call)
    return tuple.__new__(Reading, (direction, *reading[1:]))
