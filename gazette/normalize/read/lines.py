"""Printed lines from a page's characters, whatever their fonts.

pdfplumber's own line grouping compares the tops of glyph boxes, and a
font's box may sit far from its neighbours' on the same printed line:
Founder typesetting puts its digits in a separate font whose boxes hang
11.7 pt below the Han characters (``川办规〔 〕 号`` over ``２０２５ ６``),
quotes and Latin in Arial sit 3 pt off SimSun. Here a character joins the
line it shares a baseline with (the ``f`` of its text matrix, within a
quarter of its size), or whose box it overlaps by at least half its own
height (a superscript, a raised footnote mark); within a line, characters
are read left to right, with a space where the gap between two exceeds
``x_tolerance`` or a blank character (a space, an ideographic space
``\u3000``) lies between them. Blank characters set no line's extent, so a
line indented by spaces starts where its first glyph does.

The lines have the shape of pdfplumber's ``extract_text_lines`` (``text``,
``x0``, ``x1``, ``top``, ``bottom``, ``chars``), so the table finders read
them as before.

>>> def char(text, x, top, baseline, size=14.7):
...     return {"text": text, "x0": x, "x1": x + size, "top": top, "bottom": top + size, "size": size,
...             "matrix": (1, 0, 0, 1, x, baseline)}
>>> chars = [char("川", 100, 435.5, 395.2), char("办", 115, 435.5, 395.2), char("〔", 130, 435.5, 395.2),
...          char("２", 145, 447.2, 395.2, 7.4), char("〕", 152.4, 435.5, 395.2), char("号", 167.1, 435.5, 395.2)]
>>> [line["text"] for line in printed_lines(chars)]
['川办〔２〕号']
>>> [line["x0"] for line in printed_lines([char("\u3000", 72, 100, 114), char("特", 86.7, 100, 114)])]
[86.7]
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Two characters share a baseline within this share of the larger size.
BASELINE_TOLERANCE = 0.25
#: A character joins a line whose box it overlaps by this share of its own height.
MIN_OVERLAP = 0.5
#: A gap wider than this (points) between two characters of a line is a space.
X_TOLERANCE = 3.0
#: Gaps are compared to a thousandth of a point: a gap of exactly 3 pt is
#: no space whether arithmetic on the boxes makes it 3.0000000000001 (pdfminer)
#: or 2.99997 (PDFium's single precision).
_PRECISION = 0.001


@dataclass
class _Line:
    baseline: float
    top: float
    bottom: float
    size: float
    chars: list[dict] = field(default_factory=list)

    def takes(self, char: dict) -> bool:
        """Whether ``char`` is printed on this line (same baseline, or most of it inside)."""
        size = max(self.size, char["size"])
        if abs(_baseline(char) - self.baseline) <= BASELINE_TOLERANCE * size:
            return True
        overlap = min(self.bottom, char["bottom"]) - max(self.top, char["top"])
        return overlap >= MIN_OVERLAP * max(char["bottom"] - char["top"], 0.1)

    def add(self, char: dict) -> None:
        self.chars.append(char)
        if char["size"] >= self.size:  # the line's baseline is that of its largest type
            self.baseline, self.size = _baseline(char), char["size"]
        self.top, self.bottom = min(self.top, char["top"]), max(self.bottom, char["bottom"])


def _baseline(char: dict) -> float:
    matrix = char.get("matrix")
    return -matrix[5] if matrix else char["bottom"]


def printed_lines(chars: list[dict], x_tolerance: float = X_TOLERANCE) -> list[dict]:
    """The printed lines of characters, top to bottom, each read left to
    right (see the module docstring)."""
    lines: list[_Line] = []
    for char in sorted(chars, key=lambda c: (_baseline(c), c["x0"])):
        line = next((candidate for candidate in reversed(lines[-8:]) if candidate.takes(char)), None)
        if line is None:
            lines.append(_Line(_baseline(char), char["top"], char["bottom"], char["size"], [char]))
        else:
            line.add(char)
    ordered = sorted(lines, key=lambda line: line.top)
    return [_as_dict(line, x_tolerance) for line in ordered if any(not _blank(c) for c in line.chars)]


def _blank(char: dict) -> bool:
    return char["text"].isspace()


def _as_dict(line: _Line, x_tolerance: float) -> dict:
    """The line's text, extent and printed (non-blank) characters."""
    glyphs: list[dict] = []
    text: list[str] = []
    blank_before = False
    for char in sorted(line.chars, key=lambda char: char["x0"]):
        if _blank(char):
            blank_before = True
            continue
        if glyphs and (blank_before or char["x0"] - glyphs[-1]["x1"] > x_tolerance + _PRECISION):
            text.append(" ")
        glyphs.append(char)
        text.append(char["text"])
        blank_before = False
    return {"text": "".join(text), "x0": glyphs[0]["x0"], "x1": max(c["x1"] for c in glyphs),
            "top": line.top, "bottom": line.bottom, "chars": glyphs}
