"""Draw a PDF with a ruled table, as gazettes print their 附件 tables.

A table is given as rows of ``Spanned`` cells (HTML-like: a merged cell is
given once, in the row and column where it starts). Cells are drawn with
their rules, their text wrapped at the cell's width, header cells printed
twice a fraction of a point apart (bold by double printing, as some
typesetters do). Page content is a list of ``(kind, value)`` items laid
out top to bottom: ``text`` (a body line), ``title`` (centred), ``table``
(rows), ``columns`` (rows printed in columns without rules), ``box`` (a paragraph in a ruled frame), ``margin`` (a mark printed
in the left margin, outside the type area), ``page`` (a page break).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SIZE = 12.0
LEFT = 72.0
WIDTH, HEIGHT = A4
TOP = 90.0
PITCH = 22.0
CELL_PITCH = 14.0
PAD = 3.0


@dataclass
class Spanned:
    """A cell: its text and how many rows and columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def wrap(text: str, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` points."""
    lines, current = [], ""
    for ch in text:
        if current and pdfmetrics.stringWidth(current + ch, FONT, SIZE) > width:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current]


def place(rows: list[list[Spanned]]) -> list[tuple[int, int, Spanned]]:
    """Each cell with the row and column where it starts."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(rows):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            placed.append((r, col, cell))
            taken |= {(r + i, col + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
            col += cell.colspan
    return placed


def row_heights(rows: list[list[Spanned]], widths: list[float]) -> list[float]:
    """Each row as high as its tallest single-row cell needs."""
    heights = [CELL_PITCH + 2 * PAD] * len(rows)
    for r, col, cell in place(rows):
        if cell.rowspan == 1:
            width = sum(widths[col : col + cell.colspan]) - 2 * PAD
            heights[r] = max(heights[r], len(wrap(cell.text, width)) * CELL_PITCH + 2 * PAD)
    return heights


def draw_table(pdf: canvas.Canvas, top: float, rows: list[list[Spanned]], widths: list[float],
               bold_header: int = 0, rules: bool = True) -> float:
    """Draw a table from ``top``, with or without its rules; the first
    ``bold_header`` rows are printed twice (bold). Returns where it ends."""
    heights = row_heights(rows, widths)
    xs = [LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
    tops = [top + sum(heights[:i]) for i in range(len(heights) + 1)]
    for r, col, cell in place(rows):
        x0, x1 = xs[col], xs[col + cell.colspan]
        y0, y1 = tops[r], tops[r + cell.rowspan]
        if rules:
            pdf.rect(x0, HEIGHT - y1, x1 - x0, y1 - y0)
        for number, line in enumerate(wrap(cell.text, x1 - x0 - 2 * PAD)):
            y = HEIGHT - (y0 + PAD + number * CELL_PITCH + SIZE)
            pdf.drawString(x0 + PAD, y, line)
            if r < bold_header:
                pdf.drawString(x0 + PAD + 0.3, y, line)
    return tops[-1]


def write_ruled_pdf(path: Path, content: list[tuple[str, object]], widths: list[float],
                    bold_header: int = 0) -> Path:
    """Draw the content, a page number ``— N —`` at the foot of every page."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, SIZE)
    y, number = TOP, 1
    for kind, value in content:
        if kind == "page":
            number = _next_page(pdf, number)
            y = TOP
        elif kind in ("table", "columns"):
            y = draw_table(pdf, y, value, widths, bold_header, rules=kind == "table") + PITCH - SIZE
        elif kind == "box":
            lines = wrap(value, sum(widths) - 2 * PAD)
            pdf.rect(LEFT, HEIGHT - (y + len(lines) * CELL_PITCH + 2 * PAD), sum(widths),
                     len(lines) * CELL_PITCH + 2 * PAD)
            for i, line in enumerate(lines):
                pdf.drawString(LEFT + PAD, HEIGHT - (y + PAD + i * CELL_PITCH + SIZE), line)
            y += len(lines) * CELL_PITCH + 2 * PAD + PITCH - SIZE
        elif kind == "margin":
            pdf.drawString(20.0, HEIGHT - y - SIZE, value)
        else:
            x = (2 * LEFT + sum(widths) - pdfmetrics.stringWidth(value, FONT, SIZE)) / 2 if kind == "title" else LEFT
            pdf.drawString(x, HEIGHT - y - SIZE, value)
            y += PITCH
    _foot(pdf, number)
    pdf.save()
    return path


def _next_page(pdf: canvas.Canvas, number: int) -> int:
    _foot(pdf, number)
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    return number + 1


def _foot(pdf: canvas.Canvas, number: int) -> None:
    pdf.setFont(FONT, 10.0)
    pdf.drawCentredString(WIDTH / 2, HEIGHT - 810.0, f"— {number} —")
    pdf.setFont(FONT, SIZE)
