"""The archive: BagIt packages, skip index, versions, quarantine, catalog, verify, locking."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3

import bagit
import pytest
from lxml import etree

from gazette import __version__
from gazette.archive import ArchiveLayout, archive_file, catalog, package
from gazette.archive.inbox import inbox_files
from gazette.archive.verify import verify_archive
from gazette.schemas import validate

from .conftest import SEEDS, document, sample_path


@pytest.fixture
def inbox(tmp_path):
    """The samples plus bad files: binary, empty, GBK-encoded (good), truncated,
    and readable text without any part of an official document (archived with warnings)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(sample_path(seed), folder)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gbk.txt").write_bytes(sample_path("004").read_text("utf-8").encode("gbk"))
    (folder / "truncated.txt").write_bytes(sample_path("002").read_bytes()[:5001])
    (folder / "noise.txt").write_text("这只是一段没有任何公文结构的文字\n" * 3, encoding="utf-8")
    (folder / "issue.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    return folder


def _run(inbox, archive, version="0.1.0"):
    return {p.name: archive_file(p, archive, code_version=version) for p in inbox_files(inbox)}


def test_batch_archives_good_files_quarantines_bad_ones_and_reruns_archive_nothing(inbox, tmp_path):
    archive = tmp_path / "archive"
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}
    first = _run(inbox, archive)
    archived = {sample_path(s).name for s in SEEDS} | {"gbk.txt", "noise.txt"}
    assert {n for n, o in first.items() if o.status == "archived"} == archived
    assert "not found: title, document number, signature, date" in " ".join(first["noise.txt"].warnings)
    reasons = {n: o.reason for n, o in first.items() if o.status == "quarantined"}
    assert set(reasons) == {"binary.txt", "empty.txt", "truncated.txt", "issue.pdf"}
    assert "damaged or truncated PDF" in reasons["issue.pdf"]
    assert "binary or undecodable" in reasons["binary.txt"] and "empty file" in reasons["empty.txt"]
    assert "truncated UTF-8" in reasons["truncated.txt"]
    error = json.loads((archive / "quarantine" / first["binary.txt"].package.split("/")[-1] / "error.json").read_text())
    assert (error["stage"], error["file"]) == ("decode", str(inbox / "binary.txt"))
    second = _run(inbox, archive)
    assert {o.status for o in second.values()} == {"skipped", "quarantined"}
    assert all("quarantined before" in o.reason for o in second.values() if o.status == "quarantined")
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before  # the inbox is never touched
    assert verify_archive(archive) == []


def test_package_is_a_valid_bag_with_original_xml_log_and_report(tmp_path):
    outcome = archive_file(sample_path("000"), tmp_path)
    folder = tmp_path / "packages" / outcome.package
    assert outcome.package == f"浙江省人民政府公报/2022/19/5a0ad6880b093e3f-v{__version__}"
    bagit.Bag(str(folder)).validate()
    data = folder / "data"
    assert (data / "source" / sample_path("000").name).read_bytes() == sample_path("000").read_bytes()
    validate(etree.parse(str(data / "gazette.xml")))
    log = [json.loads(line) for line in (data / "repairs.jsonl").read_text("utf-8").splitlines()]
    assert len(log) == len(document("000").repairs)
    assert json.loads((data / "report.json").read_text("utf-8"))["id"] == "浙江省人民政府公报-2022-19"
    assert (folder.parent / "current").read_text().strip() == folder.name


def test_new_code_version_keeps_history_and_becomes_current(tmp_path):
    old = archive_file(sample_path("002"), tmp_path, code_version="0.1.0")
    new = archive_file(sample_path("002"), tmp_path, code_version="0.2.0")
    again = archive_file(sample_path("002"), tmp_path, code_version="0.2.0")
    identity = tmp_path / "packages" / "documents" / "浙政发-2021-13"
    assert sorted(p.name for p in identity.iterdir()) == ["current", "fb70b3f3283cf190-v0.1.0", "fb70b3f3283cf190-v0.2.0"]
    assert (identity / "current").read_text().strip() == "fb70b3f3283cf190-v0.2.0"
    assert (old.status, new.status, again.status) == ("archived", "archived", "skipped")
    rows = catalog.articles(ArchiveLayout(tmp_path), catalog.Query(all_versions=True))
    assert sorted((r["code_version"], r["current"]) for r in rows) == [("0.1.0", 0), ("0.2.0", 1)]


def test_current_flag_stays_within_its_identity_folder(tmp_path):
    outcome = archive_file(sample_path("002"), tmp_path)
    layout = ArchiveLayout(tmp_path)
    original = tmp_path / "packages" / outcome.package
    lookalike = tmp_path / "packages" / "documents" / "浙政发_2021-13" / original.name  # "_" is a LIKE wildcard
    shutil.copytree(original, lookalike)
    with catalog.connect(layout) as connection:
        catalog.record(connection, layout, lookalike)
    rows = catalog.articles(layout, catalog.Query(all_versions=True))
    assert sorted((r["path"].split("/")[1], r["current"]) for r in rows) == [("浙政发-2021-13", 1), ("浙政发_2021-13", 1)]


def test_crash_while_building_leaves_the_archive_as_it_was(tmp_path, monkeypatch):
    archive_file(sample_path("004"), tmp_path, code_version="0.1.0")
    snapshot = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if ".staging" not in str(p))

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(package.bagit, "make_bag", crash)
    outcome = archive_file(sample_path("004"), tmp_path, code_version="0.2.0")
    assert outcome.status == "quarantined" and "disk full" in outcome.reason
    after = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                   if ".staging" not in str(p) and "quarantine" not in str(p))
    assert after == snapshot
    assert list((tmp_path / ".staging").iterdir()) == []


def test_abandoned_staging_of_a_dead_process_is_removed(tmp_path):
    layout = ArchiveLayout(tmp_path)
    dead = layout.staging / "999999999-abc"
    dead.mkdir(parents=True)
    assert package.remove_abandoned_staging(layout) == [dead] and not dead.exists()


def test_verify_finds_a_flipped_byte(tmp_path):
    outcome = archive_file(sample_path("002"), tmp_path)
    xml = tmp_path / "packages" / outcome.package / "data" / "gazette.xml"
    data = bytearray(xml.read_bytes())
    data[500] ^= 0x01
    xml.write_bytes(bytes(data))
    (problem,) = verify_archive(tmp_path)
    assert outcome.package in problem and "damaged" in problem and "gazette.xml" in problem


def test_catalog_lists_and_filters_and_rebuilds_the_same(inbox, tmp_path):
    archive = tmp_path / "archive"
    _run(inbox, archive)
    layout = ArchiveLayout(archive)
    everything = catalog.articles(layout, catalog.Query())
    assert len(everything) == 8 + 6 + 1 + 11 + 1 + 1  # 000…004 (current of 004 is the GBK copy), noise
    in_july = catalog.articles(layout, catalog.Query(date_from="2022-07-01", date_to="2022-07-31"))
    assert {r["doc_number"] for r in in_july} == {"浙政发〔2022〕20号", "浙政函〔2022〕102号", "浙政函〔2022〕103号",
                                                  "浙政函〔2022〕107号", "浙政函〔2022〕108号", "浙政函〔2022〕109号",
                                                  "浙政办发〔2022〕45号"}
    (one,) = catalog.articles(layout, catalog.Query(doc_number="浙政办函〔2021〕21号"))
    assert one["title"] == "浙江省人民政府办公厅关于舟山绿色石化基地区块拓展有关事项的复函"
    assert {r["year"] for r in catalog.articles(layout, catalog.Query(publication="人民政府公报"))} == {2019, 2022}
    incremental = _dump(layout)
    catalog.rebuild(layout)
    assert _dump(layout) == incremental


def _dump(layout):
    with sqlite3.connect(layout.catalog) as connection:
        return sorted(connection.execute("SELECT * FROM catalog").fetchall())


def _archive_all(args):
    inbox, archive = args
    return [archive_file(p, archive).status for p in inbox_files(inbox)]


def test_two_runs_at_once_archive_each_source_once(inbox, tmp_path):
    archive = tmp_path / "archive"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        runs = pool.map(_archive_all, [(inbox, archive)] * 2)
    archived = [status for run in runs for status in run].count("archived")
    assert archived >= 7  # each good source archived by one run or the other (or both, identically)
    pointers = list((archive / "sources").rglob(__version__))
    assert len(pointers) == 7
    assert len(ArchiveLayout(archive).package_dirs()) == 7
    assert verify_archive(archive) == []
