"""Texts in Traditional characters, and web copies with pinyin glosses (運(yùn)行), are read by the rules in Simplified;
findings point at the original text."""
from assistant.check import check_text
from assistant.textproc import map_span, to_simplified

SIMPLIFIED = "据某协会统计，全年营业收入120.0亿元，同比增长8.5%。行业发展前景广阔，遥遥领先。\n另有收入35.0亿元来自出口。"
TRADITIONAL = "據某協會統計，全年營業收入120.0億元，同比增長8.5%。行業發展前景廣闊，遙遙領先。\n另有收入35.0億元來自出口。"


def _cats(text):
    res = check_text(text, categories={"objectivity", "evidence", "consistency"})
    return sorted((f.rule_id for f in res.findings)), res


def test_simplified_text_is_left_alone():
    assert to_simplified(SIMPLIFIED) == (SIMPLIFIED, None)


def test_traditional_text_gets_the_findings_of_its_simplified_twin():
    simple, _ = _cats(SIMPLIFIED)
    trad, res = _cats(TRADITIONAL)
    assert simple and trad == simple
    for f in res.findings:  # spans and quoted text are the original's
        assert TRADITIONAL[f.span[0]:f.span[1]] == f.text
    assert res.document.text.rstrip("\n") == TRADITIONAL


def test_pinyin_glosses_are_moved_out_of_words_and_mapped_back():
    text = "家電行業運(yùn)行態(tài)勢良好，遙遙領先。"
    simple, order = to_simplified(text)
    assert len(simple) == len(text) and "运行态势良好" in simple and "(" not in simple
    i = simple.index("遥遥领先")
    assert text[slice(*map_span(order, i, i + 4))] == "遙遙領先"
    rules, res = _cats(text)
    assert any(text[f.span[0]:f.span[1]] == "遙遙領先" for f in res.findings), rules
