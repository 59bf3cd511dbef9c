"""Scanned pages: OCR into the same lines, the OCR cleanup repairs, the
provenance in the XML, the review of doubtful lines, a missing engine.

The repairs are tested on real OCR output kept in ``tests/data/ocr``
(``ocr_data``: rapidocr's reading of pages of the scanned AMAC 公文 and
GJB standard, and of scans made here of the Hangzhou 公文), so they need no
engine; the end-to-end tests run the engine on the last page of the bundled
scan (13 lines and a red seal over the signature).
"""

from __future__ import annotations

import pytest
import regex
from lxml import etree
from reportlab.pdfgen import canvas

from gazette.archive.ingest import archive_file
from gazette.normalize import normalize
from gazette.normalize.explain import format_explanation
from gazette.normalize.ocr_repairs import bigrams, ocr_dashes, ocr_lexicon_confusion
from gazette.normalize.read import ocr, source_from_bytes
from gazette.normalize.read.settings import PdfSettings, PdfSettingsError
from gazette.render import render

from .conftest import PDF_DATA, SAMPLES
from .conservation import unaccounted
from .ocr_data import PAGES, excerpt, load

NS = {"g": "urn:gazette-archive:1"}
SCAN = SAMPLES / "scan_amac_334_p1_p4.pdf"


@pytest.fixture(scope="module")
def last_page(tmp_path_factory):
    """The bundled scan's last page (signature and date under a red seal) as a PDF of its own."""
    path = tmp_path_factory.mktemp("scan") / "amac_p4.pdf"
    path.write_bytes(excerpt(SCAN.read_bytes(), [2]))
    return path


def _repairs(name: str, rule: str) -> list[tuple[str, str]]:
    doc = normalize(load(name))
    return [(r.before, r.after) for r in doc.repairs if r.rule == rule]


def test_the_fields_of_the_scanned_notice_are_read_exactly():
    root = etree.fromstring(render(load("amac_scan")).xml)
    article = root.find("g:article", NS)
    assert article.findtext("g:docNumber", namespaces=NS) == "中基协处分〔2025〕334号"
    assert "".join(article.find("g:title", NS).itertext()) == "纪律处分决定书"
    assert article.findtext("g:signature/g:issuer", namespaces=NS) == "中国证券投资基金业协会"
    assert article.find("g:signature/g:date", NS).get("iso") == "2025-11-25"


def test_document_number_brackets_read_as_round_or_square_become_the_standard_ones():
    assert ("处分（2025）334号", "处分〔2025〕334号") in _repairs("amac_scan", "ocr_doc_number_brackets")
    assert ("政函〔2024]16号", "政函〔2024〕16号") in _repairs("hangzhou_rendered", "ocr_doc_number_brackets")


def test_a_character_is_changed_only_where_the_document_itself_has_the_word():
    """自已 (twice, pages 1 and 3) for 自己, which page 4 prints: changed; the 自己 stays."""
    assert _repairs("amac_scan", "ocr_lexicon_confusion") == [("为自已或他", "为自己或他"), ("到自已预期", "到自己预期")]
    paragraphs = "".join(normalize(load("amac_scan")).paragraphs())
    assert "自已" not in paragraphs and paragraphs.count("自己") == 3


def test_a_character_often_right_where_it_stands_is_changed_only_where_the_document_says_so():
    """贵 is a word of its own (贵单位) and OCR's misreading of 责: the GJB scan's
    职贵和权限 (saved page 13) is changed, as 职责 occurs three times or more and 职贵
    nowhere else; in text where 贵 stands in a word the document has elsewhere, it stays."""
    assert _repairs("gjb_scan", "ocr_lexicon_confusion") == [("、职贵和权", "、职责和权")]
    lexicon = bigrams(line.text for line in load("gjb_scan").lines)
    assert lexicon["职责"] >= 3 and ocr_lexicon_confusion("请贵单位职责", lexicon) == "请贵单位职责"
    assert ocr_lexicon_confusion("宝贵的职责", lexicon + bigrams(["宝贵"])) == "宝贵的职责"


def test_mixed_brackets_are_made_one_pair():
    repairs = _repairs("gjb_scan", "ocr_mixed_brackets")
    assert ("置”（PDCA)循环", "置”（PDCA）循环") in repairs
    assert ("版本（GB/T19001-2008/ISO9001：2008)章条", "版本（GB/T19001-2008/ISO9001：2008）章条") in repairs


def test_page_number_dashes_read_as_yi_are_dashes():
    """The page numbers OCR read ``—2一`` and ``—34一`` at the feet of the
    scanned 公文 are page numbers (dropped as furniture); the same text
    left in a line is given its dashes back."""
    assert [before for before, _ in _repairs("hangzhou_rendered", "page_number")] == ["—2一", "—34一"]
    assert [ocr_dashes(text) for text in ("一2一", "—34一")] == ["—2—", "—34—"]


def test_the_toc_of_a_scan_is_read_from_what_ocr_leaves_of_its_leader_dots():
    """The scanned 目次 (pages 2–3 of the saved pages, read askew): OCR sees few of its
    leader dots (``8.3.4 设计和开发控制···　......11``) and reads single-digit page
    numbers apart, lower on the slanted line; the entries keep their titles and pages."""
    doc = normalize(load("gjb_scan"))
    dots = [r for r in doc.repairs if r.rule == "ocr_leader_dots"]
    assert len(dots) > 60 and all(not r.certain and r.note.startswith("OCR confidence") for r in dots)
    root = etree.fromstring(render(load("gjb_scan")).xml)
    entries = {"".join(e.find("g:title", NS).itertext()): e.get("page") for e in root.iterfind(".//g:toc//g:entry", NS)}
    assert entries["8.3.4设计和开发控制"] == "11" and entries["8.2.2产品和服务要求的确定"] == "9"
    assert entries["9.3.3管理评审输出"] == "18" and entries["前言"] is None
    residue = [title for title in entries if regex.search(r"[·.…]{2}|·$", title)]
    assert len(entries) > 80 and residue == ["9.1.2顾客满意····......1.?"]  # an unread page number stays


def test_a_list_item_ended_with_a_colon_before_its_sibling_ends_with_a_semicolon():
    repairs = [r for r in normalize(load("gjb_scan")).repairs if r.rule == "ocr_item_semicolon"]
    assert repairs and all((r.before, r.after, r.certain) == ("：", "；", False) for r in repairs)
    paragraphs = normalize(load("gjb_scan")).paragraphs()
    assert "b)促成增强顾客满意的机会；" in paragraphs and "实施本标准并非需要：" in paragraphs


def test_list_markers_and_dashes_the_detector_cuts_off_are_read(tmp_path):
    """End to end on a real scanned page (GJB page 6): the marker ``c)`` printed
    apart from its item, and the two-em dash opening the items of a standard,
    which the detector alone loses or reads as 一, are read."""
    source = source_from_bytes((PDF_DATA / "scan_gjb9001c-2017_p6.pdf").read_bytes(), "gjb_p6.pdf")
    paragraphs = normalize(source).paragraphs()
    assert "c)应对与组织环境和目标相关的风险和机遇；" in paragraphs
    assert {"——统一不同质量管理体系的架构；", "——“应”表示要求；", "——领导作用；"} <= set(paragraphs)
    # the page is askew: its long lines, read in upright boxes, would look like a title's type and not join
    assert any(p.endswith("还有必要采取各种形式的改进，如突破性变革、创新和重组。") for p in paragraphs)


def test_markers_and_dash_fragments_the_detector_overlaps_or_cuts_short_stay_with_their_lines():
    """End to end on GJB scan pages 25 and 35. Before: the marker ``b)``,
    boxed apart but overlapping its item, was read on its own, and the crop
    of the item, starting where the marker ended, read nothing: the item
    ``描述所采取的措施；`` was lost. A dash the detector found only as a short
    low fragment was dropped, and it stopped the line's crop from reaching it."""
    source = source_from_bytes((PDF_DATA / "scan_gjb9001c-2017_p25_p35.pdf").read_bytes(), "gjb_p25_p35.pdf")
    paragraphs = normalize(source).paragraphs()
    assert {"a)描述不合格；", "b)描述所采取的措施；", "c)描述获得的让步；"} <= set(paragraphs)
    assert {"——提高评审、挑战和改变观点和决策的能力；", "——提高证实以往决策有效性的能力。"} <= set(paragraphs)
    assert not [p for p in paragraphs if regex.match(r"[a-z][)）]$", p)]  # no marker left alone
    stops = [(r.before, r.after) for r in normalize(source).repairs if r.rule == "ocr_full_stop"]
    assert stops == [("验收.", "验收。")]  # 8.6: …确认其符合接收准则后，方可提交顾客验收.


def test_a_broken_list_marker_is_made_whole_where_its_siblings_say_which_letter_it_is():
    """Saved pages 12, 13 and 19 of the GJB scan: ``g 确保…`` between f) and h),
    ``b)`` between g) and i), ``0)`` after n), ``1)`` after k); the numbered
    items 1) 2) inside item b) of 6.1.2 stay numbers."""
    doc = normalize(load("gjb_scan"))
    markers = [(r.before, r.after, r.certain) for r in doc.repairs if r.rule == "ocr_item_marker"]
    assert {("g", "g)", False), ("b)", "h)", False), ("0)", "o)", False), ("1)", "l)", False)} <= set(markers)
    paragraphs = doc.paragraphs()
    assert "g)确保质量管理体系实现其预期结果；" in paragraphs  # and then its colon is the item's semicolon
    assert any(p.startswith("h)对后续产品和服务提供的要求；") for p in paragraphs)
    assert "1)在质量管理体系过程中整合并实施这些措施（见4.4）；" in paragraphs
    assert "2)评价这些措施的有效性。" in paragraphs


def test_a_list_item_keeps_the_half_width_bracket_standards_print():
    repairs = _repairs("gjb_scan", "ocr_list_bracket")
    assert ("a）稳定", "a)稳定") in repairs and ("1）确信", "1)确信") in repairs


def test_ocr_repairs_are_guesses_carrying_the_confidence_and_run_on_ocr_lines_only():
    doc = normalize(load("amac_scan"))
    ocr_rules = {r for r in doc.repairs if r.rule.startswith("ocr_")}
    assert ocr_rules and all(not r.certain and r.note.startswith("OCR confidence 0.9") for r in ocr_rules)
    text = "中基协处分（2025）334号，为自已或他人，自己"
    assert not [r for r in normalize(source_from_bytes(text.encode(), "x.txt")).repairs if r.rule.startswith("ocr_")]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_character_of_the_ocr_lines_is_accounted_for(name):
    source = load(name)
    assert unaccounted(source, render(source)) == {}


def test_doubtful_lines_are_reported_for_review_and_the_pages_recorded_in_the_xml():
    source = load("hangzhou_rendered")
    rendering = render(source)
    root = etree.fromstring(rendering.xml)
    pages = [(o.get("page"), o.get("engine"), o.get("dpi")) for o in root.iterfind("g:meta/g:ocr", NS)]
    assert pages == [("1", "rapidocr", "200"), ("2", "rapidocr", "200"), ("3", "rapidocr", "200")]
    assert all(0.9 < float(o.get("confidence")) <= 1 for o in root.iterfind("g:meta/g:ocr", NS))
    doubtful = [(p.page, no) for p in source.ocr for no, _, _ in p.doubtful]
    assert doubtful, "the saved pages have lines under the threshold (the page numbers)"
    problems = [(int(p.get("page")), p.text) for p in root.iterfind("g:meta/g:problem", NS)]
    for page, no in doubtful:
        assert any(at == page and f"line {no} read by OCR with confidence" in text for at, text in problems)
    assert "to be checked (OCR confidence under the threshold):" in format_explanation(rendering.doc)


def test_ocr_settings_are_validated():
    assert PdfSettings().ocr_engine == "rapidocr" and PdfSettings().ocr_dpi == 200
    for bad in ({"ocr_dpi": 50}, {"ocr_min_confidence": 1.5}, {"ocr_engine": "paddle"},
                {"force_ocr": True, "ocr_engine": "none"}):
        with pytest.raises(PdfSettingsError):
            PdfSettings(**bad)


def test_a_scanned_page_is_read_by_the_engine_through_a_seal(last_page, tmp_path):
    """End to end: the engine reads the page; the seal over the issuer's name does not hide it."""
    outcome = archive_file(last_page, tmp_path / "archive")
    assert outcome.status == "archived", outcome.reason
    (xml,) = (tmp_path / "archive" / "packages").rglob("gazette.xml")
    root = etree.parse(str(xml)).getroot()
    assert [(o.get("page"), o.get("engine"), o.get("dpi")) for o in root.iterfind(".//g:ocr", NS)] == [
        ("1", "rapidocr", "200")]
    signature = root.find(".//g:signature", NS)
    assert signature.findtext("g:issuer", namespaces=NS) == "中国证券投资基金业协会"
    assert signature.find("g:date", NS).get("iso") == "2025-11-25"


def test_pages_with_a_text_layer_are_not_read_by_ocr_unless_forced(tmp_path):
    path = tmp_path / "latin.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 14)
    pdf.drawString(72, 700, "Quality management systems 2017")
    pdf.save()
    read = source_from_bytes(path.read_bytes(), "latin.pdf")
    assert read.ocr == [] and read.lines[0].ocr_confidence is None
    forced = source_from_bytes(path.read_bytes(), "latin.pdf", PdfSettings(force_ocr=True))
    assert [page.page for page in forced.ocr] == [1]
    assert forced.lines[0].text.replace(" ", "") == "Qualitymanagementsystems2017"
    assert forced.lines[0].ocr_confidence is not None


def test_a_missing_engine_names_what_to_install_and_the_file_is_quarantined(last_page, tmp_path, monkeypatch):
    def missing():
        raise ocr.EngineMissingError(f"the OCR engine rapidocr is not installed: {ocr.INSTALL['rapidocr']}")

    ocr.engine.cache_clear()
    monkeypatch.setitem(ocr.ENGINES, "rapidocr", missing)
    try:
        outcome = archive_file(last_page, tmp_path / "archive")
    finally:
        ocr.engine.cache_clear()
    assert outcome.status == "quarantined"
    assert "page 1 has no text layer and needs OCR" in outcome.reason
    assert "pip install 'gazette[ocr]'" in outcome.reason
    assert list((tmp_path / "archive" / "quarantine").rglob("error.json"))


def test_with_ocr_off_a_scan_is_refused_as_before(last_page):
    from gazette.normalize import SourceError

    with pytest.raises(SourceError) as error:
        source_from_bytes(last_page.read_bytes(), "scan.pdf", PdfSettings(ocr_engine="none"))
    assert "no text layer on any page (image-only PDF: needs OCR)" in error.value.reason


def test_a_figures_labels_standing_apart_on_a_scan_are_no_table():
    """GJB 9001C's 图1 (page 7 of the real scan, OCR saved): its labels stand
    apart, the OCR reader writes an ideographic space for each wide gap
    (``方的过程　例如以材料、资源　例如以产品、服务　方的过程``). On a page such
    a space is a gap measured there, not the wide gap a text layer types
    between cells: no table, and the heading ``0.3.2 PDCA循环`` and its
    paragraph after the figure stay text (they went into a table of seven rows)."""
    document = normalize(load("gjb_figure"))
    assert document.tables() == []
    paragraphs = document.paragraphs()
    assert "0.3.2 PDCA循环" in paragraphs
    assert any(paragraph.startswith("PDCA循环能够应用于所有过程") for paragraph in paragraphs)
