"""Market table and ticker rows: the row is the sentence, its figures are read by column.

- Pipe tables: "| TSX | 30,022.81 | +50.90 | |".
- Ticker rows with spaced columns: "I:DJI DOW JONES AVERAGES 48254.82 +326.86 +0.68%" (name, last,
  change, change %; the "%" may be left to the header: "Nikkei 225  37,785.47  +630.35  +1.70"),
  or name, last and change %: "DAX 22,551.43 -0.5%".
- Flattened ticker rows, columns glued together: ".FTSEFTSE 100FTSE5582.80-146.19-2.551107558647"
  (code, name, symbol, price, change, change %, volume; prices with two decimals).

- Ticker bars: several rows on one line ("S&P/TSX 21,902.43 +79.21 (+0.36%) S&P 500 4,536.95
  +22.93 (+0.51%) Crude Oil 70.30 -0.28 (-0.40%)"), or each row stacked over three lines (name,
  last, "+79.21(+0.36%)"), or over two ("DOW" over "38,100.50 +120.30 (+0.32%)"), blank lines
  between or not. Only a cell whose whole label is an index name is a move ("Dow 30", Yahoo's
  label with the count of members, is the Dow's). An unchanged cell may write its change as an
  unsigned "0.00 (0.00%)". A bar of two cells or more may be run on from a page's menu before
  it and the story after it; a single row may end in a time stamp or an arrow.
- A bare level row, a name and a level with decimals alone on a line ("DAX 16,275.38"): a level
  without a direction.

- Scoreboard rows, a name and a figure: "Germany's Dax: 1.33%". An unsigned change takes the
  direction the lines before the list state for it ("... to open up today. Here's the
  scoreboard:"), found by ``list_direction``.

A row that names an ETF, a fund or a trust ("SPDR DOW JONES INDUSTRIAL AVERAGE ETF TRUST") is a
product that tracks the index, not the index: it gives no move.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from streams.extract.moves_clauses import Reading, SentenceMove

if TYPE_CHECKING:
    from streams.extract.indices import IndexRegistry, Mention

__all__ = [
    "glued_rows",
    "list_direction",
    "read_bar_cells",
    "read_label_row",
    "read_level_row",
    "read_table_row",
    "read_ticker_row",
    "stacked_rows",
]

_CELL_NUMBER: Final = re.compile(
    r"^\(?(?P<sign>[+\-−–]?)\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<pct>%)?\)?$"
)
# Words that make a row a product tracking the index, not the index.
_PRODUCT: Final = re.compile(r"\b(?:ETFs?|ETNs?|Funds?|Trust|SPDR|iShares|Tracker|UCITS)\b", re.IGNORECASE)
# The columns at the end of a ticker row: last, signed change, optional signed change %.
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (A third signed figure without "%" is the change in percent: "37,785.47  +630.35   +1.70"; a
# signed percentage alone after the last price is the change: "DAX 22,551.43 -0.5%".)
_ROW_TAIL: Final = re.compile(
    rf"\s(?P<level>{_NUM})\s+(?:(?P<points>[+\-−–]\s?(?:{_NUM}))"
    rf"(?:\s+\(?(?P<pct>[+\-−–]?\s?\d+(?:\.\d+)?)\s?%\)?|\s+(?P<bare>[+\-−–]\s?\d+(?:\.\d+)?))?"
    r"|\(?(?P<alone>[+\-−–]\s?\d+(?:\.\d+)?)\s?%\)?)\s*$"
)
# A word of running text (lower-case, four letters or more): a sentence, not a row.
_PROSE_WORD: Final = re.compile(r"\b[a-z]{4,}\b")
# A flattened row: a code such as ".FTSE", then name and symbol (or a time stamp: ".N225Nikkei
# Stock Average 2252:15am EDT"), then price, change and change % glued together with two decimals
# each (the price may have thousands commas), then the volume or a "%".
_GLUED_ROW: Final = re.compile(
    r"^\.[A-Z][A-Z0-9]{1,7}\S[^\n]{0,80}?(?P<level>\d{1,3}(?:,\d{3})+\.\d\d|\d+\.\d\d)"
    r"(?P<points>[+\-−–](?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d)(?P<pct>[+\-−–]\d+\.\d\d)(?:%|\d*)[ \t]*$",
    re.MULTILINE,
)

# A scoreboard row: a short label holding the index name, a colon, one figure.
# (A level may come first, then its signed change: "Nikkei 225: 38,120.55 (-0.8%)".)
_LABEL_ROW: Final = re.compile(
    r"^(?P<label>[^:\n]{2,60}):[ \t]*(?:(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+),?[ \t]+\(?(?=[+\-−–]))?"
    r"(?P<sign>[+\-−–]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t]*(?P<pct>%)?(?(level)\)?)$"
)
# The direction a lead line states for the session a list reports ("to open up today", "closed
# lower", "are trading in the red").
_SESSION_DIRECTION: Final = re.compile(
    r"\b(?:open(?:s|ed|ing)?|clos(?:e|es|ed|ing)|end(?:s|ed|ing)?|finish(?:es|ed|ing)?|trad(?:e|es|ed|ing)"
    r"|start(?:s|ed|ing)?)\s+(?:\w+ly\s+)?(?P<word>up|higher|down|lower|in\s+the\s+red|in\s+the\s+green)\b",
    re.IGNORECASE,
)
# Or a verb of motion with shares or markets as its subject ("European shares fell sharply:",
# "Asian markets rallied on Friday").
_LEAD_MOTION: Final = re.compile(
    r"\b(?:shares|stocks|markets|equities|bourses|indices|indexes)\s+(?:\w+\s+){0,2}?"
    r"(?:(?P<up>rose|gained|climbed|rallied|advanced|jumped|surged|soared|firmed)"
    r"|(?P<down>fell|lost|dropped|declined|slipped|tumbled|slumped|retreated|sank|eased|plunged))\b",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-").replace("–", "-").replace(" ", ""))


def _row_reading(level: float | None, points: float | None, pct: float | None) -> Reading:
    change = points if points is not None else pct
    direction = None if change is None else "up" if change > 0 else "down" if change < 0 else "flat"
    return Reading(direction=direction, change_pct=pct, change_points=points, level=level, motion=True)


def read_table_row(row: str, registry: IndexRegistry) -> list[SentenceMove]:
    """The move of one table row whose first cell names an index, else nothing."""

    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    if len(cells) < 2 or not cells[0]:
        return []
    index_id = registry.index_of(cells[0])
    futures = False
    if index_id is None and cells[0].lower().endswith(" futures"):
        index_id = registry.index_of(cells[0][: -len(" futures")])
        futures = index_id is not None
    if index_id is None:
        return []
    level: float | None = None
    points: float | None = None
    pct: float | None = None
    for cell in cells[1:]:
        match = _CELL_NUMBER.match(cell)
        if match is None:
            continue
        value = float(match.group("num").replace(",", ""))
        signed = bool(match.group("sign"))
        if match.group("sign") in ("-", "−", "–"):
            value = -value
        if match.group("pct"):
            pct = value if pct is None else pct
        elif signed or level is not None:
            points = value if points is None else points
        else:
            level = value
    if level is None and points is None and pct is None:
        return []
    return [SentenceMove(index_id, _row_reading(level, points, pct), futures)]


def read_ticker_row(sentence: str, mentions: list[Mention]) -> list[SentenceMove] | None:
    """The move of a ticker row with spaced columns ("I:DJI DOW JONES AVERAGES 48254.82 +326.86
    +0.68%"), [] for a product's row, or None when the sentence is not such a row: it must end
    in a last price and a signed change, after the index name, with no word of running text."""

    tail = _ROW_TAIL.search(sentence)
    if tail is None or not mentions or mentions[-1].end > tail.start():
        return None
    head = sentence[: tail.start()]
    if _PROSE_WORD.search(head) or ("%" in head and _BAR_CELL.search(head)):
        return None  # running text, or a ticker bar of several rows (read_bar_cells)
    if _PRODUCT.search(head):
        return []
    pct = tail.group("pct") or tail.group("bare") or tail.group("alone")
    points = tail.group("points")
    reading = _row_reading(
        _number(tail.group("level")), _number(points) if points else None, _number(pct) if pct else None
    )
    return [SentenceMove(mentions[0].index_id, reading, False)]


# One cell of a ticker bar: last, signed change and signed change % ("21,902.43 +79.21 (+0.36%)").
# (An unchanged cell may leave its change unsigned: "1,790.20 0.00 (0.00%)".)
_ZERO = r"(?<=\s)0(?:\.0+)?(?![\d.,])"
_BAR_FIGURES = (
    rf"(?P<level>{_NUM})\s*(?P<points>[+\-−–]\s?(?:{_NUM})|{_ZERO})\s*"
    r"(?:\(\s*(?P<pct>[+\-−–]?\d+(?:\.\d+)?)\s?%\s*\)|(?P<spct>[+\-−–]\d+(?:\.\d+)?)\s?%)"
)
_BAR_CELL: Final = re.compile(rf"(?<![\d.,])(?:{_BAR_FIGURES})")
# Where a cell can be at all: its change is a sign then (a space and) a digit, or an unsigned zero
# after whitespace. Two searches the engine starts from a set or a literal, where _BAR_CELL (a look
# back first) is tried at every place: ten times cheaper on the prose sentences that reach it.
_CELL_SIGNED: Final = re.compile(r"[+\-−–]\s?\d")
_CELL_ZERO: Final = re.compile(r"0(?<=\s0)(?:\.0+)?(?![\d.,])")  # _ZERO, read from its "0"
# A ticker bar's row stacked over two or three lines (blank lines between them or not): name,
# last, change and change % ("DOW\n38,100.50 +120.30 (+0.32%)").
_STACKED_ROW: Final = re.compile(
    rf"^(?P<label>[^\n\d+\-−–][^\n]{{1,30}})[ \t]*\n(?:[ \t]*\n)*(?P<level>{_NUM})(?:[ \t]*\n(?:[ \t]*\n)*|[ \t]+)"
    rf"(?P<points>[+\-−–]\s?(?:{_NUM})|{_ZERO})\s*"
    r"(?:\(\s*(?P<pct>[+\-−–]?\d+(?:\.\d+)?)\s?%\s*\)|(?P<spct>[+\-−–]\d+(?:\.\d+)?)\s?%)[ \t]*$",
    re.MULTILINE,
)
# A bare level row: a name and one level with decimals, alone on its line.
_LEVEL_ROW: Final = re.compile(
    r"^(?P<label>[^\d\n][^\n]{1,40}?)[ \t]+(?P<level>\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+)$"
)


# A row label that is an index name and the count of its members ("Dow 30", Yahoo's label): only
# where the count is the index's own (a "FTSE 250" row is not the FTSE 100's).
_MEMBERS: Final = re.compile(r"^(?P<name>\S.*?)\s+(?P<count>\d{2,3})$")
_MEMBER_COUNTS: Final = {"DJIA": "30"}


def _row_index(label: str, registry: IndexRegistry) -> str | None:
    """The index a row's whole label names ("NASDAQ", "S&P/TSX", "Dow 30"), else None."""
    index_id = registry.index_of(label)
    if index_id is None and label[-1:].isdigit():
        members = _MEMBERS.match(label)
        if members is not None:
            named = registry.index_of(members.group("name"))
            if named is not None and _MEMBER_COUNTS.get(named) == members.group("count"):
                index_id = named
    return index_id


def _bar_reading(cell: re.Match[str]) -> Reading:
    pct = cell.group("pct") or cell.group("spct")
    return _row_reading(_number(cell.group("level")), _number(cell.group("points")), _number(pct))


def _trailing_index(label: str, registry: IndexRegistry) -> tuple[str, int] | None:
    """The index named by the last words of a label run on from other text ("Finance Home
    S&P/TSX"), the longest such name, and where it starts; None when the label ends otherwise."""
    words = label.split()
    found: tuple[str, int] | None = None
    for n in range(1, min(len(words), 5) + 1):
        tail = " ".join(words[-n:])
        index_id = _row_index(tail, registry)
        if index_id is not None and not _PRODUCT.search(tail):
            found = (index_id, label.rfind(words[-n]))
    return found


def read_bar_cells(sentence: str, registry: IndexRegistry) -> tuple[list[SentenceMove], int, int] | None:
    """The moves of a ticker bar run into one line ("S&P/TSX 21,902.43 +79.21 (+0.36%) S&P 500
    4,536.95 +22.93 (+0.51%) Crude Oil 70.30 -0.28 (-0.40%)") and where the bar starts and ends
    in the sentence, or None when the sentence is not one: cells of a label and its figures, one
    after another, with no word of running text. A cell whose label is an index name gives its
    move; other cells (commodities, ETFs) none.

    A bar of two cells or more may be run on from other text (a page's menu before it, the story
    after it): the first label is then the index name its last words make ("Sign in Finance Home
    S&P/TSX"), and the caller reads the text before and after the bar as sentences of their own."""

    if _CELL_SIGNED.search(sentence) is None and _CELL_ZERO.search(sentence) is None:
        return None  # (no cell: see _CELL_SIGNED)
    moves: list[SentenceMove] = []
    cells = list(_BAR_CELL.finditer(sentence))
    if not cells:
        return None
    start = at = 0
    for k, cell in enumerate(cells):
        label = sentence[at : cell.start()].strip()
        label_at = at + (len(sentence[at : cell.start()]) - len(sentence[at : cell.start()].lstrip()))
        at = cell.end()
        if not label:
            return None
        if _PROSE_WORD.search(label):
            if k or len(cells) < 2:
                return None
            named = _trailing_index(label, registry)
            if named is None:
                start = cell.start()
                continue
            start = label_at + named[1]
            moves.append(SentenceMove(named[0], _bar_reading(cell), False))
            continue
        index_id = _row_index(label, registry)
        if index_id is not None and not _PRODUCT.search(label):
            moves.append(SentenceMove(index_id, _bar_reading(cell), False))
    # (One row may end in a time stamp or an arrow: "DOW 38,100.50 +120.30 (+0.32%) 4:00PM EDT".)
    if len(cells) < 2 and _PROSE_WORD.search(sentence, at):
        return None
    return moves, start, at


def stacked_rows(body: str, registry: IndexRegistry) -> list[tuple[int, int, SentenceMove]]:
    """(start, end, move) of every ticker-bar row stacked over three lines (name, last, change
    and change %) whose name line is an index name (the caller looks only when a "%)" or "%"
    ends a line)."""

    found: list[tuple[int, int, SentenceMove]] = []
    for row in _STACKED_ROW.finditer(body):
        label = row.group("label").strip()
        index_id = _row_index(label, registry)
        if index_id is None or _PRODUCT.search(label):
            continue
        found.append((row.start(), row.end(), SentenceMove(index_id, _bar_reading(row), False)))
    return found


def read_level_row(sentence: str, registry: IndexRegistry) -> list[SentenceMove] | None:
    """The level of a bare row ("DAX 16,275.38", direction null), or None when the sentence is
    not one: an index name and one level with decimals, nothing else ("Dow 20,024!" is a label)."""

    row = _LEVEL_ROW.match(sentence)
    if row is None:
        return None
    index_id = registry.index_of(row.group("label").strip())
    if index_id is None or _PRODUCT.search(row.group("label")):
        return None
    return [SentenceMove(index_id, Reading(level=_number(row.group("level")), motion=True), False)]


def _glued_index(head: str, registry: IndexRegistry) -> str | None:
    """The index a flattened row's code-name-symbol run names: the first place from which a
    registered name starts (the longest there), or None (no name, or an excluded one). A name
    buried inside a code, with capitals or digits glued on both sides (the "DAX" of
    ".TRXFLDAXPU"), is not read."""
    for i in range(1, len(head) - 1):
        rest = head[i : i + 40]
        for j in range(len(rest), 2, -1):
            if registry.is_name(rest[:j]):
                after = rest[len(rest[:j].rstrip()) :][:1]
                if (head[i - 1].isupper() or head[i - 1].isdigit()) and after.isupper():
                    break
                return registry.index_of(rest[:j])
    return None


def glued_rows(body: str, registry: IndexRegistry) -> list[tuple[int, int, SentenceMove]]:
    """(start, end, move) of every flattened ticker row of the body that names an index (the
    caller looks only when a line starts with ".")."""

    found: list[tuple[int, int, SentenceMove]] = []
    for row in _GLUED_ROW.finditer(body):
        head = row.group(0)[: row.start("level") - row.start()].strip()
        if _PRODUCT.search(head):
            continue
        index_id = _glued_index(head, registry)
        if index_id is None:
            continue
        reading = _row_reading(
            _number(row.group("level")), _number(row.group("points")), _number(row.group("pct"))
        )
        found.append(
            (row.start(), row.start() + len(row.group(0).rstrip()), SentenceMove(index_id, reading, False))
        )
    return found


def read_label_row(sentence: str, mentions: list[Mention]) -> list[SentenceMove] | None:
    """The move of a scoreboard row ("Germany's Dax: 1.33%", "Dow: -0.4%"), or None when the
    sentence is not one: a label of names (no word of running text) holding one index name, a
    colon, one figure. An unsigned change is left without a direction (see list_direction)."""

    row = _LABEL_ROW.match(sentence)
    if row is None or len(mentions) != 1 or mentions[0].end > row.end("label"):
        return None
    if _PROSE_WORD.search(row.group("label")) or _PRODUCT.search(row.group("label")):
        return None
    value = _number(row.group("num"))
    if row.group("sign") in ("-", "−", "–"):
        value = -value
    level = _number(row.group("level")) if row.group("level") else None
    if row.group("pct"):
        reading = (
            _row_reading(level, None, value)
            if row.group("sign")
            else Reading(change_pct=value, level=level, motion=True)
        )
    elif level is not None:
        reading = _row_reading(level, value, None)
    else:
        reading = Reading(level=value, motion=True)
    return [SentenceMove(mentions[0].index_id, reading, False)]


# A list row without a colon: a name and an unsigned percentage ("- DAX 0.5%").
_BARE_ROW: Final = re.compile(r"^(?P<label>.{2,40}?)[ \t]+\d+(?:\.\d+)?[ \t]*%$")


def is_unsigned_label_row(sentence: str) -> bool:
    """Whether the sentence is a scoreboard row with an unsigned percentage ("Germany's Dax:
    1.33%", "DAX 0.5%")."""
    row = _LABEL_ROW.match(sentence)
    if row is not None:
        return not row.group("sign") and row.group("pct") is not None
    bare = _BARE_ROW.match(sentence)
    return bare is not None and not _PROSE_WORD.search(bare.group("label"))


def list_direction(body: str, start: int) -> str | None:
    """The direction stated for the list whose row starts at ``start``: a verb of the session
    with its direction ("open up", "closed lower") in one of the two lines before the list."""
    pos = body.rfind("\n", 0, start) + 1
    leads = lines = 0
    while pos > 0 and leads < 2 and lines < 60:  # bounded: a long list costs no more per row
        lines += 1
        prev = body.rfind("\n", 0, pos - 1) + 1
        line = body[prev : pos - 1].strip()
        pos = prev
        if not line or _LABEL_ROW.match(line) or _BARE_ROW.match(line):
            continue  # another row of the list
        leads += 1
        words = [match.group("word").lower() for match in _SESSION_DIRECTION.finditer(line)]
        if words:
            return "up" if words[-1] in ("up", "higher", "in the green") else "down"
        motion = _LEAD_MOTION.search(line)
        if motion is not None:
            return "up" if motion.group("up") else "down"
    return None
