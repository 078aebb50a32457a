"""Issue 9, round 16 (consistency): an average annual rate whose period is stated in the sentence before (从2010年到2018年，…。
产量由A增加至B，年均增长近X%), recomputed as a compound rate; 近/约 rates are approximate, not bounds. Own sentences."""
from assistant.check import check_text


def found(text):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == "consistency.growth-mismatch"]


def test_annual_rate_with_the_period_in_the_sentence_before():
    text = ("从2010年到2018年，全国茶叶出口额年均增长8%以上。茶园面积则由200万公顷增加至300万公顷，年均增长近10%。")
    hits = found(text)
    # 1.5 over 8 years is about 5.2% a year, not close to 10%; the period was read from the sentence before: a warning
    assert len(hits) == 1 and hits[0].level == "warning" and "2010—2018年" in hits[0].message and "5.2%" in hits[0].message


def test_annual_rate_that_matches_is_not_flagged():
    text = "从2010年到2018年，全国茶叶出口额有所波动。茶园面积则由200万公顷增加至300万公顷，年均增长约5.2%。"
    assert not found(text)


def test_no_period_or_two_periods_before_is_not_guessed():
    # no year span at all: the period is unknown
    assert not found("茶园面积由200万公顷增加至300万公顷，年均增长近10%。")
    # two spans in the sentence before: ambiguous
    assert not found("2010—2014年和2015—2018年，出口各有起伏。茶园面积由200万公顷增加至300万公顷，年均增长近10%。")
    # a span in another paragraph does not carry over
    assert not found("从2010年到2018年，出口额有所波动。\n茶园面积由200万公顷增加至300万公顷，年均增长近10%。")
