"""Issue 4, second round: rule classes (not word lists) for objectivity and evidence, and their neutral
exceptions. Examples here are written for the tests; none is copied from an eval set."""
import pytest

from assistant.check import check_text

SPAN = {"objectivity", "evidence", "consistency"}


def run(text):
    return check_text(text, report="industry-analysis", categories=SPAN)


def flagged(text, category=None):
    return [(f.rule_id, f.text) for f in run(text).findings if category is None or f.category == category]


@pytest.mark.parametrize("text,rule,word", [
    # promotional idioms and market clichés
    ("该品牌车型上市后一车难求，经销商库存告急。", "objectivity.promotional", "一车难求"),
    ("智能座舱技术突飞猛进，行业呈现欣欣向荣的局面。", "objectivity.promotional", "突飞猛进"),
    ("换电模式风靡全国，成为资本追逐的风口。", "objectivity.promotional", "风靡"),
    ("学院的订单班培养模式备受行业青睐。", "objectivity.promotional", "备受行业青睐"),
    ("共同体建设取得了历史性突破。", "objectivity.promotional", "历史性突破"),
    ("智能网联汽车热潮席卷各地。", "objectivity.promotional", "席卷各地"),
    ("我们构建了全方位的校企协同育人机制。", "objectivity.promotional", "全方位"),
    # rhetorical certainty
    ("固态电池终将取代液态锂电池。", "objectivity.certainty", "终将"),
    ("显而易见，复合型人才是企业竞争的关键。", "objectivity.certainty", "显而易见"),
    ("谁率先布局换电网络，谁就赢得市场。", "objectivity.certainty", "谁就"),
    ("人才短缺问题已被彻底解决。", "objectivity.certainty", "彻底解决"),
    # intensifier + evaluative adjective
    ("电驱系统工程师极为稀缺，企业普遍开出高薪。", "objectivity.intensifier", "极为稀缺"),
    ("学生对实训课程非常满意。", "objectivity.intensifier", "非常满意"),
    ("产教融合的成效相当突出。", "objectivity.intensifier", "相当突出"),
    # 最 + evaluative
    ("电池工程师是当下最吃香的岗位。", "objectivity.superlative", "最吃香"),
    ("该专业是最有前途的专业之一。", "objectivity.superlative", "最有前途"),
    ("毕业生最受整车企业青睐。", "objectivity.superlative", "最受整车企业青睐"),
    # ranking with scope word, history, leadership verbs
    ("我校建成了全国同类院校中规模最大的实训中心。", "objectivity.ranking-claim", "最大"),
    ("本年度招聘规模创下史上最高纪录。", "objectivity.ranking-claim", "史上最高"),
    ("龙头企业的电池技术领跑全球。", "objectivity.ranking-claim", "领跑全球"),
    # vague quantities and comparisons
    ("共同体已为企业输送上千名技术技能人才。", "objectivity.vague-amount", "上千"),
    ("近年来智能驾驶岗位大规模扩招。", "objectivity.vague-amount", "大规模"),
    ("高端研发人才的需求远远超过供给。", "objectivity.vague-comparison", "远远超过"),
    ("维修技师的收入明显提高。", "objectivity.vague-comparison", "明显提高"),
])
def test_new_classes_flag(text, rule, word):
    hits = flagged(text)
    assert any(r == rule and word in t for r, t in hits), hits


@pytest.mark.parametrize("text", [
    # neutral look-alikes of the new classes
    "深化产教融合是推动职业教育高质量发展的必然要求。",
    "该项改革对促进就业具有十分重要的意义。",
    "学院教师获评全国最美教师称号。",
    "据杭州市发布的紧缺人才目录，紧缺指数按供求比分级，0.5至1为非常紧缺，0.2至0.5为紧缺。",
    "共同体将全方位整合产教资源，推动实训基地开放共享。",
    "据中国汽车工业协会统计，2022年新能源汽车出口增速较2021年的304.6%明显回落，全年出口67.9万辆。",
    "据《中国汽车人才发展报告》，软件和数据方向的人才需求尤为突出。",
    "近十多年来，我国逐步建立起完整的新能源汽车产业体系。",
    "国家推动大规模设备更新和消费品以旧换新。",
    "毕业生可报考一流大学的专升本专业，也可参加“双一流”高校的研究生招生考试。",
    "相当于每百辆新能源汽车配备约40个充电接口（国家能源局，2024）。",
    "特别是在电池检测岗位，企业更重视实操能力。",
    "负极材料与正极材料的国产化率均已较高（来源：中国汽车动力电池产业创新联盟）。",
])
def test_neutral_look_alikes_stay_clean(text):
    assert flagged(text) == []


# --- evidence: vague sources, Chinese-numeral figures, inline citations, forecast wording ------------
@pytest.mark.parametrize("text", [
    "据不完全统计，2024年新能源汽车维修企业新增3000余家。",
    "相关研究表明，新能源汽车后市场规模已达到5000亿元。",
    "业内人士估计，2025年电池回收量约为40万吨。",
])
def test_vague_source_is_not_a_source(text):
    assert any(r == "evidence.unsourced-figure" for r, _ in flagged(text, "evidence")), flagged(text)


@pytest.mark.parametrize("text,word", [
    ("接受调研的企业中，超过八成存在用工缺口。", "八成"),
    ("智驾岗位的供需比低至0.21。", "0.21"),
])
def test_chinese_numeral_figures_need_a_source(text, word):
    hits = flagged(text, "evidence")
    assert any(word in t for _, t in hits), hits


def test_chinese_numeral_figure_with_source_is_clean():
    assert flagged("据中国汽车工业协会统计，国产品牌占新能源乘用车销量的近八成。") == []


def test_inline_citation_covers_only_the_figures_before_it():
    t = "2022年新能源汽车销量688.7万辆（来源：中国汽车工业协会），2023年销量达到949.5万辆。"
    hits = flagged(t, "evidence")
    assert [x for _, x in hits] == ["949.5万辆"], hits
    assert flagged("2022年新能源汽车销量688.7万辆，2023年销量达到949.5万辆（来源：中国汽车工业协会）。") == []


@pytest.mark.parametrize("text", [
    "到2030年，动力电池回收从业人员将扩大至20万人。",
    "未来五年，充电运维岗位需求将翻一番。",
    "据测算，到2028年新增检测维修岗位将超过8万个。",
])
def test_forecast_without_method_is_flagged(text):
    assert any(r == "evidence.forecast-basis" for r, _ in flagged(text, "evidence")), flagged(text)


def test_forecast_with_method_horizon_and_assumptions_is_clean():
    t = ("本报告采用劳动生产率法测算，假设成员企业产能按现有规划释放，预计到2028年成员企业新增检测维修岗位"
         "将超过8000个。")
    assert [r for r, _ in flagged(t, "evidence")] == []
