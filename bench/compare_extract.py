"""Extraction speed of two source trees side by side, in one run, on the same articles.

    .venv/bin/python bench/compare_extract.py --before /path/to/old/checkout [--after .]

Why: "more rules must not make extraction slower" is a comparison, and on a shared two-core
machine a figure measured an hour ago is not comparable with one measured now. Each tree is run
in its own subprocess (``PYTHONPATH`` pointing at it, so each uses its own modules: compiled
ones when that tree holds a mypyc build, ``make compile``), the rounds alternate between the
trees, and what is timed is the process's CPU time (``time.process_time``), which other
processes on the machine do not inflate. Two corpora: the seeds with every figure varied
(``bench_extract.build``, as ``make bench`` uses) and the 84 real dev articles, repeated.

Prints articles/s per tree and corpus (median of the rounds) and the change.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import build  # noqa: E402

_TIMER = """
import json, sys, time
from streams.extract import extract_article, normalise_article
from streams.extract._native_check import compiled
articles = json.load(open(sys.argv[1]))
for origin, text in articles[:20]:  # warm up: imports, regex compilation, caches
    extract_article(normalise_article(text, origin))
start = time.process_time()
for origin, text in articles:
    extract_article(normalise_article(text, origin))
print(json.dumps({"seconds": time.process_time() - start, "compiled": compiled()}))
"""


def _corpora(articles: int, dev_repeats: int) -> dict[str, list[tuple[str, str]]]:
    dev = sorted((ROOT / "tests" / "data" / "dev" / "articles").glob("*.txt"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in dev]
    return {"varied seeds": build(articles, seed=7), "dev articles": texts * dev_repeats}


def _time(tree: Path, corpus_file: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(corpus_file)],
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="the older source tree")
    parser.add_argument("--after", type=Path, default=ROOT, help="the newer source tree (default: this one)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=2000, help="varied seed articles")
    parser.add_argument("--dev-repeats", type=int, default=10, help="passes over the 84 dev articles")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name, corpus in _corpora(args.articles, args.dev_repeats).items():
            corpus_file = Path(tmp) / "corpus.json"
            corpus_file.write_text(json.dumps(corpus))
            rates: dict[str, list[float]] = {"before": [], "after": []}
            built: dict[str, bool] = {}
            for _ in range(args.rounds):
                for label, tree in trees.items():
                    timed = _time(tree, corpus_file)
                    rates[label].append(len(corpus) / timed["seconds"])
                    built[label] = bool(timed["compiled"])
            before, after = statistics.median(rates["before"]), statistics.median(rates["after"])
            rows.append((name, len(corpus), before, after, built))
    print(f"CPU time per tree, median of {args.rounds} alternating rounds")
    print(f"  before: {trees['before']}\n  after:  {trees['after']}\n")
    print(f"{'corpus':14} {'articles':>8} {'before /s':>10} {'after /s':>10} {'change':>8}  compiled")
    for name, count, before, after, built in rows:
        change = (after - before) / before * 100
        print(
            f"{name:14} {count:8} {before:10.0f} {after:10.0f} {change:+7.1f}%  "
            f"before={built['before']} after={built['after']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
