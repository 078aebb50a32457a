import datetime as dt
from pathlib import Path

import pytest

from assistant.annual.workbook import write_workbook

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_2026 = ROOT / "corpus" / "nev" / "data" / "绩效数据_2026.xlsx"
SAMPLE_2025 = ROOT / "corpus" / "nev" / "data" / "绩效数据_2025.xlsx"


def small_rows(year: int, order: int = 40) -> dict:
    d = dt.date
    return {
        "members": [["甲示例汽车公司", "牵头企业", "民营企业", "江苏", d(year - 1, 5, 1)],
                    ["乙示例大学", "牵头高等学校", "普通本科高校", "江苏省", d(year - 1, 5, 1)],
                    ["丙示例职业学院", "牵头职业学校", "高职专科学校", "浙江", d(year - 1, 5, 1)],
                    ["丁示例协会", "行业组织", "地方行业组织", "广东", d(year, 2, 1)],
                    ["戊示例零部件公司", "企业", "民营企业", "浙江省", d(year, 3, 1)],
                    ["己示例职业学校", "学校", "中职学校", "四川", d(year, 4, 1)]],
        "training": [["丙示例职业学院", "甲示例汽车公司", "订单培养", "专业A", order],
                     ["己示例职业学校", "甲示例汽车公司", "订单培养", "专业B", 10],
                     ["丙示例职业学院", "戊示例零部件公司", "学徒制培养", "专业A", 0]],
        "reports": [["行业发展分析报告", d(year, 3, 20), "网站", "a.docx"],
                    ["技术供需清单", d(year, 5, 6), "网站", "b.xlsx"]],
        "tech": [["示例平台", "技术创新中心", "乙示例大学", 100.5, 2, "", "否", "进行中"],
                 ["示例改造", "技术改造", "甲示例汽车公司", 20, 1, "", "是", "已完成"]],
    }


@pytest.fixture
def small_book(tmp_path):
    def make(year=2026, order=40, name=None):
        return write_workbook(year, tmp_path / (name or f"perf_{year}.xlsx"), small_rows(year, order),
                              community="示例共同体", industry="示例行业")
    return make
