"""Main-text extraction measured: the dev articles as real news pages, read back by ingest, scored against the gold.

    .venv/bin/python bench/page_extraction.py [--json bench/results/page-extraction.json]

Each of the 84 dev articles is dressed as a news page (``tests/news_pages.py``: navigation, cookie
banner, ads, related stories, newsletter box, scripts) and read back exactly as ``milestones
ingest`` reads a feed item's page (``page_story``, then ``story_article`` with the feed's date
where the plain text has one). The articles so made are scored with the shared scorer
(``tests/tools/score.py``), extraction and the six gold streams, beside the plain files scored the
same way (``tests/dev_scoring.py``). Also counted: articles whose moves and quotes are identical to
the plain file's, and to the plain file as a browser shows it (runs of spaces collapsed, as HTML
does). The measuring is ``tests/page_scoring.py``, shared with ``tests/unit/test_page_extraction.py``.

Not a timed benchmark: it measures what the extractor keeps and drops, not its speed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dev_scoring import dev_report, figures  # noqa: E402
from tests.page_scoring import identical_counts, page_extractions, page_report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args()
    pages = page_extractions()
    with tempfile.TemporaryDirectory() as tmp:
        plain = figures(dev_report(Path(tmp)))
        wrapped = figures(page_report(Path(tmp), pages))
    same = identical_counts(pages)
    rows = [k for k, v in plain.items() if not isinstance(v, list)]
    print(f"{'figure':<24}{'plain files':>14}{'news pages':>14}")
    for key in rows:
        print(f"{key:<24}{plain[key]:>14.4f}{wrapped[key]:>14.4f}")
    for key in ("exact_moves", "exact_dates", "exact_streams"):
        print(f"{key:<24}{len(plain[key]):>14}{len(wrapped[key]):>14}")
    print(
        f"identical moves and quotes: {same['same_as_file']}/{same['articles']} as the file, "
        f"{same['same_as_shown']}/{same['articles']} as the file shown with spaces collapsed"
        + (f" (differ: {', '.join(same['differ'])})" if same["differ"] else "")
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"plain": plain, "pages": wrapped, "identical": same}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
