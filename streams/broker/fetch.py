"""Fetch the Apache Kafka broker jars from Maven Central, once, into a project-local cache.

Why Maven: Kafka's jars are on Maven Central, which every machine of this project (and CI) reaches,
while the Kafka tarball host is not. ``broker/pom.xml`` is the single place the version is chosen;
we read it from there and let ``maven-dependency-plugin`` copy the runtime classpath into
``.cache/kafka/<version>/lib``. A fresh clone is self-contained: Maven's repository is
``.cache/m2``, not ``~/.m2``. A marker file written after a successful copy makes a half-finished
download (killed CI job) count as missing, and a file lock keeps two processes from fetching at once.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from streams.broker.errors import FetchFailed, ToolMissing

__all__ = ["cache_dir", "ensure_kafka_jars", "java_executable", "kafka_version", "pom_path"]

_REPO_ROOT = Path(__file__).resolve().parents[2]
_POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
_MIN_JAVA = 17  # Kafka 4.x brokers need Java 17+
_MAVEN_TIMEOUT_S = 900


def cache_dir() -> Path:
    """Where jars, Maven's repository and broker state live (git-ignored ``.cache/``).

    The checkout's ``.cache/`` when running from a checkout (the editable install), else that of
    the checkout in the working directory; an installed wheel outside any checkout uses the
    user's cache folder, never its own site-packages.
    """
    override = os.environ.get("MILESTONES_CACHE_DIR")
    if override:
        return Path(override)
    for root in (_REPO_ROOT, Path.cwd()):
        if (root / "broker" / "pom.xml").is_file():
            return root / ".cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "market-milestones"


def pom_path() -> Path:
    """The ``broker/pom.xml`` of this checkout; brokers are a source-checkout feature."""
    for root in (_REPO_ROOT, Path.cwd()):
        candidate = root / "broker" / "pom.xml"
        if candidate.is_file():
            return candidate
    raise FetchFailed(
        "broker/pom.xml not found: run from a source checkout of market-milestones, "
        "or point KAFKA_BOOTSTRAP_SERVERS at a running broker"
    )


def kafka_version(pom: Path | None = None) -> str:
    """The Kafka version pinned in ``broker/pom.xml`` (``<kafka.version>``)."""
    root = ET.parse(pom or pom_path()).getroot()
    node = root.find("m:properties/m:kafka.version", _POM_NS)
    if node is None or not (node.text or "").strip():
        raise FetchFailed("broker/pom.xml has no <kafka.version> property")
    return (node.text or "").strip()


def java_executable() -> str:
    """Path of a Java >= 17, or a :class:`ToolMissing` saying how to install one."""
    java = shutil.which("java")
    if java is None:
        raise ToolMissing(
            "java not found on PATH: install OpenJDK 17 (apt-get install openjdk-17-jre-headless)"
        )
    out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if match:
        major = int(match.group(1))
        if major == 1 and match.group(2):  # "1.8.0_x" style
            major = int(match.group(2))
        if major < _MIN_JAVA:
            raise ToolMissing(
                f"java {major} found at {java}, but Kafka 4 needs Java {_MIN_JAVA}+: "
                "install OpenJDK 17 (apt-get install openjdk-17-jre-headless)"
            )
    return java


def _maven_executable() -> str:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ToolMissing(
            "mvn not found on PATH: install Maven (apt-get install maven) to fetch the Kafka jars"
        )
    return mvn


def ensure_kafka_jars(cache: Path | None = None) -> Path:
    """Return the folder of Kafka runtime jars, running Maven (quietly, retried once) only if missing."""
    cache = cache or cache_dir()
    pom = pom_path()
    version = kafka_version(pom)
    lib = cache / "kafka" / version / "lib"
    marker = lib.parent / ".complete"
    if marker.is_file():
        return lib
    lib.parent.mkdir(parents=True, exist_ok=True)
    with open(lib.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be fetching the same version
        if marker.is_file():
            return lib
        _run_maven(pom, cache / "m2", lib)
        marker.write_text(version + "\n")
    return lib


def _run_maven(pom: Path, repo: Path, lib: Path) -> None:
    """Copy the runtime classpath into ``lib``; one retry covers a flaky download on CI."""
    mvn = _maven_executable()
    cmd = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(pom),
        f"-Dmaven.repo.local={repo}",
        f"-Dkafka.lib.dir={lib}",
        "dependency:copy-dependencies",
    ]
    error = ""
    for _attempt in range(2):
        shutil.rmtree(lib, ignore_errors=True)  # never mix jars of a failed attempt
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=_MAVEN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            error = f"timed out after {_MAVEN_TIMEOUT_S}s"
            continue
        if done.returncode == 0 and any(lib.glob("kafka_2.13-*.jar")):
            return
        error = (done.stdout + done.stderr).strip()[-2000:] or f"exit code {done.returncode}"
    raise FetchFailed(f"Maven could not fetch the Kafka jars (tried twice): {' '.join(cmd)}\n{error}")
