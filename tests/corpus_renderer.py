"""Render a clean official document the ways publishers' text layers show it.

The corpus (``tests/data/corpus``) holds real documents as clean text: one
paragraph a line, tables between ``[TABLE]`` and ``[/TABLE]`` with TAB-separated
cells, and ``gold.json`` with each document's number, title, addressee,
issuers and date. A ``Layout`` says how one publisher's text layer prints
such a document; ``render_document`` applies it. Everything is seeded and
deterministic, and the renderer records what it added (page numbers, running
heads) so a benchmark can check that none of it is left in the output.

What a layout varies (each found in real gazette text layers):

* column width (hard wraps, a paragraph's first line two cells shorter), or
  no wraps at all (a web text, one paragraph a line);
* indents as ideographic spaces, ASCII spaces, or lost;
* digits and Latin letters full width with spaces around (``到 ２０２５ 年``),
  so numbers may break at a line end (``２００`` / ``９ 年``);
* the title over 2 to 5 centred short lines (or as full as the title type
  allows, what is left on the last line: ``…的`` / ``通知``), with or without blank lines
  between them; the number, signature and date on lines of their own, the
  signature and date set to the right; joint issuers side by side or one a line;
* pages of N lines with a page number in one of the styles ``—N—``,
  ``— N —``, ``－N－``, ``-N-``, ``第N页``, ``N/M``, and a running head naming
  a publication and its issue (on every page, every other page, or once);
* a blank line between every line, or none;
* tables printed one row a line, cells separated by spaces, a merged cell's
  value printed in its first row only;
* half-width punctuation in places (``(``, ``,``) as web editors type it;
* the number's digits letter-spaced (``第 ７ ０ ６ 号``), a register code
  above the number or beside it on its line (``ＣＳＣＲ-２０１８-０１０２５ 长政办函…``);
* page numbers centred, to the left, to the right or to the outer side, the
  running head on the page number's line; a blank line between paragraphs only;
* a table's cells set apart by two spaces, one, an ideographic space or a tab;
  an empty cell printed as nothing (the gaps around it close up) or kept
  between its gaps (``empty_cells``: a row whose first cells are empty opens
  with their gaps, ``      1996年  1997年``, as a layer printing every cell does);
* a table's lines indented (``table_indent``: a word processor's table set
  in from the margin), as a paragraph's first line is.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import regex

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
#: Real documents of issuers the tool was not written for (issue 21), read by hand: ``SOURCES_*.md`` there.
UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"

#: A number, code or Latin word; a list marker keeps its dot (``1.`` → ``１．``).
_NUMBER = regex.compile(r"[0-9A-Za-z]+(?:[.%/\-:][0-9A-Za-z]+)*%?(?:\.(?= ?\p{Han}))?")
_CENTRED_HEADING = regex.compile(r"^第[一二三四五六七八九十百零〇\d]+[章节]")
_HEADING = regex.compile(r"^[一二三四五六七八九十]+、[^。；]{1,40}$")
#: An attachment's label on a line of its own: ``附件``, ``附件2：``.
LABEL = regex.compile(r"^附件\s*\d*[.．：:]?$")
#: The first item of a list of attachments under ``附件：`` (GB/T 9704's
#: 附件说明, ``1．…``): a line of the body, not an attachment's title.
_LISTED = regex.compile(r"^\d+[.．、]")
_SENTENCE_PUNCT = regex.compile("[。；，：！？]")
#: A register code a document prints above its number (one is all it has).
REGISTER_CODE = regex.compile(r"[A-Z][A-Z0-9]{1,7}-\d{4}-\d{3,6}")


@dataclass(frozen=True)
class Layout:
    """How one publisher's text layer prints a document (see the module docstring)."""

    name: str
    width: int | None = 38
    indent: str = "　　"
    full_width_digits: bool = True
    title_lines: int = 2
    greedy_titles: bool = False
    title_blank_lines: bool = False
    centre: bool = True
    lines_per_page: int = 28
    page_number: str = "—{n}—"
    page_number_at_top: bool = False
    running_head: str | None = "某某省人民政府公报 ２０２３ 年第 ５ 期"
    head_every: int = 2
    blank_lines: bool = True
    page_start_space: bool = False
    issuers_side_by_side: bool = True
    half_width_punctuation: bool = False
    first_page: int = 1
    centre_space: str = "　"
    number_letter_spaced: bool = False
    register_code: str | None = None
    register_code_beside: bool = False
    page_number_align: str = "left"
    head_with_page_number: bool = False
    paragraph_blank_lines: bool = False
    cell_gap: str = "  "
    empty_cells: bool = False
    table_indent: str = ""

    def __post_init__(self) -> None:
        if self.page_number_align not in PAGE_NUMBER_ALIGNS:
            raise ValueError(f"page_number_align {self.page_number_align!r}: one of {PAGE_NUMBER_ALIGNS}")


#: Where a page number is set on its line: ``outer`` is right on odd pages, left on even ones.
PAGE_NUMBER_ALIGNS = ("left", "centre", "right", "outer")


LAYOUTS = (
    Layout("gazette-38", width=38, title_lines=2, page_number="—{n}—", page_start_space=True),
    Layout("provincial-34", width=34, title_lines=3, greedy_titles=True, title_blank_lines=True,
           page_number="— {n} —",
           running_head="××省人民政府公报 ２０２３ 年第 ５ 期", head_every=1, blank_lines=False, lines_per_page=24),
    Layout("city-41", width=41, indent="  ", title_lines=4, page_number="－{n}－", lines_per_page=32,
           running_head="某某市人民政府公报　２０２２年第１２期", head_every=3, issuers_side_by_side=False),
    Layout("ministry-30", width=30, indent="", title_lines=5, page_number="-{n}-", full_width_digits=False,
           running_head=None, lines_per_page=22, centre=False),
    Layout("bulletin-45", width=45, title_lines=2, greedy_titles=True, title_blank_lines=True, page_number="第{n}页",
           page_number_at_top=True, running_head="国务院公报　２０１９年第５号", head_every=1, lines_per_page=30),
    Layout("fraction-36", width=36, indent="　　", title_lines=3, page_number="{n}/{m}", full_width_digits=False,
           running_head=None, blank_lines=False, lines_per_page=26, half_width_punctuation=True),
    Layout("ascii-44", width=44, indent="    ", title_lines=3, page_number="- {n} -", centre_space="  ",
           running_head="某某自治区人民政府公报　２０２４年第８期（总第６１２期）", head_every=1, blank_lines=False,
           lines_per_page=34, first_page=17),
    Layout("plain-32", width=32, indent="", centre=False, title_lines=3, title_blank_lines=True,
           page_number="—{n}—", page_number_at_top=True, running_head="某某市政府公报", head_every=2,
           lines_per_page=20),
    Layout("web", width=None, indent="", title_lines=1, running_head=None, page_number="", blank_lines=False,
           full_width_digits=False, centre=False, lines_per_page=10_000),
)


@dataclass
class Document:
    """A clean corpus document: its paragraphs (lines), tables, gold fields."""

    name: str
    lines: list[str]
    gold: dict

    def paragraphs(self) -> list[str]:
        """The clean paragraphs, tables left out (a table of one column is
        lines of text: ``tables``)."""
        kept: list[str] = []
        for block in self._blocks():
            if isinstance(block, str):
                kept.append(block)
            elif _one_column(block):
                kept += [cell for row in block for cell in row if cell.strip()]
        return kept

    def tables(self) -> list[list[list[str]]]:
        """Each table as rows of cell texts (a merged cell's later rows hold
        ""), as a text layer can show it: a table of figures without its
        spacer columns (``_without_spacers``); a first row that is one cell
        across the columns left out (the table's caption: its ``title`` in
        the XML); a table of rows of one cell (a letterhead or a note set in
        a table's frame) left out, its lines are text (``paragraphs``).

        >>> doc = Document("t", ["[TABLE]", "表一", "指标\\t\\t值", "粮食\\t\\t650", "[/TABLE]",
        ...                      "[TABLE]", "大庆市统计局", "[/TABLE]"], {})
        >>> doc.tables(), doc.paragraphs()
        ([[['指标', '值'], ['粮食', '650']]], ['大庆市统计局'])
        """
        tables = []
        for block in self._blocks():
            if isinstance(block, str) or _one_column(block):
                continue
            if len(block) > 1 and len(block[0]) == 1:
                block = block[1:]
            tables.append(_without_spacers(block))
        return tables

    def _blocks(self) -> list:
        """The lines out of tables (str) and the tables (rows of cells), in order."""
        blocks: list = []
        current: list[list[str]] | None = None
        for line in self.lines:
            if line == "[TABLE]":
                current = []
            elif line == "[/TABLE]" and current is not None:
                blocks.append(current)
                current = None
            elif current is not None:
                current.append(line.split("\t"))
            else:
                blocks.append(line)
        return blocks


def _without_spacers(table: list[list[str]]) -> list[list[str]]:
    """A table of figures without its spacer columns (a Word table's empty
    cells between two columns): empty in every row under the header, and in
    the header too if it has a cell for each column (else its cells span
    columns, each written once). A form's empty cells are its values to fill
    in: kept, as are the columns of a blank list under their heads (rows
    holding only their numbers).

    >>> _without_spacers([["指标", "", "值"], ["粮食", "", "650"]])
    [['指标', '值'], ['粮食', '650']]
    >>> _without_spacers([["序号", "企业名称", "评价得分"], ["1", "", ""], ["2", "", ""]])
    [['序号', '企业名称', '评价得分'], ['1', '', ''], ['2', '', '']]
    """
    body = table[1:]
    width = max(len(row) for row in table)
    if not any(regex.fullmatch(r"-?[0-9.]+%?", cell.strip()) for row in body for cell in row):
        return table
    headed = len(table[0]) == width
    shown = [col for col in range(width) if any(col < len(row) and row[col].strip() for row in body)
             or (headed and table[0][col].strip())]
    header = [table[0][col] for col in shown if col < len(table[0])] if headed else table[0]
    return [header] + [[row[col] for col in shown if col < len(row)] for row in body]


def _one_column(table: list[list[str]]) -> bool:
    """A table whose rows are one cell each: a text layer prints it as lines of text."""
    return all(len(row) == 1 for row in table)


def corpus(folder: Path = CORPUS) -> list[Document]:
    """The documents of a corpus folder, in file order, with their gold
    (``gold.json``, or several ``gold_*.json`` of the people who read them)."""
    gold: dict = {}
    for path in sorted(folder.glob("gold*.json")):
        gold.update(json.loads(path.read_text("utf-8")))
    return [Document(path.name, path.read_text("utf-8").splitlines(), gold[path.name])
            for path in sorted(folder.glob("*.txt"))]


def held_out(name: str) -> bool:
    """Whether a document of the unseen corpus is in its held-out third: fixed
    by its file name's digest before any result was looked at, never tuned to."""
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 3 == 0


@dataclass
class Rendering:
    """A text layer and what the renderer put in it that is not the document's."""

    text: str
    furniture: list[str] = field(default_factory=list)


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def cell_width(text: str) -> float:
    """Printed width: ASCII and full-width digits/Latin letters are half-width glyphs."""
    return sum(0.5 if (c < "\u0100" or "\uff01" <= c <= "\uff5e") else 1.0 for c in text)


def render_document(doc: Document, layout: Layout, seed: int = 0) -> Rendering:
    """The document as ``layout`` prints it."""
    rng = random.Random(f"{doc.name}/{layout.name}/{seed}")
    printed: list[str] = []
    roles = _roles(doc)
    in_table, previous = False, None
    for index, line in enumerate(doc.lines):
        if line in ("[TABLE]", "[/TABLE]"):
            in_table = line == "[TABLE]"
            continue
        if in_table:
            printed.append(_table_row(line, doc.lines, index, layout))
            continue
        role = roles.get(index, "paragraph")
        lines = _render_paragraph(line, role, layout, rng)
        if role == "number" and layout.register_code and not REGISTER_CODE.search("\n".join(doc.lines[:index])):
            lines = _with_register_code(lines, layout)
        if layout.paragraph_blank_lines and printed and not (role == previous == "title" or role in ("signature", "date")):
            printed.append("")  # a title's lines, a signature and its date are set together
        previous = role
        printed += lines
    return _paginate(printed, layout)


def _with_register_code(lines: list[str], layout: Layout) -> list[str]:
    """The number's line with the register code beside it, or a line of its own above it."""
    code = to_full_width(layout.register_code) if layout.full_width_digits else layout.register_code
    if layout.register_code_beside:
        return [_centred(f"{code} {lines[0].strip()}", layout)]
    return [_centred(code, layout), *lines]


def _roles(doc: Document) -> dict[int, str]:
    """What each line is: title, number, addressee, signature, date, heading, label, paragraph."""
    gold = doc.gold
    roles: dict[int, str] = {}
    issuers = set(gold.get("issuers") or [])
    wrapped = wrapped_title(doc.lines, gold.get("title"))
    for index, line in enumerate(doc.lines):
        text = line.strip()
        previous = doc.lines[index - 1].strip() if index else ""
        if text == gold.get("title") or index in wrapped or (
                LABEL.match(previous) and len(text) <= 45 and not _LISTED.match(text)):
            roles[index] = "title"
        elif text == gold.get("number"):
            roles[index] = "number"
        elif gold.get("addressee") and text == gold["addressee"] + "：":
            roles[index] = "addressee"
        elif is_signature(text, issuers):
            roles[index] = "signature"
        elif regex.fullmatch(r"(?:\d{4}|[〇零○一二三四五六七八九]{4})年.{1,3}月.{1,3}日", text):
            roles[index] = "date"
        elif LABEL.match(text):
            roles[index] = "label"
        elif _CENTRED_HEADING.match(text) and len(text) <= 20:
            roles[index] = "centred"
        elif _HEADING.match(text):
            roles[index] = "heading"
        elif _is_plan_title(doc.lines, index):
            roles[index] = "title"
    return roles


def wrapped_title(lines: list[str], title: str | None) -> set[int]:
    """The indexes of the first lines that make up ``title`` together (a
    title the source prints over several lines; gold joins them).

    >>> wrapped_title(["附件2", "宁波国家高新区2018年", "小学招生入学通告", "根据…"], "宁波国家高新区2018年小学招生入学通告")
    {1, 2}
    """
    if not title:
        return set()
    for start in range(min(len(lines), 4)):
        joined = ""
        for end in range(start, min(len(lines), start + 5)):
            joined += lines[end].strip()
            if joined == title and end > start:
                return set(range(start, end + 1))
            if not title.startswith(joined):
                break
    return set()


def is_signature(text: str, issuers: set[str]) -> bool:
    """A line of the issuers' names (a seal note ``（代章）`` after one or not)."""
    if not issuers:
        return False
    names = [name for name in regex.split(r"[\s　]+", text) if name]
    return bool(names) and all(name in issuers or (name.endswith("（代章）") and name[:-4] in issuers)
                               for name in names)


def _is_plan_title(lines: list[str], index: int) -> bool:
    """The title of the text a 印发…的通知 issues: a short line without
    sentence punctuation right after the notice's closing lines."""
    text = lines[index].strip()
    previous = lines[index - 1].strip() if index else ""
    closing = regex.fullmatch(r"(?:\d{4}|[〇零○一二三四五六七八九]{4})年.{1,3}月.{1,3}日|（此件.+）", previous)
    bracketed = text.startswith(("（", "("))
    return bool(closing) and len(text) <= 40 and not _SENTENCE_PUNCT.search(text) and not bracketed


def _render_paragraph(text: str, role: str, layout: Layout, rng: random.Random) -> list[str]:
    text = _characters(text, layout, rng)
    width = layout.width
    if width is None:
        return [text]
    if role == "title":
        return _title_lines(text, layout)
    if role == "number" and layout.number_letter_spaced:
        text = regex.sub(r"(?<=[0-9０-９])\s*(?=[0-9０-９])", " ", text)
    if role in ("number", "centred"):
        return [_centred(text, layout)]
    if role in ("signature", "date"):
        return _right_aligned(text, role, layout)
    if role in ("addressee", "label"):
        return wrap(text, width, 0)
    indent = layout.indent if role in ("paragraph", "heading") else ""
    lines = wrap(text, width, 2)
    return [indent + lines[0]] + lines[1:]


def _characters(text: str, layout: Layout, rng: random.Random) -> str:
    """Full-width digits with spaces around them; half-width punctuation here and there."""
    if layout.half_width_punctuation:
        text = regex.sub(r"（([^（）]{1,12})）", lambda m: f"({m[1]})" if rng.random() < 0.5 else m[0], text)
        text = regex.sub(r"，(?=\p{Han})", lambda m: "," if rng.random() < 0.2 else m[0], text)
    if not layout.full_width_digits:
        return text
    text = _NUMBER.sub(lambda m: f" {to_full_width(m[0])}" + ("" if m[0].endswith(".") else " "), text)
    text = regex.sub(r"^ | $", "", text)
    return regex.sub(r" {2,}", " ", regex.sub(r" (?=[，。、；：）》”])|(?<=[（《“]) ", "", text))


#: Punctuation a typesetter never puts at the start of a line: it hangs at the
#: end of the line before (which is then a cell wider).
_NO_LINE_START = "，。、；：？！）》”’〕】」』…%％,.;:?!)"


def wrap(text: str, width: int, indent: int) -> list[str]:
    """Lines of ``width`` cells, the first ``indent`` cells shorter; Latin
    words stay whole, closing punctuation hangs at the end of a line."""
    lines, current, room = [], "", width - indent
    for token in regex.findall(r"[A-Za-zＡ-Ｚａ-ｚ]+|.", text, flags=regex.S):
        if current and cell_width(current + token) > room and token not in _NO_LINE_START:
            lines.append(current.rstrip(" "))
            current, room = token.lstrip(" "), width
            continue
        current += token
    return lines + [current] if current else lines or [""]


#: A title line is at most this share of the column (titles are set in larger type).
TITLE_SHARE = 0.7


def _title_lines(text: str, layout: Layout) -> list[str]:
    """A title cut into ``title_lines`` short lines (never one character alone),
    or more where it is too long for them, centred; ``greedy_titles``: each
    line as full as it can be, what is left on the last (``…的`` / ``通知``)."""
    room = int(TITLE_SHARE * layout.width) if layout.width else len(text)
    if layout.greedy_titles:
        pieces = _cut(text, room)
        if len(pieces) > 1 and len(pieces[-1].strip()) == 1:  # never one character alone: the last above joins it
            pieces[-2:] = [pieces[-2].rstrip()[:-1], pieces[-2].rstrip()[-1] + pieces[-1]]
    else:
        count = max(1, min(layout.title_lines, len(text) // 4), -(-len(text) // room))
        pieces = _cut(text, -(-len(text) // count))
        if len(pieces) > 1 and len(pieces[-1].strip()) == 1:  # never one character alone on the last line
            pieces[-2:] = [pieces[-2] + pieces[-1]]
    pieces = [piece.strip() for piece in pieces]
    lines = [_centred(piece, layout) for piece in pieces]
    if layout.title_blank_lines:
        return [item for line in lines for item in (line, "")][:-1]
    return lines


def _cut(text: str, size: int) -> list[str]:
    """Pieces of at most ``size`` characters (more rather than one alone), a
    number or Latin word never cut nor alone (``第4626号``: ``4626号`` stays on
    one line)."""
    pieces, current = [], ""
    for token in regex.findall(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．]+ ?\p{Han}?|.", text, flags=regex.S):
        if len(current.strip()) > 1 and len(current) + len(token) > size:  # never one character alone
            pieces.append(current)
            current = ""
        current += token
    return pieces + [current] if current else pieces


def _centred(text: str, layout: Layout) -> str:
    if not layout.centre or layout.width is None:
        return text
    pad = max(0, int((layout.width - cell_width(text)) / 2))
    return _space(pad, layout) + text


def _space(cells: float, layout: Layout) -> str:
    """White space ``cells`` wide in the layout's centring space (an ASCII space is half a cell)."""
    return layout.centre_space * int(cells / cell_width(layout.centre_space))


def _right_aligned(text: str, role: str, layout: Layout) -> list[str]:
    names = [name for name in regex.split(r"[ 　]+", text) if name] if role == "signature" else [text]
    rows = ["　".join(names)] if layout.issuers_side_by_side or len(names) == 1 else names
    if not layout.centre:
        return rows
    return [_space(max(0, int(layout.width - cell_width(row) - 4)), layout) + row for row in rows]


def _table_row(line: str, lines: list[str], index: int, layout: Layout) -> str:
    """A table row one a line, cells separated by ``cell_gap``; an empty cell
    (merged into the one above, or empty) is not printed, or, with
    ``empty_cells``, printed as nothing between its gaps (the row's end
    trimmed: no white space is printed after a line's last character), the
    line indented by ``table_indent``."""
    cells = [cell.strip() for cell in line.split("\t")]
    if layout.full_width_digits:
        cells = [to_full_width(cell) if regex.fullmatch(r"[0-9.]+", cell) else cell for cell in cells]
    if layout.empty_cells:
        row = layout.cell_gap.join(cells).rstrip()
    else:
        row = layout.cell_gap.join(cell for cell in cells if cell)
    return layout.table_indent + row if row else row


def _paginate(printed: list[str], layout: Layout) -> Rendering:
    """Pages of ``lines_per_page`` lines, each with its page number and, as the
    layout says, a running head; a blank line between lines if it says so."""
    if not layout.page_number:
        return Rendering("\n".join(printed) + "\n")
    pages = [printed[i : i + layout.lines_per_page] for i in range(0, len(printed), layout.lines_per_page)]
    furniture: list[str] = []
    out: list[str] = []
    for number, lines in enumerate(pages, start=layout.first_page):
        mark = layout.page_number.format(n=_digits(number, layout), m=_digits(layout.first_page + len(pages) - 1, layout))
        head = layout.running_head if layout.running_head and number % layout.head_every == 0 else None
        furniture += [item for item in (head, mark) if item]
        if head and layout.head_with_page_number:
            mark, head = (f"{head}　{mark}" if number % 2 else f"{mark}　{head}"), None
        mark = _aligned(mark, number, layout)
        top = [head] if head else []
        if layout.page_number_at_top:
            top.append(mark)
        body = list(lines)
        if layout.page_start_space and number > layout.first_page and body:
            body[0] = " " + body[0]
        out += top + body + ([] if layout.page_number_at_top else [mark])
    separator = "\n\n" if layout.blank_lines else "\n"
    return Rendering(separator.join(out) + "\n", furniture)


def _aligned(mark: str, number: int, layout: Layout) -> str:
    """A page number's line as ``page_number_align`` sets it in the column
    (``left``: at the line's start, as most text layers give it)."""
    side = "right" if layout.page_number_align == "outer" and number % 2 else layout.page_number_align
    if side not in ("centre", "right") or layout.width is None:
        return mark
    room = max(0.0, layout.width - cell_width(mark)) / (2 if side == "centre" else 1)
    return _space(room, layout) + mark


def _digits(number: int, layout: Layout) -> str:
    return to_full_width(str(number)) if layout.full_width_digits else str(number)
