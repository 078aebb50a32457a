"""Window re-scoring from the units' stored vectors ("units"): no embedding at query time.

A tiny index with hand-made vectors: the fused ranking puts window 甲 first (its one unit that
matches the question ranks first by keyword), while every unit of window 乙 is close to the question's
vector; re-scoring from the stored vectors puts 乙 first.
"""
from __future__ import annotations

import numpy as np
import pytest

from assistant.config import Settings
from assistant.kb import KnowledgeBase, index_text, passages
from assistant.kb.embed import Embedder
from assistant.types import Chunk

DIM = 8
QUERY = "示例零件的年产量是多少"
# (heading, text, cosine with the query vector)
UNITS = [
    ("甲、说明", "示例零件年产量的统计口径见附表，产量按出厂数计。", 0.90),
    ("甲、说明", "附表另列各地区的企业名录和联系方式。", 0.10),
    ("甲、说明", "名录按企业注册地排序，仅供参考。", 0.10),
    ("乙、生产", "示例零件年产量为120万件，同比增长8%。", 0.86),
    ("乙、生产", "其中出口零件40万件，占三分之一。", 0.95),
    ("乙、生产", "全年产能利用率为82%，较上年提高3个百分点。", 0.85),
]
FILLER = ["会议纪要：讨论了校企合作的课程安排。", "工作简报：组织教师赴企业实践。", "通知：下周召开年度工作会议。",
          "培训记录：开展安全生产培训两次。"]


def unit_vector(cos: float, seed: int) -> np.ndarray:
    """A unit vector whose cosine with e0 is `cos` (the rest in a seeded direction orthogonal to e0)."""
    rest = np.random.default_rng(seed).standard_normal(DIM - 1)
    rest /= np.linalg.norm(rest)
    return np.concatenate([[cos], np.sqrt(1 - cos ** 2) * rest]).astype(np.float32)


class FixedEmbedder(Embedder):
    name, dim = "fixed", DIM

    def embed_query(self, text: str) -> np.ndarray:
        return np.eye(DIM, dtype=np.float32)[0]

    def embed_passages(self, texts):  # never called: the vectors are stored by the test
        raise AssertionError("re-scoring must not embed at query time")


@pytest.fixture()
def tiny_kb(tmp_path):
    kb = KnowledgeBase(Settings(index_dir=tmp_path))
    kb.embedding._embedder = FixedEmbedder()
    units = [(h, t, c) for h, t, c in UNITS] + [("其他", t, 0.0) for t in FILLER]
    chunks = [Chunk(id=f"u{i}", text=t, source="简报.md", title="示例简报", year=2024, page=None,
                    heading=f"示例简报 > {h}", file_type="md", position=i) for i, (h, t, _) in enumerate(units)]
    vecs = np.vstack([unit_vector(c, i) for i, (_, _, c) in enumerate(units)])
    kb.dense.upsert(chunks, vecs)
    con = kb.store.connect()
    with con:
        kb.store.replace_source(con, {"source": "简报.md", "sha256": "-", "title": "示例简报", "year": 2024,
                                      "file_type": "md"}, chunks, [kb.tokenizer.tokenize(index_text(c)) for c in chunks])
        kb.store.set_meta(con, "generation", "1")
    kb._refresh_keyword(force=True)
    return kb


def test_the_window_whose_units_match_better_wins(tiny_kb):
    plain = tiny_kb.search(QUERY, top_k=2, rerank="none")
    assert plain[0].heading.endswith("甲、说明")  # fused order: the single best unit's window first
    hits = tiny_kb.search(QUERY, top_k=2, rerank="units")
    assert hits[0].heading.endswith("乙、生产") and "120万件" in hits[0].text
    assert hits[0].score > plain[0].score - 1e-9  # the fused score plus the re-scoring bonus
    assert tiny_kb.search(QUERY, top_k=2)[0].chunk_id == hits[0].chunk_id  # the default


def test_unit_scores_are_best_and_mean_cosine_and_skip_missing_vectors():
    members = [Chunk(id=i, text="x", source="s", title=None, year=None, page=None, heading="", file_type="md",
                     position=k) for k, i in enumerate("abc")]
    p = passages.Passage(members[0], "x", 0, 2, 1.0, members=members)
    q = np.eye(DIM, dtype=np.float32)[0]
    best, mean = passages.unit_scores([p], q, {"a": unit_vector(0.2, 1), "b": unit_vector(0.8, 2)})
    assert best[0] == pytest.approx(0.8) and mean[0] == pytest.approx(0.5)
    [empty] = passages.rescore_units([passages.Passage(members[2], "x", 2, 2, 1.0, members=[members[2]])], q, {})
    assert empty.score == 1.0


def test_a_unit_with_figures_but_no_year_takes_the_one_year_of_its_heading_or_title():
    from assistant.kb.index import unit_years

    def unit(text, heading="", title="示例分析"):
        return Chunk(id="x", text=text, source="s", title=title, year=2025, page=None, heading=heading,
                     file_type="md", position=0)

    assert unit_years(unit("进口平均单价同比下降3.6%。", "示例分析 > 二、价格", "2024年示例分析")) == {"2024"}
    assert unit_years(unit("进口平均单价同比下降3.6%。", "二、2023年价格", "2024年示例分析")) == {"2023"}
    assert unit_years(unit("2022年出口增长5%。", title="2024年示例分析")) == {"2022"}  # its own year
    assert unit_years(unit("数据均引自年度发布。", title="2024年示例分析")) == set()  # no figures
    assert unit_years(unit("产量120万件。", title="2021—2025年示例统计")) == set()  # several years
