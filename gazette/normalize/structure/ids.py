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
    """An XML-name-safe form of a document number (brackets and white space
    become ``-``; what cannot start a name is prefixed).

    >>> slug("财政部　税务总局公告2025年第17号"), slug("第706号")
    ('财政部-税务总局公告2025年第17', '第706')
    """
    text = regex.sub(r"[〔\[［(（〕\]］)）\s]", "-", doc_number).removesuffix("号")
    text = regex.sub(r"[^\p{L}\p{N}\-_.]", "", regex.sub(r"-+", "-", text)).strip("-")
    return text if text and not text[0].isdigit() else f"n{text}"


#: A document id made of issuer, date and title, or of a number cited with a
#: title, is cut to this many characters (an archive folder name must stay
#: well under 255 bytes).
MAX_NAMED_ID = 48


def issue_id(publication: str | None, year: int | None, number: int | None,
             doc_number: str | None, sha256: str, *, issuer: str | None = None,
             date: str | None = None, title: str | None = None) -> str:
    """Id of an issue (publication-year-number) or of a single document: its
    number, else its issuer, date and title.

    >>> issue_id(None, None, None, None, "ab" * 32, issuer="自然资源部办公厅", date="2021-08-06",
    ...          title="自然资源部办公厅关于进一步规范存量住宅用地信息公开工作的函")
    '自然资源部办公厅-2021-08-06-自然资源部办公厅关于进一步规范存量住宅用地信息公开工作的'
    """
    if publication and year and number:
        return f"{publication}-{year}-{number}"
    if doc_number:  # an announcement's serial is cited with its title: cut as a named id
        return slug(doc_number)[:MAX_NAMED_ID]
    if issuer and date and title:
        return _UNSAFE.sub("", f"{issuer}-{date}-{title}")[:MAX_NAMED_ID]
    return f"src-{sha256[:16]}"


#: What an id leaves out of a title: white space, punctuation, brackets.
_UNSAFE = regex.compile(r"[\s\p{P}\p{S}&&[^-]]", regex.V1)


def article_ids(doc_numbers: list[str | None], issue: str | None = None) -> list[str]:
    """Ids of the articles of one source: their numbers, else their position:
    in an issue (``issue``: its id) ``<issue>-item-NN``, in a single document ``aN``.

    >>> article_ids(["浙政函〔2022〕102号", None, "浙政函〔2022〕102号"])
    ['a1', 'a2', 'a3']
    >>> article_ids(["浙政函〔2022〕102号", None])
    ['浙政函-2022-102', 'a2']
    >>> article_ids(["国函〔1999〕1号", None], issue="中华人民共和国国务院公报-1954-1")
    ['国函-1999-1', '中华人民共和国国务院公报-1954-1-item-02']
    """
    slugs = [slug(n) if n else None for n in doc_numbers]
    return [s if s and slugs.count(s) == 1 else position_id(i, issue) for i, s in enumerate(slugs, start=1)]


def position_id(position: int, issue: str | None) -> str:
    """The id of the article at ``position`` (1 = first) that has no number of its own."""
    return f"{issue}-item-{position:02d}" if issue else f"a{position}"


def part_id(article_id: str, position: int) -> str:
    """The id of an article's part (attachment) at ``position`` (1 = first).

    >>> part_id("国发-1999-2", 1)
    '国发-1999-2-part-1'
    """
    return f"{article_id}-part-{position}"
