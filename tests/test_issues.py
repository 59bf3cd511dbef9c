"""Whole gazette issues: masthead, TOC and the items the TOC opens, from text and PDF.

The issues are real (``tests/data/issues``, ``SOURCES.md`` there): the
《国务院公报》1999年第1号 as its text layer (``source.txt``) and the
一九五四年第一号 as its published PDF (``gwyb195401.pdf``), each with a gold
read by hand; the same issues typeset here as GB/T 9704 PDFs in two styles
(``tests/issue_pdf.py``), and the samples' text layers drawn as PDFs
(``tests/layer_pdf.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from gazette.normalize import normalize, read_source, source_from_bytes
from gazette.normalize.structure import build_issue
from gazette.normalize.structure.masthead import read_meta
from gazette.normalize.structure.toc import TocParser
from gazette.render import render

from .conftest import sample_path
from .conservation import unaccounted
from .issue_metrics import ISSUES, load_gold, score
from .issue_pdf import STYLE_B, Style, read_issue, typeset, write_pdf
from .layer_pdf import Layout, write_layer_pdf

NS = {"g": "urn:gazette-archive:1"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ISSUE_1999 = ISSUES / "guowuyuan_1999-01" / "source.txt"
ISSUE_1954 = ISSUES / "guowuyuan_1954-01" / "gwyb195401.pdf"


@pytest.fixture(scope="module")
def rendered():
    """Render each file once: path → (source, rendering, root)."""
    cache: dict[Path, tuple] = {}

    def get(path: Path):
        if path not in cache:
            source = read_source(path)
            rendering = render(source)
            cache[path] = (source, rendering, etree.fromstring(rendering.xml))
        return cache[path]

    return get


@pytest.fixture(scope="module")
def typeset_pdf(tmp_path_factory):
    """An issue folder typeset in a style, drawn once: (name, style letter) → PDF path."""
    made: dict[tuple[str, str], Path] = {}
    folder = tmp_path_factory.mktemp("typeset")

    def get(name: str, letter: str) -> Path:
        if (name, letter) not in made:
            first = min(item["page"] for item in load_gold(name)["items"])
            style = Style(first_item_page=first) if letter == "A" else Style(
                **{**STYLE_B.__dict__, "first_item_page": first})
            made[(name, letter)] = write_pdf(typeset(read_issue(ISSUES / name), style),
                                             folder / f"{name}-{letter}.pdf", style)
        return made[(name, letter)]

    return get


def _text(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _toc(root, foreign: bool = False):
    return next(t for t in root.iterfind("g:toc", NS) if (t.get(XML_LANG) is not None) == foreign)


# -- the 1999 issue, its real text layer -------------------------------------

def test_the_1999_issue_is_split_where_its_toc_entries_are_printed(rendered):
    """14 entries, 7 items: four of the entries are the documents the notice
    before them forwards or issues, three the attachments of a notice (under
    ``附件一``…); each entry points at its item or at that part."""
    _, rendering, root = rendered(ISSUE_1999)
    gold = load_gold("guowuyuan_1999-01")
    assert score(rendering.xml, gold).row()[:6] == ["3/3", "14/14", "7/7", "14/14", "7/7", "7/7"]
    entries = list(_toc(root).iterfind(".//g:entry", NS))
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    assert all(entry.get("ref") in ids for entry in entries)
    parts = [(entry.get("ref"), _text(entry.find("g:title", NS))) for entry in entries if "-part-" in entry.get("ref")]
    assert parts[:2] == [("国发-1999-2-part-1", "关于加快农村电力体制改革加强农村电力管理的意见"),
                         ("国办发-1999-1-part-1", "整顿财政周转金方案")]
    attachment = root.find(".//g:attachment[@id='国土资发-1998-222-part-2']", NS)
    assert (attachment.get("label"), _text(attachment.find("g:title", NS))) == ("附件二", "土地综合信息")
    assert rendering.issue.warnings == ["中华人民共和国主席任免人员: not found: signature, date"]


def test_an_item_without_a_number_gets_an_id_from_the_issue_and_a_type_from_its_title(rendered):
    _, _, root = rendered(ISSUE_1999)
    last = root.findall("g:article", NS)[-1]
    assert (last.get("id"), last.get("type"), _text(last.find("g:title", NS))) == (
        "中华人民共和国国务院公报-1999-1-item-07", "任免人员", "中华人民共和国主席任免人员")


def test_the_issuer_printed_after_a_toc_title_is_not_the_title(rendered):
    _, _, root = rendered(ISSUE_1999)
    entries = {_text(e.find("g:title", NS)): e.findtext("g:issuer", namespaces=NS)
               for e in _toc(root).iterfind(".//g:entry", NS)}
    assert entries["关于印发《公务员申诉案件办案规则》的通知"] == "人事部"
    assert entries["关于建立建设用地信息发布制度的通知"] == "国土资源部"


def test_a_number_printed_on_the_addressee_line_and_an_addressee_on_the_first_line_of_text(rendered):
    """``国发〔1999〕2号 各省、…：`` and ``云南省人民政府: 你省《…》…收悉。``."""
    _, _, root = rendered(ISSUE_1999)
    first = root.find("g:article[@id='国发-1999-2']", NS)
    assert first.findtext("g:docNumber", namespaces=NS) == "国发〔1999〕2号"
    assert first.findtext("g:addressee", namespaces=NS) == "各省、自治区、直辖市入民政府，国务院各部委、各直属机构"
    reply = root.find("g:article[@id='国函-1999-1']", NS)
    assert reply.findtext("g:addressee", namespaces=NS) == "云南省人民政府"
    assert _text(reply.find("g:body/g:p", NS)).startswith("你省《关于撤销县级腕町市")


def test_the_english_contents_are_a_toc_of_their_own_linked_to_the_same_items(rendered):
    """The CONTENTS page is kept as it is printed (its masthead, its entries
    wrapped over lines, translator and subscription lines), never as entries
    of the Chinese TOC nor as titles; each entry points where the Chinese
    entry of its page does (the English TOC leaves out the 批复)."""
    _, _, root = rendered(ISSUE_1999)
    chinese, english = _toc(root), _toc(root, foreign=True)
    assert all(not any("A" <= ch <= "z" for ch in _text(e.find("g:title", NS)))
               for e in chinese.iterfind(".//g:entry", NS))
    assert not any("CONTENTS" in _text(t) or "Circular" in _text(t) for t in root.iterfind(".//g:title", NS)
                   if t.getparent().tag != "{urn:gazette-archive:1}entry")
    assert (english.get(XML_LANG), english.get("label")) == ("en", "CONTENTS")
    assert [line.text for line in english.iterfind("g:line", NS)] == [
        "GAZETTE OF THE STATE COUNCIL OF THE", "PEOPLE'S REPUBLIC OF CHINA", "January 29, 1999Issue No. 1Serial No.928"]
    entries = list(english.iterfind(".//g:entry", NS))
    assert len(entries) == 13
    assert _text(entries[0].find("g:title", NS)).endswith("Strengthening the Rural Power Management")
    assert [e.get("ref") for e in entries[-2:]] == ["国土资发-1998-222-part-3", "中华人民共和国国务院公报-1999-1-item-07"]
    assert english.findtext("g:note[2]", namespaces=NS).startswith("(The Table of Contents is prepared")


def test_the_masthead_gives_the_issue_and_its_date(rendered):
    _, rendering, _ = rendered(ISSUE_1999)
    meta = rendering.issue.meta
    assert (meta.publication, meta.year, meta.issue_number, meta.cumulative_number, meta.published.iso) == (
        "中华人民共和国国务院公报", 1999, 1, 928, "1999-01-29")


# -- the 1954 issue, its real PDF --------------------------------------------

def test_the_1954_issue_has_28_entries_for_its_24_items_none_with_a_number(rendered):
    """一九五四年第一号（总第一号）: Chinese numerals and 号; the TOC's entries
    wrapped over two lines with leader dots and ``( 4)``; the four notes
    printed indented under the trade agreement are its parts."""
    _, rendering, root = rendered(ISSUE_1954)
    meta = rendering.issue.meta
    assert (meta.publication, meta.year, meta.issue_number, meta.cumulative_number, meta.published.iso) == (
        "中华人民共和国国务院公报", 1954, 1, 1, "1955-03-01")
    assert score(rendering.xml, load_gold("guowuyuan_1954-01")).row()[:4] == ["3/3", "28/28", "24/24", "28/28"]
    entries = list(_toc(root).iterfind(".//g:entry", NS))
    assert [e.get("level") for e in entries[15:19]] == ["2"] * 4
    assert [e.get("ref") for e in entries[15:19]] == [f"中华人民共和国国务院公报-1954-1-item-15-part-{n}" for n in range(1, 5)]
    articles = root.findall("g:article", NS)
    assert [a.get("type") for a in articles[:3]] == ["公报", "宣言", "宣言"]
    assert articles[16].get("type") == "电文" and articles[23].get("type") == "决定"
    assert root.find("g:article/g:docNumber", NS) is None


def test_a_real_pdfs_prose_spaced_as_its_reader_measured_is_no_table(rendered):
    """The 1954 issue's scanned prose spaces its names' middle dots (``尼
    ·谢 ·赫鲁晓夫``): a text layer's one space between two words parts a
    table's cells, a page's does not (``detect._headless_row``)."""
    _, _, root = rendered(ISSUE_1954)
    assert not any("赫鲁晓夫" in _text(cell) for cell in root.iterfind(".//g:cell", NS))
    assert any("尼·谢·赫鲁晓夫" in _text(p).replace(" ", "") for p in root.iterfind(".//g:p", NS))


def test_no_entry_of_a_real_issue_runs_into_the_next_with_its_leader_dots(rendered):
    _, _, root = rendered(ISSUE_1954)
    titles = [_text(e.find("g:title", NS)) for e in _toc(root).iterfind(".//g:entry", NS)]
    assert not any("…" in title or ".." in title or "（" in title[-4:] for title in titles)
    assert titles[3] == "中苏关于苏联军队自共同使用的中国旅顺口海军根据地撤退业将该根据地交由中华人民共和国完全支配的联合公报"


@pytest.mark.parametrize("path", [ISSUE_1999, ISSUE_1954], ids=["1999 text", "1954 PDF"])
def test_nothing_of_a_real_issue_is_lost(rendered, path):
    source, rendering, _ = rendered(path)
    assert unaccounted(source, rendering) == {}


# -- the issues typeset as PDFs -----------------------------------------------

@pytest.mark.parametrize("name, letter, expected", [
    ("guowuyuan_1999-01", "A", ["3/3", "14/14", "7/7", "14/14", "7/7"]),
    ("guowuyuan_1999-01", "B", ["3/3", "14/14", "7/7", "14/14", "7/7"]),
    ("guowuyuan_1954-01", "A", ["3/3", "28/28", "24/24", "28/28", "24/24"]),
    # without indents nothing says the four notes are parts of the agreement: each is an item of its own
    ("guowuyuan_1954-01", "B", ["3/3", "28/28", "24/24", "24/28", "24/24"]),
])
def test_an_issue_typeset_as_a_pdf_gives_its_toc_and_items(rendered, typeset_pdf, name, letter, expected):
    source, rendering, _ = rendered(typeset_pdf(name, letter))
    assert score(rendering.xml, load_gold(name)).row()[:5] == expected
    assert unaccounted(source, rendering) == {}


def test_a_title_whose_first_line_reflow_joined_to_the_text_above_is_cut_back_out(rendered, tmp_path):
    """The 1999 issue's text layer drawn as a PDF: each paragraph one line
    running off the page, so ``…工程管理问题。`` reaches the edge and reflow
    joins the title's first line to it (``关于印发《公务员申诉案件`` /
    ``办案规则》的通知``); the TOC's title is found over the two printed lines."""
    path = write_layer_pdf(ISSUE_1999.read_text("utf-8"), tmp_path / "1999-layer.pdf")
    source, rendering, root = rendered(path)
    assert score(rendering.xml, load_gold("guowuyuan_1999-01")).row()[:5] == ["3/3", "14/14", "7/7", "14/14", "7/7"]
    assert root.find("g:article[@id='人发-1998-76']/g:title", NS).text == "关于印发《公务员申诉案件办案规则》的通知"
    assert unaccounted(source, rendering) == {}


# -- the samples drawn as PDFs -------------------------------------------------

@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    """A sample's text layer drawn as a PDF, its blank lines as gaps or (``gaps`` False) dropped."""
    folder = tmp_path_factory.mktemp("layers")
    return lambda seed, gaps=True: write_layer_pdf(sample_path(seed).read_text("utf-8"),
                                                    folder / f"{seed}-{gaps}.pdf", Layout(gaps=gaps))


@pytest.mark.parametrize("gaps", [True, False], ids=["gaps", "one pitch"])
def test_a_toc_drawn_as_a_pdf_reads_as_its_text_layer_does(rendered, sample_pdf, gaps):
    """Sample 000 as a PDF: its 8 entries (two lines each, the second
    indented, ``CCCC`` leaders) open their 8 items; ``书书书`` is furniture."""
    source, rendering, root = rendered(sample_pdf("000", gaps))
    assert score(rendering.xml, load_gold("zhejiang_2022-19")).row()[:5] == ["3/3", "8/8", "8/8", "8/8", "8/8"]
    assert "书书书" not in _text(root)
    assert any(r.rule == "typesetter_garbage" and r.before == "书书书" for r in rendering.doc.repairs)
    assert unaccounted(source, rendering) == {}


@pytest.mark.parametrize("gaps", [True, False], ids=["gaps", "one pitch"])
def test_a_stacked_table_drawn_as_a_pdf_reads_as_its_text_layer_does(sample_pdf, gaps):
    """Sample 003's 重点工作清单, one character a line, cells parted by blank
    lines: in a PDF the gaps are wider pitches, or there are none (every
    line at one pitch: read line by line, a row's cells where they read
    best); a page may end inside a cell; digits of the table at the top of a
    page are no page numbers."""

    def stacked(path):
        table = next(t for t in normalize(read_source(path)).tables() if t.shape == "stacked")
        return [cell.text for row in table.rows for cell in row.cells]

    text, pdf = stacked(sample_path("003")), stacked(sample_pdf("003", gaps))
    assert len(pdf) == len(text) == 56
    assert sum(a == b for a, b in zip(text, pdf)) >= 0.9 * len(text)


# -- what the TOC and the masthead are made of ---------------------------------

ENTRY = "国务院办公厅转发财政部整顿财政周转金方案的通知"


@pytest.mark.parametrize("line", [
    "{}……………………（{}）",                 # ellipses, full-width brackets
    "{} ....................... ( {})",       # dots, a space in the brackets
    "{}（{}）CCCCCCCCCCCCCCCCCCC",             # a text layer's CCCC after the page
    "{} . . . . . . . . . . . . {}",         # spaced dots, a bare page
    "{}⋯⋯⋯⋯⋯⋯⋯⋯{}",                        # midline ellipses, a bare page
    "{}　　　　（{}）",                        # no leader, a gap
])
def test_a_toc_entry_whatever_its_leader_and_page(line):
    """An entry of the 1999 TOC (twice, its pages 6 and 9) in the leaders and
    page styles gazettes print: each is one entry with its page."""
    text = "\n".join(["中华人民共和国国务院公报", "1999年第1号", "目录", line.format(ENTRY, 6), line.format(ENTRY, 9),
                      ENTRY, "国办发〔1999〕1号", "各省、自治区、直辖市人民政府：", "财政部《整顿财政周转金方案》已经国务院批准。"])
    issue = build_issue(normalize(source_from_bytes(text.encode(), "issue.txt")))
    assert [(e.title, e.page) for s in issue.toc for e in s.entries] == [(ENTRY, 6), (ENTRY, 9)]


def test_entries_wrapped_over_three_lines_under_section_heads():
    """Real entries of the 1954 and 1999 TOCs, wrapped as printed, under the
    section heads gazettes print bare or in brackets."""
    parser = TocParser("bracketed", ("公报", "通知"))
    lines = ["国务院文件", "中华人民共和国政府、苏维埃社会主义共和国联盟政府和蒙古人民共",
             "和国政府关于修建从集寜到乌兰巴托的铁路业组织联运的", "联合公报（10）",
             "【部门文件】", "关于建立建设用地信息发布制度的通知 国土资源部 （21）"]
    assert all(parser.add(line) for line in lines)
    assert [(s.title, [(e.title, e.issuer, e.page) for e in s.entries]) for s in parser.reading.sections] == [
        ("国务院文件", [("中华人民共和国政府、苏维埃社会主义共和国联盟政府和蒙古人民共和国政府关于修建从集寜到乌兰巴托的"
                      "铁路业组织联运的联合公报", None, 10)]),
        ("部门文件", [("关于建立建设用地信息发布制度的通知", "国土资源部", 21)])]
    assert not parser.add("为培育和规范建设用地市场，在国家宏观调控下，充分发挥市场机制配置土地资源的基础作用。")


@pytest.mark.parametrize("lines, expected", [
    (["中华人民共和国", "国 务 院 公 报", "一九五四年第一号（总第一号）"], ("中华人民共和国国务院公报", 1954, 1, 1)),
    (["浙江省人民政府公报", "2022年第19期", "（总第1324期）"], ("浙江省人民政府公报", 2022, 19, 1324)),
    (["中华人民共和国国务院公报", "第1号（总号：928）", "1月29日1999年第1号（总号：928）"], ("中华人民共和国国务院公报", 1999, 1, 928)),
    (["广州市人民政府公报", "二〇二三年第二十六期"], ("广州市人民政府公报", 2023, 26, None)),
])
def test_a_masthead_in_any_gazettes_style(lines, expected):
    meta = read_meta([line.replace(" ", "") for line in lines])
    assert (meta.publication, meta.year, meta.issue_number, meta.cumulative_number) == expected


def test_an_announcements_number_is_no_issue_number():
    """``公告2025年第17号`` names an announcement, not an issue of a gazette."""
    text = "财政部　税务总局公告2025年第17号\n现将有关事项公告如下：\n一、本公告自2025年1月1日起施行。\n财政部　税务总局\n2025年6月1日"
    assert render(source_from_bytes(text.encode(), "a.txt")).issue.kind == "document"
