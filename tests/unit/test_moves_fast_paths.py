"""The shortcuts of move extraction give exactly what the plain computation gives.

Each fast path (lower-cased case-sensitive regexes, names found once per body, only the lines
holding a name split into sentences) is compared with the computation it replaces, on the seed
articles and on generated text mixing index names, separators and the characters that case
folding treats specially (Kelvin sign, dotted/dotless i, long s, capital sigma).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extract import moves_numbers
from streams.extract import moves_regexes as regexes
from streams.extract.fold import fold_safe, lower_pattern
from streams.extract.indices import default_registry
from streams.extract.moves import _SEGMENT_HEADS, _sentence_mentions
from streams.extract.moves_clauses import cut_clause
from streams.extract.sentences import _END, sentence_spans, spans_holding

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
ODD = ["\u212a", "\u0130", "\u0131", "\u017f", "\u03a3", "\u03c3", "Ⓐ", "é", "É", "’", "\xa0", "ß"]
PIECES = [
    "Nikkei", "NIKKEI", "nikkei", "Hang Seng", "Hang\nSeng Index", "S&P 500", "S&P/ASX 200", "Dow",
    "DOW", "Dow Jones", "SET index", "set", "Kospi", "KOSPI", "N225", "Nasdaq-listed", "NASDAQ:NVDA",
    " ", "  ", "\n", ". ", ", ", "(", ")", "&", "/", "-", ":", "x", "rose 1.2%", "• ", "U.S. ",
    *ODD,
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _reference_raw(text: str) -> list[tuple[int, int]]:
    registry = default_registry()
    found = [(m.start(), -m.end()) for r in (registry._folded, registry._exact_re) for m in r.finditer(text)]
    return sorted(found)


@pytest.mark.parametrize("char", ["\u212a", "\u0130", "\u0131", "\u017f", "\u03a3"])
def test_characters_that_fold_oddly_are_not_fold_safe(char: str) -> None:
    assert not fold_safe(f"the Nikkei{char} rose")


@pytest.mark.parametrize("char", ["’", "“", "—", "\xa0", "é", "É", "ß", "中", "σ", "Ⓐ"])
def test_ordinary_characters_are_fold_safe(char: str) -> None:
    assert fold_safe(f"the Nikkei{char} rose")


def test_lower_pattern_keeps_escapes_and_group_names() -> None:
    assert lower_pattern(r"(?P<Up>Rose)\S+\W\B(?P=Up)Taiwan") == r"(?P<Up>rose)\S+\W\B(?P=Up)taiwan"
    with pytest.raises(ValueError, match="case-sensitive group"):
        lower_pattern(r"a(?-i:B)")


@settings(max_examples=400, deadline=None)
@given(texts)
def test_name_matches_equal_the_ignorecase_regex(text: str) -> None:
    assert default_registry().raw_matches(text) == _reference_raw(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, "Nikkei rose. ", "The Dow fell.\n", "rose.The Kospi", "everThe Dow"]),
        max_size=40,
    ).map("".join)
)
def test_sentence_names_from_the_body_equal_a_scan_of_the_sentence(text: str) -> None:
    registry = default_registry()
    raw = registry.raw_matches(text)
    starts = [m.start for m in registry.resolve(text, raw)]
    assert spans_holding(text, starts) == [
        (a, b) for a, b in sentence_spans(text) if any(a <= s < b for s in starts)
    ]
    found = registry.resolve(text, raw)
    spans = sentence_spans(text)
    for (a, b), mentions in zip(spans, _sentence_mentions(raw, found, spans, text), strict=True):
        if mentions is not None:
            assert mentions == registry.find_mentions(text[a:b])


def test_a_name_broken_over_two_lines_is_read_from_the_sentence() -> None:
    text = "Shares rose in the Hang\nSeng Index session."
    registry = default_registry()
    raw = registry.raw_matches(text)
    assert _sentence_mentions(raw, registry.resolve(text, raw), sentence_spans(text)[:1], text) == [None]


def test_seed_sentences_read_the_same_names() -> None:
    registry = default_registry()
    for text in SEEDS:
        assert registry.raw_matches(text) == _reference_raw(text)
        raw = registry.raw_matches(text)
        spans = sentence_spans(text)
        for (a, b), mentions in zip(
            spans, _sentence_mentions(raw, registry.resolve(text, raw), spans, text), strict=True
        ):
            assert mentions == registry.find_mentions(text[a:b])


def test_unsafe_text_takes_the_ignorecase_regex() -> None:
    text = "the NİKKEI and the \u212aOSPI rose"
    assert not fold_safe(text)
    # The Kelvin sign matches "k" only under IGNORECASE; "İ" lower-cases to two characters.
    assert [m.index_id for m in default_registry().find_mentions(text)] == ["KOSPI"]


WORDS = sorted({w for text in SEEDS for w in text.split()})
phrases = st.lists(
    st.one_of(
        st.sampled_from(WORDS), st.sampled_from(["UP", "Fell", "As Much As", ", Which", ", Trump", ";"])
    ),
    max_size=30,
).map(" ".join)


def _found(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in regex.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(phrases)
def test_every_folded_regex_finds_what_its_ignorecase_form_finds(text: str) -> None:
    assert fold_safe(text)
    for name in vars(regexes.ANY):
        assert _found(getattr(regexes.LOW, name), text.lower()) == _found(getattr(regexes.ANY, name), text), (
            name
        )
    assert cut_clause(text, text.lower()) == cut_clause(text, None)


def test_seed_sentences_fold_the_same() -> None:
    for text in SEEDS:
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            assert fold_safe(sentence)
            for name in vars(regexes.ANY):
                assert _found(getattr(regexes.LOW, name), sentence.lower()) == _found(
                    getattr(regexes.ANY, name), sentence
                ), name


NEEDS = {
    "phase": regexes.PHASE_NEEDS,
    "record": regexes.RECORD_NEEDS,
    "milestone": regexes.MILESTONE_NEEDS,
    "leading_before": regexes.LEADING_NEEDS,
    "futures_before": ("futures",),
    "as_did": ("did",),
    "with_before": ("with",),
    "first_time": ("first",),
    "noun_record_before": ("record", "all-time"),
}
needy = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(["As Much As", "and", "-", "—", "record", "peak", "above", "led", "did", "with"]),
        st.sampled_from(["futures", "first", "time", "for", "the", "ever", "12,345", "50,000", "mark"]),
        st.sampled_from(["crossed", "its", "all-time", "all", "closing", "close", "level"]),
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(needy)
def test_a_folded_regex_matches_only_where_its_words_occur(text: str) -> None:
    low = text.lower()
    for name, needles in NEEDS.items():
        if getattr(regexes.LOW, name).search(low):
            assert regexes.contains_any(low, needles), name


@pytest.mark.parametrize(
    ("name", "text"),
    [
        *[("phase", t) for t in ["rose, and then fell", "up - down", "up – down", "up — down",
                                 "rose after hitting", "rose before closing", "rose having hit",
                                 "rose and closed"]],
        *[("record", t) for t in ["a record", "new highs", "fresh peak", "new heights",
                                  "crossed the all-time close", "crossed its all time closing level"]],
        *[("milestone", t) for t in ["tops 50,000", "exceeded 50,000", "breached 50,000", "crossed 50,000",
                                     "surpassed 50,000", "passed 50,000", "broke through 50,000",
                                     "breaking above 50,000", "above 50,000", "over 50,000 points",
                                     "below 50,000", "under 50,000", "beyond the 50,000 mark"]],
        *[("leading_before", t) for t in ["leading the ", "led ", "sending the ", "sent ", "pushing "]],
        ("futures_before", "futures tied to the "),
        ("as_did", "as did the "),
        ("with_before", "with the "),
        ("first_time", "for the first time"),
        ("noun_record_before", "record finishes for the "),
        ("noun_record_before", "all-time highs on the "),
    ],
)  # fmt: skip
def test_each_word_a_folded_regex_needs_is_listed(name: str, text: str) -> None:
    assert getattr(regexes.LOW, name).search(text)
    assert regexes.contains_any(text, NEEDS[name])


# The sentence-end regex as first written; sentences.py spells it mark-first for speed.
_END_AS_WRITTEN = re.compile(
    r"[.!?][\"'”’)\]]*(?=[ \t]+(?:[\"'“‘]?[A-Z0-9]|[(\[]))|(?<=[%0-9])\.(?=[ \t]+[a-z])"
    r"|(?<=[a-z0-9%])[.!?][\"'”’)\]]*(?=[A-Z][a-z]|the\s)|[.!?][\"'”’)\]]*(?=[ \t]*>>)"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?\"'”’)] \taZ0%9(“‘[x\n>thea", max_size=40))
def test_sentence_ends_are_found_as_first_written(text: str) -> None:
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in _END_AS_WRITTEN.finditer(text)]


segments = st.lists(
    st.sampled_from([" ", "  ", "index", " sub-index", " (KOSPI)", ".N225", ", which", "'s", "’s", " futures", " e-minis",
                     " mini", ",", " rose", " Wall Street's gauge", "(", ")", "x", "S"]),
    max_size=8,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(segments)
def test_segment_regexes_match_only_after_a_listed_first_character(segment: str) -> None:
    low = segment.lower()
    found = [regexes.CODE.match(segment)] + [
        getattr(regexes.LOW, name).match(low)
        for name in ("parenthetical", "appositive", "possessive", "futures_after")
    ]
    if any(found):
        assert low.lstrip()[:1] in _SEGMENT_HEADS


@pytest.mark.parametrize(
    "segment",
    [" .N225 rose", " (KOSPI) rose", " sub-index, which tracks tech, rose", " index, which tracks tech, rose",
     " (N225), which tracks tech, rose", ", Wall Street's gauge, rose", "'s gain", " index’s gain",
     " futures rose", " mini futures rose", " index futures rose", " e-minis rose", " E-mini rose"],
)  # fmt: skip
def test_each_segment_head_is_listed(segment: str) -> None:
    low = segment.lower()
    found = [regexes.CODE.match(segment)] + [
        getattr(regexes.LOW, name).match(low)
        for name in ("parenthetical", "appositive", "possessive", "futures_after")
    ]
    assert any(found)
    assert low.lstrip()[:1] in _SEGMENT_HEADS


@pytest.mark.parametrize(
    "text",
    ["x(Hang Seng China Enterprises Index) rose", "“Hang Seng China Enterprises Index”",
     "(Hang Seng China Enterprises) and China Enterprises Index", "SET index SET Dow DAX(CAC)SMI"],
)  # fmt: skip
def test_names_chained_through_one_another_equal_the_single_regex(text: str) -> None:
    assert default_registry().raw_matches(text) == _reference_raw(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="$£€¥₩RsINUSDHKTACZ \n\txa1", max_size=4))
def test_a_currency_before_a_number_ends_in_a_listed_character(head: str) -> None:
    if moves_numbers._CURRENCY_BEFORE.search(head):
        assert not moves_numbers._CURRENCY_TAIL.isdisjoint(head[-3:])
