"""Index registry: canonical ids and the names articles use for them.

The data lives in ``streams/config/indices.toml`` (packaged); an extra TOML file may add indices
(or names that are not indices) in the same form. All names compile into one alternation regex,
longest name first, so the longest name wins where names overlap ("Hang Seng TECH" over "Hang
Seng", "Hang Seng Bank" -- an excluded name -- over "Hang Seng").

Each index also has a plausible range of levels (contract: "Plausible figures only"): a figure
outside it is not that index's level, so extraction leaves it out and the alert rules ignore it
(rule 8). The ranges live here, beside the names, so a user who adds an index gives its range.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

from streams.extract.fold import fold_safe

__all__ = ["IndexRegistry", "Mention", "PlausibleRange", "default_registry", "load_registry"]

DEFAULT_RESOURCE = "config/indices.toml"
_EXCLUDED: Final = ""  # id given to names that are not indices


class PlausibleRange(NamedTuple):
    """The levels an index can plausibly stand at, both ends included."""

    low: float
    high: float

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


class Mention(NamedTuple):
    """One index name found in a text: the canonical id and the name's span."""

    index_id: str
    start: int
    end: int


def _key(name: str) -> str:
    return " ".join(name.split()).lower()


def _spaced_once(name: str) -> bool:
    """Whether ``" ".join(name.split()) == name``: no whitespace but single spaces between words.
    (Every whitespace character but the space is non-printable: Unicode separators and controls.)"""
    return name.isprintable() and "  " not in name and name[:1] != " " and name[-1:] != " "


def _trie_pattern(names: list[str], first_char_guard: str = "") -> str:
    """The names as one character-trie regex (a space matches any run of whitespace).

    A trie tries one branch per character instead of every name at every position; each name
    end is an optional continuation, greedy, so the longest name that fits wins.
    ``first_char_guard`` goes right after each name's first character: a start-of-word test
    placed there (rather than before the trie) lets the regex engine skip straight to the
    positions holding a possible first character. The engine does that only for
    case-sensitive literals, so only the exact-case names use it.
    """
    root: dict[str, Any] = {}
    for name in names:
        node = root
        for ch in " ".join(name.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], guard: str = "") -> str:
        alternatives = [
            (r"\s+" if ch == " " else re.escape(ch)) + guard + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root, first_char_guard) if root else r"(?!x)x"


def _union(text: str, parts: list[re.Pattern[str]], whole: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans ``whole.finditer(text)`` finds, found by its parts: regexes that each match
    where ``whole`` does at the places only it can match (told apart by the first character).

    A part's scan starts from a literal, which the engine finds far faster than it tries every
    place for ``whole``. When no two parts' matches overlap, their union is what ``whole`` finds
    (``whole`` skips a place only inside an earlier match: an overlap). Otherwise (names chained
    through one another) ``whole`` is run."""
    spans: list[tuple[int, int]] = []
    for part in parts:  # (plain loops: a generator costs more in compiled code)
        for m in part.finditer(text):
            spans.append(m.span())
    spans.sort()
    reached = 0
    for start, end in spans:
        if start < reached:
            return [m.span() for m in whole.finditer(text)]
        reached = end
    return spans


class IndexRegistry:
    """Names -> canonical ids, with one compiled regex to find them in a sentence."""

    def __init__(
        self,
        names: dict[str, str],
        exact: dict[str, str],
        ranges: dict[str, PlausibleRange] | None = None,
        beside: dict[str, frozenset[str]] | None = None,
        with_article: frozenset[str] = frozenset(),
    ) -> None:
        self.ranges: dict[str, PlausibleRange] = dict(ranges or {})
        # Beside names that also count after "the" with no capitalised word or number after them
        # ("a record close for the S&P,"), keyed by the name as written.
        self.with_article: frozenset[str] = with_article
        # Names that count only in a sentence that also names one of the given indices ("S&P"
        # beside the Dow or the Nasdaq), keyed by the name as written.
        self.beside: dict[str, frozenset[str]] = dict(beside or {})
        self._names = {_key(n): i for n, i in names.items()}
        self._exact = {" ".join(n.split()): i for n, i in exact.items()}
        # Whole words: no letter/digit/&// glued on either side; a ticker colon ("NASDAQ:NVDA")
        # and a compound hyphen ("Nasdaq-listed") after the name disqualify it.
        edge_before, edge_after = r"(?<![\w&/])", r"(?![\w&]|:\w|-[a-z])"
        folded = _trie_pattern(sorted({_key(n) for n in names}))
        self._folded = re.compile(edge_before + "(?:" + folded + ")" + edge_after, re.IGNORECASE)
        # The same search on " " + text.lower(), case-sensitively (see fold.py): the character
        # before the name is consumed instead of looked behind at (the leading space stands for
        # the start of the text). Split in two so that the engine can skip ahead cheaply: names
        # after a space (a literal the engine jumps to), and names after any other character
        # that is not [\w&/] (an ASCII set, with the lookbehind deciding non-ASCII characters).
        trie = "(?:" + folded + ")" + edge_after
        self._lowered = re.compile(r"[^\w&/]" + trie)
        self._after_space = re.compile(" " + trie)
        # (Most such characters are "." and "," before a space: a look at the next character,
        # one of the names' first characters, turns them away before the trie is tried.)
        firsts = "".join(sorted({re.escape(key[0]) for key in self._names if key}))
        first = f"(?=[{firsts}])" if firsts else ""
        # (The look at the next character before the look back: it turns most places away.)
        self._after_other = re.compile(r"[^a-z0-9_ &/]" + first + r"(?<![\w&/])" + trie)
        # "Not [\w&/] before the name" is "not [\w&/] then the first character" looking back
        # two places from after that character. Also run as one regex per first character (a
        # literal the engine jumps to), like the split above.
        guard = r"(?<![\w&/][\s\S])"
        self._exact_re = re.compile("(?:" + _trie_pattern(sorted(self._exact), guard) + ")" + edge_after)
        by_first: dict[str, list[str]] = {}
        for name in sorted(self._exact):
            by_first.setdefault(name[0], []).append(name)
        self._exact_parts = [
            re.compile("(?:" + _trie_pattern(group, guard) + ")" + edge_after) for group in by_first.values()
        ]
        self.ids = frozenset(i for i in [*names.values(), *exact.values()] if i != _EXCLUDED)

    def plausible(self, index_id: str, value: float | None) -> bool:
        """False when ``value`` lies outside the index's plausible range (True with no range or no value)."""
        if value is None:
            return True
        found = self.ranges.get(index_id)
        return found is None or found.holds(value)

    def index_of(self, text: str) -> str | None:
        """The canonical id of one name as written, or None."""
        if _spaced_once(text):  # (most names: no need to split and join them again)
            found = self._exact.get(text)
            if found is None:
                found = self._names.get(text.lower())
            return found or None
        found = self._exact.get(" ".join(text.split()))
        if found is None:
            found = self._names.get(_key(text))
        return found or None

    def is_name(self, text: str) -> bool:
        """Whether ``text`` is a registered name: an index's or an excluded one."""
        return " ".join(text.split()) in self._exact or _key(text) in self._names

    def raw_matches(self, text: str, low: str | None = None) -> list[tuple[int, int]]:
        """(start, -end) of every name match of both regexes, sorted: overlaps not yet resolved.
        ``low``: ``text.lower()`` when the caller has it and ``fold_safe(text)`` holds."""
        if low is None and fold_safe(text):
            low = text.lower()
        if low is not None:
            spans = _union(" " + low, [self._after_space, self._after_other], self._lowered)
            found = [(start, 1 - end) for start, end in spans]  # less the separator before each
        else:
            found = [(m.start(), -m.end()) for m in self._folded.finditer(text)]
        found.extend((start, -end) for start, end in _union(text, self._exact_parts, self._exact_re))
        found.sort()
        return found

    def resolve(self, text: str, found: list[tuple[int, int]]) -> list[Mention]:
        """The mentions of sorted raw matches: the longest name at each place, known ids only."""
        mentions: list[Mention] = []
        reached = 0
        for start, neg_end in found:
            if start < reached:
                continue  # inside a longer name found at an earlier or the same place
            reached = -neg_end
            index_id = self.index_of(text[start:reached])
            if index_id:
                # (tuple.__new__: a NamedTuple's own constructor is interpreted Python, twice the cost.)
                mentions.append(tuple.__new__(Mention, (index_id, start, reached)))
        return mentions

    def in_company(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions less those of a name that counts only beside other indices (``beside``)
        when the text names none of them."""
        beside = self.beside
        if not beside:
            return mentions
        for m in mentions:  # a plain loop: most sentences hold no such name
            if text[m.start : m.end] in beside:
                break
        else:
            return mentions
        ids = {m.index_id for m in mentions}
        kept = []
        for m in mentions:
            needed = self.beside.get(text[m.start : m.end])
            if (
                needed is None
                or not needed.isdisjoint(ids - {m.index_id})
                or (text[m.start : m.end] in self.with_article and _with_article(text, m))
            ):
                kept.append(m)
        return kept

    def find_mentions(self, sentence: str) -> list[Mention]:
        """Every index name in the sentence, in order, longest name at each place."""
        return self.resolve(sentence, self.raw_matches(sentence))


def _with_article(text: str, m: Mention) -> bool:
    """ "the S&P rose 1%", "a record close for the S&P,": with the article and no capitalised word
    or number after it the short name is the index (the agency is "S&P" bare, or "S&P Global")."""
    if text[max(0, m.start - 4) : m.start] not in ("the ", "The "):
        return False
    after = text[m.end : m.end + 2]
    return not (len(after) == 2 and after[0] == " " and (after[1].isupper() or after[1].isdigit()))


def _range(value: object, where: str) -> PlausibleRange:
    """A validated [low, high] pair: two positive finite numbers, low below high."""
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"{where}: range must be [low, high], got {value!r}")
    low, high = value
    for end in (low, high):
        if isinstance(end, bool) or not isinstance(end, int | float) or not 0 < end < float("inf"):
            raise ValueError(f"{where}: range ends must be positive finite numbers, got {value!r}")
    if not low < high:
        raise ValueError(f"{where}: range low must be below high, got {value!r}")
    return PlausibleRange(float(low), float(high))


def _add(
    data: dict[str, Any],
    names: dict[str, str],
    exact: dict[str, str],
    ranges: dict[str, PlausibleRange],
    source: str,
    beside: dict[str, frozenset[str]] | None = None,
    with_article: set[str] | None = None,
) -> None:
    for entry in data.get("index", []):
        index_id = entry.get("id")
        if not isinstance(index_id, str) or not index_id:
            raise ValueError(f"{source}: an [[index]] without an id")
        if "range" in entry:
            ranges[index_id] = _range(entry["range"], f"{source}: index {index_id}")
        elif index_id not in ranges:
            raise ValueError(
                f"{source}: index {index_id} has no range; give its plausible levels as range = [low, high]"
            )
        for name in entry.get("names", []):
            names[str(name)] = index_id
        for name in entry.get("exact", []):
            exact[str(name)] = index_id
        for name, ids in entry.get("beside", {}).items():
            if not isinstance(ids, list) or not ids:
                raise ValueError(f"{source}: index {index_id}: beside.{name} must be a list of index ids")
            exact[str(name)] = index_id
            if beside is not None:
                beside[str(name)] = frozenset(str(i) for i in ids)
        for name in entry.get("with_article", []):
            if with_article is not None:
                with_article.add(str(name))
    for entry in data.get("exclude", []):
        for name in entry.get("names", []):
            names[str(name)] = _EXCLUDED
        for name in entry.get("exact", []):
            exact[str(name)] = _EXCLUDED


def load_registry(extra_path: Path | None = None) -> IndexRegistry:
    """The packaged registry, plus the indices and exclusions of an extra TOML file if given."""
    names: dict[str, str] = {}
    exact: dict[str, str] = {}
    ranges: dict[str, PlausibleRange] = {}
    beside: dict[str, frozenset[str]] = {}
    with_article: set[str] = set()
    packaged = resources.files("streams").joinpath(DEFAULT_RESOURCE).read_text(encoding="utf-8")
    _add(tomllib.loads(packaged), names, exact, ranges, DEFAULT_RESOURCE, beside, with_article)
    if extra_path is not None:
        extra = tomllib.loads(extra_path.read_text(encoding="utf-8"))
        _add(extra, names, exact, ranges, str(extra_path), beside, with_article)
    return IndexRegistry(names, exact, ranges, beside, frozenset(with_article))


@lru_cache(maxsize=1)
def default_registry() -> IndexRegistry:
    """The packaged registry, loaded once."""
    return load_registry()
