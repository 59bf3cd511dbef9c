"""Tables a PDF draws with rules, read cell by cell; PDF settings from a
profile or the command line; crop margins.

The PDF (``ruled_maker``) prints a 主要指标表 as gazettes do: a two-level
header printed bold (twice), a category cell merged over two rows, cells
wrapped over lines, full-width digits, an empty cell, the table going on
after a page break under ``续表`` with its header printed again, a note, and
a paragraph in a ruled frame that is not a table.
"""

from __future__ import annotations

import pytest
from lxml import etree

from gazette.archive.ingest import archive_file
from gazette.cli import main
from gazette.normalize import load_profile, normalize
from gazette.normalize.load import load_source
from gazette.normalize.pdf.settings import PdfSettings
from gazette.normalize.pipeline import replay
from gazette.normalize.profile import ProfileError, default_profile

from .ruled_maker import Spanned as S
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
    (table,) = normalize(load_source(ruled_pdf)).tables()
    cells = [[(cell.text, cell.rowspan, cell.colspan) for cell in row.cells] for row in table.rows]
    assert cells == EXPECTED
    assert [row.header for row in table.rows] == [True, True, False, False, False, False]
    assert table.title == "主要指标表" and table.shape == "ruled" and not table.raw
    assert table.notes == ["注：带［］的为五年累计数。"]


def test_the_text_around_a_ruled_table_stays_text(ruled_pdf):
    doc = normalize(load_source(ruled_pdf))
    paragraphs = [block.text for block in doc.blocks if block.kind == "paragraph"]
    assert "现将《主要指标表》印发给你们，请认真贯彻执行。" in paragraphs
    assert "各地要对照指标，抓好落实。" in paragraphs
    # A paragraph in a ruled frame is one cell, not a table.
    assert any(text.startswith(BOX) for text in paragraphs)
    assert len(doc.tables()) == 1


def test_every_line_of_a_ruled_table_is_accounted_for(ruled_pdf):
    source = load_source(ruled_pdf)
    lines = [line.__class__(line.no, line.text, line.page) for line in source.lines]
    table_lines = [line.no for line in source.lines
                   if line.ruled or line.text in ("主要指标表", "续表", "注：带［］的为五年累计数。")]
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


def test_turning_ruled_tables_off_reads_the_table_as_lines(ruled_pdf):
    source = load_source(ruled_pdf, PdfSettings(ruled_tables=False))
    assert all(line.ruled is None for line in source.lines)
    # Without the cells, the header's columns run together on one line.
    assert any(line.text.startswith("序号 类别 指标") for line in source.lines)


def test_crop_margins_leave_out_marks_outside_the_type_area(ruled_pdf):
    texts = [line.text for line in load_source(ruled_pdf).lines]
    assert "装订线" in texts
    cropped = [line.text for line in load_source(ruled_pdf, PdfSettings(crop_left=60)).lines]
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
        load_source(ruled_pdf, PdfSettings(crop_left=300, crop_right=300))
