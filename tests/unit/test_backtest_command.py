"""``milestones backtest`` end to end (extraction + alert rules) reproduces the gold streams exactly.

Every seed stream, and every dev stream the floor lists as exact (tests/data/dev_floor.json): a
dev stream joins the list once extraction gets it right, and may not leave it. The others are
scored by tests/unit/test_dev_scores.py (alert precision and recall may only go up).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from schemas import Alert
from streams.offline import run_backtest
from tests.dev_scoring import load_floor
from tests.gold import GoldName, articles_dir, load_gold

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _streams(
    gold_set: GoldName, only: set[str] | None = None
) -> list[tuple[str, list[Path], list[dict[str, object]]]]:
    gold, folder = load_gold(gold_set), articles_dir(gold_set)
    return [
        (s["name"], [folder / name for name in s["order"]], s["alerts"])
        for s in gold["streams"]
        if only is None or s["name"] in only
    ]


STREAMS = _streams("seeds") + _streams("dev", set(load_floor()["exact_streams"]))


def _key(a: dict[str, object]) -> tuple[object, ...]:
    value = a.get("milestone") if a["kind"] == "milestone" else a.get("level")
    return (a["kind"], a["index"], a["direction"], None if value is None else float(value))  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "paths", "expected"), STREAMS, ids=[s[0] for s in STREAMS])
def test_backtest_gives_exactly_the_gold_alerts_in_order(
    name: str, paths: list[Path], expected: list[dict[str, object]]
) -> None:
    out = io.StringIO()
    assert run_backtest(paths, out=out) == 0
    alerts = [Alert.from_json_bytes(line) for line in out.getvalue().splitlines()]
    assert [_key(a.to_dict()) for a in alerts] == [_key(a) for a in expected]
    assert len({a.alert_id for a in alerts}) == len(alerts)


def test_seed_stream_has_the_evidence_the_walkthrough_names() -> None:
    """seeds-by-name: the Dow's 47,000 alert carries 000's sentence, level 47,207.12 and first_time."""
    _, paths, _ = STREAMS[0]
    out = io.StringIO()
    run_backtest(paths, out=out)
    dow = [a for a in map(Alert.from_json_bytes, out.getvalue().splitlines()) if a.index == "DJIA"]
    assert len(dow) == 1
    assert dow[0].level == 47207.12 and dow[0].first_time
    assert "for the first time in history" in dow[0].sentence


def test_pretty_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    _, paths, _ = STREAMS[0]
    out = io.StringIO()
    run_backtest(paths, pretty=True, out=out)
    text = out.getvalue()
    assert "4 alert(s)" in text and "milestone 50,000" in text and "NIKKEI225" in text
