"""Real published PDFs, cut to a few pages (``tests/data/pdf``, from
``../shared/real/pdf``; see ``tests/data/pdf/SOURCES.md``).

Each test names the class of failure it guards against, seen on these
files and expected on others of their kind:

* Founder (方正) typesetting: punctuation under private codes, digits in a
  font whose boxes hang below the line (Sichuan);
* the head of a 公文 with a red issuer's mark, a register code above it and
  the 版记 on its last page (Hangzhou);
* tables of a 政府信息公开 annual report: invisible white boxes behind the
  prose, a table left open at a page break, merged cells (Hongze).
"""

from __future__ import annotations

import pytest
import regex
from lxml import etree

from gazette.normalize import read_source
from gazette.render import render

from .conftest import PDF_DATA
from .conservation import unaccounted

NS = {"g": "urn:gazette-archive:1"}
SICHUAN = "sichuan_chuanbangui-2025-6_p1-4.pdf"
HANGZHOU = "hangzhou_hangzhenghan-2024-16_p1-2_p34.pdf"
HONGZE = "hongze_zfxxgk-annual-2023_p2-4.pdf"
STANDARD = "standard_gjb9001c-2017_p1-6.pdf"
ANNEX = "annex_green-channel-vegetables-2023.pdf"
BUDGET = "budget_putuo_wanli-street-2025_p1-3.pdf"
ACCOUNTS = "finalaccounts_putuo_planning-natres-2024_p1-4.pdf"
LAND_USE = "excerpt_anhui-land-use-standard-2020_p1.pdf"


@pytest.fixture(scope="module")
def rendered():
    """Each excerpt read and rendered once: (source, rendering, XML root)."""
    cache = {}

    def get(name: str):
        if name not in cache:
            source = read_source(PDF_DATA / name)
            rendering = render(source)
            cache[name] = source, rendering, etree.fromstring(rendering.xml)
        return cache[name]

    return get


def _text(root, path: str) -> list[str]:
    return ["".join(element.itertext()).strip() for element in root.iterfind(path, NS)]


def _fields(root) -> dict[str, list[str]]:
    article = "g:article"
    return {
        "number": _text(root, f"{article}/g:docNumber"),
        "title": _text(root, f"{article}/g:title"),
        "addressee": _text(root, f"{article}/g:addressee"),
        "issuer": _text(root, f"{article}/g:signature/g:issuer"),
        "date": [d.get("iso") for d in root.iterfind(f"{article}/g:signature/g:date", NS)],
    }


@pytest.mark.parametrize("name", [SICHUAN, HANGZHOU, HONGZE, STANDARD, BUDGET, ACCOUNTS])
def test_every_character_of_a_real_pdf_is_accounted_for(rendered, name):
    source, rendering, _ = rendered(name)
    assert unaccounted(source, rendering) == {}


@pytest.mark.parametrize("name", [SICHUAN, HANGZHOU, HONGZE])
def test_page_numbers_of_a_real_pdf_are_milestones_not_text(rendered, name):
    _, _, root = rendered(name)
    text = "".join(root.find("g:article", NS).itertext())
    assert not regex.search(r"(?<![A-Z0-9])[—－-]\s*[0-9０-９]+\s*[—－-](?![0-9])", text)  # not ZJAC00-2024-0001


def test_founder_punctuation_is_decoded_and_recorded_as_a_guess(rendered):
    _, rendering, root = rendered(SICHUAN)
    text = "".join(root.itertext())
    assert not regex.search(r"[\ua000-\ua4cf«»\U00100000-\U0010ffff]", text)
    assert "减少水平低于5.5%的企业" in text  # Founder's decimal point, between full-width digits
    decoded = [r for r in rendering.doc.repairs if r.rule == "decode_typesetter_codes"]
    assert {r.certain for r in decoded} == {False}
    assert any("ꎬ" in r.before and "，" in r.after for r in decoded)


def test_a_founder_typeset_document_has_its_fields(rendered):
    _, _, root = rendered(SICHUAN)
    fields = _fields(root)
    assert fields == {
        "number": ["川办规〔2025〕6号"],
        "title": ["四川省人民政府办公厅关于印发《支持创业带动就业的若干政策措施》的通知"],
        "addressee": ["各市（州）、县（市、区）人民政府，省政府各部门、各直属机构，有关单位"],
        "issuer": ["四川省人民政府办公厅"],
        "date": ["2025-04-30"],
    }
    assert _text(root, "g:article/g:attachment/g:title") == ["支持创业带动就业的若干政策措施"]


def test_an_item_after_a_remark_wrapped_over_lines_starts_its_own_division(rendered):
    """``（一）…〔责任单位：…（逗号前为牵头单位，下同）〕`` then an indented
    ``（二）…``: the remark ends the item, and a remark opened on one line
    and closed on the next is full width."""
    _, _, root = rendered(SICHUAN)
    nums = [element.get("num") for element in root.iterfind(".//g:attachment//g:section", NS)]
    assert nums[:6] == ["一、", "（一）", "（二）", "（三）", "二、", "（四）"]
    text = "".join(root.itertext())
    assert "益。（责任单位：财政厅，人力资源社会保障厅、人民银行四川省分行）" in text


def test_a_gongwen_head_with_issuer_mark_and_register_code(rendered):
    """The red 版头 (``杭州市人民政府文件``, 43.9 pt) and the register code
    above it (``ZJAC00-2024-0001``, the article's register code) are not the title; the 版记 on the last
    page gives cc (over three lines) and printer; the policy the notice
    issues (named in its text: ``现将《…》印发给你们``) is its attachment."""
    _, rendering, root = rendered(HANGZHOU)
    assert _fields(root) == {
        "number": ["杭政函〔2024〕16号"],
        "title": ["杭州市人民政府印发关于进一步推动经济高质量发展若干政策的通知"],
        "addressee": ["各区、县（市）人民政府，市政府各部门、各直属单位"],
        "issuer": ["杭州市人民政府"],
        "date": ["2024-02-18"],
    }
    assert _text(root, "g:article/g:issuerMark") == ["杭州市人民政府文件"]
    assert _text(root, "g:article/g:cc") == ["市委各部门，市纪委，杭州警备区，市各群众团体。"
                                             "市人大常委会办公厅，市政协办公厅，市法院，市检察院。市各民主党派。"]
    assert _text(root, "g:article/g:printInfo/g:printer") == ["杭州市人民政府办公厅"]
    assert _text(root, "g:article/g:attachment/g:title") == ["关于进一步推动经济高质量发展的若干政策"]
    # the register code is the article's, not unplaced text
    assert _text(root, "g:article/g:registerCode") == ["ZJAC00-2024-0001"] and root.find("g:unplaced", NS) is None
    assert not any(w.startswith("unplaced text") for w in rendering.issue.warnings)


def test_prose_behind_invisible_boxes_is_not_a_table(rendered):
    """Word puts a white, unstroked box behind each line of prose; taken as
    rules they made the paragraphs one-column table rows."""
    _, _, root = rendered(HONGZE)
    paragraphs = _text(root, ".//g:p")
    assert any(p.startswith("加强对区政府网站、政务新媒体动态全面监管") for p in paragraphs)
    cells = _text(root, ".//g:cell")
    assert not any("政务新媒体动态全面监管" in cell for cell in cells)


def test_prose_with_spaced_figures_is_not_a_header_of_heads(rendered):
    """The Sichuan 公文's prose sets a space around each figure (``在川创业 ３ 年内
    符合条件的 １８—４０ 岁青年，提``): three short pieces over a line of as
    many, but no wide gap between them, so no header without head words."""
    _, _, root = rendered(SICHUAN)
    assert root.find(".//g:table", NS) is None
    assert any("持续实施青年创业促进计划" in p for p in _text(root, ".//g:p"))


def test_a_table_left_open_at_a_page_break_keeps_its_last_row_and_merged_cells(rendered):
    """Page 3 of the report ends its table without a closing rule: the last
    row and the merged cells reaching into it were lost. The merged cells
    go on over the page break: （四） spans its three rows, two on page 3
    and one on page 4, and 三、本年度办理结果 the twenty rows of （一）…（七）."""
    _, _, root = rendered(HONGZE)
    rows = [[("".join(cell.itertext()), cell.get("rowspan")) for cell in row.iterfind("g:cell", NS)]
            for row in root.iterfind(".//g:table/g:row", NS)]
    assert next(row for row in rows if row and row[0][0] == "（四）无法提供")[:3] == \
        [("（四）无法提供", "3"), ("1.本机关不掌握相关政府信息", None), ("10", None)]
    last = next(row for row in rows if row and row[0][0] == "2.没有现成信息需要另行制作")
    assert [text for text, _ in last] == ["2.没有现成信息需要另行制作", "3", "0", "0", "0", "0", "0", "3"]
    assert ("三、本年度办理结果", "20") in [cell for row in rows for cell in row]
    following = rows[rows.index(last) + 1]
    assert [text for text, _ in following] == ["3.补正后申请内容仍不明确", "0", "0", "0", "0", "0", "0", "0"]


def test_a_standards_own_toc_is_a_toc_not_its_text_nor_a_table(rendered):
    """A single document's 目次 (three pages of leader dots and page numbers)
    was the first paragraphs of its article; the entries whose numbers stand
    apart made a raw table of 68 rows; ``前言……IV`` and ``引言……V`` (roman
    page numbers) were joined to the next entry."""
    _, rendering, root = rendered(STANDARD)
    toc = root.find("g:toc", NS)
    assert toc is not None and toc.get("label") == "目次"
    entries = [(_text(entry, "g:title")[0], entry.get("page")) for entry in toc.iterfind(".//g:entry", NS)]
    assert entries[:4] == [("前言IV", None), ("引言V", None), ("1范围", "1"), ("2规范性引用文件", "1")]
    assert ("6.1应对风险和机遇的措施", "5") in entries and entries[-1] == ("附录C（资料性附录）相关国家军用标准", "30")
    assert len(entries) == 85  # the lines with leader dots on pages 2–4
    assert root.find(".//g:table", NS) is None
    assert _text(root, "g:article/g:title") == ["质量管理体系要求"]  # the largest type of the cover
    paragraphs = _text(root, "g:article/g:body/g:p")
    # the code in the logo's large type and the line under it in small type are two lines, not one paragraph
    assert paragraphs[:6] == ["GJB 9001C—2017", "FL 0106代替GJB 9001B-2009", "Quality management systems requirements",
                              "2017-05-18发布2017-07-01实施", "中央军委装备发展部\u3000颁布", "前言"]
    assert rendering.issue.warnings == ["质量管理体系要求: not found: document number, signature, date"]


def test_an_attachment_table_over_four_pages_is_one_table_with_its_merged_cells(rendered):
    """The 附件 is one ruled table over four pages, its header printed once:
    a 类别 merged down rows that go on on the next page was cut in two (an
    empty merged cell at the page's top), and a cell wrapped over the page
    break made a row of its own."""
    source, rendering, root = rendered(ANNEX)
    assert unaccounted(source, rendering) == {}
    (table,) = root.iterfind(".//g:table", NS)
    rows = [[("".join(cell.itertext()), cell.get("rowspan")) for cell in row.iterfind("g:cell", NS)]
            for row in table.iterfind("g:row", NS)]
    assert rows[0] == [("类别", None), ("品种名称", None), ("别名及常用商品名称", None)]
    assert len([row for row in table.iterfind("g:row", NS) if row.get("header")]) == 1
    cells = [cell for row in rows for cell in row]
    assert ("绿叶菜类", "10") in cells and ("豆类", "10") in cells  # 7 + 3 and 7 + 3 rows, over the page break
    assert not any(text == "" for text, _ in cells)
    sprouts = next(row for row in rows if row[0] == ("豆芽", None))
    assert sprouts[1] == ("豆芽菜、芽苗菜、黄豆芽、绿豆芽、巧芽、如意菜、掐菜、银芽、银针、银苗、芽心、大豆芽、清水豆芽", None)


def test_a_publication_without_number_has_its_cover_title_and_its_own_toc(rendered):
    """A budget's cover: the title in 36 pt, the 预算主管部门 line in 18 pt
    under it were joined into one title-less paragraph; its 目录 (no page
    numbers, a page of its own) was the first paragraphs of the body."""
    _, rendering, root = rendered(BUDGET)
    assert _text(root, "g:article/g:title") == ["上海市普陀区2025年区级部门预算"]
    assert _text(root, "g:article/g:body/g:p")[0] == "预算主管部门：上海市普陀区人民政府万里街道办事处"
    entries = _text(root, "g:toc//g:entry/g:title")
    assert entries[0] == "一、部门主要职能" and entries[-1] == "七、项目经费情况说明" and len(entries) == 16
    assert rendering.issue.warnings == ["上海市普陀区2025年区级部门预算: not found: document number, signature, date"]


def test_a_cover_title_over_three_lines_the_first_as_wide_as_the_column_is_one_title(rendered):
    """Final accounts: ``上海市普陀区规划和自然`` fills the column, so it was no
    centred line and the title was cut after it; the TOC ends where its first
    entry is printed again as the body's first heading; an entry wrapped over
    two lines (``…2024年度部门决算`` / ``表``) is one entry."""
    _, _, root = rendered(ACCOUNTS)
    assert _text(root, "g:article/g:title") == ["上海市普陀区规划和自然资源局2024年度部门决算"]
    entries = _text(root, "g:toc//g:entry/g:title")
    assert "第二部分上海市普陀区规划和自然资源局2024年度部门决算表" in entries and "表" not in entries
    assert "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明" in entries
    assert entries[:2] == ["第一部分上海市普陀区规划和自然资源局概况", "一、主要职能"] and entries[-1] == "第四部分名词解释"
    assert "".join(root.find("g:article/g:body", NS).itertext()).strip().startswith("第一部分上海市普陀区规划和自然资源局概况")


def test_a_caption_read_as_a_header_above_a_ruled_table_keeps_its_text(rendered):
    """安徽省建设用地使用标准: PDFium prints table 7.5's caption with single
    spaces, ``表 7.5 停车区用地指标基准值（公顷/处）``: three cells, one with
    the head word 指标, so a header once its note in brackets no longer
    counts toward its length (0.23.0). Its "rows" were the ruled table's,
    the region became ruled, and the grid reader dropped every line of it
    that was not the PDF's as a repeated header: the captions of tables
    7.5 and 7.7 and the paragraph ``第7.11条 …`` under table 7.7 left the
    text. A row the PDF reader cut into cells ends rows read from the
    text (``detect._rows_end``)."""
    source, rendering, root = rendered(LAND_USE)
    paragraphs = _text(root, "g:article/g:body//g:p")
    assert "表7.5停车区用地指标基准值（公顷/处）" in paragraphs
    assert "表7.7监控通信设施用地指标（公顷/处）" in paragraphs
    assert any(text.startswith("第7.11条养护设施分为养护工区、道班房和桥隧养护管理站。") for text in paragraphs)
    assert unaccounted(source, rendering) == {}
