"""OCR engines compared on the same pages: character accuracy, fields, speed, memory.

    python bench/bench_ocr.py [--shared ../shared] [--engines rapidocr,tesseract] [--gjb-pages N]

For each engine, in the same run, each document is read in a fresh process
pinned to one core (peak RSS of that process, seconds per page of reading,
that is rendering and OCR and grouping):

* ``gjb scan``: the real 37-page scan of GJB 9001C—2017 against its real
  text-layer twin (40 pages: pages only one of them has are left out of the
  alignment, and the share of the twin that aligned is printed);
* ``hangzhou clean`` / ``hangzhou scanned``, ``gjb-text clean`` / ``gjb-text
  scanned``: scans made here (``tests/scan_maker``) of pages of the real
  Hangzhou 公文 and of the GJB text twin, clean renders and renders with skew,
  blur, noise and a red seal, against their own text layers;
* ``amac``: the real scanned 公文 (4 pages, red seal): its 文号, title,
  issuer and date against what it prints.

The two printings of GJB 9001C paginate differently, so the page numbers
of their 目次 differ where both are read right. A second row, ``gjb scan,
目次 left out``, compares them without their TOCs (each found by the
pipeline's ``document_toc``; for the raw OCR lines, the pages it stands on).

Character accuracy is 1 − edit distance / length of the truth, over Han
characters, digits and punctuation separately (each class compared as its
own sequence, white space ignored), for the raw OCR lines (page furniture
left out, as the reader marks it) and for the text after our repairs (the
document's blocks, tables included); the truth is the text layer through the same
pipeline. Needs the shared real PDFs; tesseract needs the Debian packages
``tesseract-ocr`` and ``tesseract-ocr-chi-sim``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import regex
from lxml import etree
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazette.normalize import Document, Source, normalize  # noqa: E402
from gazette.normalize.read.pdf.reader import read_pdf  # noqa: E402
from gazette.normalize.read.settings import PdfSettings  # noqa: E402
from gazette.normalize.structure.toc import document_toc  # noqa: E402
from gazette.render import render  # noqa: E402
from tests.ocr_data import excerpt  # noqa: E402
from tests.scan_maker import scan  # noqa: E402

CLASSES = {"han": regex.compile(r"\p{Han}"), "digits": regex.compile(r"[0-9]"),
           "punct": regex.compile(r"[\p{P}\p{S}]")}
#: A run of the truth (or of the OCR) this long with no counterpart is a page only one of them has.
UNMATCHED_RUN = 150
AMAC = {"docNumber": "中基协处分〔2025〕334号", "title": "纪律处分决定书", "issuer": "中国证券投资基金业协会",
        "date": "2025-11-25"}
NS = {"g": "urn:gazette-archive:1"}


def documents(shared: Path, gjb_pages: int) -> dict[str, tuple[bytes, bytes | None]]:
    """name → (scanned PDF, text-layer PDF of the same pages or None)."""
    real = shared / "real" / "pdf"
    gjb_scan = (real / "scan_gjb9001c-2017.pdf").read_bytes()
    gjb_text = (real / "standard_gjb9001c-2017_textlayer.pdf").read_bytes()
    hangzhou = excerpt((real / "gongwen_hangzhou_hangzhenghan-2024-16.pdf").read_bytes(), [1, 2, 3, 34])
    twin = excerpt(gjb_text, [6, 10, 14])
    clean = {"skew": 0.0, "blur": 0.0, "noise": 0.0, "seal": False}
    found = {
        "hangzhou clean": (scan(hangzhou, dpi=200, **clean), hangzhou),
        "hangzhou scanned": (scan(hangzhou, dpi=200), hangzhou),
        "gjb-text clean": (scan(twin, dpi=200, **clean), twin),
        "gjb-text scanned": (scan(twin, dpi=200), twin),
        "amac": ((real / "scan_amac_discipline-decision-2025-334.pdf").read_bytes(), None),
    }
    pages = list(range(1, min(gjb_pages, 37) + 1))
    found["gjb scan"] = (excerpt(gjb_scan, pages) if len(pages) < 37 else gjb_scan, gjb_text)
    return found


def read_in_child(path: Path, engine: str, out: Path) -> None:
    """Run in a fresh process on one core: read the scan, keep its texts."""
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    data = path.read_bytes()
    start = time.perf_counter()
    source = read_pdf(data, path.name, PdfSettings(ocr_engine=engine))
    seconds = time.perf_counter() - start
    doc = normalize(source)
    toc_pages = {block.page for block in toc_blocks(doc)}
    result = {"pages": len(source.ocr), "seconds": seconds,
              "raw": "".join(line.text for line in source.lines if line.furniture is None),
              "after": content(doc), "fields": fields_of(source),
              "raw_no_toc": "".join(line.text for line in source.lines
                                    if line.furniture is None and line.page not in toc_pages),
              "after_no_toc": content(doc, without_toc=True),
              "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              "confidence": sum(p.confidence for p in source.ocr) / max(len(source.ocr), 1)}
    out.write_text(json.dumps(result, ensure_ascii=False), "utf-8")


def fields_of(source: Source) -> dict[str, str | None]:
    """The 文号, title, issuer and ISO date of the first article (or why there are none)."""
    try:
        root = etree.fromstring(render(source).xml)
    except Exception as error:  # a failure to structure is a result here, printed with the fields
        return {"error": f"{type(error).__name__}: {error}"}
    date = root.find("g:article/g:signature/g:date", NS)
    title = root.find("g:article/g:title", NS)
    return {"docNumber": root.findtext("g:article/g:docNumber", namespaces=NS),
            "title": "".join(title.itertext()) if title is not None else None,
            "issuer": root.findtext("g:article/g:signature/g:issuer", namespaces=NS),
            "date": date.get("iso") if date is not None else None}


def content(doc: Document, without_toc: bool = False) -> str:
    """The text of every block but page furniture, tables included (and
    without the document's own TOC, if asked)."""
    left_out = {id(block) for block in toc_blocks(doc)} if without_toc else set()
    return "".join(block.text for block in doc.blocks if block.kind != "furniture" and id(block) not in left_out)


def toc_blocks(doc: Document) -> list:
    """The blocks of the document's own TOC (its head and entries), as structure finds it."""
    blocks = [block for block in doc.blocks if block.kind != "furniture"]
    found = document_toc([block.text for block in blocks], [block.page for block in blocks])
    return blocks[found[0] : found[1]] if found else []


def truth_of(text_pdf: bytes) -> tuple[str, str]:
    """The text layer's content through the same pipeline, with and without its TOC."""
    doc = normalize(read_pdf(text_pdf, "truth.pdf"))
    return content(doc), content(doc, without_toc=True)


def accuracy(truth: str, read: str, kind: str) -> tuple[float, float]:
    """(accuracy, share of the truth aligned) over one class of characters."""
    a, b = "".join(CLASSES[kind].findall(truth)), "".join(CLASSES[kind].findall(read))
    if not a:
        return float("nan"), 0.0
    edits, left_out = 0, 0
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b).as_list():
        if tag == "equal":
            continue
        if tag == "delete" and i2 - i1 >= UNMATCHED_RUN:
            left_out += i2 - i1
        elif not (tag == "insert" and j2 - j1 >= UNMATCHED_RUN):
            edits += max(i2 - i1, j2 - j1)
    aligned = len(a) - left_out
    return 1 - edits / aligned, aligned / len(a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--gjb-pages", type=int, default=37)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        read_in_child(Path(args.child[0]), args.child[1], Path(args.child[2]))
        return
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-ocr-{os.getpid()}"
    work.mkdir()
    docs = documents(args.shared, args.gjb_pages)
    truths = {name: truth_of(text) for name, (_, text) in docs.items() if text is not None}
    print("| engine | document | pages | s/page | peak MiB | mean conf | Han raw → repaired | digits raw → repaired "
          "| punct raw → repaired | aligned |")
    print("|---|---|---:|---:|---:|---:|---|---|---|---:|")
    for engine in args.engines.split(","):
        for name, (scanned, _) in docs.items():
            result = _run(work, name, scanned, engine)
            truth = truths.get(name)
            _print(engine, name, result, truth[0] if truth else None)
            if name == "gjb scan" and truth:
                body = {**result, "raw": result["raw_no_toc"], "after": result["after_no_toc"]}
                _print(engine, f"{name}, 目次 left out", body, truth[1])


def _run(work: Path, name: str, scanned: bytes, engine: str) -> dict:
    path = work / f"{name.replace(' ', '_')}.pdf"
    path.write_bytes(scanned)
    out = work / f"{path.stem}-{engine}.json"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1"}
    subprocess.run([sys.executable, __file__, "--child", str(path), engine, str(out)], check=True, env=env)
    return json.loads(out.read_text("utf-8"))


def _print(engine: str, name: str, result: dict, truth: str | None) -> None:
    cells = [engine, name, str(result["pages"]), f"{result['seconds'] / max(result['pages'], 1):.1f}",
             f"{result['peak_mib']:.0f}", f"{result['confidence']:.3f}"]
    if truth is None:
        exact = [f"{key} {'exact' if result['fields'].get(key) == value else repr(result['fields'].get(key))}"
                 for key, value in AMAC.items()] + [result["fields"].get("error", "")]
        print("| " + " | ".join(cells + ["; ".join(exact), "", "", ""]) + " |")
        return
    shares = []
    for kind in CLASSES:
        raw, _ = accuracy(truth, result["raw"], kind)
        after, share = accuracy(truth, result["after"], kind)
        cells.append(f"{raw:.4f} → {after:.4f}")
        shares.append(share)
    print("| " + " | ".join([*cells, f"{min(shares):.2f}"]) + " |", flush=True)


if __name__ == "__main__":
    main()
