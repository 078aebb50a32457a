"""Knowledge base: hybrid search, filters, incremental ingest, crash safety, the LangChain retriever."""
from __future__ import annotations

import shutil

import pytest

from assistant.config import Settings
from assistant.errors import IndexError_, InputError
from assistant.kb import KnowledgeBase
from assistant.kb.retrieve import fuse


@pytest.mark.parametrize("query,gold", [
    ("2024年新能源汽车产量是多少", "2024_产销快报.md"),
    ("截至2022年底充电桩总数", "2022_充电设施.txt"),
    ("动力电池装车量占全球多少", "2023_电池简报.docx"),
    ("新能源汽车人才缺口有多大", "2025_人才缺口.pdf"),
    ("智能网联汽车测试员是哪一年发布的新职业", "filler.md"),
])
def test_hybrid_finds_gold_source(mixed_kb, query, gold):
    hits = mixed_kb.search(query, top_k=3)
    assert gold in [h.source for h in hits]


def test_hits_carry_metadata(mixed_kb):
    hit = mixed_kb.search("智驾工程师供需比", top_k=5, sources=["2025_人才缺口.pdf"])[0]
    assert hit.source == "2025_人才缺口.pdf" and hit.page == 2 and hit.year == 2025
    assert hit.chunk_id and hit.score > 0 and "0.38" in hit.text


def test_year_and_source_filters(mixed_kb):
    hits = mixed_kb.search("新能源汽车", top_k=10, year_min=2024, year_max=2025)
    assert hits and all(2024 <= h.year <= 2025 for h in hits)
    hits = mixed_kb.search("新能源汽车", top_k=10, sources=["filler.md"])
    assert hits and {h.source for h in hits} == {"filler.md"}


@pytest.mark.parametrize("mode", ["keyword", "dense"])
def test_single_modes(mixed_kb, mode):
    hits = mixed_kb.search("充电基础设施累计数量", top_k=3, mode=mode)
    assert hits[0].source == "2022_充电设施.txt"


def test_bad_arguments_are_named(mixed_kb):
    with pytest.raises(InputError, match="top_k 必须大于 0，当前为 0"):
        mixed_kb.search("x", top_k=0)
    with pytest.raises(InputError, match="查询为空"):
        mixed_kb.search("  ")


def test_fusions_rank_shared_hits_first():
    kw = [("a", 9.0), ("b", 5.0), ("c", 1.0)]
    dn = [("b", 0.9), ("d", 0.8), ("a", 0.1)]
    assert fuse(kw, dn, "rrf")[0][0] in {"a", "b"}
    assert fuse(kw, dn, "weighted")[0][0] == "b"
    assert fuse(kw, [], "rrf") == kw
    with pytest.raises(ValueError):
        fuse(kw, dn, "max")


def test_incremental_reingest(mixed_corpus, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(mixed_corpus, docs)
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    first = kb.ingest([docs])
    assert first.ok and first.files_indexed == first.files_seen
    total = kb.count()

    again = kb.ingest([docs])
    assert again.files_indexed == 0 and again.files_unchanged == first.files_seen and kb.count() == total

    (docs / "filler.md").write_text("# 其他资料\n\n2025年底全国公共充电设施为471.7万台。\n", encoding="utf-8")
    (docs / "news.html").unlink()
    changed = kb.ingest([docs])
    assert changed.files_indexed == 1 and changed.files_removed == 1
    assert "news.html" not in {s.source for s in kb.sources()}
    assert kb.search("公共充电设施471.7万台", top_k=1)[0].source == "filler.md"
    assert not any("535万辆" in h.text for h in kb.search("新注册登记新能源汽车", top_k=10))
    assert kb.dense.count() == kb.count()  # no stale vectors left behind


def test_crash_mid_ingest_keeps_previous_index(mixed_corpus, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    shutil.copytree(mixed_corpus, docs)
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    kb.ingest([docs])
    before = kb.count()
    (docs / "filler.md").write_text("# 新版\n\n全新的内容：换电站数量。\n", encoding="utf-8")

    def boom(*a, **k):
        raise SystemExit("killed")  # like a kill between the vector write and the commit

    monkeypatch.setattr(kb.store, "replace_source", boom)
    with pytest.raises(SystemExit):
        kb.ingest([docs])
    monkeypatch.undo()

    reopened = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    assert reopened.count() == before
    assert reopened.search("公安部 新注册登记 535万辆", top_k=3)[0].source == "filler.md"  # old version served
    reopened.ingest([docs])  # the next ingest finishes the job and drops the orphans
    assert reopened.dense.count() == reopened.count()
    assert reopened.search("换电站数量 全新的内容", top_k=1)[0].source == "filler.md"


def test_failures_reported_and_rest_indexed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text("# 好文件\n\n2024年新能源汽车出口128.4万辆。\n", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    (docs / "notes.rtf").write_text("x")
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    report = kb.ingest([docs])
    assert not report.ok
    reasons = {f.source: f.reason for f in report.failures}
    assert set(reasons) == {"empty.txt", "bad.pdf", "notes.rtf"}
    assert "文件为空" in reasons["empty.txt"] and "不支持" in reasons["notes.rtf"]
    assert [s.source for s in kb.sources()] == ["good.md"]


def test_remove_source(mixed_corpus, tmp_path):
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    kb.ingest([mixed_corpus / "news.html", mixed_corpus / "filler.md"])
    assert kb.remove_source("news.html") > 0
    assert [s.source for s in kb.sources()] == ["filler.md"]
    with pytest.raises(InputError):
        kb.remove_source("news.html")


def test_other_embedder_on_same_index_is_refused(mixed_kb):
    with pytest.raises(IndexError_, match="嵌入模型"):
        KnowledgeBase(Settings(index_dir=mixed_kb.folder, embedder="/some/other/model"))


def test_langchain_retriever(mixed_kb):
    docs = mixed_kb.as_retriever(top_k=2).invoke("2024年新能源汽车出口")
    assert len(docs) == 2 and docs[0].metadata["source"] == "2024_产销快报.md"
    assert "128.4" in docs[0].page_content


def test_structured_tables_are_kept(mixed_kb):
    tables = mixed_kb.tables("2021-2025_产销表.xlsx")
    assert tables["产销"][0]["年份"] == "2021"
    assert mixed_kb.table_meta("2021-2025_产销表.xlsx")["产销"]["headers"][:2] == ["年份", "产量（万辆）"]
    from assistant.analysis.series import find_series_in_kb

    found = {(s.source, s.metric): s for s in find_series_in_kb(mixed_kb)[0]}
    assert found[("2021-2025_产销表.xlsx", "销量")].values[2025] == 1649.0
    assert found[("2021-2025_产销表.xlsx", "充电设施")].values == {2022: 521.0, 2025: 2009.2}  # "2022年底"


def test_changed_chunk_size_rechunks_unchanged_files(mixed_corpus, tmp_path):
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    kb.ingest([mixed_corpus / "filler.md"])
    small = KnowledgeBase(Settings(index_dir=tmp_path / "idx", chunk_size=60, chunk_overlap=0))
    report = small.ingest([mixed_corpus / "filler.md"])
    assert report.files_indexed == 1
    assert small.count() > 1 and all(len(c.text) <= 60 for c in small.store.get(small.store.chunk_ids("filler.md")).values())


def test_changed_reader_version_rereads_unchanged_files(mixed_corpus, tmp_path, monkeypatch):
    """An index built by an older way of reading files is read again (round 15: a stale cache kept a PDF
    paragraph cut in two after the reader had been mended)."""
    from assistant.kb import index as index_mod

    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    kb.ingest([mixed_corpus / "filler.md"])
    again = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    assert again.ingest([mixed_corpus / "filler.md"]).files_indexed == 0  # nothing changed
    monkeypatch.setattr(index_mod, "READER_VERSION", index_mod.READER_VERSION + "-next")
    newer = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    assert newer.ingest([mixed_corpus / "filler.md"]).files_indexed == 1
