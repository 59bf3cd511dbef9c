"""The flows for real: a running ``prefect server start`` on loopback, a
killed batch, and a local Dask cluster with two workers.

One server is started for the module (≈5–15 s) and stopped at its end; the
commands run as subprocesses, as users run them. A batch killed on its own
(not its process group) runs with the embedded server, to see that nothing
it started outlives it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from gazette import __version__
from gazette.archive.verify import verify_archive

from .conftest import sample_path
from .local_server import local_prefect_server, quiet_environment

pytestmark = pytest.mark.flow
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Prefect server on loopback; yields the environment that uses it."""
    env = quiet_environment(tmp_path_factory.mktemp("server-home"))
    with local_prefect_server(env) as (api, _):
        yield {**env, "PREFECT_API_URL": api, "PREFECT_HOME": str(tmp_path_factory.mktemp("client-home"))}


def _inbox(folder: Path, copies: int) -> Path:
    """Distinct inputs: copies of the web samples, each with its own remark
    line, written long enough ago to be past the quiet time."""
    folder.mkdir()
    past = time.time() - 3600
    for n in range(copies):
        seed = ("002", "004")[n % 2]
        text = sample_path(seed).read_text("utf-8") + f"\n（第{n}份测试副本）\n"
        path = folder / f"{seed}-{n:03d}.txt"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (past, past))
    return folder


def _gazette(*args: str, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "gazette"), *args], env=env, capture_output=True, text=True, timeout=600, **kwargs)


def _catalog(archive: Path) -> list[tuple]:
    with sqlite3.connect(archive / "catalog.sqlite") as connection:
        return sorted(connection.execute(
            "SELECT id, article_id, title, doc_number, issuer, date, path, sha256 FROM catalog").fetchall())


def test_batch_runs_against_a_running_server(server, tmp_path):
    inbox = _inbox(tmp_path / "inbox", 4)
    (inbox / "empty.txt").write_bytes(b"")
    os.utime(inbox / "empty.txt", (time.time() - 3600,) * 2)
    done = _gazette("batch", str(inbox), "--archive", str(tmp_path / "archive"), env=server)
    assert done.returncode == 1, done.stderr  # some quarantined (before: 0)
    assert "archived 4, skipped 0, quarantined 1, failed 0" in done.stdout
    request = urllib.request.Request(f"{server['PREFECT_API_URL']}/flow_runs/filter", data=b"{}",
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        runs = response.read().decode()
    assert '"state_type":"COMPLETED"' in runs.replace(" ", "")


def test_killed_batch_then_rerun_leaves_each_source_exactly_once(server, tmp_path):
    inbox = _inbox(tmp_path / "inbox", 40)
    archive = tmp_path / "archive"
    running = subprocess.Popen([str(BIN / "gazette"), "batch", str(inbox), "--archive", str(archive), "--workers", "1"],
                               env=server, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((archive / "sources").glob(f"*/{__version__}"))) < 3:
        time.sleep(0.05)
    os.killpg(running.pid, signal.SIGKILL)  # mid-batch, no chance to clean up
    running.wait(timeout=30)
    archived_before = len(list((archive / "sources").glob(f"*/{__version__}")))
    assert 3 <= archived_before < 40
    rerun = _gazette("batch", str(inbox), "--archive", str(archive), env=server)
    assert rerun.returncode == 0, rerun.stderr
    assert f"archived {40 - archived_before}, skipped {archived_before}, quarantined 0" in rerun.stdout
    assert len(list((archive / "sources").glob(f"*/{__version__}"))) == 40
    assert len(list((archive / "packages").rglob("bagit.txt"))) == 40
    assert verify_archive(archive) == []
    assert not any(p.name[0].isdigit() for p in (archive / ".staging").iterdir())


def _session(leader: int) -> list[int]:
    """The processes of the session ``leader`` started (its own included)."""
    found = []
    for name in os.listdir("/proc"):
        with contextlib.suppress(OSError):
            if name.isdigit() and os.getsid(int(name)) == leader and _alive(int(name)):
                found.append(int(name))
    return found


def _alive(pid: int) -> bool:
    with open(f"/proc/{pid}/stat", "rb") as stat:
        return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"  # not a zombie waiting to be reaped


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_batch_leaves_no_worker_writing_and_no_server_behind(tmp_path, stop):
    """Before: after SIGKILL the pool's workers went on writing packages and
    the embedded server stayed (after SIGTERM the server stayed)."""
    inbox = _inbox(tmp_path / "inbox", 40)
    archive = tmp_path / "archive"
    embedded = quiet_environment(tmp_path / "home")  # no PREFECT_API_URL: the command starts its own server
    running = subprocess.Popen([str(BIN / "gazette"), "batch", str(inbox), "--archive", str(archive), "--workers", "2"],
                               env=embedded, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not list((archive / "sources").glob(f"*/{__version__}")):
        time.sleep(0.05)  # the workers are writing
    assert len(_session(running.pid)) >= 4  # the command, its server, two workers
    os.kill(running.pid, stop)  # the command alone, as the system's OOM killer or `kill` would
    running.wait(timeout=120)
    while time.monotonic() < deadline and _session(running.pid):
        time.sleep(0.1)
    assert _session(running.pid) == []
    packages = sorted(archive.rglob("bagit.txt"))
    time.sleep(2)
    assert sorted(archive.rglob("bagit.txt")) == packages and len(packages) < 40


def test_a_batch_with_two_workers_starts_one_embedded_server_not_one_per_worker(tmp_path):
    """Before: with ``PREFECT_API_URL`` unset each pool worker started its own
    Prefect server (three at once, 10 s and 200 MB each)."""
    inbox = _inbox(tmp_path / "inbox", 12)
    embedded = quiet_environment(tmp_path / "home")
    running = subprocess.Popen([str(BIN / "gazette"), "batch", str(inbox), "--archive", str(tmp_path / "archive"),
                                "--workers", "2"], env=embedded, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    servers, workers = set(), 0
    while running.poll() is None:
        processes = {pid: _command_line(pid) for pid in _session(running.pid)}
        servers |= {pid for pid, line in processes.items() if "uvicorn" in line}
        workers = max(workers, sum("multiprocessing" in line or "spawn" in line for line in processes.values()))
        time.sleep(0.1)
    assert running.returncode == 0
    assert workers >= 2 and len(servers) == 1


def _command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as found:
            return found.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def test_two_worker_dask_cluster_gives_the_same_archive(server, tmp_path, monkeypatch):
    from distributed import LocalCluster

    inbox = _inbox(tmp_path / "inbox", 6)
    single = _gazette("batch", str(inbox), "--archive", str(tmp_path / "single"), "--workers", "1", env=server)
    assert single.returncode == 0, single.stderr
    for key, value in server.items():
        monkeypatch.setenv(key, value)  # the cluster's workers report to the same server
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = _gazette("batch", str(inbox), "--archive", str(tmp_path / "dask"),
                           "--dask-address", cluster.scheduler_address, env=server)
        assert on_dask.returncode == 0, on_dask.stderr
        workers = len(cluster.scheduler_info["workers"])
    assert workers == 2
    assert "archived 6" in on_dask.stdout
    assert _catalog(tmp_path / "dask") == _catalog(tmp_path / "single")


def test_served_deployments_schedule_the_inbox_and_run_a_file_by_hand(server, tmp_path):
    inbox = _inbox(tmp_path / "inbox", 1)
    archive = tmp_path / "archive"
    serving = subprocess.Popen([str(BIN / "gazette"), "serve", "--inbox", str(inbox), "--archive", str(archive),
                                "--cron", "0 3 * * *"], env=server, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        source = next(inbox.iterdir())
        deadline = time.monotonic() + 120
        while True:
            run = subprocess.run([str(BIN / "prefect"), "deployment", "run", "process-file/manual",
                                  "--param", f"path={source}", "--watch", "--watch-timeout", "180"],
                                 env=server, capture_output=True, text=True, timeout=240)
            if run.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(1)  # the deployment is not registered yet
        assert run.returncode == 0, run.stdout + run.stderr
        assert len(list((archive / "packages").rglob("bagit.txt"))) == 1
        request = urllib.request.Request(f"{server['PREFECT_API_URL']}/deployments/filter", data=b"{}",
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            deployments = response.read().decode()
        assert '"name":"inbox"' in deployments.replace(" ", "") and "0 3 * * *" in deployments
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        serving.wait(timeout=60)
