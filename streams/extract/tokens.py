"""Tokens of a sentence for quote attribution, each with the features the rules ask about.

Why features on a shared object: the attribution rules ask every token the same questions
(capitalised? a name? a role word? a speech verb?) many times, and a 3 kB article has ~400
tokens but far fewer distinct token texts. So one ``Tok`` per distinct text is made, with every
answer computed once, and tokenizing a sentence is a regex scan plus dictionary look-ups. The
flags ``verb`` and ``connector`` let the callers visit only the few tokens that can start a
verb or continue a name instead of walking every token in Python.
"""

from __future__ import annotations

import re
from typing import Final


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and edit)."""
    return frozenset(text.split())


__all__ = [
    "FINITE",
    "INVERTED_ONLY",
    "NAME_CONNECTORS",
    "PARTICIPLE",
    "QUOTE_MARKERS",
    "ROLE_WORDS",
    "SPEECH_NOUNS",
    "WITH_TO",
    "Tok",
    "is_role",
    "tokenize",
    "wordset",
]

QUOTE_MARKERS: Final = "\ue000\ue001"

_TOKEN: Final = re.compile(r"[\ue000\ue001]|[^\W_][\w’'.&/-]*|[^\w\s]")
_INITIALS: Final = re.compile(r"(?:[A-Za-z]\.)+")

ROLE_WORDS: Final = wordset(
    """analyst analysts strategist strategists economist economists officer manager director
    head chief president presidents chairman chairwoman chair ceo cio cfo coo founder cofounder
    co-founder partner trader adviser advisor governor minister secretary premier diplomat
    negotiator spokesperson spokesman spokeswoman researcher professor executive official
    representative fellow specialist broker dealer principal consultant commentator editor
    ambassador senator mayor lawmaker banker planner investor chancellor treasurer deputy
    leader commissioner counsel expert vp md envoy"""
)
_NOT_NAMES: Final = wordset(
    """i we you it he she they his her their our january february march april may june july
    august september october november december monday tuesday wednesday thursday friday
    saturday sunday"""
)
NAME_CONNECTORS: Final = frozenset(
    {"of", "de", "van", "von", "der", "da", "del", "al", "bin", "&", "la", "le"}
)

# Speech verbs (quotes_attribution decides what each kind means).
FINITE: Final = wordset(
    """said says say told tells added adds noted notes explained explains confirmed confirms
    described describes warned warns wrote writes stated argued argues commented remarked
    observed insisted insists stressed stresses cautioned cautions acknowledged admitted
    conceded concluded suggested suggests asserted declared declares announced maintained reiterated
    urged asked replied quipped recalled predicted predicts believes reckons explained"""
)
PARTICIPLE: Final = wordset(
    """adding noting saying describing warning arguing explaining stressing insisting telling
    cautioning writing"""
)
WITH_TO: Final = frozenset({"points", "pointed", "point", "pointing", "according"})
# Verbs that report speech only in the inverted order right after a quotation, as translated
# French and Spanish copy writes it ("“…”, judges Stephen Innes of Spi AM"); elsewhere they are
# too often nouns or ordinary verbs ("estimates", "judges", "indicated").
INVERTED_ONLY: Final = wordset(
    """judges judged estimates estimated considers considered observes underlines underlined
    emphasises emphasised emphasizes emphasized analyses analyzes summarises summarizes affirms
    affirmed assures assured specifies specified indicates indicated tempers tempered continues
    nuances nuanced"""
)
# Nouns that report speech after a possessive name and before "that" ("Carmen Lee’s comments
# that the STI has a “slightly good chance” …").
SPEECH_NOUNS: Final = wordset("comments comment remarks remark warning assessment view views")
# Verbs that report a person's words only with a named speaker right before them: "Gareth Aird
# called the minutes “the most dovish piece of communication …”" ("so-called", "what is called"
# and an unnamed subject are labels, not speech).
NAMED_ONLY: Final = wordset("called calls labelled labeled branded")
_VERBS: Final = FINITE | PARTICIPLE | WITH_TO | INVERTED_ONLY | SPEECH_NOUNS | NAMED_ONLY


class Tok:
    """One token: its text and the features every rule asks about (many times per token).

    Tokens carry no position: one Tok per distinct token text is made and shared by every
    place it occurs. The rules therefore work with indexes into the token list, never with
    token identity."""

    __slots__ = (
        "cap",
        "connector",
        "is_name",
        "low",
        "possessive",
        "role",
        "text",
        "verb",
        "word",
        "wordlike",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # The token without a trailing full stop (kept for initials such as U.S.).
        self.word = (
            text.rstrip(".")
            if text.endswith(".") and len(text) > 1 and not _INITIALS.fullmatch(text)
            else text
        )
        self.low = self.word.lower()
        self.cap = text[:1].isupper()  # starts with a capital letter (or is an acronym)
        self.possessive = self.word.endswith(("’s", "'s", "s’", "s'"))
        self.role = is_role(self.low)  # names a job or office
        self.is_name = (
            self.cap and not self.possessive and text not in QUOTE_MARKERS and self.low not in _NOT_NAMES
        )
        self.connector = self.low in NAME_CONNECTORS  # may stand inside a name ("Bank of Japan")
        self.verb = self.low in _VERBS  # may report speech
        self.wordlike = text[:1].isalnum()  # counts as a word (not punctuation or a marker)

    def __repr__(self) -> str:
        return f"Tok({self.text!r})"


# Token text -> its Tok. Bounded: a stream of articles brings ever new numbers, so the table
# is emptied when it grows large.
_TOKS: Final[dict[str, Tok]] = {}
_TOKS_MAX: Final = 200_000


def _tok(text: str) -> Tok:
    if len(_TOKS) >= _TOKS_MAX:
        _TOKS.clear()
    tok = _TOKS[text] = Tok(text)
    return tok


# Characters that continue a word token (``_TOKEN``'s ``[\w’'.&/-]`` beyond letters and digits).
_GLUE: Final = "’'.&/-_"


def tokenize(text: str) -> list[Tok]:
    r"""Words, quote markers and punctuation, in order: ``_TOKEN.findall(text)`` as Toks.

    The text is first cut at whitespace (``str.split``, in C), and only the pieces that are not
    all letters and digits go through the regex, which saves a third of the time. Same tokens:
    no token holds or starts at whitespace and ``_TOKEN`` has no anchor or lookaround, so the
    tokens of the text are those of its pieces in order (``str.split`` and the regex's ``\s``
    agree on whitespace); and a piece that ``str.isalnum`` accepts is exactly one token
    (``isalnum`` is the regex's ``\w`` without "_"). A piece that is letters and digits plus
    one last character (``said,`` ``U.S`` ``said.``, most of the rest) is cut without the regex:
    a last character that continues a word (``_GLUE``) makes it one token, any other (it is no
    letter, digit or space) is a token of its own after the word; a piece of one other character
    is one token ("_" none), and so is a longer piece that is the text of a token met before (the
    regex matches a token's text whole: a word token ends only at the end of its piece or before
    a character of another class). Each text's Tok is looked up
    here, one at a time (no list of texts, no second pass); texts never seen before (new figures,
    mostly) get their Tok made."""
    table = _TOKS
    toks: list[Tok] = []
    for piece in text.split():
        if piece.isalnum():
            tok = table.get(piece)
            toks.append(tok if tok is not None else _tok(piece))
            continue
        head = piece[:-1]
        if head.isalnum():
            last = piece[-1]
            if last in _GLUE:
                tok = table.get(piece)
                toks.append(tok if tok is not None else _tok(piece))
            else:
                tok = table.get(head)
                toks.append(tok if tok is not None else _tok(head))
                tok = table.get(last)
                toks.append(tok if tok is not None else _tok(last))
            continue
        if not head:  # one character, neither a letter, a digit nor a space: a token, but "_" none
            if piece != "_":
                tok = table.get(piece)
                toks.append(tok if tok is not None else _tok(piece))
            continue
        tok = table.get(piece)
        if tok is not None:  # a token's text ("U.S." "Japan’s" "S&P"): the regex keeps it whole
            toks.append(tok)
            continue
        for word in _TOKEN.findall(piece):
            tok = table.get(word)
            toks.append(tok if tok is not None else _tok(word))
    return toks


# A role with a prefix of rank or sharing glued by a hyphen is that role: "co-manager",
# "vice-chairman", "deputy-governor", "co-head".
_ROLE_PREFIXES: Final = frozenset(
    {"co", "vice", "deputy", "acting", "interim", "joint", "assistant", "associate"}
)


def is_role(word: str) -> bool:
    """A word that names a job or office (ends a title that stands before a name)."""
    low = word.lower().strip(".")
    if low in ROLE_WORDS:
        return True
    prefix, hyphen, rest = low.partition("-")
    return bool(hyphen) and prefix in _ROLE_PREFIXES and rest in ROLE_WORDS
