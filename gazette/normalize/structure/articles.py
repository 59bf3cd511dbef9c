"""Splitting a source's blocks into articles, and each article into its parts.

An article (公文) starts where a document number stands on its own line,
next to its title (gazette layout: title, then number) or under its issuer
mark (web layout: ``浙江省人民政府文件``, number, title). A title followed by an
addressee opens an article that lacks a number (reported). Within an
article, GB/T 9704 order is followed: head (mark, number, title, addressee),
body, attachment note (``附件：``), signature (one issuer a line, or side by
side), date; then remarks (``（此件公开发布）``), the plan a 印发…的通知 issues,
attachments (``附件`` + title, each with body and perhaps its own signature),
``抄送：`` and the print line (``…印发``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model import Block
from ..patterns import (
    ATTACHMENT_HEAD,
    ATTACHMENT_NOTE,
    BODY_LINE,
    CN_NUMERAL,
    DATELINE,
    DOC_NUMBER,
    GAP,
    ORDER_HEAD,
    ORDER_LINE,
    ORDER_NUMBER,
    REGISTER_CODE,
    bracketed_body,
    number_line,
    wrapped_body,
)
from .blocks import joined, slice_block, span
from .body import build_body
from .model import Article, Attachment, Dateline, DateValue, Issuer, PrintInfo, Signature
from .parts import (
    MAX_HEAD_ADDRESSEE,
    article_type,
    doc_number,
    is_addressee,
    is_issuer_mark,
    number_value,
    parse_date,
    print_info,
    split_issuers,
)

#: What an attachment note opens with, taken off its name (``附件：1.``; ``patterns.ATTACHMENT_NOTE``).
_ATTACHMENT_NOTE_PREFIX = regex.compile(rf"^(?:附件\s*(?:[：:]\s*)?)?(?:(?:\d+|[{CN_NUMERAL}]+)[.．、：:]\s*)?")
#: The addressee printed at the start of the text's first paragraph, right
#: under the head: ``云南省人民政府：你省《关于…的请示》收悉。``.
_ADDRESSEE_FIRST = regex.compile(r"""
    ^(?!根据|按照|依据|为|经|现|近)
    ([^。；：:《》“”]{2,80}?(?:府|部|委|局|厅|院|办|会|室|构|位|司|行|处))   # bodies' names
    ([：:])(?=\S)
""", regex.VERBOSE)
#: An item of an attachment list on a line of its own: ``2.…``, ``二、…``.
_NOTE_ITEM = regex.compile(rf"^(?:\d+[.．]|[{CN_NUMERAL}]+、)")
#: A line of bodies' names: ``市人大常委会办公厅，市政协办公厅，市法院。``.
_BODIES = regex.compile(r"^[^，。；：、\s]{2,20}(?:[，、][^，。；：、\s]{2,20})*。?$")
#: A cover prints its title among its first blocks.
MAX_COVER_BLOCKS = 4
_CC = regex.compile(r"^(抄送[：:]\s*)(.*)$")
#: Remarks after the signature: ``（此件公开发布）``, ``公开方式：主动公开``.
_REMARK = regex.compile(r"^[（(][^（）()]{1,20}[）)]$|^(?:公开方式|信息公开选项|公开属性)[：:].{1,20}$")
_QUOTED = regex.compile(r"《([^》]+)》")
_ISSUING = regex.compile(r"印发(.+?)的通知$")
#: A name quoted where a notice's text issues it: ``现将《…》印发给你们``, or
#: where an order's promulgates it: ``现将修订后的《专利代理条例》公布``.
_ISSUED_HERE = regex.compile(r"《([^》]+)》[^。《]{0,20}(?:印发|公布)")


def article_starts(blocks: list[Block]) -> list[int]:
    """Indices of the blocks where articles begin."""
    starts: list[int] = []
    for index, block in enumerate(blocks):
        if _order_head(blocks, index):
            starts.append(index)
            continue
        if doc_number(block.text) is None or (index and _order_head(blocks, index - 1)) \
                or _listed_number(blocks, index) or _cited_number(blocks, index):
            continue
        starts.append(_head_start(blocks, index))
    for index, block in enumerate(blocks[:-1]):
        attached = index and ATTACHMENT_HEAD.match(blocks[index - 1].text)
        opens = block.kind == "title" and is_addressee(blocks[index + 1].text)
        if opens and not attached and not _inside_head(index, starts):
            starts.append(index)
    return sorted(set(starts))


def _listed_number(blocks: list[Block], index: int) -> bool:
    """Whether the number at block ``index`` is one of a list of numbers, a
    document cited a line (``京政发[2001]25号`` / ``京计投资字[2002]1792号`` /
    …, the 政策依据 of a table not read as one): the block before or after
    it prints a number too. A document's head has its title or its body
    between its number and the next one, so no article starts there.

    >>> from ..model import Segment
    >>> blocks = [Block("paragraph", [Segment(1, no, text)]) for no, text in
    ...           enumerate(["京政发[2001]25号", "京计投资字[2002]1792号", "各区人民政府："], start=1)]
    >>> _listed_number(blocks, 0), _listed_number(blocks[1:], 0)
    (True, False)
    """
    return any(0 <= other < len(blocks) and doc_number(blocks[other].text) is not None
               for other in (index - 1, index + 1))


def _cited_number(blocks: list[Block], index: int) -> bool:
    """Whether the number at block ``index`` cites the document a sentence
    rests on: in brackets, right after a paragraph that ends a sentence
    (``…按多件收费。`` / ``（发改价格规〔2016〕2559号）``, a wrap put it on a
    line of its own). A document prints its number in brackets under its
    title, never under a sentence.

    >>> from ..model import Segment
    >>> blocks = [Block(kind, [Segment(1, no, text)]) for no, (kind, text) in enumerate(
    ...     [("paragraph", "非同宗土地上多个抵押物办理一笔贷款，按多件收费。"),
    ...      ("paragraph", "（发改价格规〔2016〕2559号）"),
    ...      ("title", "关于调整住房公积金有关业务政策的通知"), ("paragraph", "（京政发〔2021〕3号）")], start=1)]
    >>> _cited_number(blocks, 1), _cited_number(blocks, 3)
    (True, False)
    """
    found = number_line(blocks[index].text)
    above = blocks[index - 1] if index else None
    return bool(found and found["open"]) and above is not None and above.kind == "paragraph" \
        and above.text.endswith(("。", "；"))


def _head_start(blocks: list[Block], number: int) -> int:
    """Where the head of the article whose number is block ``number`` begins:
    the title above it, the issuer's mark above that, and a register code
    above either or right above the number (``CSCR-2018-01025``)."""
    start = number
    while start and REGISTER_CODE.fullmatch(blocks[start - 1].text):
        start -= 1
    titled = bool(start) and blocks[start - 1].kind == "title"
    start -= titled
    if start and is_issuer_mark(blocks[start - 1].text, above_number=not titled):
        start -= 1
    while start and REGISTER_CODE.fullmatch(blocks[start - 1].text):
        start -= 1
    return start


def _order_head(blocks: list[Block], index: int) -> bool:
    """``中华人民共和国国务院令`` over ``第706号`` (or both on one line; a
    register code may stand between them): the head of an order (令)."""
    if ORDER_LINE.match(blocks[index].text):
        return True
    number = _past_codes(blocks, index + 1)
    return number < len(blocks) and bool(ORDER_HEAD.match(blocks[index].text)) \
        and bool(ORDER_NUMBER.match(blocks[number].text))


def _past_codes(blocks: list[Block], index: int) -> int:
    """The first block from ``index`` on that is no register code."""
    while index < len(blocks) and REGISTER_CODE.fullmatch(blocks[index].text):
        index += 1
    return index


def _inside_head(index: int, starts: list[int]) -> bool:
    return any(start <= index <= start + 2 for start in starts)


@dataclass
class _Cursor:
    blocks: list[Block]
    at: int = 0

    def peek(self, offset: int = 0) -> Block | None:
        index = self.at + offset
        return self.blocks[index] if index < len(self.blocks) else None

    def take(self) -> Block:
        self.at += 1
        return self.blocks[self.at - 1]


def read_article(blocks: list[Block], types: tuple[str, ...]) -> Article:
    """The parts of one article from its blocks (its ``id`` is given by the caller)."""
    article = Article(id="", blocks=[b for b in blocks if b.kind != "furniture"])
    content = [b for b in blocks if b.kind != "furniture"]
    cursor = _Cursor(list(content))
    _read_head(cursor, article)
    if cursor.at < len(content) and content[cursor.at] is not cursor.blocks[cursor.at]:  # a block cut in two
        blocks = [cursor.blocks[cursor.at] if b is content[cursor.at] else b for b in blocks]
        content = cursor.blocks
    closing = _closing_index(content, cursor.at)
    if article.title is None and article.doc_number is None:  # a cover title stands before the signature
        front_end = min(cursor.at + MAX_COVER_BLOCKS, closing if closing is not None else len(content))
        article.title = _cover_title(content[cursor.at : front_end])
    body_end = closing if closing is not None else len(content)
    body_end = _take_attachment_notes(content, cursor.at, body_end, article)
    body = _with_furniture(blocks, content[cursor.at : body_end])
    article.body = build_body([block for block in body if block is not article.title])
    cursor.at = closing if closing is not None else len(content)
    if closing is not None:
        article.signatures.append(_read_signature(cursor, article.order_of))
    _read_tail(cursor, article, blocks)
    if not article.signatures and article.dateline is None and (compiler := _compiler(content)):
        article.signatures.append(Signature([Issuer(compiler, derived_from="compiler")], None))
    if article.order_of is not None:
        article.type = "令"
    elif article.title is not None:
        article.type = article_type(article.title.text, types)
    return article


def read_item(blocks: list[Block], parts: list[tuple[Block, Block | None]],
              types: tuple[str, ...]) -> tuple[Article, list[Attachment]]:
    """An item of an issue: the document its blocks begin with, then each of
    its ``parts`` (title block, and the ``附件`` head printed above it or None),
    that the TOC lists apart, as attachments up to the next part; returns
    the article and the attachment each part became."""
    starts = [next(i for i, b in enumerate(blocks) if b is (head or title)) for title, head in parts]
    article = read_article(blocks[: starts[0]] if starts else blocks, types)
    read = [_read_part(blocks[start:end], head, article)
            for (_, head), start, end in zip(parts, starts, starts[1:] + [len(blocks)])]
    return article, read


def _read_part(blocks: list[Block], head: Block | None, article: Article) -> Attachment:
    """A part of an item: an attachment with its title, body and signature;
    a 抄送 or print line after it is the item's."""
    cursor = _Cursor([b for b in blocks if b.kind != "furniture"])
    found = ATTACHMENT_HEAD.match(cursor.take().text) if head is not None else None
    attachment = _read_attachment(cursor, _attachment_number(found) if found else None, blocks, article,
                                  titled=True)
    attachment.label = head.text if head is not None else None
    article.attachments.append(attachment)
    _read_tail(cursor, article, blocks)
    return attachment


def _attachment_number(head: regex.Match) -> str:
    """The number of an attachment head in digits (``附件一`` → 1; ``附件`` alone: 1)."""
    return str(number_value(head[1])) if head[1] else "1"


def _cover_title(front: list[Block]) -> Block | None:
    """A document without a number (a report, a standard): the title among
    its first blocks, below the lines a cover prints above it (a standard's
    code ``GJB 9001C—2017``)."""
    return next((block for block in front if block.kind == "title"), None)


#: A head holds at most this many parts (register code, issuer's mark, number, title, addressee).
MAX_HEAD_PARTS = 6


def _read_head(cursor: _Cursor, article: Article) -> None:
    """The parts of the head (``MAX_HEAD_PARTS`` at most), up to the first
    block that is none; a table is none, whatever its text reads as (a
    header ending ``…机关（单位：万元）`` is no addressee)."""
    for _ in range(MAX_HEAD_PARTS):
        block = cursor.peek()
        if block is None or block.kind == "table":
            return
        if article.title is None and _order_head(cursor.blocks, cursor.at):
            _read_order_head(cursor, article)
        elif REGISTER_CODE.fullmatch(block.text):
            article.registers.append(cursor.take().text)
        elif article.issuer_mark is None and is_issuer_mark(block.text, above_number=_number_next(cursor)):
            article.issuer_mark = cursor.take().text
        elif article.doc_number is None and (found := number_line(block.text)):
            cursor.take()
            article.doc_number = found["number"]
            article.registers += [found["register"]] if found["register"] else []
            article.doc_number_label = found["open"] + block.text[-1] if found["open"] else ""
        elif article.doc_number is None and article.addressee is None and (split := _number_and_addressee(block)):
            cursor.take()
            article.doc_number, addressee = split
            article.addressee = addressee.rstrip("：")
            article.addressee_label = addressee[len(article.addressee) :]
            return
        elif article.title is None and block.kind == "title":
            article.title = cursor.take()
        elif article.dateline is None and article.title is not None and (dateline := read_dateline(block.text)):
            cursor.take()
            article.dateline = dateline
        elif article.dateline is None and article.title is not None and (dateline := _issuers_over_date(cursor)):
            article.dateline = dateline
        elif article.addressee is None and is_addressee(block.text, MAX_HEAD_ADDRESSEE):
            text = cursor.take().text
            article.addressee = text.rstrip("：")
            article.addressee_label = text[len(article.addressee) :]
            return
        elif article.addressee is None and article.title is not None and (
                found := _ADDRESSEE_FIRST.match(block.text)):
            article.addressee, article.addressee_label = found[1], found[2]
            cursor.blocks[cursor.at] = slice_block(block, found.end())
            return
        else:
            return


def read_dateline(text: str) -> Dateline | None:
    """The dateline a block prints (``patterns.DATELINE``), or None.

    >>> dateline = read_dateline("（民政部\u3000一九九七年一月二十八日）")
    >>> [issuer.name for issuer in dateline.issuers], dateline.date.iso, dateline.label
    (['民政部'], '1997-01-28', '（）')
    """
    found = DATELINE.match(text)
    if found is None:
        return None
    issuers = split_issuers(found["issuer"].strip()) if found["issuer"] else []
    return Dateline(issuers, parse_date(found["date"]), text[0] + text[-1])


#: Issuers printed a line each over the date in brackets under a title: at most this many.
MAX_DATELINE_ISSUERS = 3


def _issuers_over_date(cursor: _Cursor) -> Dateline | None:
    """A dateline printed over several lines under a title: the issuers an
    office a line, then the date alone in brackets (a statistical
    bulletin's ``大庆市统计局`` / ``国家统计局大庆调查队`` / ``（2013年3月20日）``);
    takes its blocks. None (nothing taken) if the blocks ahead are no such lines."""
    names: list[str] = []
    for count in range(MAX_DATELINE_ISSUERS):
        block = cursor.peek(count)
        if block is None or any(block.joiners):
            return None
        dateline = read_dateline(block.text)
        if names and dateline is not None and not dateline.issuers:
            for _ in range(count + 1):
                cursor.take()
            return Dateline([Issuer(name) for name in names], dateline.date, dateline.label)
        lines = [segment.text for segment in block.segments]  # centred names a line each may be one block
        if not all(BODY_LINE.match(line) for line in lines) or len(names) + len(lines) > MAX_DATELINE_ISSUERS:
            return None
        names += lines
    return None


def _read_order_head(cursor: _Cursor, article: Article) -> None:
    """An order's head and number, on two lines or on one (``重庆市人民政府令第361号``)."""
    block = cursor.take()
    one_line = ORDER_LINE.match(block.text)
    if one_line:
        article.title, article.doc_number = slice_block(block, 0, one_line.end("head")), one_line["number"]
    else:
        article.title = block
        while (code := cursor.peek()) is not None and REGISTER_CODE.fullmatch(code.text):
            article.registers.append(cursor.take().text)
        found = ORDER_NUMBER.match(cursor.take().text)
        assert found is not None, "an order's head stands over its number (_order_head)"
        article.doc_number = found["number"]
        article.registers += [found["register"]] if found["register"] else []
    article.order_of = article.title.text[:-1]


def _number_and_addressee(block: Block) -> tuple[str, str] | None:
    """A document number and the addressee printed after it on one line
    (``国发〔1999〕2号 各省、自治区、直辖市人民政府，…：``): the number, and the
    addressee as printed (with its colon).

    >>> from gazette.normalize.model import Segment
    >>> _number_and_addressee(Block("paragraph", [Segment(1, 1, "国发〔1999〕2号各省、自治区、直辖市人民政府：")]))
    ('国发〔1999〕2号', '各省、自治区、直辖市人民政府：')
    """
    found = DOC_NUMBER.match(block.text)
    if found is None:
        return None
    rest = regex.sub(f"^{GAP}+", "", block.text[found.end() :])
    return (found[0], rest) if rest and is_addressee(rest, MAX_HEAD_ADDRESSEE) else None


def _number_next(cursor: _Cursor) -> bool:
    """Whether the block after the cursor's is a document number."""
    following = cursor.peek(1)
    return following is not None and doc_number(following.text) is not None


def _closing_index(content: list[Block], start: int) -> int | None:
    """Where the signature (or, without one, the date) that closes the
    document starts; a signature without a date closes it at its end."""
    for index in range(start, len(content)):
        if content[index].kind == "date":
            return _signature_start(content, index, start)
    if len(content) > start and content[-1].kind == "signature":
        return _signature_start(content, len(content), start)
    return None


def _signature_start(content: list[Block], date: int, start: int) -> int:
    """The first of the signature lines right above the date at ``date`` (not before ``start``)."""
    first = date
    while first > start and content[first - 1].kind == "signature":
        first -= 1
    return first


def _take_attachment_notes(content: list[Block], start: int, end: int, article: Article) -> int:
    """Move ``附件：…`` lines right above the signature into ``attachment_notes``."""
    first = end
    while first > start and (ATTACHMENT_NOTE.match(content[first - 1].text)
                             or _continues_note(content, first - 1, start)):
        first -= 1
    article.attachment_notes = [block.text for block in content[first:end]]
    return first


def _continues_note(content: list[Block], index: int, start: int) -> bool:
    """``2.…`` (``二、…``) lines of a numbered attachment list below ``附件：1.…``."""
    return bool(_NOTE_ITEM.match(content[index].text)) and any(
        ATTACHMENT_NOTE.match(content[i].text) for i in range(max(start, index - 5), index)
    )


def _read_signature(cursor: _Cursor, order_of: str | None = None) -> Signature:
    """The issuer lines and the date; an order is signed by a person for the
    organ its head names (``总理　李克强`` for 中华人民共和国国务院)."""
    lines: list[str] = []
    while (block := cursor.peek()) is not None and block.kind == "signature":
        lines.append(cursor.take().text)
    date = cursor.take() if (block := cursor.peek()) is not None and block.kind == "date" else None
    parsed = (parse_date(date.text) or DateValue(date.text)) if date else None  # 2021年3月: no ISO form
    if order_of is not None:
        return Signature([Issuer(order_of, derived_from="title")], parsed, signer="\u3000".join(lines) or None)
    if len(lines) == 1 and (name := bracketed_body(lines[0])) is not None:  # （万载县统计局）
        return Signature([Issuer(name)], parsed, label=lines[0].strip()[0] + lines[0].strip()[-1])
    return Signature([issuer for line in _unwrapped(lines) for issuer in split_issuers(line)], parsed)


def _unwrapped(lines: list[str]) -> list[str]:
    """Signature lines, a body's name wrapped over two of them joined: a
    line of one name that ends as no body's does, over one that does
    (``省市场监管局新型冠状病毒感染的`` / ``肺炎疫情防控工作领导小组``).

    >>> _unwrapped(["省市场监管局新型冠状病毒感染的", "肺炎疫情防控工作领导小组"])
    ['省市场监管局新型冠状病毒感染的肺炎疫情防控工作领导小组']
    >>> _unwrapped(["国家发展改革委", "国家能源局"])
    ['国家发展改革委', '国家能源局']
    """
    joined: list[str] = []
    for line in lines:
        if joined and wrapped_body(joined[-1], line):
            joined[-1] = joined[-1].strip() + line.strip()
        else:
            joined.append(line)
    return joined


def _compiler(blocks: list[Block]) -> str | None:
    """The body a document's tables name as who compiled them, where it is
    signed by no one: a budget's or final account's tables print
    ``编制部门：…`` (``编制单位：…``) over each table, and the unit after it.

    >>> from gazette.normalize.model import Segment
    >>> lines = ["2025年部门收入预算总表", "编制部门：上海市普陀区人民政府万里街道办事处  单位：元"]
    >>> _compiler([Block("paragraph", [Segment(1, no, text)]) for no, text in enumerate(lines, 1)])
    '上海市普陀区人民政府万里街道办事处'
    >>> _compiler([Block("paragraph", [Segment(1, 1, "编制单位：（盖章）")])]) is None
    True
    """
    for block in blocks:
        if block.kind != "table" and (found := _COMPILER.match(block.text)) and BODY_LINE.match(found["name"]):
            return found["name"]
    return None


#: Who compiled a document's tables, as a budget prints it over each table
#: (``编制部门：上海市普陀区人民政府万里街道办事处``), the unit maybe after it.
_COMPILER = regex.compile(r"^(?:编制部门|编制单位)[：:]\s*(?P<name>[^\s：:]+)(?:\s+单位[：:].*)?$")


def _read_tail(cursor: _Cursor, article: Article, blocks: list[Block]) -> None:
    """Remarks, issued plan, attachments, cc and print line after the signature."""
    issued = _issued_names(article)
    while (block := cursor.peek()) is not None:
        if _REMARK.match(block.text):
            article.notes.append(cursor.take().text)
        elif article.cc is None and (cc := _CC.match(block.text)) is not None:  # a second one stays text
            cursor.take()
            article.cc, article.cc_label = cc[2] + "".join(_cc_lines(cursor)), cc[1]
        elif article.print_info is None and _print_line(cursor, article):
            continue
        elif (head := ATTACHMENT_HEAD.match(block.text)) is not None:
            cursor.take()
            attachment = _read_attachment(cursor, _attachment_number(head), blocks, article)
            attachment.label = head[0]
            article.attachments.append(attachment)
        elif not article.attachments and _is_issued_plan(block, article, issued):
            article.attachments.append(_read_attachment(cursor, None, blocks, article, titled=True))
        else:
            _append_to_last_body(_unknown_run(cursor), article)


def _unknown_run(cursor: _Cursor) -> list[Block]:
    """The blocks from the cursor on up to the next title, remark, cc, print
    line or attachment head: text after the signature that is no known part
    (read as one body, so that its divisions nest)."""
    run = [cursor.take()]
    while (block := cursor.peek()) is not None and not (
            block.kind == "title" or _REMARK.match(block.text) or _CC.match(block.text)
            or ATTACHMENT_HEAD.match(block.text) or _print_line_at(cursor.blocks, cursor.at) is not None):
        run.append(cursor.take())
    return run


def _cc_lines(cursor: _Cursor) -> list[str]:
    """The lines a 抄送 goes on over, each a list of bodies
    (``市人大常委会办公厅，市政协办公厅，市法院，市检察院。``), taken when the print
    line (``…印发``) follows them: the 版记 holds nothing else between."""
    end = cursor.at
    while (block := cursor.peek(end - cursor.at)) is not None and _BODIES.match(block.text):
        end += 1
    if end == cursor.at or _print_line_at(cursor.blocks, end) is None:
        return []
    return [cursor.take().text for _ in range(end - cursor.at)]


def _print_line_at(blocks: list[Block], index: int) -> tuple[str | None, str, int] | None:
    """The print line starting at block ``index``: (printer, date text, how
    many blocks it takes), on one line or on two (the printer, then
    ``2021年6月8日印发``); None if none starts there."""
    if index >= len(blocks):
        return None
    block = blocks[index]
    if (info := print_info(block.text)) is not None:
        return info[0], info[1], 1
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is not None and block.kind == "signature" and (info := print_info(following.text)) is not None:
        return block.text, info[1], 2
    return None


def _print_line(cursor: _Cursor, article: Article) -> bool:
    """``浙江省人民政府办公厅`` / ``2021年6月8日印发`` (or both on one line)."""
    found = _print_line_at(cursor.blocks, cursor.at)
    if found is None:
        return False
    printer, date, taken = found
    cursor.at += taken
    article.print_info = PrintInfo(printer, parse_date(date))
    return True


def _issued_names(article: Article) -> set[str] | None:
    """The names of what a 印发…的通知 issues: in its title, or quoted where
    its text issues it (``现将《关于…的若干政策》印发给你们``; the title may word
    it a little otherwise: ``…发展若干政策的通知``); what an order (令)
    promulgates, quoted where its text does (``现将…《专利代理条例》公布``);
    None for another title."""
    named = {name for part in article.blocks for name in _ISSUED_HERE.findall(part.text)}
    if article.order_of is not None:
        return named
    if article.title is None or (issued := _ISSUING.search(article.title.text)) is None:
        return None
    return set(_QUOTED.findall(article.title.text)) | {issued[1].strip("《》")} | named


def _is_issued_plan(block: Block, article: Article, issued: set[str] | None) -> bool:
    """The first title after a 印发…的通知 is the plan it issues, and so is a
    block that prints a name it issues (``issued``, see ``_issued_names``)."""
    if article.title is None:
        return False
    return block.kind == "title" or (issued is not None and block.text in issued)


def _read_attachment(cursor: _Cursor, num: str | None, blocks: list[Block], article: Article,
                     titled: bool = False) -> Attachment:
    """An attachment: its title, body up to the next attachment/cc/print line, its signature."""
    attachment = Attachment(num, None)
    first = cursor.peek()
    if first is not None and (titled or first.kind == "title"):
        attachment.title = cursor.take()
    elif first is not None:
        attachment.title = _noted_title(cursor, article)
    if attachment.title is not None and (block := cursor.peek()) is not None \
            and (dateline := read_dateline(block.text)) is not None:
        cursor.take()
        attachment.dateline = dateline
    start = cursor.at
    while (block := cursor.peek()) is not None and not _ends_attachment(block, cursor):
        if block.kind == "date":
            body_end = _signature_start(cursor.blocks, cursor.at, start)
            attachment.body = build_body(_with_furniture(blocks, cursor.blocks[start:body_end]))
            cursor.at = body_end
            attachment.signatures.append(_read_signature(cursor))
            return attachment
        cursor.take()
    attachment.body = build_body(_with_furniture(blocks, cursor.blocks[start : cursor.at]))
    return attachment


def attachment_notes(blocks: list[Block]) -> list[str]:
    """The attachments an attachment note among ``blocks`` names, without the
    note's head and markers (``附件：一、土地宗地信息`` / ``二、土地综合信息``).

    >>> from gazette.normalize.model import Segment
    >>> attachment_notes([Block("paragraph", [Segment(1, 1, text)]) for text in
    ...                   ["附件：一、土地宗地信息", "二、土地综合信息", "国土资源部"]])
    ['土地宗地信息', '土地综合信息']
    """
    names: list[str] = []
    noted = False
    for block in blocks:
        noted = bool(ATTACHMENT_NOTE.match(block.text)) or (noted and bool(_NOTE_ITEM.match(block.text)))
        if noted:
            names.append(_ATTACHMENT_NOTE_PREFIX.sub("", block.text))
    return names


def _noted_title(cursor: _Cursor, article: Article) -> Block | None:
    """The attachment's title as the attachment note names it, even if wrapped
    over several lines (``台金高速公路…连接线工程`` / ``收费标准表``). The note may
    also stand inside an issued plan (``附件：…清单`` closing the plan's text)."""
    notes = article.attachment_notes + [b.text for b in article.blocks if ATTACHMENT_NOTE.match(b.text)]
    names = [_ATTACHMENT_NOTE_PREFIX.sub("", note) for note in notes]
    taken: list[Block] = []
    text = ""
    while (block := cursor.peek()) is not None and any(n.startswith(text + block.text) for n in names):
        text += cursor.take().text
        taken.append(block)
        if text in names:
            return joined(taken, "title")
    cursor.at -= len(taken)
    return None


def _ends_attachment(block: Block, cursor: _Cursor) -> bool:
    return bool(ATTACHMENT_HEAD.match(block.text) or _CC.match(block.text) or print_info(block.text)) or (
        block.kind == "signature" and (n := cursor.peek(1)) is not None and bool(print_info(n.text))
    )


def _append_to_last_body(run: list[Block], article: Article) -> None:
    """Text after the signature that is no known part stays, at the end of the last body."""
    target = article.attachments[-1].body if article.attachments else article.body
    target.extend(build_body(run))


def _with_furniture(all_blocks: list[Block], content: list[Block]) -> list[Block]:
    """``content`` with the furniture blocks that sit among them (kept furniture)."""
    return span(all_blocks, content[0], content[-1]) if content else []
