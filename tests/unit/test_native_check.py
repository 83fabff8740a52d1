"""Compiled extraction modules built from other sources than the ones beside them are refused.

Python imports an extension module before a .py of the same name, so after an edit without a
rebuild the old compiled code would run silently (streams/extract/_native_check.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

import streams.extract.moves
from streams.extract._native_check import StaleCompiledModules, check_compiled_sources, compiled


def _built(tmp_path: Path, sources: dict[str, str]) -> Path:
    for name, text in sources.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "_native__mypyc.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF")
    digests = {n: hashlib.sha256(t.encode()).hexdigest() for n, t in sources.items()}
    (tmp_path / "_native_sources.json").write_text(json.dumps(digests))
    return tmp_path


def test_matching_sources_pass(tmp_path: Path) -> None:
    check_compiled_sources(_built(tmp_path, {"moves.py": "x = 1\n", "quotes.py": "y = 2\n"}))


def test_an_edited_source_is_named_and_refused(tmp_path: Path) -> None:
    here = _built(tmp_path, {"moves.py": "x = 1\n", "quotes.py": "y = 2\n"})
    (here / "quotes.py").write_text("y = 3\n")
    with pytest.raises(StaleCompiledModules, match=r"\(quotes\.py\).*make compile"):
        check_compiled_sources(here)


def test_compiled_modules_without_their_record_are_refused(tmp_path: Path) -> None:
    here = _built(tmp_path, {"moves.py": "x = 1\n"})
    (here / "_native_sources.json").unlink()
    with pytest.raises(StaleCompiledModules, match="record of their sources is missing"):
        check_compiled_sources(here)


def test_pure_python_needs_no_record(tmp_path: Path) -> None:
    (tmp_path / "moves.py").write_text("x = 1\n")
    assert not compiled(tmp_path)
    check_compiled_sources(tmp_path)


@pytest.mark.skipif(bool(os.environ.get("MILESTONES_PURE_PYTHON")), reason="built as plain Python on purpose")
def test_this_install_runs_the_compiled_extraction() -> None:
    """`make test` tests what the worker runs: the mypyc build (setup.py)."""
    assert streams.extract.moves.__file__.endswith(".so"), streams.extract.moves.__file__
