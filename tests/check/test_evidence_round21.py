"""Issue 9, after batch y's run (evidence): a college reporting one cohort of its own graduates (我校2023届毕业生……) is
its own statistics, like 学院现有/开设; a province's or the nation's cohort is not. Texts written for these tests (a
culinary college, a maritime college), not taken from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}).findings if f.rule_id == UNSOURCED]


def test_a_college_reporting_its_own_cohort_is_its_own_data():
    text = ("二、毕业生就业情况\n"
            "截至2023年8月31日，我校2023届烹饪专业毕业生的就业率为93.6%，其中进入星级酒店的占41.2%。\n")
    assert unsourced(text) == []
    text2 = "学院2024届毕业生年底毕业去向落实率为95.10%，专升本比例为18.40%。\n"
    assert unsourced(text2) == []


def test_a_provinces_cohort_still_needs_its_source():
    text = ("二、毕业生就业情况\n"
            "某省2023届高校毕业生的总体就业率为88.2%，航海类专业就业率为96.5%。\n")
    assert any("88.2%" in t for t in unsourced(text))


def test_a_college_quoting_the_industrys_figure_still_needs_its_source():
    text = "我校2023届毕业生中有120人进入邮轮公司。\n全国邮轮乘务人员约为12.5万人，近三年年均增长8.1%。\n"
    found = unsourced(text)
    assert any("12.5万" in t for t in found) and not any("120人" in t for t in found)
