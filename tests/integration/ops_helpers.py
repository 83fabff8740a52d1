"""Reading the worker's web endpoints from tests: /metrics parsed, /health answered, JSON log lines."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from streams.settings import Settings

Samples = dict[str, list[tuple[dict[str, str], float]]]


def base_url(settings: Settings) -> str:
    return f"http://127.0.0.1:{settings.web_port}"


def http_get(url: str, timeout: float = 10.0) -> tuple[int, str, str]:
    """(status, content type, body) of a GET; an HTTP error status is returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


async def scrape(settings: Settings) -> Samples:
    """Every sample of the worker's /metrics, by sample name."""
    status, content_type, body = await asyncio.to_thread(http_get, f"{base_url(settings)}/metrics")
    assert status == 200, body
    assert content_type.startswith("text/plain"), content_type
    samples: Samples = defaultdict(list)
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            samples[sample.name].append((dict(sample.labels), sample.value))
    return samples


def total(samples: Samples, name: str, **labels: str) -> float:
    """Sum of the samples called ``name`` whose labels include ``labels``."""
    return sum(
        value for got, value in samples.get(name, []) if all(got.get(k) == v for k, v in labels.items())
    )


def json_log_lines(path: Path) -> list[dict[str, object]]:
    """The worker log's JSON lines (the worker writes JSON because its stderr is a file)."""
    out = []
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            out.append(json.loads(line))
    return out
