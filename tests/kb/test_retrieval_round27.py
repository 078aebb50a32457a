"""Round 27: the windows shown are re-scored by how much of the question's keywords they hold
(passages.keyword_cover, weighted by the keyword index's idf), so a unit stating the answer without the
question's place word, which sits in the sentence before it, is not beaten by another document's unit
that repeats the words. Made-up documents of an imaginary bamboo-furniture industry."""
from __future__ import annotations

import numpy as np

from assistant.kb import passages
from assistant.kb.stores import KeywordIndex
from assistant.types import Chunk


def _passage(cid: str, source: str, text: str, score: float, title: str = "") -> passages.Passage:
    c = Chunk(id=cid, text=text, source=source, title=title, year=None, page=None, heading="",
              file_type="txt", position=0)
    return passages.Passage(c, text, 0, 0, score, members=[c])


class _Rows:
    """A chunk store stand-in for KeywordIndex.build: (id, source, year, tokens) rows."""

    def __init__(self, rows):
        self.rows, self.generation = rows, 1

    def all_rows(self):
        return iter(self.rows)


def test_idf_of_a_rare_token_is_above_that_of_a_common_one_and_unknown_tokens_are_left_out():
    kw = KeywordIndex(folder=None)
    kw.build(_Rows([("a", "s1", None, "竹椅 产量 增长"), ("b", "s2", None, "竹席 产量 下降"),
                    ("c", "s3", None, "竹椅 出口 产量"), ("d", "s4", None, "展会 举办")]))
    idf = kw.idf(["产量", "竹席", "产量", "茶具"])
    assert set(idf) == {"产量", "竹席"}  # a repeated token once, one the index lacks not at all
    assert idf["竹席"] > idf["产量"] > 0


def test_a_window_holding_all_the_question_words_covers_more_than_one_holding_the_common_ones():
    idf = {"赣南": 3.0, "竹家具": 2.0, "基地": 0.5, "面积": 0.5}
    whole = _passage("w", "甲", "赣南竹产业近年发展较快。然而，竹家具基地面积从8千亩缩减到2千亩。", 0.0)
    part = _passage("p", "乙", "全国竹家具基地面积统计口径说明。", 0.0)
    cover = passages.keyword_cover([whole, part], idf)
    assert np.isclose(cover[0], 1.0) and np.isclose(cover[1], 3.0 / 6.0)
    # the title is part of what is covered, as in the keyword index's text
    titled = _passage("t", "丙", "基地面积缩减。", 0.0, title="赣南竹家具调查")
    assert np.isclose(passages.keyword_cover([titled], idf)[0], 1.0)
    assert passages.keyword_cover([whole], {}).tolist() == [0.0]


def test_keyword_cover_reorders_close_windows_only_when_weighted():
    idf = {"赣南": 3.0, "竹家具": 2.0, "基地": 0.5, "面积": 0.5}
    rival = _passage("r", "乙", "全国竹家具基地面积统计口径说明。", 0.0320)
    gold = _passage("g", "甲", "赣南竹产业近年发展较快。然而，竹家具基地面积从8千亩缩减到2千亩。", 0.0315)
    assert [p.centre.id for p in passages.rescore_keywords([rival, gold], idf, weight=0.0)] == ["r", "g"]
    out = passages.rescore_keywords([rival, gold], idf, weight=0.002)
    assert [p.centre.id for p in out] == ["g", "r"]
    # a window far behind is not lifted past a clear leader by the coverage alone
    far = _passage("f", "甲", "赣南竹家具基地面积从8千亩缩减到2千亩。", 0.0200)
    lead = _passage("l", "乙", "全国竹家具基地面积统计口径说明。", 0.0320)
    assert [p.centre.id for p in passages.rescore_keywords([lead, far], idf, weight=0.002)] == ["l", "f"]
