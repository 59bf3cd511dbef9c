"""PDF input: the same XML as the text layer of the same content, geometry
where it decides, and every kind of bad PDF refused with its reason.

The PDFs are drawn here with reportlab's ``STSong-Light`` (``pdf_maker``);
the text layer of the same printed lines is what a PDF-to-text tool prints.
"""

from __future__ import annotations

import re
import zlib

import pytest
from lxml import etree
from reportlab import rl_config
from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from gazette.archive.ingest import archive_file
from gazette.normalize import normalize
from gazette.normalize.model import Geometry, Line, Notice, SourceError
from gazette.normalize.placed_layout import mark_layout
from gazette.normalize.read import read_source, source_from_bytes
from gazette.normalize.read.settings import PdfSettings
from gazette.render import render

from .pdf_maker import FONT, gazette_spec, paginate, text_layer, write_pdf

NS = {"g": "urn:gazette-archive:1"}


@pytest.fixture(scope="module")
def gazette_pdf(tmp_path_factory):
    pages = paginate(gazette_spec())
    folder = tmp_path_factory.mktemp("pdf")
    return write_pdf(pages, folder / "issue.pdf"), text_layer(pages)


def _comparable(xml: bytes) -> tuple[etree._Element, list[tuple[str, str | None]]]:
    """The XML without what differs by format (source, repair counts, page
    milestones), and the page milestones (seq, printed number)."""
    root = etree.fromstring(xml)
    pbs = [(pb.get("seq"), pb.get("n")) for pb in root.iterfind(".//g:pb", NS)]
    for element in root.xpath("//g:source | //g:repairs", namespaces=NS):
        element.getparent().remove(element)
    for pb in root.xpath("//g:pb", namespaces=NS):
        parent, tail = pb.getparent(), pb.tail or ""
        previous = pb.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(pb)
    return root, pbs


def test_a_pdf_gives_the_xml_of_its_text_layer(gazette_pdf):
    path, text = gazette_pdf
    from_pdf = render(read_source(path)).xml
    from_text = render(source_from_bytes(text.encode(), "issue.txt")).xml
    pdf_root, pdf_pages = _comparable(from_pdf)
    text_root, text_pages = _comparable(from_text)
    assert etree.tostring(pdf_root, encoding="unicode") == etree.tostring(text_root, encoding="unicode")
    assert set(text_pages) <= set(pdf_pages)
    assert etree.fromstring(from_pdf).find(".//g:source", NS).get("format") == "pdf"


def test_what_the_pdf_path_reads(gazette_pdf):
    root = etree.fromstring(render(read_source(gazette_pdf[0])).xml)
    article = root.find("g:article", NS)
    assert "".join(article.find("g:title", NS).itertext()) == "浙江省人民政府关于深化数字政府建设的实施意见"
    paragraphs = ["".join(p.itertext()) for p in article.iterfind("g:body/g:p", NS)]
    assert [p[:6] for p in paragraphs] == ["为贯彻落实党", "到2025年", "全面推进政府"]
    assert any(p.find("g:pb", NS) is not None for p in article.iterfind("g:body/g:p", NS)), "no paragraph across pages"
    table = root.find(".//g:table", NS)
    assert [c.text for c in table.iterfind("g:row[2]/g:cell", NS)] == ["1", "建设一批省级重点平台。", "省商务厅", "2022年6月"]
    entry = root.find(".//g:toc//g:entry", NS)
    assert entry.get("page") == "1" and entry.findtext("g:docNumber", namespaces=NS) == "浙政发〔2022〕20号"


def test_page_numbers_and_running_heads_are_found_by_position(gazette_pdf):
    doc = normalize(read_source(gazette_pdf[0]))
    furniture = [(block.page, block.furniture, block.text) for block in doc.blocks if block.kind == "furniture"]
    assert len(doc.pages) == 5
    assert [f for f in furniture if f[1] == "page_number"] == [(n, "page_number", f"— {n} —") for n in range(1, 6)]
    heads = [f for f in furniture if f[1] == "running_head"]
    assert [page for page, _, _ in heads] == [2, 3, 4, 5]
    assert not any(text == "人民政府公报" for _, _, text in furniture)


def test_characters_printed_twice_for_bold_count_once(gazette_pdf):
    data = gazette_pdf[0].read_bytes()
    assert source_from_bytes(data, "issue.pdf").lines[0].text == "浙江省人民政府公报"
    doubled = source_from_bytes(data, "issue.pdf", PdfSettings(dedupe_tolerance=0.0)).lines[0].text
    assert doubled != "浙江省人民政府公报" and len(doubled) > 9


def _pdf(path, encrypt=None, pages=("浙江省人民政府关于加强管理的通知",)) -> bytes:
    """A small PDF: one line of text a page (an empty string: a page with only a drawing)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for text in pages:
        if text:
            pdf.setFont(FONT, 12)
            pdf.drawString(72, 700, text)
        else:
            pdf.rect(72, 600, 200, 100, fill=1)
        pdf.showPage()
    pdf.save()
    return path.read_bytes()


@pytest.mark.parametrize(
    "case, reason",
    [
        ("password", "encrypted PDF: a password is needed"),
        ("truncated", "damaged or truncated PDF"),
        ("not_pdf", "not a PDF despite its name"),
        ("image_only", "no text layer on any page (image-only PDF: needs OCR)"),
        ("too_many_pages", "too many pages (3, limit 2)"),
    ],
)
def test_bad_pdfs_are_refused_with_their_reason(tmp_path, case, reason):
    path = tmp_path / f"{case}.pdf"
    settings = PdfSettings(max_pages=2)
    data = {
        "password": lambda: _pdf(path, pdfencrypt.StandardEncryption("secret", "owner")),
        "truncated": lambda: _pdf(path, pages=["第一页"] * 3)[:-300],
        "not_pdf": lambda: "浙江省人民政府公报".encode(),
        "image_only": lambda: _pdf(path, pages=[""]),
        "too_many_pages": lambda: _pdf(path, pages=["第一页"] * 3),
    }[case]()
    with pytest.raises(SourceError) as error:
        source_from_bytes(data, path.name, settings)
    assert reason in error.value.reason and error.value.path == path.name


def test_pages_without_text_are_reported_not_silently_empty(tmp_path):
    data = _pdf(tmp_path / "p.pdf", pages=["浙江省人民政府关于加强管理的通知", "", "特此通知。"])
    source = source_from_bytes(data, "p.pdf")
    assert [line.text for line in source.lines] == ["浙江省人民政府关于加强管理的通知", "特此通知。"]
    assert source.notices == [Notice("no-text", "no text layer (needs OCR)", page=2)]


def test_a_damaged_content_stream_is_reported_on_its_page(tmp_path, monkeypatch):
    """Before: pdfminer dropped what the damage hid and said nothing (or only
    "Data-loss while decompressing" on stderr)."""
    monkeypatch.setattr(rl_config, "useA85", 0)  # the page streams bare Flate, as most PDFs have them
    pages = ["浙江省人民政府关于加强管理的通知", "各市、县人民政府要认真贯彻执行。", "特此通知。"]
    data = bytearray(_pdf(tmp_path / "d.pdf", pages=pages))
    texts = [m.span(1) for m in re.finditer(rb"stream\r?\n(x\x9c.*?)endstream", data, re.S)
             if b"BT" in zlib.decompress(m[1])]
    start, end = texts[1]  # the second page's
    data[(start + end) // 2] ^= 0x55
    source = source_from_bytes(bytes(data), "d.pdf")
    assert [line.text for line in source.lines] == [pages[0], pages[2]]
    (notice,) = source.notices
    assert (notice.kind, notice.page) == ("damaged-stream", 2)
    assert notice.message.startswith("content stream 1 is damaged (Error -3 while decompressing data: ")
    assert str(notice) in render(source).report()["warnings"]  # the run report lists it


def test_text_printed_outside_the_page_is_reported(tmp_path):
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(tmp_path / "o.pdf"))
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 700, "浙江省人民政府关于加强管理的通知")
    pdf.drawString(-300, 640, "页面左侧之外的文字")
    pdf.showPage()
    pdf.save()
    source = read_source(tmp_path / "o.pdf")
    assert [str(n) for n in source.notices] == [
        "page 1: 9 characters printed outside the page (read, though a viewer does not show them)"]
    cropped = read_source(tmp_path / "o.pdf", PdfSettings(crop_left=10))
    assert [str(n) for n in cropped.notices] == [
        "page 1: 9 characters printed outside the page (left out with the crop margins)"]
    assert [line.text for line in cropped.lines] == ["浙江省人民政府关于加强管理的通知"]


def test_an_empty_user_password_opens_and_unmapped_glyphs_are_not_taken_for_text(tmp_path):
    """pdfminer opens a PDF encrypted with an empty user password, but here the
    font's Unicode map does not decrypt: glyphs come out as ``(cid:N)``, and
    are not taken for text. PDFium decrypts the map and reads the text."""
    data = _pdf(tmp_path / "e.pdf", pdfencrypt.StandardEncryption("", "owner"))
    with pytest.raises(SourceError) as error:
        source_from_bytes(data, "e.pdf", PdfSettings(pdfium_text=False))
    reason = error.value.reason
    assert "encrypted PDF with an empty user password" in reason
    assert "page 1: 1 lines of characters without Unicode mapping (cid codes)" in reason
    read = source_from_bytes(data, "e.pdf")
    assert [line.text for line in read.lines] == ["浙江省人民政府关于加强管理的通知"]
    assert [notice.kind for notice in read.notices] == ["encrypted"]


def test_pdfs_are_archived_and_bad_ones_quarantined(gazette_pdf, tmp_path):
    archive = tmp_path / "archive"
    good = archive_file(gazette_pdf[0], archive)
    assert good.status == "archived"
    bad_path = tmp_path / "locked.pdf"
    _pdf(bad_path, pdfencrypt.StandardEncryption("secret", "owner"))
    bad = archive_file(bad_path, archive)
    assert bad.status == "quarantined" and "password" in bad.reason
    (xml,) = (archive / "packages").rglob("gazette.xml")
    assert etree.parse(str(xml)).find(".//g:source", NS).get("format") == "pdf"
    (kept,) = (archive / "packages").rglob("data/source/issue.pdf")
    assert kept.read_bytes() == gazette_pdf[0].read_bytes()


def test_each_page_with_a_column_of_its_own_is_measured_on_its_own():
    """A book printed on both sides (or scanned) shifts its text column from
    page to page: page 2's lines start 30 pt right of page 1's, and are
    neither indented nor short of the right edge."""
    lines = [Line(no, "文字" * 20, page, geometry=Geometry(x0, x0 + 450, 100 + 15 * no, 12, 112 + 15 * no))
             for page, x0 in ((1, 72.0), (2, 102.0)) for no in range(10)]
    mark_layout(lines, PdfSettings())
    page_two = [line.geometry for line in lines if line.page == 2]
    assert not any(g.indented for g in page_two) and all(g.full for g in page_two)
