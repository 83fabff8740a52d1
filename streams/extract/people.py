"""The people of one article: every name it mentions, and which full name a surname means.

Why a pass over the whole article before attribution: "Mr Moore said" may come before or
after "Richard Moore, chief economist at ...", and both should resolve to the full name with
its title. So every titled, honorific or multi-word name of every sentence is registered first
(full names before surnames), and speakers are then resolved against that register.
"""

from __future__ import annotations

from streams.extract.speakers import (
    ORG_WORDS,
    Mention,
    appositive_after,
    back_title,
    join_tokens,
    singular_title,
    split_run,
)
from streams.extract.tokens import Tok, tokenize

__all__ = ["People", "is_person_like", "mentions_in", "mentions_of"]


def is_person_like(name: str) -> bool:
    """Two to four words none of which marks an organisation, place or index."""
    parts = name.split()
    return 2 <= len(parts) <= 4 and not any(p in ORG_WORDS for p in parts)


class _Person:
    # A plain class, not a dataclass: compiled, a dataclass is built by its interpreted
    # generated __init__; persons are never compared or printed.
    def __init__(self, full: str, title: str | None = None, gender: str | None = None) -> None:
        self.full = full
        self.title = title
        self.gender = gender


class People:
    """Everyone named in one article: full names by surname, first title, gender cues."""

    def __init__(self) -> None:
        self.by_last: dict[str, _Person] = {}
        self.by_full: dict[str, _Person] = {}

    def note(self, mention: Mention) -> _Person | None:
        """Register a named mention; returns the person it resolves to."""
        if not mention.name:
            return None
        person = self.resolve(mention.name) or self._expansion(mention.name)
        if person is not None and mention.name not in self.by_full:
            self.by_full[mention.name] = person  # "S&P DJI" is "S&P Dow Jones Indices"
        if person is None:
            person = _Person(mention.name)
            self.by_full[mention.name] = person
            parts = mention.name.split()
            if len(parts) >= 2:
                self.by_last.setdefault(parts[-1], person)
        if mention.title and person.title is None:
            person.title = mention.title
        if mention.gender and person.gender is None:
            person.gender = mention.gender
        return person

    def resolve(self, name: str) -> _Person | None:
        """The person a written name refers to: itself, or the full name of a surname."""
        if name in self.by_full:
            return self.by_full[name]
        if " " not in name and name in self.by_last:
            return self.by_last[name]
        return None

    def by_role(self, role: str) -> _Person | None:
        """The one person whose title holds ``role`` ("minister": "Transport Minister Oscar
        Puente"), or None when nobody or several people have it."""
        found: _Person | None = None
        for person in self.by_full.values():
            if person.title is not None and role in person.title.lower().split():
                if found is not None and found is not person:
                    return None
                found = person
        return found

    def _expansion(self, name: str) -> _Person | None:
        """The one registered name that ``name`` abbreviates, where the article gives it: each
        word is the same word or an acronym of the next words' initials ("S&P DJI" for "S&P Dow
        Jones Indices", "ECB" for "European Central Bank"). Only names with an acronym qualify."""
        if not _has_acronym(name):
            return None
        words = name.split()
        found: _Person | None = None
        for full, person in self.by_full.items():
            if full != name and _abbreviates(words, full.split()):
                if found is not None and found is not person:
                    return None
                found = person
        return found

    def remember(self, mentions: list[Mention]) -> None:
        """Register the mentions of the whole article: full names first, so that an honorific
        surname ("Mr Moore") met before or after the full name resolves to it, and names with an
        acronym last, so that the full name they abbreviate is known wherever it stands."""
        # A mention equal to one with an acronym has that name too, so "in later" is the flag.
        acronym = [bool(m.name) and _has_acronym(m.name or "") for m in mentions]
        for k, m in enumerate(mentions):
            if m.name and " " in m.name and not acronym[k]:
                self.note(m)
        for k, m in enumerate(mentions):
            if m.name and " " not in m.name and not acronym[k]:
                self.note(m)
        for k, m in enumerate(mentions):
            if acronym[k]:
                self.note(m)


def _has_acronym(name: str) -> bool:
    """Whether a word of ``name`` is an acronym; "Kyle Rodda" (title case) is answered in C."""
    return not name.istitle() and any(_is_acronym(w) for w in name.split())


def _is_acronym(word: str) -> bool:
    """Two to five capital letters and nothing else ("DJI", "ECB"); "S&P" is no acronym."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """Whether the words ``short`` abbreviate ``full`` word by word (see People._expansion)."""
    k = 0
    for word in short:
        if k < len(full) and full[k] == word:
            k += 1
        elif _is_acronym(word) and k + len(word) <= len(full):
            if any(full[k + i][:1] != word[i] for i in range(len(word))):
                return False
            k += len(word)
        else:
            return False
    return k == len(full) and len(full) > len(short)


def mentions_in(text: str) -> list[Mention]:
    """Every titled, honorific or multi-word name in a sentence, in order."""
    return mentions_of(tokenize(text))


def mentions_of(toks: list[Tok]) -> list[Mention]:
    """:func:`mentions_in` over a sentence already tokenized.

    A name is a run of capitalised tokens (with "of", "de"... and a "He" before a name inside
    it). Only the name tokens are visited, and a run of one token is passed over: it can never
    be a mention (it needs two name words, or an honorific and a name)."""
    out: list[Mention] = []
    n = len(toks)
    end = 0  # where the last run ended; a run never starts inside the one before
    for i in [k for k, t in enumerate(toks) if t.is_name]:
        if i < end:
            continue
        j = i + 1
        while j < n and (
            toks[j].is_name
            or toks[j].connector
            or (toks[j].text == "He" and j + 1 < n and toks[j + 1].is_name)
        ):
            j += 1
        end = j
        if j - i >= 2:
            found = _run_mention(toks, i, j)
            if found is not None:
                out.append(found)
    return out


def _run_mention(toks: list[Tok], i: int, j: int) -> Mention | None:
    title, name, gender = split_run(toks[i:j])
    if (len(name) < 2 and not gender) or len(name) > 4 or not name:
        return None
    if not title:
        title = back_title(toks, j - len(name))
    title_text = (singular_title(title) or None) if title else None
    if j < len(toks) and toks[j].text == ",":
        appos = appositive_after(toks, j + 1)
        if appos:
            title_text = title_text or appos
    return Mention(name=join_tokens(name), title=title_text, gender=gender)
