"""Build hook: the pure extraction core compiled to C with mypyc (package metadata is in pyproject.toml).

Why: extraction is the largest share of the worker's CPU per article, and after the
algorithmic work (bench/README.md) what is left is Python interpretation spread over many
small functions. mypyc compiles the type-annotated modules of ``streams/extract`` as they are
(same source, same output: the benchmark corpus, the seeds and the dev set extract byte for
byte the same), about 1.5x faster.

- ``pip install .`` / ``pip install -e .`` compile (a C compiler is needed); with
  ``MILESTONES_PURE_PYTHON=1`` they do not, and everything runs as plain Python.
- The sources each build compiled are recorded (``_native_sources.json``); importing
  ``streams.extract`` refuses compiled modules whose sources have changed since
  (``streams/extract/_native_check.py``): rebuild with ``make compile``.
- ``MILESTONES_EDITABLE_NO_COMPILE=1`` (``make venv``'s editable install) builds nothing and
  leaves whatever is compiled in place alone: ``make compile`` then builds in place, so a fresh
  checkout compiles the core once, not twice.
- ``fold.py`` stays interpreted: it sets regex attributes dynamically, which compiled classes
  do not allow.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
EXTRACT = HERE / "streams" / "extract"
INTERPRETED = {"__init__.py", "_native_check.py", "fold.py"}
MANIFEST = EXTRACT / "_native_sources.json"


def compiled_modules() -> list:
    if os.environ.get("MILESTONES_EDITABLE_NO_COMPILE"):
        return []
    if os.environ.get("MILESTONES_PURE_PYTHON"):
        MANIFEST.unlink(missing_ok=True)
        for built in EXTRACT.glob("*.so"):  # an earlier compiled build would shadow the sources
            built.unlink()
        return []
    from mypyc.build import mypycify

    sources = [p for p in sorted(EXTRACT.glob("*.py")) if p.name not in INTERPRETED]
    MANIFEST.write_text(
        json.dumps({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources}, indent=1) + "\n"
    )
    paths = [str(p.relative_to(HERE)) for p in sources]
    return mypycify(
        ["--config-file", str(HERE / "mypyc.ini"), *paths],
        opt_level="3",
        group_name="streams.extract._native",  # one shared library, inside the package
    )


setup(ext_modules=compiled_modules())
