"""Small OFD files (GB/T 33190) written here, for what the real ones do not show:
a page template with a running head, lines given by ``DeltaX`` with ``g``,
objects moved by a ``CTM``, a page that is only an image (a scan).

``write_ofd(pages, template=…)``: each page a list of ``Text`` (a line of
text at a place, in millimetres) or ``Picture`` (an image over a box).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"


@dataclass(frozen=True)
class Text:
    """A line of text whose baseline starts at (x, y) millimetres, ``size`` mm per character."""

    text: str
    x: float
    y: float
    size: float = 5.6
    ctm: str = ""  # an object matrix: the text is drawn in its own units then scaled


@dataclass(frozen=True)
class Picture:
    """A PNG image drawn over the box (x, y, width, height) in millimetres."""

    png: bytes
    box: tuple[float, float, float, float]


def _text_object(ident: int, item: Text) -> str:
    if item.ctm:  # units of 1/scale mm inside the object
        scale = float(item.ctm.split()[0])
        size, advance = item.size / scale, item.size / scale
        matrix = f' CTM="{item.ctm}"'
    else:
        size = advance = item.size
        matrix = ""
    boundary = f"{item.x} {item.y - item.size} {len(item.text) * item.size + 1} {item.size * 1.5}"
    deltas = f' DeltaX="g {len(item.text) - 1} {advance:g}"' if len(item.text) > 1 else ""
    return (f'<ofd:TextObject ID="{ident}" Boundary="{boundary}" Font="1" Size="{size:g}"{matrix}>'
            f'<ofd:TextCode X="0" Y="{size:g}"{deltas}>{escape(item.text)}</ofd:TextCode></ofd:TextObject>')


def _content(items: list[Text | Picture], first_id: int) -> str:
    objects = []
    for offset, item in enumerate(items):
        ident = first_id + offset
        if isinstance(item, Text):
            objects.append(_text_object(ident, item))
        else:
            x, y, w, h = item.box
            objects.append(f'<ofd:ImageObject ID="{ident}" Boundary="{x} {y} {w} {h}" CTM="{w} 0 0 {h} 0 0" '
                           f'ResourceID="{900 + ident}"/>')
    return f'<ofd:Content><ofd:Layer ID="{first_id - 1}">{"".join(objects)}</ofd:Layer></ofd:Content>'


def write_ofd(pages: list[list[Text | Picture]], template: list[Text] | None = None, title: str = "") -> bytes:
    """An OFD file of ``pages`` (and a template drawn under every page)."""
    buffer = io.BytesIO()
    media = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = f"<ofd:Title>{escape(title)}</ofd:Title>" if title else ""
        archive.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" '
                         f'DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID>{info}'
                         "<ofd:CreationDate>2024-03-01</ofd:CreationDate></ofd:DocInfo>"
                         "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        page_list = []
        for seq, items in enumerate(pages):
            first = 100 * (seq + 1)
            reference = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if template else ""
            archive.writestr(f"Doc_0/Pages/Page_{seq}/Content.xml",
                             f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{reference}'
                             f"{_content(items, first)}</ofd:Page>")
            page_list.append(f'<ofd:Page ID="{first - 2}" BaseLoc="Pages/Page_{seq}/Content.xml"/>')
            for offset, item in enumerate(items):
                if isinstance(item, Picture):
                    name = f"image_{first + offset}.png"
                    archive.writestr(f"Doc_0/Res/{name}", item.png)
                    media.append(f'<ofd:MultiMedia ID="{900 + first + offset}" Type="Image" Format="PNG">'
                                 f"<ofd:MediaFile>{name}</ofd:MediaFile></ofd:MultiMedia>")
        templates = ""
        if template:
            templates = '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
            archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                             f'<ofd:Page xmlns:ofd="{NS}">{_content(list(template), 11)}</ofd:Page>')
        archive.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                         'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>')
        archive.writestr("Doc_0/DocumentRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                         f'BaseLoc="Res"><ofd:MultiMedias>{"".join(media)}</ofd:MultiMedias></ofd:Res>')
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
                         f"<ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>{templates}<ofd:PageArea>"
                         "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                         "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml"
                         f"</ofd:DocumentRes></ofd:CommonData><ofd:Pages>{''.join(page_list)}</ofd:Pages>"
                         "</ofd:Document>")
    return buffer.getvalue()


def centred(text: str, y: float, size: float = 5.6, width: float = 156.0, left: float = 26.0) -> Text:
    """A line centred in the type area (156 mm wide from 26 mm: GB/T 9704)."""
    return Text(text, left + (width - len(text) * size) / 2, y, size)


def one_object_a_character(item: Text) -> list[Text]:
    """A line drawn as one text object per character, as some converters write it
    (an ASCII character half as wide as a Han one)."""
    glyphs, x = [], item.x
    for char in item.text:
        glyphs.append(Text(char, x, item.y, item.size))
        x += item.size / 2 if char.isascii() else item.size
    return glyphs


def gongwen_page(lines: list[str], top: float = 60.0, left: float = 26.0, pitch: float = 10.0) -> list[Text]:
    """A page of a 公文: each line at the left edge, one ``pitch`` below the other
    (a line starting with two ideographic spaces is drawn indented instead)."""
    items = []
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip("\u3000"))
        items.append(Text(line.lstrip("\u3000"), left + indent * 5.6, top + index * pitch))
    return items
