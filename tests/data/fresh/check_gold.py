#!/usr/bin/env python3
"""Consistency checks on tests/data/fresh.json (standard library only).

    python3 tests/data/fresh/check_gold.py

- every move has every field, a known index id and a valid direction;
- every move's sentence occurs verbatim in its article file;
- every quote's text lies between quotation marks in the file (a quote joined across an
  attribution or a paragraph break is checked piece by piece);
- every level and milestone lies inside the contract's plausible range for its index;
- every article file has a gold entry and vice versa.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "..", "fresh.json")
ARTS = os.path.join(HERE, "articles")

RANGES = {  # shared/contract.md, plausible levels
    "NIKKEI225": (5000, 300000),
    "TOPIX": (500, 30000),
    "KOSPI": (200, 30000),
    "KOSDAQ": (200, 10000),
    "HSI": (5000, 200000),
    "HSTECH": (1000, 50000),
    "HSCEI": (500, 50000),
    "CSI300": (500, 30000),
    "SSEC": (500, 30000),
    "SZCOMP": (1000, 100000),
    "SZSECOMP": (100, 20000),
    "TAIEX": (2000, 200000),
    "ASX200": (1000, 50000),
    "NZX50": (1000, 50000),
    "STI": (500, 20000),
    "NIFTY50": (1000, 200000),
    "NIFTYBANK": (2000, 500000),
    "SENSEX": (2000, 1000000),
    "JCI": (200, 50000),
    "KLCI": (300, 10000),
    "SET": (200, 10000),
    "DJIA": (5000, 500000),
    "SPX": (500, 50000),
    "IXIC": (1000, 200000),
    "NDX": (700, 200000),
    "RUT": (200, 20000),
    "VIX": (5, 200),
    "TSX": (3000, 300000),
    "FTSE100": (2000, 50000),
    "DAX": (2000, 200000),
    "CAC40": (2000, 50000),
    "STOXX600": (100, 3000),
    "SX5E": (1000, 30000),
    "IBEX35": (3000, 100000),
    "FTSEMIB": (5000, 300000),
    "SMI": (2000, 100000),
    "IBOV": (10000, 1000000),
}
FIELDS = (
    "index",
    "direction",
    "change_pct",
    "change_points",
    "level",
    "milestone",
    "record_high",
    "first_time",
    "futures",
    "approximate",
    "intraday",
    "sentence",
)


def quoted_mask(text):
    """Characters inside quotation marks (curly, straight double, and single quotes used as
    quotation marks rather than apostrophes). An unclosed quotation runs to the end of its paragraph."""
    mask = [False] * len(text)
    for para in re.finditer(r"[^\n]+", text):
        s, e = para.span()
        p = text[s:e]
        inside, open_ch = False, None
        for i, c in enumerate(p):
            prev = p[i - 1] if i else " "
            nxt = p[i + 1] if i + 1 < len(p) else " "
            if not inside:
                if c in '“"' or (c in "‘'" and not prev.isalnum() and not nxt.isspace()):
                    inside, open_ch = True, c
                    continue
            else:
                closes = {"“": '”"', '"': '"”', "‘": "’", "'": "'"}[open_ch]
                if c in closes and (open_ch not in "‘'" or not nxt.isalnum()):
                    inside = False
                    continue
            if inside:
                mask[s + i] = True
    return mask


def quote_inside(qtext, text, mask):
    rest = qtext
    while rest:
        best = 0
        for m in re.finditer(re.escape(rest[:8]), text):
            k = 0
            while (
                k < len(rest)
                and m.start() + k < len(text)
                and text[m.start() + k] == rest[k]
                and mask[m.start() + k]
            ):
                k += 1
            best = max(best, k)
        if best < 3:
            return False, rest[:60]
        rest = rest[best:]
        if rest.startswith(" "):
            rest = rest[1:]
    return True, ""


def main():
    with open(GOLD, encoding="utf-8") as fh:
        gold = json.load(fh)
    arts = gold["articles"]
    problems = []
    files = set(f for f in os.listdir(ARTS) if f.endswith(".txt"))
    for f in sorted(files ^ set(arts)):
        problems.append(f"{f}: file without gold or gold without file")
    for name, a in arts.items():
        path = os.path.join(ARTS, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        mask = quoted_mask(text)
        pa = a.get("published_at")
        if pa is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pa):
            problems.append(f"{name}: published_at {pa!r}")
        for m in a["moves"]:
            if tuple(m) != FIELDS:
                problems.append(f"{name}: fields {list(m)}")
            if m["index"] not in RANGES:
                problems.append(f"{name}: unknown index {m['index']}")
                continue
            if m["direction"] not in ("up", "down", "flat", None):
                problems.append(f"{name}: direction {m['direction']!r}")
            if m["sentence"] not in text:
                problems.append(f"{name}: sentence not in file: {m['sentence'][:70]!r}")
            lo, hi = RANGES[m["index"]]
            for f in ("level", "milestone"):
                v = m[f]
                if v is not None and not (lo <= v <= hi):
                    problems.append(f"{name}: {m['index']} {f} {v} outside {lo}-{hi}")
            for f in ("change_pct", "change_points"):
                v = m[f]
                if v is not None and m["direction"] in ("up", "down") and (v > 0) != (m["direction"] == "up"):
                    problems.append(f"{name}: {m['index']} {f} {v} against direction {m['direction']}")
        for q in a["quotes"]:
            ok, where = quote_inside(q["text"], text, mask)
            if not ok:
                problems.append(f"{name}: quote not between quotation marks near {where!r}")
    for p in problems:
        print(p)
    n = sum(len(a["moves"]) for a in arts.values())
    print(
        f"{len(arts)} articles, {n} moves, {sum(len(a['quotes']) for a in arts.values())} quotes; "
        f"{len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
