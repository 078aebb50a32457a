"""The CLI contract other tools rely on: sub-commands, flags, JSON fields and exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.cli import main


@pytest.fixture(scope="module")
def cli_index(mixed_corpus, tmp_path_factory):
    idx = tmp_path_factory.mktemp("cli-index")
    assert main(["ingest", str(mixed_corpus), "--index", str(idx)]) == 0
    return idx


def test_search_json_contract(cli_index, capsys):
    capsys.readouterr()
    assert main(["search", "2024年新能源汽车出口多少辆", "--index", str(cli_index), "--top-k", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert isinstance(hits, list) and len(hits) == 3
    for h in hits:
        assert {"source", "page", "text", "score"} <= set(h)
    assert hits[0]["source"] == "2024_产销快报.md" and "128.4" in hits[0]["text"]


def test_search_pdf_hit_has_page(cli_index, capsys):
    capsys.readouterr()
    main(["search", "人才缺口约100万人", "--index", str(cli_index), "--top-k", "1", "--json",
          "--source", "2025_人才缺口.pdf"])
    assert json.loads(capsys.readouterr().out)[0]["page"] == 1


def test_ingest_summary_and_reingest(cli_index, mixed_corpus, capsys):
    capsys.readouterr()
    assert main(["ingest", str(mixed_corpus), "--index", str(cli_index), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["files_indexed"] == 0 and summary["files_unchanged"] == summary["files_seen"]
    assert summary["ok"] is True and summary["failures"] == []


def test_sources_lists_chunk_counts(cli_index, capsys):
    capsys.readouterr()
    assert main(["sources", "--index", str(cli_index), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["source"] for r in rows} >= {"2024_产销快报.md", "2025_人才缺口.pdf"}
    assert all(r["chunks"] > 0 for r in rows)


def test_failed_file_gives_exit_1_and_names_it(tmp_path, capsys):
    (tmp_path / "ok.md").write_text("# 标题\n\n正文内容。\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    assert main(["ingest", str(tmp_path), "--index", str(tmp_path / ".idx")]) == 1
    err = capsys.readouterr().err
    assert "broken.pdf" in err and "损坏" in err


def test_missing_index_is_one_line_exit_2(tmp_path, capsys):
    assert main(["search", "x", "--index", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "不存在" in err[0]


def test_console_script_runs(cli_index):
    env = dict(os.environ, ASSISTANT_INDEX=str(cli_index))
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "充电设施", "--json", "--top-k", "1"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["source"]
