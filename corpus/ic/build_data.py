#!/usr/bin/env python3
"""Generate the SYNTHETIC survey / postings / talent-supply / tech-need data in corpus/ic/data/ (集成电路).

Everything written here is synthetic (fictional enterprises, invented responses and postings). The
survey deliberately uses other headers than the first sample's survey (some in English: "Company",
"Position", "planned hires 2026", ...) so that header mapping is exercised. Proportions are anchored to
public facts listed in corpus/ic/MANIFEST.md:
  * design is the largest segment of industry sales (设计业 5156.2 of 12006.1 亿元 in 2022) -> the largest
    share of postings; manufacturing grew fastest (+21.4% in 2022) -> process/equipment/yield demand
  * output fell in 2022 (-9.8%), recovered in 2023 (+6.9%) and 2024 (+22.2%) -> posting counts by year
  * white papers: high-end design scarce, manufacturing demand rising fast, staff poaching between fabs
    -> 模拟设计 / 设备 / 良率 are the hardest to fill
  * 高职 集成电路技术 schools +157.14% (2022); ~3万 related graduates a year (2017-18, second-hand)
Seeded (numpy default_rng(20251101)) so output is byte-for-byte reproducible.

Usage: python corpus/ic/build_data.py [--out DIR]
"""
from __future__ import annotations

import datetime as dt
import pathlib
import sys

import numpy as np
import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import synthetic  # noqa: E402  (corpus/synthetic.py: what the samples' data builders share)

SEED = 20251101
OUT = HERE / "data"
SYNTH_NOTE = ("合成数据（SYNTHETIC）：本文件中的企业名称、问卷回答、招聘记录、技术需求均为程序生成的虚构示例数据，"
              "企业名称中的“示例”字样表示虚构，不代表任何真实企业；仅比例关系参考公开资料，详见 corpus/ic/MANIFEST.md。")


FAMILIES = ["芯片设计与验证", "版图设计", "晶圆制造工艺", "设备维护与工程", "良率与质量",
            "封装测试", "厂务与洁净室", "技术支持与销售"]

# family -> list of (岗位, 学历, [skills], survey pay band, (posting salary low, high) yuan/month, 2023 base)
POSITIONS = {
    "芯片设计与验证": [("数字前端设计工程师", "硕士及以上", ["Verilog", "综合与时序分析", "SoC架构"], "25千以上", (25000, 45000)),
                 ("数字验证工程师", "本科", ["SystemVerilog", "UVM", "覆盖率分析"], "20-25千", (20000, 38000)),
                 ("模拟电路设计工程师", "硕士及以上", ["模拟电路设计", "Spectre仿真", "器件物理"], "25千以上", (28000, 50000)),
                 ("芯片测试与应用工程师", "本科", ["ATE测试", "评估板调试", "数据分析"], "12-20千", (14000, 24000))],
    "版图设计": [("模拟版图设计工程师", "本科", ["Virtuoso版图", "DRC/LVS", "匹配与寄生"], "12-20千", (13000, 24000)),
             ("版图设计助理", "高职专科", ["版图绘制", "DRC/LVS", "工艺设计规则"], "8-12千", (7000, 11000)),
             ("数字后端工程师", "硕士及以上", ["布局布线", "时序收敛", "功耗分析"], "25千以上", (24000, 42000))],
    "晶圆制造工艺": [("工艺工程师", "本科", ["光刻工艺", "刻蚀工艺", "SPC统计过程控制"], "12-20千", (13000, 22000)),
               ("工艺整合工程师", "硕士及以上", ["工艺整合", "器件物理", "电性测试分析"], "20-25千", (18000, 30000)),
               ("薄膜工艺工程师", "本科", ["CVD/PVD", "薄膜表征", "SPC统计过程控制"], "12-20千", (12000, 20000)),
               ("生产操作员", "中职", ["洁净室作业规范", "晶圆传送", "异常上报"], "6-8千", (5500, 8000))],
    "设备维护与工程": [("设备工程师", "本科", ["真空系统", "射频电源", "PLC"], "12-20千", (13000, 22000)),
                ("设备技术员", "高职专科", ["设备保养", "电气控制", "真空系统"], "8-12千", (7500, 11000)),
                ("自动化物料系统工程师", "本科", ["AMHS", "PLC", "故障诊断"], "12-20千", (12000, 19000))],
    "良率与质量": [("良率工程师", "硕士及以上", ["缺陷分析", "良率数据分析", "Python"], "20-25千", (18000, 32000)),
              ("缺陷检测工程师", "本科", ["缺陷检测", "电子显微镜", "数据分析"], "12-20千", (12000, 20000)),
              ("质量工程师", "本科", ["失效分析", "可靠性试验", "8D报告"], "12-20千", (11000, 18000)),
              ("检验技术员", "高职专科", ["显微镜目检", "测量仪器使用", "质量记录"], "6-8千", (6000, 8500))],
    "封装测试": [("封装测试技术员", "高职专科", ["引线键合", "塑封工艺", "静电防护"], "6-8千", (6500, 9500)),
             ("封装工艺工程师", "本科", ["先进封装工艺", "翘曲控制", "SPC统计过程控制"], "12-20千", (12000, 20000)),
             ("测试程序开发工程师", "本科", ["测试机编程", "测试向量", "数据分析"], "12-20千", (13000, 22000)),
             ("测试操作员", "中职", ["测试机操作", "静电防护", "异常上报"], "6-8千", (5500, 7500))],
    "厂务与洁净室": [("厂务工程师", "本科", ["纯水系统", "特气系统", "洁净室运维"], "12-20千", (11000, 18000)),
                ("洁净室运维技术员", "高职专科", ["洁净室运维", "暖通空调", "安全巡检"], "6-8千", (6500, 9500)),
                ("化学品管理技术员", "高职专科", ["危化品管理", "安全巡检", "应急处置"], "6-8千", (6000, 9000))],
    "技术支持与销售": [("现场应用工程师", "本科", ["方案支持", "客户沟通", "评估板调试"], "12-20千", (13000, 22000)),
                 ("芯片销售经理", "本科", ["客户开发", "产品知识", "英语沟通"], "12-20千", (12000, 25000)),
                 ("设备售后工程师", "高职专科", ["设备安装调试", "故障诊断", "客户沟通"], "8-12千", (8000, 12000))],
}
TYPE_FAMILIES = {
    "芯片设计": ["芯片设计与验证", "版图设计", "技术支持与销售", "良率与质量"],
    "晶圆制造": ["晶圆制造工艺", "设备维护与工程", "良率与质量", "厂务与洁净室"],
    "封装测试": ["封装测试", "设备维护与工程", "良率与质量", "厂务与洁净室"],
    "装备制造": ["设备维护与工程", "技术支持与销售", "良率与质量"],
    "材料": ["晶圆制造工艺", "良率与质量", "厂务与洁净室", "技术支持与销售"],
    "EDA与IP": ["芯片设计与验证", "技术支持与销售"],
}
HARD_PROB = {"芯片设计与验证": 0.7, "版图设计": 0.5, "晶圆制造工艺": 0.55, "设备维护与工程": 0.75,
             "良率与质量": 0.7, "封装测试": 0.35, "厂务与洁净室": 0.4, "技术支持与销售": 0.2}
GROWTH = {"芯片设计与验证": 0.14, "版图设计": 0.12, "晶圆制造工艺": 0.16, "设备维护与工程": 0.18,
          "良率与质量": 0.15, "封装测试": 0.12, "厂务与洁净室": 0.08, "技术支持与销售": 0.07}
FAMILY_EXTRA = {"芯片设计与验证": ["低功耗设计", "Python", "可测性设计"], "版图设计": ["ESD设计", "Calibre", "工艺设计规则"],
                "晶圆制造工艺": ["8D报告", "实验设计", "缺陷分析"], "设备维护与工程": ["精密机械", "故障诊断", "备件管理"],
                "良率与质量": ["统计分析", "实验设计", "失效分析"], "封装测试": ["洁净室作业规范", "显微镜目检", "设备保养"],
                "厂务与洁净室": ["节能运行", "设备保养", "应急处置"], "技术支持与销售": ["英语沟通", "技术文档", "方案支持"]}
HEADCOUNT = {"大型": (60, 400), "中型": (15, 120), "小型": (4, 30)}
SCALE = {"封装测试": 3.0, "晶圆制造工艺": 1.4, "芯片设计与验证": 1.2, "版图设计": 0.6, "技术支持与销售": 0.5,
         "良率与质量": 0.6}  # packaging/test is the labour-intensive segment

REGIONS = [("上海", "沪"), ("江苏", "苏"), ("浙江", "浙"), ("安徽", "皖"), ("广东", "粤"), ("北京", "京"),
           ("四川", "蜀"), ("湖北", "鄂"), ("陕西", "秦"), ("甘肃", "陇")]
REGION_W = np.array([12, 14, 7, 5, 9, 7, 4, 4, 3, 2], float)
WORDS = ["芯原", "微澜", "晶拓", "矽程", "锐芯", "华矽", "澄微", "启晶", "睿芯", "峰矽", "曜晶", "蓝芯",
         "新矽", "朗微", "拓晶", "泓芯", "越矽", "衡微", "聚晶", "川芯", "长矽", "瀚微"]
TYPE_SUFFIX = {"芯片设计": "示例微电子有限公司", "晶圆制造": "示例集成电路制造有限公司",
               "封装测试": "示例半导体封测有限公司", "装备制造": "示例半导体装备有限公司",
               "材料": "示例电子材料有限公司", "EDA与IP": "示例电子设计软件有限公司"}
TYPE_W = np.array([12, 6, 8, 5, 4, 2], float)
CITIES = {"上海": ["上海"], "江苏": ["无锡", "苏州", "南京"], "浙江": ["杭州", "绍兴"], "安徽": ["合肥"],
          "广东": ["深圳", "广州", "珠海"], "北京": ["北京"], "四川": ["成都"], "湖北": ["武汉"],
          "陕西": ["西安"], "甘肃": ["天水"]}


FIRMS = synthetic.Firms(regions=REGIONS, region_w=REGION_W, type_suffix=TYPE_SUFFIX, type_w=TYPE_W, words=WORDS,
                        sizes=["大型", "中型", "小型"], size_p=[0.3, 0.45, 0.25])


def build_survey(rng, ents):
    """Headers differ from the first sample on purpose (English and Chinese variants)."""
    rows = []
    for e in ents:
        fams = TYPE_FAMILIES[e["type"]]
        k = int(min(len(fams), rng.integers(2, 6)))
        for fam in rng.choice(fams, size=k, replace=False):
            fam = str(fam)
            name, edu, skills, pay, _ = POSITIONS[fam][rng.integers(len(POSITIONS[fam]))]
            lo, hi = HEADCOUNT[e["size"]]
            now = int(max(1, rng.integers(lo, hi) * SCALE.get(fam, 1.0)))
            plans = [int(round(now * GROWTH[fam] * (0.9 ** yr) * rng.uniform(0.5, 1.5))) for yr in range(3)]
            hard = "是" if rng.random() < HARD_PROB[fam] else "否"
            sk = list(dict.fromkeys(list(skills) + [str(rng.choice(FAMILY_EXTRA[fam]))]))
            rows.append({"Company": e["name"], "所在省份": e["prov"], "企业类别": e["type"], "Company size": e["size"],
                         "Position": name, "岗位族群": fam, "最低学历": edu, "Key skills": "、".join(sk),
                         "现有员工数": now, "planned hires 2026": plans[0], "planned hires 2027": plans[1],
                         "planned hires 2028": plans[2], "Hard to fill": hard, "月薪区间": pay, "调查年度": 2025})
    return pd.DataFrame(rows)


# posting family shares: design the largest segment, manufacturing-side families next
POST_SHARES = {"芯片设计与验证": 0.27, "版图设计": 0.08, "晶圆制造工艺": 0.14, "设备维护与工程": 0.13,
               "良率与质量": 0.09, "封装测试": 0.16, "厂务与洁净室": 0.05, "技术支持与销售": 0.08}
YEAR_COUNTS = {2021: 330, 2022: 300, 2023: 285, 2024: 345, 2025: 372}  # dip with 2022 output, rise from 2024
SENIOR_FAMS = {"芯片设计与验证", "晶圆制造工艺", "良率与质量"}


def _experience(rng, fam, edu):
    if fam in SENIOR_FAMS and edu in ("本科", "硕士及以上"):
        return str(rng.choice(["不限", "1-3年", "3-5年", "5年以上"], p=[0.08, 0.22, 0.35, 0.35]))
    if edu in ("本科", "硕士及以上"):
        return str(rng.choice(["不限", "1-3年", "3-5年", "5年以上"], p=[0.2, 0.4, 0.28, 0.12]))
    return str(rng.choice(["不限", "1-3年", "3-5年", "5年以上"], p=[0.55, 0.33, 0.1, 0.02]))


def build_postings(rng, ents):
    fams = list(POST_SHARES)
    p = np.array([POST_SHARES[f] for f in fams])
    p = p / p.sum()
    rows = []
    for year, n in YEAR_COUNTS.items():
        infl = 1.0 + 0.03 * (year - 2023)
        for _ in range(n):
            fam = fams[rng.choice(len(fams), p=p)]
            name, edu, skills, _, (lo, hi) = POSITIONS[fam][rng.integers(len(POSITIONS[fam]))]
            e = ents[rng.integers(len(ents))]
            city = CITIES[e["prov"]][rng.integers(len(CITIES[e["prov"]]))]
            f = rng.uniform(0.9, 1.15) * infl
            low = int(round(lo * f / 500) * 500)
            high = max(int(round(hi * f / 500) * 500), low + 1000)
            day = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))
            heads = int(rng.integers(5, 21)) if name in ("生产操作员", "测试操作员", "封装测试技术员") else int(rng.integers(1, 5))
            tags = list(rng.choice(skills, size=int(rng.integers(2, 4)), replace=False))
            rows.append({"发布日期": day.isoformat(), "职位名称": name, "岗位类别": fam, "企业名称": e["name"],
                         "城市": city, "学历要求": edu, "经验要求": _experience(rng, fam, edu),
                         "薪资下限": low, "薪资上限": high, "技能标签": ";".join(map(str, tags)), "招聘人数": heads})
    return pd.DataFrame(rows).sort_values(["发布日期", "企业名称", "职位名称"], kind="stable").reset_index(drop=True)


TECH_NEEDS = [
    ("晶圆表面缺陷图像自动分类", "良率与质量", "缺陷检测机台图像依赖人工复判，需开发自动分类模型，提高复判效率。"),
    ("刻蚀腔体状态预测性维护", "设备维护", "根据腔体射频、压力和颗粒数据预测保养周期，减少非计划停机。"),
    ("光刻胶涂布均匀性优化", "晶圆制造工艺", "边缘膜厚偏差影响关键尺寸一致性，需优化涂布参数。"),
    ("化学机械抛光终点检测", "晶圆制造工艺", "抛光终点判断依赖经验，需建立在线终点检测方法。"),
    ("功率器件栅氧可靠性评估", "可靠性", "建立栅氧经时击穿加速试验和寿命外推方法。"),
    ("晶圆厂良率数据平台建设", "良率与质量", "整合电性测试、缺陷检测和工艺参数数据，支持良率根因分析。"),
    ("特种气体泄漏在线监测", "厂务与安全", "提升特气管路泄漏检测灵敏度和报警响应速度。"),
    ("洁净室能耗优化", "厂务与安全", "洁净室空调和排风系统能耗高，需开展节能运行策略研究。"),
    ("超纯水系统水质异常预警", "厂务与安全", "基于在线水质数据建立异常预警模型。"),
    ("先进封装翘曲控制", "封装测试", "大尺寸基板封装后翘曲超标，需优化材料匹配和工艺窗口。"),
    ("引线键合参数自适应调整", "封装测试", "不同批次框架表面状态差异导致键合不良，需参数自适应。"),
    ("测试程序开发效率提升", "封装测试", "新产品测试程序开发周期长，需建立模板化开发方法。"),
    ("测试数据异常批次识别", "封装测试", "利用测试数据分布识别异常批次，提前拦截质量风险。"),
    ("模拟电路设计自动化脚本", "芯片设计", "电源管理芯片仿真验证重复工作多，需开发自动化脚本。"),
    ("数字验证覆盖率收敛方法", "芯片设计", "大规模芯片验证覆盖率收敛慢，需改进约束随机验证方法。"),
    ("低功耗设计方法应用", "芯片设计", "物联网芯片待机功耗偏高，需引入多电压域低功耗设计。"),
    ("版图寄生参数快速评估", "芯片设计", "后仿迭代次数多，需开发寄生参数快速评估工具。"),
    ("芯片可测性设计优化", "芯片设计", "扫描链测试时间长，需优化可测性设计结构。"),
    ("国产测试机适配验证", "装备与材料", "对国产测试机开展功能和稳定性适配验证。"),
    ("半导体设备零部件国产化验证", "装备与材料", "对真空阀门、射频匹配器等零部件开展替代验证。"),
    ("电子特气纯度检测方法", "装备与材料", "建立电子特气中痕量杂质的检测方法。"),
    ("湿法清洗工艺化学品回收", "装备与材料", "提高清洗化学品回收率，降低废液处理成本。"),
    ("设备技术员实训课程开发", "人才培训", "开发覆盖真空系统、设备保养和安全规范的实训课程。"),
    ("洁净室作业规范培训", "人才培训", "面向新入职员工开展洁净室作业和静电防护培训考核。"),
    ("良率分析方法培训", "人才培训", "面向工艺工程师开展良率数据分析方法培训。"),
    ("晶圆传送机械手故障诊断", "设备维护", "机械手定位偏差导致碎片风险，需建立故障诊断流程。"),
    ("离子注入剂量均匀性监控", "晶圆制造工艺", "建立注入剂量均匀性在线监控与报警方法。"),
    ("封装材料国产替代评估", "装备与材料", "对国产塑封料、键合丝开展可靠性替代评估。"),
]
FIELD_TYPES = {"良率与质量": ["晶圆制造", "封装测试"], "设备维护": ["晶圆制造", "装备制造"], "晶圆制造工艺": ["晶圆制造"],
               "可靠性": ["晶圆制造", "封装测试"], "厂务与安全": ["晶圆制造"], "封装测试": ["封装测试"],
               "芯片设计": ["芯片设计", "EDA与IP"], "装备与材料": ["装备制造", "材料"], "人才培训": ["晶圆制造", "封装测试"]}


# (岗位类别, 对应专业, 开设院校数, 年毕业生数, 对口就业率, 数据说明): all synthetic estimates
SUPPLY = [
    ("芯片设计与验证", "集成电路设计与集成系统", 120, 6000, 0.55, "合成估计；本科及以上层次为主"),
    ("芯片设计与验证", "微电子科学与工程", 150, 7000, 0.45, "合成估计；仅计入进入设计岗位的毕业生"),
    ("版图设计", "微电子技术", 160, 3000, 0.50, "合成估计；高职层次，版图助理方向"),
    ("晶圆制造工艺", "微电子科学与工程", 150, 3000, 0.40, "合成估计；仅计入进入制造工艺岗位的毕业生"),
    ("设备维护与工程", "集成电路技术", 180, 4000, 0.52, "合成估计；高职集成电路技术专业开设院校增长较快（2022年较上年增长157.14%为真实报道，院校数为合成）"),
    ("设备维护与工程", "机电一体化技术", 1100, 3000, 0.30, "合成估计；仅计入进入集成电路企业的毕业生"),
    ("良率与质量", "电子科学与技术", 90, 1500, 0.35, "合成估计；研究生层次占比较高"),
    ("封装测试", "集成电路技术", 180, 6000, 0.60, "合成估计；与设备维护方向分摊同一专业毕业生"),
    ("厂务与洁净室", "供热通风与空调工程技术", 300, 1200, 0.25, "合成估计；仅计入进入集成电路企业的毕业生"),
    ("技术支持与销售", "电子信息工程技术", 600, 2500, 0.30, "合成估计"),
]


def build_supply():
    return pd.DataFrame(SUPPLY, columns=["岗位类别", "对应专业", "开设院校数", "年毕业生数", "对口就业率", "数据说明"])


SAMPLE = synthetic.Sample(
    description="Generate the synthetic data of the 集成电路 sample.", default_out=OUT, seed=SEED,
    author="corpus/ic/build_data.py", note=SYNTH_NOTE, survey_sheet="调查结果", company_column="Company",
    enterprises=lambda rng: synthetic.make_enterprises(rng, FIRMS, 40), survey=build_survey, postings=build_postings,
    tech=lambda rng, ents: synthetic.build_tech(rng, ents, TECH_NEEDS, FIELD_TYPES,
                                                columns=("需求名称", "提出单位", "需求描述", "紧迫程度", "技术领域", "合作方式")),
    supply=build_supply)


def main(argv=None):
    synthetic.main(SAMPLE, argv)


if __name__ == "__main__":
    main()
