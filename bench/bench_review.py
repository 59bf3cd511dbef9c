"""The review app's speed: page images, a package's page, the queue.

Archives the bundled samples and the real PDF excerpts of ``tests/data/pdf``
into a temporary archive, then prints, each the median of ``--runs`` runs:
the time to render one PDF page to PNG (per PDF: its pages and ms/page),
the time to serve a package's page (source view, result, repairs), and
the time to serve the queue. Nothing is cached between runs.

    .venv/bin/python bench/bench_review.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from gazette.archive.ingest import archive_file  # noqa: E402
from gazette.archive.package import source_file  # noqa: E402
from gazette.review import source_view  # noqa: E402
from gazette.review.app import create_app  # noqa: E402


def _median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        source_view.page_image.cache_clear()
        source_view._view.cache_clear()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _row(client: TestClient, archive: Path, name: str, package: str, runs: int) -> str:
    """One source's line of the table."""
    data = source_file(archive / "packages" / package).read_bytes()
    pages = 0
    if data.startswith(b"%PDF"):
        document = pypdfium2.PdfDocument(data)
        pages = len(document)
        document.close()
    image = _median_ms(lambda: [source_view.page_image(data, n) for n in range(1, pages + 1)], runs) / pages \
        if pages else 0.0
    page = _median_ms(lambda: client.get("/package", params={"path": package}), runs)
    return f"| {name} | {pages} | {image:.1f} | {page:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sources = sorted((ROOT / "tests" / "data" / "pdf").glob("*.pdf")) + [
        p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".pdf", ".docx", ".ofd")]
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        packages = {}
        for source in sources:
            outcome = archive_file(source, archive)
            if outcome.status == "archived":
                packages[source.name] = outcome.package
        client = TestClient(create_app(archive))
        print("| source | pages | page image, ms/page | package page, ms |")
        print("|---|---|---|---|")
        for name, package in packages.items():
            print(_row(client, archive, name, package, args.runs))
        queue = _median_ms(lambda: client.get("/"), args.runs)
        print(f"\nqueue of {len(packages)} packages: {queue:.0f} ms")


if __name__ == "__main__":
    main()
