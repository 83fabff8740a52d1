"""Index-move extraction: every statement that a named index moved or stands at a level.

For each sentence: find the index names (``indices``), give each name the text up to the next
name, cut that at the first boundary where another subject's clause begins
(``moves_clauses.cut_clause``), split it into a same-session peak/trough and the close, and read
each phase. Names that are only the object of another verb ("dragged the Kospi", "sent the TSX
over") or of a preposition yield nothing unless they carry a figure of their own; names joined by
"and" share the predicate that follows them ("The Nasdaq and S&P 500 also closed higher").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from schemas import Article, IndexMove
from streams.extract.indices import IndexRegistry, Mention, default_registry
from streams.extract.moves_clauses import (
    Reading,
    cut_clause,
    read_phase,
    split_phases,
    with_direction,
)
from streams.extract.moves_numbers import find_figures, respell_numbers
from streams.extract.moves_table import read_table_row
from streams.extract.sentences import spans_holding

__all__ = ["SentenceMove", "extract_moves", "sentence_moves"]

_I = re.IGNORECASE
_JOIN = re.compile(r"^(?:[\s().,]|\b(?:index|or|the)\b)*$", _I)
_PARENTHETICAL = re.compile(
    r"^\s*(?:index\s*|sub-index\s*)?(?:\([^()]{0,40}\)\s*)?,\s*(?:which|who|whose|the|a|an|comprising|"
    r"comprised|including|made|tracking|or|Taiwan)\b[^,]{0,120},",
    _I,
)
_CODE = re.compile(r"^\s*(?:\.[A-Z0-9]{2,8}\b|\([A-Z0-9.:]{2,10}\))")
_POSSESSIVE = re.compile(r"^\s*(?:index\s*)?['’]s?\b", _I)
_FUTURES_AFTER = re.compile(r"^\s*(?:index\s+|mini\s+)?futures\b", _I)
_FUTURES_BEFORE = re.compile(
    r"\bfutures\s+(?:for|on|tracking|tied\s+to|linked\s+to)\s+(?:the\s+)?(?:\S+['’]s\s+)?$", _I
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:dragg\w*|drag|sen(?:t|d|ds|ding)|push\w*|lift\w*|pull\w*|lead(?:ing|s)?|led|help\w*"
    r"|dr(?:ove|ive|ives|iving)|t(?:ook|ake|akes|aking)|propell\w*|boost\w*|pressur\w*|weigh\w*\s+on"
    r"|keep\w*|kept|outperform\w*|underperform\w*|track\w*|mirror\w*|follow\w*|beat|beating"
    r"|trail\w*|lagg\w*|than|of|in|from|on|into|for|like|including|to|versus|vs\.?|against|by)"
    r"\s+(?:the\s+)?(?:[\w.&/-]+['’]s\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
_OWN_VERB = re.compile(
    r"^\W*(?:\w+\s+){0,3}?to\s+(?:close|end|finish|settle|rise|fall|climb|drop|gain|lose|record|hit"
    r"|reach|trade|open)\w*\b",
    _I,
)
_NOUN_RECORD_BEFORE = re.compile(
    r"\b(?:record|all-time\s+high)\w*\s+(?:\w+\s+){0,2}(?:for|on|in|at)\s+(?:the\s+)?$", _I
)
_AS_DID = re.compile(r"\bas\s+did\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:[\w-]+\s+)?$", _I)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:[\w-]+\s+){0,2}$", _I)
_LEADING_BEFORE = re.compile(r"\b(?:lead(?:ing|s)?|led|sending|sent|push\w*)\s+(?:the\s+)?\S*\s*$", _I)
_CONNECTIVE = re.compile(r"^\s*(?:index|indices|indexes)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+)"
                         r"(?:\S+\s+){0,3}$", _I)  # fmt: skip
_APPOSITIVE = re.compile(
    r"^\s*(?:index\s*)?,\s*(?!(?:and|while|but|as|with|after|before|having|led|lifted|helped|which|"
    r"when|where|whereas|even|though|although|down|up|or|its?|ending|closing|reaching|falling|rising)\b)"
    r"(?P<app>[^,\d]{1,80}),",
    _I,
)
_AND_BEFORE = re.compile(r"\band\s+(?:the\s+)?(?:\S+['’]s\s+)?$", _I)
_RANGE = re.compile(r"\bbetween\s+(?P<a>[\d,]+(?:\.\d+)?)\s+and\s+(?P<b>[\d,]+(?:\.\d+)?)", _I)
_DIRECTION_WORDS = re.compile(
    r"\b(?:rose|fell|up|down|higher|lower|gain\w*|los\w*|jump\w*|climb\w*|declin\w*|record)\b", _I
)


@dataclass(frozen=True, slots=True)
class SentenceMove:
    """One move read from a sentence, before it becomes an IndexMove."""

    index_id: str
    reading: Reading
    futures: bool


def _merge(mentions: list[Mention], sentence: str) -> list[Mention]:
    """Join repeated names of one index ("Straits Times Index (STI)", "Nikkei .N225")."""
    merged: list[Mention] = []
    for mention in mentions:
        if merged:
            last = merged[-1]
            if last.index_id == mention.index_id and _JOIN.match(sentence[last.end : mention.start]):
                merged[-1] = Mention(last.index_id, last.start, mention.end)
                continue
        merged.append(mention)
    return merged


def _drop_appositive(segment: str) -> str:
    """ "…Index, Wall Street's fear gauge, climbed" -> " climbed": a comma-enclosed phrase right
    after the name, without figures or verbs of motion, describes the index."""
    match = _APPOSITIVE.match(segment)
    if match is None or _DIRECTION_WORDS.search(match.group("app")):
        return segment
    return segment[match.end() :]


def _clause_direction(text: str) -> str | None:
    """The direction of the clause before a 'with'/'leading' phrase ("Paris was up 1.35%")."""
    return read_phase(cut_tail(text), intraday=False).direction


def cut_tail(text: str) -> str:
    """The last clause of a text (after the last 'while'/';')."""
    for sep in (" while ", "; ", " whereas "):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text


def _readings(clause: str, noun_phrase: bool) -> list[Reading]:
    readings: list[Reading] = []
    phases = split_phases(clause)
    intraday_dir: str | None = None
    for text, intraday in phases:
        if intraday:
            found = _RANGE.search(text)
            if found:
                for key in ("a", "b"):
                    value = float(found.group(key).replace(",", ""))
                    readings.append(Reading(level=value, intraday=True, motion=True))
                continue
            reading = read_phase(text, intraday=True, noun_phrase=noun_phrase)
            if reading.direction is None and (reading.level is not None or reading.milestone):
                reading = replace(reading, direction="up")
            if reading.direction is not None:
                reading = replace(reading, motion=True)
            intraday_dir = intraday_dir or reading.direction
            if reading.is_move():
                readings.append(reading)
            continue
        reading = read_phase(text, intraday=False, noun_phrase=noun_phrase)
        if len(phases) > 1:
            # The close after a peak: a move only with a figure or record of its own.
            numbers = (reading.change_pct, reading.change_points, reading.level, reading.milestone)
            if not reading.record_high and all(n is None for n in numbers):
                continue
            reading = with_direction(reading, intraday_dir)
        if reading.is_move():
            readings.append(reading)
    return readings


def sentence_moves(
    sentence: str, registry: IndexRegistry, mentions: list[Mention] | None = None
) -> list[SentenceMove]:
    """Every move stated in one sentence, in text order (intraday before close).

    ``mentions`` are the sentence's index names when the caller has them already."""
    if sentence.lstrip().startswith("|"):
        return read_table_row(sentence, registry)
    if mentions is None:
        mentions = registry.find_mentions(sentence)
    mentions = _merge(mentions, sentence)
    if not mentions:
        return []
    text = respell_numbers(sentence) if "-point-" in sentence else sentence
    if text is not sentence:
        mentions = _merge(registry.find_mentions(text), text)
    per_mention: list[list[Reading]] = []
    futures_flags: list[bool] = []
    shares_next: list[bool] = []
    previous: list[Reading] = []
    object_before = False
    for i, mention in enumerate(mentions):
        pre = text[mentions[i - 1].end if i else 0 : mention.start]
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        segment = text[mention.end : end]
        segment = _CODE.sub("", segment, count=1)
        segment = _PARENTHETICAL.sub("", segment, count=1)
        segment = _drop_appositive(segment)
        noun_phrase = bool(_POSSESSIVE.match(segment))
        futures = bool(_FUTURES_AFTER.match(segment) or _FUTURES_BEFORE.search(pre))
        clause = cut_clause(segment)
        if noun_phrase:
            clause = clause.split(" and ", 1)[0]
        futures_flags.append(futures)
        connective = (
            i + 1 < len(mentions)
            and clause == segment
            and bool(_CONNECTIVE.match(clause))
            and not find_figures(clause)
            and not _DIRECTION_WORDS.search(clause)
        )
        shares_next.append(connective)
        if connective:
            per_mention.append([])
            continue
        if _AS_DID.search(pre) and previous:
            per_mention.append([replace(r, change_pct=None, change_points=None, level=None)
                                for r in previous])  # fmt: skip
            continue
        is_object = _OBJECT_BEFORE.search(pre[-80:]) or (
            object_before and _AND_BEFORE.search(pre) and not _DIRECTION_WORDS.search(pre)
        )
        object_before = False
        if not noun_phrase and not futures and is_object:
            if _NOUN_RECORD_BEFORE.search(pre[-80:]):
                per_mention.append([Reading(direction="up", record_high=True)])
                continue
            if not _OWN_VERB.match(clause):
                per_mention.append([])
                object_before = True
                continue
        readings = _readings(clause, noun_phrase)
        if readings and (_WITH_BEFORE.search(pre[-60:]) or _LEADING_BEFORE.search(pre[-40:])):
            head = pre[: pre.lower().rfind("with")] if _WITH_BEFORE.search(pre[-60:]) else pre
            inherited = _clause_direction(head)
            readings = [with_direction(r, inherited) for r in readings]
        per_mention.append(readings)
        if readings:
            previous = readings
    # Names joined by "and" take the predicate of the name they are joined to.
    for i in range(len(mentions) - 2, -1, -1):
        if shares_next[i]:
            per_mention[i] = list(per_mention[i + 1])
            futures_flags[i] = futures_flags[i] or futures_flags[i + 1]
    # A group with no predicate of its own after a noun phrase ("record finishes for the S&P 500 and Nasdaq")
    for i, mention in enumerate(mentions):
        if per_mention[i] or (i and shares_next[i - 1]):
            continue
        pre = text[mentions[i - 1].end if i else 0 : mention.start]
        if _NOUN_RECORD_BEFORE.search(pre[-80:]):
            j = i
            while True:
                per_mention[j] = [Reading(direction="up", record_high=True)]
                if not shares_next[j]:
                    break
                j += 1
    moves: list[SentenceMove] = []
    for mention, readings, futures in zip(mentions, per_mention, futures_flags, strict=True):
        moves.extend(SentenceMove(mention.index_id, r, futures) for r in readings)
    return moves


def _sentence_mentions(
    body: str, raw: list[tuple[int, int]], start: int, end: int, registry: IndexRegistry
) -> list[Mention] | None:
    """The names of the sentence body[start:end] from the whole body's raw matches, or None when
    a match crosses the sentence's edge (a name broken over two lines: the sentence alone would
    read differently). Otherwise they are exact: a sentence is stripped and split before
    whitespace, so the name regexes see the same edges in the sentence as in the body."""
    inside: list[tuple[int, int]] = []
    for match in raw:
        if match[0] >= end:
            break
        if -match[1] > start:
            if match[0] < start or -match[1] > end:
                return None
            inside.append(match)
    return registry.resolve(body, inside, offset=start)


def extract_moves(article: Article, registry: IndexRegistry | None = None) -> list[IndexMove]:
    """Every statement about a named index in the article, in text order."""
    registry = registry or default_registry()
    moves: list[IndexMove] = []
    body = article.body
    # One scan of the whole body for index names; only sentences holding one are read, with
    # the names found by that scan (see _sentence_mentions).
    raw = registry.raw_matches(body)
    starts = [m.start for m in registry.resolve(body, raw)]
    for start, end in spans_holding(body, starts) if starts else []:
        sentence = body[start:end]
        mentions = _sentence_mentions(body, raw, start, end, registry)
        for found in sentence_moves(sentence, registry, mentions):
            r = found.reading
            moves.append(
                IndexMove(
                    article_id=article.article_id,
                    sentence=sentence,
                    index=found.index_id,
                    direction=r.direction,  # type: ignore[arg-type]
                    change_pct=r.change_pct,
                    change_points=r.change_points,
                    level=r.level,
                    approximate=r.approximate,
                    intraday=r.intraday,
                    record_high=r.record_high,
                    first_time=r.first_time,
                    milestone=r.milestone,
                    futures=found.futures,
                    published_at=article.published_at,
                )
            )
    return moves
