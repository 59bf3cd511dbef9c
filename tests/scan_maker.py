"""Scans made from text-layer PDFs, whose text layer is then the ground truth.

``scan`` renders each page of a PDF to an image (PDFium), makes it look
scanned — a slight skew, blur, grey noise, a red seal-like ring with red
marks — and wraps the images as an image-only PDF (Pillow), with no text
layer. With ``skew=0, blur=0, noise=0, seal=False`` it is a clean render.
Used on real text-layer PDFs (their fonts are embedded, so PDFium draws them
as printed): the 公文 of Hangzhou and the text twin of the GJB standard.
"""

from __future__ import annotations

import io
import random

import numpy
import pypdfium2
from PIL import Image, ImageDraw, ImageFilter


def scan(data: bytes, dpi: int = 150, skew: float = 0.4, blur: float = 0.6, noise: float = 10.0,
         seal: bool = True, pages: list[int] | None = None, seed: int = 1) -> bytes:
    """An image-only PDF of the pages (1-based; all when None) of a PDF."""
    pdf = pypdfium2.PdfDocument(data)
    wanted = pages or list(range(1, len(pdf) + 1))
    images = [_scanned(pdf[number - 1].render(scale=dpi / 72).to_pil().convert("RGB"), dpi, skew, blur, noise,
                       seal and number == wanted[-1], random.Random(seed + number)) for number in wanted]
    pdf.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def _scanned(image: Image.Image, dpi: int, skew: float, blur: float, noise: float, seal: bool,
             rng: random.Random) -> Image.Image:
    if seal:
        _seal(image, dpi, rng)
    image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor="white")
    image = image.filter(ImageFilter.GaussianBlur(blur))
    pixels = numpy.asarray(image).astype(float)
    grain = numpy.random.default_rng(rng.randrange(1 << 30)).normal(0.0, noise, pixels.shape[:2])
    return Image.fromarray(numpy.clip(pixels + grain[..., None], 0, 255).astype("uint8"))


def _seal(image: Image.Image, dpi: int, rng: random.Random) -> None:
    """A red ring (42 mm) with a star and marks, over the text right of the middle."""
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = image.size
    side = int(42 / 25.4 * dpi)
    x, y = int(width * 0.55), int(height * 0.52)
    red = (215, 40, 40, 170)
    draw.ellipse((x, y, x + side, y + side), outline=red, width=max(3, side // 40))
    centre = (x + side / 2, y + side / 2)
    draw.regular_polygon((centre, side / 7), 5, fill=red)
    for _ in range(14):
        angle = rng.uniform(0, 6.28)
        r = side * 0.38
        px, py = centre[0] + r * numpy.cos(angle), centre[1] + r * numpy.sin(angle)
        draw.rectangle((px - side / 30, py - side / 30, px + side / 30, py + side / 30), fill=red)
