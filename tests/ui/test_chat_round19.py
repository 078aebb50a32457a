"""Chat round 19 (issue 11): a corpus never tuned on (real web pages of a third industry).
- A two-digit year before a month ("23年5月") is a year (`expand_short_years`).
- The question's qualifier in its short form ("规上" for "规模以上") is in the sentence (`entity_ok`).
- For an amount, a sentence that gives the head only with another qualifier ("消费无人机") is not about the
  question's one, even under a title that names it (`ENTITY_RIVAL_OVER_FRAME`, tag `entity`).
- A count before the head ("4大场景", "100个岗位") is no rival qualifier of it (`entity_ok`).
- A list sentence is followed by its "其中" sentence that singles one item out when that covers nearly as much (`choose`).
- "某年最后一个月" is its December (`periods`); "第几版 / 第几届" needs a numbered one in the sentence (`ordinal_said`,
  tag `ordinal`).
- "哪四项任务" asks for four items: a sentence listing fewer and not saying "4项" does not answer
  (`asked_item_count`, `lists_count`, tag `items`).
A small knowledge base of an invented industry (植保无人机), written for these tests."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2023_植保无人机运行情况.md": """# 2023年植保无人机运行情况

2023年，全国规模以上植保无人机制造企业营业收入86.4亿元，同比增长12.5%，实现利润总额9.3亿元。
全国规模以上消费无人机制造企业营业收入41.2亿元，同比增长3.1%，实现利润总额2.6亿元。
""",
    "2024_低空植保发展方案.md": """# 低空植保发展方案解读

方案提出，到2027年把我国建成全球植保无人机应用示范地和作业服务高地。
方案部署了完善作业标准、培育飞防队伍、建设起降网点、推广精准施药等4项重点任务。
""",
    "2024_飞防岗位供需.md": """# 飞防岗位供需报告

报告发布的2024年下半年植保行业最缺人岗位排行显示，农资销售淡季用工平稳，“飞防作业员”“机体维修员”等岗位缺口加大。其中，飞防作业员的缺口更为突出。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round19")


def test_a_two_digit_year_before_a_month_is_a_year():
    assert chat.expand_short_years("23年5月一个月卖了多少架？") == "2023年5月一个月卖了多少架？"
    assert chat.expand_short_years("23年全年卖了多少架？") == "2023年全年卖了多少架？"
    # a duration followed by months is not a year
    assert chat.expand_short_years("合同期15年10个月，租金多少？") == "合同期15年10个月，租金多少？"


def test_a_short_form_of_the_qualifier_is_the_qualifier():
    tok = default_tokenizer()
    said = "全国规模以上工业企业的植保无人机产量为3.1万架。"
    assert chat.entity_ok([("规上", "企业")], said, "", tok)
    # another qualifier, and no form of the asked one: still refused
    assert not chat.entity_ok([("国有", "企业")], said, "", tok)


def test_a_rival_qualifier_in_the_sentence_outweighs_the_title():
    tok = default_tokenizer()
    said = "全国规模以上消费无人机制造企业实现利润总额2.6亿元。"
    title = "2023年植保无人机运行情况"
    q = "植保无人机制造企业赚了多少利润？"
    assert not chat.entity_ok([("植保", "无人机")], said, title, tok, q, amount=True)
    # not an amount, or the question names the rival too, or the sentence names the head bare: the title decides
    assert chat.entity_ok([("植保", "无人机")], said, title, tok, q, amount=False)
    assert chat.entity_ok([("植保", "无人机")], said, title, tok, "植保无人机和消费无人机的利润各是多少？", amount=True)
    assert chat.entity_ok([("植保", "无人机")], "全国无人机制造企业实现利润总额9.3亿元。", title, tok, q, amount=True)


def test_the_rival_sentence_does_not_answer_the_profit(kb):
    q = "23年规上植保无人机制造企业赚了多少利润？"
    assert "entity" in scored_row(kb, q, "2.6亿元").refused
    assert "entity" not in scored_row(kb, q, "9.3亿元").refused
    a = chat.answer(q, kb)
    assert "2.6亿元" not in a.text


def test_the_number_of_items_asked():
    assert chat.asked_item_count("方案部署了哪四项重点任务？") == 4
    assert chat.asked_item_count("岗位可以归为哪三大类？") == 3
    assert chat.asked_item_count("方案部署了哪些任务？") == 0
    assert chat.lists_count(4, "部署了甲、乙、丙、丁四项任务")
    assert chat.lists_count(4, "部署了甲、乙等4项任务")  # the count said
    assert not chat.lists_count(4, "建成示范地和服务高地")
    assert chat.lists_count(2, "建设体验中心和验证中心")


def test_a_sentence_listing_fewer_items_does_not_answer(kb):
    q = "低空植保发展方案部署了哪四项重点任务？"
    assert "items" in scored_row(kb, q, "示范地").refused
    assert "items" not in scored_row(kb, q, "精准施药").refused
    a = chat.answer(q, kb)
    assert "示范地" not in a.text


def test_a_group_counted_above_twelve_is_still_a_group():
    # "十三部门" names thirteen; the sentence lists three of them (round 18 read counts up to 十二 only)
    assert chat.counted_group_short("甲部、乙部、丙部等十三部门联合印发了方案")
    assert not chat.counted_group_short("甲部、乙部、丙部等三部门联合印发了方案")


def test_the_figure_of_a_change_belongs_to_the_asked_attribute():
    focus, attribute = {"增长", "同比增长"}, {"销量"}
    # the figure after 增长 is the investment's; the asked sales rose "sharply", with no figure
    assert chat.change_figure_elsewhere(focus, attribute, "行业投资增长8.2%；植保无人机销量同比大幅增长")
    # the attribute's own segment has the figure, or the segments cannot tell
    assert not chat.change_figure_elsewhere(focus, attribute, "行业投资增长8.2%，植保无人机销量同比增长15%")
    assert not chat.change_figure_elsewhere(focus, attribute, "植保无人机销量3.1万架；同比增长15%")
    assert not chat.change_figure_elsewhere(set(), attribute, "行业投资增长8.2%；植保无人机销量同比大幅增长")


def test_the_rest_of_a_list_comes_with_the_list(kb):
    q = "方案部署的任务里，除了完善作业标准、培育飞防队伍，还有哪些？"
    # the sentence of the tasks lists more than the two set aside
    assert "list" not in scored_row(kb, q, "精准施药").refused
    # a sentence naming neither of them lists something else, however many items it has
    assert "list" in scored_row(kb, q, "示范地").refused


def test_a_count_before_the_head_is_no_rival_qualifier():
    tok = default_tokenizer()
    assert chat.entity_ok([("重点", "场景")], "方案提出了播种、施肥、收获等3大场景。", "", tok)
    assert chat.entity_ok([("重点", "岗位")], "排行前100个岗位中，飞防作业员缺口最大。", "", tok)
    # a word before the head still is one
    assert not chat.entity_ok([("重点", "场景")], "方案提出了播种、施肥、收获等典型场景。", "", tok)


def test_the_sentence_that_singles_one_item_out_follows_the_list(kb):
    q = "2024年下半年植保行业最缺人岗位排行里，哪一飞防岗位的短缺尤为明显？"
    a = chat.answer(q, kb)
    assert a.grounded
    assert "飞防作业员的缺口更为突出" in a.text


def test_the_singling_out_sentence_may_cover_a_little_less(monkeypatch):
    listed = "排行显示，“飞防作业员”“机体维修员”等岗位缺口加大。"
    hit = SimpleNamespace(text=listed + "其中，飞防作业员的缺口更为突出。", title="飞防岗位供需报告", heading="",
                          source="2024_飞防岗位供需.md", keyword_rank=1, dense_rank=1)
    rows = [chat._Scored(listed, 0, 0.78, 1.8), chat._Scored(listed + "其中，飞防作业员的缺口更为突出。", 0, 0.75, 1.78)]
    monkeypatch.setattr(chat, "score_sentences", lambda *a, **k: [chat._Scored(**vars(r)) for r in rows])
    chosen, coverage, grounded = chat.choose("哪一岗位的短缺尤为明显？", [hit], None)
    assert chosen[0].sentence.endswith("更为突出。") and coverage == 0.78 and grounded
    # a continuation that singles nothing out, or covers much less, is not joined
    rows[1] = chat._Scored(listed + "同期，机体维修员的缺口也在加大。", 0, 0.75, 1.78)
    assert chat.choose("哪一岗位的短缺尤为明显？", [hit], None)[0][0].sentence == listed
    rows[1] = chat._Scored(listed + "其中，飞防作业员的缺口更为突出。", 0, 0.6, 1.7)
    assert chat.choose("哪一岗位的短缺尤为明显？", [hit], None)[0][0].sentence == listed


def test_the_last_month_of_a_year_is_december():
    assert "m:12" in chat.periods("2023年最后一个月植保无人机卖了多少架？")
    assert "m:12" not in chat.periods("2023年前三个月植保无人机卖了多少架？")
    # the December sentence passes the period check, the five-year total does not
    asked = chat.periods("2023年最后一个月的单月销量是多少？")
    assert chat.period_ok(asked, chat.periods("2023年12月，植保无人机销量3100架。"))
    assert not chat.period_ok(asked, chat.periods("“十四五”以来植保无人机累计销量42万架。"))


def test_a_page_asked_needs_a_page_said():
    assert chat.ordinal_asked("这篇报道刊发在哪天的第几版？") == "版"
    assert chat.ordinal_asked("这篇报道刊发在哪天？") == ""
    assert chat.ordinal_said("版", "《农机日报》（2024年05月16日 06 版）")
    assert chat.ordinal_said("届", "第十二届植保无人机博览会在南京开幕")
    assert not chat.ordinal_said("版", "本报南京5月15日电 记者从博览会上获悉")


def test_a_range_of_years_asked_needs_that_range():
    assert chat.span_ranges("工作一到两年的飞手月薪多少？") == {(1, 2)}
    assert chat.span_ranges("从2019年到2023年销量翻了一番") == set()  # calendar years, no range
    q = "工作一到两年的飞手，月薪一般多少？"
    said = "从业3-5年的飞手月薪约9000元，6-7年的约12000元。"
    assert not chat.span_ranges(q) <= chat.span_ranges(said)
    assert chat.span_ranges(q) <= chat.span_ranges("从业1~2年的飞手月薪约6000元。")


def test_a_two_digit_range_is_calendar_years(kb):
    # "19到23年" is 2019–2023 said colloquially: no range of years of experience is asked
    assert "number" not in scored_row(kb, "19到23年植保无人机企业利润总额多少？", "9.3亿元").refused
    assert "number" in scored_row(kb, "干了一到两年的植保无人机企业利润总额多少？", "9.3亿元").refused


def test_only_a_noun_before_the_head_outweighs_the_title():
    tok = default_tokenizer()
    title = "2023年植保无人机运行情况"
    q = "植保无人机企业今年打算新增多少架？"
    # a verb or an adjective before the head is no rival qualifier: the title still decides
    assert chat.entity_ok([("植保", "无人机")], "企业计划新增无人机约300架。", title, tok, q, amount=True)
    assert chat.entity_ok([("植保", "无人机")], "我国先进无人机产量达到3万架。", title, tok, q, amount=True)
    # of an amount, a count before the head is a figure of the bare head, still a rival; of a list it is none
    assert not chat.entity_ok([("作业", "岗位")], "平均约6个岗位争夺1名飞手。", "", tok, "作业岗位有多少个？", amount=True)
    assert chat.entity_ok([("作业", "岗位")], "排行前6个岗位中飞防作业员最缺。", "", tok, "哪一作业岗位最缺人？")


def test_a_region_before_the_head_is_no_rival():
    tok = default_tokenizer()
    title = "2023年植保无人机运行情况"
    q = "2023年江苏一省的植保无人机销量占全国多少？"
    assert chat.entity_ok([("植保", "销量")], "华东地区销量占全国的40%，其中江苏一省占比约15%。", title, tok, q, amount=True)


def test_the_rival_must_qualify_the_same_phrase():
    tok = default_tokenizer()
    title = "2023年植保无人机运行情况"
    q = "植保无人机制造企业赚了多少利润？"
    pairs = [("植保", "无人机"), ("无人机", "制造")]
    assert not chat.entity_ok(pairs, "全国消费无人机制造企业实现利润2.6亿元。", title, tok, q, amount=True)
    # the head goes on as another phrase (无人机专业): the title decides
    assert chat.entity_ok(pairs, "成员院校无人机专业毕业生就业率为61%。", title, tok, q, amount=True)
