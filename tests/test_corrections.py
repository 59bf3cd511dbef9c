"""Corrections survive: a new package version (the machine's kept), the
catalog follows, reprocessing reapplies them; reprocessing on purpose and
with other settings makes new versions."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import replace

import bagit
import pytest
from lxml import etree

from gazette.archive.corrections import Correction, CorrectionError, checked
from gazette.archive.ingest import archive_file
from gazette.archive.layout import ArchiveLayout
from gazette.archive.revise import reapply, revise
from gazette.archive.verify import verify_archive
from gazette.normalize import default_profile

from .conftest import SAMPLES

NS = {"g": "urn:gazette-archive:1"}
NOTICE = SAMPLES / "004_c58432d889cd2317.txt"
ARTICLE = "绍政发-2022-26"


def _fix(field: str, before: str, after: str, when: str = "2026-12-05T10:00:00") -> Correction:
    return Correction(ARTICLE, field, before, after, "archivist", when)


def _catalog(archive) -> list[tuple]:
    with sqlite3.connect(archive / "catalog.sqlite") as db:
        return db.execute("SELECT path, doc_number, date FROM catalog WHERE current = 1").fetchall()


@pytest.fixture
def archived(tmp_path):
    archive = tmp_path / "archive"
    outcome = archive_file(NOTICE, archive)
    assert outcome.status == "archived"
    return archive, ArchiveLayout(archive).packages / outcome.package


def test_a_correction_makes_a_new_version_and_the_machines_stays(archived):
    archive, machine = archived
    before = {p.relative_to(machine): p.read_bytes() for p in machine.rglob("*") if p.is_file()}
    revision = revise(ArchiveLayout(archive), machine, [_fix("docNumber", "绍政发〔2022〕26号", "绍政发〔2022〕27号"),
                                                        _fix("date", "2022-12-30", "2022-12-31")])
    corrected = ArchiveLayout(archive).packages / revision.package
    assert corrected.name == machine.name + "-r2" and corrected.parent == machine.parent
    assert {p.relative_to(machine): p.read_bytes() for p in machine.rglob("*") if p.is_file()} == before
    assert (machine.parent / "current").read_text().strip() == corrected.name
    root = etree.parse(str(corrected / "data" / "gazette.xml")).getroot()
    assert root.findtext("g:article/g:docNumber", namespaces=NS) == "绍政发〔2022〕27号"
    assert root.find("g:article/g:signature/g:date", NS).get("iso") == "2022-12-31"
    records = [json.loads(line) for line in (corrected / "data" / "corrections.jsonl").read_text().splitlines()]
    assert [(r["field"], r["before"], r["after"], r["who"]) for r in records] == [
        ("docNumber", "绍政发〔2022〕26号", "绍政发〔2022〕27号", "archivist"), ("date", "2022-12-30", "2022-12-31", "archivist")]
    assert [c.get("field") for c in root.iterfind("g:meta/g:correction", NS)] == ["docNumber", "date"]
    assert _catalog(archive) == [(str(corrected.relative_to(archive / "packages")), "绍政发〔2022〕27号", "2022-12-31")]
    bagit.Bag(str(corrected)).validate()
    assert verify_archive(archive) == []


def test_a_correction_that_does_not_find_its_value_or_is_malformed_writes_nothing(archived):
    archive, machine = archived
    with pytest.raises(CorrectionError, match="no longer says '绍政发〔2022〕25号'"):
        revise(ArchiveLayout(archive), machine, [_fix("docNumber", "绍政发〔2022〕25号", "绍政发〔2022〕27号")])
    with pytest.raises(CorrectionError, match="not a date"):
        checked("date", "2022-13-01")
    with pytest.raises(CorrectionError, match="not a package"):
        revise(ArchiveLayout(archive), archive / "packages" / ".." / "..", [_fix("type", "通知", "决定")])
    assert len(ArchiveLayout(archive).package_dirs()) == 1


def test_reprocessing_reapplies_the_corrections_and_reports_those_that_no_longer_apply(archived):
    archive, machine = archived
    revise(ArchiveLayout(archive), machine, [_fix("docNumber", "绍政发〔2022〕26号", "绍政发〔2022〕27号")])
    again = archive_file(NOTICE, archive, code_version="9.9.9")  # a new code version reads the file again
    assert again.status == "archived" and again.package.endswith("-v9.9.9-r2")
    layout = ArchiveLayout(archive)
    assert (layout.packages / again.package.replace("-r2", "") / "data" / "corrections.jsonl").exists() is False
    root = etree.parse(str(layout.packages / again.package / "data" / "gazette.xml")).getroot()
    assert root.findtext("g:article/g:docNumber", namespaces=NS) == "绍政发〔2022〕27号"
    assert verify_archive(archive) == []
    stale = _fix("title", "某个早已改掉的标题", "新标题")
    carried = reapply(layout, layout.packages / again.package.replace("-r2", ""), [stale])
    assert carried is not None and carried.stale == [stale] and carried.applied == []


def test_force_and_other_reading_settings_make_new_versions(tmp_path):
    archive, pdf = tmp_path / "archive", SAMPLES / "demo_tables.pdf"
    first = archive_file(pdf, archive)
    assert archive_file(pdf, archive).status == "skipped"
    forced = archive_file(pdf, archive, force=True)
    assert forced.status == "archived" and forced.package == first.package + "-r2"
    other = replace(default_profile(), pdf=replace(default_profile().pdf, footer_band=0.12))
    changed = archive_file(pdf, archive, other)
    assert changed.status == "archived" and changed.package == first.package + "-r3"
    assert archive_file(pdf, archive, other).status == "skipped"
    report = json.loads((archive / "packages" / changed.package / "data" / "report.json").read_text())
    assert report["settings"]["footer_band"] == 0.12
    assert verify_archive(archive) == []


def test_verify_finds_a_corrections_record_that_is_not_what_its_xml_carries(archived):
    archive, machine = archived
    revision = revise(ArchiveLayout(archive), machine, [_fix("type", "通知", "决定")])
    corrected = ArchiveLayout(archive).packages / revision.package
    record = corrected / "data" / "corrections.jsonl"
    record.write_text(record.read_text().replace("决定", "命令"))
    bagit.Bag(str(corrected)).save(manifests=True)  # fixity made to match: only the record check can tell
    assert verify_archive(archive) == [f"{corrected}: corrections.jsonl does not match the corrections its XML carries"]


def _article_chars(root) -> Counter:
    """The characters of the articles: their text and the printed numbers (``num``) they stand for."""
    text = "".join("".join(a.itertext()) + "".join(e.get("num", "") for e in a.iter()) for a in root.iterfind(
        "g:article", NS))
    return Counter(text.replace(" ", "").replace("\n", ""))


def test_an_item_split_where_it_starts_and_merged_back_keeps_every_character(tmp_path):
    archive = tmp_path / "archive"
    machine = ArchiveLayout(archive).packages / archive_file(SAMPLES / "001_1ef70020bcf50eb9.txt", archive).package
    layout = ArchiveLayout(archive)
    original = etree.parse(str(machine / "data" / "gazette.xml")).getroot()
    item = "浙政办发-2018-109"
    cut = revise(layout, machine, [Correction(item, "split", "对推进“最多跑一次”改革", f"{item}-2", "王", "2026-12-05T10")])
    root = etree.parse(str(layout.packages / cut.package / "data" / "gazette.xml")).getroot()
    ids = [a.get("id") for a in root.iterfind("g:article", NS)]
    assert ids[2:4] == [item, f"{item}-2"] and len(ids) == 7
    new = root.find(f"g:article[@id='{item}-2']", NS)
    assert "".join(new.find("g:title", NS).itertext()).startswith("一、对推进“最多跑一次”改革成效突出")  # its number too
    assert new.find("g:signature", NS) is not None and root.find(f"g:article[@id='{item}']/g:signature", NS) is None
    assert _article_chars(root) == _article_chars(original)
    with sqlite3.connect(archive / "catalog.sqlite") as db:
        assert f"{item}-2" in {r[0] for r in db.execute("SELECT article_id FROM catalog WHERE current = 1")}
    joined = revise(layout, layout.packages / cut.package,
                    [Correction(item, "merge", f"{item}-2", item, "王", "2026-12-05T11")])
    root = etree.parse(str(layout.packages / joined.package / "data" / "gazette.xml")).getroot()
    assert [a.get("id") for a in root.iterfind("g:article", NS)] == [a.get("id") for a in original.iterfind(
        "g:article", NS)]
    assert _article_chars(root) == _article_chars(original)
    assert verify_archive(archive) == []


def test_a_toc_entry_is_pointed_at_another_item(tmp_path):
    archive = tmp_path / "archive"
    machine = ArchiveLayout(archive).packages / archive_file(SAMPLES / "000_5a95f0f51e0668fe.txt", archive).package
    root = etree.parse(str(machine / "data" / "gazette.xml")).getroot()
    first, second = root.findall("g:toc/g:section/g:entry", NS)[:2]
    title, ref, other = "".join(first.find("g:title", NS).itertext()), first.get("ref"), second.get("ref")
    layout = ArchiveLayout(archive)
    with pytest.raises(CorrectionError, match="no longer says"):
        revise(layout, machine, [Correction(title, "tocRef", "其他", other, "王", "t")])
    moved = revise(layout, machine, [Correction(title, "tocRef", ref, other, "王", "t")])
    root = etree.parse(str(layout.packages / moved.package / "data" / "gazette.xml")).getroot()
    assert root.find("g:toc/g:section/g:entry", NS).get("ref") == other != ref
    assert verify_archive(archive) == []
