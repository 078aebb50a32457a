"""Issue 9, round 33 (evidence, helper evid33): a school's own graduate report, a college's own profile, and a
reporter's story whose 我市 is the paper's city.

- A school's graduate report whose opening lines state its own cohort (学校 2024 届毕业生…, 2023 届本科毕业生分布在…,
  spaces around the year included) is the school's own statistics in every paragraph (sources.yaml
  own_data_declaration); a cohort written at a wider scope (全国2024届高校毕业生) is not.
- A college's profile 学院现占地… (现、目前 between the subject and the verb) is its own data (own_data).
- In a reporter's story (本报讯、某报讯、（记者某某）) 我市 is the paper's city, not a publisher: neither a byline nor the
  paragraph's own data (own_local), so unnamed figures are flagged; a paragraph naming its source (据市统计局) is not.
  稿件来源：本报讯 and 据最新统计 name no source.
Texts written for these tests (nursing, pharmacy, aquaculture, tea, furniture, optics), not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == UNSOURCED]


def test_a_school_graduate_report_opening_with_its_own_cohort_covers_every_paragraph():
    text = ("一、毕业生规模\n"
            "学校 2024 届毕业生共 3120 人,其中护理专业 1460 人,占比 46.79%。\n"
            "二、就业行业\n"
            "毕业生主要流向卫生和社会工作(61.20%)与批发和零售业(9.35%)。\n"
            "各院系中,药学院去向落实率最高,为 98.41%。\n")
    assert unsourced(text) == []
    # a cohort at a wider scope is not the school's own
    text = ("全国2024届高校毕业生预计达1179万人,同比增加21万人。\n"
            "其中医药类专业毕业生就业率为86.5%。\n")
    assert unsourced(text)


def test_a_cohort_opening_with_spaces_and_no_school_word_is_the_school_own():
    text = ("2023 届本科毕业生分布在 14 个院系,其中 9 个院系的去向落实率高于平均水平(95.62%)。\n"
            "升学的毕业生中,留在本校深造的有 211 人,占国内升学人数的 38.40%。\n"
            "就业单位以民营企业(44.18%)为主。\n")
    assert unsourced(text) == []


def test_a_college_profile_with_xian_before_the_verb_is_its_own_data():
    text = ("签约仪式后,双方参观了实训中心。\n"
            "该校始建于1985年。学院现占地面积360亩,在校学生5200多人,教职工310多人,开设专业28个。\n")
    assert unsourced(text) == []


def test_wo_shi_in_a_reporter_story_is_no_source_but_a_named_bureau_is():
    story = ("本报讯(记者 林小舟)今年以来,我市水产养殖业保持增长。一季度,全市水产品产量4.62万吨,同比增长6.3%,"
             "养殖面积12.8万亩。\n")
    assert any("4.62万吨" in t for t in unsourced(story))
    named = ("本报讯(记者 林小舟)今年以来,我市水产养殖业保持增长。据市统计局统计,一季度全市水产品产量4.62万吨,"
             "同比增长6.3%。\n")
    assert unsourced(named) == []
    # with no reporter byline, 我市 is the bureau's own voice, as before
    assert unsourced("一季度,我市茶叶产量1.86万吨,同比增长4.2%;茶叶出口额2.37亿元,同比增长11.6%。\n") == []


def test_a_reporter_line_as_source_and_zui_xin_tong_ji_name_no_source():
    text = ("家具制造业运行平稳\n"
            "稿件来源:本报讯\n"
            "2024年,家具制造业规模以上企业318家,完成营业收入426.5亿元,同比增长7.4%。\n")
    assert any("426.5亿元" in t for t in unsourced(text))
    text = ("晚报讯(记者 周晴)今年来,眼镜产业稳中有进。据最新统计,1-9月眼镜产业实现工业增加值58.36亿元,"
            "同比增长9.2%。\n")
    assert any("58.36亿元" in t for t in unsourced(text))
