"""The structure of an issue: metadata, table of contents, articles and their parts.

Plain dataclasses filled by ``build_issue``; the XML writer reads them. Text
that carries page milestones stays a ``Block`` (its segments know their
pages); parts that are plain strings (document number, addressee) do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Page
from ..patterns import SERIAL_NUMBER


@dataclass
class DateValue:
    """A date as printed, with its ISO form when it could be read."""

    text: str
    iso: str | None = None


@dataclass
class IssueMeta:
    """What the masthead and colophon of an issue print."""

    publication: str | None = None
    publisher: str | None = None
    year: int | None = None
    issue_number: int | None = None
    cumulative_number: int | None = None
    published: DateValue | None = None
    serial_cn: str | None = None
    printer: str | None = None
    url: str | None = None


@dataclass
class TocEntry:
    """One entry of the table of contents (printed over one line or more);
    ``label`` holds the printed characters that are neither title, number
    nor page (the brackets); ``issuer`` is the body printed after the title
    (``…的通知　人事部　（15）``); ``ref`` the id of the item (or of the part
    of an item) it lists; ``level`` 2 for an entry printed indented under
    the one before it (a part of that item)."""

    title: str
    doc_number: str | None
    page: int | None
    ref: str | None = None
    label: str = ""
    issuer: str | None = None
    level: int = 1


@dataclass
class TocSection:
    """A section of the table of contents: ``【省政府文件】`` (``label``: the brackets)."""

    title: str | None
    entries: list[TocEntry] = field(default_factory=list)
    label: str = ""


@dataclass
class ForeignToc:
    """A table of contents printed in another language (``CONTENTS``), kept
    as such: ``lang`` (BCP 47), the head as printed (``label``), the lines
    printed above its entries (a translated masthead), its sections, and
    the lines printed below them (``notes``: translator, subscription…)."""

    lang: str
    label: str | None
    lines: list[str] = field(default_factory=list)
    sections: list[TocSection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    """A paragraph of a body; ``num`` is the number of a numbered item (``1.``)."""

    block: Block
    num: str | None = None


@dataclass
class Section:
    """A numbered division of a body: ``一、`` (level 1), ``（一）``, ``1.``, ``（1）``, ``第X条``.

    ``run_in``: the heading is the first sentence of a paragraph
    (``（一）指导思想。以…``) that goes on in the first child.
    """

    level: int
    num: str
    heading: Block | None
    children: list = field(default_factory=list)
    run_in: bool = False


@dataclass
class Box:
    """A 专栏 box inside a body: its number, title and paragraphs (``label``:
    the word 专栏 as printed)."""

    num: str | None
    title: str
    children: list = field(default_factory=list)
    label: str = "专栏"


@dataclass
class Issuer:
    """One issuing body of a signature; ``note`` is what is printed after
    its name (``（代章）``: another body's seal stands for it; ``、`` before the
    next of joint issuers printed on one line); ``derived_from`` where the
    name is not printed in a signature but read from another line: ``title``,
    the document's head (an order's organ: ``中华人民共和国国务院令`` →
    中华人民共和国国务院), or ``compiler``, the line that says who compiled its
    tables (a budget's ``编制部门：上海市普陀区人民政府万里街道办事处``)."""

    name: str
    note: str | None = None
    derived_from: str | None = None


@dataclass
class Signature:
    """The issuing bodies (one ``issuer`` each) and the date of a document;
    ``signer``: the person who signs an order (``总理　李克强``), as printed;
    ``label``: the brackets a body's name is printed in (``（万载县统计局）``)."""

    issuers: list[Issuer]
    date: DateValue | None
    signer: str | None = None
    label: str | None = None


@dataclass
class Dateline:
    """The issuer and date printed in brackets under a title (``（民政部　一九九七年一月二十八日）``):
    where a document printed in a gazette or as a part of another says who issued it and when
    (``label``: the brackets)."""

    issuers: list[Issuer]
    date: DateValue | None
    label: str = "（）"


@dataclass
class PrintInfo:
    """``浙江省人民政府办公厅 2021年6月8日印发`` (``label``: the word 印发)."""

    printer: str | None
    date: DateValue | None
    label: str = "印发"


@dataclass
class Attachment:
    """An attachment (``附件``) or the plan a 印发…的通知 issues (``num`` None);
    ``label`` is its head as printed (``附件1.``), or None; ``id`` is set
    for the parts of an issue's items (a TOC entry may point at one)."""

    num: str | None
    title: Block | None
    body: list = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    label: str | None = None
    id: str | None = None
    dateline: Dateline | None = None


@dataclass
class Article:
    """One official document (公文) with its GB/T 9704 parts; ``registers`` are
    the register codes printed above or before its number (``CSCR-2018-01025``;
    a joint document may carry one of each issuer's register),
    ``doc_number_label`` the brackets its number is printed in, if any."""

    id: str
    type: str | None = None
    issuer_mark: str | None = None
    registers: list[str] = field(default_factory=list)
    title: Block | None = None
    doc_number: str | None = None
    doc_number_label: str = ""
    dateline: Dateline | None = None
    addressee: str | None = None
    addressee_label: str = "："
    order_of: str | None = None
    body: list = field(default_factory=list)
    attachment_notes: list[str] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    cc: str | None = None
    cc_label: str = "抄送："
    print_info: PrintInfo | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def cited_number(self) -> str | None:
        """The number the article is cited by: an order's with its head
        (``中华人民共和国国务院令第706号``), an announcement's serial with its
        title (``滨州市药品经营企业GSP认证公告第2018011号``: a serial alone names
        no issuer), else the document number."""
        if self.title is not None and self.doc_number and (
                self.order_of is not None or SERIAL_NUMBER.fullmatch(self.doc_number)):
            return self.title.text + self.doc_number
        return self.doc_number

    @property
    def page_seqs(self) -> tuple[int, int]:
        """First and last page (positions in the source) the article covers."""
        pages = [segment.page for block in self.blocks for segment in block.segments]
        return min(pages), max(pages)


@dataclass
class Unplaced:
    """Text the structure could not place in an article, kept where it stands:
    before the article numbered ``before`` (``len(articles)``: after the last)."""

    before: int
    block: Block


@dataclass
class Issue:
    """A whole source: an issue of a gazette or a single document.

    ``pages`` are the document's pages with the printed numbers the TOC
    gave to pages the text layer left unnumbered (the document's own pages
    are not changed). ``masthead`` and ``colophon`` are the lines the
    metadata was read from, as printed; ``unplaced`` the text no article
    holds; ``foreign_toc`` the TOC printed in another language, if any;
    ``toc_notes`` the lines of the TOC that are no entry (a page number
    printed alone).
    """

    kind: str
    id: str
    meta: IssueMeta
    toc: list[TocSection]
    articles: list[Article]
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    masthead: list[str] = field(default_factory=list)
    colophon: list[str] = field(default_factory=list)
    toc_label: str | None = None
    unplaced: list[Unplaced] = field(default_factory=list)
    foreign_toc: ForeignToc | None = None
    toc_notes: list[str] = field(default_factory=list)
