"""Issue 9, round 24 (evidence, helper evid24): a release's own voice, a plan's targets, and vague sources.

A statistics release that never names its publisher is still the source of its figures when its form says so: the
opening sentence gives a period-end stock (三季度末，全省……) or puts the change before the figure (1-9月，全市……同比增长
X%); a bulletin in numbered sections cites its own monitoring in a paragraph with no figure; a release whose numbered
section titles run into the text (一、……上半年全县……). Each case has a close twin that stays flagged. Texts written for
these tests (vehicle registration, software services, aquaculture, county tourism, road freight...), not taken from
the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"
FORECAST = "evidence.forecast-basis"


def findings(text, rule):
    """The rules' findings (the learned filter off: these tests are about the rules)."""
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == rule]


# --- 1. a local release's opening voice: a period-end stock, or the change before the figure -----------------------
STOCK = ("年末,全市民用汽车保有量186.4万辆,比上年末增加9.2万辆,增长5.2%。\n"
         "其中,私人汽车保有量163.8万辆,比上年末增加8.1万辆。\n"
         "全年新注册登记汽车14.6万辆,比上年增长3.4%。\n")


def test_a_release_opening_with_a_period_end_stock_is_its_own_source():
    assert findings(STOCK, UNSOURCED) == []


def test_the_same_stock_without_a_local_scope_stays_unsourced():
    text = STOCK.replace("年末,全市民用汽车", "年末,某品牌汽车")
    assert any("186.4万辆" in t for t in findings(text, UNSOURCED))


CHANGE_FIRST = ("1-9月,全市规模以上软件和信息技术服务业营业收入同比增长12.3%,高于全部规模以上服务业2.1个百分点。\n"
                "从细分领域看,信息技术服务收入同比增长15.6%,软件产品收入同比增长9.8%。\n")


def test_a_release_opening_with_the_change_before_the_figure_is_its_own_source():
    assert findings(CHANGE_FIRST, UNSOURCED) == []


def test_the_change_first_opening_after_a_vague_source_stays_unsourced():
    text = "据了解," + CHANGE_FIRST
    assert any("12.3%" in t for t in findings(text, UNSOURCED))


# --- 2. a headed bulletin citing its own monitoring where it states no figure ---------------------------------------
def _bulletin(monitoring: str, source: str = "") -> str:
    return ("上半年,全省水产养殖生产平稳,渔业经济稳中有进。\n"
            "一、养殖条件总体适宜\n"
            f"{monitoring}主要养殖区水温适宜,病害发生面积小于上年同期。\n"
            "二、水产品产量稳定增长\n"
            f"{source}上半年,全省水产品总产量312.5万吨,同比增长3.1%。\n"
            "海水产品产量201.3万吨,同比增长2.8%;淡水产品产量111.2万吨,同比增长3.6%。\n"
            "三、水产品价格小幅回落\n"
            "上半年,全省水产品批发均价每公斤24.6元,同比下降2.3%。\n")


def test_a_bulletin_citing_its_monitoring_in_a_paragraph_without_figures_is_its_own_source():
    assert findings(_bulletin("卫星遥感监测结果显示,"), UNSOURCED) == []


def test_a_bulletin_citing_another_body_beside_its_figures_stays_unsourced_in_other_sections():
    # a source named beside figures: the text reports that body's data, judged section by section, and the next
    # section's figures have no source of their own
    text = _bulletin("卫星遥感监测结果显示,", source="据某水产流通协会统计,")
    assert any("24.6元" in t for t in findings(text, UNSOURCED))


# --- 3. numbered sections whose titles run into the text --------------------------------------------------------------
RUN_IN = ("今年上半年,全县上下统筹推进各项工作,经济运行稳中有升。\n"
          "一、旅游市场加快恢复上半年,全县接待游客286.4万人次,同比增长18.2%;旅游总收入24.7亿元,同比增长21.5%。\n"
          "二、交通运输平稳运行上半年,全县公路货运量1536万吨,同比增长4.3%;货物周转量21.8亿吨公里,同比增长5.1%。\n"
          "客运方面,全县完成客运量312万人次,同比增长9.6%。\n")


def test_a_release_whose_numbered_titles_run_into_the_text_is_its_own_source():
    assert findings(RUN_IN, UNSOURCED) == []


def test_a_single_numbered_paragraph_is_not_a_release_layout():
    text = RUN_IN.replace("二、交通运输平稳运行上半年", "交通运输方面,上半年")
    assert any("286.4万人次" in t for t in findings(text, UNSOURCED))


# --- 4. an official document's targets: its addressees (or number, title) mark the issuing body's own document ------
PLAN_BODY = ("(二)主要目标。到2027年,全市数字文化产业营业收入年均增长12%左右,规模以上数字文化企业达到150家以上。\n"
             "到2030年,建成5个以上省级数字文化产业园区。\n")


def test_a_plan_under_an_addressee_line_states_the_issuers_own_targets():
    text = ("各区人民政府,市政府各部门,各有关单位:\n"
            "现将《某市数字文化产业发展行动方案》印发给你们,请认真贯彻执行。\n" + PLAN_BODY)
    assert findings(text, UNSOURCED) == []


def test_the_same_targets_in_a_text_with_no_addressee_line_stay_flagged():
    text = "某市数字文化产业加快发展\n" + PLAN_BODY
    assert any("150家" in t for t in findings(text, UNSOURCED))


# --- 5. the clauses after 力争 are a plan's targets -------------------------------------------------------------------
def test_figures_after_a_striving_clause_are_targets():
    text = "某工程机械企业发布青年技工计划,力争在三年内,覆盖30个城市、培养5000名维修技工。\n"
    assert findings(text, UNSOURCED) == []


def test_figures_before_the_striving_clause_are_still_checked():
    text = "某工程机械企业的青年技工计划已覆盖12个城市,力争在三年内,覆盖30个城市、培养5000名维修技工。\n"
    assert any("12个" in t for t in findings(text, UNSOURCED))


def test_the_same_figures_stated_as_done_stay_flagged():
    text = "某工程机械企业发布青年技工计划,三年来,已覆盖30个城市、培养5000名维修技工。\n"
    assert any("30个城市" in t for t in findings(text, UNSOURCED))
