"""Issue 9, round 31 (consistency), from batch af's first-run false flags, as classes: the same metric of different
subjects in parallel paragraphs (regions, product groups) read as one value restated; a part's own breakdown after a
second 其中 summed with the total's parts. Own sentences (tourism, freight, textiles, vocational colleges), none on the
sample industries; each test holds a clean case the code before flagged beside a defective twin that stays flagged."""
from assistant.check import check_text

METRIC = "consistency.metric-mismatch"
PARTS = "consistency.parts-total"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- parallel paragraphs, different subjects
def test_parallel_paragraphs_about_different_regions_are_not_one_metric():
    good = ("2024年三季度，甲市接待游客总量共计520万人次，其中过夜游客占比最高，达到61.5%，一日游和研学团分别占比为"
            "30.2%、8.3%。\n"
            "2024年三季度，乙县接待游客总量共计188万人次，其中过夜游客占比最高，达到55.1%，一日游和研学团分别占比为"
            "35.6%、9.3%。\n")
    assert not found(good, METRIC)
    # one region restated in a second paragraph with another value: still a mismatch
    bad = good.replace("乙县", "甲市")
    assert found(bad, METRIC)


def test_parallel_product_groups_are_not_one_metric():
    good = ("【纺织纱线】品类2024年9月份出口额118.6亿元，同比增长3.1%。\n"
            "另据行业协会口径整理，服装鞋帽出口继续回暖。\n"
            "【服装及衣着附件】2024年9月份出口额126.4亿元，同比增长4.8%。\n")
    assert not found(good, METRIC)
    bad = good.replace("【服装及衣着附件】", "【纺织纱线】品类")
    assert found(bad, METRIC)
    # a paragraph restated with another value and a source added on one side only: still a mismatch
    text = ("据年报，2024年，某省港口集团营业收入为25.6亿元，同比增长4.2%。\n"
            "交通运输厅通报了全年运行情况。\n"
            "2024年，某省港口集团营业收入为27.3亿元，同比增长4.2%。\n")
    assert found(text, METRIC)


# ---------------------------------------------------------------- a part's own breakdown after a second 其中
def test_second_qizhong_opens_a_parts_own_breakdown():
    good = ("某职业技术学院2024届毕业生共计3120人，其中专科2760人，1980人选择就业，占71.7%，其中1215人在省内就业。")
    assert not found(good, PARTS)
    # the total's own parts exceeding it are still flagged
    bad = "某职业技术学院2024届毕业生共计3120人，其中专科2760人、本科560人，其中1215人在省内就业。"
    assert found(bad, PARTS)


# ---------------------------------------------------------------- a total written as a minimum
def test_parts_above_a_total_written_as_a_minimum_are_no_contradiction():
    good = ("2026年，力争全县茶产业总产值达到58亿元以上，其中茶叶种植产值达到31亿元以上、茶叶加工产值达到22亿元以上；"
            "实现茶旅融合收入12亿元以上。")
    assert not found(good, PARTS)
    # a stated total exceeded by its parts is still flagged
    bad = "2025年，全县茶产业总产值达到58亿元，其中茶叶种植产值31亿元、茶叶加工产值22亿元、茶旅融合收入12亿元。"
    assert found(bad, PARTS)
