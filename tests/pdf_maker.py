"""Make a gazette-like PDF and the text layer of the same content.

One printed-line spec → two renderings: a PDF drawn with reportlab's
built-in CJK font ``STSong-Light`` (masthead, TOC with leader dots, a title
centred over two lines in larger type, body text wrapped at the column
with indented first lines, a signature, a page number ``— N —`` at the foot
of every page, a running head at the top of later pages, a stacked
one-character-a-line table) and the text layer a PDF-to-text tool gives for
it (one printed line a line, blank lines between them, page numbers and
running heads as lines, indents lost, a space where a page starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from gazette.normalize.patterns import visual_width

FONT = "STSong-Light"
BODY = 12.0
LEFT, RIGHT = 72.0, 72.0 + 37 * BODY
WIDTH, HEIGHT = A4
PITCH = 22.0
STACK_PITCH = 14.0
STACK_GAP = 10.0
TOP, BOTTOM = 90.0, 560.0
HEAD = "浙江省人民政府公报 ２０２２ 年第 ２０ 期"
SIZES = {"masthead": 22.0, "title": 16.0}


@dataclass
class Printed:
    """One printed line: ``kind`` says how it is laid out, ``text`` what it says."""

    kind: str
    text: str


def paragraph(text: str, width: int = 37) -> list[Printed]:
    """A paragraph wrapped at ``width`` cells, its first line indented by two."""
    lines, current, limit = [], "", width - 2
    for ch in text:
        if visual_width(current + ch) > limit:
            lines.append(current)
            current, limit = "", width
        current += ch
    lines.append(current)
    return [Printed("first" if i == 0 else "line", line) for i, line in enumerate(lines)]


def stacked(cells: list[str]) -> list[Printed]:
    """Cells one character a line (digits in pairs), a gap after each cell."""
    out: list[Printed] = []
    for cell in cells:
        units, digits = [], ""
        for ch in cell:
            if ch.isdigit():
                digits += ch
                if len(digits) == 2:
                    units.append(digits)
                    digits = ""
                continue
            if digits:
                units.append(digits)
                digits = ""
            units.append(ch)
        if digits:
            units.append(digits)
        out += [Printed("stack", unit) for unit in units] + [Printed("gap", "")]
    return out


def gazette_spec() -> list[Printed]:
    """The content: masthead, TOC, a 批复-like article over pages, a stacked table."""
    body = [
        "为贯彻落实党中央、国务院关于加强数字政府建设的重大决策部署，根据有关规定，结合我省实际，现就深化数字政府建设"
        "提出如下意见。各地各部门要高度重视，加强组织领导，确保各项任务落到实处。",
        "到 ２０２５ 年，政府履职核心业务数字化实现全覆盖，整体智治体系基本建成，数字政府建设走在全国前列，"
        "为高质量发展建设共同富裕示范区提供有力支撑。各级政府要把数字政府建设作为重要任务，统筹推进。",
        "全面推进政府履职和政务运行数字化转型，坚持问题导向，聚焦群众和企业关切，持续优化营商环境，"
        "提升政府治理能力，推动有效市场和有为政府更好结合，加快构建数字时代的政府治理新形态。",
    ]
    spec = [
        Printed("masthead", "浙江省人民政府公报"),
        Printed("centre", "２０２２ 年第 ２０ 期"),
        Printed("centre", "（总第 １３２５ 期）"),
        Printed("centre", "２０２２ 年 ９ 月 ５ 日出版"),
        Printed("centre", "目　 　 录"),
        Printed("line", "【省政府文件】"),
        Printed("line", "浙江省人民政府关于深化数字政府建设的实施意见"),
        Printed("indent", "　 （浙政发〔２０２２〕２０ 号） （１）………………"),
        Printed("title", "浙江省人民政府关于"),
        Printed("title", "深化数字政府建设的实施意见"),
        Printed("centre", "浙政发〔２０２２〕２０ 号"),
        Printed("line", "各市、县（市、区）人民政府，省政府直属各单位："),
    ]
    for text in body:
        spec += paragraph(text)
    spec += [Printed("line", "附件：重点工作清单"), Printed("right", "浙江省人民政府"),
             Printed("right", "２０２２ 年 ７ 月 ３０ 日")]
    spec += [Printed("pagebreak", ""), Printed("line", "附件"), Printed("centre", "重点工作清单")]
    rows = [["序号", "重点工作举措", "责任单位", "完成时间"],
            ["1", "建设一批省级重点平台。", "省商务厅", "2022年6月"],
            ["2", "开展全程跟踪服务。", "省商务厅、杭州海关", "长期"]]
    for row in rows:
        spec += stacked(row)
    return spec


def paginate(spec: list[Printed]) -> list[list[Printed]]:
    """Printed lines into pages by their height."""
    pages: list[list[Printed]] = [[]]
    y = TOP
    for item in spec:
        if item.kind == "pagebreak":
            pages.append([])
            y = TOP
            continue
        step = _step(item)
        if y + step > BOTTOM and item.kind != "gap":
            pages.append([])
            y = TOP
        pages[-1].append(item)
        y += step
    return pages


def _step(item: Printed) -> float:
    if item.kind == "stack":
        return STACK_PITCH
    if item.kind == "gap":
        return STACK_GAP
    return PITCH + (SIZES.get(item.kind, BODY) - BODY)


def write_pdf(pages: list[list[Printed]], path: Path, bold_twice: bool = True) -> Path:
    """Draw the pages; the masthead is printed twice, offset a little (bold)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, page in enumerate(pages, start=1):
        if number > 1:
            _draw(pdf, HEAD, 40.0, 9.0, "centre")
        y = TOP
        for item in page:
            if item.kind not in ("gap",):
                size = SIZES.get(item.kind, BODY)
                _draw(pdf, item.text, y, size, item.kind)
                if item.kind == "masthead" and bold_twice:
                    _draw(pdf, item.text, y, size, item.kind, shift=0.3)
            y += _step(item)
        _draw(pdf, f"— {number} —", 800.0, 10.0, "centre")
        pdf.showPage()
    pdf.save()
    return path


def _draw(pdf: canvas.Canvas, text: str, top: float, size: float, kind: str, shift: float = 0.0) -> None:
    text = text.lstrip("　 ") if kind == "indent" else text
    width = pdfmetrics.stringWidth(text, FONT, size)
    x = {"first": LEFT + 2 * BODY, "right": RIGHT - width, "stack": LEFT + 2 * BODY,
         "indent": LEFT + 2 * BODY}.get(kind, LEFT)
    if kind in ("masthead", "title", "centre"):
        x = (LEFT + RIGHT - width) / 2
    pdf.setFont(FONT, size)
    pdf.drawString(x + shift, HEIGHT - top - size, text)


def text_layer(pages: list[list[Printed]]) -> str:
    """The text layer of the same pages, as a PDF-to-text tool prints it."""
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        if number > 1:
            out += [HEAD, ""]
        first = True
        for item in page:
            if item.kind == "gap":
                out.append("")
                continue
            out.append((" " if first and number > 1 else "") + item.text)
            if item.kind != "stack":
                out.append("")
            first = False
        out += [f"—{number}—", ""]
    return "\n".join(out) + "\n"
