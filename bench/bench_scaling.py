"""How extraction time grows with hostile input: each kind of tests/hostile_text.py at 100 kB and 1 MB.

    .venv/bin/python bench/bench_scaling.py [--repeat 3]

Prints, per input, the best of ``--repeat`` wall-clock times at both sizes and their ratio. Linear
code gives a ratio near 10; catastrophic regex backtracking or a quadratic scan gives hundreds.
The unit tests used to assert ratio < 30 and failed on a loaded machine; here it is a figure
to read, not a verdict (what extraction gives for these inputs is tested, untimed, in
tests/unit/test_moves_properties.py and test_quotes_properties.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas import Article  # noqa: E402
from streams.extract import extract_moves, extract_quotes  # noqa: E402
from tests.hostile_text import GROWING_INPUTS, GrowingInput  # noqa: E402

SIZES = (100_000, 1_000_000)


def best_time(case: GrowingInput, size: int, repeat: int) -> float:
    """The shortest of ``repeat`` runs of the case's extractor on ``size`` characters, in seconds."""
    extract = extract_moves if case.extractor == "moves" else extract_quotes
    article = Article(article_id="bench-scaling", body=case.text(size))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        extract(article)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    args = parser.parse_args()
    print(f"{'input':42} {'100 kB':>9} {'1 MB':>9} {'ratio':>7}")
    for case in GROWING_INPUTS:
        small, large = (best_time(case, size, args.repeat) for size in SIZES)
        print(f"{case.name:42} {small:8.3f}s {large:8.3f}s {large / max(small, 1e-6):7.1f}")


if __name__ == "__main__":
    main()
