"""Draw a text layer as the PDF it could have been extracted from.

Each non-blank line of the layer is printed on a line of its own, in
order, in ``STSong-Light``, a blank line (or several) leaving a line's
height of space (a PDF's text layer prints a gap as a blank line, a stacked
table's cells are set apart by them): the white space it starts with is its indent
(an ideographic space one character, an ASCII space half), a page number
line (``—８１—``) is printed at the foot of its page and ends the page, a
line that starts with a single space (where the layer marks a new page)
begins a page. So the PDF holds what
the layer holds (``书书书`` too, leader ``CCCC`` and all), laid out on pages:
reading it back must give what reading the layer gives.

``Layout`` gives the type size and the line pitch; a page holding more lines
than fit is set tighter, as a typesetter would, down to ``MIN_PITCH``; what
is left goes on a page of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from .pdf_maker import FONT, HEIGHT, WIDTH

#: The tightest pitch a crowded page is set at (its type 0.8 of it); more lines go on the next page.
MIN_PITCH = 8.0
_PAGE_NUMBER = regex.compile(r"^\s*[—－\-]\s*[0-9０-９]{1,4}\s*[—－\-]\s*$")
_INDENT = regex.compile(r"^[ \u3000\t]+")
#: The single space a text layer puts where a page begins.
_PAGE_START = regex.compile(r"^ (?=[^ \t])")


@dataclass(frozen=True)
class Layout:
    """Type size and pitch in points, the left and top margins; ``gaps``:
    blank lines leave a line's height (else they are dropped, every line
    at the same pitch)."""

    size: float = 12.0
    pitch: float = 20.0
    left: float = 72.0
    top: float = 72.0
    gaps: bool = True


def write_layer_pdf(layer: str, path: Path, layout: Layout = Layout()) -> Path:
    """Draw the layer's pages (see the module docstring); returns ``path``."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    for lines, number in _pages(layer, layout.gaps):
        room = HEIGHT - layout.top - 90.0
        pitch = max(min(layout.pitch, room / max(len(lines), 1)), MIN_PITCH)
        size = min(layout.size, 0.8 * pitch)
        y = layout.top
        for line in lines:
            if y > layout.top + room:  # more lines than the page holds at the smallest pitch: the next page
                pdf.showPage()
                y = layout.top
            if line is not None:
                indent = _INDENT.match(line)
                cells = sum(1.0 if ch == "\u3000" else 0.5 for ch in indent[0]) if indent else 0.0
                _draw(pdf, line.strip(), layout.left + cells * size, y, size)
            y += pitch
        if number is not None:
            _draw(pdf, number, (WIDTH - pdfmetrics.stringWidth(number, FONT, layout.size)) / 2, HEIGHT - 60.0,
                  layout.size)
        pdf.showPage()
    pdf.save()
    return path


def _pages(layer: str, gaps: bool) -> list[tuple[list[str | None], str | None]]:
    """The layer's pages: their lines (None for a gap: blank lines), and the page number printed at the foot."""
    pages: list[tuple[list[str | None], str | None]] = []
    lines: list[str | None] = []
    for raw in layer.splitlines():
        if not raw.strip():
            if gaps and lines and lines[-1] is not None:
                lines.append(None)
            continue
        if _PAGE_NUMBER.match(raw):
            pages.append((lines, raw.strip()))
            lines = []
            continue
        if _PAGE_START.match(raw) and any(line is not None for line in lines):
            pages.append((lines, None))
            lines = []
        lines.append(raw)
    if lines:
        pages.append((lines, None))
    return pages


def _draw(pdf: canvas.Canvas, text: str, x: float, top: float, size: float) -> None:
    pdf.setFont(FONT, size)
    pdf.drawString(x, HEIGHT - top - size, text)
