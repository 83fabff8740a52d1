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
from dataclasses import dataclass, field

from streams.extract.people import People, is_person_like, mentions_of
from streams.extract.quotes_sentences import MARKERS, Sentence
from streams.extract.quotes_verbs import Verb, find_verbs
from streams.extract.speakers import Mention
from streams.extract.tokens import Tok, tokenize

__all__ = ["Found", "attribute"]

_MAX_ATTR_GAP = 25


@dataclass
class Found:
    """A quotation being built: text parts are joined with one space at the end."""

    parts: list[str]
    speaker: str | None
    title: str | None
    partial: bool

    @property
    def text(self) -> str:
        return " ".join(p for p in self.parts if p)


@dataclass
class _State:
    """Speakers met so far, most recent first (persons as registered in People)."""

    people: People
    recent: list[tuple[str, str | None]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)

    def push(self, speaker: str, title: str | None) -> None:
        self.recent = [(speaker, title), *[r for r in self.recent if r[0] != speaker][:9]]

    def last(self) -> tuple[str | None, str | None]:
        return self.recent[0] if self.recent else (None, None)

    def by_pronoun(self, gender: str) -> tuple[str | None, str | None]:
        if not self.recent:
            return None, None
        if gender:
            for cand in self.recent[:4]:
                if self.genders.get(cand[0]) == gender:
                    return cand
            for cand in self.recent[:4]:
                if cand[0] not in self.genders:
                    self.genders[cand[0]] = gender
                    return cand
        return self.recent[0]

    def resolve(self, mention: Mention | None) -> tuple[str | None, str | None]:
        """(speaker, title) for a mention; a named speaker becomes the most recent one."""
        if mention is None or mention.anaphor:
            return self.last()
        if mention.pronoun is not None:
            speaker, title = self.by_pronoun(mention.pronoun)
            if speaker:
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


@dataclass
class _Ctx:
    state: _State
    # Per-article memo of each sentence's tokens and name mentions: a sentence is read by the
    # people pass, by its own pass and as the next sentence of a quotation; tokenize it once.
    toks: dict[str, list[Tok]] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    out: list[Found] = field(default_factory=list)
    by_id: dict[int, Found] = field(default_factory=dict)
    prev_full: Found | None = None
    prev_colon: tuple[str | None, str | None] | None = None
    singles: set[int] = field(default_factory=set)


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
    ctx = _Ctx(_State(people), singles=set(singles))
    people.remember([m for s in sentences for m in _mentions(ctx, s.text)])
    # After the last sentence holding a quotation a sentence can only change the speaker state
    # (who spoke last, genders), which no quotation reads any more: those are not read.
    last = max((idx for idx, sent in enumerate(sentences) if sent.quote_ids), default=-1)
    for idx in range(last + 1):
        nxt = sentences[idx + 1] if idx + 1 < len(sentences) else None
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
    later: tuple[str | None, str | None] | None = None
    for k in range(len(resolved) - 1, -1, -1):
        if verbs[k].subject is not None:
            later = resolved[k]
        elif resolved[k] == (None, None):
            resolved[k] = later if later is not None else ctx.state.last()
    last_full: Found | None = None
    for n_mark, (q, qid) in enumerate(zip(marks, sent.quote_ids, strict=False)):
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
        return None
    k = first_after - 1 if first_after > 0 else first_after
    return _emit(ctx, text, resolved[k], partial=True)


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
    found = Found([text], who[0], who[1] if who[0] else None, partial)
    ctx.out.append(found)
    return found
