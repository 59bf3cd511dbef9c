"""The whole path over real published PDFs, against pdfplumber's bare extraction.

For each PDF of a folder (default ``../shared/real/pdf``, the real files the
project was measured on; any folder of PDFs will do) it prints: the outcome
(archived, or refused with the reason), page-number lines left in the XML's
text, the share of the Han characters of bare ``page.extract_text()`` that
are neither in the XML nor removed by a recorded repair ("lost": a
multiset difference, so a script conversion shows up here too) and the
share removed by recorded repairs (page furniture, table headers printed
again on later pages), tables written (of them kept raw) against the tables
pdfplumber's ``find_tables`` finds, and seconds per page of the whole path (read,
normalize, structure, validated XML) against bare ``extract_text`` (median
of ``--runs`` runs, in the same process); "ocr" counts the pages read by OCR
(pages without a text layer but with an image). ``--no-ocr`` reads the text
layer alone (``ocr_engine = "none"``), to time the text path by itself.

    .venv/bin/python bench/bench_real_pdf.py [FOLDER] [--runs 3] [--no-ocr]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pdfplumber
import regex
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_repairs import median_seconds  # noqa: E402

from gazette.normalize import SourceError, read_source  # noqa: E402
from gazette.normalize.read.settings import PdfSettings  # noqa: E402
from gazette.render import render  # noqa: E402

NS = {"g": "urn:gazette-archive:1"}
_HAN = regex.compile(r"\p{Han}")
#: A page number left in the text: a line (or a paragraph's edge) of a number between dashes, or bare.
_PAGE_NUMBER = regex.compile(r"^\s*[—－–\-]\s*\d{1,4}\s*[—－–\-]\s*$|^\s*\d{1,3}\s*$|[—－–\-]\s*\d{1,4}\s*[—－–\-]")


def bare(path: Path) -> tuple[str, int, int]:
    """pdfplumber's plain text, its page count and the tables it finds."""
    texts, tables = [], 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            tables += len(page.find_tables())
            page.close()
        return "\n".join(texts), len(pdf.pages), tables


def measure(path: Path, runs: int, settings: PdfSettings) -> dict:
    text, pages, found = bare(path)
    try:
        rendering = render(read_source(path, settings))
    except SourceError as error:
        return {"outcome": f"refused: {error.reason}", "pages": pages}
    root = etree.fromstring(rendering.xml)
    blocks = [("".join(e.itertext())).strip() for e in root.iter(f"{{{NS['g']}}}p", f"{{{NS['g']}}}heading",
                                                                     f"{{{NS['g']}}}title", f"{{{NS['g']}}}unplaced")]
    left = sum(1 for block in blocks if _PAGE_NUMBER.search(block) and len(block) < 12)
    printed = "".join(root.itertext()) + "".join(value for e in root.iter() for name, value in e.attrib.items()
                                                  if name in ("num", "label", "note"))
    removed = "".join(repair.before for repair in rendering.doc.repairs
                      if repair.op == "drop" or (repair.op == "table" and repair.after == "repeated header"))
    bare_han = Counter(_HAN.findall(text))
    missing = bare_han - Counter(_HAN.findall(printed)) - Counter(_HAN.findall(removed))
    whole = median_seconds(lambda: render(read_source(path, settings)), runs)
    baseline = median_seconds(lambda: bare(path), runs)
    return {"outcome": "archived", "pages": pages, "left": left,
            "missing": sum(missing.values()) / max(1, bare_han.total()),
            "removed": len(_HAN.findall(removed)) / max(1, bare_han.total()),
            "written": len(root.findall(".//g:table", NS)), "raw": len(root.findall(".//g:table[@raw='true']", NS)),
            "found": found, "ocr": len(rendering.doc.ocr),
            "per_page": whole / pages, "ratio": whole / baseline,
            "warnings": len(rendering.issue.warnings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "real" / "pdf")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-ocr", action="store_true", help="read text layers only (ocr_engine none)")
    args = parser.parse_args()
    settings = PdfSettings(ocr_engine="none") if args.no_ocr else PdfSettings()
    print(f"{'file':<44} {'outcome':<9} {'pp':>4} {'pn left':>7} {'Han lost':>8} {'removed':>7} "
          f"{'tables (raw)':>13} {'ocr':>4} {'s/page':>7} {'× bare':>6}")
    for path in sorted(args.folder.glob("*.pdf")):
        result = measure(path, args.runs, settings)
        if result["outcome"] != "archived":
            print(f"{path.name[:44]:<44} {result['outcome']}")
            continue
        tables = f"{result['written']}/{result['found']} ({result['raw']})"
        print(f"{path.name[:44]:<44} {'archived':<9} {result['pages']:>4} {result['left']:>7} "
              f"{result['missing']:>8.4f} {result['removed']:>7.4f} {tables:>13} {result['ocr']:>4} "
              f"{result['per_page']:>7.3f} {result['ratio']:>6.2f}")


if __name__ == "__main__":
    main()
