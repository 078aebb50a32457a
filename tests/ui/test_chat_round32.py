"""Chat round 32 (issue 11): a count unit's noun ("接待境外采购商的人次是多少" counts 采购商) must be said by the answering
sentence, its heading or its table caption (chat.yaml `unit_counted_question`; `unit_counted_noun`). A figure in the same
unit of another noun ("现场观众达350万人次") is refused (`counted`), however the file name names the asked noun.
- Colloquial "verb + 成" ("学历门槛降成啥了", "改成了什么名字") asks what the written "verb + 至 / 为" says (chat.yaml
  `alternates`: 降成 → 降至, 改成 → 更名为 …): the answering sentence carries the asked predicate (`carries_predicate`).
A small knowledge base of an invented industry (会展, 仓储物流), written for these tests; all fail on the code before round 32."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_会展周报_某江市全年接待境外采购商12万人次.txt": """某江市会展业2024年运行情况
2024年,某江市共举办各类专业展会86场,展览面积达到210万平方米。
现场观众达350万人次,比上年增长6%。
""",
    "2025_会展协会_某川市会展业年度报告.txt": """某川市会展业年度报告
2024年,某川市接待境外参展商4.2万人次,比上年增长15%。
""",
    "2025_物流招聘观察_仓储岗位门槛变化.txt": """仓储物流岗位招聘观察
部分企业放宽了招聘条件,例如某运物流2024年仓储主管岗招聘学历要求已从本科降至大专,起薪为4500元/月。
某运物流的《仓储作业手册》后续版本更名为《智慧仓储作业规范》,内容扩充到12章。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round32")


def test_unit_counted_noun():
    tok = default_tokenizer()
    assert chat.unit_counted_noun("某江市2024年接待境外采购商的人次是多少？", tok) == "采购商"
    assert chat.unit_counted_noun("2024年某川市参展企业人数有多少？", tok) == "企业"
    # no noun before the unit (a verb: 出游人次; a modifier: 现有人数), or no count unit asked
    assert chat.unit_counted_noun("2024年上半年国内出游人次是多少？", tok) == ""
    assert chat.unit_counted_noun("某公司展台设计师的现有人数是多少？", tok) == ""
    assert chat.unit_counted_noun("2024年某江市展览面积是多少？", tok) == ""


def test_another_nouns_figure_in_the_unit_is_refused(kb):
    q = "某江市2024年接待境外采购商的人次是多少？"
    assert "counted" in scored_row(kb, q, "现场观众达350万人次").refused
    assert "counted" in scored_row(kb, q, "接待境外参展商4.2万人次").refused
    assert not chat.answer(q, kb).grounded
    # the asked noun in the sentence: answered
    q = "某川市2024年接待境外参展商的人次是多少？"
    assert "counted" not in scored_row(kb, q, "接待境外参展商4.2万人次").refused
    ans = chat.answer(q, kb)
    assert ans.grounded and "4.2万人次" in ans.text


def test_colloquial_cheng_verbs_carry_the_predicate(kb):
    assert chat.carries_predicate({"降成"}, "学历要求已从本科降至大专")
    assert chat.carries_predicate({"改成"}, "后续版本更名为《智慧仓储作业规范》")
    assert not chat.carries_predicate({"降成"}, "起薪为4500元/月")
    q = "某运物流24年招仓储主管岗，学历门槛降成啥了？"
    assert "predicate" not in scored_row(kb, q, "降至大专").refused
    ans = chat.answer(q, kb)
    assert ans.grounded and "降至大专" in ans.text
