"""Issue 9, round 30 (evidence, helper evid30): what counts as a named source — and so as a lead covering the
paragraphs after it.

Three words the attribution patterns read as a source although they name none: 根据……部位 (the 部 of 部位 read as a
ministry), a passive 被重点强调， (a thing emphasised read as a speaker) and an enterprise speaker hidden behind 某
(某酒店管理公司运营总监坦言). Each made its paragraph a lead, so the figures in the paragraphs after it, up to a heading,
passed as sourced. And three vague phrases read as named ones: 有资料显示 at a clause's start, 不完全统计， and 按照公开数据
(labelling policy: a source that names no body, document or method is no source, and takes over from a source named
before it). Twins: a named body as speaker, a body's own 资料显示, a named body's 据……统计 — sourced before and after.
Texts written for these tests (ship repair, express packaging, hotels, paragliding, pet services, yachts, bakeries),
not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == UNSOURCED]


def test_a_condition_named_after_parts_of_a_hull_is_no_lead():
    text = ("船舶修理是指根据船体各部位不同的受力特点,采用相应的焊接与涂装工艺,对船舶进行检修的过程。\n\n"
            "2023年全国船舶修理企业完成修理产值320亿元,同比增长6.5%。\n")
    assert any("320亿元" in t for t in unsourced(text))


def test_a_passive_emphasis_is_no_speaker():
    text = ("在今年的行业年会上,绿色包装的推广应用被重点强调,不少企业加快了转型步伐。\n\n"
            "2023年全国快递包装回收量达到12.6亿件,比上年增加2.1亿件。\n")
    assert any("12.6亿件" in t for t in unsourced(text))


def test_an_unnamed_hotel_company_director_is_no_lead():
    text = ("某酒店管理公司运营总监坦言,今年前台和客房岗位都很难招人。\n\n"
            "目前全国星级酒店约7300家,一线员工年流失率达到28%。\n")
    assert any("7300家" in t for t in unsourced(text))


def test_a_named_association_speaker_still_covers_the_next_paragraph():
    text = ("中国旅游饭店业协会秘书长表示,今年前台和客房岗位都很难招人。\n\n"
            "目前全国星级酒店约7300家,一线员工年流失率达到28%。\n")
    assert unsourced(text) == []


def test_material_that_names_no_publisher_is_a_vague_source():
    text = "有资料显示,全国现有持证滑翔伞飞行员约1.2万人,其中教练员不足900人。\n"
    assert any("1.2万人" in t for t in unsourced(text))


def test_a_bodys_own_material_is_still_its_source():
    text = "某某省体育局资料显示,全省现有持证滑翔伞飞行员约1200人。\n"
    assert unsourced(text) == []


def test_an_incomplete_count_takes_over_from_a_named_source():
    text = ("据某某宠物产业协会统计,2023年全国宠物服务市场规模为520亿元,同比增长11%。"
            "不完全统计,全国现有宠物殡葬服务机构约800家。\n")
    found = unsourced(text)
    assert any("800家" in t for t in found) and not any("520亿元" in t for t in found)


def test_public_data_is_no_named_source():
    text = "根据公开数据,全国现有游艇码头约450个,泊位总数超过2.3万个。\n"
    assert any("450个" in t for t in unsourced(text))


def test_a_named_bodys_count_is_still_sourced():
    text = "据某某焙烤食品协会统计,全国现有烘焙门店约32万家。\n"
    assert unsourced(text) == []


# A gap's baseline (相比、供给与需求……) must be stated where it can measure the gap: in the gap's own sentence or in a
# sentence that gives figures. A remark with no figure — a comparison with other countries, a general mismatch of supply
# and demand — gives no base for the gap's figure (labelling policy: a 缺口 with a figure and no baseline). Twins: the
# baseline in the gap's sentence, or a supply and a demand stated in figures just before it.
GAP = "evidence.gap-baseline"


def gaps(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == GAP]


def test_a_comparison_with_no_figure_is_no_baseline_for_a_gap():
    text = "与发达国家相比,我国康复治疗行业起步较晚。据估算,全国康复治疗师缺口约为15万人。\n"
    assert any("15万人" in t for t in gaps(text))


def test_a_remark_on_supply_and_demand_is_no_baseline_for_a_gap():
    text = "茶艺人才的供给与市场需求之间差距日益明显。目前全省茶艺师缺口达到2万人。\n"
    assert any("2万人" in t for t in gaps(text))


def test_a_baseline_in_the_gaps_own_sentence_still_counts():
    text = "与2023年52万人的需求量相比,全国康复治疗师现有37万人,缺口约为15万人。\n"
    assert gaps(text) == []


def test_a_supply_and_demand_given_in_figures_before_the_gap_still_count():
    text = "全省茶艺师供给约3万人,而市场需求约5万人。目前全省茶艺师缺口达到2万人。\n"
    assert gaps(text) == []
