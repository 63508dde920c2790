"""Shared fixtures: the spaCy pipeline loads once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from haiti_claims import nlp as nlp_module
from haiti_claims.config import DEFAULT
from haiti_claims.extract import Extractor
from haiti_claims.subjects import SubjectReader

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = Path(__file__).resolve().parent / "corpora"


@pytest.fixture(autouse=True)
def claim_store(tmp_path_factory, monkeypatch) -> Path:
    """Each test's claim store lives in a temporary folder, never beside the articles (data/, ../shared)."""
    path = tmp_path_factory.mktemp("claim-store") / "claims.sqlite"
    monkeypatch.setenv("HAITI_CLAIMS_STORE", str(path))
    return path


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


@pytest.fixture(scope="session")
def extractor(nlp):
    return Extractor(nlp, DEFAULT)


@pytest.fixture(scope="session")
def read_subject():
    return SubjectReader(DEFAULT.lexicon)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds" / "gold.json").is_file():
        pytest.skip(f"../shared is absent ({SHARED}): the seed articles, gold file and scorer live there")
    return SHARED
