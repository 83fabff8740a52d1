"""Print the gold sets' figures beside their floors; ``--raise`` writes the better ones into the floors.

    .venv/bin/python scripts/dev_scores.py                  # every set: figures, floors, what fell below
    .venv/bin/python scripts/dev_scores.py --set dev        # one set
    .venv/bin/python scripts/dev_scores.py --raise          # after an improvement: raise the floors

Sets (tests/dev_scoring.py): ``dev`` (../shared/dev, tuned on), ``fresh-visible`` and
``fresh-holdout`` (the two halves of tests/data/fresh, annotated blind). Look at the misses of
dev and fresh-visible with tests/tools/score.py; look at fresh-holdout only through the totals
printed here, so that it keeps measuring articles no rule was written for.

The floors (tests/data/*_floor.json) only go up; tests/unit/test_dev_scores.py fails when a
figure drops under its floor or an article or stream listed as exact is no longer exact.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.dev_scoring import GOLD_SETS, below_floor, dev_report, figures, load_floor, raised_floor


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set", dest="sets", action="append", choices=sorted(GOLD_SETS), help="a set (repeatable)"
    )
    parser.add_argument(
        "--raise", dest="raise_floor", action="store_true", help="raise the floors to today's figures"
    )
    args = parser.parse_args()
    failed = False
    for name in args.sets or list(GOLD_SETS):
        gold_set = GOLD_SETS[name]
        with tempfile.TemporaryDirectory() as tmp:
            now = figures(dev_report(Path(tmp), gold_set))
        floor = load_floor(gold_set)
        print(f"== {name} ({len(gold_set.files())} articles)")
        for key, value in now.items():
            if isinstance(value, list):
                print(f"{key:24} {len(value):6}   floor {len(floor.get(key, [])):6}")
            else:
                print(f"{key:24} {value:6.4f}   floor {floor.get(key, 0.0):6.4f}")
        problems = below_floor(now, floor)
        for problem in problems:
            print("BELOW FLOOR:", problem)
        failed = failed or bool(problems)
        if args.raise_floor and not problems:
            base = floor or {
                "_why": f"The best figures reached so far on the {name} gold set (tests/dev_scoring.py)."
            }
            gold_set.floor_file.write_text(
                json.dumps(raised_floor(now, base), indent=1) + "\n", encoding="utf-8"
            )
            print(f"floors raised in {gold_set.floor_file}")
    if args.raise_floor and failed:
        print("not raised where a figure fell below its floor: fix that first", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
