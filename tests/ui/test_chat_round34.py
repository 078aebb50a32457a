"""Chat round 34 (issue 11): one member of a list asked, the list's total given.
- A list opened inside its clause by a verb (chat.yaml `group_lead_verbs`: 开设, 覆盖, 包括……) starts after that verb:
  "12所学校开设甲、乙等4个专业，在校生共3100人" lists 甲 and 乙, not "12所学校开设甲"; a question naming one member
  (甲) is not answered by the group's figure (`group_member`).
- A list a verb opens after the figure ("出口订单超40万吨，覆盖甲、乙、丙等市场") makes that figure the group's too.
A small knowledge base of an invented field (茶叶), written for these tests; both fail on the code before round 34.
"""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

AFTER = "全省12所职业院校开设茶艺服务、茶叶生产与加工等4个茶类专业,在校生共3100人,当年有820名毕业生进入茶企。"
BEFORE = "据某茶叶协会统计,2024年上半年,本省茶企出口订单签约已超40万吨,覆盖中亚、北非、西欧等重点市场。"
DOCS = {
    "2025_某省茶叶协会_茶产业人才与出口简报.txt": f"""茶产业人才与出口简报
{AFTER}
{BEFORE}
本省茶园面积达到360万亩,同比增长3%。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round34")


def test_member_of_a_verb_opened_list():
    member = "该省职业院校茶类专业在校生中，茶艺服务专业的在校生有多少人？"
    assert chat.group_member(member, AFTER) == "茶艺服务"
    assert chat.group_member("2024年上半年本省茶企的出口订单里，北非市场占了多少万吨？", BEFORE) == "北非"
    # the group asked, or no member named: the sentence is not refused
    assert chat.group_member("该省职业院校茶类专业一共有多少在校生？", AFTER) == ""
    assert chat.group_member("2024年上半年本省茶企出口订单签约了多少万吨？", BEFORE) == ""
    # the member's own figure in the sentence answers it
    assert chat.group_member("北非市场的订单有多少万吨？", "订单超40万吨,覆盖中亚、北非、西欧等市场,其中北非12万吨。") == ""


def test_member_question_not_answered_with_the_total(kb):
    q = "2024年上半年本省茶企的出口订单里，北非市场占了多少万吨？"
    assert "member" in scored_row(kb, q, "40万吨").refused
    ans = chat.answer(q, kb)
    assert not ans.grounded or "40万吨" not in ans.text
    q2 = "该省职业院校茶类专业在校生中，茶艺服务专业的在校生有多少人？"
    assert "member" in scored_row(kb, q2, "3100人").refused
    # the total asked is still answered
    assert "member" not in scored_row(kb, "2024年上半年本省茶企出口订单签约了多少万吨？", "40万吨").refused
