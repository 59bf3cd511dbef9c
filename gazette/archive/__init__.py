"""The archive: versioned BagIt packages, pointers, catalog, quarantine."""

from .ingest import Outcome, archive_file, store
from .layout import ArchiveLayout

__all__ = ["ArchiveLayout", "Outcome", "archive_file", "store"]
