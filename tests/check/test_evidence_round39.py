"""Issue 9, round 39 (evidence, helper evid39): a county's or district's economy release with no byline left.

- A release in bracket-numbered sections（（一）工业经济稳中承压。）is laid out as a release, as one
  in 一、二、 sections was (sources.yaml inline_heading, numbered_paragraph): its figures are the release's own when
  nearly every body sentence is a figure of the period and its change (the release layout's shares, unchanged).
- A local statistics office's GDP-accounting opening (根据地区生产总值统一核算结果,上半年全县实现地区生产总值……,同比增长……)
  is its own voice, like 上半年,全县……同比 (sources.yaml local_release_voice): only the office does the unified accounting.
- A local release compared with the enclosing jurisdiction (同比增长5.2%,比全省平均增速高0.4个百分点) is the local
  office's own (sources.py `_compared_release`); 科学研究和技术服务业, an industry's name, is not a paper's 研究.
A reporter's story in the same words (本报讯) and a text naming a vague source keep their figures unsourced.
Texts written for these tests (a district, a county, a city), not from the eval sets; each test failed on 4a2c1ca."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def rules(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings
            if f.rule_id == UNSOURCED]


DISTRICT = ("1-5月,在区委、区政府的坚强领导下,全区上下攻坚克难,推动经济平稳向好。\n"
            "(一)工业生产稳中有升。1-5月,规上工业增加值同比增长6.2%。轻工业产值同比增长3.1%;重工业产值同比下降0.8%。\n"
            "(二)消费市场持续回暖。1-5月,限上单位零售额同比增长5.4%,限上餐饮业营业额同比增长9.7%。\n"
            "(三)投资保持增长。1-5月,固定资产投资同比增长8.8%,工业投资同比增长15.2%。\n")


def test_a_release_in_bracket_numbered_sections_is_laid_out_as_a_release():
    assert rules(DISTRICT) == []
    assert rules(DISTRICT.replace("(", "（").replace(")", "）")) == []
    # the same figures in a reporter's story stay unsourced
    assert rules("本报讯(记者 李明)" + DISTRICT) != []


COUNTY = ("上半年,在县委县政府的坚强领导下,全县上下坚持稳中求进,经济运行总体平稳。\n"
          "根据地区生产总值统一核算结果,上半年全县实现地区生产总值42.6亿元,按不变价格计算,同比增长4.1%。"
          "其中,第一产业增加值5.2亿元,同比增长3.0%;第二产业增加值17.9亿元,同比增长4.6%。主要特点如下:\n"
          "工业经济平稳增长。规模以上工业增加值累计增长7.3%,采矿业增长9.1%,制造业增长6.5%。\n"
          "消费品市场保持活跃。全县社会消费品零售总额15.4亿元,同比增长3.9%,增速高于全市0.5个百分点。\n"
          "金融机构存贷款增加。6月末,本外币各项存款168亿元,增速4.2%;各项贷款121.5亿元,增速8.7%。\n"
          "总的来看,上半年我县经济发展趋于平稳,工业增速有所放缓。\n")


def test_a_county_gdp_accounting_opening_is_the_statistics_offices_own_voice():
    assert rules(COUNTY) == []
    # a reporter's story in the same words, and a text quoting a vague source, keep their figures unsourced
    assert rules("本报讯(记者 李明)" + COUNTY) != []
    assert rules(COUNTY.replace("消费品市场保持活跃。", "消费品市场保持活跃。据了解,")) != []


SERVICES = ("1-9月,某市规模以上服务业营业收入512.36亿元,同比增长5.2%,比全省平均增速高0.4个百分点。\n"
            "分行业看:交通运输、仓储和邮政业营业收入120.45亿元,同比增长8.1%;科学研究和技术服务业营业收入60.12亿元,"
            "同比增长3.3%;租赁和商务服务业营业收入98.70亿元,同比增长1.9%。\n")


def test_a_release_compared_with_the_enclosing_jurisdiction_is_the_local_offices_own():
    assert rules(SERVICES) == []
    # a reporter's story, and a text quoting a vague source, keep their figures unsourced
    assert rules("本报讯(记者 李明)" + SERVICES) != []
    assert rules(SERVICES.replace("分行业看:", "据了解,")) != []
