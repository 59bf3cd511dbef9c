"""The archive: versioned BagIt packages, pointers, catalog, quarantine."""

from .ingest import Outcome, Rendering, archive_file, render, store
from .layout import ArchiveLayout

__all__ = ["ArchiveLayout", "Outcome", "Rendering", "archive_file", "render", "store"]
