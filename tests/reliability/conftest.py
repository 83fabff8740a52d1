"""Fixtures of the reliability suite: one generated corpus (and its backtest oracle) per session."""

from __future__ import annotations

import pytest

from tests.reliability.corpus import Corpus, build_corpus

CORPUS_SIZE = 2000


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """2,000 articles made from the seeds, written as files, with the alerts backtest gives for them."""
    return build_corpus(tmp_path_factory.mktemp("corpus"), CORPUS_SIZE)
