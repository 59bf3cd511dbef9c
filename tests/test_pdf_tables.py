"""Tables a PDF draws with rules, or prints in columns without them, read
cell by cell; PDF settings from a profile or the command line; crop margins.

The PDF (``ruled_maker``) prints a 主要指标表 as gazettes do: a two-level
header printed bold (twice), a category cell merged over two rows, cells
wrapped over lines, full-width digits, an empty cell, the table going on
after a page break under ``续表`` with its header printed again, a note, and
a paragraph in a ruled frame that is not a table.
"""

from __future__ import annotations

import pdfplumber
import pytest
from lxml import etree
from pdfplumber.table import TableFinder, TableSettings, intersections_to_cells

from gazette.archive.ingest import archive_file
from gazette.cli import main
from gazette.normalize import load_profile, normalize
from gazette.normalize.profile import ProfileError, default_profile
from gazette.normalize.read import read_source
from gazette.normalize.read.pdf.aligned import TEXT_STRATEGY
from gazette.normalize.read.pdf.finder import cells
from gazette.normalize.read.pdf.ruled import is_seen_rule
from gazette.normalize.read.settings import PdfSettings
from gazette.normalize.replay import replay

from .conftest import PDF_DATA, SAMPLES
from .ruled_maker import Spanned as S  # noqa: N817 - keeps the table literals readable
from .ruled_maker import write_ruled_pdf

NS = {"g": "urn:gazette-archive:1"}
WIDTHS = [36, 60, 168, 60, 72, 48]
HEADER = [[S("序号", 2), S("类别", 2), S("指标", 2), S("目标值", 1, 2), S("属性", 2)],
          [S("２０２０年"), S("２０２５年")]]
PAGE_1 = [[S("1"), S("经济发展", 2), S("地区生产总值年均增长（％）"), S("６．２"), S("５．５左右"), S("预期性")],
          [S("2"), S("研发经费支出占地区生产总值比重（％）"), S("2.8"), S("3.3"), S("预期性")],
          [S("3"), S("民生福祉"), S("城镇新增就业人数（万人）"), S("100"), S(""), S("约束性")]]
PAGE_2 = [[S("4"), S("信用环境"), S("国家社会信用体系建设示范城市数量"), S("３ 个"), S("６ 个以上"), S("预期性")]]
BOX = "本表数据来源于省统计局，由省发展改革委负责解释。"
CONTENT = [
    ("title", "浙江省发展和改革委员会关于印发主要指标表的通知"),
    ("title", "浙发改规划〔２０２２〕１５ 号"),
    ("text", "各市、县（市、区）发展改革委："),
    ("text", "　　现将《主要指标表》印发给你们，请认真贯彻执行。"),
    ("title", "主要指标表"),
    ("table", HEADER + PAGE_1),
    ("page", None),
    ("text", "续表"),
    ("table", HEADER + PAGE_2),
    ("text", "注：带［］的为五年累计数。"),
    ("text", "　　各地要对照指标，抓好落实。"),
    ("box", BOX),
    ("margin", "装订线"),
]

#: What the table prints, typed from the content above (digits folded to
#: half width as the text path folds them; a merged cell appears once).
EXPECTED = [
    [("序号", 2, 1), ("类别", 2, 1), ("指标", 2, 1), ("目标值", 1, 2), ("属性", 2, 1)],
    [("2020年", 1, 1), ("2025年", 1, 1)],
    [("1", 1, 1), ("经济发展", 2, 1), ("地区生产总值年均增长（%）", 1, 1), ("6.2", 1, 1), ("5.5左右", 1, 1),
     ("预期性", 1, 1)],
    [("2", 1, 1), ("研发经费支出占地区生产总值比重（%）", 1, 1), ("2.8", 1, 1), ("3.3", 1, 1), ("预期性", 1, 1)],
    [("3", 1, 1), ("民生福祉", 1, 1), ("城镇新增就业人数（万人）", 1, 1), ("100", 1, 1), ("", 1, 1), ("约束性", 1, 1)],
    [("4", 1, 1), ("信用环境", 1, 1), ("国家社会信用体系建设示范城市数量", 1, 1), ("3个", 1, 1), ("6个以上", 1, 1),
     ("预期性", 1, 1)],
]


@pytest.fixture(scope="module")
def ruled_pdf(tmp_path_factory):
    return write_ruled_pdf(tmp_path_factory.mktemp("ruled") / "ruled.pdf", CONTENT, WIDTHS, bold_header=2)


def test_a_ruled_table_is_read_cell_by_cell(ruled_pdf):
    (table,) = normalize(read_source(ruled_pdf)).tables()
    cells = [[(cell.text, cell.rowspan, cell.colspan) for cell in row.cells] for row in table.rows]
    assert cells == EXPECTED
    assert [row.header for row in table.rows] == [True, True, False, False, False, False]
    assert table.title == "主要指标表" and table.shape == "ruled" and not table.raw
    assert table.notes == ["注：带［］的为五年累计数。"]


def test_a_table_going_on_without_its_header_keeps_its_first_row_a_row(tmp_path):
    content = [("title", "主要指标表"), ("table", HEADER + PAGE_1), ("page", None), ("table", PAGE_2)]
    (table,) = normalize(read_source(write_ruled_pdf(tmp_path / "t.pdf", content, WIDTHS))).tables()
    assert [row.header for row in table.rows] == [True, True, False, False, False, False]
    assert table.rows[-1].cells[1].text == "信用环境"


def test_the_text_around_a_ruled_table_stays_text(ruled_pdf):
    doc = normalize(read_source(ruled_pdf))
    paragraphs = [block.text for block in doc.blocks if block.kind == "paragraph"]
    assert "现将《主要指标表》印发给你们，请认真贯彻执行。" in paragraphs
    assert "各地要对照指标，抓好落实。" in paragraphs
    # A paragraph in a ruled frame is one cell, not a table.
    assert any(text.startswith(BOX) for text in paragraphs)
    assert len(doc.tables()) == 1


def test_every_line_of_a_ruled_table_is_accounted_for(ruled_pdf):
    source = read_source(ruled_pdf)
    lines = [line.__class__(line.no, line.text, line.page) for line in source.lines]
    table_lines = [line.no for line in source.lines
                   if line.grid or line.text in ("主要指标表", "续表", "注：带［］的为五年累计数。")]
    doc = normalize(source)
    places = {repair.line: repair.after for repair in doc.repairs if repair.op == "table"}
    assert sorted(places) == table_lines
    assert list(places.values()).count("repeated header") == 3  # 续表 and the two header rows
    assert "row 4: 4 | 信用环境 | 国家社会信用体系建设示范城市数量 | 3个 | 6个以上 | 预期性" in places.values()
    # The width folding in the cells is in the repair log, where it was made.
    row_1 = next(line for line in source.lines if line.text.startswith("1\t"))
    folds = [r for r in doc.repairs if r.rule == "fold_width" and r.line == row_1.no]
    assert any("６" in r.before for r in folds) and any("6.2" in r.after for r in folds)
    # Replaying the log on the source lines gives the document's paragraphs.
    assert replay(lines, doc.repairs) == [b.text for b in doc.blocks if b.kind not in ("table", "furniture")]


def test_ruled_tables_reach_the_xml_with_their_spans(ruled_pdf, tmp_path):
    outcome = archive_file(ruled_pdf, tmp_path / "archive")
    assert outcome.status == "archived", outcome.reason
    root = etree.parse(str(next((tmp_path / "archive").rglob("*.xml")))).getroot()
    (table,) = root.iterfind(".//g:table", NS)
    assert table.findtext("g:title", namespaces=NS) == "主要指标表"
    spans = [(cell.text, cell.get("rowspan"), cell.get("colspan"))
             for cell in table.iterfind(".//g:cell", NS) if cell.get("rowspan") or cell.get("colspan")]
    assert spans == [("序号", "2", None), ("类别", "2", None), ("指标", "2", None), ("目标值", None, "2"),
                     ("属性", "2", None), ("经济发展", "2", None)]
    assert len(table.findall("g:row", NS)) == 6


def test_turning_table_finders_off_reads_the_table_as_lines(ruled_pdf):
    source = read_source(ruled_pdf, PdfSettings(ruled_tables=False, aligned_tables=False))
    assert all(line.grid is None for line in source.lines)
    # Without the cells, the header's columns run together on one line.
    assert any(line.text.startswith("序号 类别 指标") for line in source.lines)
    # Without its rules, the table is still read by its columns, but the
    # merged cells are not known any more.
    source = read_source(ruled_pdf, PdfSettings(ruled_tables=False))
    assert {line.grid.ruled for line in source.lines if line.grid} == {False}


def test_crop_margins_leave_out_marks_outside_the_type_area(ruled_pdf):
    texts = [line.text for line in read_source(ruled_pdf).lines]
    assert "装订线" in texts
    cropped = [line.text for line in read_source(ruled_pdf, PdfSettings(crop_left=60)).lines]
    assert "装订线" not in cropped and len(cropped) == len(texts) - 1


def test_pdf_settings_come_from_the_profile_and_the_command_line(ruled_pdf, tmp_path, capsys):
    assert default_profile().pdf == PdfSettings()  # default.toml documents the same defaults
    profile_file = tmp_path / "profile.toml"
    profile_file.write_text("[pdf]\ncrop_left = 60\nfooter_band = 0.2\n", "utf-8")
    profile = load_profile(profile_file, {"pdf": {"ruled_tables": False}})
    assert (profile.pdf.crop_left, profile.pdf.footer_band, profile.pdf.ruled_tables) == (60, 0.2, False)
    with pytest.raises(ProfileError, match="crop_lft"):
        load_profile(overrides={"pdf": {"crop_lft": 1}})

    assert main(["explain", str(ruled_pdf), "--pdf", "crop_left=60"]) == 0
    assert "装订线" not in capsys.readouterr().out
    assert main(["explain", str(ruled_pdf)]) == 0
    assert "装订线" in capsys.readouterr().out
    assert main(["explain", str(ruled_pdf), "--pdf", "footer_band=0.9"]) == 2
    assert "footer_band" in capsys.readouterr().err


def test_crop_margins_that_leave_nothing_are_refused(ruled_pdf):
    with pytest.raises(Exception, match="crop margins leave nothing of page 1"):
        read_source(ruled_pdf, PdfSettings(crop_left=300, crop_right=300))


# --- tables printed in columns, without rules ---------------------------------

COLUMNS = [[S("序号"), S("重点任务"), S("具体措施"), S("责任单位"), S("完成时限")],
           [S("1"), S("数字化改革"), S("建设一体化智能化公共数据平台，推进数据共享。"), S("省大数据局"), S("2022年底")],
           [S("2"), S("营商环境"), S("深化“最多跑一次”改革。"), S("省发展改革委、省市场监管局"), S("长期")],
           [S("3"), S("人才培育"), S("每年培训1000名专业人才。"), S("省人力社保厅"), S("2025年")]]
COLUMN_WIDTHS = [36, 72, 168, 108, 60]


@pytest.fixture(scope="module")
def columns_pdf(tmp_path_factory):
    content = [("text", "　　现将重点任务分工印发给你们，请认真贯彻执行。"), ("title", "重点任务分工表"),
               ("columns", COLUMNS), ("text", "　　各地各部门要按照分工抓好落实。")]
    return write_ruled_pdf(tmp_path_factory.mktemp("columns") / "columns.pdf", content, COLUMN_WIDTHS)


def test_a_table_printed_in_columns_without_rules_is_read_by_its_columns(columns_pdf):
    doc = normalize(read_source(columns_pdf))
    (table,) = doc.tables()
    # Typed from COLUMNS: the cells wrapped over two printed lines
    # (具体措施, 责任单位) are one cell each.
    assert table.grid() == [
        ["序号", "重点任务", "具体措施", "责任单位", "完成时限"],
        ["1", "数字化改革", "建设一体化智能化公共数据平台，推进数据共享。", "省大数据局", "2022年底"],
        ["2", "营商环境", "深化“最多跑一次”改革。", "省发展改革委、省市场监管局", "长期"],
        ["3", "人才培育", "每年培训1000名专业人才。", "省人力社保厅", "2025年"],
    ]
    assert table.title == "重点任务分工表" and table.shape == "aligned"
    assert [row.header for row in table.rows] == [True, False, False, False]
    paragraphs = [block.text for block in doc.blocks if block.kind == "paragraph"]
    assert paragraphs == ["现将重点任务分工印发给你们，请认真贯彻执行。", "各地各部门要按照分工抓好落实。"]


def test_columns_of_a_table_without_rules_are_lines_when_turned_off(columns_pdf):
    source = read_source(columns_pdf, PdfSettings(aligned_tables=False))
    texts = [line.text for line in source.lines]
    # What a text layer gives: columns run together, a wrapped cell a line of its own.
    assert "1 数字化改革 建设一体化智能化公共数据平 省大数据局 2022年底" in texts
    assert "台，推进数据共享。" in texts


@pytest.mark.parametrize("rows, widths", [
    # A table of contents with its page numbers set apart by white space.
    ([[S("浙江省人民政府关于深化数字政府建设的实施意见"), S("1")],
      [S("浙江省人民政府办公厅关于加强安全生产工作的通知"), S("6")],
      [S("浙江省人民政府关于公布第一批历史文化街区的通知"), S("12")]], [300, 144]),
    # Six issuers of a joint document signing two a line.
    ([[S("浙江省发展和改革委员会"), S("浙江省财政厅")], [S("浙江省商务厅"), S("浙江省科学技术厅")],
      [S("浙江省人力资源和社会保障厅"), S("浙江省市场监督管理局")]], [222, 222]),
])
def test_text_set_in_two_columns_is_not_a_table(tmp_path, rows, widths):
    pdf = write_ruled_pdf(tmp_path / "two.pdf", [("columns", rows)], widths)
    source = read_source(pdf)
    assert all(line.grid is None for line in source.lines)
    assert len(source.lines) == 3 + 1  # the three printed lines and the page number


def test_the_bundled_demo_pdf_archives_with_both_kinds_of_table(tmp_path):
    outcome = archive_file(SAMPLES / "demo_tables.pdf", tmp_path / "archive")
    assert outcome.status == "archived", outcome.reason
    root = etree.parse(str(next((tmp_path / "archive").rglob("*.xml")))).getroot()
    tables = root.findall(".//g:table", NS)
    assert [table.findtext("g:title", namespaces=NS) for table in tables] == ["主要指标表", None]
    assert [len(table.findall("g:row", NS)) for table in tables] == [6, 4]


@pytest.mark.parametrize("path", sorted(path for path in PDF_DATA.glob("*.pdf") if not path.name.startswith("scan_")),
                         ids=lambda path: path.name)
def test_the_indexed_cell_search_finds_pdfplumbers_cells_in_its_order(path):
    """``finder.cells`` stands in for pdfplumber's ``intersections_to_cells``
    (most of the table finder's time on a ruled page): on every page of the
    real PDFs, for the rules the reader keeps and for aligned words alike,
    the same cells in the same order."""
    settings = [TableSettings.resolve({"explicit_horizontal_lines": []}), TableSettings.resolve(TEXT_STRATEGY)]
    crossings = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            ruled = page.filter(lambda obj: obj.get("object_type") not in ("rect", "line", "curve") or is_seen_rule(obj))
            for view, resolved in zip((ruled, page), settings):
                finder = TableFinder(view, resolved)
                crossings += len(finder.intersections)
                assert cells(finder.intersections) == intersections_to_cells(finder.intersections)
    assert crossings  # every real PDF has rules or aligned words where lines cross
