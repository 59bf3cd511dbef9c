"""Read an OFD file (GB/T 33190-2016, China's fixed-layout format) into lines.

An OFD file is a zip of XML parts, read here with lxml (either namespace
the standard's versions use):

* ``OFD.xml``: the ``DocBody`` whose ``DocInfo`` gives the file's title,
  author and creation date (``Source.meta``) and whose ``DocRoot`` names the
  document; ``Signatures`` names its electronic seals;
* ``Document.xml``: the page area, the resources (``PublicRes``,
  ``DocumentRes``: fonts, images, ``CompositeGraphicUnit`` drawings), the
  page templates and the pages;
* each page's ``Content.xml``: layers of ``TextObject`` (``TextCode`` runs
  with ``X``/``Y`` and the ``DeltaX``/``DeltaY`` advances, ``g N v`` for N
  times v), ``CompositeObject`` (a drawing kept once in the resources, with
  its text), ``PageBlock`` (a group), images and paths; an object's ``CTM``
  and ``Boundary`` place it in its parent (millimetres).

Each glyph gets its box in points from the page's top left, and from there
on the lines are read like a PDF's (``lines.printed_lines``, ``placed``): the
same geometry, so the same furniture by position and the same layout cues
(the passes ``placed_furniture`` and ``placed_layout`` of ``normalize``).
Text drawn by a page template is furniture (``page_template``); annotations
are not the document's text: a stamp is recorded as a seal, a note's text as
a ``Notice``. A page with
images but no text is a scan: it is drawn from its images and read by OCR
(``ocr.Scans``). Seals (``Signatures.xml``) are recorded (``Source.seals``:
signer and time as the file states them), not verified.

>>> source = read_ofd(open("tests/data/ofd/ofd_gongwen_han_bengbu_2023.ofd", "rb").read(), "han.ofd")
>>> [line.text for line in source.lines][:2], source.meta["created"]
(['关于加快南货场铁路涵洞下穿建设的函', '蚌山区政府：'], '2023-7-12')
"""

from __future__ import annotations

import hashlib
import io
import math
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image

from .. import rules
from ..model import Line, Notice, Seal, Source, SourceError
from .lines import printed_lines
from .ocr import Scans
from .placed import numbered, text_line
from .settings import PdfSettings
from .workers import PageWorkers
from .zipped import Zipped

#: Points per millimetre (OFD measures in millimetres, the line model in points).
PT_PER_MM = 72 / 25.4
#: Where the baseline sits in a glyph's box: the share of the size above it.
ASCENT = 0.86
#: The DocInfo fields recorded in ``Source.meta``, by their OFD name.
_DOC_INFO = {"Title": "title", "Author": "author", "Subject": "subject", "CreationDate": "created",
             "ModDate": "modified", "Creator": "creator"}

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_ofd(data: bytes, name: str, settings: PdfSettings | None = None,
             workers: PageWorkers | None = None) -> Source:
    """The lines of an OFD file, with pages, furniture, geometry, its metadata
    and seals (or ``SourceError``: damaged, encrypted, no text). Pages of
    images only are read by OCR once the others are read, by ``workers``
    (in this process by default), and put back in their place."""
    settings = settings or PdfSettings()
    package = _Package(Zipped(data, name), name)
    read: list[list[Line] | _Page] = []
    heights: list[float] = []
    notices: list[Notice] = []
    scans = Scans(data, name, settings)
    try:
        for seq, page in enumerate(package.pages(settings), start=1):
            if _to_scan(page, settings):
                read.append(page)
            else:
                if not page.lines:
                    why = "only images, no text (needs OCR)" if page.images else "no text on the page"
                    notices.append(Notice("no-text", why, seq))
                read.append(page.lines)
            heights.append(page.height)
        lines = _in_order(read, scans, workers or PageWorkers(), settings)
    finally:
        scans.close()
    if not lines:
        raise SourceError(name, "no text on any page of the OFD file")
    return Source(Path(name).name, hashlib.sha256(data).hexdigest(), "ofd", lines, data, "ofd",
                  notices + package.notices + package.remarks() + scans.notices, scans.pages, package.meta(),
                  package.seals(), heights, settings)


def _to_scan(page: _Page, settings: PdfSettings) -> bool:
    """Whether a page is read by OCR: images and no text, or every page when forced (OCR on)."""
    if settings.ocr_engine == "none":
        return False
    return (not page.lines and bool(page.images)) or settings.force_ocr


def _in_order(read: list[list[Line] | _Page], scans: Scans, workers: PageWorkers,
              settings: PdfSettings) -> list[Line]:
    """Every page's lines in page order, numbered on from the page before:
    the text pages as read, the pages to scan read by OCR now."""
    pages = {seq: item for seq, item in enumerate(read, start=1) if isinstance(item, _Page)}
    found = scans.spread(list(pages), workers, image_of=lambda seq: pages[seq].drawn)
    lines: list[Line] = []
    for seq, item in enumerate(read, start=1):
        after = lines[-1].no + 1 if lines else 0
        if isinstance(item, _Page):
            box = (0.0, 0.0, item.width, item.height)
            lines += scans.lines(seq, after, box, box, found[seq])
        else:
            lines += numbered(item, after, settings)
    return lines


def page_image(data: bytes, seq: int, dpi: float) -> Any:
    """Page ``seq`` of an OFD file drawn from its images at ``dpi``: what a
    page worker reads by OCR (``ocr.page_boxes``)."""
    package = _Package(Zipped(data, "page"), "page")
    return package.page(seq, PdfSettings(ocr_engine="none")).drawn(dpi)


@dataclass
class _Glyph:
    """One character as drawn: its text, origin on the baseline and size (points)."""

    text: str
    x: float
    y: float
    size: float
    advance: float
    font: str


@dataclass
class _Page:
    """A page as read: its size (points), text lines and images (resource
    files with the matrix that draws each on the page, in points)."""

    width: float
    height: float
    zip: Zipped
    lines: list[Line] = field(default_factory=list)
    images: list[tuple[str, Matrix]] = field(default_factory=list)

    def drawn(self, dpi: float) -> Any:
        """The page drawn from its images on white, at ``dpi`` (for OCR)."""
        scale = dpi / 72
        canvas = Image.new("RGB", (max(1, round(self.width * scale)), max(1, round(self.height * scale))), "white")
        for path, matrix in self.images:
            if self.zip.has(path):
                picture = Image.open(io.BytesIO(self.zip.bytes(path))).convert("RGB")
                _paste(canvas, picture, _compose(matrix, (scale, 0.0, 0.0, scale, 0.0, 0.0)))
        return canvas


class _Package:
    """The parts of one OFD file that reading needs, parsed once."""

    def __init__(self, zipped: Zipped, name: str):
        self.zip, self.name = zipped, name
        self.notices: list[Notice] = []
        self.root = self._xml("OFD.xml")
        bodies = self.root.findall("{*}DocBody")
        if not bodies:
            raise SourceError(name, "OFD.xml names no document (no DocBody)")
        if len(bodies) > 1:
            self.notices.append(Notice("documents", f"the OFD file holds {len(bodies)} documents: "
                                                    "the first is read"))
        self.body = bodies[0]
        if self.root.find(".//{*}Encryptions") is not None or any(n.endswith("Encryptions.xml") for n in zipped.names):
            raise SourceError(name, "encrypted OFD file (GM/T 0099 Encryptions): a key is needed to read it")
        root_path = self._path("", self.body.findtext("{*}DocRoot") or "")
        self.document = self._xml(root_path)
        self.base = posixpath.dirname(root_path)
        self.fonts: dict[str, str] = {}
        self.media: dict[str, str] = {}
        self.units: dict[str, Any] = {}
        self._resources()
        self.templates = self._templates()
        self.area = _box(self.document.findtext("{*}CommonData/{*}PageArea/{*}PhysicalBox"))

    def _xml(self, member: str) -> Any:
        if not member:
            raise SourceError(self.name, "OFD.xml names no document root (DocRoot)")
        try:
            return etree.fromstring(self.zip.bytes(member), etree.XMLParser(resolve_entities=False, no_network=True,
                                                                            huge_tree=False))
        except etree.XMLSyntaxError as error:
            raise SourceError(self.name, f"damaged OFD part {member} ({error})") from error

    def _path(self, base: str, location: str) -> str:
        """A part's path in the zip: ``/`` from the root, otherwise relative to ``base``."""
        if location.startswith("/"):
            return posixpath.normpath(location.lstrip("/"))
        return posixpath.normpath(posixpath.join(base, location))

    def _templates(self) -> dict[str, Any]:
        """Each page template's content, parsed once for all the pages that draw it."""
        found = {}
        for template in self.document.iterfind("{*}CommonData/{*}TemplatePage"):
            path = self._path(self.base, template.get("BaseLoc", ""))
            if self.zip.has(path):
                found[template.get("ID", "")] = self._xml(path).find("{*}Content")
        return found

    def _resources(self) -> None:
        for tag in ("PublicRes", "DocumentRes"):
            for element in self.document.iterfind(f"{{*}}CommonData/{{*}}{tag}"):
                path = self._path(self.base, (element.text or "").strip())
                if not self.zip.has(path):
                    self.notices.append(Notice("resource", f"resource file {path} is missing"))
                    continue
                res = self._xml(path)
                where = self._path(posixpath.dirname(path), res.get("BaseLoc", ""))
                for font in res.iterfind("{*}Fonts/{*}Font"):
                    self.fonts[font.get("ID", "")] = font.get("FontName", "")
                for media in res.iterfind("{*}MultiMedias/{*}MultiMedia"):
                    self.media[media.get("ID", "")] = self._path(where, media.findtext("{*}MediaFile") or "")
                for unit in res.iterfind("{*}CompositeGraphicUnits/{*}CompositeGraphicUnit"):
                    self.units[unit.get("ID", "")] = unit

    def meta(self) -> dict[str, str]:
        """What ``DocInfo`` says of the file (title, author, created, …)."""
        info = self.body.find("{*}DocInfo")
        found = {} if info is None else {key: (info.findtext(f"{{*}}{tag}") or "").strip()
                                         for tag, key in _DOC_INFO.items()}
        return {key: value for key, value in found.items() if value}

    def pages(self, settings: PdfSettings) -> Any:
        """Each page in order, read (a generator: one page's objects at a time)."""
        for seq, entry in enumerate(self.document.iterfind("{*}Pages/{*}Page"), start=1):
            yield self._page(seq, entry, settings)

    def page(self, seq: int, settings: PdfSettings) -> _Page:
        """Page ``seq`` (from 1) alone, the pages before it not read (``IndexError`` past the last)."""
        entries = self.document.findall("{*}Pages/{*}Page")
        if not 1 <= seq <= len(entries):
            raise IndexError(seq)
        return self._page(seq, entries[seq - 1], settings)

    def _page(self, seq: int, entry: Any, settings: PdfSettings) -> _Page:
        content = self._xml(self._path(self.base, entry.get("BaseLoc", "")))
        area = _box(content.findtext("{*}Area/{*}PhysicalBox")) or self.area or (0.0, 0.0, 210.0, 297.0)
        page = _Page(area[2] * PT_PER_MM, area[3] * PT_PER_MM, self.zip)
        glyphs: list[_Glyph] = []
        drawn: list[tuple[str, Matrix]] = []
        template_glyphs: list[_Glyph] = []
        for template in content.iterfind("{*}Template"):
            self._draw(self.templates.get(template.get("TemplateID", "")), _scale_mm(), template_glyphs, drawn)
        self._draw(content.find("{*}Content"), _scale_mm(), glyphs, drawn)
        page.images = drawn
        page.lines = self._lines(glyphs, seq, settings) + self._template_lines(template_glyphs, seq, settings)
        page.lines.sort(key=lambda line: line.geometry.top if line.geometry else 0.0)
        return page

    def _lines(self, glyphs: list[_Glyph], seq: int, settings: PdfSettings) -> list[Line]:
        found = [text_line(item, seq, settings) for item in printed_lines([_char(g) for g in glyphs])]
        return [line for line in found if line is not None]

    def _template_lines(self, glyphs: list[_Glyph], seq: int, settings: PdfSettings) -> list[Line]:
        lines = self._lines(glyphs, seq, settings)
        for line in lines:
            line.furniture = rules.PAGE_TEMPLATE.name
        return lines

    def _draw(self, container: Any, matrix: Matrix, glyphs: list[_Glyph], images: list[tuple[str, Matrix]]) -> None:
        """The glyphs and images of a content element's objects, in page points."""
        if container is None:
            return
        for element in container.iter("{*}TextObject", "{*}CompositeObject", "{*}ImageObject"):
            placed = _compose(_placement(element), matrix)  # a PageBlock groups, it does not move
            kind = etree.QName(element).localname
            if kind == "TextObject":
                glyphs += _glyphs(element, placed, self.fonts.get(element.get("Font", ""), ""))
            elif kind == "CompositeObject":
                unit = self.units.get(element.get("ResourceID", ""))
                if unit is not None:
                    self._draw(unit.find("{*}Content"), placed, glyphs, images)
            elif element.get("ResourceID", "") in self.media:
                images.append((self.media[element.get("ResourceID", "")], placed))

    @cached_property
    def annotations(self) -> list[tuple[int | None, Any]]:
        """Each annotation (``Annot``) with its page, from the ``Annotations`` list (read once)."""
        location = self.document.findtext("{*}Annotations")
        path = self._path(self.base, (location or "").strip())
        if not location or not self.zip.has(path):
            return []
        found = []
        for entry in self._xml(path).iterfind("{*}Page"):
            part = self._path(posixpath.dirname(path), (entry.findtext("{*}FileLoc") or "").strip())
            if self.zip.has(part):
                page = _page_number(self.document, entry.get("PageID"))
                found += [(page, annot) for annot in self._xml(part).iterfind("{*}Annot")]
        return found

    def stamps(self) -> list[Seal]:
        """Stamp annotations: a seal's image placed on a page (not a signature)."""
        return [Seal(time=annot.get("LastModDate", ""), page=page, kind="stamp")
                for page, annot in self.annotations if annot.get("Type") == "Stamp"
                and annot.get("Subtype", "Stamp") == "Stamp"]

    def remarks(self) -> list[Notice]:
        """What the other annotations say (a reader's note drawn over the page,
        not the document's text): their remark, or the text they draw."""
        found = []
        for page, annot in self.annotations:
            if annot.get("Type") in ("Stamp", "Watermark") and annot.get("Subtype", "Stamp") in ("Stamp", "Watermark"):
                continue
            drawn = "".join(code.text or "" for code in annot.iter("{*}TextCode"))
            text = drawn or (annot.findtext("{*}Remark") or "").strip()
            if text:
                kind = annot.get("Subtype") or annot.get("Type") or "annotation"
                found.append(Notice("annotation", f"{kind} annotation (not read as the document's text): {text}",
                                    page))
        return found

    def seals(self) -> list[Seal]:
        """The seals and signatures ``Signatures.xml`` lists (as stated, not
        verified), and the seals stamped as annotations."""
        return self._signatures() + self.stamps()

    def _signatures(self) -> list[Seal]:
        location = self.body.findtext("{*}Signatures")
        if not location:
            return []
        path = self._path("", location.strip())
        if not self.zip.has(path):
            self.notices.append(Notice("seal", f"the seal list {path} is missing"))
            return []
        return [self._seal(self._path(posixpath.dirname(path), entry.get("BaseLoc", "")), entry.get("Type", "Seal"))
                for entry in self._xml(path).iterfind("{*}Signature")]

    def _seal(self, path: str, kind: str) -> Seal:
        if not self.zip.has(path):
            self.notices.append(Notice("seal", f"seal part {path} is missing"))
            return Seal(kind=kind.lower())
        signature = self._xml(path)
        info = signature.find("{*}SignedInfo")
        if info is None:
            return Seal(kind=kind.lower())
        stamp = info.find("{*}StampAnnot")
        page = _page_number(self.document, stamp.get("PageRef")) if stamp is not None else None
        value = signature.findtext("{*}SignedValue") or ""
        signed = self._path(posixpath.dirname(path), value.strip()) if value else ""
        signer = certificate_subject(self.zip.bytes(signed)) if signed and self.zip.has(signed) else ""
        provider = info.find("{*}Provider")
        if not signer and provider is not None:
            signer = provider.get("Company") or provider.get("ProviderName") or ""
        return Seal(signer=signer, time=_seal_time(info.findtext("{*}SignatureDateTime") or ""), page=page,
                    method=(info.findtext("{*}SignatureMethod") or "").strip(), kind=kind.lower())


def _page_number(document: Any, page_id: str | None) -> int | None:
    for seq, entry in enumerate(document.iterfind("{*}Pages/{*}Page"), start=1):
        if entry.get("ID") == page_id:
            return seq
    return None


def _seal_time(text: str) -> str:
    """A seal's time as written, ``20220903054127Z`` made ISO.

    >>> _seal_time("20220903054127Z"), _seal_time("2023-07-12 10:00:00")
    ('2022-09-03T05:41:27Z', '2023-07-12 10:00:00')
    """
    text = text.strip()
    if len(text) == 15 and text[:14].isdigit() and text.endswith("Z"):
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}T{text[8:10]}:{text[10:12]}:{text[12:14]}Z"
    return text


#: DER of the X.520 commonName attribute type (2.5.4.3).
_COMMON_NAME = b"\x06\x03\x55\x04\x03"


def certificate_subject(der: bytes) -> str:
    """The signer's name in a signature value: of the certificates' common
    names (X.520 CN), the one that appears once (an issuer's name appears
    both in the certificate and in the signer's reference to it); "" when
    none can be read.

    >>> cn = lambda name: _COMMON_NAME + bytes([0x0C, len(name.encode())]) + name.encode()
    >>> certificate_subject(cn("YNCA_SM2") + cn("一部手机办事通设备证书") + cn("YNCA_SM2"))
    '一部手机办事通设备证书'
    """
    names: list[str] = []
    start = der.find(_COMMON_NAME)
    while start >= 0 and start + 7 <= len(der):
        tag, length = der[start + 5], der[start + 6]
        value = der[start + 7:start + 7 + length]
        if tag in (0x0C, 0x13, 0x14) and length < 0x80:
            names.append(value.decode("utf-8", errors="replace"))
        elif tag == 0x1E and length < 0x80:
            names.append(value.decode("utf-16-be", errors="replace"))
        start = der.find(_COMMON_NAME, start + 5)
    once = [name for name in names if names.count(name) == 1]
    return once[0] if once else ""


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    """``"0 0 210 297"`` → (0, 0, 210, 297); None when absent or not four numbers."""
    try:
        values = [float(v) for v in (text or "").split()]
    except ValueError:
        return None
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _matrix(text: str | None) -> Matrix:
    try:
        values = [float(v) for v in (text or "").split()]
    except ValueError:
        return _IDENTITY
    return (values[0], values[1], values[2], values[3], values[4], values[5]) if len(values) == 6 else _IDENTITY


def _scale_mm() -> Matrix:
    return (PT_PER_MM, 0.0, 0.0, PT_PER_MM, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies ``inner`` then ``outer`` (OFD's row-vector convention)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od, e * oa + f * oc + oe,
            e * ob + f * od + of)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _placement(element: Any) -> Matrix:
    """An object's own matrix: its CTM, then the move to its Boundary's origin."""
    box = _box(element.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
    return _compose(_matrix(element.get("CTM")), (1.0, 0.0, 0.0, 1.0, box[0], box[1]))


def _glyphs(element: Any, matrix: Matrix, font: str) -> list[_Glyph]:
    """The characters of a ``TextObject``, each placed on the page."""
    size = float(element.get("Size") or 0) or 3.53
    scale = math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
    found: list[_Glyph] = []
    x = y = 0.0
    for code in element.iterfind("{*}TextCode"):
        text = code.text or ""
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        dx, dy = deltas(code.get("DeltaX")), deltas(code.get("DeltaY"))
        for index, char in enumerate(text):
            step = dx[index] if index < len(dx) else (size if ord(char) > 0x2E7F else size / 2)
            px, py = _apply(matrix, x, y)
            found.append(_Glyph(char, px, py, size * scale, step * scale, font))
            x += dx[index] if index < len(dx) else step
            y += dy[index] if index < len(dy) else 0.0
    return found


def deltas(text: str | None) -> list[float]:
    """The advances of a ``DeltaX``/``DeltaY`` list, ``g N v`` standing for N times v.

    >>> deltas("5.63 g 3 2.5 7")
    [5.63, 2.5, 2.5, 2.5, 7.0]
    """
    words = (text or "").split()
    values: list[float] = []
    index = 0
    while index < len(words):
        if words[index] == "g" and index + 2 < len(words):
            values += [float(words[index + 2])] * int(float(words[index + 1]))
            index += 3
        else:
            values.append(float(words[index]))
            index += 1
    return values


def _char(glyph: _Glyph) -> dict:
    """A glyph as the character record ``printed_lines`` reads (pdfplumber's shape)."""
    width = min(glyph.advance, glyph.size) if glyph.advance > 0 else glyph.size
    return {"text": glyph.text, "x0": glyph.x, "x1": glyph.x + width, "top": glyph.y - ASCENT * glyph.size,
            "bottom": glyph.y + (1 - ASCENT) * glyph.size, "size": glyph.size, "fontname": glyph.font,
            "matrix": (1.0, 0.0, 0.0, 1.0, glyph.x, -glyph.y)}


def _paste(canvas: Any, picture: Any, matrix: Matrix) -> None:
    """Draw ``picture`` (its unit square mapped by ``matrix``, in canvas pixels) onto ``canvas``."""
    a, b, c, d, e, f = matrix
    w, h = picture.size
    # pixel (u, v) of the picture lies at unit (u / w, v / h): canvas = M(unit)
    forward = (a / w, b / w, c / h, d / h, e, f)
    det = forward[0] * forward[3] - forward[1] * forward[2]
    if abs(det) < 1e-9:
        return
    ia, ib, ic, id_ = forward[3] / det, -forward[1] / det, -forward[2] / det, forward[0] / det
    ie, if_ = -(forward[4] * ia + forward[5] * ic), -(forward[4] * ib + forward[5] * id_)
    # PIL maps each output (x, y) to input (ia x + ic y + ie, ib x + id y + if)
    mask = Image.new("L", picture.size, 255).transform(canvas.size, Image.Transform.AFFINE,
                                                      (ia, ic, ie, ib, id_, if_))
    drawn = picture.transform(canvas.size, Image.Transform.AFFINE, (ia, ic, ie, ib, id_, if_),
                              resample=Image.Resampling.BILINEAR)
    canvas.paste(drawn, (0, 0), mask)
