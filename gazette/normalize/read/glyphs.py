"""Characters printed twice on themselves (bold by double printing).

Some typesetters make bold by printing a character twice, a fraction of a
point apart; pdfplumber then reads it twice (``浙浙江江``). A character equal
to the one before it, within ``PdfSettings.dedupe_tolerance`` points, counts
once. Checked per line or per cell: cheaper than deduplicating a whole page.
"""

from __future__ import annotations


def overprinted(previous: dict, char: dict, tolerance: float) -> bool:
    """Whether ``char`` is ``previous`` printed again (pdfplumber char dicts).

    >>> overprinted({"text": "浙", "x0": 72, "top": 0}, {"text": "浙", "x0": 72.3, "top": 0}, 1.0)
    True
    """
    return (char["text"] == previous["text"] and abs(char["x0"] - previous["x0"]) <= tolerance
            and abs(char["top"] - previous["top"]) <= tolerance)


def without_overprint(text: str, chars: list[dict], tolerance: float) -> str:
    """A line's text without its overprinted characters; it keeps the spaces
    pdfplumber put between words (they are in ``text``, not in ``chars``).

    >>> chars = [{"text": t, "x0": x, "top": 0.0} for t, x in (("浙", 72), ("浙", 72.3), ("江", 84))]
    >>> without_overprint("浙浙江", chars, 1.0)
    '浙江'
    """
    repeated = {index for index in range(1, len(chars)) if overprinted(chars[index - 1], chars[index], tolerance)}
    if not repeated:
        return text
    kept, index = [], 0
    for ch in text:
        if index < len(chars) and ch == chars[index]["text"]:
            if index not in repeated:
                kept.append(ch)
            index += 1
        else:
            kept.append(ch)
    return "".join(kept)
