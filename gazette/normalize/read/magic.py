"""What a source's bytes are, told by their first bytes: the one check the
PDF reader, OCR and the choice of reader share (OCR cannot import the PDF
reader, which imports it).

>>> is_pdf(b"%PDF-1.7 ..."), is_pdf(b"PK\\x03\\x04 OFD.xml")
(True, False)
"""

from __future__ import annotations


def is_pdf(data: bytes) -> bool:
    """Whether the bytes start like a PDF (``%PDF-`` within the first KiB)."""
    return b"%PDF-" in data[:1024]
