"""Backfills at scale: a scan's pages on several workers, the text path, batches, memory.

One run prints, side by side:

1. the real 37-page scan (``../shared/real/pdf/scan_gjb9001c-2017.pdf``) read
   by OCR with 1 and 2 local page workers and on a local 2-worker Dask
   cluster: seconds, s/page, speed-up against 1 worker, peak resident memory
   of a worker (each configuration in a fresh process, one run each: a run
   takes minutes);
2. the text path of every real text-layer PDF: pages/s of our reader
   (``read_pdf``) against bare pdfplumber (``extract_text``) and bare PDFium
   (``get_text_range``), median of 3, and how many characters PDFium and
   pdfminer give differently (why the reader stays on pdfminer);
3. a batch of 100 text files with ``gazette batch --workers 2`` against a
   plain loop of ``archive_file`` (time per file, the batch's Prefect server
   start included);
4. peak memory reading a 250- and a 1000-page text PDF (drawn here).

    .venv/bin/python bench/bench_scale.py [--skip-ocr]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "real" / "pdf"
SCAN = SHARED / "scan_gjb9001c-2017.pdf"


def _ocr_run(workers: int, dask: bool) -> dict:
    """In a fresh process: read the scan; seconds and peak memory (KiB)."""
    from gazette.normalize.read import PageWorkers, read_source

    cluster = None
    if dask:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        chosen = PageWorkers(address=cluster.scheduler_address)
    else:
        chosen = PageWorkers(workers)
    start = time.perf_counter()
    source = read_source(SCAN, None, chosen)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if workers > 1 else \
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if cluster is not None:
        with Client(cluster) as client:
            peak = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values())
        cluster.close()
    return {"seconds": seconds, "pages": len(source.ocr), "peak_kib": peak, "lines": len(source.lines)}


def _in_fresh_process(*arguments: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def ocr_table() -> None:
    runs = [("1 local worker", _in_fresh_process("--one-ocr", "1")),
            ("2 local workers", _in_fresh_process("--one-ocr", "2")),
            ("Dask, 2 local workers", _in_fresh_process("--one-ocr", "2", "--dask"))]
    base = runs[0][1]["seconds"]
    print(f"## OCR of {SCAN.name} ({runs[0][1]['pages']} pages), one run each\n")
    print("| workers | s | s/page | speed-up | peak RSS per worker, MiB | lines |")
    print("|---|---|---|---|---|---|")
    for label, run in runs:
        print(f"| {label} | {run['seconds']:.0f} | {run['seconds'] / run['pages']:.2f} | {base / run['seconds']:.2f}× "
              f"| {run['peak_kib'] / 1024:.0f} | {run['lines']} |")


def _median(action, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def text_table() -> None:
    import pdfplumber
    import pypdfium2

    from gazette.normalize.read.pdf.reader import read_pdf

    print("\n## The text path of the real PDFs (pages/s, median of 3)\n")
    print("| PDF | pages | our reader | bare pdfplumber | bare PDFium | PDFium / ours | chars differing "
          "| pages in the same order | largest box difference, pt |")
    print("|---|---|---|---|---|---|---|---|---|")
    for path in sorted(SHARED.glob("*.pdf")):
        if not path.name.startswith("scan_"):
            print(_text_row(path, pdfplumber, pypdfium2, read_pdf))


def _text_row(path: Path, pdfplumber, pypdfium2, read_pdf) -> str:
    """One PDF's line of the text table."""
    data = path.read_bytes()
    document = pypdfium2.PdfDocument(data)
    pages = len(document)

    def plumber() -> list[str]:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [page.extract_text() or "" for page in pdf.pages]

    def pdfium() -> list[str]:
        return [document[i].get_textpage().get_text_range() for i in range(pages)]

    ours = pages / _median(lambda: read_pdf(data, path.name))
    bare = pages / _median(plumber)
    fast = pages / _median(pdfium)
    differing = _differing(plumber(), pdfium())
    same, largest = _boxes_compared(data, document, pdfplumber)
    document.close()
    return (f"| {path.name} | {pages} | {ours:.1f} | {bare:.1f} | {fast:.1f} | {fast / ours:.1f}× | {differing} "
            f"| {same}/{pages} | {largest:.2f} |")


def _boxes_compared(data: bytes, document, pdfplumber) -> tuple[int, float]:
    """Pages whose printed characters come in the same order from PDFium as from
    pdfminer, and the largest difference between a character's box from
    each (PDFium's loose box; points) on those pages."""
    same, largest = 0, 0.0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            mined = [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.chars if c["text"].strip()]
            text = document[number].get_textpage()
            found = []
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                if char.strip():
                    left, bottom, right, top = text.get_charbox(index, loose=True)
                    found.append((char, left, page.height - top, right, page.height - bottom))
            text.close()
            if [c[0] for c in mined] == [c[0] for c in found]:
                same += 1
                largest = max([largest] + [abs(a - b) for m, f in zip(mined, found) for a, b in zip(m[1:], f[1:])])
    return same, largest


def _differing(one: list[str], other: list[str]) -> int:
    """Characters (white space aside) that one extraction has and the other has not, both ways."""
    from collections import Counter

    first = Counter("".join(one).replace(" ", "").replace("\n", "").replace("\r", ""))
    second = Counter("".join(other).replace(" ", "").replace("\n", "").replace("\r", ""))
    return sum(((first - second) + (second - first)).values())


def batch_table() -> None:
    from gazette.archive.ingest import archive_file

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        seeds = [ROOT / "samples" / name for name in ("002_5b2ac79b115885a4.txt", "004_c58432d889cd2317.txt")]
        past = time.time() - 3600
        for n in range(100):
            path = inbox / f"copy-{n:03d}.txt"
            path.write_text(seeds[n % 2].read_text("utf-8") + f"\n（第{n}份）\n", encoding="utf-8")
            os.utime(path, (past, past))
        start = time.perf_counter()
        for path in sorted(inbox.iterdir()):
            archive_file(path, Path(tmp) / "loop")
        loop = (time.perf_counter() - start) / 100
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env.update(PREFECT_HOME=str(Path(tmp) / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_SERVER_LOGGING_LEVEL="CRITICAL", PREFECT_LOGGING_LEVEL="WARNING")
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "gazette"), "batch", str(inbox), "--archive",
                        str(Path(tmp) / "batch"), "--workers", "2"], env=env, capture_output=True, check=True)
        batch = (time.perf_counter() - start) / 100
    print("\n## 100 text files\n")
    print("| run | s per file | against the loop |")
    print("|---|---|---|")
    print(f"| plain loop of archive_file | {loop:.3f} | 1.00 |")
    print(f"| gazette batch --workers 2 (server start included) | {batch:.3f} | {batch / loop:.2f} |")


def _memory_run(path: str) -> dict:
    """In a fresh process: read a PDF; seconds and peak resident memory."""
    from gazette.normalize.read.pdf.reader import read_pdf

    data = Path(path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    source = read_pdf(data, Path(path).name)
    return {"pages": len(source.page_heights), "seconds": time.perf_counter() - start, "lines": len(source.lines),
            "before_kib": before, "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def _long_pdf(pages: int, folder: Path) -> Path:
    """A text PDF of ``pages`` pages, the body pages of the drawn gazette over and over."""
    from tests.pdf_maker import gazette_spec, paginate, write_pdf

    body = paginate(gazette_spec())[1:]
    return write_pdf((body * (pages // len(body) + 1))[:pages], folder / f"pages-{pages}.pdf")


def memory_table() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        runs = [_in_fresh_process("--one-memory", str(_long_pdf(pages, Path(tmp)))) for pages in (250, 1000)]
    print("\n## Memory reading a long text PDF (drawn by tests/pdf_maker.py), each in a fresh process\n")
    print("| pages | s | pages/s | resident before, MiB | peak, MiB | lines |")
    print("|---|---|---|---|---|---|")
    for run in runs:
        print(f"| {run['pages']} | {run['seconds']:.1f} | {run['pages'] / run['seconds']:.0f} "
              f"| {run['before_kib'] / 1024:.0f} | {run['peak_kib'] / 1024:.0f} | {run['lines']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-ocr", action="store_true", help="leave out the OCR table (it takes minutes)")
    parser.add_argument("--only", choices=("ocr", "text", "batch", "memory"), help="print one table only")
    parser.add_argument("--one-ocr", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dask", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one-memory", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_ocr:
        print(json.dumps(_ocr_run(args.one_ocr, args.dask)))
        return
    if args.one_memory:
        print(json.dumps(_memory_run(args.one_memory)))
        return
    tables = {"ocr": ocr_table, "text": text_table, "batch": batch_table, "memory": memory_table}
    for name, table in tables.items():
        if (args.only in (None, name)) and not (name == "ocr" and args.skip_ocr):
            table()


if __name__ == "__main__":
    main()
