"""Settings of the PDF reader: one validated object with documented defaults.

>>> PdfSettings().footer_band
0.1
>>> PdfSettings(footer_band=0.7)
Traceback (most recent call last):
gazette.normalize.read.settings.PdfSettingsError: PDF setting 'footer_band' must be between 0 and 0.5, got 0.7
>>> PdfSettings(ocr_engine="easyocr")  # doctest: +ELLIPSIS
Traceback (most recent call last):
gazette.normalize.read.settings.PdfSettingsError: PDF setting 'ocr_engine' must be one of rapidocr, ..., got 'easyocr'
"""

from __future__ import annotations

from dataclasses import dataclass, fields


class PdfSettingsError(ValueError):
    """A PDF setting out of its range (the message names it)."""


#: name → (low, high) allowed range, inclusive.
_RANGES = {
    "line_tolerance": (0.5, 20.0),
    "dedupe_tolerance": (0.0, 5.0),
    "header_band": (0.0, 0.5),
    "footer_band": (0.0, 0.5),
    "indent_chars": (0.5, 6.0),
    "full_line_chars": (0.0, 4.0),
    "title_size_ratio": (1.0, 3.0),
    "centre_tolerance_chars": (0.0, 10.0),
    "blank_gap_ratio": (1.0, 5.0),
    "max_pages": (1, 1_000_000),
    "crop_top": (0.0, 300.0),
    "crop_bottom": (0.0, 300.0),
    "crop_left": (0.0, 300.0),
    "crop_right": (0.0, 300.0),
    "column_gap_chars": (0.5, 10.0),
    "ocr_dpi": (72, 600),
    "ocr_min_confidence": (0.0, 1.0),
}
#: name → the values allowed.
_CHOICES = {
    "ocr_engine": ("rapidocr", "tesseract", "none"),
}


@dataclass(frozen=True)
class PdfSettings:
    """How the PDF reader turns characters into lines and judges layout.

    * ``line_tolerance``: characters whose tops differ by at most this many
      points are on one line (3);
    * ``dedupe_tolerance``: a character printed again within this many points
      (bold by double printing) counts once (1);
    * ``header_band``/``footer_band``: share of the page height at the top /
      bottom where running heads and page numbers live (0.1 each);
    * ``indent_chars``: a line starting this many characters right of the
      text's left edge starts a paragraph (1.5);
    * ``full_line_chars``: a line ending within this many characters of the
      right edge is full, so its paragraph goes on (1.5);
    * ``title_size_ratio``: a centred line this much larger than the body
      text is a title (1.2);
    * ``centre_tolerance_chars``: how far (in characters) a line's centre may
      be from the text's centre to count as centred (1.5);
    * ``blank_gap_ratio``: a gap between two lines wider than this many times
      the type size counts as a blank line, as in a text layer (1.5);
    * ``max_pages``: more pages than this is refused (20000); pages are read
      one at a time, so memory does not grow with the page count;
    * ``crop_top``/``crop_bottom``/``crop_left``/``crop_right``: points cut
      off each edge of every page before reading (0: nothing is cut), for
      marks outside the type area (binding marks, stamps, scan borders);
      a character not entirely inside what is left is left out;
      the head/foot bands are measured on the cropped page;
    * ``ruled_tables``: read tables drawn with rules by their cells
      (pdfplumber's table finder) (True);
    * ``aligned_tables``: read tables printed in columns without rules by
      the x positions their characters share (True);
    * ``column_gap_chars``: a gap this many characters wide inside a printed
      line parts two columns of such a table (1.5);
    * ``pdfium_text``: read a page's characters with PDFium where it reads
      them as pdfminer would, 5 to 20 times faster (``pdf.quick``); pdfminer
      (pdfplumber) reads the other pages, and every page when false (True).
    """

    line_tolerance: float = 3.0
    dedupe_tolerance: float = 1.0
    header_band: float = 0.1
    footer_band: float = 0.1
    indent_chars: float = 1.5
    full_line_chars: float = 1.5
    title_size_ratio: float = 1.2
    centre_tolerance_chars: float = 1.5
    blank_gap_ratio: float = 1.5
    max_pages: int = 20_000
    crop_top: float = 0.0
    crop_bottom: float = 0.0
    crop_left: float = 0.0
    crop_right: float = 0.0
    ruled_tables: bool = True
    aligned_tables: bool = True
    column_gap_chars: float = 1.5
    ocr_engine: str = "rapidocr"
    ocr_dpi: int = 200
    ocr_min_confidence: float = 0.8
    force_ocr: bool = False
    pdfium_text: bool = True

    def __post_init__(self) -> None:
        for item in fields(self):
            if item.name == "force_ocr" and self.force_ocr and self.ocr_engine == "none":
                raise PdfSettingsError("PDF setting 'force_ocr' needs an ocr_engine, not 'none'")
            if item.name in _CHOICES:
                if getattr(self, item.name) not in _CHOICES[item.name]:
                    raise PdfSettingsError(f"PDF setting {item.name!r} must be one of "
                                           f"{', '.join(_CHOICES[item.name])}, got {getattr(self, item.name)!r}")
                continue
            if item.name not in _RANGES:
                if not isinstance(getattr(self, item.name), bool):
                    raise PdfSettingsError(
                        f"PDF setting {item.name!r} must be true or false, got {getattr(self, item.name)!r}")
                continue
            value = getattr(self, item.name)
            low, high = _RANGES[item.name]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                raise PdfSettingsError(
                    f"PDF setting {item.name!r} must be between {low:g} and {high:g}, got {value!r}"
                )
