"""Neutral uses of words that look absolute must not be flagged."""
import pytest

from assistant.check import check_text

NEUTRAL = [
    "本报告采用各部门最新发布的年度统计数据。",
    "共同体每年第一季度期间完成行业发展分析报告的编制与发布。",
    "每名学员在管理平台中有唯一标识码，培训记录按唯一标识关联。",
    "实习报酬不得低于当地最低工资标准。",
    "该共同体是第一批在管理平台完成注册的共同体之一。",
    "规划提出，要最大限度发挥市场在资源配置中的决定性作用。",
    "人社部“最缺工”的100个职业排行按季度发布。",
    "人社部发布的最缺工的100个职业排行是判断紧缺程度的参考。",
    "企业负责人表示：“这是我们见过的最好的订单班。”该评价仅代表个人看法。",
    "专家认为「智驾方向的工程师是当前最难招的岗位」。",
    "第一，要把人才需求调研作为常态化工作；第二，要按季度更新清单。",
    "第一产业、第二产业和第三产业的就业结构变化会影响人才来源。",
    "最终确定的紧缺岗位清单共列出18个岗位。",
    "其中纯电动车型销量占比最高，插电式混合动力车型增长最快。",
    "每条岗位记录有唯一编号，避免重复统计。",
    "《新能源汽车产业发展规划（2021—2035年）》是本报告的主要政策依据。",
    "共同体要建设国内第一批现场工程师培养基地。",
    "通知要求产教布局高度匹配、服务高效对接。",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_text_is_clean(text):
    r = check_text(text, report="industry-analysis", categories={"objectivity", "evidence", "consistency"})
    assert r.findings == [], [(f.rule_id, f.text) for f in r.findings]


def test_the_notice_itself_is_clean(tmp_path):
    from pathlib import Path

    notice = Path(__file__).resolve().parents[2] / "evals" / "check" / "data" / "notice.txt"
    r = check_text(notice.read_text(encoding="utf-8"), report="industry-analysis",
                   categories={"objectivity", "evidence", "consistency"})
    assert r.findings == [], [(f.rule_id, f.text) for f in r.findings]
