"""Stable identifiers: the same source always gets the same ids.

FRBR-like: an issue is named by its publication, year and issue number; a
document by its document number; only when those are not printed does the
id fall back to the source's digest (still stable for the same bytes).
An article's global identifier is ``<root id>/<article id>``.

>>> slug("浙政发〔2022〕20号")
'浙政发-2022-20'
>>> issue_id("浙江省人民政府公报", 2022, 19, None, "0" * 64)
'浙江省人民政府公报-2022-19'
>>> issue_id(None, None, None, None, "ab" * 32)
'src-abababababababab'
"""

from __future__ import annotations

import regex


def slug(doc_number: str) -> str:
    """An XML-name-safe form of a document number."""
    text = regex.sub(r"[〔\[［(（〕\]］)）]", "-", doc_number).removesuffix("号")
    return regex.sub(r"-+", "-", text).strip("-")


def issue_id(publication: str | None, year: int | None, number: int | None,
             doc_number: str | None, sha256: str) -> str:
    """Id of an issue (publication-year-number) or of a single document (its number)."""
    if publication and year and number:
        return f"{publication}-{year}-{number}"
    if doc_number:
        return slug(doc_number)
    return f"src-{sha256[:16]}"


def article_ids(doc_numbers: list[str | None]) -> list[str]:
    """Ids of the articles of one source: their numbers, else their position.

    >>> article_ids(["浙政函〔2022〕102号", None, "浙政函〔2022〕102号"])
    ['a1', 'a2', 'a3']
    >>> article_ids(["浙政函〔2022〕102号", None])
    ['浙政函-2022-102', 'a2']
    """
    slugs = [slug(n) if n else None for n in doc_numbers]
    return [s if s and slugs.count(s) == 1 else f"a{i}" for i, s in enumerate(slugs, start=1)]
