import pandas as pd
import pytest

FAMILIES = ["生产制造", "装调与质检", "电池技术", "研发设计"]


def survey_rows(n: int = 12) -> list[dict]:
    rows = []
    for i in range(n):
        fam = FAMILIES[i % 4]
        rows.append({"企业名称": f"示例企业{i % 5 + 1:02d}", "所在地区": ["江苏", "浙江", "安徽"][i % 3],
                     "企业类型": "民营企业", "企业规模": "中型", "岗位名称": f"{fam}岗{i % 2 + 1}", "岗位类别": fam,
                     "学历要求": "高职专科", "技能要求": "装配工艺;故障诊断", "现有人数": 20 + i,
                     "计划招聘_2026": 5 + i, "计划招聘_2027": 6 + i, "是否难招": "是" if i % 3 == 0 else "否",
                     "薪酬区间": "6-8千", "调查年份": 2025})
    return rows


@pytest.fixture()
def write_table(tmp_path):
    """Write rows to tmp_path/name (xlsx with a sheet, or csv) and return the path."""
    def _write(name: str, rows, sheet: str = "问卷数据", columns=None):
        df = pd.DataFrame(rows, columns=columns)
        p = tmp_path / name
        if p.suffix == ".csv":
            df.to_csv(p, index=False, encoding="utf-8-sig")
        else:
            df.to_excel(p, sheet_name=sheet, index=False)
        return p
    return _write
