r"""The patterns every pass shares, each written once.

Chinese official documents number, date and cite themselves in a few fixed
shapes (GB/T 9704-2012): numerals (``二〇二二``), division markers (``一、``,
``（一）``, ``1.``, ``第三条``), dates (``2022年7月30日``), document numbers
(``浙政发〔2022〕20号``). Text layers add white space between glyphs. The
passes find these shapes in different places, but always with the
definitions below, so that a document number or a marker means the same
thing to reflow, structure and tables.

White space: ``GAP`` is what a text layer puts between glyphs: ASCII space,
tab, the ideographic space ``　``, the no-break space (web editions'
``&nbsp;``) and the en and em spaces; every pass treats them alike.

>>> bool(regex.fullmatch(GAP, "\u00a0")), bool(regex.fullmatch(DIGIT, "９"))
(True, True)
>>> DOC_NUMBER.fullmatch("浙政发〔2022〕20号") is not None, DOC_NUMBER.fullmatch("第一条") is None
(True, True)
>>> DOC_NUMBER.fullmatch("财政部　税务总局公告2025年第17号") is not None
True
>>> marker_kind("（一）指导思想。以…"), marker_kind("第三条 本办法…"), marker_kind("1.5亿元")
('paren_cn', 'article', None)
>>> visual_width("到2025年")
4.0
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from .profile import Profile

# -- characters ------------------------------------------------------------
#: A digit, ASCII or full width.
DIGIT = "[0-9０-９]"
#: White space a text layer puts between glyphs (ASCII, tab, ideographic, NBSP,
#: the en and em spaces web editors type: ``第\u2002361\u2002号``).
GAP = r"[ \t\u3000\u00a0\u2002\u2003]"
#: Han characters and the CJK punctuation that sits between them.
HAN = r"\p{Han}"
CJK_PUNCT = r"，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·"
CJK = rf"[{HAN}{CJK_PUNCT}]"
#: The characters of a small Chinese numeral (``二〇二二``, ``一百二十``).
CN_NUMERAL = "一二三四五六七八九十百〇零"

# -- division markers ------------------------------------------------------
#: Marker kinds in the order a body nests them when all appear; each pattern
#: matches the marker at the start of a line.
MARKER_PATTERNS: dict[str, str] = {
    "chapter": rf"第[{CN_NUMERAL}\d]+章",        # 第一章
    "part": rf"第[{CN_NUMERAL}\d]+节",           # 第二节
    "article": rf"第[{CN_NUMERAL}\d]+条",        # 第三条
    "cn": rf"[{CN_NUMERAL}]+、",                 # 一、
    "paren_cn": rf"[（(][{CN_NUMERAL}]+[）)]",    # （一）
    "arabic": r"\d{1,2}[.、．](?!\d)",           # 1.  (not 1.5)
    "paren_arabic": r"[（(]\d{1,2}[）)]",         # （1）
}
_MARKERS = {kind: regex.compile(f"^{pattern}") for kind, pattern in MARKER_PATTERNS.items()}
#: A heading of the top levels: ``一、`` or ``第X章/节/部分/篇``.
CN_HEADING_START = regex.compile(rf"^(?:[{CN_NUMERAL}]+、|第[{CN_NUMERAL}\d]+[章节部分篇])")


def marker_kind(text: str) -> str | None:
    """The kind of division marker a line starts with, if any."""
    return next((kind for kind, pattern in _MARKERS.items() if pattern.match(text)), None)


def marker_match(text: str) -> tuple[str, regex.Match] | None:
    """The kind and the match of the division marker a line starts with."""
    for kind, pattern in _MARKERS.items():
        match = pattern.match(text)
        if match:
            return kind, match
    return None


# -- issuing bodies --------------------------------------------------------
#: How the name of an issuing body ends: 财政部, 税务总局, 国资委, 办公厅, 人民政府…
BODY_END = r"(?:部|局|委|厅|办|院|会|府|署|行|中心|公司|室|所|队|站|组|处|团|社|联|馆)"
#: A text that ends as a body's name does (``…局``, ``…领导小组``).
BODY_ENDING = regex.compile(rf"{BODY_END}$")
#: A line that is one body's name and nothing else (``国家统计局大庆调查队``).
BODY_LINE = regex.compile(rf"^[\p{{Han}}（）()]{{2,30}}{BODY_END}$")
_IN_BRACKETS = regex.compile(r"^[（(](?P<inner>[^（）()]+)[）)]$")


#: Punctuation a title's line (a title's, a caption's) does not hold.
UNTITLED = regex.compile("[。，；：:]")
#: A table's caption; not a line ending in a word ending in 表 (``法人代表``).
CAPTION = regex.compile(r"^[^，。：；]{4,60}(?:(?<!代)表|清单|一览表)(?:[（(][^（）()]{1,10}[）)])?$")
#: A qualifier in brackets after a title's document type (``…的通知（暂行）``,
#: ``…办法（试行）``, ``…行动计划（2021-2023年）``): words, not a date
#: (``（2019年1月5日）``) nor a TOC entry's page (``…的通知（1）``).
QUALIFIER = regex.compile(r"[（(](?=[^（）()]*\p{Han})[^（）()，。；：]{1,12}(?<!日)[）)]$")


def ends_in_type(text: str, profile: Profile) -> bool:
    """Whether a title's text ends in a document type, maybe qualified in brackets.

    >>> from gazette.normalize.profile import default_profile
    >>> texts = ("…提取政策的通知（暂行）", "…管理办法", "…的批复（2019年1月5日）", "…的通知（1）")
    >>> [ends_in_type(text, default_profile()) for text in texts]
    [True, True, False, False]
    """
    return QUALIFIER.sub("", text).endswith(tuple(profile.document_types))


def wrapped_body(first: str, second: str) -> bool:
    """Whether two lines are one body's name wrapped over them: the first
    Chinese only (one name, no gap, no ``、`` between two), ending as no
    body's name does, the second one body's name.

    >>> wrapped_body("省市场监管局新型冠状病毒感染的", "肺炎疫情防控工作领导小组")
    True
    >>> wrapped_body("国家发展改革委", "国家能源局"), wrapped_body("附件：直播间二维码", "国家能源局")
    (False, False)
    """
    first, second = first.strip(), second.strip()
    return bool(_NAME_PIECE.fullmatch(first) and not BODY_ENDING.search(first) and BODY_LINE.match(second))


#: A piece of one name: Chinese only.
_NAME_PIECE = regex.compile(r"\p{Han}+")


def bracketed_body(text: str) -> str | None:
    """The body's name a line prints alone in brackets (a statistical
    bulletin's issuer at its end), or None.

    >>> bracketed_body("（万载县统计局）"), bracketed_body("（此件公开发布）"), bracketed_body("万载县统计局")
    ('万载县统计局', None, None)
    """
    found = _IN_BRACKETS.match(text.strip())
    return found["inner"] if found and BODY_LINE.match(found["inner"]) else None


def joint_bodies(text: str) -> list[str] | None:
    """Joint issuers on one line parted by ``、`` (web pages print a
    signature so), each a body's name; None if the line is no such list.

    >>> joint_bodies("北京市科学技术委员会、中关村科技园区管理委员会"), joint_bodies("加强监管、优化服务")
    (['北京市科学技术委员会', '中关村科技园区管理委员会'], None)
    """
    parts = [part.strip() for part in text.strip().split("、")]
    return parts if len(parts) >= 2 and all(regex.search(BODY_END + "$", part) for part in parts) else None

# -- dates -----------------------------------------------------------------
#: ``2022年7月30日`` with its three numbers as groups.
DATE = regex.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
#: ``二〇二二年七月三十日`` (zeros also written ○ or 零).
CN_DATE = regex.compile(r"""
    ([〇零○一二三四五六七八九]{4})年     # year, digit by digit
    ([一二三四五六七八九十]{1,2})月      # month
    ([一二三四五六七八九十]{1,3})日      # day
""", regex.VERBOSE)
#: A date standing alone on its line, in digits or Chinese numerals.
DATE_LINE = regex.compile(rf"""
    ^\d{{4}}年\d{{1,2}}月\d{{1,2}}日$
  | ^[{CN_NUMERAL}]{{4}}年[{CN_NUMERAL}]{{1,2}}月[{CN_NUMERAL}]{{1,3}}日$
""", regex.VERBOSE)
#: How a line the wrap cut in the middle of a sentence ends: a Chinese
#: character, a comma, an enumeration comma or an opening mark.
ENDS_MID_SENTENCE = regex.compile(r"[\p{Han}，、“《（]$")
#: A date without its day, as some signatures print it: ``2021年3月``.
MONTH_LINE = regex.compile(rf"^(?:\d{{4}}年\d{{1,2}}月|[{CN_NUMERAL}]{{4}}年[{CN_NUMERAL}]{{1,2}}月)$")
#: A dateline printed under a title: the issuer and the date in brackets
#: (``（民政部　一九九七年一月二十八日）``), or the date alone (``（1999年1月8日）``).
DATELINE = regex.compile(r"""
    ^[（(]
    (?P<issuer>[^（）()\d〇零○一二三四五六七八九，。；：]{2,40}?)?\s*
    (?P<date>\d{4}年\d{1,2}月\d{1,2}日|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)
    [）)]$
""", regex.VERBOSE)
#: A year and month inside a text (a sentence that mentions a date).
DATE_IN_TEXT = regex.compile(r"\d{4}年\d{1,2}月")
#: A sentence that ends in a colon, not a list of bodies (an addressee):
#: ``现就…提出如下意见：``, ``根据《…》有关规定，通告如下：``.
SENTENCE_BEFORE_COLON = regex.compile(r"如下\p{Han}{0,4}[：:]$|^(?:为了?|根据|按照|依据)|《")
#: The print line of a 版记: ``浙江省人民政府办公厅 2021年6月8日印发``.
PRINT_LINE = regex.compile(r"^(?P<printer>.{0,20}?)\s*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)印发$")

# -- document numbers -------------------------------------------------------
#: A document number (发文字号): issuer abbreviation, year in brackets, number.
DOC_NUMBER = regex.compile(r"""
    \p{Han}{1,12}                 # issuer abbreviation: 浙政发, 国办发明电
    [〔\[［(（]\d{4}[〕\]］)）]     # year in brackets (〔〕 printed, others typed)
    \d+号                         # serial number
  | \p{Han}[\p{Han}\s]{1,60}?       # the issuers of an announcement: 财政部　税务总局
    (?:公告|通告)\d{4}年第\d+号     # 公告2025年第17号
""", regex.VERBOSE)
#: An issue's number as its masthead prints it: ``2022年第19期``, ``1999年第1号``,
#: ``一九五四年第一号``; not an announcement's number (``公告2025年第17号``).
ISSUE_NUMBER = regex.compile(rf"""
    (?<![告令])
    (?P<year>\d{{4}}|[〇零○一二三四五六七八九]{{4}})年
    第(?P<number>\d{{1,3}}|[{CN_NUMERAL}]{{1,5}})[期号]
""", regex.VERBOSE)
#: A register code (统一登记号) printed with or above a document's number: ``CSCR-2018-01025``.
REGISTER_CODE = regex.compile(r"[A-Z][A-Z0-9]{1,7}[-－]\d{4}[-－]\d{3,6}")
#: A serial without an issuer's abbreviation: an order's or an announcement's
#: (``第706号``, ``2018年第1号``).
SERIAL_NUMBER = regex.compile(r"(?:\d{4}年)?第\d+号")
#: A line that prints a document number: the number, in brackets or not, a
#: register code before it or not (``CSCR-2018-01025 长政办函〔2018〕75号``);
#: in brackets, an announcement's serial alone (``（第2018011号）``,
#: ``（2018年第1号）``; without brackets ``第706号`` is an order's, ``ORDER_NUMBER``).
NUMBER_LINE = regex.compile(rf"""
    ^(?:(?P<register>{REGISTER_CODE.pattern})\s*)?
    (?P<open>[（(])?(?P<number>{DOC_NUMBER.pattern}|(?(open){SERIAL_NUMBER.pattern}|(?!)))(?(open)[）)])$
""", regex.VERBOSE)


def number_line(text: str) -> regex.Match | None:
    """The match of a line that prints a document number (``NUMBER_LINE``), or None.

    >>> number_line("（皖政办秘〔2021〕82号）")["number"]
    '皖政办秘〔2021〕82号'
    >>> number_line("CSCR-2018-01025 长政办函〔2018〕75号")["register"]
    'CSCR-2018-01025'
    >>> number_line("经研究，浙政发〔2022〕20号已废止") is None
    True
    >>> number_line("（第2018011号）")["number"], number_line("第706号")
    ('第2018011号', None)
    """
    return NUMBER_LINE.match(text)


#: An order (令): its head ``中华人民共和国国务院令`` over its number ``第706号``,
#: or both on one line (``重庆市人民政府令第361号``).
ORDER_HEAD = regex.compile(r"^(\p{Han}{2,30})令$")
#: An order's number, a register code before it or not (``CSCR-2018-01025 第231号``).
ORDER_NUMBER = regex.compile(rf"^(?:(?P<register>{REGISTER_CODE.pattern})\s*)?(?P<number>第\d+号)$")
ORDER_LINE = regex.compile(r"^(?P<head>\p{Han}{2,30}令)(?P<number>第\d+号)$")


# -- lines of their own ----------------------------------------------------
#: Punctuation that ends a paragraph, possibly followed by closing quotes and
#: a bracketed remark: ``…给予优先支持。（省经信厅组织实施）``,
#: ``…不再列出。（逗号前为牵头单位，下同）〕``.
FINAL = regex.compile(r"[。！？；：…][”’）」』》〕】]*(?:[（(][^（）()]*[）)][”’）」』》〕】]*)?$")
#: The gap between two fields of a list's entry (``王　湛　江苏省原副省长``), as
#: the repairs leave it: an ideographic space between Chinese words (not the
#: one after a clause's number: ``第一条　为深化…``).
_FIELD_GAP = regex.compile(r"\p{Han}\u3000+\p{Han}")
_NUMBER_GAP = regex.compile(rf"^第[{CN_NUMERAL}\d]+[条章节]\u3000+")


def is_list_entry(text: str) -> bool:
    """Whether a line is an entry of a list: fields apart by a gap, no
    sentence (the gap between joint issuers quoted in a sentence is none).

    >>> is_list_entry("王晓晖\u3000中央宣传部副部长"), is_list_entry("第一条\u3000为深化本市住房供给侧结构性改革")
    (True, False)
    >>> is_list_entry("为支持刚性和改善性住房需求，贯彻落实《住房城乡建设部\u3000中国人民银行")
    False
    """
    return bool(_FIELD_GAP.search(_NUMBER_GAP.sub("", text))) and not _IN_SENTENCE.search(text)


_IN_SENTENCE = regex.compile("[，。；《》]")
#: The marks GB/T 9704 prints above a document's head: its security class and
#: term (``机密★1年``), its urgency (``特急``), a circulation note (``内部资料　注意保存``).
HEAD_MARK = regex.compile(r"^(?:(?:内部资料|注意保存|内部文件|绝密|机密|秘密|特急|加急|特提|平急)"
                          r"(?:★\s*\d+\s*年)?\s*)+$")
#: The issuing authority's mark (版头) above a document: ``杭州市人民政府文件``.
ISSUER_MARK = regex.compile(r"^\p{Han}{2,30}文件$")
#: The masthead of a standard's cover, printed above its title in larger type
#: (``中华人民共和国国家军用标准``, ``浙江省地方标准``, ``团体标准``).
STANDARD_MASTHEAD = regex.compile(r"^\p{Han}{0,12}(?:国家|行业|地方|团体|企业|军用)标准$")
#: What opens a line of its own: a division marker (``1.`` here also opens a
#: standard's clause number ``6.1``), a part's label, a question or its
#: answer (``问：``, ``答：``) or a step (``第三步：``); not a word wrapped
#: to the line's start (``详见`` / ``附件1）。``, ``开设…`` / ``专栏，避免…``).
LINE_OPENER = regex.compile(
    "^(?:" + "|".join(p for k, p in MARKER_PATTERNS.items() if k != "arabic")
    + rf"|\d{{1,2}}[.、．]|第[{CN_NUMERAL}\d]+(?:部分|篇)|[①-⑳]|——|抄送|注[：:]|[问答][：:]|第[{CN_NUMERAL}\d]+步[：:]"
    + rf"|(?:专栏|附[件表])(?!\s*(?:\d+|[{CN_NUMERAL}]+)?\s*[）)」”》，。、；]))"
)
#: A heading on a line of its own: ``一、总体要求``, ``第二章 规划``, ``专栏 3 …``.
HEADING_LINE = regex.compile(
    rf"^(?:[{CN_NUMERAL}]+、|第[{CN_NUMERAL}\d]+[章节部分篇])[^。；，]{{1,30}}$|^专栏(?![，。、；])\s*\d*.{{0,30}}$"
)


#: The head of an attachment printed above its title: ``附件``, ``附件2：``, ``附件一``.
ATTACHMENT_HEAD = regex.compile(rf"^附件\s*(\d*|[{CN_NUMERAL}]+)\s*[.．：:]?$")
#: An attachment note: ``附件：1.…``, ``附件1.…``, ``附件2：…`` (the head alone is ``附件1.``).
ATTACHMENT_NOTE = regex.compile(r"^附件\s*(?:[：:]|\d+[.．、：:])\s*\S")
#: A standard's annex, its letter and its kind on lines of their own: ``附录C``, ``（资料性附录）``.
ANNEX_HEAD = regex.compile(r"^(?:附录\s*[A-ZＡ-Ｚ]|[（(](?:资料性|规范性)附录[）)])$")
#: A table's label over its caption, as an attachment's is: ``表4``, ``附表2``.
TABLE_HEAD = regex.compile(rf"^附?表\s*(\d+|[{CN_NUMERAL}]+)\s*[.．：:]?$")
#: A table's caption opened by its label: ``表 C.1 GJB 9001C-2017相关国家军用标准``, ``表7.5 停车区…``,
#: ``表1（续）``.
TABLE_LABEL = regex.compile(
    r"^(?:附|续)?表\s*(?:[A-ZＡ-Ｚ]\s*[.．]\s*)?[0-9０-９]+(?:[.．\-－][0-9０-９]+)*(?=\s|[（(]|$)")
#: A document opens with at most this many marks above its title.
MAX_OPENING_MARKS = 3


def opening_marks(texts: list[str]) -> int:
    """How many of a document's first lines are marks printed above its
    title: the issuer's mark (``杭州市人民政府文件``), a register code, an
    attachment's label (``附件1``); none when its first ``MAX_OPENING_MARKS``
    lines are all marks; all when fewer lines are given, all marks (the
    lines above a table's caption: ``附件1：``).

    >>> opening_marks(["附件1", "代表名额分配表"]), opening_marks(["关于调整住房公积金有关业务政策的通知"])
    (1, 0)
    >>> opening_marks(["表 ４", "２０１７ 年宁波国家高新", "区政府性基金支出调整表"]), opening_marks(["附件1："])
    (1, 1)
    """
    return next((index for index, text in enumerate(texts[:MAX_OPENING_MARKS]) if not (
        ISSUER_MARK.match(text) or REGISTER_CODE.fullmatch(text) or ATTACHMENT_HEAD.fullmatch(text)
        or TABLE_HEAD.fullmatch(text))), len(texts) if len(texts) < MAX_OPENING_MARKS else 0)

#: The head of a table of contents: ``目录``, a standard's ``目次``.
TOC_HEAD = regex.compile(r"^目\s*[录次]$")
#: Leader dots, then a TOC entry's page: a number (in brackets or not) or a
#: roman one (``前言……IV``); ``C`` is how some text layers print the dots.
LEADER_DOTS = regex.compile(rf"""
    \s*(?:C{{4,}}|(?:[.．·…⋯•]\s?){{6,}}                          # CCCC, …………, . . . . . .
       |[…⋯]{{2,}}(?=\s*[（(]\s*{DIGIT}{{1,4}}\s*[）)]\s*$))          # a short …… before (10)
    (?=\s*(?:[（(]?\s*{DIGIT}{{1,4}}\s*[）)]?|[IVXLCⅠ-Ⅻ]{{1,6}})?\s*$)  # then the page, or the line's end
""", regex.VERBOSE)
_LEADER = r"[.．·…•‥・_\-]"
_DOT = r"[.．·…•‥・]"
_TOC_PAGE = rf"(?:{DIGIT}{{1,4}}|[IVXLC]{{1,6}})"
#: What OCR leaves of leader dots (the detector sees few of them): a mixed run
#: of dots, ellipses, hyphens, maybe with gaps, at the end of the line or
#: before its page number (``顾客沟通··· -9``, ``7.1.2人员………``, ``8运行·``);
#: not one hyphen in a code (``C-2017``), not a lone ellipsis ``……`` ending prose.
OCR_LEADER_DOTS = regex.compile(
    rf"(?<=[^\s.．·…•‥・_\-])(?:"
    rf"(?:\s*{_LEADER}){{2,}}\s*(?={_TOC_PAGE}$)"  # two or more before a page number
    rf"|\s+{_DOT}\s*(?={_TOC_PAGE}$)|{_DOT}\s+(?={_TOC_PAGE}$)"  # one dot set apart from it
    rf"|(?!…{{1,2}}$)(?:\s*{_LEADER}){{2,}}\s*$|·$)"  # or ending the line
)


def is_date(text: str) -> bool:
    """True for a date standing on its own line.

    >>> is_date("2022年7月30日"), is_date("二〇二二年七月三十日"), is_date("2022年7月")
    (True, True, False)
    """
    return bool(DATE_LINE.match(text))


#: The unit a table's figures are in, on a line of its own over it: ``单位：万元``, ``（单位：人）``.
UNIT_LINE = regex.compile(r"^(?:（(?&unit)）|\((?&unit)\)|(?&unit))$"
                          r"(?(DEFINE)(?<unit>(?:计量)?单位[：:]\s*[^，。；：\s（）()]{0,5}[^，。；：\s（）()局委厅府办院会部司处室所站队]))")
#: Who made a table, on a line of its own over it: ``编制部门：上海市普陀区人民政府万里街道办事处``,
#: ``填报单位：``, a budget's ``预算主管部门：…``.
MAKER_LINE = regex.compile(r"^(?:预算主管|编制|填报|制表)(?:部门|单位|机关)[：:][^。；]*$")
#: A label over a blank to fill in, the line's end (``申报人姓名：_______``), or a date to fill in (``年 月 日``).
FILL_IN_LINE = regex.compile(r"^(?:[^。；]{1,20}[：:]\s*_{3,}|年\s*月(?:\s*日)?)\s*$")


@lru_cache(maxsize=4096)
def standalone(text: str) -> bool:
    """A date, print date, document number, heading, TOC head, an
    attachment's head (``附件2``, at a page's foot over its title on the
    next page), a standard's annex (``附录C``, ``（资料性附录）``), a table's unit
    (``单位：万元``) or maker (``编制部门：…``), a label over a blank to fill
    in (``申报人姓名：_______________________``, a form's cover) or a date to
    fill in (``年 月``, ``年 月 日``): a line of its own.

    >>> standalone("国发〔2019〕4号"), standalone("2019年1月24日"), standalone("目次"), standalone("为深化职业教育改革")
    (True, True, True, False)
    >>> standalone("（民政部　一九九七年一月二十八日）"), standalone("附件2"), standalone("附件2．申报表")
    (True, True, False)
    >>> standalone("单位：万元"), standalone("（单位：人）"), standalone("单位：市住房城乡建设局）")
    (True, True, False)
    >>> standalone("申报单位：_______________________"), standalone("填写说明：____等字段必填")
    (True, False)
    >>> standalone("年 月"), standalone("年月日"), standalone("年月日报")
    (True, True, False)
    >>> standalone("编制部门：上海市普陀区人民政府万里街道办事处"), standalone("编制单位应当于每年3月底前报送")
    (True, False)
    >>> standalone("附录C"), standalone("(资料性附录)"), standalone("附录C给出了相关标准")
    (True, True, False)
    """
    return bool(is_date(text) or PRINT_LINE.match(text) or number_line(text) or HEADING_LINE.match(text)
                or TOC_HEAD.match(text) or ORDER_LINE.match(text) or DATELINE.match(text)
                or ATTACHMENT_HEAD.match(text) or ANNEX_HEAD.match(text) or UNIT_LINE.match(text)
                or MAKER_LINE.match(text) or FILL_IN_LINE.match(text))


# -- widths ----------------------------------------------------------------
@lru_cache(maxsize=4096)
def visual_width(text: str) -> float:
    """Width of a line in character cells: ASCII (and Latin-1) counts half."""
    return sum(0.5 if ch < "\u0100" else 1.0 for ch in text)


def glyph_width(text: str) -> float:
    """Width of a text layer's line as its glyphs were printed: full-width
    digits and Latin letters of a text layer stand for half-width glyphs, so
    they count half, as ASCII does.

    >>> glyph_width("到 ２０２５ 年"), visual_width("到 ２０２５ 年")
    (5.0, 7.0)
    """
    return sum(0.5 if ch < "\u0100" or "\uff01" <= ch <= "\uff5e" else 1.0 for ch in text)
