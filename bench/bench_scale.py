"""Backfills at scale: a scan's pages on several workers, the text path, batches, memory.

One run prints, side by side:

1. the real 37-page scan (``../shared/real/pdf/scan_gjb9001c-2017.pdf``) read
   by OCR with 1 and 2 local page workers and on a local 2-worker Dask
   cluster: seconds, s/page, speed-up against 1 worker, peak resident memory
   of a worker (each configuration in a fresh process, one run each: a run
   takes minutes);
2. the text path of every real text-layer PDF: pages/s of our reader
   (``read_pdf``, OCR off) reading with pdfminer only and with PDFium where
   it reads as pdfminer would (``read/pdf/quick.py``), against bare
   pdfplumber (``extract_text``) and bare PDFium (``get_text_range``),
   median of 5, how many pages PDFium reads, and whether the XML is the same;
   a last row for all of them (their pages over the time they take);
3. a batch of 100 text files with ``gazette batch --workers 2`` against a
   plain loop of ``archive_file`` (time per file, the batch's Prefect server
   start included);
4. peak memory reading a 250- and a 1000-page text PDF (drawn here);
5. only when asked (``--only scan-memory``, about 5 s a page): resident
   memory of one worker along a long scan read by OCR (the real scan's
   pages repeated, ``--scan-pages``, 1000 by default).

    .venv/bin/python bench/bench_scale.py [--skip-ocr] [--only TABLE]
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


#: Runs of each reading of a text PDF (a 4-page PDF reads in a tenth of a second: three runs were
#: 2.7× one time and 3.3× the next).
TEXT_RUNS = 5


def _median(action, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def text_table() -> None:
    print("\n## The text path of the real PDFs (pages/s, median of 5; OCR off, so pictures are not read)\n")
    print("| PDF | pages | pages PDFium reads | our reader, pdfminer | our reader, PDFium | speed-up "
          "| bare pdfplumber | bare PDFium | same XML |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals = [0, 0.0, 0.0]  # pages, seconds with pdfminer only, seconds with PDFium
    for path in sorted(SHARED.glob("*.pdf")):
        if not path.name.startswith("scan_"):
            row, pages, mined, fast = _text_row(path)
            print(row)
            totals = [totals[0] + pages, totals[1] + pages / mined, totals[2] + pages / fast]
    pages, slow_seconds, fast_seconds = totals
    print(f"| all of them | {pages} | | {pages / slow_seconds:.1f} | {pages / fast_seconds:.1f} "
          f"| {slow_seconds / fast_seconds:.1f}× | | | |")


def _text_row(path: Path) -> tuple[str, int, float, float]:
    """One PDF's line of the text table."""
    import pdfplumber
    import pypdfium2

    from gazette.normalize.read import PdfSettings
    from gazette.normalize.read.pdf.reader import read_pdf
    from gazette.render import render

    data = path.read_bytes()
    document = pypdfium2.PdfDocument(data)
    pages = len(document)
    slow, quick = PdfSettings(ocr_engine="none", pdfium_text=False), PdfSettings(ocr_engine="none")

    def plumber() -> list[str]:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [page.extract_text() or "" for page in pdf.pages]

    def pdfium() -> list[str]:
        return [document[i].get_textpage().get_text_range() for i in range(pages)]

    mined = pages / _median(lambda: read_pdf(data, path.name, slow), TEXT_RUNS)
    fast = pages / _median(lambda: read_pdf(data, path.name, quick), TEXT_RUNS)
    bare, bare_pdfium = pages / _median(plumber, TEXT_RUNS), pages / _median(pdfium, TEXT_RUNS)
    same = render(read_pdf(data, path.name, slow)).xml == render(read_pdf(data, path.name, quick)).xml
    read = _read_by_pdfium(data, document)
    document.close()
    row = (f"| {path.name} | {pages} | {read} | {mined:.1f} | {fast:.1f} | {fast / mined:.1f}× | {bare:.1f} "
           f"| {bare_pdfium:.0f} | {'yes' if same else 'NO'} |")
    return row, pages, mined, fast


def _read_by_pdfium(data: bytes, document) -> int:
    """How many pages the reader takes PDFium for (``read/pdf/quick.py``)."""
    import pdfplumber

    from gazette.normalize.read.pdf.quick import odd_vertical_fonts, quick_page

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(1 for seq, page in enumerate(pdf.pages, start=1) if not odd_vertical_fonts(page.page_obj.resources)
                   and quick_page(document, seq, (page.width, page.height), page.initial_doctop) is not None)


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
    before = _status_kib("VmHWM")
    start = time.perf_counter()
    source = read_pdf(data, Path(path).name)
    return {"pages": len(source.page_heights), "seconds": time.perf_counter() - start, "lines": len(source.lines),
            "before_kib": before, "peak_kib": _status_kib("VmHWM")}


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


def _resident_kib() -> int:
    """This process's resident memory now, KiB."""
    return _status_kib("VmRSS")


def _status_kib(field: str) -> int:
    """A memory figure of this process from ``/proc/self/status`` (KiB):
    ``VmHWM`` is its own peak, where ``getrusage``'s ``ru_maxrss`` keeps the
    peak of the process it was forked from (a bench started late in a run
    would report the run's peak)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith(f"{field}:")))


def _scan_memory_run(path: str) -> dict:
    """In a fresh process: read a long scan by OCR on one worker; resident
    memory after each page read, and the peak."""
    from gazette.normalize import progress
    from gazette.normalize.read import PageWorkers, read_source

    after: list[int] = []
    progress.listen(lambda seq: after.append(_resident_kib()))
    start = time.perf_counter()
    source = read_source(Path(path), None, PageWorkers(1))
    return {"pages": len(source.page_heights), "seconds": time.perf_counter() - start, "after": after,
            "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def _long_scan(pages: int, folder: Path) -> Path:
    """A scan of ``pages`` pages: the real GJB scan's pages over and over."""
    from pypdf import PdfReader, PdfWriter

    scan = PdfReader(SCAN)
    writer = PdfWriter()
    for number in range(pages):
        writer.add_page(scan.pages[number % len(scan.pages)])
    path = folder / f"scan-{pages}.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def scan_memory_table(pages: int) -> None:
    """Resident memory of one worker along a long scan read by OCR: flat if
    it stops growing once the engine is loaded."""
    with tempfile.TemporaryDirectory() as tmp:
        run = _in_fresh_process("--one-scan-memory", str(_long_scan(pages, Path(tmp))))
    after = run["after"]
    print(f"\n## Memory of one worker reading a {run['pages']}-page scan by OCR (the real GJB pages repeated)\n")
    print(f"{run['seconds'] / run['pages']:.2f} s/page; peak {run['peak_kib'] / 1024:.0f} MiB\n")
    print("| after page | resident, MiB |")
    print("|---|---|")
    for page in sorted({1, 10, *(len(after) * share // 4 for share in (1, 2, 3, 4))}):
        print(f"| {page} | {after[page - 1] / 1024:.0f} |")
    quarter = after[len(after) // 4 - 1]
    print(f"\nGrowth from page {len(after) // 4} to page {len(after)}: "
          f"{(after[-1] - quarter) / 1024:+.0f} MiB ({(after[-1] - quarter) / 1024 / (len(after) * 3 / 4) * 100:+.1f} "
          "MiB per 100 pages)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-ocr", action="store_true", help="leave out the OCR table (it takes minutes)")
    parser.add_argument("--only", choices=("ocr", "text", "batch", "memory", "scan-memory"),
                        help="print one table only (scan-memory only when named: it takes an hour for 1000 pages)")
    parser.add_argument("--scan-pages", type=int, default=1000, help="pages of the long scan (scan-memory)")
    parser.add_argument("--one-ocr", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dask", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one-memory", help=argparse.SUPPRESS)
    parser.add_argument("--one-scan-memory", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_ocr:
        print(json.dumps(_ocr_run(args.one_ocr, args.dask)))
        return
    if args.one_memory:
        print(json.dumps(_memory_run(args.one_memory)))
        return
    if args.one_scan_memory:
        print(json.dumps(_scan_memory_run(args.one_scan_memory)))
        return
    if args.only == "scan-memory":
        scan_memory_table(args.scan_pages)
        return
    tables = {"ocr": ocr_table, "text": text_table, "batch": batch_table, "memory": memory_table}
    for name, table in tables.items():
        if (args.only in (None, name)) and not (name == "ocr" and args.skip_ocr):
            table()


if __name__ == "__main__":
    main()
