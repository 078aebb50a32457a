"""Issue 9, ninth round: whole-text sources (assistant/check/sources.py, assistant/rules/sources.yaml). Texts are
written for these tests with generic subjects (enterprises, retail sales, employment), not taken from the eval sets."""
from assistant.check import check_text


def evidence(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings]


def model(text):
    from assistant.check import rules as R
    seen = {}
    orig = R.Context.source

    def spy(self):
        seen["m"] = orig(self)
        return seen["m"]

    R.Context.source = spy
    try:
        check_text(text, categories={"evidence"})
    finally:
        R.Context.source = orig
    return seen.get("m")


# --- a release excerpt that starts after its byline: the opening voice -----------------------------------------
RELEASE = ("1—9月份,全国规模以上企业实现营业收入81 240亿元,同比增长3.6%;其中,小型企业营业收入21 050亿元,增长2.1%。\n"
           "1—9月份,全国规模以上企业实现利润总额5 318亿元,同比下降1.2%。\n"
           "9月末,全国规模以上企业从业人员9 460万人,同比减少0.8%。\n")


def test_a_release_opening_with_period_national_scope_and_change_is_the_bodys_own_data():
    assert evidence(RELEASE) == []
    m = model(RELEASE)
    assert m.whole and m.voice


def test_the_opening_voice_also_reads_a_statistical_scope_and_a_line_broken_mid_sentence():
    t = ("2024年3月,重点统计\n"
         "企业共实现销售收入1 208亿元、同比增长2.9%,日均销售39.0亿元,环比增长4.1%。\n"
         "1-3月,重点统计企业累计实现销售收入3 410亿元、同比增长1.7%。\n"
         "1-3月,重点统计企业累计实现利润132亿元、同比下降0.6%。\n")
    assert evidence(t) == []


def test_the_opening_voice_does_not_cover_a_text_that_quotes_a_vague_source():
    t = "数据显示," + RELEASE
    assert evidence(t)


def test_the_opening_voice_does_not_cover_a_data_page_without_a_national_or_statistical_scope():
    t = ("1—9月份,行业实现营业收入81 240亿元,同比增长3.6%。\n"
         "1—9月份,行业实现利润总额5 318亿元,同比下降1.2%。\n"
         "9月末,行业从业人员9 460万人,同比减少0.8%。\n")
    assert evidence(t)


def test_the_opening_voice_does_not_cover_a_paper_or_an_analysis():
    t = "摘要:本文梳理了近年企业经营数据。\n" + RELEASE
    assert evidence(t)


def test_the_opening_voice_does_not_cover_a_text_mostly_without_figures():
    t = (RELEASE.split("\n")[0] + "\n"
         "企业经营总体保持平稳。\n各地持续优化营商环境。\n市场主体信心有所恢复。\n下一步将继续做好服务保障。\n")
    assert evidence(t)


# --- a headline or flash naming the body with a colon --------------------------------------------------------
def test_a_first_line_opening_with_a_bodys_name_and_a_colon_names_the_source_of_the_whole_text():
    t = ("某省统计局:今年以来新增市场主体32.6万户,同比增长5.0%。\n"
         "其中新增个体工商户21.4万户,占新增市场主体的65.6%。\n"
         "5月末,实有市场主体总数达到612万户,比上年末增加2.3%。\n")
    assert evidence(t) == []
    assert model(t).header.startswith("某省统计局")


def test_a_place_name_with_a_colon_is_not_a_source():
    t = ("某自治区:今年以来新增市场主体3.2万户,同比增长5.0%。\n"
         "新增个体工商户2.1万户,占新增市场主体的65.6%。\n")
    assert evidence(t)


def test_a_newspapers_name_with_a_colon_is_not_a_source():
    t = ("某日报:城镇新增就业稳步增加\n"
         "今年以来,城镇新增就业860万人,完成全年目标任务的72%。\n"
         "9月份,城镇调查失业率为5.1%,比上月下降0.2个百分点。\n")
    assert evidence(t)


def test_the_addressees_of_a_notice_are_not_a_source():
    t = ("各市教育局:现将有关情况说明如下。\n"
         "今年以来,新增实训基地36个,同比增长12.5%。\n"
         "新增校外实习岗位2.4万个,占全年计划的61.0%。\n")
    assert evidence(t)


# --- a lead naming a publisher's titled document covers the paragraphs after it --------------------------------
PUBLISHED = ("某平台:春节后求职人数回落\n"
             "2月20日消息,某咨询公司发布《2025年春节后求职趋势观察》。节后两周的求职活跃度逐步恢复。\n"
             "受返乡时间延长影响,节后两周的活跃求职人数较上年同期下降20%。\n")


def test_a_publisher_releasing_a_titled_document_in_the_lead_is_a_source():
    assert evidence(PUBLISHED) == []


def test_a_document_only_announced_for_later_is_not_a_source():
    t = PUBLISHED.replace("某咨询公司发布《", "某研究团队将于下月发布《")
    assert evidence(t)
