"""Issue 9, round 25 (evidence, helper evid25): a release's forms and a data page's own figures.

A data release that never names its publisher is the source of its figures when its form says so: a title line naming
a period and ending in 情况／数据 (a colon may follow) over a list of indicator figures and their changes. A platform's
or a body's data page — label and value lines, distribution tables, a list of percentiles, no prose argument — is the
source of its own figures too. Each case has a close twin that stays flagged. Texts written for these tests (port
cargo, museum visits, a nursing job page, a welding job page...), not taken from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def findings(text, rule=UNSOURCED):
    """The rules' findings (the learned filter off: these tests are about the rules)."""
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == rule]


# --- 1. a release known by its title line and the list of indicators under it ------------------------------------
def _titled(title: str, lead: str = "") -> str:
    return (f"{title}\n"
            f"1、{lead}港口货物吞吐量4.82亿吨,比去年同期增长3.6%;\n"
            "其中外贸货物吞吐量1.95亿吨,比去年同期增长5.2%;\n"
            "2、集装箱吞吐量1263.4万标准箱,比去年同期增长7.1%;\n"
            "3、旅客吞吐量312.6万人次,比去年同期下降2.4%;\n"
            "4、港口营业收入86.3亿元,比去年同期增长4.9%。\n")


def test_a_titled_release_with_a_colon_is_its_own_source():
    assert findings(_titled("2023年1-6月全省港口生产情况:")) == []


def test_a_titled_release_without_a_colon_is_its_own_source():
    assert findings(_titled("2021年前三季度全市博物馆接待数据")) == []


def test_the_same_list_under_an_analysis_title_stays_unsourced():
    flagged = findings(_titled("2023年1-6月全省港口生产情况分析:"))
    assert any("4.82亿吨" in t for t in flagged)


def test_the_same_list_under_a_title_without_a_period_stays_unsourced():
    flagged = findings(_titled("全省港口生产情况:"))
    assert any("4.82亿吨" in t for t in flagged)


def test_a_titled_release_quoting_a_vague_source_stays_unsourced():
    flagged = findings(_titled("2023年1-6月全省港口生产情况:", lead="据了解,"))
    assert any("4.82亿吨" in t for t in flagged)


def test_a_titled_list_of_figures_without_their_changes_stays_unsourced():
    text = ("2022年全市养老机构情况\n"
            "1、养老机构126家,床位1.8万张;\n"
            "2、护理型床位9200张,占全部床位的51%;\n"
            "3、入住老人1.1万人,平均年龄81岁;\n"
            "4、护理员2300人,其中持证上岗1650人。\n")
    assert findings(text)


# --- 2. a data page: label and value lines, distribution tables, percentiles, no prose -----------------------------
def _sheet(findings_lines: str = "", first: str = "职位类别 医疗 > 护理") -> str:
    return (f"{first}\n"
            "护士\n"
            "地区\n"
            "某市\n"
            "平均月薪 约¥84,000/年\n"
            "¥7,000\n"
            "月薪分布情况\n"
            "月薪区间 | 占比 |\n"
            "---|---|\n"
            "月薪<5千 | 18% |\n"
            "月薪5千-8千 | 46% |\n"
            "月薪8千-1.2万 | 27% |\n"
            "月薪>1.2万 | 9% |\n"
            "薪资分位数分析\n"
            "- 25%分位薪资:约¥62,400/年\n"
            "- 50%分位薪资(中位数):约¥81,600/年\n"
            "- 75%分位薪资:约¥103,200/年\n"
            f"{findings_lines}")


def test_a_data_page_is_its_own_source():
    assert findings(_sheet()) == []


def test_a_data_page_with_a_short_summary_of_its_own_figures_is_its_own_source():
    text = _sheet("主要发现\n- 月薪集中在5千-8千区间,占比46%,高薪段占比不足一成。\n")
    assert findings(text) == []


def test_a_data_page_quoting_a_vague_source_stays_unsourced():
    text = _sheet("主要发现\n- 据业内人士透露,全市护士缺口约3000人,月薪集中在5千-8千区间,占比46%。\n")
    assert any("3000人" in t for t in findings(text))


def test_an_article_with_a_distribution_table_under_its_argument_stays_unsourced():
    text = ("一、焊工就业基本情况\n"
            "近年来,装备制造业持续扩张,带动焊工需求快速增长,持证焊工的平均就业率达到96.2%,明显高于其他工种。\n"
            "焊工就业的优势体现在岗位稳定、技能可迁移、晋升通道清晰三个方面。\n"
            "用人单位分布\n"
            "| 单位类型 | 占比 |\n"
            "|---|---|\n"
            "| 船舶制造企业 | 38.5% |\n"
            "| 钢结构企业 | 27.1% |\n"
            "| 压力容器企业 | 19.6% |\n"
            "| 其他 | 14.8% |\n")
    assert any("96.2%" in t for t in findings(text))


# --- 1b. the same release as a table of indicators under its title ----------------------------------------------
def _indicator_table(title: str) -> str:
    return (f"{title}\n"
            "序号 主要指标(单位) 本月数据 去年同期 同比(%)\n"
            "1 快递业务量(万件) 5321 4870 9.26\n"
            "2 快递业务收入(万元) 41280 39650 4.11\n"
            "3 同城业务量(万件) 1204 1133 6.27\n"
            "4 异地业务量(万件) 3987 3622 10.08\n"
            "5 国际业务量(万件) 130 115 13.04\n"
            "备注:以上数据为纳入统计的重点寄递企业,共58家。\n")


def test_a_titled_table_of_indicators_is_its_own_source():
    assert findings(_indicator_table("2023年5月份全市快递业务统计数据")) == []


def test_the_same_table_under_a_title_without_a_period_stays_unsourced():
    assert any("58家" in t for t in findings(_indicator_table("全市快递业务统计数据")))


# --- 3. a section opening with a cohort of graduates, the reporting school's own ------------------------------------
def _cohort(opening: str) -> str:
    return ("2. 毕业生升学情况\n"
            f"{opening}共 1862 人,其中升入本科院校 412 人,占比 22.13%;出国(境)深造 37 人,占比 1.99%。\n"
            "表2-3 毕业生升学去向统计表\n"
            "升学去向 | 人数 | 比例 |\n"
            "本科院校 | 412 | 22.13% |\n"
            "出国(境) | 37 | 1.99% |\n")


def test_a_section_opening_with_a_cohort_of_graduates_is_the_schools_own_data():
    assert findings(_cohort("2023届毕业生")) == []


def test_a_national_cohort_of_graduates_stays_unsourced():
    assert any("1862" in t for t in findings(_cohort("2023届全国高校毕业生")))
