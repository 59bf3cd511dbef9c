"""Archive packages: original bytes, XML, repair log, manifest; atomic writes."""

from __future__ import annotations

import hashlib
import json

import pytest
from lxml import etree

from gazette.archive import archive_source, package
from gazette.normalize import SourceError
from gazette.schemas import validate

from .conftest import document, sample_path


def test_package_holds_original_xml_log_and_manifest(tmp_path):
    result = archive_source(sample_path("000"), tmp_path)
    folder = result.package
    original = folder / "source" / sample_path("000").name
    assert original.read_bytes() == sample_path("000").read_bytes()
    validate(etree.parse(str(folder / "gazette.xml")))
    log = [json.loads(line) for line in (folder / "repairs.jsonl").read_text("utf-8").splitlines()]
    assert len(log) == result.repairs == len(document("000").repairs)
    assert set(log[0]) == {"rule", "page", "line", "col", "before", "after", "certain", "op"}
    assert any(entry["rule"] == "restore_decimal_point" and entry["certain"] is False for entry in log)
    for line in (folder / "manifest-sha256.txt").read_text("utf-8").splitlines():
        digest, relative = line.split("  ")
        assert hashlib.sha256((folder / relative).read_bytes()).hexdigest() == digest


def test_processing_again_gives_the_same_package(tmp_path):
    first = archive_source(sample_path("004"), tmp_path)
    xml = (first.package / "gazette.xml").read_bytes()
    second = archive_source(sample_path("004"), tmp_path)
    assert second.package == first.package
    assert (second.package / "gazette.xml").read_bytes() == xml
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.package.name]


def test_failed_write_leaves_the_old_package_and_no_debris(tmp_path, monkeypatch):
    result = archive_source(sample_path("004"), tmp_path)
    before = {p: p.read_bytes() for p in result.package.rglob("*") if p.is_file()}

    def crash(folder, content):
        (folder / "gazette.xml").write_bytes(b"half written")
        raise OSError("disk full")

    monkeypatch.setattr(package, "_fill", crash)
    with pytest.raises(OSError, match="disk full"):
        archive_source(sample_path("004"), tmp_path)
    assert {p: p.read_bytes() for p in result.package.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [result.package.name]


def test_bad_source_writes_nothing(tmp_path):
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(bytes(range(256)))
    with pytest.raises(SourceError, match="bad.txt"):
        archive_source(bad, tmp_path / "archive")
    assert not (tmp_path / "archive").exists()
