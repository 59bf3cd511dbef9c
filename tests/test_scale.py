"""The pages of one scan read by several workers: local processes or a Dask
cluster give the XML one worker gives; a page that fails fails its file,
named, and nothing is archived."""

from __future__ import annotations

import io
import os

import pypdfium2
import pytest

from gazette.archive.ingest import archive_file
from gazette.normalize import SourceError
from gazette.normalize.read import PageWorkers, ocr, read_source, source_from_bytes, workers
from gazette.normalize.read.ocr import Box
from gazette.render import render

from .conftest import PDF_DATA, SAMPLES
from .ofd_maker import Picture, write_ofd

SCAN = PDF_DATA / "scan_gjb9001c-2017_p25_p35.pdf"  # two real scanned pages


@pytest.fixture(scope="module")
def one_worker() -> bytes:
    return render(read_source(SCAN)).xml


def test_pages_spread_over_two_local_workers_give_the_same_xml(one_worker, tmp_path):
    assert render(read_source(SCAN, None, PageWorkers(2))).xml == one_worker
    outcome = archive_file(SCAN, tmp_path / "archive", workers=PageWorkers(2))  # from the file's budget child
    assert outcome.status == "archived"
    assert (tmp_path / "archive" / "packages" / outcome.package / "data" / "gazette.xml").read_bytes() == one_worker


def test_pages_read_on_a_dask_cluster_give_the_same_xml(one_worker):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert render(read_source(SCAN, None, PageWorkers(address=cluster.scheduler_address))).xml == one_worker


def test_a_page_that_fails_fails_its_file_by_name_and_nothing_is_archived(monkeypatch, tmp_path):
    def failing(data: bytes, seq: int, settings) -> list:
        if seq == 2:
            raise RuntimeError("the engine gave up")
        return []

    monkeypatch.setattr(workers, "page_boxes", failing)  # the forked workers inherit it
    with pytest.raises(SourceError, match=r"page 2: reading it by OCR failed \(RuntimeError: the engine gave up\)"):
        source_from_bytes(SCAN.read_bytes(), SCAN.name, None, PageWorkers(2))
    outcome = archive_file(SCAN, tmp_path / "archive", workers=PageWorkers(2))
    assert outcome.status == "quarantined" and "page 2: reading it by OCR failed" in outcome.reason
    assert not list((tmp_path / "archive").glob("packages/**/bagit.txt"))


def test_the_engine_is_loaded_once_per_worker_not_once_per_file(monkeypatch, tmp_path):
    """Before: each file's rendering child loaded the engine again."""
    loads = tmp_path / "loads"

    class Counted:
        name, type_ratio = "rapidocr", 1.05

        def __init__(self) -> None:
            with loads.open("a") as out:  # written by whichever process loads it
                out.write(f"{os.getpid()}\n")

        pages = 0

        def read(self, image) -> list[Box]:
            self.pages += 1
            title = [Box(300, 100, 900, 140, "某市人民政府关于测试扫描件的通知", 0.99)] if self.pages == 1 else []
            return title + [Box(100, 200 + 60 * n, 1500, 240 + 60 * n, f"第{self.pages}页第{n}行的正文各不相同。", 0.99)
                            for n in range(3)]

    monkeypatch.setitem(ocr.ENGINES, "rapidocr", Counted)
    ocr.engine.cache_clear()
    try:
        for scan in (SAMPLES / "scan_amac_334_p1_p4.pdf", PDF_DATA / "scan_gjb9001c-2017_p6.pdf", SCAN):
            assert archive_file(scan, tmp_path / "archive").status == "archived"
    finally:
        ocr.engine.cache_clear()
    assert loads.read_text().split() == [str(os.getpid())]  # once, here; the three files' children inherit it


def test_an_ofd_scans_pages_spread_over_two_workers_give_the_same_xml():
    """An OFD file of scanned pages: a worker draws its page from the file's
    images (PDFium cannot draw an OFD page), and the XML is what one worker gives."""
    document = pypdfium2.PdfDocument((PDF_DATA / "hangzhou_hangzhenghan-2024-16_p1-2_p34.pdf").read_bytes())
    pages = []
    for number in (0, 1):
        buffer = io.BytesIO()
        document[number].render(scale=150 / 72).to_pil().convert("RGB").save(buffer, "PNG")
        pages.append([Picture(buffer.getvalue(), (0, 0, 210, 297))])
    document.close()
    data = write_ofd(pages)
    alone = source_from_bytes(data, "scan.ofd")
    spread = source_from_bytes(data, "scan.ofd", None, PageWorkers(2))
    assert [page.page for page in spread.ocr] == [1, 2]
    assert any("杭州市人民政府" in line.text for line in spread.lines)
    assert render(spread).xml == render(alone).xml
