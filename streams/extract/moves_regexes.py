"""The regexes of move reading, case-insensitive ones compiled twice (see fold.py).

``ANY`` holds them compiled IGNORECASE for the text as written; ``LOW`` holds their case-sensitive
lower-case twins for ``text.lower()``, 3-4x faster, used wherever ``fold_safe(text)``. Both sets
have the same names: ``ANY.direction``, ``LOW.direction``... ``LOW_ASCII`` holds the twins
compiled with re.ASCII, for lower-cased text that is ASCII too (10-15% faster, the same
matches). The few case-sensitive regexes (``CODE``, ``CUT_CASED``) have one form. All regexes are
linear: alternations of literals and single-level quantifiers.
"""

from __future__ import annotations

import re
from typing import Final

from streams.extract.fold import Regexes, lower_pattern

__all__ = [
    "ANY",
    "CODE",
    "CUT",
    "CUT_CASED",
    "CUT_FOLDED_ASCII",
    "DIRECTION_KIND",
    "FROM_BASE_NEEDS",
    "LEADING_NEEDS",
    "LOW",
    "LOW_ASCII",
    "MILESTONE_MARK_WORDS",
    "MILESTONE_NEEDS",
    "MILESTONE_NEEDS_MARK",
    "MILESTONE_NEEDS_THE",
    "MILESTONE_NEEDS_UNIT",
    "MILESTONE_STANDING",
    "MOTION_REACH",
    "PHASE_NEEDS",
    "PLACE_OPENING",
    "RECORD_NEEDS",
    "WEAK",
    "by_first_letter",
    "contains_any",
    "word_end",
]

# --- reading a clause (moves_clauses) ---
_UP = (
    r"ris(?:e|es|en|ing)|rose|jump\w*|climb\w*|surg(?:e|es|ed|ing)|gain\w*|advanc\w*|add(?:s|ed|ing)?"
    r"|rall(?:y|ied|ies|ying)|soar\w*|increas\w*|up|higher|firm(?:ed|s|ing)|rebound\w*|recover\w*"
    r"|spik(?:e|ed|es|ing)|leap\w*|highest|inch(?:ed|es|ing)?|upward|in\s+the\s+green"
    r"|positive\s+territory|top(?:s|ped|ping)?|scal(?:e|ed|es|ing)|notch\w*|set|sets|setting|regain\w*|reclaim\w*"
    r"|zoom\w*|skyrocket\w*|rocket\w*|spurt\w*|bounc\w*|strengthen\w*"
    # "The Topix was ahead 0.39%", "was ahead by 455 points": "ahead" before a change figure (not "ahead of")
    r"|ahead(?=\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?\d[\d,.]*\s?"
    r"(?:%|percent|per\s+cent|pc\b|pct\b|points?|pts))"
)
_DOWN = (
    r"fell|fall(?:s|ing|en)?|slip\w*|eas(?:ed|es|ing)|drop\w*|slid(?:e|es|ing)?|tumbl\w*|declin\w*"
    r"|lower|down|lost|los(?:e|es|ing(?!\s+streak)|s|ses)|shed\w*|sank|sink\w*|slump\w*|plung\w*|retreat\w*"
    r"|weaken\w*|dip(?:s|ped|ping)?|skid\w*|tank(?:ed|s|ing)|decreas\w*|lowest|in\s+the\s+red"
    r"|pull(?:ed|s|ing)?\s+back|step(?:ped|s|ping)?\s+back|downward|negative\s+territory|crash\w*|sell-?off|slump"
    r"|plummet\w*|nosediv\w*|div(?:e|es|ed|ing)|crack(?:s|ed)|sag(?:s|ged|ging)?|stumbl\w*|falter\w*"
    # "gave up 1.1%", "giving back 30 points" (before a figure: "gave up its gains" is an undone move)
    r"|(?:gave|giv(?:e|es|en|ing))\s+(?:up|back)(?=\s+(?:about\s+|nearly\s+|almost\s+|some\s+)?\d)"
    # "Dow off 0.5%", "was off by 120 points": "off" before a change figure
    r"|off(?=\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?\d[\d,.]*\s?"
    r"(?:%|percent|per\s+cent|pc\b|pct\b|points?|pts))"
)
_FLAT = (
    r"flat|unchanged|little\s+changed|steady|flatline|flatlined|flatlining"
    # "held its ground at 47,950.88", "little moved", "hardly moved at all", "barely budged", "hardly
    # changed", "was moving sideways", "showed little/no movement" (tests/data/fresh/README.md: flat
    # statements)
    r"|h(?:eld|olds?|olding)\s+(?:its|their)\s+ground|(?:little|barely|hardly|scarcely)\s+(?:mov(?:ed|ing)|budged)"
    r"|(?:hardly|barely|scarcely)\s+changed|(?:(?:showed|shows|showing|saw|with)\s+no|little)\s+movement"
    r"|(?:mov|trad)(?:ed|es|e|ing)\s+sideways"
)
# Every word begins with a letter: the lookahead turns most places away before the alternation
# run (the same matches, 1.5x faster). Likewise for _CUT_FOLDED (a comma, semicolon, colon or
# space first), _OBJECT_BEFORE, _RECORD, _INTRADAY and _LEVEL_BEFORE (a letter) and
# figures (a sign or digit). (Under IGNORECASE "[a-z]" matches every character a letter of the
# pattern matches, so the ANY twins find the same too.) Where the word-boundary test comes first,
# "\b(?=[a-z])", it turns the places inside a word away at once, cheaper than the lookahead's
# assertion (two zero-width tests at one place: their order changes no match; 5-13% faster).


def _top_level(pattern: str) -> list[int]:
    """Where the pattern's top-level "|" and the ")" closing a group it opens with are (escapes and
    character classes skipped)."""
    at: list[int] = []
    depth = i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":  # a class: its "(", ")" and "|" are literal
            i = pattern.index("]", i + (3 if pattern.startswith(("[]", "[^]"), i) else 1))
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and pattern[0] == "(":
                at.append(i)
        elif char == "|" and depth == 0:
            at.append(i)
        i += 1
    return at


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a(?:b|c)|d" -> "a(?:b|c)", "d")."""
    bars = [i for i in _top_level(pattern) if pattern[i] == "|"]
    return [pattern[a + 1 : b] for a, b in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def _letter_first(alternative: str) -> list[str]:
    """The alternative as alternatives that each open with a literal lower-case letter: a leading
    group is distributed ("(?:gave|give)\\s+up" -> "gave\\s+up", "give\\s+up"), which tries the same
    matches in the same order."""
    if alternative.startswith("(?:"):
        close = _top_level(alternative)[0]
        inner, rest = alternative[3:close], alternative[close + 1 :]
        if rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"_letter_first: a quantified leading group: {alternative!r}")
        return [split for part in _alternatives(inner) for split in _letter_first(part + rest)]
    if not ("a" <= alternative[:1] <= "z") or alternative[1:2] in ("?", "*", "+", "{"):
        raise ValueError(f"_letter_first: no leading literal letter: {alternative!r}")
    return [alternative]


def by_first_letter(kinds: dict[str, str]) -> str:
    """One alternation of the kinds' alternations, branched by first letter: group ``{kind}_{letter}``
    holds the rest of the words of that kind and letter ("f(?:(?P<flat_f>lat)|(?P<down_f>ell))"; a
    kind named "" gets no group).

    At a place in the text the engine skips, at a glance each, every letter's branch but one
    (they open with a literal), instead of entering a hundred words' alternatives. Only the words
    opening with the letter at that place can match there, and they are tried in the order
    written, the kinds in the order given, so the matches are the same."""
    letters: dict[str, dict[str, list[str]]] = {}
    for kind, pattern in kinds.items():
        for alternative in _alternatives(pattern):
            for word in _letter_first(alternative):
                letters.setdefault(word[0], {}).setdefault(kind, []).append(word[1:])
    branches = []
    for letter, by_kind in letters.items():
        groups = "|".join(
            f"(?P<{kind}_{letter}>{'|'.join(rests)})" if kind else f"(?:{'|'.join(rests)})"
            for kind, rests in by_kind.items()
        )
        branches.append(f"{letter}(?:{groups})")
    return "(?:" + "|".join(branches) + ")"


# The word of direction: its group's name opens with its kind, flat, down or up (DIRECTION_KIND).
_DIRECTION = rf"\b(?=[a-z]){by_first_letter({'flat': _FLAT, 'down': _DOWN, 'up': _UP})}\b"
# Words that only state a direction with a figure or a record (set/notch/top/scale are verbs of
# reaching, not of motion).
WEAK: Final = frozenset({"set", "sets", "setting", "notch", "notches", "notched", "notching", "scale",
                  "scaled", "scales", "scaling", "top", "tops", "topped", "topping", "highest",
                  "lowest"})  # fmt: skip
# "a decline of up to 6%": "up" that opens a bound, not a direction.
_NOT_MOTION_AFTER = r"\s+to\s+[+\-−]?\d"
_NOT_MOTION_BEFORE = (
    r"\b(?:made|make|makes|set|sets|picked|pick|took|take|takes|built|shored|kept|keep|wound|winds|"
    r"gave|give|shot)\s*$"
)
# A verb of motion without a figure must come this close after the index name (characters).
MOTION_REACH: Final = 60

_RECORD_PHRASES = (
    r"records?\b(?![- ](?:low|lows|drop|drops|fall|falls|decline|declines|loss|losses|plunge|slide|"
    r"selloff|sell-off|volume|turnover|profits?|outflows?|inflows?|deficit|numbers?\s+of\b|number\b"
    # a record-sized move, not a record level: "a record gain of 12%", "its record run ended"
    r"|gains?|rises?|jumps?|surges?|rall(?:y|ies)|advances?|runs?|streaks?|winning|losing|swings?"
    # "its recent record-breaking spell": a run of records, not a record of the day
    r"|breaking\s+(?:spell|run|streak|rally|series|stretch|sequence|year|month|week)s?"
    # "a record year": a period of records, not a record level
    r"|(?:year|month|quarter|week|session|day)s?\b))"
    r"|(?:all[- ]time|life|lifetime|new|fresh|historic|historical)\s+(?:intra-?day\s+|closing\s+)?"
    r"(?:highs?|peaks?|heights|records?)\b"
    # Beating the previous high is a record ("topping its previous intraday high"); an
    # "intraday high" alone is only the session's high.
    r"|(?:top(?:s|ped|ping)?|eclips\w*|surpass\w*|exceed\w*|beat(?:s|ing)?|br(?:oke|eak\w*))\s+(?:its|the)\s+"
    r"(?:previous|prior|old|earlier)\s+(?:(?:intra-?day|closing|all[- ]time)(?:\s+and\s+|\s*,\s*|\s+)){0,3}"
    # ("topping the previous all-time closing and intraday highs")
    r"(?:highs?|peaks?|records?)\b"
    # "crossing the record close of 38,915.87", "eclipsing its all-time closing high": a record
    # level passed (not "nearing the record close")
    r"|(?:top(?:s|ped|ping)?|eclips\w*|surpass\w*|exceed\w*|beat(?:s|ing)?|br(?:oke|eak\w*)|cross\w*)\s+"
    r"(?:its|the)\s+(?:record|all[- ]time)\s+(?:(?:intra-?day|closing)\s+)?(?:highs?|peaks?|closes?|levels?)\b"
    r"|highest[- ]ever\b|ever[- ]highest\b|high[- ]water\s+marks?\b"
    # "its highest level ever", "its highest close ever" (not "its highest year-end close ever")
    r"|highest\s+(?!\S*(?:year|month|quarter|week|half)[- ]end)(?:[\w-]+\s+)?ever\b"
    # "the highest closing level in history", "the highest level in the index's history" (not "the
    # highest year-end close in history")
    r"|highest\s+(?!\S*(?:year|month|quarter|week|half)[- ]end)(?:[\w-]+\s+){0,3}?"
    r"in\s+(?:its\s+|the\s+index['’]s\s+)?history\b"
)
# (One "\b" before the alternation and branched by first letter, as _INTRADAY: the same matches,
# 20% faster.)
_RECORD = rf"\b(?=[a-z]){by_first_letter({'': _RECORD_PHRASES})}"
# Qualified records: a record of a period is not an all-time record ("a record year-end high",
# "its highest year-end finish on record", "a record monthly gain").
_PERIOD = r"(?:(?:year|month|quarter|week|half)[- ]end|weekly|monthly|quarterly|annual|yearly|half-yearly)"
_RECORD_QUALIFIED_AFTER = (
    rf"[- ]{_PERIOD}\b|\s+(?:for|of|in)\s+(?:the|this)\s+(?:year|month|week|quarter)\b|\s+since\b"
    r"|\s+in\s+(?:\S+\s+)?(?:years?|months?|weeks?|decades?)\b"
)
_RECORD_QUALIFIED_BEFORE = rf"\b{_PERIOD}\s+(?:\w+\s+){{0,2}}on\s+$"
_RECORD_DENIED = (
    r"\b(?:close\s+to|closer\s+to|near|nearer|nears|neared|nearing|shy\s+of|below|off|from|previous|prior|approach\w*|within|"
    r"short\s+of|than|eclips\w*|breach\w*|beyond|towards?|under|flirting\s+with|just)\s+"
    r"(?:[\d.,]+\s?(?:%|percent|per\s+cent|points?)\s+of\s+)?(?:(?:its|the|a|an|their|fresh|new|recent)\s+){0,2}"
    # (a month or year naming which record: "down 10% from its February record")
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+|(?:19|20)\d\d\s+)?$"
)
_MILESTONE = (
    r"\b(?P<verb>top(?:s|ped|ping)?|exceed\w*|breach\w*|cross\w*|surpass\w*|pass(?:ed|es|ing)?"
    r"|br(?:eak|eaks|eaking|oke|oken)(?:\s+(?:through|above|below))?|reclaim\w*|regain\w*|smash\w*"
    r"|shatter\w*|[a-z]+(?:ed|es|ing)\s+past|above|over|below|under|beyond"
    # "climbs the 16,000 mark", "cleared the 40,000 level", "scaled the 5,000 barrier" (with "the"
    # and a word of a mark only: MILESTONE_NEEDS_THE)
    r"|climb(?:s|ed|ing)?|clear(?:s|ed|ing)?|scal(?:e|es|ed|ing))"
    r"\s+(?:the\s+|milestone\s+|key\s+|psychological(?:ly)?\s+|important\s+|crucial\s+|"
    r"landmark\s+|historic\s+|magic\s+){0,3}(?:\$\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d{3,})(?![\d.,]\d)"
    r"(?P<unit>(?:\s|-)(?:points?|mark|level|barrier|threshold|line|milestone)\b)?"
)
MILESTONE_NEEDS_UNIT: Final = frozenset({"over", "beyond"})
# Verbs of climbing that take a mark only as "the N mark/level/barrier..." ("climbed the 16,000
# mark"; not "climbed 1,000 points", "climbed the 200 points it lost").
MILESTONE_NEEDS_THE: Final = ("climb", "clear", "scal")
MILESTONE_MARK_WORDS: Final = ("mark", "level", "barrier", "threshold", "line", "milestone")
# Words that place the index above a mark rather than take it across.
MILESTONE_STANDING: Final = frozenset({"above", "over", "beyond"})
# Verbs of getting back that take a change as readily as a mark ("regained 2,000 points"): a
# milestone only with "the" or a unit of a mark ("reclaims 5,000 mark", "the 5,000 level").
MILESTONE_NEEDS_MARK: Final = ("reclaim", "regain")
# A length of time: "for the first time after 14 months" qualifies the first time (_FIRST_TIME
# sees it: no phase of its own), unlike "after three failed attempts".
_DURATION = (
    r"(?:a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a\s+few)"
    r"\s+(?:[\w-]+\s+)?(?:years?|yrs?|months?|mths?|weeks?|wks?|days?|sessions?|decades?|quarters?)\b"
)
_FIRST_TIME = (
    r"\bfirst[- ]ever\b|\b(?:first|1st)\s+time\s+(?:ever|in\s+(?:its\s+)?history)\b"
    r"|\bfor\s+(?:the\s+)?(?:very\s+)?(?:first|1st)\s+time\b(?!\s+(?:since|after\s+"
    + _DURATION
    + r"|in\s+(?:\S+\s+){0,4}(?:years?|yrs?|months?|mths?|weeks?|wks?|days?"
    r"|sessions?|decades?|quarters?)\b|in\s+(?:19|20)\d\d|this\s+(?:year|month|week)))"
)
# A peak or trough of the session. (One "\b" before the alternation, not one in each branch:
# inside a word the search fails once there instead of once per branch; and branched by first
# letter, by_first_letter. The lookbehinds after "earlier" test the place before it. The same
# matches, 8x faster.)
_INTRADAY_PHRASES = (
    r"as\s+(?:much|high|low)\s+as\b|at\s+one\s+point\b|at\s+some\s+points?\b|briefly\b"
    r"|intra-?day\b|during\s+(?:the\s+|today['’]?s\s+|\w+day['’]?s\s+)?(?:session|trading|trade)\b|during\s+the\s+day\b"
    r"|(?:in\s+a\s+|within\s+a\s+)(?:[\w-]+\s+)?range\s+of\s+[\d,]+(?:\.\d+)?(?:\s+points?)?(?:\s+(?:to|and)\s+|\s*[-–—]\s*)\d"
    r"|during\s+the\s+(?:final|first|last|early|late)\s+\w+|earlier(?<!closed\searlier)(?<!closes\searlier)(?<!closing\searlier)(?<!ended\searlier)(?<!ending\searlier)(?<!finished\searlier)\b(?!\s+this\s+(?:year|month|week))"
    r"|touch(?:ed|es|ing)?\b|(?:shortly|straight|right|just|immediately|soon)\s+after\s+(?:the\s+)?(?:market\s+)?open\w*"
    r"|upon\s+(?:the\s+)?(?:market\s+)?open\w*|session\s+(?:records?|highs?|lows?|peaks?)\b"
    r"|(?:highest|lowest|high|low)\s+(?:point\s+|level\s+)?of\s+the\s+(?:day|session)\b"
    r"|the\s+(?:day|session)['’]s\s+(?:high|low|peak|trough)s?\b"
    r"|(?:mov|swung|swing|trad|rang|fluctuat|oscillat|seesaw|shuttl|vacillat)\w*\s+between\b"
    # "rose to a high of 38,924.88", "hit a low of 34,889.72": the session's peak or trough (not
    # "closed at a high of", nor a record or an N-year high: those name the kind of high)
    r"|(?:hit|hits|hitting|reach\w*|str(?:uck|ikes?|iking)|(?:rose|ris(?:e|es|en|ing)|climb\w*|jump\w*|surg\w*"
    r"|soar\w*|advanc\w*|fell|fall\w*|dropp\w*|sank|sunk|slid\w*|slipp\w*|declin\w*)\s+to)\s+(?:a|an|its)\s+"
    r"(?:session\s+|daily\s+|intra-?day\s+)?(?:high|low)\s+of\s+\d"
    # "a late intraday high", "an early high above 7,900": the session's peak or trough
    r"|(?:early|late)\s+(?:session\s+|intra-?day\s+)?(?:highs?|lows?|peaks?|troughs?)\b"
    r"|in\s+the\s+(?:morning|afternoon)\b|up\s+to\s+[+\-−]?\d[\d,.]*\s?(?:%|per\b|percent|points?\b)"
)
_INTRADAY = rf"\b(?=[a-z]){by_first_letter({'': _INTRADAY_PHRASES})}"
_LEVEL_BEFORE = (
    r"(?=[a-z])(?:\b(?:to|at|reaching|reached|reach|reaches|hit|hits|hitting|touched|touching|touch|scale|"
    r"scaled|between|as\s+high\s+as|as\s+low\s+as|and)"
    # "hit the historic 80,000 mark", "reached the 7,000 level": a mark reached is a level
    r"|\b(?:reach(?:ed|es|ing)?|hit(?:s|ting)?|touch(?:ed|es|ing)?)\s+the"
    r"(?:\s+(?:historic|psychological(?:ly)?|key|landmark|important|magic)){0,2}"
    r"|\b(?:high|highs|record|peak|close|level|low|"
    r"heights|levels|closing|mark)\s+(?:of|at)|\b(?:a\s+|new\s+|fresh\s+)record)\s+$"
)
_AFTER_UNIT = r"\s*(?:\)\s*)?(?P<word>higher|lower|up|down)\b"
# The session before the one reported, named: "yesterday", "the day before", "a session earlier",
# "the previous trading day" (also moves_periods: a piece about another session).
OTHER_SESSION = (
    r"yesterday|the\s+(?:day|session)\s+before|(?:a|one)\s+(?:day|session)\s+earlier"
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+(?:session|day|trading\s+(?:day|session))"
)
_EARLIER_DAY = (
    r"\b(?:on|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\blast\s+(?:week|month|year|"
    r"session|\w+day's)\b|\b(?:previous|prior|preceding)\s+(?:week|close)\b"
    rf"|\bin\s+(?:19|20)\d\d\b|\b(?:{OTHER_SESSION})\b"
)

# What follows "with" that is the subject's own figure or manner, not another subject's clause
# ("with the Nikkei up 2%"): "with a loss of 0.6%", "up with +0.24%", "with over 3% gain", "with a
# 300-point gain", "with a weak start" (a phrase of direction, moves_statements).
# (Not when the figure belongs to something named after it: "with a 3% gain in SoftBank".)
_OWN_FIGURE = (
    r"(?:[+\-−–]\d|(?:an?\s+)?(?:(?:over|about|around|nearly|almost|roughly|more\s+than)\s+)?\d[\d,.]*"
    r"(?:\s?(?:%|per)|[\s-]?points?\b)"
    r"(?![^,;]{0,30}\b(?:in|for|at|from|by|of)\s+(?!the\s+(?:session|day|week|month|year)\b))"
    r"|an?\s+(?:\w+\s+){0,2}(?:loss|gain|decline|drop|fall|rise|increase"
    r"|decrease|jump|slide|plunge|dip)\w*\s+of\b"
    r"|an?\s+(?:[\w-]+\s+){0,2}(?:start|note|finish|streak)\b(?!\s+(?:in|for|at|from|by|of)\s)"
    # "closes with a loss", "ended with a small gain on Friday": the subject's own result (not "with
    # a gain in SoftBank", "with a loss on Wall Street")
    r"|an?\s+(?:[\w-]+\s+)?(?:loss|gain|decline|drop|fall|rise|increase|decrease|advance)(?:es|s)?\b"
    r"(?!\s+(?:in|for|at|from|by|of|to|among|across)\s|\s+on\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))"
    # "finished with record numbers, closing at 7,298.28", "with a record close" (not "with record
    # profits at Apple", "record numbers of shares")
    r"|(?:an?\s+|new\s+|fresh\s+)?record\s+(?:numbers|highs?|levels?|close|finish|closing\s+(?:high|level))\b"
    r"(?!\s+(?:in|for|from|by|of|among)\s))"
)
# "but closed at 18,050.3" after a peak or trough of the session: the same subject's close (a phase
# of its own, moves_clauses), not another subject's clause.
_BUT_CLOSED = (
    r"(?:(?:then\s+|later\s+|eventually\s+|ultimately\s+|still\s+)?(?:closed|ended|finished|settled)\b"
    # "but recovered to close up 0.5%", "but rebounded to end 0.2% higher"
    r"|(?:recovered|rebounded|bounced\s+back|reversed\s+course)\s+to\s+(?:close|end|finish|settle)\b)"
)
# _CUT is one alternation in which the last branch is case-sensitive (a capital after a comma);
# that branch is searched apart on the text as written, the rest folded (see cut_clause).
# Its branches open with ",", one "\s", ";" or ":" (",?\s+" is written "," then "\s+", or "\s" then
# "\s*"; the lookbehinds take in that first character): at a place the engine skips at a glance
# the branches that open with another character, and the lookbehinds before "as" run only where
# "as" follows. The same matches, 1.5x faster.
_CUT_AS = r"as\b(?!\s+(?:much|high|low|did|well|it|of|a\s+result))"
_CUT_WORDS = (
    # (not "capping a year when it rose 29%", "a week in which it fell 5%": the subject's own period)
    # (nor ", which took it to a record high of ...": "it" is the subject, the clause goes on)
    r"which(?<!year in which)(?<!week in which)(?<!month in which)(?<!quarter in which)"
    r"(?!\s+(?:took|takes|brought|brings|left|leaves|lifted|lifts|pushed|pushes|sent|sends|put|puts|allowed"
    r"|allows|enabled|enables|helped|helps)\s+it\b)|who|while|whereas"
    r"|when(?<!year when)(?<!week when)(?<!month when)(?<!quarter when)|where"
    r"|with(?!\s+" + _OWN_FIGURE + r")|buoyed|lifted|led\s+by|helped|weighed|dragged|despite|thanks\s+to|amid"
    r"|following|according(?!\s+to\s+[^,;]{1,60},\s+(?:having|after|before)\b)"
    r"|driven|fuell?ed|supported|boosted|hurt|pressured|underpinned|tracking|mirroring|due\s+to"
    r"|because|but(?!\s+" + _BUT_CLOSED + r")|though|although|even|reflecting"
    r"|on\s+(?:hopes|concerns|worries|fears|optimism|expectations"
    r"|bets|news|signs|the\s+back)|the\s+(?:former|latter)"
)
_CUT_WORD = by_first_letter({"": _CUT_WORDS}) + r"\b"  # (branched by first letter: 15% faster)
_CUT_FOLDED = (
    r"(?:,(?:(?=\s+as\b)(?<!much,)(?<!high,)(?<!low,)(?<!well,)(?<!far,)\s+" + _CUT_AS + r"|\s+" + _CUT_WORD
    # a forecast after the move: "was up 0.3%, in line for a gain of about 35% for the year"
    + r"|\s+(?:in\s+line|on\s+(?:track|course|pace)|poised|readying|set)\s+(?:for|to)\b)"
    r"|\s(?:(?=\s*as\b)(?<!much\s)(?<!high\s)(?<!low\s)(?<!well\s)(?<!far\s)\s*" + _CUT_AS + r"|\s*" + _CUT_WORD
    + r"|\|)|;|:\s)"
)  # fmt: skip
_CUT_CASED = (
    r",\s+(?:and\s+|but\s+)?(?=[A-Z][a-z])(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)
# "a day after hitting a record", "two sessions before": a piece about another day.
_DAYS_APART = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|sessions?|months?|years?)"
# A time of day: "shortly after 10 a.m." is an adverbial, not a phase of its own.
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m|p\.?m|am\b|pm\b|gmt|[ap]\.m\.)|noon|midday|lunch"
# A piece about a turn of the session: after/before/having (not "after the open", "before 10 a.m.").
_PHASE_TURN_AHEAD = (
    rf"(?=(?:after(?!\s+(?:the\s+(?:market\s+)?open|{_CLOCK}|{_DURATION}))|before(?!\s+(?:{_CLOCK}))|having)\b)"
)  # fmt: skip
_PHASE_BUT = r"(?=but\s+" + _BUT_CLOSED + r")"
# Every branch opens with "," or one "\s" (",?\s+" is written ",\s+" then "\s\s*"; a lookbehind
# moves past that character and takes it in): the branches are two groups, those after a comma
# and those after a space, each in the order written. A place holds a comma or a space, never
# both, so only one group can match there, and within it the branches are tried in the same
# order: the same matches, 20% faster than one alternation of all (the engine tries each
# branch's first character at each place).
_PHASE = (
    r",(?:(?<!after,)(?<!the\sday,)(?<!the\ssession,)\s+" + _PHASE_TURN_AHEAD
    + r"|\s+and\s+(?:it\s+|then\s+)?|\s+(?=extending\s+(?:its|their|the|a)\s)"
    # "closed 0.26% higher at 916.09, touching its highest level since September"
    r"|\s+(?=touching\s+(?:its|their|a|an|the|fresh|new)\s)"
    # "after shuttling between 10,600 and 10,491 points, ended the session 0.06% higher"
    r"|(?:(?<=\d,)|(?<=%,)|(?<=points,)|(?<=pts,))\s+(?=(?:then\s+|finally\s+)?(?:ended|closed|finished|settled)\s)"
    r"|\s+" + _PHASE_BUT
    # "after moving between A and B points, ended ...", "rose as much as 2%, then closed up 1%": the
    # close after a fronted peak or range
    + r"|(?:(?<=\w,)|(?<=%,))\s+(?=(?:then\s+|finally\s+)?(?:closed|ended|finished|settled)\b)"
    # "closed 0.3% higher at 916.09, touching its highest level since September": the peak
    r"|\s+(?=touching\b))"
    r"|\s(?:(?<!after\s)(?<!the\sday\s)(?<!the\ssession\s)\s*" + _PHASE_TURN_AHEAD
    + r"|\s*[-–—]\s+|\s*" + _PHASE_BUT
    + r"|\s*and\s+(?=continued\s+(?:\w+\s+){0,3}?to\s+(?:hit|touch|reach|rise|climb|fall|drop)\b)"
    r"|\s*and\s+(?=(?:hitting|touching|touched|hit|lost|gained|fell|rose|closed|ended|settled|"
    r"finished|losing|gaining|falling|rising|reaching|reached|ending|continued|continuing)\b"
    # (not "the previous intraday and closing records": a noun's qualifiers)
    r"|closing\b(?!\s+(?:highs?|lows?|records?|peaks?|levels?)\b)))"
)  # fmt: skip
_PHASE_TURN = r"^(?:having\b|(?:after|before)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:\w+ing|earlier|having)\b)"
_BEFORE_CLOSE = (
    r"^before\s+(?:\w+ly\s+)?(?:settl|clos|end|finish|par|rebound|dipp|retreat|eas|fall|revers|"
    r"trimm|giv|pull|slipp|recover|turn|swing|shed"
    # "hit a record of 9,594 in early trade, before drifting lower and closing 0.4% down"
    r"|drift|slid|sink|sank|tumbl|drop|los|eras|fad|cool|surrender|bounc|climb|rall|recoup|claw|narrow)"
    # "fell 2%, but recovered to close 0.4% down": the move given up was the trough
    r"|^but\s+(?:recovered|rebounded|bounced\s+back|reversed)\b"
)

# --- a name's place in its sentence (moves) ---
_JOIN = r"^(?:[\s().,]|\b(?:index|or|the)\b)*$"
_PARENTHETICAL = (
    r"^\s*(?:index\s*|sub-index\s*)?(?:\([^()]{0,40}\)\s*)?,\s*(?:which|who|whose|the|a|an|comprising|"
    # (the closing comma is no thousands separator: "support at 10,800-10,900 points")
    r"comprised|including|made|tracking|or|Taiwan)\b(?:[^,]|,(?=\d{3}\b)){0,120},(?!\d{3}\b)"
)
_POSSESSIVE = r"^\s*(?:index\s*)?['’]s?\b"
# ("Dow e-minis", "E-mini S&P 500": the CME's mini futures contracts)
_FUTURES_AFTER = r"^\s*(?:index\s+|mini\s+)?(?:futures|e-?minis?)\b"
_FUTURES_BEFORE = (
    r"\bfutures\s+(?:for|on|tracking|tied\s+to|linked\s+to)\s+(?:the\s+)?(?:\S+['’]s\s+)?$|\be-?mini\s+$"
)
# The words that govern a name as their object ("dragged the Nikkei", "stocks in the Dax").
_OBJECT_WORDS = (
    r"dragg\w*|drag|sen(?:t|d|ds|ding)|push\w*|lift\w*|pull\w*|lead(?:ing(?!\s+(?:index|indices|indexes|benchmark|gauge|stock\s+index)\b)|s)?|led|help\w*"
    r"|dr(?:ove|ive|ives|iving)|t(?:ook|ake|akes|aking)|propell\w*|boost\w*|pressur\w*|weigh\w*\s+on"
    r"|keep\w*|kept|leav(?:e|es|ing)|left|outperform\w*|underperform\w*|track\w*|mirror\w*|follow\w*|beat|beating"
    r"|trail\w*|lagg\w*|than|of|in|from|on|into|for|like|including|to|versus|vs\.?|against|by"
)
# (a spaced dash ends a label: "Stock exchange in Frankfurt - Dax little moved")
_OBJECT_TAIL = r"\s+(?:the\s+)?(?:[\w.&/-]+['’]s\s+)?(?:\w[\w-]*\s+){0,2}$"
# (Branched by first letter, by_first_letter: the same matches, 15% faster.)
_OBJECT_BEFORE = rf"\b(?=[a-z]){by_first_letter({'': _OBJECT_WORDS})}" + _OBJECT_TAIL
_OWN_VERB = (
    r"^\W*(?:\w+\s+){0,3}?to\s+(?:close|end|finish|settle|rise|fall|climb|drop|gain|lose|record|hit"
    r"|reach|trade|open)\w*\b"
)
_NOUN_RECORD_BEFORE = (
    r"\b(?:record|all-time\s+high)\w*\s+(?:\w+\s+){0,2}(?:for|on|in|at)\s+(?:the\s+)?$"
    # "the record high of the DAX", "the record highs set by the DAX" (not "the track record of")
    r"|\b(?:record|all-time)\s+(?:closing\s+)?(?:highs?|closes?|levels?|peaks?|finish(?:es)?)\s+"
    r"(?:of|(?:set|hit|reached|posted|notched|recorded)\s+by)\s+(?:the\s+)?$"
)
_AS_DID = r"\bas\s+did\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:[\w-]+\s+)?$"
_WITH_BEFORE = r"\bwith\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:[\w-]+\s+){0,2}$"
_AS_BEFORE = (
    r"(?<!such)(?<!well)(?<!just)\s+as\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:benchmark\s+|main\s+|key\s+)?$"
)
_LEADING_BEFORE = r"\b(?:lead(?:ing(?!\s+(?:index|indices|indexes|benchmark|gauge|stock\s+index)\b)|s)?|led|sending|sent|push\w*)\s+(?:the\s+)?\S*\s*$"
_CONNECTIVE = (r"^\s*(?:index|indices|indexes|futures)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+)"
                         r"(?:\S+\s+){0,3}$")  # fmt: skip
_APPOSITIVE = (
    # (not ", for the first time, closed above 25,000": a first time inserted before the verb)
    r"^\s*(?:index\s*)?,(?!\s*for\s+the\s+(?:very\s+)?first\s+time\b)\s*(?!(?:and|while|but|as|with|after|before"
    r"|having|led|lifted|helped|which|"
    r"when|where|whereas|even|though|although|down|up|or|its?|ending|closing|reaching|falling|rising)\b)"
    r"(?P<app>[^,\d]{1,80}),"
)
_AND_BEFORE = r"\band\s+(?:the\s+)?(?:\S+['’]s\s+)?$"
# "It was the first time the STI had crossed ...": a first time stated before the name. Not
# negated ("not the first time"), and not qualified in the clause ("... since 2007").
_FIRST_TIME_BEFORE = (
    r"(?<!not\s)(?<!n't\s)(?<!n’t\s)(?<!never\s)\b(?:the|its)\s+first\s+time\s+(?:ever\s+)?(?:that\s+)?"
    r"(?:the\s+)?(?:\S+['’]s\s+)?$"
    # fronted: "For the first time (ever), the Nasdaq closed above 20,000"
    r"|\bfor\s+the\s+first\s+time(?:\s+ever|\s+in\s+(?:its\s+)?history)?\s*,\s*(?:the\s+)?(?:\S+['’]s\s+)?$"
)
_FIRST_TIME_QUALIFIED = (
    # "... on its closing day of the year", "at a year-end": a first time of a period's close
    r"\b(?:on|at)\s+(?:its|the|a)\s+(?:closing|last|final)\s+(?:trading\s+)?(?:day|session)\s+of\s+(?:the|a)\s+"
    r"(?:year|month|quarter)\b|\b(?:year|month|quarter)[- ]end\b|"
    r"\bsince\b|\bin\s+(?:\S+\s+){0,4}(?:years?|yrs?|months?|mths?|weeks?|wks?|days?|sessions?|decades?|quarters?)\b"
    r"|\bin\s+(?:19|20)\d\d\b|\bthis\s+(?:year|month|week)\b"
)
# An intraday range: "moving between A and B", "a high of A and a low of B".
_RANGE = (
    r"\bbetween\s+(?P<a>[\d,]+(?:\.\d+)?)\s+and\s+(?P<b>[\d,]+(?:\.\d+)?)"
    r"|\b(?:high|low)\s+of\s+(?P<c>[\d,]+(?:\.\d+)?)(?:\s+points?)?,?\s+and\s+(?:an?\s+|the\s+)?"
    r"(?:(?:intra-?day|session)\s+)?(?:low|high)\s+of\s+(?P<d>[\d,]+(?:\.\d+)?)"
    r"|\brange\s+of\s+(?P<e>[\d,]+(?:\.\d+)?)(?:\s+points?)?(?:\s+(?:to|and)\s+|\s*[-–—]\s*)(?P<f>[\d,]+(?:\.\d+)?)"
)
# A peak or trough stated before the name ("At its low of the day, the Dow had fallen ...").
_FRONTED_INTRADAY = (
    r"^\W*(?:at\s+(?:its|the)\s+(?:\w+\s+)?(?:low|high|lows|highs|peak|trough|worst|best)\b|at\s+(?:one|some)"
    r"\s+points?\b|briefly\b|intra-?day\b)[^,]{0,40},\s*(?:the\s+)?$"
    # "At one point the Dow was down 500 points" (no comma: only the marker and an article)
    r"|^\W*(?:at\s+(?:one|some)\s+points?|at\s+(?:its|the)\s+(?:session['’]s\s+)?(?:low|high|peak|worst|best)"
    r"(?:\s+of\s+the\s+(?:day|session))?)\s+(?:the\s+)?$"
)
# A peak given up later in the sentence: "reached 7,000 ..., but then pulled back".
_PEAK_GIVEN_UP = (
    r",?\s+but\s+(?:then\s+|later\s+|soon\s+|quickly\s+)?(?:pulled|pared|retreated|gave|fell\s+back|slipped\s+back"
    r"|reversed|trimmed|eased|dipped\s+back|dropped\s+back)\b"
)
# A level that is not where the index stands: the base a change is measured from ("from the
# multi-year peak of 5178.2", "from a close of 41.94"), the high it stands below ("5% below its
# all-time high of 6,147.4", "within 1% of its record of 8,600") and an earlier record or high
# ("surpassed its previous record of 3,316", "the prior peak of 26,277").
_FROM_BASE = (
    r"\b(?:(?:from|below|under|beneath|off|short\s+of|shy\s+of|within\s+(?:\S+\s+of\s+)?)"
    r"\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,3}(?:peak|high|low|close|level|closing|record)"
    r"|\b(?:previous|prior|old|earlier|former)\s+(?:[\w-]+\s+){0,2}(?:peak|high|low|close|closing|record)s?)"
    r"\s+(?:of|at)\s+$"
)
FROM_BASE_NEEDS: Final = ("from", "below", "under", "beneath", "off", "short", "shy", "within", "previous", "prior",
                   "old", "earlier", "former")  # fmt: skip
# Verbs of a change in level ("rose over 1,000 points" is a change, not a mark).
_CHANGE_VERB = (
    r"rose|rise[sn]?|rising|fell|fall(?:s|ing|en)?|gain\w*|lost|los(?:e|es|ing)|drop\w*|add(?:s|ed|ing)?"
    r"|shed\w*|jump\w*|climb\w*|slip\w*|declin\w*|plung\w*|tumbl\w*|advanc\w*|rall\w*|sank|sink\w*"
    r"|slump\w*|soar\w*|surg\w*|zoom\w*|crash\w*|tank\w*|spik\w*|leap\w*|skid\w*|slid\w*"
)
# A change figure that measures how far the index stands from a high, not a move: "is 5% below
# its all-time high", "3% off its record close", "within 1% of its record high".
_DISTANCE_AFTER = (
    r"\s+(?:below|under|beneath|off|short\s+of|shy\s+of|away\s+from)\s+(?:(?:a|an|the|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:record|high|highs|peak|peaks|top)\b"
)
_DISTANCE_BEFORE = r"\bwithin\s+$"
# "137,469.26 points at its highest": a level, not a change.
_LEVEL_AFTER = r"\s+at\s+(?:its|the)\s+(?:highest|lowest|peak|high|low)\b"
_DIRECTION_WORDS = r"\b(?:rose|fell|up|down|higher|lower|gain\w*|los\w*|jump\w*|climb\w*|declin\w*|record|unchanged|flat|steady)\b"

# Words one of which a regex needs in the lower-cased text to match at all: checking them first
# (a fast substring test) skips most searches. Only for LOW (IGNORECASE also matches "RECORD").
PHASE_NEEDS: Final = ("and", "after", "before", "having", "-", "–", "—", "extending", "but", "touching", ", clos",
               ", end", ", finish", ", settl", ", then", ", finally")  # fmt: skip
# ("all-time": "crossed the all-time close" names a record level with none of the other words)
RECORD_NEEDS: Final = ("record", "high", "peak", "height", "all-time", "all time")
MILESTONE_NEEDS: Final = ("top", "exceed", "climb", "clear", "scal", "breach", "cross", "pass", "break", "broke", "above", "over",
                   "below", "under", "beyond", "reclaim", "regain", "smash", "shatter", "past")  # fmt: skip
LEADING_NEEDS: Final = ("lead", "led", "sen", "push")

_SOURCES: Final = {
    "direction": _DIRECTION,
    # a finite verb of motion opening a name's clause: the name is its subject
    "finite_motion": r"\s*(?:also\s+|\w+ly\s+)?(?:rose|fell|added|lost|gained|slipped|dropped|climbed|jumped"
    r"|declined|advanced|eased|slid|shed|rallied|tumbled|surged|plunged|sank|dipped|edged|inched|ended|closed"
    r"|finished|settled|rises|falls|gains|adds|loses|slips|drops|climbs|jumps|ends|closes)\b",
    "flat": rf"\b(?=[a-z])(?:{_FLAT})\b",
    "not_motion_before": _NOT_MOTION_BEFORE,
    "not_motion_after": _NOT_MOTION_AFTER,
    "record": _RECORD,
    "record_denied": _RECORD_DENIED,
    "record_qualified_after": _RECORD_QUALIFIED_AFTER,
    "period_after": rf"[- ]{_PERIOD}\b",
    "record_qualified_before": _RECORD_QUALIFIED_BEFORE,
    "milestone": _MILESTONE,
    "first_time": _FIRST_TIME,
    "any_first_time": r"\b(?:first|1st)\s+time\b",
    "intraday": _INTRADAY,
    "level_before": _LEVEL_BEFORE,
    "after_unit": _AFTER_UNIT,
    "earlier_day": _EARLIER_DAY,
    "phase": _PHASE,
    "phase_turn": _PHASE_TURN,
    "days_apart_before": rf"\b{_DAYS_APART}\s*$",
    "before_close": _BEFORE_CLOSE,
    "cut_folded": _CUT_FOLDED,
    "join": _JOIN,
    "parenthetical": _PARENTHETICAL,
    "possessive": _POSSESSIVE,
    "futures_after": _FUTURES_AFTER,
    "futures_before": _FUTURES_BEFORE,
    "object_before": _OBJECT_BEFORE,
    "own_verb": _OWN_VERB,
    "noun_record_before": _NOUN_RECORD_BEFORE,
    "as_did": _AS_DID,
    "with_before": _WITH_BEFORE,
    "as_before": _AS_BEFORE,
    "label_colon": r"\s*(?:index\s*)?:\s*(?=(?:up|down|higher|lower|flat|unchanged)\b|[+\-−–]?\d(?!\d*:))",
    # a market as a whole: what an "as" clause's index may take its direction from
    "aggregate": r"\b(?:shares|stocks|equities|(?:stock\s+)?markets?|bourses?|stock\s+exchanges?)\b",
    "leading_before": _LEADING_BEFORE,
    "connective": _CONNECTIVE,
    "appositive": _APPOSITIVE,
    "and_before": _AND_BEFORE,
    "range": _RANGE,
    "fronted_intraday": _FRONTED_INTRADAY,
    # a peak or trough that a piece states without a figure: a period's best reached
    # ("after hitting its highest level since 2022", "touching a two-year low")
    # an aside between dashes naming the peak before it: "hit 19.5 – its highest since April –
    # before closing at 18.6" (a noun phrase, no verb of its own)
    "peak_aside": r"\s*(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:highest|lowest|best|worst|strongest"
    r"|weakest|highs?|lows?|peaks?)\b(?![^,;]*\b(?:rose|fell|closed|ended|finished|settled|was|is)\b)[^,;]*",
    # a peak of the session stated after the close with a level of its own: "closed at 13,400,
    # after recording a new all-time high of 13,489.51" (not "after falling 2%")
    "after_peak": r"after\s+(?:\w+ly\s+)?(?:hitting|touching|reaching|recording|setting|striking|notching"
    r"|posting|marking)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,3}?(?:highs?|peaks?|records?|lows?)\s+(?:of|at)"
    r"\s+\d",
    # a peak named by a noun before "above N": "a late intraday high above 7,900" (a level, about N)
    "peak_noun_before": r"\b(?:highs?|peaks?|lows?|troughs?)\s+$",
    "peak_word": r"\b(?:hit|hitting|touch\w*|reach\w*)\s+(?:its|their|a|an|the|fresh|new)\s+(?:highest|lowest"
    r"|[\w.]+-(?:day|week|month|year)\s+(?:highs?|lows?))\b",
    "close_verb": r"\b(?:clos|end|finish|settl)(?:ed|es|e|ing|s)?\b",
    "negation_before": r"\b(?:not|never|n't|n’t|fail(?:s|ed|ing)?\s+to|unable\s+to|short\s+of)\b",
    "standing_before": r"\b(?:clos|end|finish|settl|stood|stand|trad)\w*\s+$",
    "close_direction": r"\b(?:clos|end|finish|settl)(?:ed|es|e|ing|s)?\s+(?:the\s+(?:day|session)\s+)?(?:\w+ly\s+)?(?P<word>higher|lower|up|down)\b",
    # "For the day the Dow is trading at ...": the period the sentence opens with, not an object.
    "period_opening": r"\W*(?:for|on|over|during)\s+the\s+(?:day|session|week|month|year|quarter)\b,?\s+(?:the\s+)?$",
    "first_time_before": _FIRST_TIME_BEFORE,
    "first_time_qualified": _FIRST_TIME_QUALIFIED,
    "first_time_it": r"(?<!not\s)(?<!never\s)\bthe\s+(?:first|1st)\s+time\s+(?:ever\s+)?(?:that\s+)?(?:it|the\s+index)\s+"
    r"(?:has\s+|had\s+|have\s+|ever\s+)*(?:clos|end|finish|settl|top|cross|exceed|surpass|br[eo]k|pass|rose|ris|climb)\w*",
    "since_launch": r"since\s+(?:being\s+|it\s+was\s+|its\s+|the\s+index['’]s\s+)?(?:introduc|launch|incept|creat|establish|found|start)",
    "morning": r"\b(?:(?:mon|tues|wednes|thurs|fri)day\s+morning|morning\s+(?:trade|trading|session|deals))\b",
    "peak_given_up": _PEAK_GIVEN_UP,
    "level_after": _LEVEL_AFTER,
    "from_base": _FROM_BASE,
    "change_verb": _CHANGE_VERB,
    "change_verb_before": rf"\b(?:{_CHANGE_VERB})\s+(?:by\s+)?$",
    "bare_change_after": r"\s+(?:to|at)\s+\d[\d,]*(?:\.\d+)?(?!\d|[,.]\d|\s?(?:%|percent|per\s+cent|pct|pc\b|times|x\b|-))",
    "distance_after": _DISTANCE_AFTER,
    "distance_before": _DISTANCE_BEFORE,
    "direction_words": _DIRECTION_WORDS,
}
_PAIR: Final = Regexes.pair(_SOURCES)
# (Final names: compiled modules read them as C statics, not from the module's dict.)
ANY: Final = _PAIR[0]
LOW: Final = _PAIR[1]
# LOW for text that is also ASCII (fold.Regexes.ascii_twins): the same matches, faster.
LOW_ASCII: Final = Regexes.ascii_twins(_SOURCES)
# The kind of direction ("flat", "down", "up") of each group of the direction regex ("down_f").
DIRECTION_KIND: Final = {name: name.partition("_")[0] for name in LOW.direction.groupindex}
# The whole of _CUT IGNORECASE, for text that is not fold-safe.
CUT: Final = re.compile(_CUT_FOLDED + "|(?-i:" + _CUT_CASED + ")", re.IGNORECASE)
CUT_CASED: Final = re.compile(_CUT_CASED)


def _spaces_spelled_out(pattern: str) -> str:
    """_CUT_FOLDED for ASCII text: its "\\s" branch written once per ASCII space character (what
    "\\s" matches under re.ASCII), so that every top-level branch opens with a literal. From such
    branches the engine takes a set of first characters and skips, in C, every place that holds
    none (most places: letters), instead of entering the pattern there. Each space character
    takes the one branch the "\\s" branch took: the same matches, 16% faster per search."""
    space = "|\\s(?:(?=\\s*as\\b)"
    at = pattern.index(space)
    if not pattern.startswith("(?:,(?:") or not pattern.endswith("|;|:\\s)") or pattern.count(space) != 1:
        raise ValueError("_spaces_spelled_out: _CUT_FOLDED no longer has the form it expects")
    after_space = pattern[at + len("|\\s") : -len("|;|:\\s)")]
    spelled = "".join(f"|{char}{after_space}" for char in (" ", "\\t", "\\n", "\\r", "\\x0b", "\\x0c"))
    return pattern[:at] + spelled + "|;|:\\s)"


# _CUT_FOLDED folded, for lower-cased text that str.isascii (cut_clause; the LOW_ASCII twin otherwise).
CUT_FOLDED_ASCII: Final = re.compile(lower_pattern(_spaces_spelled_out(_CUT_FOLDED)), re.ASCII)
# A place the sentence opens with, capitalised: "In London the FTSE 100 pushed ahead", "In Hong Kong
# the Hang Seng fell", "Elsewhere in Europe the CAC 40 rose": the setting, not a noun governing the
# name as an object (as "Stocks in the Nikkei rose" or "a rally in the Nikkei" do).
PLACE_OPENING: Final = re.compile(
    r"^\W*(?:In|(?:Elsewhere|Meanwhile|Over|Across|Back)\s+in)\s+(?:the\s+)?[A-Z][A-Za-z.]*(?:\s+[A-Z][a-z]+)?\s*,?\s+"
    r"(?:the\s+)?$"
)
CODE: Final = re.compile(r"^\s*(?:\.[A-Z0-9]{2,8}\b|\([A-Z0-9.:]{2,10}\))")


def word_end(text: str, start: int) -> int:
    """Where the run of word characters (as ``\\w``: letters, digits, "_") that starts at
    ``start`` ends: the first-word gates read a word without a regex."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return end


def contains_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether one of the needles occurs in the text."""
    for needle in needles:  # noqa: SIM110 -- a plain loop: twice as fast as any() over a generator
        if needle in text:
            return True
    return False
