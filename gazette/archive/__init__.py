"""The archive: one package per source, written atomically."""

from .ingest import ArchiveResult, Rendering, archive_source, render, store
from .package import package_name, write_package

__all__ = ["ArchiveResult", "Rendering", "archive_source", "package_name", "render", "store", "write_package"]
