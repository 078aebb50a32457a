"""Issue 9, round 26 (evidence, helper evid26): an industry operation report's own statistics, and a release known by
its byline.

1. An association's periodic operation report, excerpted without its title and byline, is known by its opening: a
   sentence that characterises the industry's operation for the period (某行业经济运行态势总体向好). Its figures are
   the publisher's own statistics. Twins: the same figures under another opening, or with a vague source, stay flagged.
2. A release known by its byline (a statistical bulletin's title, a statistics bureau's name, a local office's opening
   voice) is a release for the own-release exception of objectivity: its summary of the period (稳中有进) is the
   bureau's voice. A ministry's headline byline (某部：) is not a statistics body's and stays flagged.
Texts written for these tests (musical instruments, stationery, clocks, a county's bulletin), not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"
STEADY = "objectivity.steady-summary"


def evidence(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings
            if f.rule_id == UNSOURCED]


def steady(text):
    return [f.text for f in check_text(text, categories={"objectivity"}, learned=False).findings
            if f.rule_id == STEADY]


_FIGURES = ("一、生产情况\n\n"
            "1-9月,全国规模以上乐器制造企业营业收入312.4亿元,同比增长6.8%;利润总额21.7亿元,同比增长9.2%。"
            "营业收入增长主要得益于中高端产品需求回升,企业加大了新品投放。\n\n"
            "二、出口情况\n\n"
            "1-9月,乐器出口额18.6亿美元,同比下降3.1%,降幅较上半年收窄2.4个百分点。\n")


def test_an_industry_operation_report_in_its_own_voice_is_its_own_source():
    text = ("2025年以来,乐器行业克服需求偏弱等困难,1-9月乐器行业经济运行态势总体平稳,主要指标保持增长。\n\n"
            + _FIGURES)
    assert evidence(text) == []


def test_the_same_figures_under_another_opening_stay_unsourced():
    text = "乐器的消费群体正在变化,年轻家庭更看重音乐启蒙。\n\n" + _FIGURES
    assert any("312.4亿元" in t for t in evidence(text))


def test_an_operation_report_quoting_a_vague_source_stays_unsourced():
    text = ("1-9月文具行业经济运行总体平稳。\n\n"
            "据业内人士估计,1-9月全国文具企业营业收入约860亿元,同比增长5.5%。\n\n"
            "1-9月,文具出口额41.3亿美元,同比增长2.7%。\n")
    assert evidence(text)


def test_a_plain_industry_word_at_the_start_of_a_line_is_not_the_operation_voice():
    # 工业运行 with nothing before it is a regional overview (the statistics office's news), not an industry's report
    text = ("工业运行平稳。\n\n"
            "1-9月,全省规模以上钟表企业营业收入41.2亿元,增长4.4%;利润总额2.9亿元,增长6.0%。\n\n"
            "营业收入增长主要得益于智能手表需求回升。钟表出口额3.3亿美元,下降1.2%。\n")
    assert any("41.2亿元" in t for t in evidence(text))


_BULLETIN_BODY = ("2024年,全县上下坚持稳中求进工作总基调,经济运行稳中有进,社会大局和谐稳定。\n\n"
                  "一、综合\n\n"
                  "2024年,全县实现地区生产总值86.41亿元,比上年增长4.2%。其中,第一产业增加值15.20亿元,增长3.5%;"
                  "第二产业增加值30.66亿元,增长5.1%;第三产业增加值40.55亿元,增长3.8%。\n\n"
                  "二、农业\n\n"
                  "全年粮食总产量12.35万吨,比上年增长0.8%。\n")


def test_a_bulletin_known_by_its_title_is_a_release_for_its_own_summary():
    text = "某县2024年国民经济和社会发展统计公报\n\n某县统计局\n\n" + _BULLETIN_BODY
    assert steady(text) == []


def test_a_local_office_opening_voice_is_a_release_for_its_own_summary():
    text = ("1-9月,全县规模以上工业增加值同比增长5.2%,工业经济稳中向好。\n\n"
            "1-9月,全县社会消费品零售总额28.37亿元,同比增长6.1%。\n\n"
            "1-9月,全县固定资产投资同比增长3.3%,其中工业投资增长8.9%。\n")
    assert steady(text) == []


def test_a_ministry_headline_byline_is_not_a_statistics_release():
    text = ("某部:全县经济稳中有进\n\n2024年,全县经济运行稳中有进,社会大局和谐稳定。各乡镇加大招商引资力度,"
            "重点项目建设有序推进,营商环境持续改善。\n")
    assert steady(text)


def test_the_same_summary_in_a_commentary_stays_flagged():
    text = ("某县经济发展述评\n\n2024年,全县经济运行稳中有进,社会大局和谐稳定。各乡镇加大招商引资力度,"
            "重点项目建设有序推进,营商环境持续改善。\n")
    assert steady(text)
