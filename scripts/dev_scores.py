"""Print the dev-set figures beside their floors; ``--raise`` writes the better ones into the floor.

    .venv/bin/python scripts/dev_scores.py            # figures, floors, and what fell below
    .venv/bin/python scripts/dev_scores.py --raise    # after an improvement: raise the floors

The floor (tests/data/dev_floor.json) only goes up; tests/unit/test_dev_scores.py fails when a
figure drops under it or an article or stream listed as exact is no longer exact.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.dev_scoring import FLOOR_FILE, below_floor, dev_report, figures, load_floor, raised_floor


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--raise", dest="raise_floor", action="store_true", help="raise the floors to today's figures"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        now = figures(dev_report(Path(tmp)))
    floor = load_floor()
    for key, value in now.items():
        if isinstance(value, list):
            print(f"{key:24} {len(value):6}   floor {len(floor.get(key, [])):6}")
        else:
            print(f"{key:24} {value:6.4f}   floor {floor.get(key, 0.0):6.4f}")
    problems = below_floor(now, floor)
    for problem in problems:
        print("BELOW FLOOR:", problem)
    if args.raise_floor:
        if problems:
            print("not raising: fix what fell below first", file=sys.stderr)
            return 1
        FLOOR_FILE.write_text(json.dumps(raised_floor(now, floor), indent=1) + "\n", encoding="utf-8")
        print(f"floors raised in {FLOOR_FILE}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
