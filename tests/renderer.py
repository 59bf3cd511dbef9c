"""Render clean paragraphs the way a gazette PDF text layer shows them.

Used by the round-trip test: clean text → (this renderer) → a text layer
with the artefacts of a gazette text layer (README, "What gets repaired")
that reflow and the character rules must undo → pipeline → compare with
the clean text.

What it does, all seeded and deterministic:

* digits and Latin letters full width with spaces around runs (``到 ２０２５ 年``),
  ``%`` → ``％``, ``+`` → `` ＋``, decimal points kept with a space after
  (``０． ０３``) or lost before a unit (``１０３０ ００ 米``);
* hard wraps at a column of ``width`` cells (ASCII counts half, as printed),
  first lines two cells shorter (the indent); headings, titles, dates and
  signatures on lines of their own;
* pages of ``lines_per_page`` lines: a page number ``—N—`` at the foot, a
  running head after it on even pages, a single leading space where a new
  page begins, a blank line between every line.
"""

from __future__ import annotations

import random

import regex

_NUMBER = regex.compile(r"[0-9A-Za-z]+(?:[.%/\-:][0-9A-Za-z]+)*%?(?:\.(?=\p{Han}))?")
_DECIMAL_BEFORE_UNIT = regex.compile(r"(\d+)\.(\d{1,2})(?=米|亿|万)")


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def render_characters(paragraph: str, rng: random.Random) -> str:
    """Full-width digits with spaces around them, lost or spaced decimal points."""

    def number(match: regex.Match) -> str:
        token = match[0]
        lost = _DECIMAL_BEFORE_UNIT.fullmatch(token + "米") and rng.random() < 0.5
        token = regex.sub(r"\.(?=\d)", ". " if not lost else " ", token) if "." in token else token
        if token.endswith(".") and not lost:  # list marker: １．推进
            return f" {to_full_width(token)}"
        return f" {to_full_width(token)} "

    text = _NUMBER.sub(number, paragraph)
    text = text.replace("+", " ＋")
    return regex.sub(r"^ | $", "", text).replace("  ", " ")


def cell_width(text: str) -> float:
    """Printed width: full-width digits and Latin letters are half-width glyphs."""
    return sum(0.5 if (c < "\u0100" or "\uff01" <= c <= "\uff5e") else 1.0 for c in text if c != " ")


_TOKEN = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ]+|.", regex.S)


def wrap(text: str, width: int, indent: int) -> list[str]:
    """Cut a paragraph into lines of ``width`` cells; the first is indented.

    Latin words are not cut (typesetters move them whole to the next line).
    """
    lines, current, room = [], "", width - indent
    for token in _TOKEN.findall(text):
        if current and cell_width(current + token) > room:
            lines.append(current)
            current, room = "", width
        current += token
    return lines + [current] if current else lines


def paginate(lines: list[str], lines_per_page: int, first_page: int, head: str) -> list[str]:
    out: list[str] = []
    for start in range(0, len(lines), lines_per_page):
        page_lines = list(lines[start : start + lines_per_page])
        page_no = first_page + start // lines_per_page
        if start:
            page_lines[0] = " " + page_lines[0]
        out += page_lines
        out.append(f"—{to_full_width(str(page_no))}—")
        if page_no % 2 == 0:
            out.append(head)
    return out


def render(paragraphs: list[tuple[str, str]], seed: int = 0, width: int = 38,
           lines_per_page: int = 29, head: str = "某某省人民政府公报 ２０２３ 年第 ５ 期") -> str:
    """Render (kind, text) paragraphs as a gazette text layer."""
    rng = random.Random(seed)
    lines: list[str] = []
    for kind, text in paragraphs:
        rendered = render_characters(text, rng)
        if kind == "paragraph":
            lines += wrap(rendered, width, indent=2)
        else:
            lines += wrap(rendered, width, indent=0)
    return "\n\n".join(paginate(lines, lines_per_page, first_page=3, head=head)) + "\n"
