"""Structure: issue metadata, TOC, articles and their parts, body tree, ids.

Expected values are read off the seeds by hand (the raw lines are quoted in
comments where they differ from the normalized text).
"""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from gazette.normalize import normalize, read_source, source_from_bytes
from gazette.normalize.structure import build_issue
from gazette.normalize.structure.model import Box, Paragraph, Section
from gazette.render import render
from gazette.schemas import validate

from .conftest import DATA, document, sample_path

GOLDEN = DATA / "golden"
NS = {"g": "urn:gazette-archive:1"}


def _issue(seed: str):
    return build_issue(document(seed))


def test_structure_numbers_its_own_pages_and_leaves_the_document_alone():
    """000 prints no page numbers before its TOC pages: the TOC numbers them,
    on the issue's pages; the document's pages stay as the text layer gave them."""
    doc = document("000")
    before = copy.deepcopy(doc.pages)
    issue = build_issue(doc)
    assert doc.pages == before
    filled = [(mine.seq, mine.printed) for mine, theirs in zip(issue.pages, doc.pages) if mine.printed != theirs.printed]
    assert len(filled) == 25 and all(printed is not None for _, printed in filled)


def _parts(article) -> tuple:
    signature = article.signatures[0] if article.signatures else None
    return (
        article.title.text if article.title else None,
        article.doc_number,
        article.addressee,
        [issuer.name for issuer in signature.issuers] if signature else None,
        signature.date.iso if signature and signature.date else None,
    )


ALL_PROVINCE = "各市、县（市、区）人民政府，省政府直属各单位"

TOC_000 = [
    ("省政府文件", "浙江省人民政府关于深化数字政府建设的实施意见", "浙政发〔2022〕20号", 3),
    ("省政府文件", "浙江省人民政府关于全国重点文物保护单位大佛寺石弥勒像和千佛岩造像保护规划的批复", "浙政函〔2022〕102号", 13),
    ("省政府文件", "浙江省人民政府关于迁移保护永康市县级文物保护单位李立卓、李立倚烈士墓的批复", "浙政函〔2022〕103号", 14),
    ("省政府文件", "浙江省人民政府关于浙江水网建设规划的批复", "浙政函〔2022〕107号", 14),
    ("省政府文件", "浙江省人民政府关于浙江景宁抽水蓄能电站工程占地和淹没区实物指标调查有关问题的批复", "浙政函〔2022〕108号", 15),
    ("省政府文件", "浙江省人民政府关于浙江建德抽水蓄能电站工程占地和淹没区实物指标调查有关问题的批复", "浙政函〔2022〕109号", 17),
    ("省政府办公厅文件", "浙江省人民政府办公厅关于印发推进细分行业中小企业数字化改造行动方案的通知", "浙政办发〔2022〕45号", 20),
    ("部门行政规范性文件", "浙江省医疗保障局\u3000浙江省财政厅关于助力“浙有善育”促进优生优育工作的通知", "浙医保联发〔2022〕7号", 25),
]


def test_toc_of_000_all_entries_linked_to_their_articles():
    issue = _issue("000")
    entries = [(s.title, e.title, e.doc_number, e.page) for s in issue.toc for e in s.entries]
    assert entries == TOC_000
    by_id = {a.id: a for a in issue.articles}
    for section in issue.toc:
        for entry in section.entries:
            assert by_id[entry.ref].doc_number == entry.doc_number


ARTICLES_000 = [
    ("浙江省人民政府关于深化数字政府建设的实施意见", "浙政发〔2022〕20号", ALL_PROVINCE, ["浙江省人民政府"], "2022-07-30"),
    ("浙江省人民政府关于全国重点文物保护单位大佛寺石弥勒像和千佛岩造像保护规划的批复", "浙政函〔2022〕102号", "新昌县人民政府", ["浙江省人民政府"], "2022-07-14"),
    ("浙江省人民政府关于迁移保护永康市县级文物保护单位李立卓、李立倚烈士墓的批复", "浙政函〔2022〕103号", "永康市人民政府", ["浙江省人民政府"], "2022-07-15"),
    ("浙江省人民政府关于浙江水网建设规划的批复", "浙政函〔2022〕107号", "省水利厅、省发展改革委", ["浙江省人民政府"], "2022-07-28"),
    ("浙江省人民政府关于浙江景宁抽水蓄能电站工程占地和淹没区实物指标调查有关问题的批复", "浙政函〔2022〕108号", "景宁畲族自治县人民政府", ["浙江省人民政府"], "2022-07-28"),
    ("浙江省人民政府关于浙江建德抽水蓄能电站工程占地和淹没区实物指标调查有关问题的批复", "浙政函〔2022〕109号", "建德市人民政府", ["浙江省人民政府"], "2022-07-29"),
    ("浙江省人民政府办公厅关于印发推进细分行业中小企业数字化改造行动方案的通知", "浙政办发〔2022〕45号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2022-07-08"),
    # 浙江省医疗保障局 / 浙 江 省 财 政 厅 (letter-spaced) / ２０２２ 年 ５ 月 １３ 日
    ("浙江省医疗保障局\u3000浙江省财政厅关于助力“浙有善育”促进优生优育工作的通知", "浙医保联发〔2022〕7号",
     "各市、县（市、区）医疗保障局、财政局", ["浙江省医疗保障局", "浙江省财政厅"], "2022-05-13"),
]


def test_every_article_of_000_with_its_parts():
    issue = _issue("000")
    assert [_parts(a) for a in issue.articles] == ARTICLES_000
    assert [a.type for a in issue.articles] == ["实施意见"] + ["批复"] * 5 + ["通知", "通知"]


def test_batch_reply_of_000_carries_its_notice_with_its_own_signature():
    article = next(a for a in _issue("000").articles if a.doc_number == "浙政函〔2022〕108号")
    assert article.attachment_notes == [
        "附件：浙江省人民政府关于禁止在浙江景宁抽水蓄能电站工程占地和淹没区新增建设项目和迁入人口的通告"
    ]
    (notice,) = article.attachments
    assert notice.num == "1"
    assert notice.title.text == "浙江省人民政府关于禁止在浙江景宁抽水蓄能电站工程占地和淹没区新增建设项目和迁入人口的通告"
    assert [([i.name for i in s.issuers], s.date.iso) for s in notice.signatures] == [(["浙江省人民政府"], "2022-07-29")]


def test_issuing_notice_keeps_the_plan_it_issues():
    article = next(a for a in _issue("000").articles if a.doc_number == "浙政办发〔2022〕45号")
    (plan,) = article.attachments
    assert plan.num is None and plan.title.text == "推进细分行业中小企业数字化改造行动方案"  # 行 动 方 案
    assert [n.heading.text for n in plan.body if isinstance(n, Section)] == ["总体思路", "工作目标", "工作任务", "保障措施"]


ARTICLES_001 = [
    ("浙江省人民政府关于印发浙江省深化“最多跑一次”改革推进政府数字化转型工作总体方案的通知", "浙政发〔2018〕48号", ALL_PROVINCE, ["浙江省人民政府"], "2018-12-28"),
    ("浙江省人民政府关于做好当前和今后一个时期促进就业工作的实施意见", "浙政发〔2018〕50号", ALL_PROVINCE, ["浙江省人民政府"], "2018-12-29"),
    ("浙江省人民政府办公厅关于对真抓实干成效明显地方加大激励支持力度的通知", "浙政办发〔2018〕109号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2018-11-22"),
    ("浙江省人民政府办公厅关于开展全省政策性粮食库存数量和质量大清查的通知", "浙政办发〔2018〕113号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2018-12-10"),
    ("浙江省人民政府办公厅关于加快推进农家传统特色小吃产业发展的指导意见", "浙政办发〔2018〕116号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2018-12-23"),
    ("浙江省人民政府办公厅关于开展工伤保险基金省级调剂工作的通知", "浙政办发〔2018〕124号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2018-12-29"),
]


def test_every_article_of_001_with_its_parts():
    assert [_parts(a) for a in _issue("001").articles] == ARTICLES_001


ARTICLES_003 = [
    ("浙江省人民政府关于2020年度浙江省科学技术奖励的决定", "浙政发〔2021〕14号", ALL_PROVINCE, ["浙江省人民政府"], "2021-06-04"),
    ("浙江省人民政府关于正式设立浙江金华科贸职业技术学院的批复", "浙政函〔2021〕45号", "金华市人民政府，省教育厅", ["浙江省人民政府"], "2021-04-06"),
    ("浙江省人民政府办公厅关于对2020年落实有关重大政策措施真抓实干成效明显地方予以督查激励的通报", "浙政办发〔2021〕24号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2021-05-07"),
    ("浙江省人民政府办公厅关于印发浙江省社会救助家庭经济状况核对管理工作实施办法的通知", "浙政办发〔2021〕25号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2021-05-06"),
    ("浙江省人民政府办公厅关于印发浙江省重大建设项目“十四五”规划的通知", "浙政办发〔2021〕26号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2021-05-06"),
    ("浙江省人民政府办公厅关于印发浙江省社会信用体系建设“十四五”规划的通知", "浙政办发〔2021〕29号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2021-05-14"),
    ("浙江省人民政府办公厅关于印发浙江跨境电子商务高质量发展行动计划的通知", "浙政办发〔2021〕32号", ALL_PROVINCE, ["浙江省人民政府办公厅"], "2021-06-04"),
    ("浙江省人民政府办公厅关于龙丽丽龙高速公路收费期限的复函", "浙政办函〔2021〕14号",
     "省交通集团，省交通运输厅、省发展改革委、省财政厅、省审计厅", ["浙江省人民政府办公厅"], "2021-03-21"),
    ("浙江省人民政府办公厅关于舟山绿色石化基地区块拓展有关事项的复函", "浙政办函〔2021〕21号", "舟山市人民政府", ["浙江省人民政府办公厅"], "2021-04-22"),
    ("浙江省人民政府办公厅关于台金高速公路东延台州市区连接线工程收取车辆通行费有关事项的复函", "浙政办函〔2021〕24号",
     "台州市人民政府，省交通运输厅、省发展改革委、省财政厅", ["浙江省人民政府办公厅"], "2021-04-30"),
    ("浙江省医疗保障局关于将肿瘤全身断层显像纳入大病保险支付范围等有关事项的通知", "浙医保发〔2021〕31号",
     "各市、县（市、区）医疗保障局", ["浙江省医疗保障局"], "2021-06-07"),
]


def test_every_article_of_003_with_its_parts():
    issue = _issue("003")
    assert [_parts(a) for a in issue.articles] == ARTICLES_003
    assert [a.type for a in issue.articles] == ["决定", "批复", "通报", "通知", "通知", "通知", "通知", "复函", "复函", "复函", "通知"]
    # no masthead, colophon or running head in this text layer: reported, not invented
    assert issue.meta.publication is None
    assert "issue metadata not found: publication, year, issue number" in issue.warnings


def test_attachment_title_wrapped_over_lines_is_found_from_the_note():
    article = next(a for a in _issue("003").articles if a.doc_number == "浙政办函〔2021〕24号")
    assert article.attachments[0].title.text == "台金高速公路东延台州市区连接线工程收费标准表"


def test_issue_metadata_of_000_and_001():
    m = _issue("000").meta
    assert (m.publication, m.publisher, m.year, m.issue_number, m.cumulative_number, m.published.iso) == (
        "浙江省人民政府公报", "浙江省人民政府", 2022, 19, 1324, "2022-08-19")
    m = _issue("001").meta  # from the colophon: ２０１９ 年第 ２ 期（总第 １２１９ 期）/ １ 月 １６ 日出版
    assert (m.publication, m.publisher, m.year, m.issue_number, m.cumulative_number, m.published.iso) == (
        "浙江省人民政府公报", "浙江省人民政府", 2019, 2, 1219, "2019-01-16")
    assert (m.serial_cn, m.url, m.printer) == ("CN33-1354/D", "http://zfgb.zj.gov.cn", "浙江省委办公厅文印中心")


def test_standalone_documents_002_and_004_with_all_their_parts():
    issue = _issue("002")
    assert issue.kind == "document" and issue.id == "浙政发-2021-13"
    (article,) = issue.articles
    assert article.issuer_mark == "浙江省人民政府文件"
    assert _parts(article) == ("浙江省人民政府关于印发浙江省数字政府建设“十四五”规划的通知", "浙政发〔2021〕13号",
                               ALL_PROVINCE, ["浙江省人民政府"], "2021-06-04")
    assert article.notes == ["（此件公开发布）"]
    assert article.attachments[0].title.text == "浙江省数字政府建设“十四五”规划"
    assert article.cc.startswith("省委各部门，省人大常委会、省政协办公厅，省军区") and article.cc.endswith("省检察院。")
    assert (article.print_info.printer, article.print_info.date.iso) == ("浙江省人民政府办公厅", "2021-06-08")

    (article,) = _issue("004").articles
    assert _parts(article) == ("绍兴市人民政府关于印发《绍兴市加快推进数字政府建设实施方案》的通知", "绍政发〔2022〕26号",
                               "各区、县（市）人民政府，市政府各部门、各单位", ["绍兴市人民政府"], "2022-12-30")
    assert article.attachments[0].title.text == "绍兴市加快推进数字政府建设实施方案"
    assert article.cc == "市委各部门，市人大常委会办公室，市政协办公室，绍兴军分区，市监委，市中级人民法院，市检察院"
    assert (article.print_info.printer, article.print_info.date.iso) == ("绍兴市人民政府办公室", "2022-12-30")


def test_body_tree_levels_run_in_headings_boxes_and_items():
    body = _issue("000").articles[0].body
    first = body[1]
    assert (first.level, first.num, first.heading.text) == (1, "一、", "总体要求")
    guiding = first.children[0]
    assert (guiding.level, guiding.num, guiding.heading.text, guiding.run_in) == (2, "（一）", "指导思想。", True)
    assert guiding.children[0].block.text.startswith("以习近平新时代中国特色社会主义思想为指导")
    plan = _issue("002").articles[0].attachments[0].body
    task = plan[2].children[0].children[0]  # 二、主要任务 / （一）… / 1.提高政府机关数字化运行管理能力
    assert (task.level, task.num, task.heading.text) == (3, "1.", "提高政府机关数字化运行管理能力。")
    box = next(n for n in task.children if isinstance(n, Box))
    assert (box.num, box.title, len(box.children)) == ("1", "政府运行类重点应用", 2)
    rules = _issue("001").articles[-1].body[2]  # 二、主要内容 of the 工伤保险 notice
    procedure = next(n for n in rules.children if isinstance(n, Section) and n.heading.text == "调剂程序。")
    application = procedure.children[0]
    assert (application.num, application.heading.text) == ("1.", "申请。")
    items = [(n.num, n.block.text) for n in application.children if isinstance(n, Paragraph) and n.num]
    assert [num for num, _ in items] == ["（1）", "（2）", "（3）", "（4）", "（5）", "（6）"]
    assert items[-1][1] == "其他需要说明的情况。"


def test_a_gazette_of_another_publication_splits_the_same_way():
    issue = build_issue(normalize(read_source(DATA / "state_council_issue.txt")))
    m = issue.meta
    assert (m.publication, m.publisher, m.year, m.issue_number, m.cumulative_number, m.published.iso) == (
        "中华人民共和国国务院公报", "国务院办公厅", 2023, 15, 1806, "2023-05-30")
    assert issue.id == "中华人民共和国国务院公报-2023-15"
    assert [_parts(a) for a in issue.articles] == [
        ("国务院关于推动外贸稳规模优结构的意见", "国发〔2023〕10号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构", ["国务院"], "2023-04-11"),
        ("国务院办公厅关于印发专利转化运用专项行动方案的通知", "国办发〔2023〕18号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构", ["国务院办公厅"], "2023-05-26"),
        ("国务院关于同意在山东省烟台市设立综合保税区的批复", "国函〔2023〕45号", "山东省人民政府，海关总署", ["国务院"], "2023-05-20"),
    ]
    assert [(e.doc_number, e.page, e.ref) for s in issue.toc for e in s.entries] == [
        ("国发〔2023〕10号", 4, "国发-2023-10"), ("国函〔2023〕45号", 6, "国函-2023-45"), ("国办发〔2023〕18号", 5, "国办发-2023-18")]
    assert issue.articles[1].attachments[0].title.text == "专利转化运用专项行动方案"
    assert issue.warnings == []


def test_missing_parts_are_reported_and_nothing_is_invented():
    text = "\n".join([
        "某某市人民政府关于加强安全生产工作的通知", "各区人民政府：",
        "为进一步加强安全生产工作，现将有关事项通知如下。", "一、压实责任", "各区要落实属地管理责任。",
    ])
    issue = build_issue(normalize(source_from_bytes(text.encode(), "x.txt")))
    (article,) = issue.articles
    assert article.title.text == "某某市人民政府关于加强安全生产工作的通知"
    assert article.doc_number is None and article.signatures == []
    assert issue.warnings == ["某某市人民政府关于加强安全生产工作的通知: not found: document number, signature, date"]
    # Without a signature the body ends with the text, and is written once.
    xml = render(source_from_bytes(text.encode(), "x.txt")).xml.decode()
    assert xml.count("为进一步加强安全生产工作") == 1 and xml.count("各区要落实属地管理责任") == 1


def test_ids_are_stable_and_come_from_what_the_issue_prints():
    first, second = render(read_source(sample_path("000"))), render(read_source(sample_path("000")))
    assert first.xml == second.xml
    assert first.issue.id == "浙江省人民政府公报-2022-19"
    assert [a.id for a in first.issue.articles][:2] == ["浙政发-2022-20", "浙政函-2022-102"]


@pytest.mark.parametrize("seed, article_id", [("000", "浙政函-2022-107"), ("000", "浙政函-2022-108"),
                                              ("003", "浙政办函-2021-21")])
def test_golden_articles(seed, article_id):
    root = etree.fromstring(render(read_source(sample_path(seed))).xml)
    validate(root)
    (article,) = root.xpath(f"g:article[@id='{article_id}']", namespaces=NS)
    article.tail = None
    golden = (GOLDEN / f"{seed}_{article_id}.xml").read_text("utf-8")
    canonical = etree.canonicalize(etree.tostring(article, encoding="unicode"), strip_text=True)
    assert canonical == etree.canonicalize(golden, strip_text=True)
