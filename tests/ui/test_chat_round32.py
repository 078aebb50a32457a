"""Chat round 32 (issue 11): question-side normalisation of colloquial and short forms.
- Colloquial "verb + 成" ("学历门槛降成啥了", "改成了什么名字") asks what the written "verb + 至 / 为" says (chat.yaml
  `alternates`: 降成 → 降至, 改成 → 更名为 …): the answering sentence carries the asked predicate (`carries_predicate`).
- Two question words joined as equals before the word they qualify ("仓储和配送环节") are also written as their first
  characters together with it ("仓配环节"; chat.yaml `coordinate_joiners`, `coordinate_pairs`): the sentence says them.
A small knowledge base of an invented industry (仓储物流), written for these tests; all fail on the code before round 32."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_物流招聘观察_仓储岗位门槛变化.txt": """仓储物流岗位招聘观察
部分企业放宽了招聘条件,例如某运物流2024年仓储主管岗招聘学历要求已从本科降至大专,起薪为4500元/月。
某运物流的《仓储作业手册》后续版本更名为《智慧仓储作业规范》,内容扩充到12章。
2024年末,某运物流仓配环节共有员工1260名,其中持证叉车司机210名。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round32")


def test_colloquial_cheng_verbs_carry_the_predicate(kb):
    assert chat.carries_predicate({"降成"}, "学历要求已从本科降至大专")
    assert chat.carries_predicate({"改成"}, "后续版本更名为《智慧仓储作业规范》")
    assert not chat.carries_predicate({"降成"}, "起薪为4500元/月")
    q = "某运物流24年招仓储主管岗，学历门槛降成啥了？"
    assert "predicate" not in scored_row(kb, q, "降至大专").refused
    ans = chat.answer(q, kb)
    assert ans.grounded and "降至大专" in ans.text


def test_coordinated_words_said_by_their_short_form(kb):
    terms = {"仓储": 1.0, "配送": 1.0, "环节": 1.0, "员工": 1.0}
    q = "某运物流的仓储和配送环节有多少名员工？"
    assert chat.coordinate_pairs(q, terms) == [("仓储", "配送", "环节")]
    assert chat.paraphrase_alternates(q, terms)["仓储"] == {"仓配环节"}
    # the short form alone may be another word (电气和机械 → 电机): only with the word the pair qualifies
    assert chat.paraphrase_alternates("电气和机械知识", {"电气": 1.0, "机械": 1.0, "知识": 1.0})["电气"] == {"电机知识"}
    assert chat.coordinate_pairs("进口和出口的数量是多少", {"进口": 1.0, "出口": 1.0, "数量": 1.0}) == []
    row = scored_row(kb, "2024年末某运物流的仓储和配送环节共有多少名员工？", "仓配环节")
    assert row.credits["仓储"] == 1.0 and row.credits["配送"] == 1.0
    ans = chat.answer("2024年末某运物流的仓储和配送环节共有多少名员工？", kb)
    assert ans.grounded and "1260" in ans.text
