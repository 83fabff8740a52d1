"""`make bench`: every benchmark figure of issue 7 in one run, printed as a table and written
as JSON (bench/results/latest.json) and Markdown (bench/results/latest.md).

    .venv/bin/python bench/run.py [--articles 20000] [--quick]

Figures (method in bench/README.md):
1. extraction: articles/s and MB/s on one core (normalise + moves + quotes, in this process);
2. the floor: a plain aiokafka consume-then-produce pass-through over the same articles;
3. end-to-end throughput with one worker, then with two (3 partitions everywhere);
4. latency at fixed rates of 50, 200 and 1,000 articles/s with one worker;
5. the worker's peak RSS (VmHWM).

The broker comes from ``streams.broker.provide_broker`` (KAFKA_BOOTSTRAP_SERVERS, Docker, or
the local Kafka from Maven jars). Each stage uses topics and a consumer group of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench_extract import build  # noqa: E402
from e2e import Corpus, Run, Stage  # noqa: E402

from streams.broker import provide_broker  # noqa: E402
from streams.extract import extract_article, normalise_article  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TARGETS = {
    "extraction_articles_per_s": 2000,
    "e2e_one_worker_articles_per_s": 1000,
    "ratio_to_floor": 0.5,
    "p99_ms_at_200": 100,
}


def extraction(count: int) -> dict[str, float]:
    """Articles/s and MB/s for normalise_article + extract_article over varied seed articles."""
    articles = build(count, 7)
    size = sum(len(text.encode("utf-8")) for _, text in articles)
    for origin, text in articles[:50]:  # warm-up: registries, regex caches
        extract_article(normalise_article(text, origin))
    start, cpu = time.perf_counter(), time.process_time()
    for origin, text in articles:
        extract_article(normalise_article(text, origin))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "articles": count,
        "articles_per_s": count / wall,
        "mb_per_s": size / 1e6 / wall,
        "cpu_articles_per_s": count / cpu,
        "mean_article_kb": size / count / 1e3,
    }


def run_figures(r: Run) -> dict[str, Any]:
    return {
        "articles": r.articles,
        "seconds": round(r.seconds, 3),
        "articles_per_s": round(r.per_second, 1),
        "latency_ms": {k: round(v, 1) for k, v in r.latency_ms.items()},
        "complete": r.complete,
        "worker_cpu_ms_per_article": round(r.cpu_ms_per_article, 2),
    }


async def broker_stages(bootstrap: str, args: argparse.Namespace, log_dir: Path) -> dict[str, Any]:
    n = args.articles
    print(f"building {n} articles (and the warm-up and latency sets) ...", flush=True)
    corpus = Corpus.from_seeds(n, 1).records
    warm = [Corpus.from_seeds(100, s).records for s in (11, 12, 13)]
    rates = {
        50: args.rate_seconds * 50,
        200: args.rate_seconds * 200,
        1000: min(3000, args.rate_seconds * 1000),
    }
    latency_sets = {rate: Corpus.from_seeds(int(count), 20 + rate).records for rate, count in rates.items()}
    out: dict[str, Any] = {}

    print("floor: aiokafka pass-through ...", flush=True)
    stage = await Stage.create(bootstrap, log_dir, "floor")
    try:
        stage.start_passthrough()
        await stage.measure(warm[0], None, passthrough=True, timeout=120)
        out["floor"] = run_figures(await stage.measure(corpus, None, passthrough=True, timeout=600))
    finally:
        stage.stop()
    print(f"  {out['floor']}", flush=True)

    print("pipeline, one worker ...", flush=True)
    stage = await Stage.create(bootstrap, log_dir, "one")
    try:
        stage.start_workers(1)
        await stage.measure(warm[1], None, timeout=180)
        out["one_worker"] = run_figures(await stage.measure(corpus, None, timeout=900))
        print(f"  {out['one_worker']}", flush=True)
        out["latency"] = {}
        for rate, records in latency_sets.items():
            print(f"latency at {rate} articles/s ({len(records)} articles) ...", flush=True)
            out["latency"][str(rate)] = run_figures(await stage.measure(records, float(rate), timeout=600))
            print(f"  {out['latency'][str(rate)]}", flush=True)
        out["worker_peak_rss_mb"] = round(max(stage.peak_rss_mb() or [float("nan")]), 1)
    finally:
        stage.stop()

    print("pipeline, two workers ...", flush=True)
    stage = await Stage.create(bootstrap, log_dir, "two")
    try:
        stage.start_workers(2)
        await stage.measure(warm[2], None, timeout=180)
        out["two_workers"] = run_figures(await stage.measure(corpus, None, timeout=900))
        out["two_workers_peak_rss_mb"] = [round(x, 1) for x in stage.peak_rss_mb()]
    finally:
        stage.stop()
    print(f"  {out['two_workers']}", flush=True)
    return out


def table(results: dict[str, Any]) -> str:
    ex = results["extraction"]
    rows = [
        (
            "extraction (normalise + moves + quotes), one core",
            f"{ex['articles_per_s']:,.0f} articles/s, {ex['mb_per_s']:.2f} MB/s",
            ">= 2,000 articles/s",
        ),
    ]
    floor = results.get("floor")
    if floor:
        rows.append(
            (
                "floor: aiokafka pass-through",
                f"{floor['articles_per_s']:,.0f} articles/s; CPU {floor['worker_cpu_ms_per_article']:.2f} ms/article",
                "",
            )
        )
    for key, label in (("one_worker", "end-to-end, one worker"), ("two_workers", "end-to-end, two workers")):
        r = results.get(key)
        if r:
            ratio = r["articles_per_s"] / floor["articles_per_s"] if floor else float("nan")
            target = ">= 1,000 articles/s; >= 0.5 of floor" if key == "one_worker" else ""
            rows.append(
                (
                    label,
                    f"{r['articles_per_s']:,.0f} articles/s ({ratio:.2f} of floor); "
                    f"worker CPU {r['worker_cpu_ms_per_article']:.1f} ms/article",
                    target,
                )
            )
    for rate, r in (results.get("latency") or {}).items():
        lat = r["latency_ms"]
        rows.append(
            (
                f"latency at {rate} articles/s (ms)",
                f"p50 {lat['p50']:,.0f}, p95 {lat['p95']:,.0f}, p99 {lat['p99']:,.0f}, max {lat['max']:,.0f}",
                "p99 <= 100 ms" if rate == "200" else "",
            )
        )
    if "worker_peak_rss_mb" in results:
        rows.append(("worker peak RSS (VmHWM)", f"{results['worker_peak_rss_mb']:.0f} MB", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    head = ("figure", "measured", "target")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=True)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000, help="articles per throughput run")
    parser.add_argument(
        "--rate-seconds",
        type=int,
        default=10,
        help="seconds per fixed-rate latency run (the 1,000/s run is capped at 3,000 articles)",
    )
    parser.add_argument("--extract-articles", type=int, default=3000)
    parser.add_argument("--quick", action="store_true", help="a small smoke run (2,000 articles, 3 s rates)")
    parser.add_argument("--no-broker", action="store_true", help="extraction figures only")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.rate_seconds, args.extract_articles = 2000, 3, 500
    logging.basicConfig(level=logging.WARNING)
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    print("extraction ...", flush=True)
    results["extraction"] = extraction(args.extract_articles)
    print(f"  {results['extraction']}", flush=True)
    if not args.no_broker:
        logs = RESULTS / "logs"  # worker logs and data dirs of the last run (git-ignored)
        logs.mkdir(parents=True, exist_ok=True)
        with provide_broker() as bootstrap:
            results.update(asyncio.run(broker_stages(bootstrap, args, logs)))
    text = table(results)
    print()
    print(f"machine: {results['machine']}")
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(f"machine: {results['machine']}\n\n{text}\n")
    print(f"\nwritten: {RESULTS / 'latest.json'}, {RESULTS / 'latest.md'}")


if __name__ == "__main__":
    main()
