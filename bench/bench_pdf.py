"""Speed and memory of the PDF path against pdfplumber's bare text extraction.

Draws a gazette-like PDF of N pages (``tests/pdf_maker``: masthead, TOC,
wrapped paragraphs, page numbers, running heads, a stacked table, repeated
to length), then prints, median of ``--runs`` runs in this process:

* ``extract_text``: pdfplumber's ``page.extract_text()`` over every page —
  the baseline;
* ``read_pdf``: gazette's reading (dedupe, lines, geometry, furniture);
* ``render``: the whole path (read, normalize, structure, validated XML);

as pages/s and as a ratio to the baseline; and the peak RSS of a fresh
process rendering PDFs of N and 4N pages (memory flat in the page count).

With ``--tables`` every page holds a table drawn with rules and one printed
in columns without rules (``tests/ruled_maker``), so the table finders run
on every page: the worst case for them.

    .venv/bin/python bench/bench_pdf.py [--pages 40] [--runs 3] [--tables]
"""

from __future__ import annotations

import argparse
import io
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_repairs import median_seconds  # noqa: E402

from gazette.normalize.read.pdf.reader import read_pdf  # noqa: E402
from gazette.render import render  # noqa: E402
from tests.pdf_maker import gazette_spec, paginate, write_pdf  # noqa: E402
from tests.ruled_maker import Spanned, write_ruled_pdf  # noqa: E402

_TABLE = [[Spanned(text) for text in row] for row in (
    ("序号", "类别", "指标", "2020年", "属性"),
    ("1", "经济发展", "地区生产总值年均增长（%）", "6.2", "预期性"),
    ("2", "科技创新", "研发经费支出占地区生产总值比重（%）", "2.8", "预期性"),
    ("3", "民生福祉", "城镇新增就业人数（万人）", "100", "约束性"),
)]


def make_tables_pdf(pages: int, folder: Path) -> Path:
    """``pages`` pages, each with a ruled table and a table printed in columns."""
    content = [("title", "浙江省人民政府关于印发主要指标的通知"), ("title", "浙政发〔2022〕20号")]
    for number in range(pages):
        content += [("page", None)] if number else []
        content += [("text", "　　现将主要指标印发给你们，请认真贯彻执行。"), ("title", "主要指标表"),
                    ("table", _TABLE), ("text", "　　各地要对照指标抓好落实。"), ("columns", _TABLE),
                    ("text", "　　以上指标按年度考核。")]
    return write_ruled_pdf(folder / f"tables-{pages}.pdf", content, [36, 72, 192, 60, 60])


def make_pdf(pages: int, folder: Path, tables: bool = False) -> Path:
    """A PDF of about ``pages`` pages: the test gazette's content repeated."""
    if tables:
        return make_tables_pdf(pages, folder)
    spec = []
    while True:
        spec += gazette_spec()
        laid_out = paginate(spec)
        if len(laid_out) >= pages:
            return write_pdf(laid_out[:pages], folder / f"bench-{pages}.pdf")


def _bare_extract(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def peak_rss_mib(path: Path) -> float:
    """Peak RSS of a fresh process that renders ``path``."""
    code = (
        "import resource, sys\n"
        "from gazette.render import render\n"
        "from gazette.normalize.read import read_source\n"
        "render(read_source(sys.argv[1]))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tables", action="store_true", help="a ruled and an unruled table on every page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = make_pdf(args.pages, Path(folder), args.tables)
        data = path.read_bytes()
        bare = median_seconds(lambda: _bare_extract(data), args.runs)
        read = median_seconds(lambda: read_pdf(data, path.name), args.runs)
        whole = median_seconds(lambda: render(read_pdf(data, path.name)), args.runs)
        content = "a ruled and an unruled table on every page" if args.tables else "gazette pages"
        print(f"{args.pages} pages ({content}), {len(data) / 1e6:.2f} MB, median of {args.runs} runs")
        for label, seconds in (("extract_text (baseline)", bare), ("read_pdf", read), ("render (whole path)", whole)):
            rate = args.pages / seconds
            print(f"  {label:<24} {seconds:7.2f} s  {rate:7.1f} pages/s  ({seconds / bare:.2f}× baseline)")
        big = make_pdf(4 * args.pages, Path(folder), args.tables)
        small_rss, big_rss = peak_rss_mib(path), peak_rss_mib(big)
        print(f"  peak RSS rendering {args.pages} pages: {small_rss:.0f} MiB; {4 * args.pages} pages: {big_rss:.0f} MiB"
              f" ({big_rss / small_rss:.2f}×)")
    print(f"  (this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
