"""What is not a statement of a move, although it names an index beside words of motion.

The conventions (shared/dev/README.md) count a clause only when it states that the index moved
or stands somewhere. Not statements, and so not moves:

- a prediction, forecast, target or pre-open call: the clause's verb is hedged ("were called
  down 0.1%", "is expected to open higher", "has a 'slightly good chance' of crossing 4,000",
  "on track for record close"), or the index is the subject of what someone expects ("analysts
  expect the Nifty to hit 27,000", "if the Dow closes above 40,000");
- near-record wording: the index only approaches a record or a level ("nears record high",
  "inches close to record level", "pushes toward 7,000", "fell short of a record close"), with no
  change of its own;
- negations and statistics ("didn't log an advance of more than 1 per cent", "moved in an
  average band of 8 per cent each month", "stood above 17,000 on 130 of 244 trading days",
  total-return and compound-growth figures);
- a name used as a label of a level ("Get out the Dow 19,000 rally caps") or as a modifier of
  another noun (the "S&P 500 financial sector", "FBM KLCI component stocks", an index ETF, an
  index derived from it: "S&P 500 equal-weight index", "Nasdaq-100 Volatility Index"), or as the
  owner of a figure that is not its level ("the Kospi's market capitalization reached a record").

Each function takes the text and whether it is lower-cased (fold.py): the regexes run
case-sensitively on lower-cased text, IGNORECASE otherwise.
"""

from __future__ import annotations

from typing import Final

from streams.extract.fold import Regexes
from streams.extract.moves_numbers import find_figures
from streams.extract.moves_regexes import contains_any, word_end

__all__ = ["label_or_modifier", "phrase_direction", "predicted_before", "unstated_clause"]

# Adverbs that may stand between the name and its verb ("the Nikkei also could ...").
_ADVERBS = r"(?:(?:\w+ly|also|still|now|again|too|itself|futures|index)\s+){0,2}"
_BE = (
    r"(?:(?:(?:is|are|was|were)\s+being|is|are|was|were|be|been|being|has\s+been|have\s+been|looks?|looked"
    r"|seems?|seemed|appears?)\s+)?"
)
# The first letters of every alternative of _HEAD after its adverbs, with or without a copula
# (a lookahead the engine rejects most clauses with at once, where it would try every alternative
# twice; exact: the lookahead holds wherever one of them matches).
HEAD_FIRST = (
    r"(?=a(?:bo|nt|pp|re)|b(?:e(?:\s|en|in)|ou)|c(?:al|an|ou|r[ae]|li)|d(?:id|o[en\s]|ri)|e(?:dg|xp)|f(?:al|el|or)"
    r"|gea|h(?:a[dsv]|ea)|i(?:n(?:\s|ch|di)|s\s)|l(?:ik|oo)|m(?:ay|ig|ov|us)|n(?:e[av]|o\s)|on\s|p(?:oi|r[eo]|us)"
    r"|rea|s(?:e[et]|h[ao]|t[ao])|tip|unl|w(?:as|er|il|ou))"
)
# The clause's head verb is hedged (expected, called or possible: not what happened), negated
# (what the index did not do) or a verb of approach (it nears a record or a level).
_HEAD = (
    rf"^[\s,“”\"'‘’]*{_ADVERBS}{HEAD_FIRST}(?:(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|do\s+not|don['’]t"
    r"|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not|hadn['’]t|never|no\s+longer)"
    rf"|{_BE}(?:(?:called|expected|forecast|projected|predicted|tipped|poised|likely|unlikely|seen|anticipated"
    r"|set\s+(?:to|for)|ready(?:ing)?\s+(?:to|for)|gearing\s+up\s+for|in\s+line\s+(?:to|for)"
    r"|point(?:s|ed|ing)?\s+(?:to|toward|towards)|indicat(?:e|es|ed|ing)"
    r"|on\s+(?:track|course|pace)\s+(?:to|for)|head(?:ed|ing)\s+for|bound\s+for|about\s+to|can|may"
    # (not "could not hold on to a late intraday high above 7,900": the peak happened, only holding
    # it is negated, as with "failed to hold onto")
    r"|could(?!\s+not\s+hold\s+(?:on\s*to\s+|onto\s+)?(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,2}(?:highs?|peaks?)\b)"
    r"|might|will|would|should|shall|must|ha(?:s|ve)\s+yet\s+to|is\s+yet\s+to"
    r"|(?:has|have|had|stands?|stood)\s+(?:an?|the)\s+(?:\S+\s+){0,3}?chance)"
    r"|(?P<approach>near(?:s|ed|ing)|approach(?:es|ed|ing)?|f(?:ell|alls?|alling|allen)\s+short|stop(?:s|ped)?\s+short"
    r"|(?:inch|edg|mov|push|creep|climb|head|drift|crawl|crept)\w*\s+(?:\w+ly\s+)?"
    r"(?:close\s+to|closer\s+to|near(?:er)?|toward|towards|within))))\b"
)
# A hedged verb a few words into the clause, before any word of motion: "which just a week ago was
# being tipped by investors to hit an all-time record", "which analysts now expect to reach 30,000".
_HEDGE_LATER = (
    r"^(?P<lead>[^,;:.%\d]{0,48}?)\b(?:tipped|expected|expect|forecast|predicted|predict|projected|poised"
    r"|likely|seen|tip|tips)\s+(?:by\s+[^,;:.\d]{1,40}?\s+)?to\s+(?:hit|reach|rise|fall|climb|top|break"
    r"|test|cross|surpass|end|close|finish|extend|gain|lose|drop|record|set|post|rally|rebound|recover)\b"
)
_MOTION_LEAD = (
    r"\b(?:rose|fell|rise[sn]?|falls?|fallen|gain\w*|los[est]\w*|jump\w*|climb\w*|declin\w*|drop\w*"
    r"|up|down|higher|lower|closed|ended|finished|record)\b"
)
# A rate per period ("3% each month", "per day").
_PERIODS = r"\s+(?:day|week|month|year|session|quarter|annum)"
_PER_PERIOD = rf"(?:each|every|per){_PERIODS}"
# Statistics over many sessions and return figures.
_STATISTIC = (
    r"\b(?:on\s+average|an?\s+average|average\s+(?:daily|weekly|monthly|annual|yearly)|averag(?:ed|es|ing)"
    rf"|{_PER_PERIOD}"
    r"|\d+\s+of\s+(?:the\s+|its\s+|this\s+)?(?:\w+['’]s\s+)?(?:last\s+|past\s+)?\d+\s+(?:trading\s+)?"
    r"(?:days|sessions)|total\s+return|compound(?:ed)?\s+annual|annuali[sz]ed\s+(?:return|gain|growth)|cagr)\b"
)
HEDGE_NEEDS = ("tip", "expect", "forecast", "predict", "project", "poised", "likely", "seen")
# The needles of every alternative of _STATISTIC but _PER_PERIOD ("each" alone is also in "reached",
# "per " in "per cent"): without one of them, only _PER_PERIOD can match, and it needs one of the weak ones.
STATISTIC_STRONG_NEEDS = ("averag", "days", "sessions", "return", "annual", "cagr")
STATISTIC_WEAK_NEEDS = ("each", "every", "per ")
STATISTIC_NEEDS = STATISTIC_STRONG_NEEDS + STATISTIC_WEAK_NEEDS
# The name is the subject of what someone expects or of a condition.
_PREDICTED_BEFORE = (
    # ("Citi sees the FTSE 100 ending the year at 9,000": a forecast; not "saw", what happened, nor
    # a day or session that "sees the Nikkei rise 1%")
    r"\b(?:expect\w*|forecast\w*|predict\w*|project(?:s|ed|ing)?|(?<!day\s)(?<!session\s)(?<!week\s)sees?"
    r"|if|whether|unless)\s+(?:the\s+)?"
    r"(?:\S+['’]s\s+)?(?:[\w-]+\s+){0,2}$"
)
PREDICTED_NEEDS = ("expect", "forecast", "predict", "project", "see", "if", "whether", "unless")
# An inverted condition opening the sentence: "Had the Dow closed above 40,000, ...".
_INVERTED_CONDITION = r"^[\s\"'“‘]*(?:had|were|should)\s+(?:the\s+)?(?:\S+['’]s\s+)?(?:[\w-]+\s+){0,2}$"
# The first characters of every alternative of _LABEL_OR_MODIFIER (as HEAD_FIRST: most
# segments, " rose 1%", " closed at", are rejected at once).
LABEL_FIRST = (
    r"(?=\d|['’\-‑]|adv|b(?:an|lu)|c(?:ap|o[mnru])|d(?:ec|iv)|e(?:ne|qu|sg|tf|xc)|f(?:al|i[nr]|un)|g(?:ai|ro)"
    r"|h(?:e[ad]|ig)|i(?:n[dfv]|sl)|l(?:ag|is|o[sw]|ev)|m(?:at|em|in|o[mv])|net|qua|r(?:ea|is)|s(?:ec|ha|to|ub)"
    r"|t(?:ec|ot|ra)|u(?:ti|\.s)|v(?:al|ol)|win)"
)
# The name labels a level ("Dow 19,000": a bare number right after it), or modifies another noun
# (a sector or industry of the index, its stocks, an ETF on it).
_LABEL_OR_MODIFIER = (
    rf"^\s*{LABEL_FIRST}"
    r"(?:(?P<label>(?:\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?(?![\d%.,])"
    r"(?!\s*(?:%|percent|per\s+cent|pct|pc|points?|pts)\b))|(?:index\s+)?(?:(?:financial|financials|energy|tech|technology|banking|bank|banks|health\s*care"
    r"|health-care|materials|industrial|industrials|utilities|utility|consumer\s+\w+|real\s+estate"
    r"|communications?|information\s+technology|component|constituent|member|blue-chip|listed"
    r"|heavyweight|index)\s+)?(?:sectors?|sub-?sectors?|sub-?indices|sub-?indexes|industry|industries"
    r"|etfs?|exchange[- ]traded|fund|funds|tracker|components?|constituents?|stocks|shares|companies"
    r"|firms|members|heavyweights|counters|gainers|losers|decliners|advancers|risers|fallers|laggards"
    r"|movers|winners)\b"
    # an index derived from the index: "S&P 500 equal-weight index", "Nasdaq-100 Volatility Index",
    # "Topix Core 30", "Dow Jones U.S. Total Stock Market Index"
    r"|(?:equal[- ]weight(?:ed)?|value|growth|volatility|vol|low[- ]volatility|min(?:imum)?[- ]volatility"
    r"|core\s+\d+|total[- ]return|net[- ]return|high[- ]dividend|dividend|esg|momentum|quality|leveraged"
    r"|inverse|capped|hedged|islamic|shariah|u\.s\.)(?:\s|\b)"
    # a possessive whose noun is not the index's level: "the KOSPI's market capitalization reached
    # a record 2,472 trillion won", "the Nikkei's trading volume", "the FTSE 100's valuation", "the
    # STI's top gainer, rising 5.8%"
    r"|(?:index\s*)?['’]s?\s+(?:[\w-]+\s+){0,2}?(?:market\s+(?:capitali[sz]ation|cap|value)|capitali[sz]ation"
    r"|turnover|(?:trading\s+)?volumes?|valuations?|p/?e\b|price[- ]to[- ]earnings|earnings|dividend\s+yield"
    r"|weight(?:ing)?s?|foreign\s+ownership|members?|constituents?|components?|stocks|shares|companies"
    r"|heavyweights?|(?:gain|los|ris|fall|declin|advanc|perform|lagg|mov)ers?)\b"
    # a compound adjective: "the FTSE 100-listed miner", "Nikkei-linked funds", "S&P 500-tracking ETFs"
    r"|[-‑]\s*(?:listed|quoted|traded|linked|tracking|based|heavy|weighted|focused|related|benchmarked)\b)"
)

# Phrases that state a direction without a verb of motion ("closed on a positive note", "at a
# two-month high", "suffered a 10% correction", "on a 12-session winning streak").
# (A streak that ends says the opposite: "snaps 5-day winning streak" is a fall. A period's best or
# worst: "posts best week since November".)
_STREAK_ENDED = r"(?:snap|end|break|broke|halt|stop)\w*\s+(?:(?:a|an|its|their|the)\s+)?(?:[\w-]+\s+){0,2}"
_PERIOD_NOUN = r"(?:day|week|month|quarter|year|session|start|finish|performance)"
_PHRASE_DIRECTION = (
    rf"\b(?:(?P<up>{_STREAK_ENDED}losing\s+streak|positive\s+note|winning\s+streak"
    r"|(?:strong|firm|positive|bullish)\s+(?:start|note|finish)"
    # "closed at its highest since 1990": where the close stands states the day's direction
    r"|(?:clos|end|finish|settl)\w*\s+at\s+(?:its|a|the)\s+highest\b"
    rf"|[\w.]+-(?:day|week|month|year|session)\s+highs?|best\s+(?:[\w-]+\s+)?{_PERIOD_NOUN}"
    # "ended with a small gain on Friday", "closes with a loss"
    r"|with\s+an?\s+(?:[\w-]+\s+)?(?:gain|rise|increase|advance))"
    rf"|(?P<down>{_STREAK_ENDED}winning\s+streak|negative\s+note|losing\s+streak"
    r"|(?:weak|soft|negative|bearish|poor)\s+(?:start|note|finish)"
    r"|(?:clos|end|finish|settl)\w*\s+at\s+(?:its|a|the)\s+lowest\b"
    rf"|correction|[\w.]+-(?:day|week|month|year|session)\s+lows?|worst\s+(?:[\w-]+\s+)?{_PERIOD_NOUN}"
    r"|with\s+an?\s+(?:[\w-]+\s+)?(?:loss|decline|drop|fall|decrease)))\b"
)
# (highest, lowest: "high", "low")
PHRASE_NEEDS = ("note", "streak", "start", "finish", "high", "low", "correction", "best", "worst", "with")
# Within this many characters of the name, a phrase alone makes a move.
PHRASE_REACH = 60

ANY, LOW = Regexes.pair(
    {
        "phrase_direction": _PHRASE_DIRECTION,
        "head": _HEAD,
        "hedge_later": _HEDGE_LATER,
        "motion_lead": _MOTION_LEAD,
        "statistic": _STATISTIC,
        # (as _PER_PERIOD, "\b" checked after the first letter: a literal first letter lets the
        # engine jump from "e" to "p" instead of trying every place)
        "per_period": rf"(?:e(?<!\w.)(?:ach|very)|p(?<!\w.)er){_PERIODS}\b",
        "predicted_before": _PREDICTED_BEFORE,
        "inverted_condition": _INVERTED_CONDITION,
        "label_or_modifier": _LABEL_OR_MODIFIER,
    }
)


# HEAD_FIRST as prefixes (a prefix may be shorter than the lookahead's: "be" for
# "be\\s|been|bein"; a gate may let through what the regex then rejects, never the reverse; a test
# pins the two together).
HEAD_PREFIXES: Final = (
    "abo", "ant", "app", "are", "be", "bou", "cal", "can", "cou", "cra", "cre", "cli", "did", "do",
    "dri", "edg", "exp", "fal", "fel", "for", "gea", "had", "has", "hav", "hea", "in", "is", "lik",
    "loo", "may", "mig", "mov", "mus", "nea", "nev", "no", "on", "poi", "pre", "pro", "pus", "rea",
    "see", "set", "sha", "sho", "sta", "sto", "tip", "unl", "was", "wer", "wil", "wou"
)  # fmt: skip
# (looked up as two- and three-character slices: set look-ups, cheaper than startswith with a tuple)
_HEAD2: Final = frozenset(p for p in HEAD_PREFIXES if len(p) == 2)
_HEAD3: Final = frozenset(p for p in HEAD_PREFIXES if len(p) == 3)
# The literal adverbs of _ADVERBS (the other one is any word ending in "ly").
_ADVERB_WORDS: Final = frozenset({"also", "still", "now", "again", "too", "itself", "futures", "index"})
# What _HEAD lets stand before the clause's first word, besides whitespace.
_HEAD_LEAD: Final = ",“”\"'‘’"


def may_have_head(low: str) -> bool:
    """Whether the lower-cased clause's first word lets ``LOW.head`` match: an adverb of
    _ADVERBS (a word ending in "ly" or one of _ADVERB_WORDS) or a word HEAD_FIRST lets through.
    Exact as a gate: _HEAD's leading class holds no word character, so its adverbs and
    HEAD_FIRST can only start at the first word character after it (most clauses, " rose 1%",
    " closed at", are rejected here without the regex)."""
    n = len(low)
    p = 0
    while p < n and (low[p].isspace() or low[p] in _HEAD_LEAD):
        p += 1
    if p == n:
        return False
    if low[p : p + 3] in _HEAD3 or low[p : p + 2] in _HEAD2:  # (low.startswith(HEAD_PREFIXES, p))
        return True
    word = low[p : word_end(low, p)]
    return word.endswith("ly") or word in _ADVERB_WORDS


def unstated_clause(clause: str, low: str | None) -> bool:
    """Whether the clause after an index name is a prediction, an approach without a change of
    its own, a negation or a statistic rather than a statement that the index moved."""
    r, t = (LOW, low) if low is not None else (ANY, clause)
    head = r.head.match(t) if low is None or may_have_head(low) else None
    if head is not None:
        if head.group("approach") is None:
            return True
        if not any(f.unit in ("pct", "points") for f in find_figures(clause, low)):
            return True
    # (_HEDGE_LATER's verb starts within 48 characters and opens with its needle: the first 60 are enough)
    if low is None or contains_any(t[:60], HEDGE_NEEDS):
        later = r.hedge_later.match(t)
        if later is not None and not r.motion_lead.search(later.group("lead")):
            return True
    if low is None or contains_any(t, STATISTIC_STRONG_NEEDS):
        return bool(r.statistic.search(t))
    # (the other needles: only a rate per period can match, a smaller regex than all of _STATISTIC)
    return contains_any(t, STATISTIC_WEAK_NEEDS) and bool(r.per_period.search(t))


def predicted_before(pre: str, folded: bool, opening: bool = False) -> bool:
    """Whether the text before a name makes it the subject of an expectation or a condition
    ("analysts expect the Nifty to hit ...", "if the Dow closes above ..."); ``opening``: ``pre``
    is all the sentence before the name, which may open with an inverted condition ("Had the Dow
    closed above 40,000, ...")."""
    r = LOW if folded else ANY
    if (
        opening
        and len(pre) < 40
        and pre.lstrip(" \"'“‘")[:2].lower() in ("ha", "we", "sh")
        and r.inverted_condition.match(pre)
    ):
        return True
    if folded and not contains_any(pre, PREDICTED_NEEDS):
        return False
    return bool(r.predicted_before.search(pre))


# LABEL_FIRST as prefixes (its digits are asked apart; a test pins the two together).
LABEL_PREFIXES: Final = (
    "'", "’", "-", "‑", "adv", "ban", "blu", "cap", "com", "con", "cou", "cor", "dec", "div", "ene",
    "equ", "esg", "etf", "exc", "fal", "fin", "fir", "fun", "gai", "gro", "hea", "hed", "hig",
    "ind", "inf", "inv", "isl", "lag", "lis", "los", "low", "lev", "mat", "mem", "min", "mom",
    "mov", "net", "qua", "rea", "ris", "sec", "sha", "sto", "sub", "tec", "tot", "tra", "uti",
    "u.s", "val", "vol", "win"
)  # fmt: skip
_LABEL1: Final = frozenset(p for p in LABEL_PREFIXES if len(p) == 1)
_LABEL3: Final = frozenset(p for p in LABEL_PREFIXES if len(p) == 3)


def may_be_label(low: str) -> bool:
    """Whether ``LOW.label_or_modifier`` may match the lower-cased segment: after spaces, a
    digit or a start LABEL_FIRST lets through. Exact as a gate: the regex is "^\\s*" and then
    LABEL_FIRST (nearly every segment, " rose 1%", " closed at", stops here)."""
    n = len(low)
    p = 0
    while p < n and low[p].isspace():
        p += 1
    if p == n:
        return False
    c = low[p]
    # (a \d character, or low.startswith(LABEL_PREFIXES, p) as set look-ups)
    return c.isdecimal() or c in _LABEL1 or low[p : p + 3] in _LABEL3


def label_or_modifier(segment: str, low: str | None) -> bool:
    """Whether the name only labels a level ("Dow 19,000 rally caps": a bare number after it
    and no other figure) or modifies another noun ("S&P 500 financial sector")."""
    if low is not None and not may_be_label(low):
        return False
    found = (LOW.label_or_modifier.match(low) if low is not None
             else ANY.label_or_modifier.match(segment))  # fmt: skip
    if found is None:
        return False
    if found.group("label") is None:
        return True
    end = found.end()
    return not find_figures(segment[end:], low[end:] if low is not None else None)


def phrase_direction(clause: str, low: str | None) -> tuple[str | None, int]:
    """The direction a phrase of the clause states without a verb of motion, and where it is."""
    if low is not None and not contains_any(low, PHRASE_NEEDS):
        return None, -1
    found = LOW.phrase_direction.search(low) if low is not None else ANY.phrase_direction.search(clause)
    if found is None:
        return None, -1
    return ("up" if found.group("up") else "down"), found.start()
