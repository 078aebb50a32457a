"""Issue 9, round 27 (consistency): a level compared with last year's written beside it (比上年的A增长g%) is recomputed
when no year is written; a total's growth is recomputed from parts whose growth names no basis (其中A，增长x%: the
total's basis), whose basis is written another way for the same comparison (同比 beside 比上年), or whose levels
have two significant digits. Own sentences (tea houses, ferries, orchards, pottery, bee farms, cinemas, rubber,
bamboo), none on the two sample industries; each test holds a defective case and a clean twin, and fails on the code
before round 27."""
from assistant.check import check_text

GROWTH = "consistency.growth-mismatch"


def found(text, rule=GROWTH):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- 比上年的A增长g% with no year written
def test_level_against_last_years_level_without_a_year():
    bad = "据某市茶馆行业协会统计，全市茶馆营业收入为9.36亿元，比上年的8.12亿元增长21.6%，从业人员保持稳定。"
    good = "据某市茶馆行业协会统计，全市茶馆营业收入为9.36亿元，比上年的8.12亿元增长15.3%，从业人员保持稳定。"
    assert [h.text for h in found(bad)] == ["增长21.6%"]
    assert not found(good)


def test_count_against_last_years_count_without_a_year_or_the_particle():
    bad = "据某省渡运管理站统计，全省渡口运送旅客412万人次，较上年365万人次增长19.4%。"
    good = "据某省渡运管理站统计，全省渡口运送旅客412万人次，较上年365万人次增长12.9%。"
    assert [h.text for h in found(bad)] == ["增长19.4%"]
    assert not found(good)


def test_a_fall_against_last_years_level_without_a_year():
    bad = "据某县林果站统计，全县柑橘产量为6.30万吨，比上年的7.00万吨下降6.0%。"
    good = "据某县林果站统计，全县柑橘产量为6.30万吨，比上年的7.00万吨下降10.0%。"
    assert [h.text for h in found(bad)] == ["下降6.0%"]
    assert not found(good)


def test_different_measures_of_the_level_and_the_basis_are_not_compared():
    # 件 against 万元: not one measure, nothing to recompute; the twin in one measure is
    text = "据某陶瓷行业协会统计，会员企业出口日用陶瓷8600件，比上年的7200万元增长9.0%。"
    twin = "据某陶瓷行业协会统计，会员企业出口日用陶瓷8600万件，比上年的7200万件增长9.0%。"
    assert not found(text)
    assert [h.text for h in found(twin)] == ["增长9.0%"]


# ---------------------------------------------------------------- a total's growth from its parts
def test_parts_with_no_basis_take_the_totals_basis():
    bad = ("据某省养蜂协会统计，全省蜂蜜产量为4.80万吨，比上年增长9.0%，其中油菜蜜3.20万吨，增长2.0%；"
           "槐花蜜1.60万吨，增长1.5%。")
    good = ("据某省养蜂协会统计，全省蜂蜜产量为4.80万吨，比上年增长1.8%，其中油菜蜜3.20万吨，增长2.0%；"
            "槐花蜜1.60万吨，增长1.5%。")
    assert [h.text for h in found(bad)] == ["比上年增长9.0%"]
    assert not found(good)


def test_same_year_on_year_basis_written_two_ways():
    bad = ("据某市电影局统计，全市电影票房收入为18.60亿元，比上年增长12.0%，其中国产影片票房12.40亿元，"
           "同比增长3.0%；进口影片票房6.20亿元，同比增长4.0%。")
    good = ("据某市电影局统计，全市电影票房收入为18.60亿元，比上年增长3.3%，其中国产影片票房12.40亿元，"
            "同比增长3.0%；进口影片票房6.20亿元，同比增长4.0%。")
    assert [h.text for h in found(bad)] == ["比上年增长12.0%"]
    assert not found(good)


def test_month_on_month_parts_are_not_read_against_a_year_on_year_total():
    # 环比 is another comparison: nothing recomputed; the same parts with no basis written take the total's
    text = ("据某省橡胶行业协会统计，全省天然橡胶加工量为9.60万吨，同比增长12.0%，其中标准胶6.40万吨，"
            "环比增长3.0%；浓缩胶乳3.20万吨，环比增长4.0%。")
    twin = text.replace("环比", "")
    assert not found(text)
    assert [h.text for h in found(twin)] == ["同比增长12.0%"]


def test_parts_with_two_significant_digits():
    bad = "据某县竹产业办统计，全县竹材产量为12.0万吨，比上年增长6.5%，其中毛竹8.0万吨，增长2.0%；杂竹4.0万吨，增长1.0%。"
    good = "据某县竹产业办统计，全县竹材产量为12.0万吨，比上年增长1.7%，其中毛竹8.0万吨，增长2.0%；杂竹4.0万吨，增长1.0%。"
    assert [h.text for h in found(bad)] == ["比上年增长6.5%"]
    assert not found(good)


# ---------------------------------------------------------------- a share's direction with its whole named after it
DIRECTION = "consistency.share-direction"


def test_share_direction_with_the_whole_after_the_part():
    bad = ("据某市家政服务协会统计，全市育婴服务营业收入为21.0亿元，同比增长4.0%，占全市家政服务营业收入的比重为"
           "30.0%，比上年提高1.5个百分点；全市家政服务营业收入为70.0亿元，同比增长10.0%。")
    good = bad.replace("同比增长4.0%", "同比增长16.0%")
    assert [h.text for h in found(bad, DIRECTION)] == ["比上年提高1.5个百分点"]
    assert not found(good, DIRECTION)


def test_share_direction_with_the_share_word_on_the_level_and_the_whole_before():
    bad = ("据某省民宿协会统计，全省民宿营业收入为80.0亿元，同比增长12.0%；其中乡村民宿营业收入为48.0亿元，"
           "同比增长6.0%，占全省民宿营业收入的比例为60.0%，较上年上升2.0个百分点。")
    good = bad.replace("较上年上升2.0个百分点", "较上年下降3.4个百分点")
    assert [h.text for h in found(bad, DIRECTION)] == ["较上年上升2.0个百分点"]
    assert not found(good, DIRECTION)
