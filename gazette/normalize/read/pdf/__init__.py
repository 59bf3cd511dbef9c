"""PDF input: pdfplumber reads pages into the ``Line`` model, with geometry.

``reader.read_pdf`` does the reading (``ocr`` reads scanned pages from their
images), ``settings.PdfSettings`` holds its tolerances; ``normalize`` then
treats the lines like a text layer's, using the geometry where it decides
better (see ``reflow``).
"""
