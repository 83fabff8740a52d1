"""Index-move extraction: every statement that a named index moved or stands at a level.

For each sentence: find the index names (``indices``), give each name the text up to the next
name, cut that at the first boundary where another subject's clause begins
(``moves_clauses.cut_clause``), split it into a same-session peak/trough and the close, and read
each phase. Names that are only the object of another verb ("dragged the Kospi", "sent the TSX
over") or of a preposition yield nothing unless they carry a figure of their own; names joined by
"and" share the predicate that follows them ("The Nasdaq and S&P 500 also closed higher").

Clause reading around that core (shared/dev/README.md conventions):
- moves_statements: predictions, pre-open calls, near-record wording, negations, statistics,
  labels of a level ("Dow 19,000 rally caps") and the name as a modifier ("S&P 500 financial
  sector") state no move; phrases that state a direction without a verb ("on a positive note").
- moves_voice: where a name's own predicate starts: a passive head ("was dragged down by"), a
  relative clause ("led by the Nikkei, which rose 1%"), a subject list ending in "all"; a signed
  change in parentheses ("the DAX 40 (+22.3%)"), a noun of motion carrying a figure ("losses of
  0.1% on the CAC"), a perfect participle after a head that states no move, undone moves masked.
- moves_periods: several periods with their own figures (also "having fallen 3% yesterday",
  "gained 26% in 2013, and hit a record on Monday", ", capping a year when it rose 29%"),
  elliptical clauses and marks ("breached 78,000 on June 25 and 79,000 on June 27"), a phrase
  inserted between "and" and its verb. (", extending its losses ... to N%" is a phase: moves_clauses.)
- moves_voice also: a passive's agent with another subject's figure ("hit by a 2% drop in
  SoftBank") and another session's noun of motion ("rebounded from a 1.2% plunge the previous
  session": its own move) are blanked from the clause.
- moves_pairs ("respectively") and moves_references (a later "the blue-chip index" in a
  sentence that names one index; "the former"/"the latter" after two names).
- A relative clause that only describes the name may state an earlier move with a figure of its
  own ("The Hang Seng, which had risen 2% on Monday, gave up 1.1%"): read before the main move.
- moves_table: pipe tables, ticker rows (spaced or flattened), scoreboard rows ("Dax: 1.33%")
  with the direction the list's lead line states.
- Flags from words outside the clause (``_flags_outside``): a fronted "At its low of the day,",
  a trailing ", but then pulled back", "it was the first time the STI had crossed ...".

Speed (identical output): the body is scanned for names once and only sentences holding one are
read; every piece of text is carried with ``low``, its lower-cased copy where that is fold-safe
(else None), so the case-insensitive regexes run case-sensitively on ``low`` (fold.py,
moves_regexes); substring tests skip searches that cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from pydantic import TypeAdapter

from schemas import Article, IndexMove
from streams.extract.fold import Regexes, fold_safe
from streams.extract.indices import IndexRegistry, Mention, default_registry
from streams.extract.moves_clauses import (
    Reading,
    SentenceMove,
    clause_direction,
    clause_readings,
    cut_clause,
    with_direction,
)
from streams.extract.moves_numbers import (
    find_figures,
    has_spelled_numbers,
    repair_numbers,
    respell_numbers,
)
from streams.extract.moves_pairs import respective
from streams.extract.moves_periods import (
    drop_insert,
    elided,
    elided_mark,
    elliptical,
    shared_session,
    slashed_range,
    split_periods,
)
from streams.extract.moves_references import with_references
from streams.extract.moves_regexes import ANY, CODE, LEADING_NEEDS, LOW, PLACE_OPENING, contains_any
from streams.extract.moves_statements import (
    PHRASE_REACH,
    label_or_modifier,
    phrase_direction,
    predicted_before,
    unstated_clause,
)
from streams.extract.moves_table import (
    glued_rows,
    is_unsigned_label_row,
    list_direction,
    read_bar_cells,
    read_label_row,
    read_level_row,
    read_table_row,
    read_ticker_row,
    stacked_rows,
)
from streams.extract.moves_voice import (
    PLAIN,
    earlier_noun,
    figure_relative_end,
    mask_agent,
    mask_reversed,
    noun_figure_before,
    object_participle,
    paren_figure,
    predicate,
    superlative_level,
    voiced,
)
from streams.extract.sentences import spans_holding

__all__ = ["SentenceMove", "extract_moves", "sentence_moves"]


# The first character (after spaces) of every lower-cased segment that a ticker code (".", "("),
# parenthetical ("(", ",", "index", "sub-index"), appositive, possessive ("'s") or "futures"
# ("index futures", "mini futures", "e-minis") can begin with; a segment beginning otherwise skips
# them all.
_SEGMENT_HEADS = frozenset({".", "(", ",", "'", "’", "i", "s", "m", "f", "e", ":"})


# The first character (after spaces) of every ticker code (CODE), of every lower-cased possessive
# (moves_regexes._POSSESSIVE), parenthetical (_PARENTHETICAL) and futures (_FUTURES_AFTER) after a
# name.
_CODE_HEADS = frozenset({".", "("})
_POSSESSIVE_HEADS = frozenset({"i", "'", "’"})
_PARENTHETICAL_HEADS = frozenset({",", "i", "s", "("})
_FUTURES_HEADS = frozenset({"i", "m", "f", "e"})

# A ticker or scoreboard row ends in a figure, a percent sign or a closing bracket.
_ROW_ENDS = frozenset("0123456789%)")


def _merge(mentions: list[Mention], sentence: str) -> list[Mention]:
    """Join repeated names of one index ("Straits Times Index (STI)", "Nikkei .N225")."""
    merged: list[Mention] = []
    for mention in mentions:
        if merged:
            last = merged[-1]
            if last.index_id == mention.index_id and ANY.join.match(sentence[last.end : mention.start]):
                merged[-1] = Mention(last.index_id, last.start, mention.end)
                continue
        merged.append(mention)
    return merged


def _cut(text: str, low: str | None, start: int, end: int | None = None) -> tuple[str, str | None]:
    """The same slice of a text and of its lower-cased copy."""
    return text[start:end], (low[start:end] if low is not None else None)


def _noun_record_before(rx: Regexes, pre: str, folded: bool) -> bool:
    """ "record finishes for the": the name is the object of a record; on lower-cased text the
    regex needs "record" or "all-time" to match at all."""
    if folded and "record" not in pre and "all-time" not in pre:
        return False
    return bool(rx.noun_record_before.search(pre))


# The most words (runs of non-whitespace) an object_before match spans: its verb ("weighs on": two)
# and _OBJECT_TAIL's "the", possessive and two more words (tests pin it to the regex's source).
OBJECT_SPAN_WORDS: Final = 6


def _governed(rx: Regexes, governor: str) -> bool:
    """Whether the text before a name (its last 80 characters) ends in a word that governs the
    name as an object ("helped lift the", "stocks in the"): ``rx.object_before``. Every
    alternative of that regex ends in whitespace and ``$``: a text that does not end in a space
    (the empty text before a sentence's first word) cannot match, nor can the most common text of
    all, a sentence's opening "the " (no verb; the test pins it)."""
    if not governor[-1:].isspace() or governor == "the ":
        return False
    # A match spans at most the last OBJECT_SPAN_WORDS words, so only they are searched: cut right
    # after a whitespace (rsplit's and \s's whitespace are the same), the words keep every "\b"
    # and match they had (the regex looks back one character at most).
    words = governor.rsplit(None, OBJECT_SPAN_WORDS)
    if len(words) > OBJECT_SPAN_WORDS:
        governor = governor[len(words[0]) :]
    return rx.object_before.search(governor) is not None


def _first_time(reading: Reading) -> Reading:
    """The reading of a first time: a mark or level reached for the first time is a rise."""
    if reading.direction is None and (reading.milestone is not None or reading.level is not None):
        return reading._replace(first_time=True, direction="up")
    return reading._replace(first_time=True)


def _flags_outside(
    readings: list[Reading], rx: Regexes, pre: str, first: bool, seg: str, clause_end: int, folded: bool
) -> list[Reading]:
    """The readings with the flags that words outside the clause give them. A peak or trough of
    the session: a fronted "At its low of the day," before the sentence's first name, or ", but
    then pulled back" right after the clause (for a clause with one reading). A first time:
    "it was the first time the STI had crossed ...", unless the clause qualifies it ("since
    2007"). ``pre`` is the text before the name, ``seg`` the segment after it (``rx``'s text)."""
    if not readings:
        return readings
    if len(readings) == 1 and not readings[0].intraday:
        fronted = (
            first
            and len(pre) < 80
            and ("," in pre or "at " in pre or "At " in pre)
            and rx.fronted_intraday.search(pre)
        )
        but_after = seg.find("but", clause_end, clause_end + 6) >= 0
        given_up = but_after and rx.peak_given_up.match(seg, clause_end)
        if fronted or given_up:
            readings = [readings[0]._replace(intraday=True)]
    if (
        (not folded or "first time" in pre)
        and rx.first_time_before.search(pre[-60:])
        and not rx.first_time_qualified.search(seg[:clause_end])
    ):
        readings = [_first_time(r) for r in readings]
    return readings


def _drop_appositive(segment: str, low: str | None) -> int:
    """ "…Index, Wall Street's fear gauge, climbed" -> " climbed": a comma-enclosed phrase right
    after the name, without figures or verbs of motion, describes the index. Returns where the
    rest of the segment starts."""
    r, t = (LOW, low) if low is not None else (ANY, segment)
    match = r.appositive.match(t)
    if match is None or r.direction_words.search(match.group("app")):
        return 0
    return match.end()


# A live blog's time stamp glued to the headline after it: "4d agoFTSE 100 ends at record closing level".
_TIMESTAMP = re.compile(r"\b\d+\s?(?:s|m|h|d|mins?|hrs?|minutes?|hours?|days?)\s+ago(?=[A-Z0-9])")
# What every time stamp ends in: a literal the engine finds far faster than it tries every place
# of the body for _TIMESTAMP.
_GLUED_AGO = re.compile(r"ago[A-Z0-9]")


_GLUED_AFTER_AGO: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _glued_ago(body: str) -> bool:
    """Whether _GLUED_AGO occurs in the body: "ago" followed by [A-Z0-9], found by a substring
    search per "ago" (a fast search in C, where the regex engine steps through the body)."""
    at = body.find("ago")
    while at >= 0:
        if body[at + 3 : at + 4] in _GLUED_AFTER_AGO:
            return True
        at = body.find("ago", at + 1)
    return False


def _after_timestamps(body: str, registry: IndexRegistry) -> list[Mention]:
    """Index names right after a glued time stamp, which the name scan (whole words only) skips."""
    out: list[Mention] = []
    if not _glued_ago(body):
        return out
    for stamp in _TIMESTAMP.finditer(body):
        line_end = body.find("\n", stamp.end())
        rest = body[stamp.end() : line_end if line_end >= 0 else len(body)]
        first = registry.find_mentions(rest)[:1]
        if first and first[0].start == 0:
            out.append(Mention(first[0].index_id, stamp.end(), stamp.end() + first[0].end))
    return out


def _participle_readings(clause: str, low: str | None, subject: bool = False) -> list[Reading]:
    """The readings of a perfect participle with a change of its own in a clause whose head states
    no move of the name ("keeps the CAC 40 on track ..., having fallen by 5.3% since January")."""
    at = object_participle(clause, low, subject)
    if at < 0:
        return []
    part, part_low = _cut(clause, low, at)
    found = clause_readings(part, part_low, False)
    return found if any(r.change_pct is not None or r.change_points is not None for r in found) else []


def _phrased(readings: list[Reading], clause: str, low: str | None, noun_phrase: bool) -> list[Reading]:
    """Readings without a direction take the one a phrase states ("on a positive note", "at a
    two-month high", "a 10% correction"); with no reading, a phrase near the name is a move
    (not after a possessive: "the Nikkei's trading volume hit a two-month high")."""
    direction, at = phrase_direction(clause, low)
    if direction is None:
        return readings
    if readings:
        # (a session's peak or trough keeps its own: the phrase states how the index closed)
        return [r if r.intraday else elliptical(r, direction) for r in readings]
    return [Reading(direction=direction, motion=True)] if at < PHRASE_REACH and not noun_phrase else []


# A relative clause with a verb of motion of its own: "The Hang Seng, which had risen 2% on Monday, ..."
_RELATIVE_MOVE = re.compile(
    r"\W*which\s+(?:had\s+|has\s+)?(?:\w+ly\s+|also\s+)?(?:rose|risen|fell|fallen|gained|lost|jumped|dropped"
    r"|climbed|slumped|plunged|surged|tumbled|declined|advanced|slid|sank|sunk|soared|rallied)\b",
    re.IGNORECASE,
)


def _relative_move(paren: str, low: str | None) -> list[Reading]:
    """The move a relative clause that describes the name states with a figure of its own ("The
    KOSPI, which fell to the 1,450 line in March last year, has continued to surge": two moves)."""
    if not _RELATIVE_MOVE.match(paren):
        return []
    inner = paren.rstrip().rstrip(",")
    at = inner.lower().find("which") + len("which")
    part, part_low = _cut(inner, low[: len(inner)] if low is not None else None, at)
    found = clause_readings(part, part_low, False)
    numbers = [
        r for r in found if r.change_pct is not None or r.change_points is not None or r.level is not None
    ]
    return numbers[:1]


def _predicate_follows(text: str, low: str | None, start: int, end: int) -> bool:
    """Whether the text after a parenthetical holds a figure or a word of motion."""
    rest, rest_low = _cut(text, low, start, end)
    if find_figures(rest, rest_low):
        return True
    if LOW.direction_words.search(rest_low) if rest_low is not None else ANY.direction_words.search(rest):
        return True
    # a flat statement: "the Eurostoxx 50, which represents 50 blue chips, also showed little movement"
    return bool(LOW.flat.search(rest_low) if rest_low is not None else ANY.flat.search(rest))


def sentence_moves(
    sentence: str, registry: IndexRegistry, mentions: list[Mention] | None = None, low: str | None = None
) -> list[SentenceMove]:
    """Every move stated in one sentence, in text order (intraday before close).

    ``mentions`` are the sentence's index names and ``low`` its lower-cased copy (if fold-safe)
    when the caller has them already."""
    if sentence.lstrip().startswith("|"):
        return read_table_row(sentence, registry)
    if mentions is None:
        mentions = registry.find_mentions(sentence)
    mentions = registry.in_company(sentence, _merge(mentions, sentence))
    if not mentions:
        return []
    if "+" in sentence or "-" in sentence or "−" in sentence or "–" in sentence:
        row = read_ticker_row(sentence, mentions) if sentence[-1:] in _ROW_ENDS else None
        if row is not None:
            return row
        if "%" in sentence and (sentence[-1:] in _ROW_ENDS or "%)" in sentence or sentence.count("%") > 1):
            bar = read_bar_cells(sentence, registry)
            if bar is not None:
                # A bar run on from other text: the text before and after it is read apart.
                row, bar_start, bar_end = bar
                head, tail = sentence[:bar_start], sentence[bar_end:]
                lead = sentence_moves(head, registry) if head.strip() else []
                return lead + row + (sentence_moves(tail, registry) if tail.strip() else [])
    if sentence[-1:] in _ROW_ENDS and ":" in sentence:
        row = read_label_row(sentence, mentions)
        if row is not None:
            return row
    if len(sentence) < 60 and sentence[-1:].isdigit() and "." in sentence:
        row = read_level_row(sentence, registry)
        if row is not None:
            return row
    spelled = has_spelled_numbers(low, True) if low is not None else has_spelled_numbers(sentence)
    text = respell_numbers(sentence) if spelled else sentence
    text = repair_numbers(text)  # numbers broken by scraping: "20, 572.97", "0. 19 percent"
    if text is not sentence:
        mentions = registry.in_company(text, _merge(registry.find_mentions(text), text))
        low = None
    if low is None and fold_safe(text):
        low = text.lower()
    rx, t = (LOW, low) if low is not None else (ANY, text)  # t: the text the regexes rx read
    mentions = with_references(mentions, text, low)
    per_mention: list[list[Reading]] = []
    futures_flags: list[bool] = []
    shares_next: list[bool] = []
    clauses: list[tuple[str, str | None]] = []
    previous: list[Reading] = []
    object_before = False
    for i, mention in enumerate(mentions):
        pre_start = mentions[i - 1].end if i else 0
        pre = t[pre_start : mention.start]
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        # The segment after the name, less a ticker code, a parenthetical and an appositive.
        start = mention.end
        earlier: list[Reading] = []  # a move stated by a relative clause that only describes the name
        if text[start : start + 1] == ")" and pre.rstrip().endswith("("):
            start += 1  # the name is the parenthesis: "the Composite Stock Price Index (JCI), which ..."
        seg = t[start:end]
        seg_start = start
        # (Substring tests on the lower-cased text skip searches that cannot match.)
        first_char = seg.lstrip()[:1]
        if low is None or first_char in _SEGMENT_HEADS:
            # (a ticker code starts with "." or "("; a parenthetical opens and closes with a comma)
            code = CODE.match(text[start:end]) if first_char in _CODE_HEADS else None
            if code:
                start += code.end()
            parenthetical = (
                rx.parenthetical.match(t[start:end])
                if t.count(",", start, end) > 1
                # (lower-cased, it starts with "," or "index", "sub-index", "(...)")
                and (low is None or code is not None or first_char in _PARENTHETICAL_HEADS)
                else None
            )
            # A relative clause set off by commas describes the name only when a predicate
            # follows it; otherwise it is the name's predicate ("led by the Nikkei, which rose 1%, while").
            if parenthetical and _predicate_follows(text, low, start + parenthetical.end(), end):
                paren, paren_low = _cut(text, low, start, start + parenthetical.end())
                earlier = _relative_move(paren, paren_low)
                start += parenthetical.end()
            if t.count(",", start, end) > 1:  # (an appositive, too, is enclosed in commas)
                rest, rest_low = _cut(text, low, start, end)
                start += _drop_appositive(rest, rest_low)
            # A label's colon before its figures: "S&P 500: up 0.5%", "Hang Seng: down 1.2 per cent
            # at 17,000" (not before a sentence: "Frankfurt DAX: The German market shed ...").
            colon = rx.label_colon.match(t, start, end) if t.find(":", start, end) >= 0 else None
            if colon is not None:
                start = colon.end()
            segment, seg_low = _cut(text, low, start, end)
            seg = seg_low if seg_low is not None else segment
            if low is not None and start != seg_start:
                first_char = seg.lstrip()[:1]
            # (on the lower-cased text: a possessive starts with "i" or a quote, futures with one of
            # "imfe", after spaces)
            noun_phrase = (low is None or first_char in _POSSESSIVE_HEADS) and bool(rx.possessive.match(seg))
            futures_after = (low is None or first_char in _FUTURES_HEADS) and bool(
                rx.futures_after.match(seg)
            )
        else:
            noun_phrase = futures_after = False
            segment, seg_low = _cut(text, low, start, end)
        futures = futures_after or bool(
            (low is None or "futures" in pre or "mini" in pre) and rx.futures_before.search(pre)
        )
        own = PLAIN if noun_phrase else predicate(segment, seg_low)
        if own.head_end:  # cut only after a relative pronoun or a passive head
            after_head, after_head_low = _cut(segment, seg_low, own.head_end)
            clause_end = own.head_end + cut_clause(after_head, after_head_low)
        else:
            clause_end = figure_relative_end(segment, seg_low, cut_clause(segment, seg_low))
        if noun_phrase:
            # The noun phrase ends at "and" or a comma: "Infosys, the Nifty's biggest weight, fell
            # 2%" (the verb is Infosys's), "the FTSE 100's top riser, up 5.1%".
            for edge in (" and ", ", "):
                at = segment.find(edge, 0, clause_end)
                if at >= 0:
                    clause_end = at
        clause, clause_low = _cut(segment, seg_low, own.start, clause_end)
        clause_t = seg[own.start : clause_end]
        futures_flags.append(futures)
        clauses.append((clause, clause_low))
        connective = (
            i + 1 < len(mentions)
            and clause_end == len(segment)
            and bool(rx.connective.match(clause_t))
            and not find_figures(clause, clause_low)
            and not rx.direction_words.search(clause_t)
        )
        shares_next.append(connective)
        if connective:
            per_mention.append([])
            # The head of a group that is an object ("rallies in the S&P 500 and the Nasdaq
            # followed ...") makes the names joined to it objects too.
            object_before = object_before or _governed(rx, pre[-80:])
            continue

        if previous and (low is None or "did" in pre) and rx.as_did.search(pre):
            per_mention.append([r._replace(change_pct=None, change_points=None, level=None)
                                for r in previous])  # fmt: skip
            continue
        # Predictions, approaches, negations, statistics, labels and modifiers state no move.
        if label_or_modifier(segment, seg_low) or predicted_before(pre[-80:], low is not None, i == 0):
            per_mention.append([])
            object_before = False
            continue
        if unstated_clause(clause, clause_low):
            # A statement of its own may follow: "on track for its worst year, having fallen 5.3%
            # since January"; "could not hold its gains and closed 0.4% lower" (the name as subject).
            subject = not _governed(rx, pre[-80:])
            per_mention.append(_participle_readings(clause, clause_low, subject))
            object_before = False
            continue
        # A signed change in parentheses after the name is its move ("the DAX 40 (+22.3%) in
        # Frankfurt"); a verb after it may add figures ("the FTSE 100 (+0.5%) closed at 8,010").
        in_parens = paren_figure(segment, seg_low) if not noun_phrase and "(" in seg[:4] else None
        if in_parens is not None:
            rest, rest_low = _cut(segment, seg_low, in_parens[1], clause_end)
            after = clause_readings(rest, rest_low, noun_phrase)
            own_verb = [r._replace(change_pct=in_parens[0].change_pct, motion=True) for r in after]
            per_mention.append(
                [with_direction(r, in_parens[0].direction) for r in own_verb] or [in_parens[0]]
            )
            previous = per_mention[-1]
            object_before = False
            continue
        # (only a name that heads no noun phrase and is no futures can be an object: the regexes
        # are not run for the others)
        is_object = (
            not noun_phrase
            and not futures
            and (
                (
                    _governed(rx, pre[-80:])
                    # "For the day the Dow is trading at ...": the period the sentence opens with
                    # governs no name.
                    and not rx.period_opening.match(pre)
                    # "In London the FTSE 100 rose": a place the sentence opens with governs no name
                    and not (
                        i == 0
                        and mention.start < 40
                        and PLACE_OPENING.match(text, 0, mention.start) is not None
                    )
                )
                or bool(
                    object_before
                    and rx.and_before.search(pre)
                    and not rx.direction_words.search(pre)
                    # "... helped lift the Nikkei by 0.5% and the Kospi fell 0.3%": after a clause of
                    # the object's own, a finite verb makes the name a subject (not "stocks in the
                    # Nikkei and Topix rose", one group)
                    and not (rx.finite_motion.match(clause_t) and not shares_next[i - 1])
                )
            )
        )
        object_before = False
        if is_object:
            if _noun_record_before(rx, pre[-80:], low is not None):
                per_mention.append([Reading(direction="up", record_high=True)])
                continue
            before, before_low = _cut(text, low, max(pre_start, mention.start - 80), mention.start)
            carried = noun_figure_before(before, before_low)
            if carried is not None:
                per_mention.append([carried])
                continue
            if own.relative and seg[: own.start].strip().lower() == "that":
                # A restrictive "that" clause after an object name qualifies the noun that governs
                # it, not the name ("stocks in the Nikkei that rose the most").
                per_mention.append([])
                object_before = True
                continue
            found = [] if own.relative else _participle_readings(clause, clause_low)
            if found:
                per_mention.append(found)
                continue
            if not own.relative and not rx.own_verb.match(clause_t):
                per_mention.append([])
                object_before = True
                continue
        readings: list[Reading] = []
        if own.by and own.head_end > own.start:
            clause, clause_low = mask_agent(clause, clause_low, own.head_end - own.start)
        clause, clause_low, before_session = earlier_noun(clause, clause_low)
        body, body_low = drop_insert(clause, clause_low)
        body, body_low = slashed_range(body, body_low)
        body, body_low = mask_reversed(body, body_low)
        pieces = split_periods(body, body_low)
        if len(pieces) == 1:
            readings = clause_readings(body, body_low, noun_phrase)
        else:
            for piece, piece_low in pieces:
                # A second period without a verb of its own ("and 5% this week") takes the first's direction.
                found = clause_readings(piece, piece_low, noun_phrase)
                readings.extend(elliptical(r, readings[-1].direction) if readings else r for r in found)
        if not readings and ("highest" in pre or "lowest" in pre or low is None):
            head, head_low = _cut(text, low, max(pre_start, mention.start - 80), mention.start)
            superlative = superlative_level(head, segment, head_low, seg_low)
            readings = [superlative] if superlative is not None else []
        readings = voiced(readings, own.passive)
        if not readings or _undirected(readings):
            readings = _phrased(readings, clause, clause_low, noun_phrase)
        # An elliptical clause, a figure right after the name that follows "and"/"&" ("Sensex
        # rises 595 points to 82,381 & Nifty 170 points to 25,239"), takes the verb before it.
        if previous and readings and elided(pre, clause_t, low is not None, _has_figure(previous)):
            readings = [elliptical(r, previous[-1].direction) for r in readings]
            if (
                len(previous) == 1
                and not previous[0].intraday
                and all(r.intraday for r in readings)
                and shared_session(clause, clause_low)
            ):
                previous[0] = previous[0]._replace(intraday=True)
        elif (
            previous
            and not readings
            and previous[-1].milestone is not None
            and elided(pre, clause_t, low is not None)
        ):
            # "The Sensex crossed 80,000 and the Nifty 24,000": the second mark takes the crossing.
            mark = elided_mark(clause, clause_low)
            if mark is not None:
                readings = [Reading(direction=previous[-1].direction, milestone=mark, motion=True)]
        readings = _flags_outside(readings, rx, pre, i == 0, seg, clause_end, low is not None)
        with_before = readings and (low is None or "with" in pre) and rx.with_before.search(pre[-60:])
        # "Shares in Taiwan closed up 0.7% as the TAIEX ended at 10,642.86": the first name, after
        # "as" that joins it to an aggregate's clause, takes that clause's direction like "with".
        as_before = bool(
            readings
            and not with_before
            and i == 0
            and " as " in pre
            and rx.as_before.search(pre[-60:])
            and rx.aggregate.search(pre)  # the clause is about shares, not gold or the yen
        )
        if (
            with_before
            or as_before
            or (
                readings
                and (low is None or contains_any(pre[-40:], LEADING_NEEDS))
                and rx.leading_before.search(pre[-40:])
            )
        ):
            head, head_low = _cut(text, low, pre_start, mention.start)
            if with_before or as_before:
                word = "with" if with_before else " as "
                with_at = (head_low if head_low is not None else head.lower()).rfind(word)
                head, head_low = _cut(head, head_low, 0, with_at)
            inherited = clause_direction(head, head_low)
            readings = [with_direction(r, inherited) for r in readings]
        if earlier and readings:
            readings = earlier + readings
        if before_session is not None and readings:
            readings = [*readings, before_session]
        per_mention.append(readings)
        if readings:
            previous = readings
    # Names joined by "and" take the predicate of the name they are joined to.
    for i in range(len(mentions) - 2, -1, -1):
        if shares_next[i]:
            per_mention[i] = list(per_mention[i + 1])
            futures_flags[i] = futures_flags[i] or futures_flags[i + 1]
    # A group sharing a predicate whose figures pair with its names ("rose 1% and 2%, respectively").
    for i in range(len(mentions)):
        if i and shares_next[i - 1]:
            continue
        j = i
        while shares_next[j]:
            j += 1
        if j > i:
            ids = [mentions[k].index_id for k in range(i, j + 1)]
            split = respective(per_mention[j], *clauses[j], j - i + 1, ids, registry.plausible)
            if split is not None:
                per_mention[i : j + 1] = split
    # A group with no predicate of its own after a noun phrase ("record finishes for the S&P 500 and Nasdaq")
    for i, mention in enumerate(mentions):
        if per_mention[i] or (i and shares_next[i - 1]):
            continue
        pre_start = mentions[i - 1].end if i else 0
        pre = t[pre_start : mention.start]
        carried = None
        if not _noun_record_before(rx, pre[-80:], low is not None):
            before, before_low = _cut(text, low, max(pre_start, mention.start - 80), mention.start)
            carried = noun_figure_before(before, before_low)
            if carried is None:
                continue
        j = i
        while True:
            per_mention[j] = [carried or Reading(direction="up", record_high=True)]
            if not shares_next[j]:
                break
            j += 1
    _fold_elliptical_figures(mentions, per_mention)
    moves: list[SentenceMove] = []
    # (an index loop: mypyc runs zip(strict=True) and a generator through the interpreter)
    for k in range(len(mentions)):
        index_id, futures = mentions[k].index_id, futures_flags[k]
        for r in per_mention[k]:
            # (tuple.__new__: the same named tuple without the interpreted __new__ of NamedTuple)
            moves.append(tuple.__new__(SentenceMove, (index_id, r, futures)))
    return moves


def _fold_elliptical_figures(mentions: list[Mention], per_mention: list[list[Reading]]) -> None:
    """ "The Nikkei and the Topix rose, the former by 1.2% and the latter by 0.8%": a later
    mention of an index whose only reading is a bare figure (no verb, no direction) gives that
    figure to the same index's earlier reading that has a direction but no figure."""
    for i in range(1, len(mentions)):
        later = per_mention[i]
        if len(later) != 1 or later[0].direction is not None or later[0].motion:
            continue
        figure = later[0]
        for j in range(i):
            earlier = per_mention[j]
            if mentions[j].index_id != mentions[i].index_id or len(earlier) != 1:
                continue
            e = earlier[0]
            if e.direction not in ("up", "down") or e.change_pct is not None or e.change_points is not None:
                continue
            sign = -1.0 if e.direction == "down" else 1.0
            per_mention[j] = [
                e._replace(
                    change_pct=sign * abs(figure.change_pct) if figure.change_pct is not None else None,
                    change_points=sign * abs(figure.change_points)
                    if figure.change_points is not None
                    else None,
                    level=e.level if e.level is not None else figure.level,
                    approximate=e.approximate or figure.approximate,
                )
            ]
            per_mention[i] = []
            break


def _undirected(readings: list[Reading]) -> bool:
    """Whether a reading has no direction (a loop: mypyc runs any() over a generator slowly)."""
    for r in readings:  # noqa: SIM110 -- a plain loop: mypyc runs any() over a generator slowly
        if r.direction is None:
            return True
    return False


def _has_figure(readings: list[Reading]) -> bool:
    return any(
        r.level is not None or r.change_pct is not None or r.change_points is not None for r in readings
    )


def _word_char(c: str) -> bool:
    """A character that a name may not be glued to (indices.py: letters, digits, "&", "/")."""
    return c.isalnum() or c in "&/"


def _sentence_mentions(
    raw: list[tuple[int, int]], mentions: list[Mention], spans: list[tuple[int, int]], text: str
) -> list[list[Mention] | None]:
    """For each sentence span (in order), its names from the whole body's raw matches and the
    mentions resolved from them, or None when a match crosses the sentence's edge (a name
    broken over two lines: the sentence alone would read differently) or the sentence is glued
    to its neighbour between two word characters (a headline glued to the next sentence,
    "...everThe Ibex": the edge is a word edge in the sentence, not in ``text``). Otherwise they
    are exact: a sentence is stripped and split before whitespace or after a mark, so the name
    regexes see the same edges in the sentence as in the body, and no match before the sentence
    reaches into it to hide a name. One pass over the sorted matches: linear in the body."""
    out: list[list[Mention] | None] = []
    k = m = 0
    reach = 0  # the furthest end of the raw matches before the sentence
    for start, end in spans:
        while k < len(raw) and raw[k][0] < start:
            reach = max(reach, -raw[k][1])
            k += 1
        while m < len(mentions) and mentions[m].start < start:
            m += 1
        crossing = reach > start
        if not crossing and start and not text[start - 1].isspace():  # (most sentences follow a space)
            crossing = _word_char(text[start - 1]) and _word_char(text[start])
        if not crossing and end < len(text) and not text[end].isspace():
            crossing = _word_char(text[end - 1]) and _word_char(text[end])
        j = k
        while not crossing and j < len(raw) and raw[j][0] < end:
            crossing = -raw[j][1] > end
            j += 1
        if crossing:
            out.append(None)
            continue
        inside: list[Mention] = []
        j = m
        while j < len(mentions) and mentions[j].start < end:
            name = mentions[j]
            # (tuple.__new__: the same named tuple without the interpreted __new__ of NamedTuple)
            inside.append(tuple.__new__(Mention, (name.index_id, name.start - start, name.end - start)))
            j += 1
        out.append(inside)
    return out


# IndexMove(**fields) runs the model's strict validation behind a Python-level __init__; one call
# of the same validation over the article's list of field dicts gives the same models, at half
# the cost.
_validate_moves: Callable[[list[dict[str, object]]], list[IndexMove]] = TypeAdapter(
    list[IndexMove]
).validate_python


_SIGNS = frozenset("+-−–")
# A line ending in "%" or "%)": the same as the two substring tests "%\n", "%)\n", in one scan that
# jumps from "%" to "%" (several times faster than the substring tests on a body).
_PERCENT_LINE_END = re.compile(r"%\)?\n")


def _line_heads(body: str) -> tuple[bool, bool]:
    """Whether a line of the body starts with "." (the body's first line included) and whether
    one after the first starts with a sign ("+", "-", "−", "–"). One walk over the line breaks
    (found by a one-character search) instead of a scan of the whole body per two-character
    needle ("\\n.", "\\n+", ...)."""
    dot = body.startswith(".")
    signed = False
    at = body.find("\n")
    last = len(body) - 1
    while 0 <= at < last:
        head = body[at + 1]
        if head == ".":
            dot = True
        elif head in _SIGNS:
            signed = True
        if dot and signed:
            break
        at = body.find("\n", at + 1)
    return dot, signed


def extract_moves(article: Article, registry: IndexRegistry | None = None) -> list[IndexMove]:
    """Every statement about a named index in the article, in text order."""
    registry = registry or default_registry()
    moves: list[dict[str, object]] = []
    body = article.body
    # One scan of the whole body for index names; only sentences holding one are read, with
    # the names found by that scan (see _sentence_mentions).
    # (isascii() first: fold_safe holds for ASCII and is interpreted Python, fold.py is not compiled)
    body_low = body.lower() if body.isascii() or fold_safe(body) else None
    raw = registry.raw_matches(body, body_low)
    found = registry.resolve(body, raw)
    # (no "ago" substring test first: _after_timestamps' own first search is as fast and "ago" is
    # a common word, so the body was often scanned twice)
    glued = _after_timestamps(body, registry)
    if glued:
        raw = sorted(raw + [(m.start, -m.end) for m in glued])
        found = sorted(found + glued)
    spans = spans_holding(body, [m.start for m in found]) if found else []
    # Flattened ticker rows (".FTSEFTSE 100FTSE5582.80-146.19-2.55...") name their index in a
    # run of glued columns that the name scan does not see: read apart, merged in text order.
    dot_line, signed_line = _line_heads(body)
    flattened = glued_rows(body, registry) if dot_line else []
    # Ticker-bar rows stacked over two or three lines (name, last, "+79.21(+0.36%)"), read the
    # same way.
    if (signed_line and "%" in body) or _PERCENT_LINE_END.search(body) is not None:
        stacked = stacked_rows(body, registry)
        if stacked:
            flattened = sorted(flattened + stacked, key=lambda row: row[0])
    g = 0
    held = _sentence_mentions(raw, found, spans, body)
    for k in range(len(spans)):  # (an index loop: mypyc runs zip(strict=True) through the interpreter)
        start, end = spans[k]
        mentions = held[k]
        while g < len(flattened) and flattened[g][0] < start:
            _append_move(moves, article, body[flattened[g][0] : flattened[g][1]], flattened[g][2], registry)
            g += 1
        if g < len(flattened) and flattened[g][0] == start:
            continue  # the flattened row is read above
        sentence = body[start:end]
        low = body_low[start:end] if body_low is not None else None
        for move in sentence_moves(sentence, registry, mentions, low):
            if move.reading.direction is None and move.reading.change_pct and is_unsigned_label_row(sentence):
                move = _with_list_direction(move, list_direction(body, start))
            _append_move(moves, article, sentence, move, registry)
    for row_start, row_end, move in flattened[g:]:
        _append_move(moves, article, body[row_start:row_end], move, registry)
    return _validate_moves(moves)


def _with_list_direction(move: SentenceMove, direction: str | None) -> SentenceMove:
    """A scoreboard row's unsigned change with the direction stated for its list."""
    if direction is None:
        return move
    pct = move.reading.change_pct
    if pct is not None and direction == "down":
        pct = -abs(pct)
    return move._replace(reading=move.reading._replace(direction=direction, change_pct=pct))


def _append_move(
    moves: list[dict[str, object]],
    article: Article,
    sentence: str,
    move: SentenceMove,
    registry: IndexRegistry,
) -> None:
    """The move's IndexMove fields, appended."""
    r = move.reading
    # Contract, "plausible figures only": a figure outside the index's range is a
    # percentage, a year, a points change or a share price read in the wrong place.
    # (plausible() holds for no figure: it is asked only about one)
    level = r.level if r.level is not None and registry.plausible(move.index_id, r.level) else None
    milestone = (
        r.milestone if r.milestone is not None and registry.plausible(move.index_id, r.milestone) else None
    )
    points, approximate = r.change_points, r.approximate
    if milestone is None and r.over_points is not None and points is None:
        # "The Sensex rose over 1,000 points": no plausible mark, so more than 1,000 points.
        points, approximate = r.over_points, True
    moves.append(
        {
            "article_id": article.article_id,
            "sentence": sentence,
            "index": move.index_id,
            "direction": r.direction,
            "change_pct": r.change_pct,
            "change_points": points,
            "level": level,
            "approximate": approximate,
            "intraday": r.intraday,
            "record_high": r.record_high,
            "first_time": r.first_time,
            "milestone": milestone,
            "futures": move.futures,
            "published_at": article.published_at,
        }
    )
