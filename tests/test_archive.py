"""The archive: BagIt packages, skip index, versions, quarantine, catalog, verify, locking;
what one bad file, a failing machine or a hostile inbox can do to a run."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import shutil
import sqlite3
import time
from pathlib import Path

import bagit
import pytest
from lxml import etree

from gazette import __version__
from gazette.archive import ArchiveLayout, Limits, archive_file, catalog, package, take
from gazette.archive.budget import OverBudgetError, run_limited
from gazette.archive.inbox import inbox_files
from gazette.archive.verify import verify_archive
from gazette.normalize import progress
from gazette.schemas import validate

from .conftest import SEEDS, document, sample_path
from .hostile import bomb_pdf, long_line


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


def _run(inbox, archive, version="0.1.0", limits=None):
    return {p.name: archive_file(p, archive, code_version=version, limits=limits) for p in inbox_files(inbox)}


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
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(package.bagit, "make_bag", crash)
    outcome = archive_file(sample_path("004"), tmp_path, code_version="0.2.0")
    assert (outcome.status, outcome.reason) == ("failed", "store: [Errno 5] Input/output error")
    after = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if ".staging" not in str(p))
    assert after == snapshot  # nothing quarantined, nothing marked done
    assert list((tmp_path / ".staging").iterdir()) == []


def _full_disk(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_quarantines_nothing_and_a_rerun_with_space_archives_everything(inbox, tmp_path, monkeypatch):
    """Before: good sources were quarantined as "store: [Errno 28]" and never
    archived again; a bad one made archive_file raise (its quarantine could not be written)."""
    archive = tmp_path / "archive"
    with monkeypatch.context() as full:
        full.setattr(Path, "write_bytes", _full_disk)  # the package files, the quarantine copy
        full.setattr(Path, "write_text", _full_disk)  # error.json
        on_full_disk = _run(inbox, archive)
    assert {o.status for o in on_full_disk.values()} == {"failed"}
    assert on_full_disk["002_5b2ac79b115885a4.txt"].reason == "store: [Errno 28] No space left on device"
    assert on_full_disk["binary.txt"].reason.startswith("quarantine: [Errno 28] No space left on device (while "
                                                        "setting aside: decode: binary or undecodable")
    assert not (archive / "quarantine").exists() and not (archive / "sources").exists()
    with_space = _run(inbox, archive)
    archived = {n for n, o in with_space.items() if o.status == "archived"}
    assert archived == {sample_path(s).name for s in SEEDS} | {"gbk.txt", "noise.txt"}
    assert {n for n, o in with_space.items() if o.status == "quarantined"} == {p.name for p in inbox.iterdir()} - archived
    assert verify_archive(archive) == []


def test_a_file_the_process_cannot_read_fails_for_this_run_only(tmp_path, monkeypatch):
    source = tmp_path / "locked.txt"
    shutil.copy(sample_path("004"), source)
    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path) == str(source):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    with monkeypatch.context() as locked:
        locked.setattr(take.os, "open", denied)
        first = archive_file(source, tmp_path / "archive")
    assert (first.status, first.reason) == ("failed", f"read: [Errno 13] Permission denied: '{source}'")
    assert not (tmp_path / "archive" / "quarantine").exists()
    assert archive_file(source, tmp_path / "archive").status == "archived"


def test_names_that_are_not_utf8_or_hold_control_characters_are_kept_and_shown_escaped(tmp_path):
    """Before: a GBK name made archive_file raise (bagit and error.json write
    UTF-8), and a control character got a good document quarantined."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    gbk = Path(os.fsdecode(bytes(inbox) + "/公告.txt".encode("gbk")))
    shutil.copy(sample_path("002"), gbk)
    bell = inbox / "通知\x07.txt"
    shutil.copy(sample_path("004"), bell)
    bad = Path(os.fsdecode(bytes(inbox) + "/坏.txt".encode("gbk")))
    bad.write_bytes(bytes(range(256)) * 8)
    outcomes = {o.source: o for o in (archive_file(p, tmp_path / "archive") for p in inbox_files(inbox))}
    assert {str(p): o.status for p, o in zip((gbk, bell, bad), map(outcomes.get, map(str, (gbk, bell, bad))))} == {
        str(gbk): "archived", str(bell): "archived", str(bad): "quarantined"}
    names = {etree.parse(str(xml)).find(".//{urn:gazette-archive:1}source").get("name")
             for xml in (tmp_path / "archive" / "packages").rglob("gazette.xml")}
    assert names == {"\\xb9\\xab\\xb8\\xe6.txt", "通知\\x07.txt"}
    error = json.loads((Path(outcomes[str(bad)].package) / "error.json").read_text("utf-8"))
    assert error["file"] == str(inbox) + "/\\xbb\\xb5.txt"
    assert (Path(outcomes[str(bad)].package) / bad.name).read_bytes() == bad.read_bytes()  # its own name, as bytes
    assert verify_archive(tmp_path / "archive") == []


def test_a_file_over_its_budget_is_quarantined_as_such_and_the_next_one_archived(tmp_path):
    """A single line of 1 MB (linear now, but seconds long) over a 1 s time
    limit, and a 6 KB PDF that inflates to 0.25 MiB of text operators (half a
    GB for pdfminer) over a 64 MiB memory limit."""
    line = tmp_path / "line.txt"
    line.write_text(sample_path("004").read_text("utf-8") + long_line("letter-spaced", 1 << 20) + "\n", "utf-8")
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(bomb_pdf(0.25))
    archive = tmp_path / "archive"
    over_time = archive_file(line, archive, limits=Limits(time_limit=1))
    over_memory = archive_file(bomb, archive, limits=Limits(memory_limit=64))
    assert (over_time.status, over_time.reason) == ("quarantined", "budget: over the time limit (1 s)")
    assert (over_memory.status, over_memory.reason) == ("quarantined", "budget: over the memory limit (64 MiB)")
    assert archive_file(sample_path("002"), archive, limits=Limits(time_limit=60, memory_limit=64)).status == "archived"
    assert archive_file(line, archive).status == "quarantined"  # judged once per code version


def _read_by_ocr(pages: int, seconds: float) -> int:
    """Stands for a scan's OCR: each page takes ``seconds`` and is reported read."""
    for seq in range(1, pages + 1):
        time.sleep(seconds)
        progress.page_read(seq)
    return pages


def test_each_page_read_by_ocr_gives_its_file_more_time():
    """Before: a 37-page scan (10–20 s a page) was over the 300 s of its
    file whatever the machine; now the limit is per file plus per OCR page."""
    assert run_limited(Limits(time_limit=1, ocr_page_time=1), _read_by_ocr, 4, 0.6) == 4
    with pytest.raises(OverBudgetError, match=r"^over the time limit \(1 s"):
        run_limited(Limits(time_limit=1, ocr_page_time=0.1), _read_by_ocr, 4, 0.6)


def test_inbox_symlinks_are_not_followed_nor_linked_folders_entered(inbox, tmp_path):
    """Before: a link to /etc/passwd was read and copied into the quarantine."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(sample_path("001"), outside / "secret.txt")
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "linked").symlink_to(outside)
    listed = inbox_files(inbox)
    assert inbox / "passwd.txt" in listed and inbox / "linked" in listed
    assert not any(outside.name in str(p) or p.parent.name == "linked" for p in listed)
    outcomes = _run(inbox, tmp_path / "archive")
    for name in ("passwd.txt", "linked"):
        assert (outcomes[name].status, outcomes[name].reason) == ("skipped", "a symbolic link: not followed")
    copies = [p.name for p in (tmp_path / "archive" / "quarantine").rglob("*") if p.is_file()]
    assert "passwd.txt" not in copies and "secret.txt" not in copies


def test_a_file_still_being_written_is_left_for_a_later_run(tmp_path, monkeypatch):
    """Before: a file copied in while the run read it became several partial packages."""
    source = tmp_path / "arriving.txt"
    source.write_bytes(sample_path("004").read_bytes()[:9000])
    archive = tmp_path / "archive"
    recent = archive_file(source, archive, limits=Limits(quiet_time=60))
    assert recent.status == "skipped" and recent.reason.endswith("(quiet time 60 s): left for a later run")
    old = time.time() - 120
    os.utime(source, (old, old))
    real_read = take._read

    def while_written(stream):
        read = real_read(stream)
        with open(source, "ab") as more:
            more.write(sample_path("004").read_bytes()[9000:])
        return read

    with monkeypatch.context() as writing:
        writing.setattr(take, "_read", while_written)
        during = archive_file(source, archive, limits=Limits(quiet_time=60))
    assert (during.status, during.reason) == ("skipped", "changed while it was read: left for a later run")
    os.utime(source, (old, old))
    assert archive_file(source, archive, limits=Limits(quiet_time=60)).status == "archived"
    assert len(ArchiveLayout(archive).package_dirs()) == 1 and not (archive / "quarantine").exists()


def test_abandoned_staging_of_a_dead_process_is_removed(tmp_path):
    layout = ArchiveLayout(tmp_path)
    dead = layout.staging / "999999999-abc"
    dead.mkdir(parents=True)
    assert package.remove_abandoned_staging(layout) == [dead] and not dead.exists()


def test_a_run_killed_before_a_pointer_is_renamed_leaves_the_archive_sound(tmp_path, monkeypatch):
    """Before: the pointer's temporary file was written beside it, in
    ``sources/<sha256>/``, so a kill between writing and renaming left a file
    there that ``verify`` read as a pointer "to a package which holds other
    bytes or another version" (seen once in CI, after SIGKILL mid-batch)."""
    archive = tmp_path / "archive"
    real_replace = os.replace

    def killed_at_the_source_pointer(source, target):
        if Path(target).parent.parent.name == "sources":
            raise KeyboardInterrupt  # the process dies here, before the rename
        real_replace(source, target)

    with monkeypatch.context() as dying:
        dying.setattr(package.os, "replace", killed_at_the_source_pointer)
        with pytest.raises(KeyboardInterrupt):
            archive_file(sample_path("004"), archive)
    layout = ArchiveLayout(archive)
    left = [p for p in layout.staging.iterdir() if p.suffix == ".tmp"]
    assert [p.name.split("-")[0] for p in left] == [str(os.getpid())]
    assert [p.is_dir() for p in (archive / "sources").rglob("*")] == [True]  # the source's folder, empty
    assert verify_archive(archive) == []
    assert archive_file(sample_path("004"), archive).status == "archived"  # no pointer yet: done again
    assert verify_archive(archive) == [] and len(layout.package_dirs()) == 1
    dead = left[0].rename(layout.staging / ("999999999-" + left[0].name.split("-", 1)[1]))
    assert package.remove_abandoned_staging(layout) == [dead] and not dead.exists()


def test_catalog_rebuild_keeps_the_old_catalog_when_a_package_cannot_be_read(tmp_path):
    """Before: rebuild deleted the catalog first, so one unreadable XML left it empty."""
    archive_file(sample_path("002"), tmp_path)
    broken = archive_file(sample_path("004"), tmp_path)
    layout = ArchiveLayout(tmp_path)
    before = _dump(layout)
    (tmp_path / "packages" / broken.package / "data" / "gazette.xml").write_bytes(b"<gazette")
    with pytest.raises(catalog.CatalogError, match=broken.package):
        catalog.rebuild(layout)
    assert _dump(layout) == before and len(before) == 2
    assert sorted(p.name for p in tmp_path.iterdir() if "catalog" in p.name) == ["catalog.sqlite"]


def test_verify_finds_a_flipped_byte_in_the_catalog(tmp_path):
    """Before: verify did not look at the catalog; ``catalog list`` showed what the flip made of it."""
    archive_file(sample_path("002"), tmp_path)
    database = tmp_path / "catalog.sqlite"
    data = bytearray(database.read_bytes())
    data[data.index("数字政府".encode())] ^= 0x01
    database.write_bytes(bytes(data))
    (problem,) = verify_archive(tmp_path)
    assert problem == f"{database}: the rows of documents/浙政发-2021-13/fb70b3f3283cf190-v{__version__} differ from its package"
    database.write_bytes(b"SQLite format 2" + bytes(data[15:]))
    (problem,) = verify_archive(tmp_path)
    assert problem.startswith(f"{database}: damaged (file is not a database")


def test_verify_checks_the_source_pointers_and_the_quarantine_records(inbox, tmp_path):
    archive = tmp_path / "archive"
    outcomes = _run(inbox, archive, version=__version__)
    assert verify_archive(archive) == []
    pointer = archive / "sources" / document("002").sha256 / __version__
    pointer.write_text(outcomes[sample_path("004").name].package + "\n", "utf-8")
    record = Path(outcomes["empty.txt"].package)
    (record / "empty.txt").write_bytes(b"not empty")
    assert verify_archive(archive) == [
        f"{pointer}: points to {archive / 'packages' / outcomes[sample_path('004').name].package}, "
        "which holds other bytes or another version",
        f"{record}: the copy of the input is missing or differs from its sha256",
    ]


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
