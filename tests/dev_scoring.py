"""The gold sets scored the way the hidden hold-out is scored: extraction, then every gold stream.

Why one module: the floor test (tests/unit/test_dev_scores.py) and the developer's script
(``scripts/dev_scores.py``) must measure exactly the same thing, with the shared scorer
(tests/tools/score.py, a copy of ../shared/tools/score.py) on ``milestones extract`` and
``milestones backtest`` output, as the README of the dev set describes.

The sets (:data:`GOLD_SETS`):

- ``dev``: the 84 articles of ../shared/dev, the set the rules are tuned on;
- ``fresh-visible`` and ``fresh-holdout``: the odd- and even-numbered halves of tests/data/fresh,
  73 real articles annotated blind (tests/data/fresh/README.md). Rules may be written while
  looking at the visible half's misses; the holdout half is only ever looked at in totals, so
  it keeps telling how the extractor does on articles nobody tuned it on.

Each set has its own floor file, which only goes up.
"""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streams.offline import run_backtest, run_extract
from tests.gold import DATA, GoldName, articles_dir, gold_file, load_gold

ROOT = Path(__file__).resolve().parents[1]
DEV_ARTICLES = articles_dir("dev")
DEV_GOLD = gold_file("dev")
FLOOR_FILE = DATA / "dev_floor.json"
SCORER = ROOT / "tests" / "tools" / "score.py"


def _number(name: str) -> int:
    return int(name.split("_", 1)[0])


@dataclass(frozen=True)
class GoldSet:
    """Annotated articles (a subset of one gold file's) with their floor."""

    name: str
    source: GoldName
    floor_file: Path
    keep: Callable[[str], bool] = lambda _name: True

    @property
    def articles(self) -> Path:
        return articles_dir(self.source)

    def gold(self) -> dict[str, Any]:
        """The gold restricted to this set: its articles, and the streams made only of them."""
        full = load_gold(self.source)
        articles = {n: a for n, a in full["articles"].items() if self.keep(n)}
        streams = [s for s in full.get("streams", []) if all(n in articles for n in s["order"])]
        return {**full, "articles": articles, "streams": streams}

    def files(self) -> list[Path]:
        return sorted(p for p in self.articles.glob("*.txt") if self.keep(p.name))


GOLD_SETS = {
    "dev": GoldSet("dev", "dev", FLOOR_FILE),
    "fresh-visible": GoldSet(
        "fresh-visible",
        "fresh",
        DATA / "fresh_visible_floor.json",
        lambda n: _number(n) % 2 == 1,
    ),
    "fresh-holdout": GoldSet(
        "fresh-holdout",
        "fresh",
        DATA / "fresh_holdout_floor.json",
        lambda n: _number(n) % 2 == 0,
    ),
}


def dev_report(workdir: Path, gold_set: GoldSet | None = None) -> dict[str, Any]:
    """The scorer's JSON report for a gold set (dev by default): ``extract`` and one ``backtest`` entry per stream."""
    gold_set = gold_set or GOLD_SETS["dev"]
    gold = gold_set.gold()
    gold_path = workdir / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    extract = workdir / "extract.jsonl"
    with extract.open("w", encoding="utf-8") as fh:
        run_extract(gold_set.files(), out=fh)
    args = [sys.executable, str(SCORER), "--gold", str(gold_path), "--extract", str(extract), "--json"]
    for number, stream in enumerate(gold["streams"]):
        alerts = workdir / f"stream-{number}.jsonl"
        out = io.StringIO()
        run_backtest([gold_set.articles / name for name in stream["order"]], out=out)
        alerts.write_text(out.getvalue(), encoding="utf-8")
        args += ["--backtest", f"{stream['name']}={alerts}"]
    report: dict[str, Any] = json.loads(
        subprocess.run(args, check=True, capture_output=True, text=True).stdout
    )
    report["sentences_right"] = _sentences_right(gold, extract)
    return report


def _sentences_right(gold: dict[str, Any], extract: Path) -> list[str]:
    """Articles whose moves' sentences are exactly the gold's (the scorer uses sentences only for ties)."""

    def norm(sentences: list[str]) -> list[str]:
        return sorted(" ".join(s.split()) for s in sentences)

    right = []
    for line in extract.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        name = row["article"]["origin"]
        want = [m["sentence"] for m in gold["articles"][name]["moves"]]
        if norm([m["sentence"] for m in row["moves"]]) == norm(want):
            right.append(name)
    return right


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """The figures the floor keeps: aggregate scores, and which articles and streams are exactly right."""
    ex = report["extract"]
    streams = report["backtest"]
    alert_tp = sum(s["tp"] for s in streams.values())
    alert_pred = sum(s["predicted"] for s in streams.values())
    alert_gold = sum(s["gold"] for s in streams.values())
    per_article = ex["per_article"]
    wrong_attributes = {e["article"] for e in ex["moves"]["attribute_errors"]}
    return {
        "moves_precision": ex["moves"]["precision"],
        "moves_recall": ex["moves"]["recall"],
        "moves_f1": ex["moves"]["f1"],
        "quotes_f1": ex["quotes"]["f1"],
        "quotes_attribution": ex["quotes"]["attribution"]["accuracy"] or 0.0,
        "published_at_accuracy": ex["articles"]["published_at"]["accuracy"],
        "alerts_precision": alert_tp / alert_pred if alert_pred else 1.0,
        "alerts_recall": alert_tp / alert_gold if alert_gold else 1.0,
        "exact_dates": sorted(name for name, a in per_article.items() if a["published_at_right"]),
        "exact_moves": sorted(
            name
            for name, a in per_article.items()
            if a["moves"]["gold"] == a["moves"]["predicted"] == a["moves"]["matched"]
            and name not in wrong_attributes
            and name in report["sentences_right"]
        ),
        "exact_streams": sorted(
            name for name, s in streams.items() if s["fp"] == 0 and s["fn"] == 0 and s["duplicates"] == 0
        ),
    }


def load_floor(gold_set: GoldSet | None = None) -> dict[str, Any]:
    floor_file = (gold_set or GOLD_SETS["dev"]).floor_file
    if not floor_file.exists():
        return {}
    floor: dict[str, Any] = json.loads(floor_file.read_text(encoding="utf-8"))
    return floor


def below_floor(now: dict[str, Any], floor: dict[str, Any]) -> list[str]:
    """Every figure that fell under its floor, and every listed article or stream no longer exact."""
    problems = []
    for key, value in floor.items():
        if key.startswith("_"):
            continue
        if isinstance(value, list):
            lost = sorted(set(value) - set(now[key]))
            if lost:
                problems.append(f"{key}: no longer exact: {', '.join(lost)}")
        elif now[key] < value - 1e-9:
            problems.append(f"{key}: {now[key]:.4f} < floor {value:.4f}")
    return problems


def raised_floor(now: dict[str, Any], floor: dict[str, Any]) -> dict[str, Any]:
    """The floor raised to ``now`` wherever ``now`` is better; never lowered."""
    out = dict(floor)
    for key, value in now.items():
        if isinstance(value, list):
            out[key] = sorted(set(floor.get(key, [])) | set(value))
        else:
            # Rounded down, so a floor never sits above the figure it was raised to.
            out[key] = max(math.floor(value * 10_000) / 10_000, floor.get(key, 0.0))
    return out
