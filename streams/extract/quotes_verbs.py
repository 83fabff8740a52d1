"""Speech verbs of a sentence and the subject each one reports: who "said", "told", "added"...

Why apart from the attribution rules: finding a verb and its subject is a token walk of its own
("X said", "said X, title", "according to X", a participle with no subject of its own), used
both for the sentence of a quotation and for a short attribution sentence after it.
"""

from __future__ import annotations

from typing import Final

from streams.extract.speakers import ORG_WORDS, Mention, name_after, name_before, possessive_name
from streams.extract.tokens import FINITE as _FINITE
from streams.extract.tokens import INVERTED_ONLY as _INVERTED_ONLY
from streams.extract.tokens import NAMED_ONLY as _NAMED_ONLY
from streams.extract.tokens import PARTICIPLE as _PARTICIPLE
from streams.extract.tokens import QUOTE_MARKERS, Tok, wordset
from streams.extract.tokens import SPEECH_NOUNS as _SPEECH_NOUNS
from streams.extract.tokens import WITH_TO as _WITH_TO

__all__ = ["Verb", "find_verbs"]

_OUTLETS: Final = wordset(
    """reuters bloomberg afp ap cnbc cnn bbc xinhua kyodo yonhap bernama dow jones nikkei
    times journal wsj ft marketwatch news media report reports sources data agency press
    statement filing"""
)


class Verb:
    """A speech verb at token ``at`` and the subject it reports.

    A plain class, not a NamedTuple: compiled, a NamedTuple is made by an interpreted
    ``__new__`` (about ten times slower), and nothing uses a Verb as a tuple."""

    __slots__ = ("at", "inverted", "subject", "subject_start")

    def __init__(self, at: int, subject: Mention | None, subject_start: int, inverted: bool) -> None:
        self.at = at  # token index of the verb
        self.subject = subject  # None: no subject of its own (participle, "Adding:")
        self.subject_start = subject_start  # token index where the subject starts (-1 when none or after)
        self.inverted = inverted

    def __repr__(self) -> str:
        return (
            f"Verb(at={self.at}, subject={self.subject!r}, subject_start={self.subject_start}, "
            f"inverted={self.inverted})"
        )


def find_verbs(toks: list[Tok]) -> list[Verb]:
    """The speech verbs of a sentence with their subjects, in order (only tokens flagged
    ``verb`` can be one, so only those are looked at)."""
    verbs: list[Verb] = []
    for i in [k for k, t in enumerate(toks) if t.verb]:
        t = toks[i]
        w = t.low
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if w in _WITH_TO and nxt == "to":
            if w == "according":
                found = name_after(toks, i + 2)
                if found is None or any(p.lower() in _OUTLETS for p in (found[0].name or "").split()):
                    continue
                verbs.append(Verb(i, found[0], -1, True))
                continue
            verbs.append(_subject_verb(toks, i))
        elif w in _FINITE:
            verbs.append(_subject_verb(toks, i))
        elif w in _SPEECH_NOUNS:
            # "Carmen Lee’s comments that …": the possessor speaks
            if i > 0 and toks[i - 1].possessive and toks[i - 1].cap and nxt == "that":
                owner = possessive_name(toks, i - 1)
                if owner is not None:
                    verbs.append(Verb(i, owner[0], owner[1], False))
        elif w in _INVERTED_ONLY:
            # only "“…”, judges X" / "“…,” estimates X": right after a quotation, a name after it
            back = i - 1 if i > 0 and toks[i - 1].text == "," else i
            if back > 0 and toks[back - 1].text in QUOTE_MARKERS:
                found = name_after(toks, i + 1)
                if found is not None and found[0].name:
                    verbs.append(Verb(i, found[0], -1, True))
        elif w in _NAMED_ONLY:
            before = name_before(toks, i)
            name = before[0].name if before is not None else None
            if before is not None and name and toks[i - 1].is_name and _person(name):
                verbs.append(Verb(i, before[0], before[1], False))
        elif w in _PARTICIPLE or (i == 0 and w == "added" and i + 1 < len(toks) and toks[i + 1].text == ":"):
            verbs.append(Verb(i, None, -1, False))
    return verbs


def _person(name: str) -> bool:
    """A person's name: two to four words, none of an organisation or a place, not "What X"."""
    parts = name.split()
    return (
        2 <= len(parts) <= 4 and parts[0] not in ("What", "Which") and not any(p in ORG_WORDS for p in parts)
    )


# "told"/"tells" take the listener as their object: "X, title, told Reuters" never makes the
# name after the verb its speaker (there is no inverted "“…,” told X").
_TELL: Final = frozenset({"told", "tells"})


def _subject_verb(toks: list[Tok], i: int) -> Verb:
    before = name_before(toks, i)
    if before is not None and (before[0].name or before[0].pronoun is not None or before[0].anaphor):
        return Verb(i, before[0], before[1], False)
    after = name_after(toks, i + 1) if toks[i].low not in _TELL else None
    if after is not None:
        return Verb(i, after[0], -1, True)
    if before is not None:
        return Verb(i, before[0], before[1], False)
    return Verb(i, None, -1, False)
