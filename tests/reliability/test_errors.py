"""One-line errors with exit 2 (no tracebacks), and a full disk during ingest."""
from __future__ import annotations

import errno
import time
from pathlib import Path

import pytest
import yaml

from assistant.errors import IndexError_

from .conftest import REPO, assert_one_line_error, snapshot


def outline(tmp_path: Path, **changes) -> Path:
    raw = yaml.safe_load((REPO / "assistant" / "outlines" / "talent-demand.yaml").read_text(encoding="utf-8"))
    for k, v in changes.items():
        if k == "target_chars":
            raw["sections"][0]["target_chars"] = v
        else:
            raw[k] = v
    p = tmp_path / "outline.yaml"
    p.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return p


@pytest.fixture()
def report_md(tmp_path) -> Path:
    p = tmp_path / "report.md"
    p.write_text("# 行业人才需求预测报告\n\n## 报告说明\n\n本报告依据问卷调研编制。\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("changes, needle", [
    ({"title": "{industry}{year}年{foo}报告"}, "{foo}"),
    ({"title": "{industry}报告{"}, "title 格式错误"),
    ({"target_chars": "很多"}, "target_chars"),
    ({"sections": []}, "sections 列表为空"),
])
def test_bad_outline_is_one_line_at_load(cli, tmp_path, report_md, empty_index, changes, needle):
    bad = outline(tmp_path, **changes)
    rc, _, err = cli("draft", "--report", "talent-demand", "--industry", "示例行业", "--index", str(empty_index), "--year", "2026",
                     "--outline", str(bad), "--out", str(tmp_path / "o.md"))
    assert_one_line_error(rc, err, needle)
    assert not (tmp_path / "o.md").exists()  # found before drafting, not after
    rc, _, err = cli("check", str(report_md), "--outline", str(bad))
    assert_one_line_error(rc, err, needle)


@pytest.mark.parametrize("year", ["1", "-5", "99999"])
def test_absurd_year_refused(cli, tmp_path, report_md, empty_index, year):
    rc, _, err = cli("draft", "--report", "talent-demand", "--industry", "示例行业", "--index", str(empty_index), f"--year={year}",
                     "--out", str(tmp_path / "o.md"))
    assert_one_line_error(rc, err, "2000–2100")
    rc, _, err = cli("check", str(report_md), f"--year={year}")
    assert_one_line_error(rc, err, "2000–2100")
    rc, _, err = cli("lists", "--data", str(REPO / "corpus/nev/data/survey_2025.xlsx"), "--out",
                     str(tmp_path / "l.xlsx"), f"--year={year}")
    assert_one_line_error(rc, err, "2000–2100")


def test_sane_year_accepted_by_check(cli, report_md):
    rc, _, err = cli("check", str(report_md), "--year", "2026", "--format", "json")
    assert rc in (0, 1), err


@pytest.mark.parametrize("content", [b"\x00garbage" * 500, b"SQLite format 3\x00" + b"\xff" * 4000])
@pytest.mark.parametrize("command", ["search", "sources"])
def test_corrupt_chunk_store_is_one_line(cli, tmp_path, content, command):
    idx = tmp_path / "idx"
    idx.mkdir()
    (idx / "chunks.sqlite").write_bytes(content)
    args = [command, "--index", str(idx)] if command == "sources" else [command, "电池", "--index", str(idx)]
    rc, _, err = cli(*args)
    assert_one_line_error(rc, err, "已损坏")


def test_mistyped_index_is_refused_not_created(cli, tmp_path, report_md):
    missing = tmp_path / "idnex"
    rc, _, err = cli("draft", "--report", "talent-demand", "--industry", "示例行业", "--index", str(missing), "--year", "2026",
                     "--out", str(tmp_path / "o.md"))
    assert_one_line_error(rc, err, "不存在")
    rc, _, err = cli("check", str(report_md), "--index", str(missing))
    assert rc == 2 and "不存在" in err and "Traceback" not in err
    assert not missing.exists()


# ------------------------------------------------------------------------------ disk full

def _more_docs(small_docs: Path) -> None:
    (small_docs / "c.md").write_text("# 人才简报\n\n2023年电池工程师岗位的人才供需比为0.16。\n", encoding="utf-8")
    (small_docs / "a.md").write_text("# 充电设施简报（修订）\n\n截至2023年底累计859.6万台。\n", encoding="utf-8")


def test_disk_full_before_write_stops_and_keeps_index(small_kb, small_docs, monkeypatch):
    import shutil as real_shutil

    from assistant.kb import stores

    before = snapshot(small_kb)
    _more_docs(small_docs)
    usage = real_shutil.disk_usage(small_kb.folder)
    monkeypatch.setattr(stores.shutil, "disk_usage", lambda p: usage._replace(free=1024))
    with pytest.raises(IndexError_, match="磁盘空间不足"):
        small_kb.ingest([small_docs])
    assert snapshot(small_kb) == before


def test_enospc_from_vector_store_stops_and_keeps_index(small_kb, small_docs, monkeypatch):
    before = snapshot(small_kb)
    _more_docs(small_docs)

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(small_kb.dense, "upsert", full)
    with pytest.raises(IndexError_, match="磁盘空间不足"):
        small_kb.ingest([small_docs])
    assert snapshot(small_kb) == before


def test_enospc_from_sqlite_commit_leaves_no_orphan_vectors(small_kb, small_docs, monkeypatch):
    import sqlite3

    before = snapshot(small_kb)
    _more_docs(small_docs)

    def full(*a, **k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(small_kb.store, "replace_source", full)
    with pytest.raises(IndexError_, match="磁盘空间不足"):
        small_kb.ingest([small_docs])
    assert snapshot(small_kb) == before


def test_hanging_upsert_is_stopped_by_the_watchdog(small_kb, small_docs, monkeypatch):
    from assistant.kb import index

    before = snapshot(small_kb)
    _more_docs(small_docs)
    monkeypatch.setattr(index, "UPSERT_TIMEOUT", 0.5)
    monkeypatch.setattr(small_kb.dense, "upsert", lambda *a, **k: time.sleep(30))
    t0 = time.perf_counter()
    with pytest.raises(IndexError_, match="写入向量库超时"):
        small_kb.ingest([small_docs])
    assert time.perf_counter() - t0 < 10
    assert snapshot(small_kb) == before


def test_disk_full_cli_is_one_line(cli, small_kb, small_docs, monkeypatch):
    import shutil as real_shutil

    from assistant.kb import stores

    _more_docs(small_docs)
    usage = real_shutil.disk_usage(small_kb.folder)
    monkeypatch.setattr(stores.shutil, "disk_usage", lambda p: usage._replace(free=1024))
    rc, _, err = cli("ingest", str(small_docs), "--index", str(small_kb.folder))
    err = "\n".join(x for x in err.splitlines() if "错误" in x or "Traceback" in x)  # progress bars go to stderr too
    assert_one_line_error(rc, err, "磁盘空间不足")


def test_really_small_disk_fails_with_a_message(small_docs, tmp_path):
    """A size-limited tmpfs (needs root; skipped elsewhere): the ingest stops with a message and
    the index stays readable."""
    import os
    import subprocess

    from .conftest import run_cli_subprocess

    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a size-limited tmpfs here")
    try:
        r = run_cli_subprocess("ingest", str(small_docs), "--index", str(mnt / "idx"))
        assert r.returncode == 2 and "磁盘空间不足" in r.stderr and "Traceback" not in r.stderr, r.stderr
        r = run_cli_subprocess("sources", "--index", str(mnt / "idx"))
        assert r.returncode == 0 and "共 0 个来源" in r.stdout, r.stderr
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
