"""PDFium's numbers as the decimals a PDF writes.

PDFium computes in single precision (``696.1199951171875``), pdfminer in
double precision from the decimal the content stream wrote (``696.12``).
Rounded to a ten-thousandth of a point, PDFium's number is that decimal
again, so a gap of exactly 3 pt compares as 3 on both readers.

>>> exact(696.1199951171875), exact(12.000000178813934)
(696.12, 12.0)
"""

from __future__ import annotations


def exact(value: float) -> float:
    """``value`` rounded to a ten-thousandth (see the module docstring)."""
    return round(value, 4)
