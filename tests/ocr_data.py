"""Real OCR output kept as test data, so that the OCR repairs are tested
without running the engine.

Each file of ``tests/data/ocr/`` holds the lines the OCR reader gave for a
few pages (text, confidence, geometry, furniture), the engine, and where the
pages came from. ``python -m tests.ocr_data SHARED`` makes them again from
the real PDFs in ``SHARED/real/pdf`` (``../shared`` of the repository; names after it: only those):
pages of the scanned AMAC 公文 and GJB standard, and scans made here of
pages of the Hangzhou 公文 (``scan_maker``).
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from dataclasses import asdict
from pathlib import Path

import pypdf

from gazette.normalize.model import Geometry, Line, Notice, OcrPage, Source
from gazette.normalize.read.pdf.reader import read_pdf

from .scan_maker import scan

DATA = Path(__file__).resolve().parent / "data" / "ocr"
#: name → (PDF in shared/real/pdf, pages kept, made into a scan here).
PAGES = {
    "amac_scan": ("scan_amac_discipline-decision-2025-334.pdf", [1, 2, 3, 4], False),
    "gjb_scan": ("scan_gjb9001c-2017.pdf", [1, 2, 3, 6, 9, 12, 13, 18, 19], False),
    "gjb_figure": ("scan_gjb9001c-2017.pdf", [7], False),  # 图1's labels stand apart like a table's cells
    "hangzhou_rendered": ("gongwen_hangzhou_hangzhenghan-2024-16.pdf", [1, 2, 34], True),
}


def load(name: str) -> Source:
    """The OCR'd source saved under ``name`` (as the reader gave it)."""
    saved = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    lines = [Line(**{**line, "geometry": Geometry(**line["geometry"])}) for line in saved["lines"]]
    ocr = [OcrPage(**{**page, "doubtful": tuple(tuple(d) for d in page["doubtful"])}) for page in saved["ocr"]]
    digest = hashlib.sha256(json.dumps(saved, ensure_ascii=False).encode()).hexdigest()
    notices = [Notice(**notice) for notice in saved["notices"]]
    return Source(f"{name}.pdf", digest, "pdf", lines, b"", "pdf", notices, ocr)


def excerpt(data: bytes, pages: list[int]) -> bytes:
    """The pages (1-based) of a PDF as a PDF of their own."""
    reader, writer = pypdf.PdfReader(io.BytesIO(data)), pypdf.PdfWriter()
    for number in pages:
        writer.add_page(reader.pages[number - 1])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save(name: str, shared: Path) -> None:
    """OCR the pages of ``PAGES[name]`` and keep what the reader gave."""
    file, pages, rendered = PAGES[name]
    data = excerpt((shared / "real" / "pdf" / file).read_bytes(), pages)
    source = read_pdf(scan(data, dpi=200) if rendered else data, f"{name}.pdf")
    kept = {"from": file, "pages": pages, "rendered": rendered,
            "lines": [{k: v for k, v in asdict(line).items() if k != "grid"} for line in source.lines],
            "ocr": [asdict(page) for page in source.ocr], "notices": [asdict(n) for n in source.notices]}
    (DATA / f"{name}.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":  # python -m tests.ocr_data SHARED [NAME...]
    for key in sys.argv[2:] or PAGES:
        save(key, Path(sys.argv[1]))
