"""Issue 9, eighteenth round (evidence): a publisher's own statistical text that never names its publisher, told from a
writer's report by the text alone (`sources._own_statistics`); 过半／近半／逾半 are vague amounts, not figures; and two
classes written after reading batch u (a closing compiled-from line, an inline numbered headline as a release section).
Texts are written for these tests (civil aviation, paper making, tea, furniture, water supply), not taken from the eval
sets. Each class has a case it must excuse and a close case it must still flag."""
from assistant.check import check_text


def found(text, rule="evidence.unsourced-figure", **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings if f.rule_id == rule]


# --- a publisher's own accounting: 据初步核算 opens a statistics body's bulletin ----------------------------------------
AVIATION = ("据初步核算,2025年全国通用航空业增加值2860亿元,比上年增长9.4%,占交通运输业增加值的比重为3.1%。"
            "其中,通用航空制造增加值910亿元,通用航空运营增加值1370亿元,通用航空保障增加值580亿元。"
            "据测算,2025年全国通用航空从业人员41.6万人。\n"
            "2025年,通用航空各领域保持平稳运行,飞行作业量有所增加,短途运输航线继续加密。\n")


def test_a_bulletin_opening_with_its_own_accounting_is_the_publishers_data():
    assert found(AVIATION) == []


def test_the_same_figures_without_the_accounting_voice_stay_unsourced():
    # a writer's data page with the same scope and comparisons, but no publisher's accounting: abstain, flag
    assert found(AVIATION.replace("据初步核算,", "").replace("据测算,", ""))


def test_the_accounting_voice_in_a_talent_text_stays_unsourced():
    # the community's own subject (人才、培养) makes it our report, not a bureau's bulletin
    text = AVIATION + "通用航空维修人才培养规模仍然不足,院校相关专业布点偏少。\n"
    assert found(text)


def test_the_accounting_voice_with_an_analysis_or_a_proposal_stays_unsourced():
    assert found(AVIATION + "这表明通用航空市场仍处于培育期。\n")
    assert found(AVIATION + "建议加快低空空域管理改革。\n")


def test_the_accounting_voice_in_a_community_report_stays_unsourced():
    assert found(AVIATION, report="industry-analysis")


def test_another_named_source_in_the_text_ends_the_own_statistics_reading():
    # the writer cites someone else for one figure: a compiled text, not the publisher's own; 据测算 is vague again
    text = AVIATION + "据某航空运输协会统计,全年通用机场新增36个。\n"
    assert any("41.6万人" in t for t in found(text))


# --- 过半／近半／逾半 are vague amounts -------------------------------------------------------------------------------------
def test_more_than_half_is_not_a_figure():
    assert found("调查期内,过半造纸企业扩大了废纸回收渠道,近半数企业更新了制浆设备,逾半企业增加了研发投入。\n") == []


def test_half_and_a_number_after_more_than_half_are_still_figures():
    assert found("调查期内,半数造纸企业扩大了废纸回收渠道。\n")
    assert found("调查期内,过半造纸企业(52.4%)扩大了废纸回收渠道。\n")


# --- written after reading batch u: a closing compiled-from line names the source --------------------------------------
# round 25: the title names no period, so the list under it is not a titled release (a title with a period over three
# or more figure lines with their changes is the release's own since round 25); only the closing line can source it
TEA = ("茶叶行业运行情况\n"
       "1-6月,茶叶加工企业营业收入320亿元,同比增长4.1%;利润总额21亿元,同比下降3.2%。\n"
       "茶叶出口18.3万吨,同比增长2.2%,出口额8.6亿美元,同比下降1.4%。\n"
       "茶饮料产量1120万吨,同比增长5.6%。\n"
       "茶叶内销均价每千克142元,同比上涨1.9%。\n")


def test_a_closing_compiled_from_line_naming_a_body_covers_the_excerpt():
    assert found(TEA) != []
    assert found(TEA + "(根据某某茶叶流通协会有关数据整理)\n") == []


def test_a_closing_compiled_from_line_naming_no_body_is_no_source():
    assert found(TEA + "(根据有关数据整理)\n")


# --- written after reading batch u: 一、标题句。 opening a paragraph is a release section -----------------------------------
FURNITURE = ("2025年上半年家具工业运行情况\n"
             "一、生产平稳增长。规模以上家具企业工业增加值同比增长3.6%,增幅高于全部工业0.4个百分点。"
             "其中,木质家具制造业同比增长3.1%,金属家具制造业同比增长4.2%。\n"
             "二、效益有所回落。规模以上家具企业营业收入3420.5亿元,同比增长1.2%,增幅低于去年同期2.1个百分点。"
             "利润总额186.3亿元,同比下降4.6%。\n")


def test_inline_numbered_headlines_make_the_release_layout():
    assert found(FURNITURE) == []


def test_the_same_paragraphs_without_the_numbered_headlines_stay_unsourced():
    # round 25: under a title with no period (a title with a period over the figures is a titled release)
    text = FURNITURE.replace("一、生产平稳增长。", "").replace("二、效益有所回落。", "")
    assert found(text.replace("2025年上半年家具工业运行情况", "家具工业运行情况"))


def test_a_clock_time_or_a_number_before_a_line_end_is_no_figure():
    # found after batch v's run: a page's time stamp (10:15:32) was read as a ratio 10:1 and as 32本
    from assistant.check.figures import find_figures
    assert not find_figures("发布时间：2021-11-12 10:15:32\n\n本报讯 全省幼儿园")
    assert [f.text for f in find_figures("全省保育员与幼儿之比为1:15，师生比为15:1。")] == ["15:1"]
    assert [f.text for f in find_figures("全省共有幼儿园3200\n所")] == []
    assert [f.text for f in find_figures("全省共有幼儿园3200 所。")] == ["3200 所"]
