"""The drafted 年度总结报告: figures cited to sheets, cases from the knowledge base, problems naming figures,
and the review checker passing it with all six indicators covered."""
import re

from assistant.annual.calendar import due_items
from assistant.annual.summary import draft_summary
from assistant.check import check_file
from assistant.cli import main
from assistant.types import Hit

from .conftest import SAMPLE_2025, SAMPLE_2026


class FakeKB:
    """Two case write-ups; search returns them for any query."""

    def __init__(self):
        self.hits = [
            Hit(chunk_id="c1", source="2026_典型案例_示例订单班.md", page=None, year=2026, title="典型案例：示例订单班",
                heading="", score=1.0, text="2026年，示例职业学院与示例汽车公司联合招收订单班学生60人，企业工程师承担实践教学。"),
            Hit(chunk_id="c2", source="2026_共同体会议纪要.md", page=None, year=2026, title="共同体年度工作会议纪要",
                heading="", score=0.9, text="2026年6月18日，共同体召开理事会工作会议，审议通过共同体年度工作计划和章程修订稿。"),
        ]

    def search(self, query, top_k=5, **kw):
        return self.hits[:top_k]


def test_summary_cites_sheets_and_passes_the_checker(tmp_path):
    res = draft_summary(SAMPLE_2026, tmp_path / "总结.docx", previous=SAMPLE_2025, kb=FakeKB(), industry="示例行业")
    md = res.markdown
    heads = re.findall(r"^##+ (.+)$", md, flags=re.M)
    assert heads[:3] == ["一、基本情况", "二、建设成效", "（一）全方位整合产教资源"]
    assert "三、典型案例" in heads and "四、存在问题" in heads and "五、下一年度工作计划" in heads
    refs = dict(re.findall(r"^\[(\d+)\] (.+)$", md, flags=re.M))
    order = res.indicators.get("order")
    line = next(ln for ln in md.splitlines() if f"订单培养学生{order.value}人" in ln)
    nums = re.search(r"订单培养学生[^\[]*\[([\d,]+)\]", line).group(1).split(",")
    assert any("工作表“人才培养”" in refs[n] for n in nums)
    assert "2026_典型案例_示例订单班.md" in md.split("## 参考来源")[1]
    # every item under 存在问题 names a figure or a date, or says what is missing
    problems = md.split("## 四、存在问题")[1].split("## 五")[0]
    items = [ln for ln in problems.splitlines() if re.match(r"^\d+\.", ln)]
    assert items and all(re.search(r"\d", i) or "缺少数据" in i for i in items)
    assert "继续教育" in problems and "技术供需清单" in problems
    # the plan answers them one item per indicator, naming the quantities without repeating their figures
    plan = md.split("## 五、下一年度工作计划")[1].split("## ")[0]
    steps = [ln for ln in plan.splitlines() if re.match(r"^\d+\.", ln)]
    assert "针对本行业就业率、继续教育" in plan and len(steps) < len(items)
    figs = {f for i in items for f in re.findall(r"\d+(?:\.\d+)?(?:%|人次|人|套|家)", re.sub(r"\[[\d,]+\]", "", i))}
    assert figs and not [f for f in figs if f in re.sub(r"\[[\d,]+\]", "", plan)]
    assert (tmp_path / "总结.docx").is_file() and (tmp_path / "总结_监测指标.xlsx").is_file()
    chk = check_file(tmp_path / "总结.docx", report="annual-summary")
    assert not [f for f in chk.findings if f.category == "completeness" and f.level == "error"]
    card = chk.summary["scorecard"]
    assert len(card) == 6 and all(c["score"].split("/")[0] == c["score"].split("/")[1] for c in card)


def test_summary_without_kb_or_previous(tmp_path):
    out = tmp_path / "s.md"
    assert main(["draft", "--report", "annual-summary", "--data", str(SAMPLE_2026), "--out", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "未使用知识库" in md and "未提供上年度绩效数据" in md and "比上年" not in md
    assert "缺少数据" in md  # the sample's unreported admission kinds are named, not shown as 0
    assert "合成示例数据" in md


def test_calendar_days_left():
    items = {d.id: d for d in due_items(__import__("datetime").date(2026, 11, 30))}
    assert items["annual-summary"].days_left == 15 and items["annual-summary"].status == "进行中"
    assert items["performance-data"].status == "进行中"
    assert items["plan"].end.year == 2027 and items["plan"].status == "未开始"
    assert main(["calendar", "--date", "2026-11-30"]) == 0
