"""Round 31 (objectivity): rankings and superlatives with no basis (see evals/check/README.md "Round 31
(objectivity)"). 中国/我国 is a scope word like 全国; the measured noun between the scope and 最 may be long; a
“是……最快的……之一” ranks without a list; a byline naming only the outlet that ran an article vouches for no
ranking (a byline naming data still does); a policy text's rankings are goals. Sentences written for these tests
(ski gear, bamboo shoots, tea oil, mushrooms, yacht design, pet care, fitness)."""
from assistant.check import check_text

RANKING = ("objectivity.ranking-claim", "objectivity.superlative")


def found(text, rules=RANKING):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings if f.rule_id in rules]


def test_china_is_a_scope_word():
    assert any("中国最大" in t for t in found("目前该公司是中国最大的滑雪器材出口企业，产品销往二十多个国家。"))
    assert any("我国目前最大" in t for t in found("学院与我国目前最大的游艇制造基地签订了合作协议。"))
    assert any("我国第一所" in t for t in found("该校是我国第一所开设游艇设计专业的高职院校。"))
    # the sectors and the quarter are no ranking
    assert found("2023年，我国第一、二、三产业的就业人员都有变化。") == []
    assert found("中国第一季度滑雪器材出口额有所变化。") == []


def test_a_long_measure_between_scope_and_superlative():
    assert any("最快" in t for t in found("我国是世界竹笋罐头出口量增长最快的国家。"))
    # with no scope word it is a comparison inside the data (the months of one city)
    assert found("在各月份中，竹笋罐头出口量增长最快的月份是三月。") == []


def test_one_of_the_fastest_ranks_without_a_list():
    assert any("之一" in t for t in found("近年来该县茶油产业发展迅速，已成为增长最快的茶油产区之一。"))


def test_an_outlet_byline_vouches_for_no_ranking():
    body = "蘑菇产业简讯\n该县食用菌产业起步较早。\n该基地已是全国规模最大的蘑菇菌种培育基地，年培育菌种上千批次。\n"
    assert any("全国规模最大" in t for t in found(body + "来源：某某新闻网\n"))
    # a closing line naming data is the ranking's basis
    assert found(body + "数据来源：某食用菌协会年度统计报告\n") == []


def test_a_policy_texts_ranking_is_a_goal():
    text = ("各区县人民政府，市政府各部门：\n现将有关事项通知如下。\n"
            "到2027年，全市宠物医疗服务能力进入全省前列，建成全国最大的宠物用品集散中心。\n")
    assert found(text) == []
    # the same ranking in a news report is a claim
    assert any("全省前列" in t for t in found("本市宠物医疗服务能力已进入全省前列。\n来源：某某晚报\n"))


def test_the_first_member_unit_is_an_order_not_a_ranking():
    assert found("签约后，该健身连锁公司成为体能训练基地的首家协办单位。") == []
    assert any("首家" in t for t in found("该园区建成了全省首家宠物医疗产业园。"))
