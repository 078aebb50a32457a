"""Small fixture tables (same headers as corpus/nev/data) and a fake knowledge base for the draft tests."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd

from assistant.profile import load_profile
from assistant.types import Hit, SourceInfo

ROOT = Path(__file__).resolve().parents[2]
NEV_PROFILE = load_profile(ROOT / "corpus" / "nev" / "profile.yaml")
# A statistics table as the knowledge base keeps it (row dicts), named like the sample's table.
NEV_STATS = ("2021-2025_新能源汽车产销统计表.xlsx", "2021—2025年全国新能源汽车产销量", 2025, {"年度产销": [
    {"年份": y, "新能源汽车产量（万辆）": p, "新能源汽车销量（万辆）": s, "汽车总销量（万辆）": t, "新能源汽车市场占有率（%）": m}
    for y, p, s, t, m in [(2021, 354.5, 352.1, None, 13.5), (2022, 705.8, 688.7, None, 25.6),
                          (2023, 958.7, 949.5, 3009.4, None), (2024, 1288.8, 1286.6, 3143.6, None),
                          (2025, 1662.6, 1649, 3440.0, None)]]})

FAMILIES = ["生产制造", "装调与质检", "电池技术", "电控与电驱", "智能网联与软件", "研发设计",
            "售后检测维修", "充换电运维", "销售与服务", "生产管理"]
POSITIONS = {"生产制造": ["汽车生产线操作工"], "装调与质检": ["整车装调工", "质量检验员"], "电池技术": ["电池工艺工程师", "电池制造工"],
             "电控与电驱": ["电控工程师", "电机工程师"], "智能网联与软件": ["智能网联测试员", "自动驾驶软件工程师"],
             "研发设计": ["整车设计工程师"], "售后检测维修": ["新能源汽车维修技师"], "充换电运维": ["充电设施运维员"],
             "销售与服务": ["汽车销售顾问"], "生产管理": ["生产计划员"]}
REGIONS = ["江苏", "浙江", "上海", "广东", "安徽", "湖北"]
TYPES = ["民营企业", "国有企业", "外资企业", "合资企业"]


def make_fixtures(d: Path, seed: int = 7) -> dict[str, Path]:
    rnd = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)
    rows = []
    for ci in range(24):
        comp, reg, typ = f"样例企业{ci + 1:02d}", REGIONS[ci % 6], TYPES[ci % 4]
        for fam in rnd.sample(FAMILIES, 4):
            pos = rnd.choice(POSITIONS[fam])
            n = rnd.randint(2, 30)
            rows.append({"企业名称": comp, "所在地区": reg, "企业类型": typ, "企业规模": "大型" if ci % 3 == 0 else "中型",
                         "岗位名称": pos, "岗位类别": fam, "学历要求": rnd.choice(["中职", "高职专科", "本科", "硕士及以上"]),
                         "技能要求": ";".join(rnd.sample(["高压电安全", "电池检测", "PLC编程", "CAN总线", "Python", "故障诊断", "装配工艺"], 2)),
                         "现有人数": rnd.randint(10, 200), "计划招聘_2026": n, "计划招聘_2027": n + rnd.randint(0, 5),
                         "计划招聘_2028": n + rnd.randint(0, 9), "是否难招": "是" if fam in ("电池技术", "智能网联与软件") or rnd.random() < 0.2 else "否",
                         "薪酬区间": rnd.choice(["6-8千", "8-10千", "10-15千"]), "调查年份": 2025})
    survey = d / "survey_2025.xlsx"
    pd.DataFrame(rows).to_excel(survey, sheet_name="问卷数据", index=False)
    prow = []
    base = {2021: 40, 2022: 55, 2023: 68, 2024: 80, 2025: 90}
    for y, k in base.items():
        for i in range(k):
            fam = FAMILIES[i % 10]
            lo = rnd.choice([6000, 8000, 10000])
            prow.append({"发布日期": f"{y}-{(i % 12) + 1:02d}-15", "岗位名称": POSITIONS[fam][0], "岗位类别": fam,
                         "企业名称": f"样例企业{i % 24 + 1:02d}", "城市": rnd.choice(["苏州", "杭州", "合肥", "深圳"]),
                         "学历要求": rnd.choice(["大专", "本科"]), "经验要求": "1-3年", "薪资下限": lo, "薪资上限": lo + 4000,
                         "技能标签": "故障诊断|电池检测", "招聘人数": 2 + i % 3})
    postings = d / "postings_2021_2025.csv"
    pd.DataFrame(prow).to_csv(postings, index=False, encoding="utf-8-sig")
    tech = d / "tech_needs_2025.xlsx"
    pd.DataFrame([{"技术需求": "电池包气密性在线检测", "提出单位": "样例企业01", "需求描述": "提高检测效率",
                   "紧迫程度": "高", "技术领域": "电池技术", "期望合作方式": "联合攻关"},
                  {"技术需求": "产线视觉质检", "提出单位": "样例企业02", "需求描述": "替代人工目检",
                   "紧迫程度": "中", "技术领域": "智能制造", "期望合作方式": "技术服务"}]).to_excel(tech, sheet_name="技术需求", index=False)
    supply = d / "talent_supply_2025.csv"
    pd.DataFrame([{"岗位类别": f, "对应专业": f + "相关专业", "布点院校数": 20 + 7 * i, "年毕业生数": 800 + 450 * ((i * 3) % 10),
                   "对口就业率": f"{55 + (i * 4) % 30}%", "数据说明": "合成样例"} for i, f in enumerate(FAMILIES)]
                 ).to_csv(supply, index=False, encoding="utf-8-sig")
    return {"survey": survey, "postings": postings, "tech": tech, "supply": supply}


DOCS = [
    ("caam_2025.txt", "中国汽车工业协会2025年汽车工业经济运行情况", 2026, 1,
     "据中国汽车工业协会统计，2025年新能源汽车产量1662.6万辆，销量1649万辆，同比分别增长29%和28.2%。"
     "新能源汽车国内新车销量占比超过50%。2024年新能源汽车产销量分别为1288.8万辆和1286.6万辆。"),
    ("caam_2024.txt", "2024年汽车工业产销情况", 2025, 2,
     "2024年新能源汽车产销分别完成1288.8万辆和1286.6万辆，同比分别增长34.4%和35.5%，新能源汽车新车销量达到汽车新车总销量的40.9%。"
     "新能源汽车出口128.4万辆，同比增长6.7%。"),
    ("battery_2023.pdf", "动力电池产业运行情况", 2023, 3,
     "2023年上半年，我国动力电池累计产量293.6GWh，同比增长36.8%。磷酸铁锂电池产量占总产量的65.9%。动力电池累计装车量152.1GWh，同比增长38.1%。"),
    ("charging_2025.md", "充电基础设施发展情况", 2026, None,
     "截至2025年底，全国充电基础设施总数达到2009.2万个，其中公共充电设施471.7万个，私人充电设施1537.5万个。"
     "长三角地区2022年新能源汽车产量超过279万辆，占全国产量的40%以上。"),
    ("plan_2020.pdf", "新能源汽车产业发展规划（2021—2035年）", 2020, 4,
     "《新能源汽车产业发展规划（2021—2035年）》提出，到2025年新能源汽车新车销售量达到汽车新车销售总量的20%左右。"
     "到2035年纯电动汽车成为新销售车辆的主流。国务院办公厅印发规划，推动新能源汽车产业高质量可持续发展。"),
    ("moe_2025.html", "教育部新增专业", 2025, None,
     "2025年12月，教育部公布新增57个专业，其中包括汽车芯片与软件工程技术专业。"
     "职业院校新能源汽车技术专业布点持续扩大，2023年1545所高职学校中有716所开设新能源汽车技术专业。"),
    ("talent_2025.txt", "新能源汽车人才缺口报道", 2025, None,
     "据央视报道，新能源汽车人才缺口约100万人，智驾工程师供需比为0.38。"
     "工信部数据显示，工业和信息化领域高技能人才仅占技能人才的28%。截至2024年底，新能源汽车维修技术人员不足10万人。"),
    ("notice.txt", "关于开展行业产教融合共同体建设工作的通知", 2023, None,
     "共同体每年要组织工作专班，开展行业发展趋势、人才需求情况等方面的调研。"
     "校企联合招生，开展委托培养、订单培养和学徒制培养，实施现场工程师专项培养计划，推动人才培养模式创新。"
     "共同体内学校要开放培训机构和继续教育机构，面向行业企业员工开展岗前培训、岗位培训和继续教育。"),
    ("report_2023.pdf", "2023年新能源汽车人才发展报告", 2023, 5,
     "据赛迪与智联招聘联合发布的报告，2023年汽车产业链招聘职位同比增长5%，新能源汽车业务招聘职位同比增长32%。"
     "招聘职位中普工和技工占23%，销售岗位占13.6%，汽车电子工程师占8.3%。"),
    ("l2_2025.txt", "智能网联汽车发展情况", 2025, None,
     "2025年1—7月，L2级辅助驾驶乘用车销量775.99万辆，渗透率62.58%。工信部等六部门将智能网联汽车列为到2027年的万亿级消费领域之一。"),
]


class FakeKB:
    """Same signatures as assistant.kb.KnowledgeBase.search / sources / tables, scoring by character-bigram
    overlap. `tables`: (source, title, year, {sheet: row dicts}) statistics sources kept as tables."""

    def __init__(self, docs=DOCS, tables=(NEV_STATS,)):
        self.chunks = []
        for i, (src, title, year, page, text) in enumerate(docs):
            self.chunks.append(Hit(chunk_id=f"c{i}", text=text, source=src, title=title, year=year, page=page,
                                   heading="", score=0.0))
        self._tables = {t[0]: t for t in tables}

    def sources(self):
        docs = [SourceInfo(source=c.source, title=c.title, year=c.year, file_type=Path(c.source).suffix[1:],
                           chunks=1, sha256="") for c in self.chunks]
        return docs + [SourceInfo(source=s, title=t, year=y, file_type="xlsx", chunks=1, sha256="")
                       for s, t, y, _ in self._tables.values()]

    def tables(self, source):
        return self._tables[source][3] if source in self._tables else {}

    @staticmethod
    def _bg(s):
        s = re.sub(r"\s", "", s)
        return {s[i:i + 2] for i in range(len(s) - 1)}

    def search(self, query, top_k=5, year_min=None, year_max=None, sources=None):
        q = self._bg(query)
        scored = []
        for c in self.chunks:
            if year_min and (c.year or 0) < year_min or year_max and (c.year or 9999) > year_max:
                continue
            if sources and c.source not in sources:
                continue
            s = len(q & self._bg(c.text)) / max(len(q), 1)
            if s > 0:
                scored.append((s, c))
        scored.sort(key=lambda x: -x[0])
        return [Hit(**{**c.__dict__, "score": s}) for s, c in scored[:top_k]]


def corpus_kb(folder: Path) -> FakeKB:
    """A FakeKB over a sample's `sources/`: loaded and chunked by the real ingest code, kept tables and all,
    searched by bigram overlap (no embedding model needed)."""
    from assistant.kb.chunking import chunk_document
    from assistant.kb.ingest import discover, load_file

    docs, tables = [], []
    for path, _kind in discover([folder]):
        doc = load_file(path, source=path.name)
        docs += [(c.source, c.title, c.year, c.page, c.text) for c in chunk_document(doc)]
        if doc.tables:
            tables.append((doc.source, doc.title, doc.year, doc.tables))
    return FakeKB(docs=docs, tables=tables)


def sample_data(folder: Path) -> list[str]:
    """The sample's data files that this version of the data intake reads (a file it cannot map, such as a
    performance workbook for the annual summary, is left out: data intake has its own tests)."""
    from assistant.analysis import load_data
    from assistant.errors import InputError

    d = folder / "data"
    files = sorted(str(p) for p in d.iterdir() if p.suffix in (".xlsx", ".csv")) if d.is_dir() else []
    ok = []
    for f in files:
        try:
            load_data([f])
            ok.append(f)
        except InputError:
            continue
    return ok
