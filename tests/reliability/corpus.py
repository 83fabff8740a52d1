"""A large article corpus made from the seeds, with figures that make alerts fire throughout.

Why: the reliability tests need thousands of articles whose alerts are spread over the whole run,
so that a crash, a broker restart or a rebalance at any moment has alerts in flight. The seeds
alone give four alerts. Each generated article is valid text:

- a unique headline (so every article has its own ``article_id``);
- two to four wire-style sentences moving a few indices along random walks that climb across
  their milestone steps with pullbacks (Nikkei past multiples of 5,000, Kospi past 500, Dow past
  1,000...), some saying "record high", some naming the milestone topped;
- one or two lines taken from the seeds with their figures rewritten (levels scaled, percentages
  redrawn), so the extractor also sees the seeds' harder shapes and their quotes.

The expected alerts are not written down here: :func:`expected_alerts` runs the same in-process
``backtest`` as ``milestones backtest`` over the written files in replay order. That is the oracle.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from schemas import Alert
from streams.alerting import backtest, load_alert_rules
from streams.extract import extract_article
from streams.replay.files import ArticleFile, load_articles

__all__ = ["Corpus", "build_corpus", "expected_alerts", "write_corpus"]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class _Walk:
    """One index's random walk: how the text names it and its contract milestone step."""

    name: str
    start: float
    step: float


_WALKS = (
    _Walk("Japan's Nikkei 225", 38_000.0, 5000.0),
    _Walk("South Korea's Kospi", 3_100.0, 500.0),
    _Walk("The Dow Jones Industrial Average", 44_000.0, 1000.0),
    _Walk("Hong Kong's Hang Seng index", 22_000.0, 5000.0),
    _Walk("The S&P 500", 6_000.0, 500.0),
    _Walk("Japan's broader TOPIX index", 2_800.0, 500.0),
)

_UP = ("rose", "gained", "climbed", "jumped", "advanced")
_DOWN = ("fell", "slipped", "dropped", "declined", "lost")
_HEADLINES = (
    "Asian markets wrap, session {n}: stocks swing on trade and rate news",
    "Global stocks update {n}: benchmarks move as investors weigh the Fed",
    "Markets live, bulletin {n}: indices react to chip earnings",
)
# Lines from the seeds that are article prose (not bylines, dates, links or disclaimers).
_SKIP_LINE = re.compile(r"Published|Updated|date 20|Risk Disclosure|Fusion Media|©|https?://|Latest comments")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PERCENT = re.compile(r"\d+(?:\.\d+)?%")


@dataclass(frozen=True)
class Corpus:
    """The written files in replay order and the alerts ``backtest`` gives for them."""

    folder: Path
    files: list[Path]
    alerts: list[Alert]
    article_ids: list[str]
    move_counts: list[int]

    @property
    def alert_ids(self) -> set[str]:
        return {a.alert_id for a in self.alerts}

    def alerts_of_first(self, count: int) -> list[Alert]:
        """Backtest's alerts for the first ``count`` articles: the state machine is online, so a
        prefix of the input gives exactly the alerts its own articles triggered."""
        ids = set(self.article_ids[:count])
        return [a for a in self.alerts if a.article_id in ids]


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 60 and not _SKIP_LINE.search(line):
                lines.append(line)
    return lines


def _format_like(value: float, template: str) -> str:
    decimals = len(template.split(".", 1)[1]) if "." in template else 0
    return f"{value:,.{decimals}f}"


def _rewrite_figures(line: str, rng: random.Random) -> str:
    """Scale every thousands figure by one factor and redraw every percentage."""
    factor = rng.uniform(0.7, 1.4)
    line = _THOUSANDS.sub(lambda m: _format_like(float(m.group().replace(",", "")) * factor, m.group()), line)
    return _PERCENT.sub(lambda m: f"{rng.uniform(0.1, 3.0):.1f}%", line)


def _move_sentence(walk: _Walk, old: float, new: float, high: float, rng: random.Random) -> str:
    pct = abs(new / old - 1) * 100
    if new >= old:
        verb = rng.choice(_UP)
        crossed = [m for m in range(int(old // walk.step) + 1, int(new // walk.step) + 1)]
        if crossed and rng.random() < 0.25:
            return f"{walk.name} {verb} {pct:.1f}% to top {crossed[-1] * walk.step:,.0f} points."
        if new > high and rng.random() < 0.5:
            return f"{walk.name} {verb} {pct:.1f}% to a record high of {new:,.2f}."
        return f"{walk.name} {verb} {pct:.1f}% to {new:,.2f} points."
    return f"{walk.name} {rng.choice(_DOWN)} {pct:.1f}% to {new:,.2f}."


def article_texts(count: int, seed: int = 8) -> list[str]:
    """``count`` article texts; the same ``seed`` always gives the same texts."""
    rng = random.Random(seed)
    seed_lines = _seed_lines()
    levels = {w.name: w.start for w in _WALKS}
    highs = dict(levels)
    texts: list[str] = []
    for n in range(count):
        lines = [rng.choice(_HEADLINES).format(n=n + 1)]
        for walk in rng.sample(_WALKS, rng.randint(2, 4)):
            old = levels[walk.name]
            # Upward drift with pullbacks: about 1.5 milestone steps of net climb per 100 mentions.
            change = rng.gauss(0.0012, 0.012)
            new = round(old * (1 + change), 2)
            lines.append(_move_sentence(walk, old, new, highs[walk.name], rng))
            levels[walk.name] = new
            highs[walk.name] = max(highs[walk.name], new)
        for _ in range(rng.randint(1, 2)):
            lines.insert(rng.randint(1, len(lines)), _rewrite_figures(rng.choice(seed_lines), rng))
        texts.append("\n".join(lines) + "\n")
    return texts


def write_corpus(folder: Path, count: int = 2000, seed: int = 8) -> list[Path]:
    """Write the texts as ``00000.txt``... so that name order is replay order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(article_texts(count, seed)):
        path = folder / f"{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def expected_alerts(files: list[ArticleFile]) -> list[Alert]:
    """The oracle: what ``milestones backtest`` gives for these articles in this order."""
    return backtest([extract_article(f.article) for f in files], load_alert_rules(None))


def build_corpus(folder: Path, count: int = 2000, seed: int = 8) -> Corpus:
    """Write the corpus and compute its expected alerts."""
    paths = write_corpus(folder, count, seed)
    files = [f for f in load_articles([folder]) if isinstance(f, ArticleFile)]
    if len(files) != len(paths) or len({f.article.article_id for f in files}) != len(paths):
        raise AssertionError("the corpus must be readable articles with distinct ids")
    extractions = [extract_article(f.article) for f in files]
    return Corpus(
        folder,
        paths,
        backtest(extractions, load_alert_rules(None)),
        [f.article.article_id for f in files],
        [len(e.moves) for e in extractions],
    )
