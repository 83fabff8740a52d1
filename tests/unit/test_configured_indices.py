"""An index added by configuration (MILESTONES_INDICES_PATH / --indices) is read like a contract index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.cli import main

EXTRA = """
[[index]]
id = "PSEI"
names = ["PSEi", "Philippine Stock Exchange index"]
range = [1_000, 50_000]
"""
ARTICLE = "Manila shares climb\nThe Philippine Stock Exchange index rose 1.3% to 6,512.40 on Tuesday.\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    extra = tmp_path / "indices.toml"
    extra.write_text(EXTRA)
    article = tmp_path / "manila.txt"
    article.write_text(ARTICLE)
    return extra, article


def _moves(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return list(json.loads(capsys.readouterr().out)["moves"])


def test_unknown_index_is_not_guessed(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, article = files
    assert main(["extract", str(article)]) == 0
    assert _moves(capsys) == []


def test_flag_adds_the_index(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    extra, article = files
    assert main(["extract", "--indices", str(extra), str(article)]) == 0
    [move] = _moves(capsys)
    assert (move["index"], move["direction"], move["change_pct"], move["level"]) == (
        "PSEI",
        "up",
        1.3,
        6512.4,
    )


def test_setting_adds_the_index(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    extra, article = files
    monkeypatch.setenv("MILESTONES_INDICES_PATH", str(extra))
    assert main(["extract", str(article)]) == 0
    assert [m["index"] for m in _moves(capsys)] == ["PSEI"]
