"""Attribution: which quotations were said, by whom, and whether they are fragments.

Why the rules look like this (they follow the seeds' and dev gold's conventions):

* A quotation counts only when speech is reported around it: a speech verb in its sentence
  ("said", "told", "adding", "according to", "points to"), a colon attribution
  ("SGX said:"), or it continues a quotation just given. Labels in quotation marks with no
  speech verb (“unloved”, "flash crash") are dropped.
* It is a full quote when the sentence is only the quotation plus its attribution
  ("“…,” said Kyle Rodda, senior analyst at Capital.com."); any other narrative words in the
  sentence make it a fragment inside reported speech (partial).
* A sentence that is nothing but a quotation, right after a full quote, continues that quote
  (seed 001: Rodda's two paragraphs are one quote).
* Speakers carry over: pronouns, "the strategists", participles ("adding") and a bare
  "Adding:" all point back to the recent speakers, the pronoun's gender permitting.
"""

from __future__ import annotations

import bisect
from typing import Final

from streams.extract.people import People, is_person_like, mentions_of
from streams.extract.quotes_sentences import MARKERS, Sentence
from streams.extract.quotes_verbs import Verb, find_verbs
from streams.extract.speakers import Mention, anonymous_subject, clause_subject
from streams.extract.tokens import FINITE, PARTICIPLE, Tok, tokenize

__all__ = ["Found", "attribute"]

_MAX_ATTR_GAP: Final = 25
_INTRODUCING: Final = FINITE | PARTICIPLE
# A quoted fragment continuing the previous sentence's reported speech has at least this many
# words; scare quotes and labels are shorter ("unloved", "flash crash", "physical AI").
_CARRIED_MIN_WORDS: Final = 5


class Found:
    """A quotation being built: text parts are joined with one space at the end.

    (Plain classes here, not dataclasses: compiled, a dataclass is built by its interpreted
    generated ``__init__``; none of these is compared, copied or printed.)"""

    def __init__(self, parts: list[str], speaker: str | None, title: str | None, partial: bool) -> None:
        self.parts = parts
        self.speaker = speaker
        self.title = title
        self.partial = partial

    @property
    def text(self) -> str:
        return " ".join([p for p in self.parts if p])


def _key(entry: tuple[str | None, str | None]) -> str:
    """Who an entry of the recent speakers is: the name, or for an unnamed speaker the title."""
    return entry[0] if entry[0] is not None else "\x00" + (entry[1] or "")


class _State:
    """Speakers met so far, most recent first (persons as registered in People).

    An unnamed speaker described by role ("an analyst at Krungsri Securities") is an entry
    with no name and the description as title: a later "he predicted" can point to it."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.recent: list[tuple[str | None, str | None]] = []
        self.genders: dict[str, str] = {}

    def push(self, speaker: str | None, title: str | None) -> None:
        entry = (speaker, title)
        key = _key(entry)
        self.recent = [entry, *[r for r in self.recent if _key(r) != key][:9]]

    def last(self) -> tuple[str | None, str | None]:
        return self.recent[0] if self.recent else (None, None)

    def by_pronoun(self, gender: str) -> tuple[str | None, str | None]:
        if not self.recent:
            return None, None
        if gender:
            for cand in self.recent[:4]:
                if self.genders.get(_key(cand)) == gender:
                    return cand
            for cand in self.recent[:4]:
                if _key(cand) not in self.genders:
                    self.genders[_key(cand)] = gender
                    return cand
        return self.recent[0]

    def resolve(self, mention: Mention | None) -> tuple[str | None, str | None]:
        """(speaker, title) for a mention; a named speaker becomes the most recent one."""
        if mention is not None and mention.anonymous:
            self.push(None, mention.title)
            return None, mention.title
        if mention is not None and mention.role is not None:
            person = self.people.by_role(mention.role)
            if person is not None:
                self.push(person.full, person.title)
                return person.full, person.title
        if mention is None or mention.anaphor:
            return self.last()
        if mention.pronoun is not None:
            speaker, title = self.by_pronoun(mention.pronoun)
            if speaker or title:
                self.push(speaker, title)
            return speaker, title
        if not mention.name:
            return None, None
        person = self.people.resolve(mention.name) or self.people.note(mention)
        if person is None:
            return None, None
        if mention.gender:
            self.genders.setdefault(person.full, mention.gender)
        title = mention.title or person.title
        self.push(person.full, title)
        return person.full, title


def _words(toks: list[Tok]) -> int:
    return len([t for t in toks if t.wordlike])


class _Ctx:
    def __init__(self, state: _State, singles: set[int]) -> None:
        self.state = state
        # Per-article memo of each sentence's tokens and name mentions: a sentence is read by the
        # people pass, by its own pass and as the next sentence of a quotation; tokenize it once.
        self.toks: dict[str, list[Tok]] = {}
        self.mentions: dict[str, list[Mention]] = {}
        self.out: list[Found] = []
        self.by_id: dict[int, Found] = {}
        self.prev_full: Found | None = None
        self.prev_colon: tuple[str | None, str | None] | None = None
        # The named speaker whose words the previous sentence of the same paragraph reported.
        self.prev_reported: tuple[str | None, str | None] | None = None
        self.singles = singles


def attribute(
    per_para: list[list[Sentence]],
    texts: list[str],
    links: dict[int, int],
    singles: frozenset[int] | set[int] = frozenset(),
) -> list[Found]:
    """Turn marked sentences into attributed quotations, in text order.

    Quotations in single marks (``singles``) count only as full, attributed quotes: single
    marks are far more often labels (‘Santa Claus Rally’) or apostrophes than speech."""
    people = People()
    sentences = [s for para in per_para for s in para]
    ctx = _Ctx(_State(people), set(singles))
    people.remember([m for s in sentences for m in _mentions(ctx, s.text)])
    # After the last sentence holding a quotation a sentence can only change the speaker state
    # (who spoke last, genders), which no quotation reads any more: those are not read.
    last = max((idx for idx, sent in enumerate(sentences) if sent.quote_ids), default=-1)
    para_starts: set[int] = set()
    count = 0
    for para in per_para:
        para_starts.add(count)
        count += len(para)
    for idx in range(last + 1):
        nxt = sentences[idx + 1] if idx + 1 < len(sentences) else None
        if idx in para_starts:
            ctx.prev_reported = None
        _sentence(ctx, sentences[idx], nxt, texts, links)
    return [f for f in ctx.out if f.text]


def _tokens(ctx: _Ctx, text: str) -> list[Tok]:
    toks = ctx.toks.get(text)
    if toks is None:
        toks = ctx.toks[text] = tokenize(text)
    return toks


def _mentions(ctx: _Ctx, text: str) -> list[Mention]:
    found = ctx.mentions.get(text)
    if found is None:
        found = ctx.mentions[text] = mentions_of(_tokens(ctx, text))
    return found


def _sentence(
    ctx: _Ctx, sent: Sentence, nxt: Sentence | None, texts: list[str], links: dict[int, int]
) -> None:
    toks = _tokens(ctx, sent.text)
    marks = [i for i, t in enumerate(toks) if t.text in MARKERS] if sent.quote_ids else []
    verbs = find_verbs(toks)
    resolved: list[tuple[str | None, str | None]] = []
    for v in verbs:
        if v.subject is None:
            resolved.append(resolved[-1] if resolved else (None, None))
        else:
            resolved.append(ctx.state.resolve(v.subject))
    # Participles before the first finite verb inherit the later subject ("Adding that…, X said").
    # With no later verb, a participle after a comma takes the subject of the clause it hangs
    # on ("Mediobanca fell 4% …, saying …"), and only then the last speaker.
    later: tuple[str | None, str | None] | None = None
    for k in range(len(resolved) - 1, -1, -1):
        if verbs[k].subject is not None:
            later = resolved[k]
        elif resolved[k] == (None, None):
            if later is None:
                subject = clause_subject(toks, verbs[k].at)
                if subject is not None:
                    later = ctx.state.resolve(subject)
            resolved[k] = later if later is not None else ctx.state.last()
    last_full: Found | None = None
    # An index loop, not zip(..., strict=False): compiled, a call with a keyword is far slower.
    for n_mark in range(min(len(marks), len(sent.quote_ids))):
        q, qid = marks[n_mark], sent.quote_ids[n_mark]
        text = texts[qid] if qid < len(texts) else ""
        if qid in links and links[qid] in ctx.by_id:
            found = ctx.by_id[links[qid]]
            found.parts.append(text)
            ctx.by_id[qid] = found
            last_full = found if not found.partial else None
            continue
        prev_q = marks[n_mark - 1] if n_mark else -1
        after_end = marks[n_mark + 1] if n_mark + 1 < len(marks) else len(toks)
        made = _classify(
            ctx, toks, q, prev_q, after_end, verbs, resolved, text, nxt, last_full, qid in ctx.singles
        )
        if made is None:
            continue
        ctx.by_id[qid] = made
        last_full = made if not made.partial else None
    ctx.prev_full = last_full if marks else None
    # Only reported speech without quotation marks ("Daly had said that cuts are likely needed")
    # carries on into a later fragment.
    ctx.prev_reported = resolved[-1] if verbs and not marks and resolved[-1][0] else None
    ctx.prev_colon = None
    if not marks and toks and toks[-1].text == ":" and verbs:
        ctx.prev_colon = resolved[-1]
    _remember_mentions(ctx, sent.text, {r[0] for r in resolved if r[0]})


def _remember_mentions(ctx: _Ctx, text: str, speakers: set[str]) -> None:
    """People named in a sentence become candidates for a later "he said" / "she added".

    A person introduced with a title in a sentence with no speaker of its own is the likely
    next speaker and goes first; anyone else named goes right behind the latest speaker, so
    a name in passing never outranks the person who was just quoted.
    """
    state = ctx.state
    if not speakers:
        unnamed = anonymous_subject(_tokens(ctx, text))
        if unnamed is not None:
            state.push(None, unnamed.title)
    for m in _mentions(ctx, text):
        person = state.people.resolve(m.name) if m.name else None
        if person is None or person.full in speakers or not (is_person_like(person.full) or m.gender):
            continue
        if m.gender:
            state.genders.setdefault(person.full, m.gender)
        if m.title and not speakers:
            state.push(person.full, m.title or person.title)
        elif all(r[0] != person.full for r in state.recent[:1]):
            rest = [r for r in state.recent[1:] if r[0] != person.full]
            state.recent = [*state.recent[:1], (person.full, person.title), *rest][:10]


def _classify(
    ctx: _Ctx,
    toks: list[Tok],
    q: int,
    prev_q: int,
    next_q: int,
    verbs: list[Verb],
    resolved: list[tuple[str | None, str | None]],
    text: str,
    nxt: Sentence | None,
    last_full: Found | None,
    single: bool = False,
) -> Found | None:
    """Decide what one quotation is; returns the Found it became part of, or None.

    Verbs are sorted by position, so the verbs around the quotation are found by bisection:
    the work per quotation stays small however long an adversarial sentence is.
    """
    if q > 0 and toks[q - 1].low in _TITLE_LEADS and _title_case(text):
        return None  # a show, book or report title: said on “Making Money with Charles Payne.”
    positions = [v.at for v in verbs]
    first_after = bisect.bisect_right(positions, q)  # verbs[first_after:] follow the quotation
    before_n = _words(toks[prev_q + 1 : q]) if q - prev_q < 64 else 99
    after_n = _words(toks[q + 1 : next_q]) if next_q - q < 64 else 99
    before_last = toks[q - 1].text if q > prev_q + 1 else ""
    # Split quote in one sentence: “…,” X said, “…”
    if (
        prev_q >= 0
        and last_full is not None
        and before_n <= 16
        and after_n == 0
        and first_after > 0
        and positions[first_after - 1] > prev_q
        and before_last in {",", ":", "—", "–"}
    ):
        last_full.parts.append(text)
        return last_full
    first_in_sentence = prev_q < 0 and before_n == 0
    # “…,” said X / “…,” X said
    if first_in_sentence and first_after < len(verbs):
        k = first_after
        v = verbs[k]
        if v.at - q <= _MAX_ATTR_GAP and v.at < next_q:
            gap = _words(toks[q + 1 : v.at])
            subj_ok = (not v.inverted) and v.subject_start >= 0 and _words(toks[q + 1 : v.subject_start]) == 0
            if ((v.inverted or v.subject is None) and gap == 0) or subj_ok:
                return _emit(ctx, text, resolved[k], partial=False)
    # X said: “…”
    if before_last == ":" and after_n == 0 and first_after > 0:
        return _emit(ctx, text, resolved[first_after - 1], partial=False)
    # X said in a statement, “…” / saying in a speech, “…” / minister declares ‘…’
    if after_n == 0 and first_after > 0 and _introduces(toks, verbs[first_after - 1].at, q, prev_q, text):
        return _emit(ctx, text, resolved[first_after - 1], partial=False)
    if single:
        return None
    # A sentence that is only a quotation.
    if first_in_sentence and after_n == 0:
        attr = _bare_attribution(ctx, nxt)
        if attr is not None:
            return _emit(ctx, text, attr, partial=False)
        if ctx.prev_full is not None and last_full is None:
            ctx.prev_full.parts.append(text)
            return ctx.prev_full
        if ctx.prev_colon is not None:
            return _emit(ctx, text, ctx.prev_colon, partial=False)
        return None
    if not verbs:
        # A fragment that carries on the speech the previous sentence reported, with no new
        # attribution: "… Daly had said … . Adjustments will be needed as the Fed works “to
        # restore price stability …”". Short or capitalised quotations stay scare quotes.
        reported = ctx.prev_reported
        if reported is not None and text[:1].islower() and len(text.split()) >= _CARRIED_MIN_WORDS:
            return _emit(ctx, text, reported, partial=True)
        return None
    k = first_after - 1 if first_after > 0 else first_after
    return _emit(ctx, text, resolved[k], partial=True)


# Words between a speech verb and a quotation that make the quotation part of a reported
# clause ("said that the rally was “overdone”"), not the words introduced.
_REPORTING: Final = frozenset({"that", "whether", "if", "how", "why", "what", "when", "because"})


def _introduces(toks: list[Tok], at: int, q: int, prev_q: int, text: str) -> bool:
    """Does the speech verb at ``at`` introduce the quotation at ``q`` that ends its sentence?

    Yes when the quotation follows the verb directly ("declares ‘we are not…’") or after a
    comma that closes a short adverbial ("said in a separate post, “…”", "told Reuters, “…”");
    a quotation of fewer than four words right after the verb is a fragment;
    not when a reported clause stands between ("said that stocks were “cheap”").
    """
    if at <= prev_q or at >= q or toks[at].low not in _INTRODUCING:
        return False
    if q == at + 1:
        return len(text.split()) >= 4  # 'demand was, he said “very strong”' is a fragment
    if toks[q - 1].text != "," or q - at > 9:
        return False
    between = toks[at + 1 : q - 1]
    return all(t.wordlike and t.low not in _REPORTING for t in between)


# Words a quoted title follows: "said on “Making Money with Charles Payne”", "in “The Big Short”",
# "dubbed “Liberation Day”".
_TITLE_LEADS: Final = frozenset(
    {"on", "in", "at", "from", "of", "for", "called", "dubbed", "titled", "entitled", "named", "nicknamed"}
)
# Short words a title leaves in lower case.
_MINOR_WORDS: Final = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "vs",
    }
)


def _title_case(text: str) -> bool:
    """Two or more words, every one capitalised except the minor ones ("Making Money with
    Charles Payne."): how a title is written, and almost never how speech is quoted."""
    words = [w.strip(".,;:!?()…") for w in text.split()]
    words = [w for w in words if w]
    if len(words) < 2 or len(words) > 12 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS for w in words)


def _bare_attribution(ctx: _Ctx, nxt: Sentence | None) -> tuple[str | None, str | None] | None:
    """“….” Madden said. — the attribution as a sentence of its own after the quotation."""
    if nxt is None or nxt.quote_ids or len(nxt.text) > 300:
        return None
    toks = _tokens(ctx, nxt.text)
    if _words(toks) > 14:
        return None
    for v in find_verbs(toks)[:1]:
        direct = v.subject_start == 0 or (v.inverted and v.at == 0)
        named = v.subject is not None and (v.subject.name or v.subject.pronoun is not None)
        if v.at <= 6 and direct and named and (v.inverted or _words(toks[v.at + 1 :]) <= 8):
            return ctx.state.resolve(v.subject)
    return None


def _emit(ctx: _Ctx, text: str, who: tuple[str | None, str | None], partial: bool) -> Found:
    # An unnamed speaker keeps its description as title (who[0] None, who[1] set only then).
    found = Found([text], who[0], who[1], partial)
    ctx.out.append(found)
    return found
