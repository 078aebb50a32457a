"""Round 32 (objectivity): change words (see evals/check/README.md "Round 32 (objectivity)"). A bare change clause
after the two or more values it runs between (……每斤18.6元，相对上年的21.2元，略有下降) or before a series of the
same measure in the next sentence (……依次为35.1%、36.4%、42.7%) is given by those values; a comparison with values
not given, or a forecast series, is not. A period (正处于……快速发展阶段) is no change claim; the attributive 越来越多的
+ noun is. Sentences written for these tests (tea co-operatives, beekeeping, ski resorts, pottery, river cruises)."""
from assistant.check import check_text

CHANGE = ("objectivity.vague-change", "objectivity.degree-change", "objectivity.vague-trend",
          "objectivity.vague-comparison")


def found(text, rules=CHANGE):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings if f.rule_id in rules]


def test_a_bare_change_clause_after_the_values_it_runs_between():
    assert found("2023年该社鲜叶收购均价每斤18.6元，相对上年的21.2元，略有下降。") == []
    assert found("近三年该社春茶采摘面积占比分别为41.5%、39.2%、37.8%，相对有所下降。") == []
    # the values compared with are not given: still a claim
    assert any("略有下降" in t for t in found("2023年该社鲜叶收购均价为每斤18.6元，与前几年相比略有下降。"))
    # the values move the other way: the word is not their summary
    assert any("有所下降" in t for t in found("近三年该县蜂农入社比例分别为31.5%、33.2%、35.8%，相对有所下降。"))


def test_a_series_of_the_same_measure_in_the_next_sentence():
    text = ("其他滑雪场的夜场开放率也明显上升。2021年至2023年，北山滑雪场夜场开放率依次为35.1%、36.4%、42.7%，"
            "北山的游客也更多了。")
    assert found(text) == []
    # a forecast series gives no change that has happened
    text = "关于陶瓷产业的快速增长与今后目标，据县陶瓷协会统计，全县窑口已超过两百座。预计至2027年和2030年，陶瓷产值将分别接近3亿元和5亿元。"
    assert any("快速增长" in t for t in found(text))


def test_a_period_of_fast_development_is_no_change_claim():
    assert found("当前，我国内河游轮旅游正处于快速发展阶段，航线与船型都在调整。") == []
    assert any("快速发展" in t for t in found("近年来，我国内河游轮旅游快速发展，航线与船型都在调整。"))


def test_more_and_more_before_a_noun():
    assert any("越来越多" in t for t in found("随着冰雪运动的普及，越来越多的家庭选择在春节去滑雪场度假。"))
    assert any("越来越多" in t for t in found("假期里越来越多年轻人报名参加陶艺体验课。"))
