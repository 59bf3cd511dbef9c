"""Reading OFD files and Word documents into the one line model, behind one
reader interface: formats told by content, bad containers refused, the real
OFD files and the real Word issue read without losing a character."""

from __future__ import annotations

import ast
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pypdfium2
import pytest
import regex
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt
from lxml import etree

from gazette.archive.ingest import archive_file
from gazette.normalize import SourceError, read_source, source_from_bytes
from gazette.normalize import read as reading
from gazette.normalize.read import format_of
from gazette.normalize.read.settings import PdfSettings
from gazette.render import render

from .conftest import DATA, PDF_DATA, ROOT, SAMPLES
from .conservation import unaccounted
from .ofd_maker import Picture, Text, centred, gongwen_page, one_object_a_character, write_ofd

NS = {"g": "urn:gazette-archive:1"}
OFD = DATA / "ofd"
WORD_ISSUE = DATA / "issues" / "guowuyuan_1999-01" / "gazette_guowuyuan_1999-01.docx"
TEXT_ISSUE = DATA / "issues" / "guowuyuan_1999-01" / "source.txt"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WHITE = regex.compile(r"\s")
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xml(rendering) -> etree._Element:
    return etree.fromstring(rendering.xml)


def _texts(root: etree._Element, path: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.iterfind(path, NS)]


# -- the format is told by the content ----------------------------------------


def test_the_format_is_told_by_content_not_by_the_name():
    ofd = (SAMPLES / "ofd_gongwen_han_bengbu_2023.ofd").read_bytes()
    word = (SAMPLES / "gazette_guowuyuan_1999-01.docx").read_bytes()
    assert format_of(ofd, "x.txt") == "ofd" and format_of(word, "x.bin") == "docx"
    assert source_from_bytes(ofd, "letter.txt").format == "ofd"  # a wrong name does not make it text
    assert source_from_bytes(word, "issue").format == "docx"
    with pytest.raises(SourceError, match=r"not an OFD file despite its name .*its content is a Word document"):
        source_from_bytes(word, "issue.ofd")
    with pytest.raises(SourceError, match=r"not a Word document despite its name \(not a zip holding word/"):
        source_from_bytes("关于加强管理的通知".encode(), "notice.docx")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    """The zip with its members flagged as encrypted (bit 0 of their flags)."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = patched.find(signature)
        while start >= 0:
            patched[start + offset] |= 1
            start = patched.find(signature, start + 4)
    return bytes(patched)


_BENGBU = (OFD / "ofd_gongwen_han_bengbu_2023.ofd").read_bytes()


@pytest.mark.parametrize("data, name, reason", [
    (_zip({"mimetype": b"application/epub+zip", "content.opf": b"<package/>"}), "book.zip",
     "neither an OFD file (no OFD.xml) nor a Word document"),
    (_BENGBU[: len(_BENGBU) // 2], "cut.ofd", "damaged zip archive"),
    (_encrypted(_BENGBU), "locked.ofd", "encrypted zip archive: a password is needed"),
    (_zip({"OFD.xml": b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'><ofd:DocBody>", }), "broken.ofd",
     "damaged OFD part OFD.xml"),
    (_zip({"OFD.xml": b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'><ofd:DocBody><ofd:DocRoot>Doc_0/"
                      b"Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"}), "empty.ofd",
     "part Doc_0/Document.xml is missing"),
    (_zip({"OFD.xml": b"<x/>", "Doc_0/bomb.xml": bytes(8 * 1024 * 1024)}), "bomb.ofd", "refused as a zip bomb"),
    (_zip({"OFD.xml": b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'><ofd:DocBody><ofd:DocRoot>Doc_0/"
                      b"Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>", "Doc_0/Encryptions.xml": b"<x/>"}),
     "sealed.ofd", "encrypted OFD file"),
    (_zip({"word/document.xml": b"<w:document>", "[Content_Types].xml": b"<Types/>"}), "bad.docx",
     "damaged Word document"),
], ids=["neither", "truncated", "encrypted", "damaged-part", "missing-part", "zip-bomb", "encrypted-ofd",
        "damaged-docx"])
def test_bad_containers_are_refused_naming_the_file_and_the_reason(data, name, reason):
    with pytest.raises(SourceError) as error:
        source_from_bytes(data, name)
    assert error.value.path == name
    assert reason in error.value.reason


def test_a_bad_ofd_goes_to_quarantine_and_nothing_is_archived(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "cut.ofd").write_bytes(_BENGBU[:20_000])
    outcome = archive_file(inbox / "cut.ofd", tmp_path / "archive")
    assert outcome.status == "quarantined" and "damaged zip archive" in outcome.reason
    error = json.loads((tmp_path / "archive" / "quarantine" / outcome.package.split("/")[-1] / "error.json").read_text())
    assert (error["stage"], error["file"]) == ("decode", str(inbox / "cut.ofd"))
    assert not list((tmp_path / "archive").rglob("*.xml"))


# -- OFD ---------------------------------------------------------------------


def _drawn_text(data: bytes) -> Counter:
    """The characters an OFD draws on its pages, counted here from the XML
    (pages, templates and the composite drawings pages use; not annotations)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
             if name.endswith(".xml") and "/Tags/" not in name}  # custom tags draw nothing (and may be no XML)
    pages = [root for name, root in parts.items() if "/Annot" not in name and root.tag.endswith("}Page")]
    used = {e.get("ResourceID") for root in pages for e in root.iter("{*}CompositeObject")}
    units = [u for root in parts.values() for u in root.iter("{*}CompositeGraphicUnit") if u.get("ID") in used]
    found: Counter = Counter()
    for holder in pages + units:
        for code in holder.iter("{*}TextCode"):
            found.update(_WHITE.sub("", code.text or ""))
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in OFD.glob("*.ofd")))
def test_every_real_ofd_is_read_without_losing_a_character(name):
    data = (OFD / name).read_bytes()
    source = source_from_bytes(data, name)
    read = Counter(_WHITE.sub("", "".join(line.text for line in source.lines)))
    assert read == _drawn_text(data)  # the reader neither loses nor invents a character
    rendering = render(source)  # schema-valid XML
    assert unaccounted(source, rendering) == Counter()
    assert _xml(rendering).find("g:meta/g:source", NS).get("format") == "ofd"


def test_a_real_ofd_letter_gives_its_fields_and_the_files_own_metadata():
    rendering = render(read_source(SAMPLES / "ofd_gongwen_han_bengbu_2023.ofd"))
    root = _xml(rendering)
    article = root.find("g:article", NS)
    assert article.get("type") == "函"
    assert _texts(article, "g:title") == ["关于加快南货场铁路涵洞下穿建设的函"]
    assert _texts(article, "g:addressee") == ["蚌山区政府"]
    assert article.find("g:signature/g:date", NS).get("iso") == "2023-07-12"
    assert _texts(article, "g:body/g:p")[-1] == "此函。"
    assert article.find("g:body/g:p", NS).text.endswith("并加快工程施工建设。")  # 7 lines, one paragraph
    properties = {p.get("name"): p.text for p in root.iterfind("g:meta/g:property", NS)}
    assert properties["title"] == "蚌埠市国土资源局" and properties["created"] == "2023-7-12"
    # printed without a number: archived with a warning, not refused
    assert any("not found: document number" in w for w in rendering.report()["warnings"])


def test_seals_are_recorded_as_the_file_states_them_not_verified():
    signed = render(read_source(OFD / "ofd_gongwen_linxiang_ziranziyuan_yijianshu_2022.ofd"))
    seals = _xml(signed).findall("g:meta/g:seal", NS)
    assert [(s.get("kind"), s.get("signer"), s.get("time")) for s in seals] == [
        ("sign", "一部手机办事通设备证书", "2022-09-03T05:41:27Z")] * 2
    stamped = read_source(OFD / "ofd_gongwen_shouwen_chulidan_2020.ofd")
    assert [(s.kind, s.page, s.time) for s in stamped.seals] == [
        ("stamp", 1, "2020-06-16 14:29:58"), ("stamp", 1, "2020-06-18 00:17:05"), ("stamp", 1, "2020-06-18 23:45:19")]
    # a reader's note drawn over the page is kept as a problem of its page, not read as the text
    (note,) = [n for n in stamped.notices if n.kind == "annotation"]
    assert note.page == 1 and note.message.endswith("测试文本注释")
    assert not any("测试文本注释" in line.text for line in stamped.lines)
    problems = _xml(render(stamped)).findall("g:meta/g:problem[@kind='annotation']", NS)
    assert [p.get("page") for p in problems] == ["1"]


def test_text_kept_in_shared_composite_drawings_is_read_in_place():
    """The CNKI magazine keeps all its text in ``CompositeGraphicUnit``s of
    ``DocumentRes.xml``; its pages only place them."""
    source = read_source(OFD / "ofd_magazine_zhongguodangan_2019-03.ofd")
    assert max(line.page for line in source.lines) == 3
    texts = [line.text for line in source.lines]
    assert "勇立潮头 真抓实干" in texts and "建设新时代海关数字档案室" in texts
    title = source.lines[texts.index("勇立潮头 真抓实干")].geometry
    assert title.size == pytest.approx(26, abs=0.1)  # type of size 1, drawn 9 × 0.3528 mm high in its unit


_LETTER = ["某市人民政府关于做好春季森林防火工作的通知",
           "某政发〔2024〕5号",
           "各县（市、区）人民政府，市政府各部门：",
           "\u3000\u3000为切实做好今年春季森林防火工作，确保人民群众生命财产安全，",
           "经市政府同意，现就有关事项通知如下。"]


def test_a_page_template_prints_furniture_and_deltas_and_matrices_place_the_glyphs():
    pages = [gongwen_page(_LETTER), gongwen_page(["\u3000\u3000各地要加强值班值守，发现火情及时报告。",
                                                   "某市人民政府", "2024年3月1日"])]
    # the second page's lines drawn by an object matrix in units of 1/10 mm: the same places
    pages[1] = [Text(t.text, t.x, t.y, t.size, ctm="0.1 0 0 0.1 0 0") for t in pages[1]]
    data = write_ofd(pages, template=[Text("某市人民政府公报", 80, 20, 4.2)])
    source = source_from_bytes(data, "t.ofd")
    heads = [line for line in source.lines if line.text == "某市人民政府公报"]
    assert [(h.page, h.furniture) for h in heads] == [(1, "page_template"), (2, "page_template")]
    first = {line.text: line for line in source.lines}
    indented = first["各地要加强值班值守，发现火情及时报告。"].geometry
    assert indented.x0 == pytest.approx((26 + 2 * 5.6) * 72 / 25.4, abs=0.1)
    assert indented.x1 - indented.x0 == pytest.approx(19 * 5.6 * 72 / 25.4, abs=0.5)
    root = _xml(render(source))
    article = root.find("g:article", NS)
    assert article.find("g:docNumber", NS).text == "某政发〔2024〕5号"
    assert "某市人民政府公报" not in "".join(root.find("g:article", NS).itertext())
    assert article.find("g:signature/g:date", NS).get("iso") == "2024-03-01"


def _wrapped(text: str, width: int = 28) -> list[str]:
    """A paragraph cut into lines of ``width`` characters, the first indented by two."""
    text = "\u3000\u3000" + text
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_a_gongwen_drawn_one_character_an_object_gives_its_fields():
    """A GB/T 9704 公文 as OFD converters write it: the red head and the title
    in large type, centred; each character its own text object; the page
    number at the foot; two pages."""
    body = _wrapped("为切实做好今年春季森林防火工作，有效预防和遏制森林火灾发生，确保人民群众生命财产安全和"
                    "森林资源安全，经市政府同意，现就有关事项通知如下。") + _wrapped(
        "各县（市、区）人民政府要落实属地管理责任，严格执行二十四小时值班和领导带班制度，发现火情及时报告，"
        "科学扑救，确保打早、打小、打了。") * 3
    first = [centred("某某市人民政府文件", 45, 12.0), centred("某政发〔2024〕5号", 75),
             centred("某某市人民政府关于做好", 95, 7.8), centred("春季森林防火工作的通知", 106, 7.8)]
    first += gongwen_page(["各县（市、区）人民政府，市政府各部门："] + body[:12], top=125)
    first.append(centred("— 1 —", 280, 4.9))
    second = gongwen_page(body[12:] + ["\u3000\u3000特此通知。"], top=40)
    second += [Text("某某市人民政府", 130, 150), Text("2024年3月1日", 132, 160), centred("— 2 —", 280, 4.9)]
    pages = [[glyph for item in page for glyph in one_object_a_character(item)] for page in (first, second)]
    rendering = render(source_from_bytes(write_ofd(pages), "notice.ofd"))
    article = _xml(rendering).find("g:article", NS)
    assert article.get("type") == "通知"
    assert _texts(article, "g:title") == ["某某市人民政府关于做好春季森林防火工作的通知"]
    assert article.findtext("g:docNumber", namespaces=NS) == "某政发〔2024〕5号"
    assert _texts(article, "g:addressee") == ["各县（市、区）人民政府，市政府各部门"]
    assert article.find("g:signature/g:date", NS).get("iso") == "2024-03-01"
    assert _texts(article, "g:signature/g:issuer") == ["某某市人民政府"]
    paragraphs = _texts(article, "g:body/g:p")
    assert len(paragraphs) == 5 and paragraphs[-1] == "特此通知。"
    assert all("—" not in p for p in paragraphs)  # the page numbers are furniture


def test_an_ofd_page_of_images_only_is_read_by_ocr():
    pdf = pypdfium2.PdfDocument((PDF_DATA / "hangzhou_hangzhenghan-2024-16_p1-2_p34.pdf").read_bytes())
    buffer = io.BytesIO()
    pdf[0].render(scale=150 / 72).to_pil().convert("RGB").save(buffer, "PNG")
    pdf.close()
    data = write_ofd([[Picture(buffer.getvalue(), (0, 0, 210, 297))]])
    source = source_from_bytes(data, "scan.ofd")
    assert [(page.page, page.engine) for page in source.ocr] == [(1, "rapidocr")]
    assert any("杭州市人民政府" in line.text for line in source.lines)
    assert all(line.ocr_confidence is not None for line in source.lines)
    with pytest.raises(SourceError, match="no text on any page"):
        source_from_bytes(data, "scan.ofd", PdfSettings(ocr_engine="none"))


# -- Word --------------------------------------------------------------------


def _articles(rendering) -> list[tuple]:
    return [(a.get("type"), "".join(a.find("g:title", NS).itertext()),
             a.findtext("g:docNumber", namespaces=NS)) for a in _xml(rendering).iterfind("g:article", NS)]


def test_the_word_issue_gives_the_items_of_its_text_version():
    word = render(read_source(WORD_ISSUE))
    text = render(read_source(TEXT_ISSUE))
    assert _articles(word) == _articles(text)
    assert len(_articles(word)) == 7
    def entries(rendering) -> list[tuple[str, str | None]]:
        return [(entry.findtext("g:title", namespaces=NS), entry.get("ref"))
                for toc in _xml(rendering).iterfind("g:toc", NS) if toc.get(_LANG) is None
                for entry in toc.iterfind("g:section/g:entry", NS)]

    assert entries(word) == entries(text)
    assert len(entries(word)) == 14 and all(ref for _, ref in entries(word))


def _runs_text(data: bytes) -> Counter:
    """The characters of a Word document's runs (``w:t``), counted here from its
    XML, but a drawing's fallback copy of a text box."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    found: Counter = Counter()
    for name in archive.namelist():
        if regex.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            for t in etree.fromstring(archive.read(name)).iter(f"{_W}t"):
                if not any(etree.QName(a).localname == "Fallback" for a in t.iterancestors()):
                    found.update(_WHITE.sub("", t.text or ""))
    return found


def test_a_word_document_without_core_properties_has_none_made_up():
    """The Word issue has no ``docProps/core.xml``: python-docx would make up
    the title ``Word Document`` and the time of reading as ``modified``, so
    the same bytes gave another XML each run."""
    root = _xml(render(read_source(WORD_ISSUE)))
    assert [p.get("name") for p in root.iterfind("g:meta/g:property", NS)] == []


def test_the_word_issue_is_read_without_losing_a_character_and_without_its_field_codes():
    data = WORD_ISSUE.read_bytes()
    source = source_from_bytes(data, WORD_ISSUE.name)
    assert Counter(_WHITE.sub("", "".join(line.text for line in source.lines))) == _runs_text(data)
    assert unaccounted(source, render(source)) == Counter()
    assert b"TOC \\o" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert not any("TOC" in line.text or "\\o" in line.text for line in source.lines)
    footer = [line for line in source.lines if line.furniture == "page_template"]
    assert footer and all(len(line.text) < 40 for line in footer)  # page numbers in footer text boxes


def _word(tmp_path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某市人民政府公报"
    section.footer.paragraphs[0].text = "— 1 —"
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("某市人民政府办公室关于印发2024年重点工作分工方案的通知").font.size = Pt(22)
    document.add_paragraph("某政办发〔2024〕3号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("各县（市、区）人民政府，市政府各部门：")
    body = document.add_paragraph("经市政府同意，现将分工方案印发给你们，请认真贯彻执行。")
    body.paragraph_format.first_line_indent = Pt(32)
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate([["序号", "工作任务", "责任单位"], ["1", "推进项目建设", "市发改委"],
                                 ["", "", "市财政局"]]):
        for col, text in enumerate(cells):
            table.cell(row, col).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # 序号 1 spans two rows (vMerge)
    table.cell(1, 1).merge(table.cell(2, 1))
    document.add_paragraph("续表说明").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("某市人民政府办公室").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("2024年1月5日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    spanned = document.add_table(rows=2, cols=3)
    spanned.cell(0, 0).merge(spanned.cell(0, 2)).text = "合计"  # gridSpan 3
    for col, text in enumerate(["12", "34", "46"]):
        spanned.cell(1, col).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


def test_word_layout_tables_headers_and_page_breaks_are_read_as_word_records_them(tmp_path):
    source = read_source(_word(tmp_path))
    by_text = {line.text: line for line in source.lines}
    assert by_text["某市人民政府公报"].furniture == by_text["— 1 —"].furniture == "page_template"
    title = by_text["某市人民政府办公室关于印发2024年重点工作分工方案的通知"].geometry
    assert title.centred and title.large
    assert by_text["经市政府同意，现将分工方案印发给你们，请认真贯彻执行。"].geometry.indented
    assert by_text["某市人民政府办公室"].page == 2  # after the page break
    rendering = render(source)
    root = _xml(rendering)
    article = root.find("g:article", NS)
    assert _texts(article, "g:title") == ["某市人民政府办公室关于印发2024年重点工作分工方案的通知"]
    assert article.findtext("g:docNumber", namespaces=NS) == "某政办发〔2024〕3号"
    assert article.find("g:signature/g:date", NS).get("iso") == "2024-01-05"
    first, second = root.iterfind(".//g:table", NS)
    rows = [[(c.text, c.get("rowspan"), c.get("colspan")) for c in row] for row in first.iterfind("g:row", NS)]
    assert rows[1] == [("1", "2", None), ("推进项目建设", "2", None), ("市发改委", None, None)]
    assert rows[2] == [("市财政局", None, None)]
    assert [(c.text, c.get("colspan")) for c in second.find("g:row", NS)] == [("合计", "3")]
    assert "某市人民政府公报" not in "".join(article.itertext())
    assert unaccounted(source, rendering) == Counter()


# -- one reader interface ----------------------------------------------------


def _imports(path: Path) -> list[str]:
    """The modules a file imports, made absolute."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found += [module] + [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def test_no_other_layer_reaches_into_the_readers():
    """Outside ``gazette/normalize/read``, the code uses what the reading package
    exports, never its modules."""
    folder = ROOT / "gazette" / "normalize" / "read"
    offenders = {}
    for path in (ROOT / "gazette").rglob("*.py"):
        if folder in path.parents:
            continue
        inside = [m for m in _imports(path) if m.startswith("gazette.normalize.read.")
                  and m.split(".")[3] not in reading.__all__]
        if inside:
            offenders[str(path.relative_to(ROOT))] = inside
    assert offenders == {}

