"""Knowledge-base integrity: unique source keys, encodings, short texts, the writer lock, the
consistency check and repair, a reader seeing another process's writes, batches, limits, links."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.kb import KnowledgeBase

from .conftest import run_cli_subprocess, snapshot


def new_kb(path: Path, **kw) -> KnowledgeBase:
    return KnowledgeBase(Settings(index_dir=path, **kw))


def test_same_file_name_in_two_folders_keeps_both(tmp_path, cli):
    for sub, text in (("2023", "2023年出口简报：整车出口120.3万辆。"), ("2024", "2024年出口简报：整车出口128.4万辆。")):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "出口简报.txt").write_text(text, encoding="utf-8")
    kb = new_kb(tmp_path / "idx")
    rep = kb.ingest([tmp_path / "in" / "2023" / "出口简报.txt", tmp_path / "in" / "2024" / "出口简报.txt"])
    assert rep.ok and rep.files_indexed == 2
    names = [s.source for s in kb.sources()]
    assert len(names) == 2 and "出口简报.txt" in names and "2024/出口简报.txt" in names
    texts = {h.text for h in kb.search("整车出口", top_k=5, mode="keyword")}
    assert any("120.3" in t for t in texts) and any("128.4" in t for t in texts)
    rc, out, _ = cli("sources", "--index", str(tmp_path / "idx"))
    assert rc == 0 and "2024/出口简报.txt" in out and out.count("出口简报.txt") == 2
    # Ingesting the same two files again changes nothing.
    rep = kb.ingest([tmp_path / "in" / "2023" / "出口简报.txt", tmp_path / "in" / "2024" / "出口简报.txt"])
    assert rep.files_unchanged == 2 and len(kb.sources()) == 2


def test_same_relative_path_from_two_folders_keeps_both(tmp_path):
    for root, n in (("a", "521"), ("b", "859.6")):
        (tmp_path / root).mkdir()
        (tmp_path / root / "充电.md").write_text(f"# 充电\n\n累计{n}万台。\n", encoding="utf-8")
    kb = new_kb(tmp_path / "idx")
    assert kb.ingest([tmp_path / "a", tmp_path / "b"]).ok
    assert sorted(s.source for s in kb.sources()) == ["b/充电.md", "充电.md"]


def test_big5_latin1_and_ambiguous_encodings(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "big5.txt").write_bytes("新能源汽車產業發展規劃\n\n二〇二五年電動車銷量達到一千二百萬輛，充電樁數量持續增加。"
                                 .replace("〇", "零").encode("big5"))
    (d / "latin1.txt").write_bytes("Rapport\n\nLe développement des véhicules électriques en France a été très "
                                   "rapide : à Paris, les bornes de recharge se multiplient.".encode("latin-1"))
    (d / "cp1250.txt").write_bytes("Rozwój pojazdów elektrycznych w Polsce jest szybki: w Łodzi i Gdańsku przybywa "
                                   "stacji ładowania.".encode("cp1250"))
    kb = new_kb(tmp_path / "idx")
    rep = kb.ingest([d])
    failures = {f.source: f.reason for f in rep.failures}
    assert "置信度低" in failures.get("cp1250.txt", ""), failures  # said so instead of indexing garbage
    assert "big5.txt" not in failures and "latin1.txt" not in failures
    big5 = kb.search("電動車銷量", top_k=1, mode="keyword")
    # decoded right, then read as Simplified like any Traditional text (textproc.clean_page_texts, READER_VERSION 3)
    assert big5 and "一千二百万辆" in big5[0].text
    latin = kb.search("véhicules électriques", top_k=1, mode="keyword")
    assert latin and "développement" in latin[0].text
    enc = dict(kb.store.connect().execute("SELECT source, encoding FROM sources").fetchall())
    assert enc["big5.txt"] == "big5" and enc["latin1.txt"] == "cp1252"


def test_txt_with_one_short_paragraph_is_accepted(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text("2024年出口128.4万辆。", encoding="utf-8")
    kb = new_kb(tmp_path / "idx")
    rep = kb.ingest([tmp_path / "in"])
    assert rep.ok, rep.failures
    assert kb.search("出口", top_k=1, mode="keyword")[0].text.startswith("2024年出口128.4万辆")


def test_second_writer_process_is_refused_while_the_first_writes(small_kb, small_docs):
    (small_docs / "c.md").write_text("# 新增\n\n新增资料。\n", encoding="utf-8")
    with small_kb.writing():  # this process is writing
        t0 = time.perf_counter()
        r = run_cli_subprocess("ingest", str(small_docs), "--index", str(small_kb.folder),
                               env={"ASSISTANT_LOCK_TIMEOUT": "1"})
        assert r.returncode == 2 and "正被另一个进程写入" in r.stderr, r.stderr
        assert time.perf_counter() - t0 < 60
    r = run_cli_subprocess("ingest", str(small_docs), "--index", str(small_kb.folder))
    assert r.returncode == 0, r.stderr


def test_reingest_repairs_orphaned_and_missing_vectors(small_kb, small_docs):
    ids = sorted(small_kb.store.all_ids())
    victim = ids[0]
    chunk = small_kb.store.get([victim])[victim]
    small_kb.dense.delete([victim])  # a rival's orphan cleanup deleted a committed vector
    ghost = chunk.__class__(**{**chunk.__dict__, "id": "ghost" + victim[5:]})
    small_kb.dense.upsert([ghost], small_kb.embedding.embedder.embed_passages(["幽灵"]))  # an orphan
    v = small_kb.verify()
    assert v["missing_vectors"] == 1 and v["orphan_vectors"] == 1
    rep = small_kb.ingest([small_docs])
    assert rep.files_unchanged == 2  # the files did not change …
    assert small_kb.verify() == {**small_kb.verify(), "missing_vectors": 0, "orphan_vectors": 0, "keyword_ok": True}
    assert victim in small_kb.dense.all_ids()  # … but the index was repaired
    hits = small_kb.search(chunk.text[:20], top_k=3, mode="dense")
    assert victim in [h.chunk_id for h in hits]


def test_verify_cli_repairs_a_broken_keyword_index(small_kb, cli):
    import shutil

    shutil.rmtree(small_kb.folder / "keyword")
    rc, out, _ = cli("verify", "--index", str(small_kb.folder))
    assert rc == 1 and "需重建" in out
    rc, out, _ = cli("verify", "--index", str(small_kb.folder), "--repair")
    assert rc == 0 and "已修复" in out
    rc, out, _ = cli("verify", "--index", str(small_kb.folder))
    assert rc == 0 and "多余向量 0，缺失向量 0" in out


def test_running_reader_sees_another_process_ingest_in_dense_search(small_kb, tmp_path):
    assert small_kb.search("充电", top_k=1, mode="dense")  # the server has its dense index open
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "氢能.md").write_text("# 氢燃料电池\n\n2024年燃料电池汽车销量5405辆，加氢站累计建成540座。\n", encoding="utf-8")
    r = run_cli_subprocess("ingest", str(extra), "--index", str(small_kb.folder))
    assert r.returncode == 0, r.stderr
    hits = small_kb.search("燃料电池汽车销量和加氢站", top_k=3, mode="dense")
    assert any(h.source == "氢能.md" for h in hits)


def test_large_file_is_committed_in_batches_and_resumes(tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    paras = [f"第{i}段：2024年某地新增充电桩{i * 7}台，服务车辆{i * 13}辆，覆盖{i}个县区。" * 3 for i in range(1, 31)]
    (d / "big.md").write_text("# 大文件\n\n" + "\n\n".join(paras), encoding="utf-8")
    kb = new_kb(tmp_path / "idx", commit_batch=4, chunk_size=120, chunk_overlap=20)
    calls = {"n": 0}
    real = kb.store.write_batch

    def crash_on_third(*a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl+C in the middle of the file
        return real(*a, **k)

    monkeypatch.setattr(kb.store, "write_batch", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        kb.ingest([d])
    kept = kb.store.count()
    assert kept == 8  # two batches of 4 survived the interruption
    assert kb.store.sources()["big.md"]["sha256"].startswith("partial:")
    monkeypatch.setattr(kb.store, "write_batch", real)
    embedded = []
    orig = kb.embedding.embedder.embed_passages
    monkeypatch.setattr(kb.embedding.embedder, "embed_passages", lambda t: embedded.extend(t) or orig(t))
    rep = kb.ingest([d])
    assert rep.ok and not kb.store.sources()["big.md"]["sha256"].startswith("partial:")
    total = kb.store.count()
    assert total > 8 and len(embedded) == total - 8  # the committed batches were not embedded again
    assert kb.verify()["missing_vectors"] == 0 and kb.verify()["orphan_vectors"] == 0


def test_per_file_limits_and_the_flags_that_raise_them(tmp_path, cli):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one_line.txt").write_text("".join(f"编号{i}" for i in range(5000)), encoding="utf-8")  # one line, many chunks
    (d / "rows.csv").write_text("a,b\n" + "".join(f"{i},{i}\n" for i in range(120)), encoding="utf-8")
    (d / "big.md").write_text("# 大\n\n" + "字" * 400_000, encoding="utf-8")
    idx = str(tmp_path / "idx")
    rc, _, err = cli("ingest", str(d), "--index", idx, "--max-chunks", "20", "--max-rows", "100",
                     "--max-file-size", "1mb")
    assert rc == 1
    assert "one_line.txt：分块过多" in err and "rows.csv：表格行数过多（120 行" in err and "big.md：文件过大" in err
    rc, _, err = cli("ingest", str(d / "rows.csv"), "--index", idx, "--max-rows", "1000")
    assert rc == 0, err


def test_symlink_out_of_folder_is_skipped_unless_asked(tmp_path, cli):
    outside = tmp_path / "secret.txt"
    outside.write_text("机密：内部口令资料。", encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.md").write_text("# 正常\n\n正常资料。\n", encoding="utf-8")
    os.symlink(outside, d / "link.txt")
    kb = new_kb(tmp_path / "idx")
    rep = kb.ingest([d])
    assert [s.source for s in kb.sources()] == ["ok.md"]
    assert any(f.source == "link.txt" and "--follow-links" in f.reason for f in rep.failures)
    kb2 = new_kb(tmp_path / "idx2", follow_links=True)
    assert kb2.ingest([d]).ok and "link.txt" in [s.source for s in kb2.sources()]
