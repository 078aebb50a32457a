"""The shared text primitives: one sentence splitter, one number pattern, one plausible-year range,
and the tokenizer's profile terms."""
from assistant.textproc import NUMBER, YEAR, ChineseTokenizer, numbers_in, plausible_year, split_sentences


def test_split_sentences_clean_and_raw():
    # list markers and Markdown prefixes go; decimals and runs of end marks stay whole
    assert split_sentences("（一）计划新增运维人员约45人。1.5倍") == ["计划新增运维人员约45人。", "1.5倍"]
    assert split_sentences("# 标题\n- 第一。第二！\n3. 第三？！") == ["标题", "第一。", "第二！", "第三？！"]
    # raw pieces (chunking) join back to the text, and may end at ； and …
    text = "甲；乙……丙。\n丁"
    raw = split_sentences(text, ends="。！？；…!?", lines=False, clean=False)
    assert raw == ["甲；", "乙……", "丙。", "\n丁"] and "".join(raw) == text


def test_years_and_numbers():
    assert plausible_year("2024年") == 2024 and plausible_year(2025.0) == 2025 and plausible_year(" 1998 ") == 1998
    assert plausible_year("1850") is None and plausible_year("20245") is None and plausible_year("年") is None
    assert YEAR.findall("2021—2025年，编号120245，1800年") == ["2021", "2025"]
    assert NUMBER.findall("1,288.8万辆增长29%") == ["1", "288.8", "29"]
    assert numbers_in("1,288.80万辆[3]") == {"1288.8"}


def test_added_terms_keep_the_old_tokens():
    tok = ChineseTokenizer()
    before = tok.tokenize("晶圆制造产能提升")
    assert "晶圆制造" not in before
    assert tok.add_words(["晶圆制造", "晶圆制造", "x"]) == 1
    after = tok.tokenize("晶圆制造产能提升")
    # the new word, plus the tokens an index built before the word was added holds
    assert "晶圆制造" in after and set(before) <= set(after)


def test_stated_year_is_a_year_not_a_figure_and_period_names_months_quarters_halves():
    from assistant.textproc import PERIOD, STATED_YEAR

    assert STATED_YEAR.findall("2018年进口额2051亿美元，年份：2021；2012.5万件，2030台，2021—2025年") == \
        ["2018", "2021", "2021", "2025"]
    assert PERIOD.findall("2024年一季度、6月当月和上半年；16月不是月份") == ["一季度", "6月", "上半年"]


def test_keywords_of_traditional_text_meet_simplified_queries():
    from assistant.textproc import ChineseTokenizer

    tok = ChineseTokenizer()
    assert set(tok.tokenize("集成電路產業銷售額")) & set(tok.tokenize("集成电路销售额")) >= {"集成电路", "销售额"}
