"""Extraction throughput on one core: several thousand articles built from the seeds, every
figure randomised so nothing can be cached, run through normalise_article + extract_article.

    .venv/bin/python bench/bench_extract.py [--articles 5000] [--seed 7]

Prints articles/second and MB/second (target: >= 2000 articles/s).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from streams.extract import extract_article, extract_moves, normalise_article

ROOT = Path(__file__).resolve().parents[1]
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")


def _vary(text: str, rng: random.Random) -> str:
    """The text with every figure replaced by a random one of the same shape."""

    def repl(match: re.Match[str]) -> str:
        value = float(match.group(0).replace(",", "")) * rng.uniform(0.8, 1.2)
        decimals = len(match.group(0).split(".")[1]) if "." in match.group(0) else 0
        return f"{value:,.{decimals}f}" if "," in match.group(0) else f"{value:.{decimals}f}"

    return _FIGURE.sub(repl, text)


def build(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    out = []
    for i in range(count):
        j = i % len(texts)
        out.append((f"{i:05d}_{seeds[j].name}", _vary(texts[j], rng) + f"\n\nRef {i}-{rng.random()}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--moves-only", action="store_true", help="time extract_moves on normalised articles")
    args = parser.parse_args()
    articles = build(args.articles, args.seed)
    if args.moves_only:
        normalised = [normalise_article(text, origin) for origin, text in articles]
        size = sum(len(a.body.encode("utf-8")) for a in normalised)
        start = time.perf_counter()
        moves = sum(len(extract_moves(a)) for a in normalised)
        elapsed = time.perf_counter() - start
        print(
            f"extract_moves only: {len(normalised)} articles, {moves} moves in {elapsed:.2f}s: "
            f"{len(normalised) / elapsed:.0f} articles/s, {size / 1e6 / elapsed:.2f} MB/s"
        )
        return
    size = sum(len(text.encode("utf-8")) for _, text in articles)
    moves = 0
    start = time.perf_counter()
    for origin, text in articles:
        moves += len(extract_article(normalise_article(text, origin)).moves)
    elapsed = time.perf_counter() - start
    print(
        f"{len(articles)} articles, {size / 1e6:.1f} MB, {moves} moves in {elapsed:.2f}s: "
        f"{len(articles) / elapsed:.0f} articles/s, {size / 1e6 / elapsed:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
