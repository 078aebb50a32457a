"""Issue 9, round 32 (evidence, helper evid32): figures the shared figure model does not read, and unnamed speakers.

The unsourced-figure rule reads, for itself only (figure_extra; the shared cn_figure list also excuses trend words in
the objectivity rules), figures written as a Chinese-numeral magnitude (两千亿), a count with a decimal (每年4.6次), a
length in months (长达18个月), ten thousands before a salary word (3.5万月薪) and a threshold amount (过万元); a period
(前9个月、连续3个月、为期6个月) and a denominator (每十万人) are not figures. A speaker whose company or
person is hidden (某游艇企业销售负责人透露、某职校学生坦言) and 有关调查资料显示 name no source (vague_extra).
Texts written for these tests (pet food, yachts, perfumery, fitness, tea, kiln ceramics), not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == UNSOURCED]


def test_a_chinese_numeral_magnitude_is_a_figure_but_a_denominator_or_a_vague_one_is_not():
    text = "近年来宠物消费持续升温。全国宠物食品市场规模已达两千亿,成为消费品中增长较快的门类。\n"
    assert any("两千亿" in t for t in unsourced(text))
    text = "与发达国家相比,我国每十万居民拥有的健身教练仍然偏少,数十万从业者尚未取得证书。\n"
    assert unsourced(text) == []


def test_a_count_with_a_decimal_is_a_figure():
    text = "游艇会员的出海频率较高,平均每年出海4.6次,远高于普通游客。\n"
    assert any("4.6次" in t for t in unsourced(text))


def test_a_length_in_months_is_a_figure_but_a_period_is_not():
    assert any("18个月" in t for t in unsourced("一名合格调香师的培养周期长达18个月,企业普遍不愿承担。\n"))
    assert unsourced("学员将进行为期6个月的跟岗学习,今年前9个月已完成岗前培训。\n") == []


def test_ten_thousands_before_a_salary_word_is_a_figure():
    text = "连锁健身房为招揽资深私教,开出3.5万月薪仍一人难求。\n"
    assert any("3.5万" in t for t in unsourced(text))


def test_a_threshold_amount_is_a_figure():
    text = "在一线城市,资深茶艺师月入过万元已不稀奇。\n"
    assert any("过万元" in t for t in unsourced(text))


def test_a_hidden_company_speaker_is_no_source_but_a_named_one_is():
    text = "游艇租赁需求回暖。某游艇企业销售负责人透露:\"今年上半年的订单比去年同期增长了40%。\"\n"
    assert any("40%" in t for t in unsourced(text))
    text = "游艇租赁需求回暖。海湾游艇公司销售负责人王某透露:\"今年上半年的订单比去年同期增长了40%。\"\n"
    assert unsourced(text) == []


def test_a_hidden_person_is_no_source():
    text = "健身行业的起薪差距明显。某职校学生坦言:\"同班同学毕业后去商场做会员销售,第一年的起薪就比我高25%。\"\n"
    assert any("25%" in t for t in unsourced(text))


def test_an_unnamed_survey_material_is_no_source():
    text = "据有关调查资料显示,有41.5%的城市宠物主人愿意为宠物购买商业保险。\n"
    assert any("41.5%" in t for t in unsourced(text))
