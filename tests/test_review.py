"""The review web app: the queue, a package beside its source, corrections that
make new versions and survive reprocessing, and its guards (token, paths);
driven once in a real browser (Debian's Chromium, by Playwright)."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
import uvicorn
from fastapi.testclient import TestClient

from gazette.archive.ingest import archive_file
from gazette.archive.verify import verify_archive
from gazette.cli import _parser
from gazette.review.app import create_app

from .conftest import SAMPLES

NOTICE = SAMPLES / "004_c58432d889cd2317.txt"
PDF = SAMPLES / "demo_gazette.pdf"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review") / "archive"
    for source in (NOTICE, PDF, SAMPLES / "003_fc2fbf8d995039f5.txt"):
        assert archive_file(source, folder).status == "archived"
    return folder


def _packages(html: str) -> list[str]:
    return [unquote(p) for p in re.findall(r'class="package" href="/package\?path=([^"]+)"', html)]


def test_the_queue_puts_what_needs_a_look_first_and_filters(archive):
    client = TestClient(create_app(archive))
    listed = _packages(client.get("/").text)
    assert len(listed) == 3
    assert listed[0].startswith("unidentified/")  # seed 003: no metadata found, 50 guesses; the others: nothing
    notice = next(p for p in listed if p.startswith("documents/绍政发-2022-26/"))
    assert _packages(client.get("/", params={"publication": "浙江省人民政府公报"}).text) == [
        p for p in listed if p.startswith("浙江省人民政府公报/")]
    assert _packages(client.get("/", params={"from": "2022-12-01", "to": "2022-12-31"}).text) == [notice]
    assert _packages(client.get("/", params={"state": "reviewed"}).text) == []


@pytest.mark.parametrize("path", ["../../../etc", "/etc/passwd", "documents/../../../etc/passwd", "..", "",
                                  "documents", "documents/绍政发-2022-26", "%2e%2e/%2e%2e/etc"])
def test_no_path_outside_the_archives_packages_can_be_read(archive, path):
    client = TestClient(create_app(archive))
    assert client.get("/package", params={"path": path}).status_code == 404
    assert client.get("/page", params={"path": path, "n": 1}).status_code == 404
    assert client.post("/correct", content=f"path={path}&field=type&after=x&who=a".encode(),
                       headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 404


def test_another_address_needs_the_token(archive):
    assert _parser().parse_args(["review"]).host == "127.0.0.1"  # this machine only, by default
    client = TestClient(create_app(archive, token="s3cret"))
    assert client.get("/").status_code == 403
    assert client.get("/", params={"token": "wrong"}).status_code == 403
    assert client.get("/", params={"token": "s3cret"}).status_code == 200
    assert client.get("/").status_code == 200  # the cookie carries it from then on
    assert TestClient(create_app(archive, token="s3cret")).get("/", headers={"X-Gazette-Token": "s3cret"}).is_success


def test_corrections_are_checked_before_anything_is_written(archive):
    client = TestClient(create_app(archive))
    package = next(p for p in _packages(client.get("/").text) if p.startswith("documents/绍政发"))
    before = sorted(p.name for p in (archive / "packages" / package).parent.iterdir())

    def post(**form) -> int:
        body = "&".join(f"{k}={v}" for k, v in {"path": package, "article": "绍政发-2022-26", "who": "王", **form}.items())
        return client.post("/correct", content=body.encode(), follow_redirects=False,
                           headers={"content-type": "application/x-www-form-urlencoded"}).status_code

    assert post(field="date", before="2022-12-30", after="2022-02-30") == 400  # not a date
    assert post(field="docNumber", before="绍政发〔2022〕26号", after="26") == 400  # not the shape of a 文号
    assert post(field="docNumber", before="绍政发〔2022〕25号", after="绍政发〔2022〕27号") == 400  # stale
    assert "not a date" in client.post("/correct", content=f"path={package}&article=绍政发-2022-26&field=date&before="
                                       "2022-12-30&after=2022-13-01&who=王".encode(),
                                       headers={"content-type": "application/x-www-form-urlencoded"}).text
    assert sorted(p.name for p in (archive / "packages" / package).parent.iterdir()) == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """A fresh archive served by uvicorn on a free local port."""
    folder = tmp_path / "archive"
    for source in (NOTICE, PDF, SAMPLES / "003_fc2fbf8d995039f5.txt", SAMPLES / "ofd_gongwen_han_bengbu_2023.ofd",
                   SAMPLES / "gazette_guowuyuan_1999-01.docx"):
        assert archive_file(source, folder).status == "archived"
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(folder), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield folder, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_an_archivist_corrects_a_number_in_a_real_browser_and_reprocessing_keeps_it(served):
    """Open the list, open a package, correct its number, see the catalog
    change, process the file again with a new code version: the correction
    is kept. Screenshots for the README when ``GAZETTE_SCREENSHOTS`` names a folder."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium (.ci/run does)"
    folder, url = served
    shots = os.environ.get("GAZETTE_SCREENSHOTS")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(url)
        assert page.locator("#queue a.package").count() == 5
        if shots:
            page.screenshot(path=f"{shots}/review-queue.png")
        page.locator("#queue a.package", has_text="浙江省人民政府公报-2022-20").click()
        page.wait_for_selector("#page")  # the PDF's first page image
        repair = page.locator("tr.repair[data-box]").first
        repair.click()
        assert page.locator("#mark").is_visible()  # the line's place on the page
        if shots:
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=f"{shots}/review-package.png")
        form = page.locator("form.correct", has=page.locator("input[name=field][value=docNumber]")).first
        form.locator("input[name=after]").fill("浙政发〔2022〕21号")
        form.locator("input[name=who]").fill("王档案")
        form.locator("button").click()
        page.wait_for_selector("#corrections")
        assert page.locator("td.value[data-field=docNumber]").first.inner_text() == "浙政发〔2022〕21号"
        assert page.locator("#package-path").inner_text().endswith("-r2")
        with sqlite3.connect(folder / "catalog.sqlite") as db:
            numbers = {row[0] for row in db.execute("SELECT doc_number FROM catalog WHERE current = 1")}
        assert "浙政发〔2022〕21号" in numbers and "浙政发〔2022〕20号" not in numbers

        again = archive_file(PDF, folder, code_version="9.9.9")  # the next code version
        assert again.status == "archived"
        page.goto(url)
        page.locator("#queue a.package", has_text="浙江省人民政府公报-2022-20").click()
        assert page.locator("#package-path").inner_text().endswith("-v9.9.9-r2")
        assert page.locator("td.value[data-field=docNumber]").first.inner_text() == "浙政发〔2022〕21号"
        browser.close()
    assert verify_archive(folder) == []


def test_marking_a_package_reviewed_makes_a_version_the_queue_files_as_reviewed(tmp_path):
    folder = tmp_path / "archive"
    package = archive_file(NOTICE, folder).package
    client = TestClient(create_app(folder))
    form = f"path={package}&who=王档案".encode()
    answer = client.post("/reviewed", content=form, follow_redirects=False,
                         headers={"content-type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 303 and answer.headers["location"].endswith("-r2")
    assert [p.endswith("-r2") for p in _packages(client.get("/", params={"state": "reviewed"}).text)] == [True]
    assert _packages(client.get("/", params={"state": "to review"}).text) == []
    assert "王档案" in client.get("/package", params={"path": package + "-r2"}).text
    assert verify_archive(folder) == []


def test_an_archive_named_by_a_relative_path_takes_corrections(tmp_path, monkeypatch):
    """Before: ``gazette review archive`` (the default, relative) answered every
    correction with a crash: the package was found resolved, its new version
    was named under the relative archive path."""
    monkeypatch.chdir(tmp_path)
    package = archive_file(NOTICE, "archive").package
    client = TestClient(create_app(Path("archive")))
    answer = client.post("/reviewed", content=f"path={package}&who=王档案".encode(), follow_redirects=False,
                         headers={"content-type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 303 and answer.headers["location"].endswith("-r2")
    assert client.get("/package", params={"path": package + "-r2"}).status_code == 200
    assert verify_archive(Path("archive")) == []
