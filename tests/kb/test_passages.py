"""Passages: the window around a retrieved unit, within its section, up to the passage length."""
from __future__ import annotations

from assistant.kb import passages
from assistant.kb.chunking import chunk_document
from assistant.kb.stores import ChunkStore
from assistant.types import Block, Chunk, LoadedDocument

SECTION_A = ["据统计，2024年示例产品产量为100万件。", "同比增长12.5%，增速较上年回落。", "其中出口30万件。",
             "出口占产量的三成。"]
SECTION_B = ["二、人才", "示例岗位的人才供需比为0.4。"]


def store_with_units(tmp_path) -> tuple[ChunkStore, list[Chunk]]:
    units = [(t, "示例简报 > 一、生产") for t in SECTION_A] + [(t, "示例简报 > 二、人才") for t in SECTION_B]
    chunks = [Chunk(id=f"c{i}", text=t, source="brief.md", title="示例简报", year=2024, page=None, heading=h,
                    file_type="md", position=i) for i, (t, h) in enumerate(units)]
    store = ChunkStore(tmp_path / "chunks.sqlite")
    con = store.connect()
    with con:
        store.replace_source(con, {"source": "brief.md", "sha256": "-", "title": "示例简报", "year": 2024,
                                   "file_type": "md"}, chunks, [["x"] for _ in chunks])
    return store, chunks


def test_passage_merges_neighbours_of_the_same_section_only(tmp_path):
    store, chunks = store_with_units(tmp_path)
    [p] = passages.build(store, [(chunks[1], 1.0, 1, 2)], max_chars=400)
    assert p.text == "\n".join(SECTION_A)  # before and after the hit, not the next section
    assert (p.first, p.last) == (0, 3) and p.centre.id == "c1"


def test_passage_length_is_bounded_and_grows_around_the_hit(tmp_path):
    store, chunks = store_with_units(tmp_path)
    limit = len(SECTION_A[1]) + len(SECTION_A[2]) + 1
    [p] = passages.build(store, [(chunks[1], 1.0, None, 1)], max_chars=limit)
    assert p.text == SECTION_A[1] + "\n" + SECTION_A[2]
    [alone] = passages.build(store, [(chunks[1], 1.0, None, 1)], max_chars=0)
    assert alone.text == SECTION_A[1]


def test_a_hit_inside_a_better_hits_passage_is_not_repeated(tmp_path):
    store, chunks = store_with_units(tmp_path)
    out = passages.build(store, [(chunks[0], 2.0, 1, 1), (chunks[2], 1.5, 2, 2), (chunks[5], 1.0, 3, 3)],
                         max_chars=400)
    assert [p.centre.id for p in out] == ["c0", "c5"]


def test_join_drops_a_repeated_overlap_and_a_repeated_table_header():
    assert passages._join("甲句。乙句。", "乙句。丙句。") == "甲句。乙句。丙句。"
    assert passages._join("表1：列A | 列B\n表1｜列A：1", "表1：列A | 列B\n表1｜列A：2") == \
        "表1：列A | 列B\n表1｜列A：1\n表1｜列A：2"


def test_a_thin_line_is_merged_into_the_next_unit():
    doc = LoadedDocument(source="a.md", path="a.md", title="示例简报", year=2025, file_type="md", blocks=[
        Block("示例简报", heading_path=["示例简报"], kind="heading"),
        Block("发布时间：2025年1月", heading_path=["示例简报"]),
        Block("一、生产", heading_path=["示例简报", "一、生产"], kind="heading"),
        Block("据统计，2024年示例产品产量为100万件，同比增长12.5%。", heading_path=["示例简报", "一、生产"])])
    chunks = chunk_document(doc, size=400, overlap=0)
    assert [c.text for c in chunks] == ["发布时间：2025年1月\n据统计，2024年示例产品产量为100万件，同比增长12.5%。"]
    assert chunks[0].heading == "示例简报 > 一、生产"


def test_search_returns_passages_with_the_same_fields(mixed_kb):
    hits = mixed_kb.search("2024年新能源汽车出口多少万辆", top_k=3)
    assert hits and "128.4万辆" in hits[0].text
    assert set(hits[0].to_dict()) == {"chunk_id", "text", "source", "title", "year", "page", "heading", "score",
                                      "keyword_rank", "dense_rank"}
    fragments = mixed_kb.search("2024年新能源汽车出口多少万辆", top_k=3, passage_chars=0)
    assert all(len(p.text) >= len(f.text) for p, f in zip(hits, fragments) if p.chunk_id == f.chunk_id)
