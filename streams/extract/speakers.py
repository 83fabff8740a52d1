"""Who is speaking: the speaker written around one speech verb, with a title when one is given.

Why token walks instead of one big regular expression: wire attributions come in many
orders ("X, title, said", "said title X", "title X said:") and a name is only told from a
title by its words ("CFRA Chief Investment Strategist Sam Stovall": the last role word ends
the title). Walking a bounded token list keeps that logic readable and linear. The tokens
are ``tokens.Tok``; the people of a whole article are ``people.People``.
"""

from __future__ import annotations

import re
from typing import Final

from streams.extract.tokens import NAME_CONNECTORS as _NAME_CONNECTORS
from streams.extract.tokens import QUOTE_MARKERS, Tok, is_role, wordset

__all__ = [
    "ORG_WORDS",
    "Mention",
    "anonymous_before",
    "anonymous_subject",
    "appositive_after",
    "back_title",
    "clause_subject",
    "join_tokens",
    "name_after",
    "name_before",
    "possessive_name",
    "singular_title",
    "split_run",
]

HONORIFICS: Final = {
    "mr": "m",
    "mr.": "m",
    "ms": "f",
    "ms.": "f",
    "mrs": "f",
    "mrs.": "f",
    "miss": "f",
    "dr": "",
    "dr.": "",
}
PRONOUNS: Final = {"he": "m", "she": "f", "they": "", "it": ""}
_LEADING_JUNK: Final = wordset(
    """the a an and but or so yet still also meanwhile however then now today yesterday on in at
    for from by with this that these those while when after before as if since monday tuesday
    wednesday thursday friday saturday sunday according speaking noting adding last next
    separately elsewhere overall"""
)
_TITLE_STOP: Final = wordset(
    """said says say told tells added adds from by that as with and or to the a an for in on at
    while when after before who which of like including such also according than about over
    under into across among between said. comments remarks"""
)
ORG_WORDS: Final = wordset(
    """Bank Banks Securities Capital Group Markets Market Index Exchange Fund Funds Partners
    Investments Investment Management Research Advisors Advisers Advisory Holdings Inc Corp Ltd
    LLC Co Company Street Ministry Department Office Agency Reserve Council Board Commission
    Association Institute University Times News Journal Post Stock Stocks Average Composite
    Industrial Nasdaq Dow Hang Seng Nikkei Treasury Federal Central Asset Global International
    Financial Economic Wealth Trust Insurance Energy Motors Electronics Technologies Asia Europe
    Street Wall House Senate Congress Parliament Government Commerce Trade Services Solutions"""
)


class Mention:
    """A speaker as written at one place: a name (maybe a surname), a title, a pronoun or a
    definite description ("the strategists") that points back to an earlier speaker.

    A plain class with value equality, not a NamedTuple: compiled, a NamedTuple is made by an
    interpreted ``__new__`` (about ten times slower); nothing uses a Mention as a tuple, and
    equality and hashing are those of its fields, as they were."""

    __slots__ = ("anaphor", "anonymous", "gender", "name", "pronoun", "role", "title")

    def __init__(
        self,
        name: str | None = None,
        title: str | None = None,
        pronoun: str | None = None,  # "m", "f" or "" (they/it)
        anaphor: bool = False,
        gender: str | None = None,  # from Mr/Ms
        role: str | None = None,  # a bare singular role as the subject ("the minister said"): "minister"
        anonymous: bool = False,  # "an analyst at Krungsri Securities": nobody named, the title given
    ) -> None:
        self.name = name
        self.title = title
        self.pronoun = pronoun
        self.anaphor = anaphor
        self.gender = gender
        self.role = role
        self.anonymous = anonymous

    def _fields(
        self,
    ) -> tuple[str | None, str | None, str | None, bool, str | None, str | None, bool]:
        return (self.name, self.title, self.pronoun, self.anaphor, self.gender, self.role, self.anonymous)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Mention)
            and self.name == other.name
            and self.title == other.title
            and self.pronoun == other.pronoun
            and self.anaphor == other.anaphor
            and self.gender == other.gender
            and self.role == other.role
            and self.anonymous == other.anonymous
        )

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Mention(name={self.name!r}, title={self.title!r}, pronoun={self.pronoun!r}, "
            f"anaphor={self.anaphor}, gender={self.gender!r}, role={self.role!r}, anonymous={self.anonymous})"
        )


# Tokens written without a space before them (and "(" without one after it).
_GLUED: Final = frozenset({",", ")", "’s", "'s", "("})


def join_tokens(tokens: list[Tok]) -> str:
    """The tokens as written: one space between words, none before "," ")" "'s" or after "(",
    and the last token without a trailing full stop."""
    texts = [t.text for t in tokens]
    if texts and _GLUED.isdisjoint(texts):  # the usual name or title: words only
        texts[-1] = tokens[-1].word
        return " ".join(texts)
    out = ""
    last = len(tokens) - 1
    for k, t in enumerate(tokens):
        if out and t.text not in {",", ")", "’s", "'s"} and not out.endswith("("):
            out += " "
        out += t.word if k == last else t.text
    return out


def singular_title(words: list[Tok]) -> str:
    """A title from its tokens; a plural role ("Presidents X and Y") becomes singular.

    Words that only open the clause ("But Transport Minister", "Meanwhile Fed Chair") are not
    part of the title; "" when nothing is left.
    """
    start = 0
    while start < len(words) and words[start].low in _LEADING_JUNK:
        start += 1
    words = words[start:]
    if not words:
        return ""
    text = join_tokens(words).rstrip(".")
    if words and words[-1].low in {"presidents", "ministers", "secretaries", "premiers"}:
        last = words[-1].word
        text = text[: -len(last)] + (last[:-3] + "y" if last.endswith("ies") else last[:-1])
    return text


def _strip_article(text: str) -> str:
    for art in ("a ", "an ", "the ", "A ", "An ", "The "):
        if text.startswith(art):
            return text[len(art) :]
    return text


def split_run(run: list[Tok]) -> tuple[list[Tok], list[Tok], str | None]:
    """Split a capitalised run into (title part, name part, honorific gender)."""
    title, name, gender, _ = _split_run_at(run)
    return title, name, gender


def _split_run_at(run: list[Tok]) -> tuple[list[Tok], list[Tok], str | None, int]:
    """:func:`split_run`, plus the index in ``run`` where the name part starts."""
    last_role = -1
    for i, t in enumerate(run):
        if t.role:
            last_role = i
    title, name = run[: last_role + 1], run[last_role + 1 :]
    at = last_role + 1
    gender: str | None = None
    while name and name[0].low in _LEADING_JUNK:
        name = name[1:]
        at += 1
    if name and name[0].text.lower() in HONORIFICS:
        gender = HONORIFICS[name[0].text.lower()] or None
        name = name[1:]
        at += 1
    lowered = [t.low for t in name]
    if "of" in lowered:
        head = name[: lowered.index("of")]
        if len(head) >= 2 and not any(t.word in ORG_WORDS for t in head):
            name = head  # "Emma Roth of Kiel Research": the person, not the affiliation
    while name and name[-1].low in _NAME_CONNECTORS:
        name = name[:-1]
    return title, name, gender, at


def back_title(tokens: list[Tok], end: int) -> list[Tok]:
    """Title words standing right before index ``end`` (exclusive), ending in a role word."""
    if end <= 0 or not tokens[end - 1].role:
        return []
    i = end - 1
    while i > 0 and end - i < 7:
        t = tokens[i - 1]
        w = t.low
        if t.text in QUOTE_MARKERS or not t.text[:1].isalnum() or w in _TITLE_STOP:
            break
        if not t.cap and not t.possessive and w.endswith("ed") and not w.endswith("based"):
            break
        i -= 1
    return tokens[i:end]


# Words that may stand between a subject and its verb ("X also said", "X had told").
_BEFORE_VERB: Final = frozenset({"also", "later", "then", "previously", "has", "had", "have"})


def name_before(tokens: list[Tok], end: int) -> tuple[Mention, int] | None:
    """The speaker written right before a speech verb at ``end``: "X said", "X, title, said",
    "he said", "the strategists said". Returns the mention and the index where it starts."""
    i = end
    while i > 0 and tokens[i - 1].low in _BEFORE_VERB:
        i -= 1
    if i == 0:
        return None
    last = tokens[i - 1]
    low = last.low
    if last.text == ")" and i >= 4 and tokens[i - 3].text == "(" and tokens[i - 2].text.isupper():
        # "The Korea Exchange (KRX) said": the abbreviation in parentheses restates the name
        return name_before(tokens, i - 3)
    if low == "who" and i >= 2 and tokens[i - 2].text == ",":
        return name_before(tokens, i - 2)
    if low in PRONOUNS and not (i < len(tokens) and tokens[i].cap and low == "he"):
        return Mention(pronoun=PRONOUNS[low]), i - 1
    if last.text == ",":
        return _appositive_before(tokens, i - 1)
    anonymous = anonymous_before(tokens, i)
    if anonymous is not None:
        return anonymous
    if last.is_name:
        j = i
        while j > 0 and i - j < 8 and (tokens[j - 1].is_name or tokens[j - 1].low in _NAME_CONNECTORS):
            j -= 1
        if j > 0 and tokens[j - 1].low == "he" and tokens[j - 1].cap:
            j -= 1
        title, name, gender, at = _split_run_at(tokens[j:i])
        if not name:
            return None
        affiliated = _affiliated_person(tokens, j, name)
        if affiliated is not None:
            return affiliated
        start = j
        if not title:
            name_start = j + at
            title = back_title(tokens, name_start)
            start = min(j, name_start - len(title))
        title_text = (singular_title(title) or None) if title else None
        rest = tokens[j + at + len(name) : i]  # "of Kiel Research" cut off the name
        if title_text is None and len(rest) >= 2 and rest[0].low == "of":
            title_text = join_tokens(rest)
        return Mention(name=join_tokens(name), title=title_text, gender=gender), start
    if not last.cap and last.text.isalpha():
        if is_role(low) and i >= 2 and tokens[i - 2].is_name:
            # "JPMorgan analysts wrote", "Citi strategists said": the firm speaks.
            org = name_before(tokens, i - 1)
            if org is not None and org[0].name:
                return Mention(name=org[0].name), org[1]
        # A singular role ("the minister said", headline "minister declares") may name the one
        # person of the article with that title; "an analyst said" is somebody else.
        role = low if is_role(low) and not low.endswith("s") else None
        for k in range(i - 1, max(-1, i - 5), -1):
            if tokens[k].low in {"the", "this", "that"}:
                return Mention(anaphor=True, role=role), k
            if tokens[k].low in {"a", "an", "one", "another"}:
                return Mention(), k
            if not tokens[k].text[:1].isalpha():
                break
        return Mention(role=role), i - 1
    return None


_DETERMINERS: Final = frozenset({"a", "an", "the", "one"})
_ANONYMOUS_AFFILIATION: Final = frozenset({"with", "at", "from", "of", "for"})
# Words after which a clause (and so its subject) may start.
_CLAUSE_OPENERS: Final = frozenset({"and", "but", "while", "meanwhile", "however", "yet", "so"})


def anonymous_before(tokens: list[Tok], end: int) -> tuple[Mention, int] | None:
    """An unnamed speaker described by role and affiliation right before ``end``: "an analyst at
    Krungsri Securities", "the managing director of a mining issuer". The description must open
    its clause and hold a role word followed by "at", "of", "with" or "from"; the speaker is
    nobody by name, and the description without its article is the title."""
    k = end
    while k > 0 and end - k < 12 and tokens[k - 1].wordlike:
        k -= 1
        if tokens[k].low in _DETERMINERS and (
            k == 0 or not tokens[k - 1].wordlike or tokens[k - 1].low in _CLAUSE_OPENERS
        ):
            return _anonymous_at(tokens, k, end)
    return None


def _anonymous_at(tokens: list[Tok], d: int, end: int) -> tuple[Mention, int] | None:
    """The description tokens[d:end] (``d`` its article) as an anonymous mention, or None."""
    f = d + 1  # the affiliation word: "at", "of", "with", "from"
    while f < end and f - d <= 5 and tokens[f].low not in _ANONYMOUS_AFFILIATION:
        if tokens[f].cap or not tokens[f].word.isalpha():
            return None  # a name or figure before the role: not an unnamed speaker
        f += 1
    if f >= end - 1 or f == d + 1 or tokens[f].low not in _ANONYMOUS_AFFILIATION:
        return None
    role = tokens[f - 1]
    if not role.role or role.low.endswith("s"):
        return None  # "the managing director of …", not "the shares of …" or "analysts at …"
    return Mention(title=join_tokens(tokens[d + 1 : end]), anonymous=True), d


def anonymous_subject(tokens: list[Tok]) -> Mention | None:
    """An unnamed, described speaker that is the subject of some clause of the sentence
    ("In the morning session, an analyst at Krungsri Securities expected …"): the description
    ends at the first lower-case word that reads as a finite verb. Only the role words of the
    sentence are looked at (most sentences have none)."""
    n = len(tokens)
    for r in [k for k, t in enumerate(tokens) if t.role]:
        if r + 2 >= n or tokens[r].cap or tokens[r + 1].low not in _ANONYMOUS_AFFILIATION:
            continue
        d = r - 1
        while d >= 0 and r - d <= 5 and tokens[d].low not in _DETERMINERS:
            d -= 1
        if (
            d < 0
            or r - d > 5
            or not (d == 0 or not tokens[d - 1].wordlike or tokens[d - 1].low in _CLAUSE_OPENERS)
        ):
            continue
        for end in range(r + 3, min(n, r + 12)):
            t = tokens[end]
            if not t.wordlike:
                break
            if not t.cap and (t.verb or t.low in _FINITE_AUX or (t.low.endswith("ed") and len(t.low) > 4)):
                found = _anonymous_at(tokens, d, end)
                if found is not None:
                    return found[0]
                break
    return None


_FINITE_AUX: Final = frozenset(
    {"is", "was", "has", "had", "will", "would", "expects", "sees", "thinks", "believes"}
)


_AFFILIATION: Final = frozenset({"with", "at", "from", "of"})


def _person_like(name: str) -> bool:
    """Two to four words none of which marks an organisation, place or index."""
    parts = name.split()
    return 2 <= len(parts) <= 4 and not any(p in ORG_WORDS for p in parts)


def _affiliated_person(tokens: list[Tok], j: int, org: list[Tok]) -> tuple[Mention, int] | None:
    """ "Howard Silverblatt with S&P Dow Jones Indices said": the person speaks, the firm after
    "with", "at" or "from" is the title (as given, preposition included). ``org`` is the name
    run that starts at ``j``."""
    if j < 2 or tokens[j - 1].low not in _AFFILIATION:
        return None
    group = tokens[j - 2]
    if group.role and not group.cap and group.low.endswith("s"):
        # "analysts at Corbel Securities wrote": the firm speaks, as in "Corbel analysts wrote"
        start = j - 3 if j >= 3 and tokens[j - 3].low == "the" else j - 2
        return Mention(name=join_tokens(org)), start
    if j < 3 or not group.is_name:
        return None
    person = name_before(tokens, j - 1)
    if person is None or person[0].name is None or not _person_like(person[0].name):
        return None
    affiliation = tokens[j - 1].word + " " + join_tokens(org)
    mention = person[0]
    return Mention(name=mention.name, title=mention.title or affiliation, gender=mention.gender), person[1]


def _appositive_before(tokens: list[Tok], comma: int) -> tuple[Mention, int] | None:
    """ "Vinod Nair, Head of Research, Geojit Investments Limited," before the verb."""
    commas = [comma]
    k = comma - 1
    while k >= 0 and comma - k < 40 and len(commas) < 4:
        if tokens[k].text in QUOTE_MARKERS or tokens[k].text in {".", ":", ";"}:
            break
        if tokens[k].text == ",":
            commas.append(k)
        k -= 1
    floor = k + 1
    # commas[-1] is the comma after the name; try the nearest first.
    for idx in range(1, len(commas)):
        name_end = commas[idx]
        appos = tokens[name_end + 1 : comma]
        relative = bool(appos) and appos[0].low == "who"
        if not appos or not (relative or any(t.role for t in appos[:8])):
            continue
        found = name_before(tokens, name_end)
        if found is None or found[0].name is None or found[1] < floor:
            continue
        mention, start = found
        title = None if relative else _strip_article(join_tokens(appos))
        return Mention(name=mention.name, title=title or mention.title, gender=mention.gender), start
    if len(commas) >= 2:
        return _name_in_apposition(tokens, commas[1], comma, floor)
    return None


def _name_in_apposition(tokens: list[Tok], before: int, comma: int, floor: int) -> tuple[Mention, int] | None:
    """ "the vice president of the ECB, Luis de Guindos, has stated": the title first, then the
    name alone between commas (a run of name words, two at least, ending in one)."""
    appos = tokens[before + 1 : comma]
    if not 2 <= len(appos) <= 5 or not appos[-1].is_name or appos[0].low in _NAME_CONNECTORS:
        return None
    if not all(t.is_name or t.low in _NAME_CONNECTORS for t in appos) or any(t.role for t in appos):
        return None
    k = before
    while k > floor and before - k < 14 and tokens[k - 1].text not in {",", ".", ":", ";"}:
        k -= 1
    head = tokens[k:before]
    if not any(t.role for t in head):
        return None  # "In Tokyo, Luis de Guindos, ..." : no title before the name
    title = _strip_article(join_tokens(head)) or None
    return Mention(name=join_tokens(appos), title=title), k


def name_after(tokens: list[Tok], start: int) -> tuple[Mention, int] | None:
    """The speaker written right after an inverted verb: "said Kyle Rodda, senior analyst at
    Capital.com", "said IG chief market analyst Chris Beauchamp", "said he"."""
    i = start
    n = len(tokens)
    if (
        i < n
        and tokens[i].low in PRONOUNS
        and not (tokens[i].text == "He" and i + 1 < n and tokens[i + 1].is_name)
    ):
        return Mention(pronoun=PRONOUNS[tokens[i].low]), i + 1
    j = i
    while j < n and j - i < 10:
        t = tokens[j]
        if t.text in QUOTE_MARKERS or not t.text[:1].isalnum():
            break
        if not (t.cap or t.possessive or t.role or (j > i and not t.cap and t.word.isalpha())):
            break
        if not t.cap and t.low in _TITLE_STOP:
            break
        j += 1
    run = tokens[i:j]
    # Trim trailing lowercase words that are not part of the name (e.g. "said Rodda on").
    while run and not run[-1].cap:
        run = run[:-1]
    if not run:
        return None
    title_toks, name_toks, gender = split_run(run)
    if not name_toks or not all(t.is_name or t.low in _NAME_CONNECTORS for t in name_toks):
        return None
    if title_toks and not title_toks[0].cap and not title_toks[0].possessive and not title_toks[0].role:
        pass
    end = i + len(run)
    title = (singular_title(title_toks) or None) if title_toks else None
    if end < n and tokens[end].text == ",":
        appos = appositive_after(tokens, end + 1)
        if appos:
            title = appos
    elif title is None and end + 1 < n and tokens[end].low in _AFFILIATION and tokens[end + 1].is_name:
        # "said Howard Silverblatt with S&P Dow Jones Indices", "judges Stephen Innes of Spi AM"
        k = end + 1
        while k < n and k - end < 8 and (tokens[k].is_name or tokens[k].connector):
            k += 1
        while k > end + 1 and tokens[k - 1].connector:
            k -= 1
        if _person_like(join_tokens(name_toks)):
            title = tokens[end].word + " " + join_tokens(tokens[end + 1 : k])
            end = k
    return Mention(name=join_tokens(name_toks), title=title, gender=gender), end


_APPOS_END: Final = frozenset(
    {"who", "which", "adding", "noting", "saying", "as", "while", "when", "according", "in", "on"}
)


def appositive_after(tokens: list[Tok], start: int) -> str | None:
    """ "senior analyst at Capital.com" after "said Kyle Rodda,": to the sentence end or a clause."""
    out: list[Tok] = []
    j = start
    n = len(tokens)
    while j < n and j - start < 25:
        t = tokens[j]
        if t.text in QUOTE_MARKERS or t.text in {".", ";", ":", "(", "—", "–"}:
            break
        if (
            t.text == ","
            and j + 1 < n
            and (
                tokens[j + 1].low in _APPOS_END
                or not tokens[j + 1].cap
                or tokens[j + 1].text in QUOTE_MARKERS
            )
        ):
            break
        if not out and t.low in {"who", "which", "adding", "noting", "saying"}:
            return None
        out.append(t)
        j += 1
    while out and out[-1].text in {",", "."}:
        out = out[:-1]
    if not out or not any(t.role for t in out[:8]):
        return None
    # Drop a trailing time phrase ("on Tuesday").
    text = _strip_article(join_tokens(out))
    return re.sub(r"\s+(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", "", text)


# Past tenses without "-ed" that commonly follow a company or person as the main verb.
_IRREGULAR_PAST: Final = wordset(
    """fell rose slid sank won lost took made gave saw met left hit cut set put kept held led ran
    began came went got became bought sold paid spent struck grew drew threw spoke chose sought
    shed stood"""
)


def clause_subject(tokens: list[Tok], at: int) -> Mention | None:
    """The named subject of the clause that a participle at ``at`` hangs on, or None.

    Only for ", saying …" (a comma before the participle): the subject is the name right before
    the first lower-case word of the sentence that reads as a finite verb ("Prime Minister Sanae
    Takaichi attended …", "Italian investment bank Mediobanca fell …")."""
    if at < 3 or tokens[at - 1].text != ",":
        return None
    for m in range(1, at - 1):
        t = tokens[m]
        if t.cap or not t.wordlike:
            continue
        if t.low in _IRREGULAR_PAST or t.low in _FINITE_AUX or (t.low.endswith("ed") and len(t.low) > 4):
            k = m  # ("Lee Ju-yeol also ordered …": the words name_before skips may stand between)
            while k > 1 and tokens[k - 1].low in _BEFORE_VERB:
                k -= 1
            if not tokens[k - 1].is_name:
                return None
            found = name_before(tokens, m)
            return found[0] if found is not None and found[0].name else None
    return None


def possessive_name(tokens: list[Tok], p: int) -> tuple[Mention, int] | None:
    """The name that ends in the possessive token at ``p`` ("OCBC Investment Research’s Singapore
    strategist Carmen Lee’s"), with the title before it, and the index where it starts."""
    word = tokens[p].word
    owner = word[:-2] if word.endswith(("’s", "'s")) else word.rstrip("’'")
    if not owner[:1].isupper():
        return None
    j = p
    while j > 0 and p - j < 4 and tokens[j - 1].is_name:
        j -= 1
    title, name, gender, at = _split_run_at([*tokens[j:p], Tok(owner)])
    if not name:
        return None
    start = j
    if not title:
        title = back_title(tokens, j + at)
        start = min(j, j + at - len(title))
    title_text = (singular_title(title) or None) if title else None
    return Mention(name=join_tokens(name), title=title_text, gender=gender), start
