"""Fuzzing the pure core: mutated seeds, random unicode and random numbers through extraction and alerts.

What must hold for any text that passes the replay's readability check: normalisation,
extraction and the alert state machine raise nothing, the agent's admission either accepts the
article unchanged or rejects it with ``RejectedArticle``, and no article hangs: an article
still running after ``HANG_S`` (catastrophic regex backtracking) fails the test there instead
of stalling the suite. That is a hang guard, not a speed claim: articles take milliseconds, and
how extraction scales with input size is measured in bench/bench_scaling.py.
"""

from __future__ import annotations

import contextlib
import random
import signal
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import Alert
from streams.admission import RejectedArticle, admit_article
from streams.alerting import AlertEngine, load_alert_rules
from streams.extract import Extraction, extract_article, normalise_article
from streams.extract.article import UnreadableArticle, decode_article_bytes

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))]
RULES = load_alert_rules(None)
HANG_S = 60

_NUMBERS = st.one_of(
    st.integers(-(10**12), 10**12).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=False, allow_infinity=False, width=64).map(lambda x: f"{x:,.2f}"),
    st.floats(0, 1e6).map(lambda x: f"{x:.3f}%"),
    st.sampled_from(["50,000", "4,000", "0", "-0.0", "1e308", "%%%", "9" * 400, "1,2,3,4", "%1.", ".5%"]),
)
_EDIT_TEXT = st.one_of(
    st.text(max_size=80), _NUMBERS, st.sampled_from(["“", "”", '"', "\n", "Nikkei ", "Kospi "])
)


class ArticleHangs(Exception):
    """An article was still being read after ``HANG_S`` seconds."""


@contextlib.contextmanager
def _hang_guard() -> Iterator[None]:
    """Raise ``ArticleHangs`` in the block if it runs past ``HANG_S`` (SIGALRM; main thread)."""

    def hung(signum: int, frame: object) -> None:
        raise ArticleHangs(f"one article still running after {HANG_S} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(text: str, engine: AlertEngine) -> tuple[Extraction | None, list[Alert]]:
    """One article the way the pipeline takes it; returns its extraction and alerts."""
    with _hang_guard():
        try:
            decode_article_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
        except UnreadableArticle:
            return None, []  # the replay skips it, with its reason
        article = normalise_article(text, origin="fuzz.txt")
        with contextlib.suppress(RejectedArticle):
            assert admit_article(article.to_json_bytes()) == article
        extraction = extract_article(article)
        return extraction, engine.process_extraction(extraction)


def _mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (position, delete-length, insert) edits, positions taken modulo the current length."""
    for pos, cut, insert in edits:
        at = pos % (len(text) + 1)
        text = text[:at] + insert + text[at + cut :]
    return text


_EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 40), _EDIT_TEXT), min_size=1, max_size=25)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(range(len(SEEDS))), edits=_EDITS)
def test_mutated_seeds_never_raise_or_hang(seed: int, edits: list[tuple[int, int, str]]) -> None:
    engine = AlertEngine(RULES)
    for text in (SEEDS[(seed + 1) % len(SEEDS)], _mutate(SEEDS[seed], edits)):
        _run(text, engine)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=3000))
def test_random_unicode_never_raises_or_hangs(text: str) -> None:
    _run(text, AlertEngine(RULES))


@settings(max_examples=60, deadline=None)
@given(levels=st.lists(_NUMBERS, min_size=1, max_size=30), seed=st.integers(0, 4))
def test_random_numbers_in_move_sentences_never_raise(levels: list[str], seed: int) -> None:
    """Random figures where the extractor expects levels, percentages and milestones."""
    names = ["Japan's Nikkei 225", "South Korea's Kospi", "The Dow", "The S&P 500", "Hong Kong's Hang Seng"]
    verbs = [
        "rose {p} to {n}",
        "fell {p} to {n}",
        "jumped {p} to top {n} for the first time",
        "hit a record {n}",
    ]
    rng = random.Random(seed)
    lines = [f"{rng.choice(names)} {rng.choice(verbs).format(p=rng.choice(levels), n=n)}." for n in levels]
    engine = AlertEngine(RULES)
    for text in (SEEDS[seed], "Markets wrap\n" + " ".join(lines)):
        _run(text, engine)


def test_a_long_mutation_run_carries_state_through_every_article() -> None:
    """300 seeded mutants in one state machine: no exception, no hang, alerts valid."""
    rng = random.Random(20251027)
    engine = AlertEngine(RULES)
    alphabet = "0123456789,.% \n“”\"'NikeKospDw→€🙂\u200b\u0301"
    ids: list[str] = []
    for _ in range(300):
        text = rng.choice(SEEDS)
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(text) + 1)
            kind = rng.random()
            if kind < 0.4:
                insert = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
                text = text[:at] + insert + text[at:]
            elif kind < 0.7:
                text = text[:at] + text[at + rng.randint(1, 50) :]
            else:
                piece = text[at : at + rng.randint(1, 400)]
                text = text[:at] + piece * rng.randint(2, 20) + text[at:]
        _, alerts = _run(text, engine)
        ids += [a.alert_id for a in alerts]
        assert all(Alert.from_json_bytes(a.to_json_bytes()) == a for a in alerts)
    assert len(ids) == len(set(ids)), "one state machine run gave the same alert_id twice"


def test_a_misread_trillion_level_fires_nothing_and_returns_at_once() -> None:
    """Found by the fuzzer: 'Dow rose to 1,000,000,000,000' enumerated a billion milestone crossings."""
    engine = AlertEngine(RULES)
    _run("Markets wrap\nThe Dow rose 0.5% to 47,100.00.", engine)
    _, alerts = _run("Markets wrap\nThe Dow rose 0.5% to 1,000,000,000,000.00.", engine)  # no hang
    assert alerts == []
    assert engine.states["DJIA"].last_level == 47100.0
    _, alerts = _run("Markets wrap\nThe Dow rose 0.5% to 48,100.00.", engine)
    assert [a.milestone for a in alerts] == [48000.0]
