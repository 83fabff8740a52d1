"""Refuse compiled extraction modules built from other sources than the ones beside them.

Why: ``setup.py`` compiles ``streams/extract`` with mypyc into extension modules next to the
``.py`` files, and Python imports an extension module before a ``.py`` of the same name. After
an edit (or a ``git pull``) without a rebuild, the old compiled code would run while the new
source is read, tested and reviewed. So the build records each source's SHA-256, and this
check compares them on import; a mismatch stops the import with what to do.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

__all__ = ["StaleCompiledModules", "check_compiled_sources", "compiled"]

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "_native_sources.json"


class StaleCompiledModules(ImportError):
    """The compiled extraction modules do not match their sources."""


def compiled(directory: Path = HERE) -> bool:
    """True when the extraction modules in ``directory`` are mypyc-compiled extension modules."""
    return any(directory.glob("_native__mypyc*.so")) or any(directory.glob("_native__mypyc*.pyd"))


def check_compiled_sources(directory: Path = HERE) -> None:
    """Raise ``StaleCompiledModules`` when compiled modules here were built from other sources."""
    if not compiled(directory):
        return
    manifest = directory / MANIFEST.name
    recorded: dict[str, str] = json.loads(manifest.read_text()) if manifest.exists() else {}
    changed = sorted(
        name
        for name, digest in recorded.items()
        if not (directory / name).exists()
        or hashlib.sha256((directory / name).read_bytes()).hexdigest() != digest
    )
    if changed or not recorded:
        what = ", ".join(changed) if changed else "the record of their sources is missing"
        raise StaleCompiledModules(
            f"compiled extraction modules in {directory} do not match their sources ({what}); "
            "rebuild them with `make compile`, or delete streams/extract/*.so to run pure Python"
        )
