#!/usr/bin/env python3
"""Generate the SYNTHETIC performance-data workbooks of the sample community (合成示例数据):

    corpus/nev/data/绩效数据_2026.xlsx   this year's records
    corpus/nev/data/绩效数据_2025.xlsx   last year's, for year-on-year changes

Every unit is fictional and carries 示例 in its name; every figure is invented. The layout is the
package's own template (assistant/data/performance.yaml), written by assistant.annual.workbook.
Seeded (numpy default_rng(20261101)) and zip timestamps fixed, so rebuilds are byte-identical.

Usage: python corpus/nev/build_performance.py [--out DIR]
"""
from __future__ import annotations

import datetime as dt
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from assistant.annual.workbook import write_workbook  # noqa: E402
from build_corpus import normalize_zip  # noqa: E402

SEED = 20261101
OUT = HERE / "data"
NOTE = ("合成示例数据（SYNTHETIC）：本工作簿中的单位名称和全部数字均为程序生成的虚构示例，单位名称中的“示例”"
        "字样表示虚构，不代表任何真实单位；仅用于演示绩效数据采集、监测指标计算和年度总结报告起草，详见 "
        "corpus/nev/MANIFEST.md。")

LEADS = [("华东示例新能源汽车有限公司", "牵头企业", "中国500强企业", "上海", "2023-07-29"),
         ("示例理工大学", "牵头高等学校", "“双一流”建设高校", "江苏", "2023-07-29"),
         ("示例交通职业技术学院", "牵头职业学校", "高职专科学校", "浙江", "2023-07-29")]
# (name, role, category, province, joined) — provinces written both short and full, as users do
MEMBERS = [
    ("示例汽车工程学会", "行业组织", "全国性行业组织", "北京", "2023-07-29"),
    ("长三角示例新能源汽车产业联盟", "行业组织", "地方行业组织", "上海市", "2023-09-12"),
    ("示例汽车技术研究院", "科研机构", "科研院所", "天津", "2023-07-29"),
    ("示例智能网联创新中心", "科研机构", "新型研发机构", "安徽省", "2024-03-18"),
    ("西部示例动力电池科技有限公司", "企业", "民营企业", "四川", "2023-07-29"),
    ("中部示例充换电服务有限公司", "企业", "地方国有企业", "湖北", "2023-10-20"),
    ("浙启航示例动力电池有限公司", "企业", "产教融合型企业", "浙江", "2024-05-06"),
    ("苏锐示例电驱动系统有限公司", "企业", "民营企业", "江苏", "2024-05-06"),
    ("皖能示例汽车零部件有限公司", "企业", "民营企业", "安徽", "2024-09-02"),
    ("粤芯示例汽车电子有限公司", "企业", "外资企业", "广东", "2025-04-15"),
    ("湘驰示例新能源客车有限公司", "企业", "地方国有企业", "湖南", "2025-06-30"),
    ("示例智驾软件科技有限公司", "企业", "民营企业", "上海", "2026-03-20"),
    ("鲁通示例热管理系统有限公司", "企业", "民营企业", "山东", "2026-05-12"),
    ("示例科技大学", "学校", "普通本科高校", "安徽", "2023-07-29"),
    ("示例工业职业技术大学", "学校", "本科层次职业学校", "江苏", "2024-03-18"),
    ("示例机电职业技术学院", "学校", "高职专科学校", "江苏", "2023-07-29"),
    ("示例汽车职业技术学院", "学校", "高职专科学校", "湖北", "2023-10-20"),
    ("示例城市职业学院", "学校", "高职专科学校", "四川", "2024-09-02"),
    ("示例交通技师学院", "学校", "技工院校", "浙江", "2025-04-15"),
    ("示例汽车工程学校", "学校", "中职学校", "安徽", "2025-06-30"),
    ("示例新能源职业技术学院", "学校", "高职专科学校", "江西", "2026-04-08"),
]
VOC_SCHOOLS = ["示例交通职业技术学院", "示例机电职业技术学院", "示例汽车职业技术学院", "示例城市职业学院",
               "示例工业职业技术大学", "示例交通技师学院", "示例汽车工程学校", "示例新能源职业技术学院"]
ENTERPRISES = ["华东示例新能源汽车有限公司", "西部示例动力电池科技有限公司", "中部示例充换电服务有限公司",
               "浙启航示例动力电池有限公司", "苏锐示例电驱动系统有限公司", "皖能示例汽车零部件有限公司",
               "粤芯示例汽车电子有限公司", "湘驰示例新能源客车有限公司", "示例智驾软件科技有限公司"]
MAJORS = ["新能源汽车技术", "智能网联汽车技术", "新能源汽车检测与维修技术", "汽车智能技术", "电池制造技术"]


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def build(year: int, rng: np.random.Generator) -> dict[str, list[list]]:
    """One year's records. 2025 is the base; 2026 grows in most areas and falls in a few."""
    later = year >= 2026
    members = [[n, r, c, p, _d(j)] for n, r, c, p, j in LEADS + MEMBERS if _d(j).year <= year]
    schools = [s for s in VOC_SCHOOLS if any(m[0] == s for m in members)]
    firms = [e for e in ENTERPRISES if any(m[0] == e for m in members)]
    training = []
    scale = {"委托培养": 28, "订单培养": 96, "学徒制培养": 54, "现场工程师": 32}
    drift = {"委托培养": 1.15, "订单培养": 1.22, "学徒制培养": 0.82, "现场工程师": 1.35} if later else {}
    for i, s in enumerate(schools):
        for t, base in scale.items():
            if (i + len(t)) % 3 == 2 and t != "订单培养":
                continue
            n = int(base * drift.get(t, 1.0) * rng.uniform(0.6, 1.3))
            training.append([s, firms[(i + len(t)) % len(firms)], t, MAJORS[(i + len(t)) % len(MAJORS)], n])
    training.append(["合计", None, None, None, sum(r[4] for r in training)])
    exchange = []
    for i, s in enumerate(schools):
        e = firms[i % len(firms)]
        exchange.append([s, e, "企业人员到学校兼职任教", int(rng.integers(6, 16) * (1.2 if later else 1))])
        exchange.append([s, e, "学校教师到企业兼职或实践", int(rng.integers(4, 12) * (1.1 if later else 1))])
    employment = []
    for s in schools:
        g = int(rng.integers(600, 1500))
        inside = int(g * rng.uniform(0.18, 0.30) * (1.1 if later else 1))
        industry = int(g * rng.uniform(0.55, 0.72))
        employment.append([s, g, inside, industry])
    courses = []
    for s in schools[:6]:
        for t, base in (("岗前培训", 900), ("岗位培训", 1500), ("继续教育", 420)):
            f = (1.18 if t != "继续教育" else 0.78) if later else 1.0
            courses.append([s, t, int(base * f * rng.uniform(0.5, 1.4)), "、".join(firms[:2])])
    courses.append(["合计", None, sum(r[2] for r in courses), None])
    admissions = [["示例理工大学", "本科", "共同体内职业学校毕业生", 46 if later else 38],
                  ["示例理工大学", "专业学位研究生", "企业一线职工", 9 if later else 14],
                  ["示例科技大学", "本科", "共同体内职业学校毕业生", 31 if later else 27],
                  ["示例科技大学", "专业学位研究生", "企业一线职工", 6 if later else 5]]
    tech = [["示例新能源汽车动力系统技术创新中心", "技术创新中心", "华东示例新能源汽车有限公司", 1200.0, 6,
             "发明专利4项、团体标准2项", "否", "进行中"],
            ["示例电池安全产学研用协同创新平台", "产学研用协同创新平台", "示例理工大学", 560.0, 3, "发明专利3项", "否", "进行中"]]
    if later:
        tech.append(["示例智能网联测试重点实验室", "重点实验室", "示例智能网联创新中心", 480.0, 2, "实用新型专利2项", "否", "进行中"])
    projects = [("电池包壳体焊接工艺改进", "工艺改进"), ("电驱总成装配线自动化改造", "技术改造"),
                ("充电桩运维诊断系统升级", "产品升级"), ("热管理系统能效提升", "产品升级"),
                ("电芯化成工序节拍优化", "工艺改进"), ("下线检测工位数字化改造", "技术改造"),
                ("高压连接器防错装配改进", "工艺改进"), ("换电站控制软件升级", "产品升级"),
                ("涂装车间节能改造", "技术改造"), ("智驾数据闭环平台升级", "产品升级")]
    n_proj = 10 if later else 6
    for k, (title, t) in enumerate(projects[:n_proj]):
        from_list = "是" if k % 2 == 0 else "否"
        done = "已完成" if (k < 5 if later else k < 4) else "进行中"
        tech.append([f"示例{title}项目", t, firms[k % len(firms)], float(rng.integers(30, 180)),
                     int(rng.integers(0, 3)), "企业应用", from_list, done])
    resources = []
    for k in range(9 if later else 6):
        resources.append([f"示例{MAJORS[k % 5]}核心课程{k + 1}", "专业核心课程", schools[k % len(schools)], int(rng.integers(1, 8))])
    for k in range(7 if later else 5):
        resources.append([f"示例综合实训项目{k + 1}", "实践能力项目", firms[k % len(firms)], int(rng.integers(1, 6))])
    for k in range(2 if later else 3):
        resources.append([f"示例教学装备{k + 1}型", "教学装备", schools[k], int(rng.integers(2, 9))])
    policies = [["华东示例新能源汽车有限公司", "支持共同体建设专项管理办法", _d(f"{year}-03-15"), f"示例企〔{year}〕12号"],
                ["示例交通职业技术学院", "共同体教师企业实践专项经费管理办法", _d(f"{year}-05-20"), f"示例职院〔{year}〕8号"]]
    if later:
        policies.append(["示例机电职业技术学院", "共同体订单班学生奖助办法", _d(f"{year}-09-01"), None])
    reports = [["行业发展分析报告", _d(f"{year}-03-26"), "共同体门户网站", f"新能源汽车行业发展分析报告（{year}年）.docx"],
               ["行业人才需求预测报告", _d(f"{year}-03-28"), "共同体门户网站", f"新能源汽车行业人才需求预测报告（{year}年）.docx"],
               ["人才供需清单", _d(f"{year}-03-28"), "共同体门户网站", f"人才供需清单（{year}年）.xlsx"],
               ["技术供需清单", _d(f"{year}-04-16" if later else f"{year}-03-30"), "共同体门户网站", f"技术供需清单（{year}年）.xlsx"]]
    return {"members": members, "training": training, "exchange": exchange, "employment": employment,
            "courses": courses, "admissions": admissions, "tech": tech, "resources": resources,
            "policies": policies, "reports": reports}


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT), help="output folder (default corpus/nev/data)")
    out_dir = pathlib.Path(ap.parse_args().out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for year in (2025, 2026):
        rng = np.random.default_rng(SEED + year)
        out = write_workbook(year, out_dir / f"绩效数据_{year}.xlsx", build(year, rng), note=NOTE,
                             community="长三角新能源汽车行业产教融合共同体（示例）", industry="新能源汽车")
        normalize_zip(out)
        print(out)


if __name__ == "__main__":
    main()
