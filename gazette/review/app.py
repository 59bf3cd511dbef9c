"""The review web app: FastAPI, server-side HTML (Jinja2, escaped), a little script.

Routes (all read-only but the two forms):

* ``GET /``: the queue of current packages, what needs a look first;
  filters ``publication``, ``from``, ``to`` (ISO dates), ``state``;
* ``GET /package?path=…``: one package: its source (page images of a PDF, or
  its lines) beside the result (metadata, TOC, articles with their fields,
  warnings, reading problems, repairs with guesses marked; a click on a
  repair shows its line on the page);
* ``GET /page?path=…&n=…``: a page of a PDF package as PNG;
* ``POST /correct`` (path, article, field, before, after, confirm, who) and
  ``POST /reviewed`` (path, who): a new package version (``revise``), then
  the new version is shown.

Only packages of the archive can be named: ``path`` must be one of them,
nothing else is ever opened. With a ``token`` every request must carry it
(``?token=`` once, then a cookie; or the ``X-Gazette-Token`` header).

>>> import tempfile
>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(Path(tempfile.mkdtemp())))
>>> client.get("/package", params={"path": "../../etc"}).status_code
404
"""

from __future__ import annotations

import datetime
import hmac
import json
from pathlib import Path
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from lxml import etree

from gazette.archive.corrections import FIELDS, Correction, CorrectionError, checked, read_corrections, value
from gazette.archive.layout import ArchiveLayout
from gazette.archive.package import REPAIRS_NAME, REPORT_NAME, XML_NAME, source_file
from gazette.archive.revise import revise
from gazette.schemas import NAMESPACE

from .queue import queue, state_of
from .source_view import SourceView, page_image

_NS = {"g": NAMESPACE}
#: Repairs listed on a package's page (the rest are in its repairs.jsonl).
SHOWN_REPAIRS = 400
_TOKEN_COOKIE = "gazette_token"
_templates = Environment(loader=PackageLoader("gazette.review"), autoescape=select_autoescape(["html"]))


class NotAPackageError(LookupError):
    """A path that names no package of the archive."""


def create_app(archive: Path, token: str | None = None) -> FastAPI:
    """The app over ``archive`` (with ``token`` required on every request when given)."""
    layout = ArchiveLayout(archive)
    app = FastAPI(title="gazette review", docs_url=None, redoc_url=None, openapi_url=None)

    @app.middleware("http")
    async def _guard(request: Request, call_next):
        if token is None:
            return await call_next(request)
        given = request.query_params.get("token") or request.headers.get("x-gazette-token") \
            or request.cookies.get(_TOKEN_COOKIE) or ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            return HTMLResponse("a token is needed (start URL printed by gazette review)", status_code=403)
        response = await call_next(request)
        response.set_cookie(_TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    @app.exception_handler(NotAPackageError)
    async def _not_a_package(request: Request, error: NotAPackageError):
        return HTMLResponse(f"no such package: {error}", status_code=404)

    @app.get("/", response_class=HTMLResponse)
    def listing(request: Request) -> str:
        params = request.query_params
        filters = {"publication": params.get("publication", ""), "date_from": params.get("from", ""),
                   "date_to": params.get("to", ""), "state": params.get("state", "")}
        return _render("queue.html", archive=archive, entries=queue(archive, **filters), filters=filters)

    @app.get("/package", response_class=HTMLResponse)
    def package(path: str, error: str = "") -> str:
        return _package_page(layout, _package(layout, path), error)

    @app.get("/page")
    def page(path: str, n: int) -> Response:
        found = _package(layout, path)
        source = source_file(found)
        try:
            return Response(page_image(source.read_bytes(), n), media_type="image/png")
        except (IndexError, OSError, ValueError) as error:
            raise NotAPackageError(f"{path}: no page {n} ({error})") from error

    @app.post("/correct")
    async def correct(request: Request) -> Response:
        form = await _form(request)
        found = _package(layout, form.get("path", ""))
        field = form.get("field", "")
        try:
            after = checked(field, form.get("after", ""), confirmed=form.get("confirm") == "yes")
            fix = Correction(form.get("article", ""), field, form.get("before", ""), after, _who(form), _now())
            revision = revise(layout, found, [fix])
        except CorrectionError as problem:
            return HTMLResponse(_package_page(layout, found, str(problem)), status_code=400)
        return RedirectResponse(f"/package?path={_quoted(revision.package)}", status_code=303)

    @app.post("/reviewed")
    async def reviewed(request: Request) -> Response:
        form = await _form(request)
        found = _package(layout, form.get("path", ""))
        try:
            revision = revise(layout, found, [Correction("", "reviewed", "no", "yes", _who(form), _now())])
        except CorrectionError as problem:
            return HTMLResponse(_package_page(layout, found, str(problem)), status_code=400)
        return RedirectResponse(f"/package?path={_quoted(revision.package)}", status_code=303)

    return app


def _package(layout: ArchiveLayout, path: str) -> Path:
    """The package ``path`` names (``ArchiveLayout.package_at``); ``NotAPackageError``
    for anything else, whatever the path holds."""
    found = layout.package_at(path)
    if found is None:
        raise NotAPackageError(path)
    return found


def _package_page(layout: ArchiveLayout, package: Path, error: str = "") -> str:
    root = etree.parse(str(package / "data" / XML_NAME)).getroot()
    report = json.loads((package / "data" / REPORT_NAME).read_text("utf-8"))
    source = source_file(package)
    view = SourceView.of(source.read_bytes(), source.name, report.get("settings"))
    repairs = [json.loads(line) for line in (package / "data" / REPAIRS_NAME).read_text("utf-8").splitlines()
               if line.strip()]
    path = str(package.relative_to(layout.packages))
    versions = sorted(str(p.relative_to(layout.packages)) for p in package.parent.iterdir()
                      if (p / "bagit.txt").exists())
    return _render("package.html", archive=layout.root, path=path, state=state_of(root), view=view,
                   doc=_document(root, report, package), repairs=repairs, shown=SHOWN_REPAIRS, error=error,
                   boxes={line.no: line.box for line in view.lines if line.box}, versions=versions)


def _document(root: etree._Element, report: dict, package: Path) -> dict:
    """What the result column shows of a package's XML."""
    meta = [(etree.QName(e).localname, "".join(e.itertext()) or e.get("iso", ""))
            for e in root.find("g:meta", _NS) if etree.QName(e).localname in
            ("publication", "year", "issueNumber", "cumulativeNumber", "published", "property")]
    toc = [("".join(e.find("g:title", _NS).itertext()), e.get("ref") or "")
           for e in root.iterfind("g:toc/g:section/g:entry", _NS)]
    articles = [{"id": a.get("id"), "fields": [(f, value(root, a.get("id"), f)) for f in FIELDS],
                 "parts": [(etree.QName(part).localname, "".join(part.itertext())) for part in a.find("g:body", _NS)],
                 "next": a.getnext().get("id") if a.getnext() is not None and a.getnext().tag == a.tag else ""}
                for a in root.iterfind("g:article", _NS)]
    problems = [(p.get("page") or "", p.get("kind") or "", p.text or "")
                for p in root.iterfind("g:meta/g:problem", _NS)]
    source = root.find("g:meta/g:source", _NS)
    targets = [""] + [e.get("id") for e in root.iterfind("g:article", _NS)] + [
        e.get("id") for e in root.iterfind("g:article/g:attachment", _NS) if e.get("id")]
    return {"id": root.get("id"), "source": source.get("name"), "meta": meta, "toc": toc, "articles": articles,
            "targets": targets,
            "warnings": report.get("warnings", []), "problems": problems,
            "corrections": read_corrections(package)}


def _render(template: str, **values) -> str:
    return _templates.get_template(template).render(**values)


async def _form(request: Request) -> dict[str, str]:
    """A posted form (``application/x-www-form-urlencoded``), one value per name."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {name: values[0] for name, values in parse_qs(body, keep_blank_values=True).items()}


def _who(form: dict[str, str]) -> str:
    who = form.get("who", "").strip()
    if not who:
        raise CorrectionError("who: say who makes the correction")
    return who[:80]


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _quoted(path: str) -> str:
    return quote(path)
