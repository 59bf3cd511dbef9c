"""The command line: ``explain`` (no Prefect) and ``process`` (the Prefect flow).

The flow test runs once, under one session-scoped Prefect test harness
(starting it costs 10–15 s).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from gazette.archive import Limits, take
from gazette.cli import EXIT_FAILED, NEEDS_SERVER, main

from .conftest import SAMPLES, sample_path


def test_explain_groups_repairs_by_rule_with_page_line_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["explain", str(sample_path("000"))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("000_5a95f0f51e0668fe.txt: ")
    assert "\ntypesetter_garbage (1)\n  1:4  «书书书» → (removed)\n" in out
    assert "15:791  «程␣１０３０␣５０␣米» → «程␣１０３０.５０␣米»  [guess]" in out
    assert "\nleader_dots (8)\n" in out
    assert list(tmp_path.iterdir()) == []


def test_explain_names_an_undecodable_file(tmp_path, capsys):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    assert main(["explain", str(bad)]) == 1
    assert f"{bad}: binary or undecodable" in capsys.readouterr().err


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_LOGGING_LEVEL="CRITICAL",
        PREFECT_SERVER_LOGGING_LEVEL="CRITICAL",
        PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED="false",
        PREFECT_RESULTS_LOCAL_STORAGE_PATH=str(home / "results"),
    )
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.mark.flow
def test_process_archives_good_files_and_quarantines_bad_ones(prefect_harness, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = [shutil.copy(sample_path(seed), inbox) for seed in ("002", "004")]
    bad = inbox / "binary.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    archive = tmp_path / "archive"
    status = main(["process", good[0], str(bad), good[1], "--archive", str(archive)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"{bad}: decode: binary or undecodable" in captured.err and "quarantine" in captured.err
    packages = sorted(p.parent.parent.name for p in (archive / "packages").rglob("bagit.txt"))
    assert packages == ["浙政发-2021-13", "绍政发-2022-26"]
    assert "浙政发-2021-13, 1 articles" in captured.out
    assert bad.read_bytes() == bytes(range(256)) * 8  # the input is never touched
    assert main(["process", good[0], "--archive", str(archive)]) == 0
    assert "already archived" in capsys.readouterr().out


@pytest.mark.flow
def test_inbox_flow_reports_as_artifact_and_file(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client

    from gazette.flows.process import process_inbox, runner_for

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sample_path("004"), inbox)
    (inbox / "empty.txt").write_bytes(b"")
    flow = process_inbox.with_options(task_runner=runner_for(workers=1))
    report = flow(str(inbox), str(tmp_path / "archive"), limits=None)
    assert report["counts"] == {"archived": 0, "skipped": 2, "quarantined": 0, "failed": 0}  # not quiet yet
    assert all(item["reason"].endswith("s ago (quiet time 60 s): left for a later run") for item in report["skipped"])
    old = os.path.getmtime(inbox / "empty.txt") - 120
    for path in inbox.iterdir():
        os.utime(path, (old, old))
    report = flow(str(inbox), str(tmp_path / "archive"))
    assert report["counts"] == {"archived": 1, "skipped": 0, "quarantined": 1, "failed": 0}
    markdown = Path(report["report_file"]).read_text(encoding="utf-8")
    assert "| 1 | 0 | 1 | 0 |" in markdown and "empty.txt`: decode: empty file" in markdown
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
    assert any(a.key == "gazette-inbox-report" and "empty.txt" in a.data for a in artifacts)


@pytest.mark.flow
def test_batch_goes_on_past_a_name_that_is_not_utf8_and_an_unreadable_file(prefect_harness, tmp_path, monkeypatch,
                                                                           capsys):
    """Before: the GBK name made the task raise, the flow died with a Prefect
    traceback and no run report was written. Run again, the archived files
    are skipped; with ``--force`` each gets a new package version."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sample_path("004"), inbox)
    gbk = os.fsdecode(bytes(inbox) + "/公告.txt".encode("gbk"))
    shutil.copy(sample_path("002"), gbk)
    locked = inbox / "locked.txt"
    locked.write_bytes(bytes(range(256)) * 8)
    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(take.os, "open", denied)
    archive = tmp_path / "archive"
    status = main(["batch", str(inbox), "--archive", str(archive), "--workers", "1", "--quiet-time", "0"])
    out = capsys.readouterr().out
    assert status == EXIT_FAILED
    assert "archived 2, skipped 0, quarantined 0, failed 1" in out
    assert f"failed: {locked}: read: [Errno 13] Permission denied" in out
    (report,) = (archive / "reports").glob("*.json")
    data = json.loads(report.read_text("utf-8"))
    assert {item["source"] for item in data["archived"]} == {str(inbox / sample_path("004").name),
                                                            f"{inbox}/\\xb9\\xab\\xb8\\xe6.txt"}
    assert not (archive / "quarantine").exists()  # the unreadable file is taken again by the next run
    locked.unlink()
    assert main(["batch", str(inbox), "--archive", str(archive), "--workers", "1", "--quiet-time", "0"]) == 0
    assert "archived 0, skipped 2, quarantined 0, failed 0" in capsys.readouterr().out  # archived: skipped
    assert main(["batch", str(inbox), "--archive", str(archive), "--workers", "1", "--quiet-time", "0", "--force"]) == 0
    assert "archived 2, skipped 0, quarantined 0, failed 0" in capsys.readouterr().out  # --force: new versions


def test_a_limit_out_of_range_is_refused_naming_it(capsys):
    assert main(["batch", "samples", "--memory-limit", "8"]) == 2
    assert capsys.readouterr().err.strip() == (
        "gazette: bad limit: setting 'memory_limit' must be between 64 and 1048576, got 8")


def test_serve_without_a_server_says_so_in_one_sentence(monkeypatch, capsys):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve"]) == 2
    assert capsys.readouterr().err.strip() == f"gazette: {NEEDS_SERVER}"


@pytest.mark.flow
def test_a_scan_in_the_inbox_is_archived_by_a_pool_worker_with_its_ocr_provenance(prefect_harness, tmp_path):
    """OCR runs inside ``archive_file`` in the inbox flow's process pool (two
    workers), as every source does; the scan is the bundled one's last page."""
    import pypdf
    from lxml import etree

    from gazette.flows.process import process_inbox, runner_for

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sample_path("004"), inbox)
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(SAMPLES / "scan_amac_334_p1_p4.pdf").pages[1])
    writer.write(inbox / "scan.pdf")
    flow = process_inbox.with_options(task_runner=runner_for(workers=2))
    report = flow(str(inbox), str(tmp_path / "archive"), limits=Limits(quiet_time=0))
    assert report["counts"] == {"archived": 2, "skipped": 0, "quarantined": 0, "failed": 0}
    (xml,) = [p for p in (tmp_path / "archive" / "packages").rglob("gazette.xml") if "scan.pdf" in p.read_text("utf-8")]
    ocr = etree.parse(str(xml)).find(".//{urn:gazette-archive:1}ocr")
    assert (ocr.get("page"), ocr.get("engine"), ocr.get("dpi")) == ("1", "rapidocr", "200")
