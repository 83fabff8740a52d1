"""Quote extraction: direct quotations and who said them.

Pipeline, one article at a time (pure, no I/O):

1. ``quotes_text`` rebuilds paragraphs (hard-wrapped wire copy joined) and pairs the
   double quotation marks of each paragraph; an unclosed mark is kept only when the next
   paragraph opens with a mark (British-style continuation), so it never swallows text.
2. ``quotes_sentences`` replaces every quotation by a marker and splits sentences.
3. ``quotes_attribution`` reads each sentence for speech verbs and their speakers
   (``quotes_verbs``), decides whether each quotation is a full quote, a fragment inside
   reported speech (partial), a continuation of the previous quote, or a label nobody said
   (dropped), and resolves pronouns to the previous speaker of the right gender.
4. ``tokens`` cuts sentences into tokens with their features, ``speakers`` reads the speaker
   and title written around a verb, and ``people`` resolves surnames to the full names the
   article gives.
"""

from __future__ import annotations

from typing import Final

from schemas import Article, Quote
from streams.extract.char_scan import has_any
from streams.extract.quotes_attribution import attribute
from streams.extract.quotes_sentences import MARK, MARK_END, Sentence, split_sentences
from streams.extract.quotes_text import (
    Span,
    clean_inner,
    opens_with_mark,
    spans_per_paragraph,
    split_paragraphs,
)

__all__ = ["extract_quotes"]

_TERMINAL: Final = (".", "!", "?", "…")
# The only characters that can open a quotation (quotes_text.find_spans); a body without any
# has no quotation, and nothing needs splitting or attributing.
_OPENING_MARKS: Final = "“„«”»\"‘'"


def _marked_paragraphs(
    paragraphs: list[str], spans_per_para: list[list[Span]]
) -> tuple[list[list[Sentence]], list[str], dict[int, int], set[int]]:
    """Sentences per paragraph, the inner text of every quotation (by id), the
    continuation links (quotation id -> id of the quotation it continues) and the ids of
    quotations in single marks. ``spans_per_para`` is ``find_spans`` of each paragraph."""
    singles: set[int] = set()
    texts: list[str] = []
    links: dict[int, int] = {}
    result: list[list[Sentence]] = []
    carried: int | None = None  # id of an unclosed quotation waiting for its continuation
    for p_idx, para in enumerate(paragraphs):
        spans = spans_per_para[p_idx]  # one list per paragraph (not zip(..., strict=True): slow compiled)
        if not spans:  # nothing to replace by markers, nothing carried over
            carried = None
            result.append(split_sentences(para, len(texts)))
            continue
        next_opens = p_idx + 1 < len(paragraphs) and opens_with_mark(paragraphs[p_idx + 1])
        pieces: list[str] = []
        cursor = 0
        first_id = len(texts)
        for s_idx, span in enumerate(spans):
            if not span.closed and not next_opens:
                break  # unbalanced mark: the rest stays plain text
            inner = clean_inner(para[span.start : span.end])
            qid = len(texts)
            texts.append(inner)
            if span.single:
                singles.add(qid)
            if carried is not None and s_idx == 0 and span.mark_start == 0:
                links[qid] = carried
            pieces.append(para[cursor : span.mark_start])
            pieces.append(MARK_END if inner.endswith(_TERMINAL) else MARK)
            cursor = span.mark_end
        carried = None
        if spans and not spans[-1].closed and next_opens and len(texts) > first_id:
            carried = len(texts) - 1
        pieces.append(para[cursor:])
        result.append(split_sentences("".join(pieces), first_id))
    return result, texts, links, singles


def extract_quotes(article: Article) -> list[Quote]:
    """Every direct quotation in the article body, in text order, with its speaker."""
    if not has_any(article.body, _OPENING_MARKS):
        return []
    paragraphs = split_paragraphs(article.body)
    spans = spans_per_paragraph(paragraphs, article.body)
    if not any(spans):
        return []  # no quotation: no sentence needs splitting
    per_para, texts, links, singles = _marked_paragraphs(paragraphs, spans)
    if not texts:
        return []  # no quotation at all: attribution (the costly part) has nothing to decide
    found = attribute(per_para, texts, links, singles)
    # Validated: pydantic 2's compiled validator is faster than Quote.model_construct here.
    return [
        Quote(
            article_id=article.article_id,
            text=q.text,
            speaker=q.speaker,
            speaker_title=q.title,
            partial=q.partial,
        )
        for q in found
    ]
