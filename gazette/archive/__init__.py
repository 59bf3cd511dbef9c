"""The archive: versioned BagIt packages, pointers, catalog, quarantine."""

from .budget import Limits
from .ingest import Outcome, archive_file, store
from .layout import ArchiveLayout

__all__ = ["ArchiveLayout", "Limits", "Outcome", "archive_file", "store"]
