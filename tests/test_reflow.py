"""Hard wraps joined into paragraphs; titles, headings, signatures kept apart."""

from __future__ import annotations

from gazette.normalize import normalize, source_from_bytes

from .conftest import document


def _blocks(seed: str, kind: str | None = None) -> list[str]:
    return [b.text for b in document(seed).blocks if kind is None or b.kind == kind]


def _block_containing(seed: str, text: str):
    return next(b for b in document(seed).blocks if text in b.text)


def test_sentence_broken_by_a_page_number_is_one_paragraph():
    block = _block_containing("003", "包括患者的姓")
    assert block.text.endswith("包括患者的姓（不含名）、年龄、疾病诊断、收费价格等每日在院网上公开。")
    assert [s.page for s in block.segments] == [47, 48]
    joins = [r for r in document("003").repairs if r.rule == "join_across_page" and r.line == 3402]
    assert [(j.before, j.after) for j in joins] == [("息，包括患者的姓\n（不含名）、年龄", "息，包括患者的姓（不含名）、年龄")]


def test_hard_wrapped_paragraph_is_joined_and_ends_where_it_ends():
    paragraph = _block_containing("000", "为贯彻落实党中央")
    assert paragraph.text.startswith("为贯彻落实党中央、国务院关于加强数字政府建设的重大决策部署，根据《国务院关于")
    assert paragraph.text.endswith("现就深化我省数字政府建设提出如下实施意见。")
    assert len(paragraph.segments) == 4


def test_web_text_sentences_broken_mid_word_are_joined():
    assert any("加快政府履职方式系统性、数字化重塑" in t for t in _blocks("002"))
    assert any("数字化全覆盖，政府履职数字化、智能化水平显著提升" in t for t in _blocks("004"))
    # one paragraph a line otherwise: the headings stay alone
    assert "（二）主要目标" in _blocks("004")


def test_titles_wrapped_over_lines_are_joined():
    titles = _blocks("000", "title")
    assert "浙江省人民政府关于深化数字政府建设的实施意见" in titles
    assert "推进细分行业中小企业数字化改造行动方案" in titles  # last line letter-spaced: 行 动 方 案
    assert _blocks("001", "title")[0] == "浙江省人民政府关于印发浙江省深化“最多跑一次”改革推进政府数字化转型工作总体方案的通知"


def test_signatures_and_dates_stay_on_their_own_lines():
    blocks = _blocks("000")
    end = blocks.index("2022年5月13日")
    assert blocks[end - 2 : end] == ["浙江省医疗保障局", "浙江省财政厅"]  # 浙 江 省 财 政 厅 letter-spaced
    assert _blocks("003", "signature")[:2] == ["浙江省人民政府", "浙江省人民政府"]
    assert _blocks("003", "date")[:2] == ["2021年6月4日", "2021年4月6日"]


def test_headings_stay_apart_and_wrapped_headings_are_joined():
    blocks = _blocks("000")
    assert "一、总体要求" in blocks and "二、以数字化改革助力政府职能转变" in blocks
    assert "十二、落实投资新政、实施省市县长项目工程、优化投资结构等工作成效较好的县（市、区）" in _blocks("003")


def test_line_starting_like_a_heading_inside_a_sentence_is_joined():
    # 为各类业务应用提供统 / 一、安全、稳定… (seed 001): 一、 is not a heading here
    assert any("为各类业务应用提供统一、安全、稳定、高效、按需使用的基础设施资源。" in t for t in _blocks("001"))


def test_toc_entries_end_at_their_page_reference():
    blocks = _blocks("000")
    assert "浙江省人民政府关于浙江水网建设规划的批复（浙政函〔2022〕107号）（14）" in blocks
    assert (
        "浙江省医疗保障局\u3000浙江省财政厅关于助力“浙有善育”促进优生优育工作的通知（浙医保联发〔2022〕7号）（25）"
        in blocks
    )


_ATTACHMENTS = """陕西省人民政府办公厅关于贯彻落实国务院取消和下放一批行政审批项目决定的通知
陕政办发〔2014〕17号
各设区市人民政府，省人民政府各工作部门、各直属机构：
　　根据《决定》要求，对国务院取消的行政审批项目，我省一律从公布之日起予以取消。
　　附件：
　　　　　　1．我省落实国务院取消的行政审批项目目录（共计

　　　　　　　　　　　　　　27项）.pdf
　　2．我省承接国务院下放管理层级的行政审批项目目录（共计27项）.pdf
　　　　　　　　　　　　　　　　　　　　陕西省人民政府办公厅
　　　　　　　　　　　　　　　　　　　　　2014年3月22日
"""


def test_an_indented_item_after_a_line_cut_mid_sentence_starts_its_own_paragraph():
    """``…（共计`` / ``27项）.pdf`` / ``2．我省承接…``: the second attachment
    opens with its number; it is not the rest of the line above (as a TOC
    entry's indented second line is), whatever the first item's wrap left."""
    texts = [block.text for block in normalize(source_from_bytes(_ATTACHMENTS.encode(), "shaanxi.txt")).blocks]
    second = next(text for text in texts if "我省承接" in text)
    assert second.startswith(("2.我省承接", "2．我省承接")), texts
