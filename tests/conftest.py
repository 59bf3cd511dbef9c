"""Shared fixtures: the bundled samples and their normalized documents; the
hypothesis profiles (``ci``, the default: the same examples on every run;
``explore``: new and many more, chosen by ``HYPOTHESIS_PROFILE``)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from gazette.normalize import Document, normalize, read_source
from gazette.normalize.model import Source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
#: Excerpts of real PDFs (``SOURCES.md`` there says what each shows).
PDF_DATA = DATA / "pdf"
SEEDS = ("000", "001", "002", "003", "004")

settings.register_profile("ci", max_examples=40, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
