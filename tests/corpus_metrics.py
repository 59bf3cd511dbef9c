"""How close the XML of a rendered corpus document is to the clean document.

Read by ``bench/bench_corpus.py`` and by the corpus tests. Both sides are
compared in a canonical form that ignores what a layout may change without
changing the text: white space, full-width ASCII, half-width punctuation.

* ``fidelity``: similarity (difflib ratio) of the whole character stream,
  paragraphs and table cells in reading order;
* ``paragraphs_exact``: share of the clean paragraphs that are one XML
  paragraph (title, number, addressee, ``p``, heading with its number — a
  run-in heading, or an article's number, with its paragraph —, date,
  note, cc, …); signature lines are left to ``fields``, which checks the
  issuers one by one, however they were printed;
* ``fields``: number, title, addressee, issuers, date of the first article
  against ``gold.json``;
* ``cells``: share of the clean table cells found at the same row and column;
* ``furniture_left``: page numbers and running heads the renderer added that
  are still in the XML's text.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

import regex
from lxml import etree

from .corpus_renderer import LABEL, REGISTER_CODE, is_signature, wrapped_title

NS = "{urn:gazette-archive:1}"
_WHITE = regex.compile(r"\s+")
_HALF_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})


def canonical(text: str) -> str:
    """Text without white space, full-width ASCII folded, half-width punctuation
    made full, the circle ``○`` web pages print for the numeral ``〇`` read
    as it (the ``fix_ling`` repair's, a recorded repair).

    >>> canonical("２０２２ 年（市、区),"), canonical("二○一○年")
    ('2022年（市、区），', '二〇一〇年')
    """
    folded = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" and c not in "，（）：；？！" else c
                     for c in text)
    return _WHITE.sub("", folded).translate(_HALF_PUNCT).replace("○", "〇")


def _text(element) -> str:
    """An element's text without its milestones' attributes (``pb`` has none of text)."""
    return "".join(element.itertext())


@dataclass
class XmlDocument:
    """What an archived XML gives a reader: paragraphs in reading order, tables, fields."""

    paragraphs: list[str]
    stream: list[str]
    tables: list[list[list[str]]]
    fields: dict


def read_xml(xml: bytes) -> XmlDocument:
    """Paragraphs, character stream, tables and fields of an archived XML."""
    root = etree.fromstring(xml)
    paragraphs: list[str] = []
    stream: list[str] = []
    tables: list[list[list[str]]] = []
    for element in root:
        tag = etree.QName(element).localname
        if tag == "article":
            _article(element, paragraphs, stream, tables)
        elif tag == "unplaced":
            paragraphs.append(_text(element))
            stream.append(_text(element))
    first = root.find(f"{NS}article")
    return XmlDocument(paragraphs, stream, tables, _fields(first))


def _article(article, paragraphs: list[str], stream: list[str], tables: list) -> None:
    for child in article:
        tag = etree.QName(child).localname
        if tag in ("body",):
            _body(child, paragraphs, stream, tables)
        elif tag == "attachment":
            for part in child:
                part_tag = etree.QName(part).localname
                if part_tag == "body":
                    _body(part, paragraphs, stream, tables)
                elif part_tag == "signature":
                    _emit(_signature(part), paragraphs, stream)
                elif part_tag == "dateline":
                    _emit(_dateline(part), paragraphs, stream)
                else:
                    _emit(_text(part), paragraphs, stream)
        elif tag == "signature":
            _emit(_signature(child), paragraphs, stream)
        elif tag == "dateline":
            _emit(_dateline(child), paragraphs, stream)
        elif tag == "addressee":
            _emit(_text(child) + "：", paragraphs, stream)
        elif tag == "cc":
            _emit("抄送：" + _text(child), paragraphs, stream)
        elif tag == "printInfo":
            _emit(_text(child) + "印发", paragraphs, stream)
        elif tag == "docNumber" and (label := child.get("label")):  # the brackets it is printed in
            _emit(label[0] + _text(child) + label[-1], paragraphs, stream)
        else:
            _emit(_text(child), paragraphs, stream)


def _signature(signature) -> list[str]:
    issuers = "".join(_text(issuer) + (issuer.get("note") or "") for issuer in signature.iterfind(f"{NS}issuer"))
    if label := signature.get("label"):  # the brackets the name is printed in
        issuers = label[0] + issuers + label[-1]
    date = signature.find(f"{NS}date")
    return [text for text in (issuers, _text(date) if date is not None else "") if text]


def _emit(texts, paragraphs: list[str], stream: list[str]) -> None:
    for text in [texts] if isinstance(texts, str) else texts:
        paragraphs.append(text)
        stream.append(text)


def _body(parent, paragraphs: list[str], stream: list[str], tables: list) -> None:
    for child in parent:
        tag = etree.QName(child).localname
        if tag == "section":
            _section(child, paragraphs, stream, tables)
        elif tag == "p":
            _emit((child.get("num") or "") + _text(child), paragraphs, stream)
        elif tag == "box":
            title = child.find(f"{NS}title")
            _emit(f"专栏{child.get('num') or ''}{_text(title) if title is not None else ''}", paragraphs, stream)
            _body(child, paragraphs, stream, tables)
        elif tag == "table":
            title = child.find(f"{NS}title")
            if title is not None:
                _emit(_text(title), paragraphs, stream)
            grid = _grid(child)
            tables.append(grid)
            stream.extend(cell for row in grid for cell in row)
            for note in child.iterfind(f"{NS}note"):
                _emit(_text(note), paragraphs, stream)


def _section(section, paragraphs: list[str], stream: list[str], tables: list) -> None:
    children = list(section)
    heading = section.find(f"{NS}heading")
    rest = [child for child in children if child is not heading]
    text = section.get("num") + (_text(heading) if heading is not None else "")
    goes_on = heading is None or heading.get("runIn") == "true"  # 第一条 + its text, a run-in heading + its text
    if goes_on and rest and etree.QName(rest[0]).localname == "p":
        text += _text(rest[0])
        rest = rest[1:]
    _emit(text, paragraphs, stream)
    holder = etree.Element("holder")
    holder.extend(rest)
    _body(holder, paragraphs, stream, tables)


def _dateline(element) -> str:
    """A dateline as printed: its issuers and date between its brackets."""
    label = element.get("label") or "（）"
    return label[0] + _text(element) + label[-1]


def _grid(table) -> list[list[str]]:
    """Rows as the clean corpus writes them: a merged cell's text in its first
    row, "" in the rows it reaches into; a cell spanning columns written once."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a cell above
    for row in table.iterfind(f"{NS}row"):
        cells, column = [], 0
        for cell in row.iterfind(f"{NS}cell"):
            while pending.get(column, 0) > 0:
                cells.append("")
                pending[column] -= 1
                column += 1
            cells.append(_text(cell))
            span = int(cell.get("rowspan") or 1)
            width = int(cell.get("colspan") or 1)
            if span > 1:
                for covered in range(column, column + width):
                    pending[covered] = span - 1
            column += width
        while pending.get(column, 0) > 0:
            cells.append("")
            pending[column] -= 1
            column += 1
        rows.append(cells)
    return rows


def _fields(article) -> dict:
    if article is None:
        return {"number": None, "title": None, "addressee": None, "issuers": None, "date": None}
    signature = article.find(f"{NS}signature")
    if signature is None:  # a document without a signature: the dateline under its title says who and when
        signature = article.find(f"{NS}dateline")
    issuers = [_text(i) for i in signature.iterfind(f"{NS}issuer")] if signature is not None else []
    date = signature.find(f"{NS}date") if signature is not None else None
    found = {name: article.find(f"{NS}{name}") for name in ("title", "docNumber", "addressee")}
    return {
        "number": _text(found["docNumber"]) if found["docNumber"] is not None else None,
        "title": _text(found["title"]) if found["title"] is not None else None,
        "addressee": _text(found["addressee"]) if found["addressee"] is not None else None,
        "issuers": issuers or None,
        "date": date.get("iso") if date is not None else None,
    }


# -- the clean side --------------------------------------------------------
def clean_stream(lines: list[str]) -> list[str]:
    """The clean document's paragraphs and table cells in reading order."""
    stream, inside = [], False
    for line in lines:
        if line in ("[TABLE]", "[/TABLE]"):
            inside = line == "[TABLE]"
        elif inside:
            stream.extend(line.split("\t"))
        else:
            stream.append(line)
    return stream


# -- scores ----------------------------------------------------------------
def fidelity(clean: list[str], got: list[str]) -> float:
    a, b = canonical("".join(clean)), canonical("".join(got))
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0


def unscored(lines: list[str], gold: dict) -> set[str]:
    """Clean lines the paragraph score leaves out: an attachment's label
    (``附件2``, an attribute in the XML), signature lines (``fields``
    checks the issuers one by one, however they were printed), a number
    printed after a register code (two elements in the XML; ``fields``
    checks the number) and the lines of a title printed over several
    (one element in the XML; ``fields`` checks the title)."""
    issuers = set(gold.get("issuers") or [])
    coded = regex.compile(rf"{REGISTER_CODE.pattern}\s*{regex.escape(gold['number'])}") if gold.get("number") else None
    title = {lines[index] for index in wrapped_title(lines, gold.get("title"))}
    return {line for line in lines if LABEL.match(line) or is_signature(line.strip(), issuers)
            or (coded is not None and coded.fullmatch(line)) or line in title}


def paragraphs_exact(clean: list[str], got: list[str], skip: set[str] = frozenset()) -> tuple[int, int]:
    """(exact, total) over the clean paragraphs not in ``skip`` (compared canonically)."""
    wanted = Counter(canonical(p) for p in clean if p.strip() and p not in skip)
    have = Counter(canonical(p) for p in got)
    return sum((wanted & have).values()), sum(wanted.values())


def fields_exact(gold: dict, found: dict) -> tuple[int, int]:
    """(exact, 5) for number, title, addressee, issuers, date."""
    return 5 - len(fields_differing(gold, found)), 5


def fields_differing(gold: dict, found: dict) -> dict[str, tuple]:
    """The fields (number, title, addressee, issuers, date) not found as the
    gold has them, each with (gold, found), compared canonically."""
    differing = {}
    for name in ("number", "title", "addressee", "issuers", "date"):
        want, got = gold.get(name) or None, found.get(name) or None
        if name == "issuers":
            same = [canonical(x) for x in want or []] == [canonical(x) for x in got or []]
        elif name == "date":
            same = want == got
        else:
            same = canonical(want or "") == canonical(got or "")
        if not same:
            differing[name] = (want, got)
    return differing


def cells_exact(clean: list[list[list[str]]], got: list[list[list[str]]]) -> tuple[int, int]:
    """(cells at the same row and column, clean cells) over tables paired in order."""
    exact = total = 0
    for index, table in enumerate(clean):
        other = got[index] if index < len(got) else []
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                if not cell.strip():
                    continue
                total += 1
                exact += r < len(other) and c < len(other[r]) and canonical(other[r][c]) == canonical(cell)
    return exact, total


def furniture_left(furniture: list[str], clean: list[str], got: list[str]) -> int:
    """How many of the page numbers and running heads the renderer added are
    still in the output (beyond what the clean text itself contains)."""
    out, before = canonical("".join(got)), canonical("".join(clean))
    return sum(max(0, out.count(key) - before.count(key)) for key in {canonical(item) for item in furniture})


def cells_aligned(clean: list[list[list[str]]], got: list[list[list[str]]]) -> tuple[int, int]:
    """(cells at the same column of a row paired in order, clean cells): the rows
    of all tables, each side in reading order, paired so that the most cells
    agree (a row more, a row less or a table split or joined costs only the
    rows it touches, where ``cells_exact`` loses every row after it).

    >>> clean = [[["项目", "金额"], ["合计", "10"], ["其中", "4"]]]
    >>> cells_exact(clean, [[["合计", "10"], ["其中", "4"]]]), cells_aligned(clean, [[["合计", "10"], ["其中", "4"]]])
    ((0, 6), (4, 6))
    """
    rows = [[canonical(cell) for cell in row] for table in clean for row in table]
    others = [[canonical(cell) for cell in row] for table in got for row in table]
    total = sum(1 for row in rows for cell in row if cell)
    best = [[0] * (len(others) + 1) for _ in range(len(rows) + 1)]
    for r, row in enumerate(rows, 1):
        for o, other in enumerate(others, 1):
            same = sum(1 for a, b in zip(row, other) if a and a == b)
            best[r][o] = max(best[r - 1][o], best[r][o - 1], best[r - 1][o - 1] + same)
    return best[len(rows)][len(others)], total


def cells_lost(clean: list[list[list[str]]], got: list[list[list[str]]], paragraphs: list[str]) -> Counter:
    """Where the clean cells that are no cell of the output went, by kind:
    ``joined`` (inside an output cell that holds more of its row's text:
    cells read as one), ``inside`` (inside a longer output cell otherwise:
    rows joined), ``split`` (output cells are pieces of it), ``text`` (in
    the paragraphs: the table, or its row, was not found), ``other``.
    Each output cell stands for one clean cell of its text at most.

    >>> clean = [[["项目", "金额"], ["合计", "10"], ["其中", "4"]]]
    >>> sorted(cells_lost(clean, [[["项目金额"], ["合计", "10"]]], ["其中 4"]).items())
    [('joined', 2), ('text', 2)]
    """
    cells = [canonical(cell) for table in got for row in table for cell in row]
    left = Counter(cells)
    text = canonical("".join(paragraphs))
    lost: Counter = Counter()
    for table in clean:
        for row in table:
            line = "".join(canonical(cell) for cell in row)
            for cell in map(canonical, row):
                if not cell or left[cell]:
                    left[cell] -= bool(cell)
                    continue
                longer = [other for other in cells if cell in other and other != cell]
                lost[_loss(cell, line, longer, cells, text)] += 1
    return lost


def _loss(cell: str, line: str, longer: list[str], cells: list[str], text: str) -> str:
    """The kind of one lost cell (``cells_lost``)."""
    if longer:
        return "joined" if min(longer, key=len) in line else "inside"
    if _made_of(cell, {other for other in cells if other and other in cell}):
        return "split"
    return "text" if cell in text else "other"


def _made_of(text: str, pieces: set[str]) -> bool:
    """Whether ``text`` is ``pieces`` put end to end (each any number of times).

    >>> _made_of("2021年度", {"2021", "年度"}), _made_of("2021年度", {"2021", "年"})
    (True, False)
    """
    ends = {0}
    for end in range(1, len(text) + 1):
        if any(start in ends and text[start:end] in pieces for start in range(end)):
            ends.add(end)
    return len(text) in ends
