"""The catalog: an SQLite database other systems query without our code.

It is derived data: every row is read back from a package's XML, both when a
package is archived and when the catalog is rebuilt from the packages
(``gazette catalog rebuild``, which builds the new catalog beside the old one
and puts it in place only once it is complete), so the two always agree;
``differences`` says where they do not (``gazette verify``). Query the view
``catalog`` (one row per article):

    id, publication, year, issue, article_id, title, doc_number, issuer, date,
    type, path, sha256, schema_version, code_version, current
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gazette.schemas import NAMESPACE

from .layout import ArchiveLayout
from .package import XML_NAME

_NS = {"g": NAMESPACE}
SCHEMA = """
CREATE TABLE IF NOT EXISTS packages (
    path TEXT PRIMARY KEY, source TEXT, sha256 TEXT, code_version TEXT, schema_version TEXT,
    kind TEXT, id TEXT, publication TEXT, year INTEGER, issue INTEGER, current INTEGER);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT, article_id TEXT, title TEXT, doc_number TEXT, issuer TEXT, date TEXT,
    type TEXT, pages TEXT, PRIMARY KEY (path, article_id));
CREATE INDEX IF NOT EXISTS articles_doc_number ON articles (doc_number);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE VIEW IF NOT EXISTS catalog AS
    SELECT p.id, p.publication, p.year, p.issue, a.article_id, a.title, a.doc_number, a.issuer,
           a.date, a.type, p.path, p.sha256, p.schema_version, p.code_version, p.current
    FROM articles a JOIN packages p USING (path);
"""


class CatalogError(Exception):
    """A package the catalog cannot be built from (the message names it)."""


@contextmanager
def connect(layout: ArchiveLayout, path: Path | str | None = None) -> Iterator[sqlite3.Connection]:
    """An open catalog (``path``, by default the archive's; created if
    missing), committed on success."""
    layout.root.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path or layout.catalog, timeout=60)) as connection:
        connection.executescript(SCHEMA)
        with connection:
            yield connection


def record(connection: sqlite3.Connection, layout: ArchiveLayout, package: Path) -> None:
    """(Re)write the rows of one package, read from its XML; it becomes current."""
    path = str(package.relative_to(layout.packages))
    root = etree.parse(str(package / "data" / XML_NAME)).getroot()
    source = root.find("g:meta/g:source", _NS)
    identity = str(package.parent.relative_to(layout.packages))
    connection.execute(f"UPDATE packages SET current = 0 WHERE {_IN_IDENTITY}", _identity_args(identity))
    connection.execute("DELETE FROM articles WHERE path = ?", (path,))
    connection.execute(
        "INSERT OR REPLACE INTO packages VALUES (?,?,?,?,?,?,?,?,?,?,1)",
        (path, source.get("name"), source.get("sha256"), source.get("codeVersion"),
         root.get("schemaVersion"), etree.QName(root).localname, root.get("id"),
         _text(root, "g:meta/g:publication"), _int(root, "g:meta/g:year"), _int(root, "g:meta/g:issueNumber")),
    )
    connection.executemany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?)", [
        (path, a.get("id"), _text(a, "g:title"), _text(a, "g:docNumber"),
         "、".join(i.text for i in a.iterfind("g:signature/g:issuer", _NS)),
         _iso(a), a.get("type"), a.get("pages"))
        for a in root.iterfind("g:article", _NS)
    ])


def rebuild(layout: ArchiveLayout) -> int:
    """Rebuild the catalog from the packages; return the number of packages.

    The new catalog is built beside the old one and replaces it only when it
    is complete: a package whose XML cannot be read raises ``CatalogError``
    and leaves the old catalog as it was.
    """
    fresh = layout.catalog.with_name(f".{layout.catalog.name}.{os.getpid()}.new")
    fresh.unlink(missing_ok=True)
    try:
        with connect(layout, fresh) as connection:
            count = fill(connection, layout)
        os.replace(fresh, layout.catalog)
    finally:
        fresh.unlink(missing_ok=True)
    return count


def fill(connection: sqlite3.Connection, layout: ArchiveLayout, skip: AbstractSet[Path] = frozenset()) -> int:
    """Record every package of the archive (but those to ``skip``) in an empty
    catalog, and which are current; return their number (``CatalogError`` for
    one that cannot be read)."""
    packages = [package for package in layout.package_dirs() if package not in skip]
    for package in packages:
        try:
            record(connection, layout, package)
        except (OSError, etree.XMLSyntaxError, AttributeError, ValueError) as error:
            raise CatalogError(f"{package}: cannot be read for the catalog ({error})") from error
    for pointer in layout.packages.rglob("current"):
        identity = str(pointer.parent.relative_to(layout.packages))
        current = pointer.read_text("utf-8").strip()
        connection.execute(f"UPDATE packages SET current = (path = ?) WHERE {_IN_IDENTITY}",
                           (f"{identity}/{current}", *_identity_args(identity)))
    return len(packages)


def differences(layout: ArchiveLayout, skip: AbstractSet[Path] = frozenset()) -> list[str]:
    """Where the catalog does not say what the packages do, one line each
    (a damaged database file, a row that differs, a package missing from it,
    a row of a package that does not exist); empty when they agree. Packages
    to ``skip`` (damaged ones) are left out on both sides."""
    with closing(sqlite3.connect(":memory:")) as expected:
        expected.executescript(SCHEMA)
        try:
            count = fill(expected, layout, skip)
        except CatalogError as error:
            return [f"{layout.catalog}: not checked: {error}"]
        if not layout.catalog.is_file():
            return [f"{layout.catalog}: missing (gazette catalog rebuild makes it)"] if count else []
        try:
            with closing(sqlite3.connect(f"{layout.catalog.resolve().as_uri()}?mode=ro", uri=True)) as found:
                skipped = {str(package.relative_to(layout.packages)) for package in skip}
                rows = {path: rows for path, rows in _rows(found).items() if path not in skipped}
                return [f"{layout.catalog}: {problem}" for problem in _compare(rows, _rows(expected))]
        except sqlite3.DatabaseError as error:
            return [f"{layout.catalog}: damaged ({error})"]


def _rows(connection: sqlite3.Connection) -> dict[str, set[tuple]]:
    """Every row of the catalog, by package path (``integrity_check`` first)."""
    (check,) = connection.execute("PRAGMA quick_check").fetchone()
    if check != "ok":
        raise sqlite3.DatabaseError(check)
    rows: dict[str, set[tuple]] = {}
    for table in ("packages", "articles"):
        for row in connection.execute(f"SELECT * FROM {table}"):
            rows.setdefault(row[0], set()).add((table, *row))
    return rows


def _compare(found: dict[str, set[tuple]], expected: dict[str, set[tuple]]) -> list[str]:
    problems = [f"package {path} is missing" for path in sorted(expected.keys() - found.keys())]
    problems += [f"lists {path}, which is not a package" for path in sorted(found.keys() - expected.keys())]
    problems += [f"the rows of {path} differ from its package" for path in sorted(expected.keys() & found.keys())
                 if found[path] != expected[path]]
    return problems


@dataclass(frozen=True)
class Query:
    """Filters of ``gazette catalog list``."""

    date_from: str | None = None
    date_to: str | None = None
    doc_number: str | None = None
    publication: str | None = None
    all_versions: bool = False


def articles(layout: ArchiveLayout, query: Query) -> list[sqlite3.Row]:
    """Articles of the catalog matching ``query``, by date."""
    where, values = ["1 = 1"], []
    if not query.all_versions:
        where.append("current = 1")
    for clause, value in (("date >= ?", query.date_from), ("date <= ?", query.date_to),
                          ("doc_number LIKE ?", query.doc_number and f"%{query.doc_number}%"),
                          ("publication LIKE ?", query.publication and f"%{query.publication}%")):
        if value:
            where.append(clause)
            values.append(value)
    with connect(layout) as connection:
        connection.row_factory = sqlite3.Row
        sql = f"SELECT * FROM catalog WHERE {' AND '.join(where)} ORDER BY date, path, article_id"
        return connection.execute(sql, values).fetchall()


#: Packages of one identity folder, by plain prefix (``LIKE`` would read ``_`` as a wildcard).
_IN_IDENTITY = "substr(path, 1, ?) = ?"


def _identity_args(identity: str) -> tuple[int, str]:
    prefix = identity + "/"
    return len(prefix), prefix


def _text(element: etree._Element, path: str) -> str | None:
    found = element.find(path, _NS)
    return "".join(found.itertext()) if found is not None else None


def _int(element: etree._Element, path: str) -> int | None:
    text = _text(element, path)
    return int(text) if text else None


def _iso(article: etree._Element) -> str | None:
    date = article.find("g:signature/g:date", _NS)
    return date.get("iso") if date is not None else None
