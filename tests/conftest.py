"""Shared fixtures: the bundled samples and their normalized documents."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gazette.normalize import Document, normalize, read_source
from gazette.normalize.model import Source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
#: Excerpts of real PDFs (``SOURCES.md`` there says what each shows).
PDF_DATA = DATA / "pdf"
SEEDS = ("000", "001", "002", "003", "004")


def sample_path(seed: str) -> Path:
    """The bundled sample whose name starts with ``seed``."""
    return next(SAMPLES.glob(f"{seed}_*.txt"))


@cache
def source(seed: str) -> Source:
    return read_source(sample_path(seed))


@cache
def document(seed: str) -> Document:
    """The normalized document of a sample (shared, do not mutate)."""
    return normalize(source(seed))


@pytest.fixture(autouse=True)
def _run_in_repo_root(monkeypatch):
    """Doctests and tests refer to ``samples/…`` relative to the repository."""
    monkeypatch.chdir(ROOT)
