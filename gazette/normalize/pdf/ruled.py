"""Tables a PDF draws with rules: pdfplumber's table finder on the rules.

pdfplumber's table finder (``Page.find_tables``, "lines" strategy) turns a
page's ruling lines into cells; ``grid.table_of`` reads the text into them.
Pages without any rule are not searched.
"""

from __future__ import annotations

from .grid import PageTable, table_of
from .settings import PdfSettings


def find_ruled_tables(page, text_lines: list[dict], settings: PdfSettings) -> list[PageTable]:
    """The ruled tables of a page, read from its text lines' characters."""
    if not settings.ruled_tables or not page.edges:
        return []
    tables = (table_of(found.cells, text_lines, settings, ruled=True) for found in page.find_tables())
    return [table for table in tables if table is not None]
