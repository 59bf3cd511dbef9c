"""Text layers of other publishers: real documents of 25 issuers outside
Zhejiang (``tests/data/corpus``), rendered the ways other publishers' text
layers print them (``corpus_renderer.LAYOUTS``), come back with their fields,
paragraphs and tables; and each class of layout or document has a test of
its own on an excerpt of those documents.

Expected values are the corpus's ``gold.json`` and clean text, which were
read off the publishers' pages, not produced by this program.
"""

from __future__ import annotations

import itertools
import random

import pytest
from lxml import etree

from gazette.normalize import normalize, source_from_bytes
from gazette.render import render

from .conservation import unaccounted
from .corpus_metrics import cells_exact, fields_exact, paragraphs_exact, read_xml, unscored
from .corpus_renderer import LAYOUTS, Layout, _characters, corpus, render_document, wrap

NS = {"g": "urn:gazette-archive:1"}
DOCUMENTS = {doc.name[:2]: doc for doc in corpus()}
GAZETTE = LAYOUTS[0]


def _xml(text: str, name: str = "x.txt"):
    return render(source_from_bytes(text.encode("utf-8"), name))


def _rendered(doc_id: str, layout: Layout = GAZETTE):
    doc = DOCUMENTS[doc_id]
    return doc, read_xml(_xml(render_document(doc, layout).text, doc.name).xml)


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_every_layout_gives_the_fields_paragraphs_and_tables(layout):
    """The targets of the corpus benchmark, per layout, on every document."""
    fields, paragraphs, cells = [], [], []
    for doc in DOCUMENTS.values():
        xml = read_xml(_xml(render_document(doc, layout).text, doc.name).xml)
        fields.append(fields_exact(doc.gold, xml.fields))
        paragraphs.append(paragraphs_exact(doc.paragraphs(), xml.paragraphs, unscored(doc.lines, doc.gold)))
        cells.append(cells_exact(doc.tables(), xml.tables))
    share = [sum(a for a, _ in found) / sum(b for _, b in found) for found in (fields, paragraphs, cells)]
    assert share[0] >= 0.98 and share[1] >= 0.95 and share[2] >= 0.95, share


# -- layouts ---------------------------------------------------------------
@pytest.mark.parametrize("lines, blank", [(2, False), (3, True), (4, False), (5, True)])
def test_a_title_over_two_to_five_centred_lines_is_one_title(lines, blank):
    layout = Layout("title", width=36, title_lines=lines, title_blank_lines=blank)
    doc, xml = _rendered("05", layout)
    assert xml.fields["title"] == doc.gold["title"]


def test_a_title_over_short_lines_without_centring_is_one_title():
    layout = Layout("short", width=30, indent="", centre=False, title_lines=5, full_width_digits=False)
    doc, xml = _rendered("27", layout)
    assert xml.fields["title"] == doc.gold["title"]


def test_joint_issuers_short_names_stay_apart_in_title_and_signature():
    text = "证监会 国资委 全国工商联关于支持民营企业发展的通知\n证监发〔2023〕1号\n各省、自治区、直辖市人民政府：\n" \
           "现将有关事项通知如下。\n证监会 国资委 全国工商联\n2023年1月5日\n"
    article = etree.fromstring(_xml(text).xml).find("g:article", NS)
    title = "".join(article.find("g:title", NS).itertext())
    assert title == "证监会\u3000国资委\u3000全国工商联关于支持民营企业发展的通知"
    assert [i.text for i in article.iterfind("g:signature/g:issuer", NS)] == ["证监会", "国资委", "全国工商联"]


@pytest.mark.parametrize("number, joined", [("2009年", "到2009年"), ("〔2023〕1号", "〔2023〕1号")])
def test_a_number_broken_at_a_line_end_is_joined_without_a_space(number, joined):
    """Hard wraps cut numbers anywhere: ``２００`` / ``９ 年``, ``〔２`` / ``０２３〕``, ``１`` / ``号）``."""
    sentence = f"为进一步加强城镇排水与污水处理的管理，保障设施安全运行，根据有关规定到{number}前完成整改，现就有关事项通知如下。"
    for shift in range(40):
        paragraph = "各地" * (shift // 2) + "要" * (shift % 2) + sentence * 2
        lines = wrap(_characters(paragraph, GAZETTE, random.Random(0)), 38, 2)
        if any(a[-1] in "０１２３４５６７８９〔" and b.lstrip(" 〕")[:1] in "０１２３４５６７８９号" for a, b in itertools.pairwise(lines)):
            break
    text = "\n".join(["　　" + lines[0], *lines[1:], "—１—"])
    paragraphs = normalize(source_from_bytes(text.encode(), "x.txt")).paragraphs()
    assert len(paragraphs) == 1 and paragraphs[0].count(joined) == 2, paragraphs


@pytest.mark.parametrize("style", ["—{n}—", "— {n} —", "－{n}－", "-{n}-", "第{n}页", "{n}/{m}"])
def test_page_numbers_of_every_style_are_furniture_with_their_number(style):
    layout = Layout("style", width=38, page_number=style, lines_per_page=12, running_head=None,
                    full_width_digits=False)
    doc = DOCUMENTS["13"]
    rendering = _xml(render_document(doc, layout).text, doc.name)
    pages = [pb.get("n") for pb in etree.fromstring(rendering.xml).iterfind(".//g:pb", NS)]
    assert pages[:3] == ["1", "2", "3"]
    xml = read_xml(rendering.xml)
    assert not any(p.strip().endswith(("—", "－", "页")) or "/" in p for p in xml.paragraphs)


def test_a_running_head_naming_a_publication_is_found_when_printed_once():
    layout = Layout("once", width=38, running_head="××省人民政府公报 ２０２３ 年第 ５ 期", head_every=1,
                    lines_per_page=200)
    doc = DOCUMENTS["09"]
    text = render_document(doc, layout).text
    assert text.count("××省人民政府公报") == 1
    xml = read_xml(_xml(text, doc.name).xml)
    assert not any("公报" in p for p in xml.paragraphs) and xml.fields["title"] == doc.gold["title"]


def test_a_list_marker_that_lost_its_dot_is_restored_by_the_numbering():
    text = "６．加强队伍建设。\n７ 支持企业开展技术改造。\n８．优化营商环境。\n"
    doc = normalize(source_from_bytes(text.encode(), "x.txt"))
    assert doc.paragraphs()[1] == "7.支持企业开展技术改造。"
    (repair,) = [r for r in doc.repairs if r.rule == "restore_list_marker_dot"]
    assert (repair.certain, repair.note) == (False, "between 6. and 8.")


def test_an_item_ending_a_sentence_is_no_heading():
    text = "某市人民政府关于加强管理的通知\n某政发〔2023〕1号\n各区人民政府：\n一、工作措施\n" \
           "1.支持企业开展技术改造。\n2.优化营商环境，提升服务水平。\n某市人民政府\n2023年1月5日\n"
    section = etree.fromstring(_xml(text).xml).find(".//g:section", NS)
    items = [(p.get("num"), p.text) for p in section.iterfind("g:p", NS)]
    assert items == [("1.", "支持企业开展技术改造。"), ("2.", "优化营商环境，提升服务水平。")]


# -- document kinds --------------------------------------------------------
ORDER = """中华人民共和国国务院令
第706号
《城镇排水与污水处理条例》已经2013年9月18日国务院第24次常务会议通过，现予公布，自2014年1月1日起施行。
总理　李克强
2013年10月2日
城镇排水与污水处理条例
第一章　总则
第一条　为了加强对城镇排水与污水处理的管理，保障城镇排水与污水处理设施安全运行，制定本条例。
第二条　城镇排水与污水处理的规划与建设，适用本条例。
"""


def test_an_order_has_its_number_its_organ_its_signer_and_the_regulation_as_attachment():
    rendering = _xml(ORDER)
    article = etree.fromstring(rendering.xml).find("g:article", NS)
    assert (article.get("id"), article.get("type")) == ("中华人民共和国国务院令第706", "令")
    assert article.findtext("g:docNumber", namespaces=NS) == "第706号"
    issuer = article.find("g:signature/g:issuer", NS)
    assert (issuer.text, issuer.get("from")) == ("中华人民共和国国务院", "title")
    assert article.findtext("g:signature/g:signer", namespaces=NS) == "总理\u3000李克强"
    attachment = article.find("g:attachment", NS)
    assert attachment.findtext("g:title", namespaces=NS) == "城镇排水与污水处理条例"
    assert [s.get("num") for s in attachment.iterfind(".//g:section", NS)] == ["第一章", "第一条", "第二条"]
    assert unaccounted(source_from_bytes(ORDER.encode(), "x.txt"), rendering) == {}


def test_regulations_are_a_tree_of_chapters_and_articles():
    root = etree.fromstring(_xml(render_document(DOCUMENTS["23"], GAZETTE).text).xml)
    chapters = root.findall(".//g:attachment/g:body/g:section", NS)
    assert [c.get("num") for c in chapters][:3] == ["第一章", "第二章", "第三章"]
    assert chapters[0].find("g:section", NS).get("num") == "第一条"


def test_an_announcement_without_addressee_has_its_number():
    doc, xml = _rendered("17")
    assert xml.fields["number"].replace("\u3000", " ") == doc.gold["number"]
    assert xml.fields["addressee"] is None and xml.fields["issuers"] == ["财政部", "税务总局"]


def test_a_document_without_number_is_named_by_issuer_date_and_title():
    rendering = _xml(render_document(DOCUMENTS["15"], GAZETTE).text)
    assert rendering.issue.id.startswith("自然资源部办公厅-2021-08-06-自然资源部办公厅关于")
    assert any("not found: document number" in w for w in rendering.issue.warnings)


@pytest.mark.parametrize("doc_id, side_by_side", [("21", False), ("05", True), ("09", True)])
def test_joint_issuers_one_a_line_or_side_by_side(doc_id, side_by_side):
    layout = Layout("joint", width=38, issuers_side_by_side=side_by_side)
    doc, xml = _rendered(doc_id, layout)
    assert xml.fields["issuers"] == doc.gold["issuers"]


def test_a_seal_note_stays_with_its_issuer():
    root = etree.fromstring(_xml(render_document(DOCUMENTS["47"], GAZETTE).text).xml)
    issuer = root.find(".//g:signature/g:issuer", NS)
    assert (issuer.text, issuer.get("note")) == ("省完善促进消费体制机制厅际联席会议", "（代章）")
    assert root.find(".//g:cc", NS).get("label") == "抄送："


def test_cc_over_two_lines_print_line_and_publication_notes():
    text = "某市人民政府关于加强管理的通知\n某政发〔2023〕1号\n各区人民政府：\n请认真贯彻执行。\n某市人民政府\n" \
           "2023年1月5日\n公开方式：主动公开\n抄送：市委各部门，市人大常委会办公厅，市政协办公厅，\n市法院，市检察院。\n" \
           "某市人民政府办公厅　2023年1月6日印发\n"
    article = etree.fromstring(_xml(text).xml).find("g:article", NS)
    assert article.findtext("g:note", namespaces=NS) == "公开方式：主动公开"
    assert article.findtext("g:cc", namespaces=NS) == "市委各部门，市人大常委会办公厅，市政协办公厅，市法院，市检察院。"
    info = article.find("g:printInfo", NS)
    assert (info.findtext("g:printer", namespaces=NS), info.find("g:date", NS).get("iso")) == ("某市人民政府办公厅",
                                                                                              "2023-01-06")


def test_attachments_with_their_notes_labels_and_tables():
    root = etree.fromstring(_xml(render_document(DOCUMENTS["49"], GAZETTE).text).xml)
    article = root.find("g:article", NS)
    assert [n.text for n in article.iterfind("g:attachmentNote", NS)] == [
        "附件1.深圳湾口岸港方口岸区的查验区界址点坐标", "2.深圳湾公路大桥部分桥面界址点坐标"]
    attachments = article.findall("g:attachment", NS)
    assert [(a.get("num"), a.get("label").replace(" ", "")) for a in attachments] == [("1", "附件1."), ("2", "附件2：")]
    assert len(attachments[0].findall(".//g:table", NS)) == 1 and len(attachments[1].findall(".//g:table", NS)) == 6


# -- tables ----------------------------------------------------------------
def test_coordinate_tables_with_empty_cells_and_grouped_heads_are_cell_exact():
    doc, xml = _rendered("49")
    exact, total = cells_exact(doc.tables(), xml.tables)
    assert exact / total >= 0.95


def test_a_table_whose_columns_cannot_be_decided_stays_raw_and_reported():
    text = "某市人民政府关于加强管理的通知\n某政发〔2023〕1号\n各区人民政府：\n附表\n序号  单位  名称  地址\n" \
           "1  甲  乙\n2  丙  丁  戊  己  庚  辛  壬  癸  子  丑\n3  寅\n某市人民政府\n2023年1月5日\n"
    rendering = _xml(text)
    (table,) = rendering.doc.tables()
    assert table.raw and any("kept as raw lines" in w for w in rendering.issue.warnings)
    assert not any("丙" in p for p in rendering.doc.paragraphs())  # never merged into a paragraph


# -- characters ------------------------------------------------------------
def test_mixed_half_and_full_width_punctuation_is_made_consistent_and_entities_stay():
    text = "为贯彻落实《方案》(某发〔2023〕1号),现就有关事项通知如下:一是加强管理;二是&amp;优化服务。"
    (paragraph,) = normalize(source_from_bytes(text.encode(), "x.txt")).paragraphs()
    assert paragraph == "为贯彻落实《方案》（某发〔2023〕1号），现就有关事项通知如下：一是加强管理；二是&amp;优化服务。"
