"""Inputs that cost a reader time or memory out of proportion to their size,
for the budget tests and ``bench/bench_limits.py``.

* ``long_line(shape, size)``: one line of ``size`` bytes (UTF-8) of a shape
  that once made a pass quadratic in the line's length: letter-spaced
  characters (cell gaps, spurious spaces), a table row (cell gaps with
  brackets and units), wide gaps between names (field gaps), full-width
  digits and letters (an edit every few characters);
* ``bomb_pdf(megabytes)``: a one-page PDF whose Flate content stream inflates
  to ``megabytes`` MiB of text operators (a few KB of file: pdfminer makes an
  object of every character).

>>> len(long_line("letter-spaced", 1000).encode()) >= 1000, long_line("table-row", 60)[:16]
(True, '科技创新 ２４ ７０９０ （个）')
>>> bomb_pdf(0.01)[:8], len(bomb_pdf(1)) < 8000
(b'%PDF-1.4', True)
"""

from __future__ import annotations

import zlib

SHAPES = {
    "letter-spaced": lambda n: " ".join("行动方案数字政府建设"[i % 10] for i in range(n)),
    "table-row": lambda n: " ".join(["科技创新", "２４", "７０９０", "（个）", "３３５７", "６", "２"][i % 7] for i in range(n)),
    "field-gaps": lambda n: "　 ".join(["浙江省医疗保障局", "浙江省财政厅"][i % 2] for i in range(n)),
    "full-width": lambda n: "２０２２年ＡＢ，" * n,
}


def wide_table(columns: int, rows: int = 30) -> str:
    """A notice whose table has ``columns`` heads parted by two spaces and
    numbered rows parted by one, three of each row's cells holding a space
    of their own (``数值15 甲``): each row shows three cells more than the
    table has columns, and where to join them is to be chosen."""
    heads = "  ".join(["序号"] + [f"指标{column}" for column in range(1, columns)])
    lines = []
    for row in range(1, rows + 1):
        cells = [str(row)] + [f"数值{row}{column}" for column in range(1, columns)]
        for column, word in ((2, "甲"), (columns // 2, "乙"), (columns - 1, "丙")):
            cells[column] += " " + word
        lines.append(" ".join(cells))
    return "关于印发指标表的通知\n\n" + heads + "\n" + "\n".join(lines) + "\n"


def long_line(shape: str, size: int) -> str:
    """The shortest line of ``shape`` that is at least ``size`` bytes long."""
    make = SHAPES[shape]
    low, high = 0, 1
    while len(make(high).encode()) < size:
        low, high = high, 2 * high
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if len(make(middle).encode()) < size else (low, middle)
    return make(high)


def bomb_pdf(megabytes: float) -> bytes:
    """A valid one-page PDF whose content stream inflates to ``megabytes`` MiB."""
    line = b"(" + b"A" * 60 + b") ' "
    operators = b"BT /F1 9 Tf 36 800 Td 11 TL " + line * int(megabytes * 2**20 / len(line)) + b"ET"
    stream = zlib.compress(operators, 9)
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, table)
    return bytes(out)
