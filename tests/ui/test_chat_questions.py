"""What a question asks for: answer type, qualified entity, and the parts of a two-part question."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import sample_tokenizer


@pytest.mark.parametrize("question, kind", [
    ("2024年新能源汽车销量是多少？", "amount"),
    ("出口规模有多大？", "amount"),
    ("绿牌车在新上牌汽车里占了几成？", "amount"),
    ("该共同体是什么时候成立的？", "date"),
    ("哪一年开始实施？", "date"),
    ("五星岗位有哪些？", "list"),
    ("报告通常包含哪几部分？", "list"),
    ("什么是求人倍率？", None),
    ("规模以上工业企业指什么？", None),
])
def test_expected_answer_type(question, kind):
    assert chat.expected_type(question) == kind


def test_answer_type_is_required_of_the_sentence():
    # a sales question is not answered by the date of the conference that announced the figure
    assert not chat.type_ok("amount", "协会于2025年1月13日召开发布会。", "", has_value=False)
    assert chat.type_ok("amount", "销量为1286.6万辆。", "", has_value=True)
    assert chat.type_ok("date", "共同体于7月29日成立。", "", has_value=False)
    assert chat.type_ok("date", "共同体在上海成立。", "2023年概况", has_value=False)
    assert not chat.type_ok("date", "共同体在上海成立。", "共同体概况", has_value=False)
    assert chat.type_ok("list", "五星岗位为自动驾驶定位工程师、电池工程师。", "", has_value=False)
    assert not chat.type_ok("list", "五星岗位最为紧缺。", "", has_value=False)


def test_the_question_qualifier_must_be_kept():
    tok = sample_tokenizer()
    df = {"工业": 5, "服务": 5}
    pairs = chat.qualifier_pairs("2024年工业机器人产量是多少？", tok, df)
    assert ("工业", "机器人") in pairs
    assert not chat.entity_ok(pairs, "服务机器人产量为1021.5万套。", "服务机器人产量为1021.5万套。")
    assert chat.entity_ok(pairs, "工业机器人产量为48.2万套。", "工业机器人产量为48.2万套。")
    # the qualifier named in the sentence's context (its heading) is enough
    assert chat.entity_ok(pairs, "其中机器人产量为48.2万套。", "一、工业机器人 其中机器人产量为48.2万套。")
    # the qualifier in the previous sentence is about that sentence's entity, not this one's
    said = "服务机器人销量为986.3万套。"
    assert not chat.entity_ok(pairs, said, "2023年机器人产业运行简报 二、市场与应用 " + said)
    # a paraphrase word the knowledge base does not know imposes nothing
    assert chat.qualifier_pairs("国产品牌在电动乘用车市场拿下了多大份额？", tok, {}) == []


@pytest.mark.parametrize("question, parts", [
    ("2022年新能源汽车市场占有率是多少？比上年提高了多少个百分点？",
     ["2022年新能源汽车市场占有率是多少？", "2022年新能源汽车市场占有率比上年提高了多少个百分点？"]),
    ("2022年新能源汽车产量和销量分别是多少？", ["2022年新能源汽车产量是多少？", "2022年新能源汽车销量是多少？"]),
    ("2024年工业机器人和服务机器人产量分别是多少？", ["2024年工业机器人产量是多少？", "2024年服务机器人产量是多少？"]),
    ("2023年汽车出口多少万辆，以及新能源汽车出口多少万辆？", ["2023年汽车出口多少万辆", "2023年新能源汽车出口多少万辆？"]),
    ("2025年新能源汽车产销同比分别增长多少？", ["2025年新能源汽车产销同比分别增长多少？"]),
    ("什么是求人倍率？", ["什么是求人倍率？"]),
])
def test_two_part_questions_are_split(question, parts):
    assert chat.split_question(question, sample_tokenizer()) == parts


def test_short_forms_are_recognised():
    assert chat.abbreviates("智驾", "智能驾驶工程师的人才供需比")
    assert chat.abbreviates("封测", "封装测试业销售额")
    assert chat.abbreviates("新能源车", "新能源汽车销量")
    assert not chat.abbreviates("智驾", "智能网联汽车驾驶辅助")  # too far apart to be a short form
    assert not chat.abbreviates("光伏", "新能源汽车销量")


def test_the_unit_asked_for():
    assert chat.asked_unit("2024年全国集成电路产量是多少亿块？") == "亿块"
    assert chat.asked_unit("2023年汽车整车出口了多少辆？") == "辆"
    assert chat.asked_unit("成立时有多少家企业参加？") == "家"
    assert chat.asked_unit("2023年芯片产量恢复到多少了？") == ""
    assert chat.asked_unit("大基金三期一共有多少个股东？") == ""
    assert chat.asked_unit("2021年封测这块卖了多少钱？") == ""


@pytest.mark.parametrize("text, found", [
    ("2024年前8个月，出口额7360.4亿元", {"cum:8"}),
    ("2025年1—7月，销量775.99万辆", {"cum:7"}),
    ("2024年第一季度，产量184.6GWh", {"q:1"}),
    ("2024年头一个季度，车用电池一共造出来多少？", {"q:1"}),
    ("2022年上半年产量1661亿块；其中6月当月产量288亿块", {"h:上", "m:6"}),
    ("据《人民日报》2023年1月23日报道，2022年出口67.9万辆", set()),
    ("2023年全年销量", set()),
])
def test_periods_within_a_year(text, found):
    assert chat.periods(text) == found


def test_the_period_asked_for_must_be_the_one_given():
    # the whole year asked, a quarter given
    assert not chat.period_ok(set(), {"q:1", "m:3"}, "2024年一季度产量981亿块，3月单月产量362亿块。")
    assert chat.period_ok(set(), set(), "2024年产量为1288.8万辆。")
    assert chat.period_ok(set(), {"m:7"}, "据央视2025年7月报道，供需比仅为0.38。")  # a report date
    assert chat.period_ok(set(), {"h:上"}, "全年产量3514亿块，其中上半年1600亿块。")
    # a month asked: the months up to it are not that month
    assert not chat.period_ok({"m:8"}, {"cum:8"}, "前8个月出口额7360.4亿元。")
    assert chat.period_ok({"m:8"}, {"m:8"}, "8月当月出口额951.8亿元。")


def test_the_asked_for_attribute_must_be_said():
    df = {"产量": 3, "出口": 3, "供需比": 2}
    assert not chat._mentions_focus({"产量"}, "纯电动汽车销量536.5万辆，反映出对插电混动产品的偏好。", df)
    assert chat._mentions_focus({"产量"}, "产销分别完成958.7万辆和949.5万辆。", df)
    assert not chat._mentions_focus({"供需比"}, "维修技师数量不足10万人，售后人员供给不足。", df)
    # a colloquial word the knowledge base does not know imposes nothing
    assert chat._mentions_focus({"造出来"}, "动力电池累计产量184.6GWh。", df)


def test_a_rival_qualifier_in_the_sentence_outweighs_the_context():
    tok = sample_tokenizer()
    pairs = chat.qualifier_pairs("2023年集成电路出口金额是多少亿美元？", tok, {"出口": 3, "集成电路": 3})
    row = "年份：2023；进口金额（亿美元）：3494"
    assert not chat.entity_ok(pairs, row, "2021—2024年集成电路进出口金额", tok)
    assert chat.entity_ok(pairs, "年份：2022；出口金额（亿美元）：1539", "进出口金额", tok)
    # the qualifier as a word of the title still names the sentence's subject
    pairs = chat.qualifier_pairs("国家集成电路产业投资基金三期要存续到什么时候？", tok, {"国家": 3, "产业": 3})
    said = "三期基金存续期为15年，更符合集成电路产业投入大、周期长的规律。"
    assert chat.entity_ok(pairs, said, "国家集成电路产业投资基金三期", tok)


def test_no_unit_is_read_from_a_noun():
    assert chat.asked_unit("2022年这一年新冒出来多少充电设施？") == ""
    assert chat.asked_unit("2023年动力电池产量是多少GWh？") == "GWh"


def test_the_attribute_of_a_change_is_required():
    tok = sample_tokenizer()
    assert chat.attribute_terms("2023年新能源汽车销量同比增长多少？", tok) == {"销量"}
    assert chat.attribute_terms("2022年新能源汽车出口多少万辆？", tok) == set()
    focus = chat.focus_terms("2023年新能源汽车销量同比增长多少？", tok)
    assert chat.change_ok(focus, "产销分别完成958.7万辆和949.5万辆，同比分别增长35.8%和37.9%。")
    assert not chat.change_ok(focus, "新能源汽车业务成为用人需求增长的主要来源，渗透率达到31.6%。")
    assert chat.change_ok({"比重"}, "销量占新车总销量的40.9%。")  # a share is not a change


def test_an_attribute_asked_of_an_owner_needs_the_owner():
    tok = sample_tokenizer()
    pairs = chat.possessive_pairs("2022年存储器的贸易逆差有多少？", tok, {"存储器": 2, "贸易逆差": 3})
    assert pairs == [("存储器", "贸易逆差")]
    assert not chat.owner_ok(pairs, "全年集成电路贸易逆差为2262.4亿美元。", set())
    assert chat.owner_ok(pairs, "存储器贸易逆差310亿美元。", set())
    assert chat.owner_ok(pairs, "贸易逆差310亿美元。", {"存储器"})  # named by its heading


def test_unknown_nouns_must_be_named():
    assert chat._known_compound("企业亏损", {"企业": 3, "亏损": 1})
    assert not chat._known_compound("编码", {"编": 1})
    assert chat.unknown_found({"理事", "理事长"}, "共同体理事长单位为某公司")
    assert not chat.unknown_found({"理事", "理事长"}, "共同体由某公司牵头")
    assert chat.unknown_found({"智驾"}, "智能驾驶工程师")


def test_an_unknown_noun_said_in_other_words(monkeypatch):
    assert chat.morpheme_cover("牌子", {"国产", "品牌", "快递车"})
    assert chat.morpheme_cover("工信部", {"工业和信息化部"})
    assert not chat.morpheme_cover("进口", {"出口", "货物出口"})  # a sibling: another thing
    assert not chat.morpheme_cover("理事长", {"理事会", "成员"})
    assert not chat.morpheme_cover("理事长", {"长三角", "成员"})  # one character of three
    assert chat.unknown_found({"牌子"}, "国产品牌快递车占六成", words={"国产", "品牌", "快递车"})
    monkeypatch.setattr(chat, "SYNONYMS", {})  # (round 7 lists 牌子 / 品牌 as near-synonyms)
    assert not chat.unknown_found({"牌子"}, "国产品牌快递车占六成")  # without the sentence's words


def test_parts_of_a_question_word_carry_no_content():
    terms = chat.term_weights("快递员是不是很难招，缺口多少？", object())[0]
    assert "不是" not in terms and "是不是" not in terms and "缺口" in terms


def test_profile_aliases_read_as_the_industry_name():
    from assistant.profile import Profile

    tok = sample_tokenizer()
    canon = chat.canonicalizer(Profile(industry="集成电路", aliases=("芯片",)), tok)
    assert canon("芯片设计、封测这些企业") == "集成电路设计、封测这些企业"
    assert canon("国内芯片产量") == "国内集成电路产量"
    assert chat.canonicalizer(None, tok)("芯片设计") == "芯片设计"


def test_pipe_table_rows_become_sentences():
    text = ("据统计，2021年销售额为10458.3亿元。分环节看：\n环节 | 2021年销售额（亿元） | 同比增长（%）\n"
            "设计业 | 4519 | 19.6\n封装测试业 | 2763 | 10.1\n年份 | 产量（亿块）\n2023 | 3514.4\n2024 | —\n")
    out = chat.split_sentences(text)
    assert "分环节看｜环节：封装测试业；2021年销售额（亿元）：2763；同比增长（%）：10.1" in out
    assert "年份：2023；产量（亿块）：3514.4" in out
    assert "年份：2024" in out  # a missing value is left out, not read as a figure
    assert not any("|" in s for s in out)


def test_splitting_accidents_are_not_unknown_words():
    assert chat._straddles("年头", "2024年头一个季度，车用电池一共造出来多少？")
    assert chat._straddles("共产", "2021年国内芯片一共产了多少？")
    assert chat._straddles("计是", "2024年集成电路出口额按人民币计是多少？")
    assert not chat._straddles("编码", "智能网联汽车测试员的国家职业编码是什么？")
    assert not chat._straddles("理事长", "长三角产教融合共同体的理事长单位是哪家企业？")


def test_the_value_is_given_in_the_unit_asked_for():
    assert chat.asked_unit("国家职业标准对高级等级要求几年工作经历？") == "年"
    assert not chat.unit_ok("年", "2021年11月，两部门颁布7个国家职业技术技能标准", "")
    assert not chat.unit_ok("年", "属于《职业分类大典（2015年版）》第二大类", "")
    assert chat.unit_ok("辆", "全年汽车整车出口522.1万辆", "")
    assert chat.unit_ok("万辆", "年份：2021；新能源汽车产量（万辆）：354.5", "")
    assert chat.unit_ok("亿块", "年份：2023；产量：3514.4", "注：单位：亿块")


def test_a_year_only_compared_with_is_not_the_sentences_own_year():
    """约为2020年的1.6倍 says nothing of 2020's value; 比2023年的949.5万辆 does state it."""
    from assistant.chat import _REF_YEAR_RX

    assert _REF_YEAR_RX.findall("年份：2021；销量（万辆）：352.1；备注：规模约为2020年的1.6倍") == ["2020"]
    assert _REF_YEAR_RX.findall("2024年销量1286.6万辆，比2023年的949.5万辆增长35.5%") == []
    assert _REF_YEAR_RX.findall("2020年销量为136.7万辆") == []


def test_a_count_of_an_event_the_knowledge_base_never_names_is_unknown(ui_kb):
    """召回了多少辆: the verb whose count is asked must be said; a colloquial verb with written words for it
    (卖出去多少 → 销量) is not unknown."""
    from assistant import chat

    _, unknown = chat.term_weights("2024年新能源汽车召回了多少辆？", ui_kb)
    assert "召回" in unknown
    _, unknown = chat.term_weights("2023年全国一共卖出去多少辆汽车？", ui_kb)
    assert not unknown
