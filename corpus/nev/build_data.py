#!/usr/bin/env python3
"""Generate the SYNTHETIC survey / recruitment / tech-need / supply data in corpus/nev/data/.

Everything written here is synthetic (fictional enterprises, invented responses and
postings).  Proportions are anchored to public facts listed in
/work/shared/reference/nev-facts.md (see corpus/nev/MANIFEST.md):
  * posting shares: 普工/技工 23%, 销售 13.6%, 汽车电子工程师 8.3%
    (赛迪/智联/百人会《2023年新能源汽车人才发展报告》)
  * posting growth: +186.16% in 2021, +36.18% in 2022 (猎聘), slower afterwards
  * 59.2% of (mid/high-end) postings want 5+ years (脉脉高聘 2023) -> R&D families
  * battery engineer supply-demand ratio 0.16 (脉脉), 智驾 0.38 (央视) -> 难招
  * 716 高职 schools offer 新能源汽车技术 (2023); three core majors ~12万 graduates/yr
Seeded (numpy default_rng(20250601)) so output is byte-for-byte reproducible.

Usage: python corpus/nev/build_data.py [--out DIR]
"""
from __future__ import annotations

import datetime as dt
import pathlib

import numpy as np
import pandas as pd

from build_corpus import normalize_zip  # same folder: one way to make OOXML rebuilds byte-identical

SEED = 20250601
HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "data"
FIXED_TIME = dt.datetime(2026, 1, 15, 9, 0, 0)
SYNTH_NOTE = ("合成数据（SYNTHETIC）：本文件中的企业名称、问卷回答、招聘记录均为程序生成的虚构示例数据，"
              "企业名称中的“示例”字样表示虚构，不代表任何真实企业；仅比例关系参考公开资料，详见 corpus/nev/MANIFEST.md。")

FAMILIES = ["生产制造", "装调与质检", "电池技术", "电控与电驱", "智能网联与软件",
            "研发设计", "售后检测维修", "充换电运维", "销售与服务", "生产管理"]

# family -> list of (岗位名称, 学历要求, [skills], 薪酬区间 for survey, (salary low, high) yuan/month base 2023)
POSITIONS = {
    "生产制造": [("汽车生产线操作工", "中职", ["生产线作业", "安全生产", "5S管理"], "6-8千", (5500, 8000)),
              ("焊装技工", "中职", ["焊接工艺", "设备点检", "安全生产"], "6-8千", (6000, 8500)),
              ("电芯制造操作员", "高职专科", ["电芯生产工艺", "化成分容", "安全生产"], "6-8千", (6000, 8500)),
              ("涂装技工", "中职", ["涂装工艺", "质量自检", "安全生产"], "6-8千", (5800, 8200))],
    "装调与质检": [("整车装调工", "高职专科", ["高压电安全", "整车装调", "电气连接"], "8-12千", (7000, 10000)),
              ("电池包装配技术员", "高职专科", ["高压电安全", "电池包装配", "扭矩控制"], "8-12千", (7000, 10000)),
              ("质量检验员", "高职专科", ["质量检验", "绝缘检测", "测量器具使用"], "6-8千", (6000, 8500)),
              ("下线检测工程师", "本科", ["EOL检测", "故障诊断", "数据分析"], "8-12千", (9000, 13000))],
    "电池技术": [("电池工艺工程师", "本科", ["电芯工艺", "电化学基础", "工艺优化"], "12-20千", (12000, 20000)),
             ("电池工程师", "硕士及以上", ["电池系统设计", "BMS", "热管理"], "20千以上", (18000, 30000)),
             ("电池检测技术员", "高职专科", ["电池检测", "充放电测试", "安全测试"], "8-12千", (7000, 10000)),
             ("BMS软件工程师", "本科", ["BMS", "嵌入式C", "SOC估算"], "20千以上", (18000, 28000))],
    "电控与电驱": [("电控工程师", "本科", ["电机控制", "功率电子", "嵌入式C"], "12-20千", (15000, 25000)),
              ("电机工程师", "本科", ["电机设计", "电磁仿真", "NVH"], "12-20千", (14000, 23000)),
              ("汽车电子工程师", "本科", ["硬件设计", "汽车电子", "EMC"], "12-20千", (14000, 24000)),
              ("电驱装调技术员", "高职专科", ["电驱总成装调", "高压电安全", "故障诊断"], "8-12千", (7000, 10000))],
    "智能网联与软件": [("智能驾驶算法工程师", "硕士及以上", ["感知算法", "C++", "深度学习"], "20千以上", (25000, 45000)),
                ("智能网联汽车测试员", "高职专科", ["传感器标定", "测试装调", "场景测试"], "8-12千", (8000, 12000)),
                ("车载软件工程师", "本科", ["AUTOSAR", "嵌入式C", "CAN总线"], "20千以上", (18000, 30000)),
                ("数据标注与场景工程师", "高职专科", ["数据标注", "场景库构建", "Python"], "6-8千", (6500, 9500))],
    "研发设计": [("整车集成工程师", "本科", ["整车集成", "CAE仿真", "项目管理"], "12-20千", (15000, 24000)),
             ("热管理工程师", "本科", ["热管理", "流体仿真", "试验验证"], "12-20千", (14000, 22000)),
             ("试验技术员", "高职专科", ["台架试验", "数据采集", "试验规范"], "8-12千", (7500, 11000)),
             ("汽车芯片应用工程师", "硕士及以上", ["模拟芯片", "车规认证", "硬件调试"], "20千以上", (22000, 38000))],
    "售后检测维修": [("新能源汽车维修技师", "高职专科", ["高压电安全", "故障诊断", "电池检测"], "8-12千", (7000, 11000)),
               ("动力电池维修技师", "高职专科", ["电池检测", "电池包拆装", "高压电安全"], "8-12千", (7500, 11500)),
               ("售后技术支持工程师", "本科", ["故障诊断", "诊断仪使用", "技术培训"], "12-20千", (10000, 15000))],
    "充换电运维": [("充电设施运维技术员", "高职专科", ["低压电工作业", "充电设备检修", "通信协议排查"], "6-8千", (6000, 9000)),
              ("换电站运维工程师", "高职专科", ["换电设备维护", "PLC", "安全巡检"], "8-12千", (7500, 11000)),
              ("场站运营专员", "高职专科", ["场站运营", "客户服务", "数据报表"], "6-8千", (5500, 8000))],
    "销售与服务": [("新能源汽车销售顾问", "高职专科", ["产品讲解", "客户关系管理", "智能功能演示"], "6-8千", (6000, 12000)),
              ("交付专员", "高职专科", ["车辆交付", "智能功能讲解", "客户服务"], "6-8千", (5500, 8500)),
              ("海外市场专员", "本科", ["外语沟通", "国际认证", "海外营销"], "12-20千", (10000, 18000))],
    "生产管理": [("生产班组长", "高职专科", ["生产现场管理", "精益生产", "安全管理"], "8-12千", (8000, 12000)),
             ("工艺工程师", "本科", ["工艺规划", "精益生产", "设备管理"], "12-20千", (11000, 17000)),
             ("设备运维技术员", "高职专科", ["自动化产线维护", "电气控制", "PLC"], "8-12千", (7500, 11000))],
}

# families that each enterprise type is likely to report
TYPE_FAMILIES = {
    "整车": ["生产制造", "装调与质检", "研发设计", "智能网联与软件", "生产管理", "销售与服务", "电控与电驱"],
    "动力电池": ["生产制造", "电池技术", "装调与质检", "生产管理", "研发设计"],
    "电驱电控": ["电控与电驱", "生产制造", "装调与质检", "研发设计"],
    "零部件": ["生产制造", "装调与质检", "生产管理", "研发设计"],
    "智能网联": ["智能网联与软件", "研发设计", "电控与电驱"],
    "充换电": ["充换电运维", "销售与服务", "生产管理"],
    "后市场服务": ["售后检测维修", "销售与服务", "充换电运维"],
}
HARD_PROB = {"电池技术": 0.75, "智能网联与软件": 0.8, "电控与电驱": 0.65, "研发设计": 0.55,
             "售后检测维修": 0.6, "装调与质检": 0.45, "充换电运维": 0.4, "生产制造": 0.35,
             "生产管理": 0.25, "销售与服务": 0.15}
FAMILY_EXTRA = {"生产制造": ["安全生产", "设备点检", "质量自检"], "装调与质检": ["高压电安全", "质量追溯", "故障诊断"],
                "电池技术": ["电池安全测试", "数据分析", "电化学基础"], "电控与电驱": ["故障诊断", "台架测试", "CAN总线"],
                "智能网联与软件": ["数据分析", "CAN总线", "Python"], "研发设计": ["试验验证", "CAE仿真", "数据分析"],
                "售后检测维修": ["诊断仪使用", "高压电安全", "客户沟通"], "充换电运维": ["高压电安全", "设备巡检", "故障诊断"],
                "销售与服务": ["智能功能演示", "客户沟通", "新能源汽车基础知识"], "生产管理": ["安全管理", "精益生产", "数据报表"]}
HEADCOUNT = {"大型": (80, 600), "中型": (20, 150), "小型": (5, 40), "微型": (2, 10)}

REGIONS = [("上海", "沪"), ("江苏", "苏"), ("浙江", "浙"), ("安徽", "皖"), ("广东", "粤"), ("湖北", "鄂"),
           ("重庆", "渝"), ("陕西", "秦"), ("四川", "蜀"), ("湖南", "湘"), ("山东", "鲁"), ("河南", "豫")]
REGION_W = np.array([10, 11, 9, 8, 9, 6, 6, 4, 5, 4, 4, 3], float)
WORDS = ["启航", "远川", "青禾", "星辰", "恒越", "蓝湾", "瀚海", "云岭", "晨曦", "嘉禾", "翼驰", "澄光",
         "锦程", "清源", "朗峰", "沐阳", "拓野", "鸿图", "睿行", "新橙", "松泽", "潮汐", "峻川"]
TYPE_SUFFIX = {"整车": "示例新能源汽车有限公司", "动力电池": "示例动力电池有限公司", "电驱电控": "示例电驱科技有限公司",
               "零部件": "示例汽车零部件有限公司", "智能网联": "示例智能网联科技有限公司",
               "充换电": "示例充换电服务有限公司", "后市场服务": "示例汽车服务有限公司"}
TYPES = list(TYPE_SUFFIX)
TYPE_W = np.array([8, 7, 6, 9, 6, 4, 5], float)
CITIES = {"上海": ["上海"], "江苏": ["苏州", "常州", "南京"], "浙江": ["杭州", "宁波"], "安徽": ["合肥", "芜湖"],
          "广东": ["深圳", "广州"], "湖北": ["武汉", "襄阳"], "重庆": ["重庆"], "陕西": ["西安"], "四川": ["成都", "宜宾"],
          "湖南": ["长沙"], "山东": ["济南", "青岛"], "河南": ["郑州"]}


def make_enterprises(rng, n=45):
    ents, used = [], set()
    for i in range(n):
        prov_i = rng.choice(len(REGIONS), p=REGION_W / REGION_W.sum())
        prov, abbr = REGIONS[prov_i]
        etype = TYPES[rng.choice(len(TYPES), p=TYPE_W / TYPE_W.sum())]
        while True:
            name = f"{abbr}{WORDS[rng.integers(len(WORDS))]}{TYPE_SUFFIX[etype]}"
            if name not in used:
                used.add(name)
                break
        size = rng.choice(["大型", "中型", "小型", "微型"], p=[0.3, 0.35, 0.25, 0.1])
        ents.append({"name": name, "prov": prov, "type": etype, "size": str(size)})
    return ents


def build_survey(rng, ents):
    rows = []
    for e in ents:
        fams = TYPE_FAMILIES[e["type"]]
        k = int(min(len(fams), rng.integers(3, 7)))
        for fam in rng.choice(fams, size=k, replace=False):
            pos = POSITIONS[fam][rng.integers(len(POSITIONS[fam]))]
            name, edu, skills, pay, _ = pos
            lo, hi = HEADCOUNT[e["size"]]
            scale = 2.0 if fam == "生产制造" else (0.5 if fam in ("研发设计", "智能网联与软件", "电池技术") else 1.0)
            now = int(max(1, rng.integers(lo, hi) * scale))
            growth = {"智能网联与软件": 0.22, "电池技术": 0.15, "电控与电驱": 0.14, "售后检测维修": 0.16,
                      "充换电运维": 0.15}.get(fam, 0.08)
            plans = []
            for yr in range(3):
                g = growth * (0.9 ** yr) * rng.uniform(0.5, 1.5)
                plans.append(int(round(now * g)))
            hard = "是" if rng.random() < HARD_PROB[fam] else "否"
            extra = FAMILY_EXTRA[fam]
            sk = list(dict.fromkeys(list(skills) + list(rng.choice(extra, size=1))))
            rows.append({"企业名称": e["name"], "所在地区": e["prov"], "企业类型": e["type"], "企业规模": e["size"],
                         "岗位名称": name, "岗位类别": str(fam), "学历要求": edu, "技能要求": ";".join(sk),
                         "现有人数": now, "计划招聘_2026": plans[0], "计划招聘_2027": plans[1],
                         "计划招聘_2028": plans[2], "是否难招": hard, "薪酬区间": pay, "调查年份": 2025})
    return pd.DataFrame(rows)


# posting family shares (赛迪/智联: 普工/技工 23%, 销售 13.6%, 汽车电子工程师 8.3% within 电控与电驱)
POST_SHARES = {"生产制造": 0.23, "销售与服务": 0.136, "电控与电驱": 0.12, "智能网联与软件": 0.11,
               "研发设计": 0.09, "电池技术": 0.09, "装调与质检": 0.08, "售后检测维修": 0.06,
               "充换电运维": 0.04, "生产管理": 0.044}
YEAR_COUNTS = {2021: 240, 2022: 327, 2023: 356, 2024: 380, 2025: 396}  # 2022/2021 = +36%
SENIOR_FAMS = {"电池技术", "电控与电驱", "智能网联与软件", "研发设计"}


def build_postings(rng, ents):
    fams = list(POST_SHARES)
    p = np.array([POST_SHARES[f] for f in fams])
    p = p / p.sum()
    rows = []
    for year, n in YEAR_COUNTS.items():
        infl = 1.0 + 0.04 * (year - 2023)
        for _ in range(n):
            fam = fams[rng.choice(len(fams), p=p)]
            if fam == "电控与电驱" and rng.random() < 0.59:  # q + (1-q)/4 ~= 8.3% / 12% -> 汽车电子工程师
                pos = POSITIONS[fam][2]
            else:
                pos = POSITIONS[fam][rng.integers(len(POSITIONS[fam]))]
            name, edu, skills, _, (lo, hi) = pos
            e = ents[rng.integers(len(ents))]
            city = CITIES[e["prov"]][rng.integers(len(CITIES[e["prov"]]))]
            if fam in SENIOR_FAMS and edu in ("本科", "硕士及以上"):
                exp = rng.choice(["不限", "1-3年", "3-5年", "5年以上"], p=[0.05, 0.12, 0.24, 0.59])
            elif edu in ("本科", "硕士及以上"):
                exp = rng.choice(["不限", "1-3年", "3-5年", "5年以上"], p=[0.2, 0.4, 0.25, 0.15])
            else:
                exp = rng.choice(["不限", "1-3年", "3-5年", "5年以上"], p=[0.5, 0.35, 0.12, 0.03])
            f = rng.uniform(0.9, 1.15) * infl
            low = int(round(lo * f / 500) * 500)
            high = int(round(hi * f / 500) * 500)
            if high <= low:
                high = low + 1000
            day = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))
            heads = int(rng.integers(5, 31)) if fam == "生产制造" else int(rng.integers(1, 6))
            tags = list(dict.fromkeys(list(rng.choice(skills, size=int(rng.integers(2, 4)), replace=False))))
            rows.append({"发布日期": day.isoformat(), "岗位名称": name, "岗位类别": fam, "企业名称": e["name"],
                         "城市": city, "学历要求": edu, "经验要求": str(exp), "薪资下限": low, "薪资上限": high,
                         "技能标签": ";".join(tags), "招聘人数": heads})
    df = pd.DataFrame(rows).sort_values(["发布日期", "企业名称", "岗位名称"], kind="stable").reset_index(drop=True)
    return df


TECH_NEEDS = [
    ("电芯化成分容工艺能耗优化", "电池制造工艺", "化成分容工序能耗占比高，需优化充放电制度和余能回馈方案，降低单位能耗。"),
    ("电池包气密性检测自动化", "检测与安全", "现有气密检测依赖人工上下料，节拍慢、误判率高，需开发自动化检测工位。"),
    ("退役动力电池梯次利用快速检测", "电池回收利用", "需建立退役电池健康状态快速评估方法，支撑梯次利用分选。"),
    ("动力电池热失控早期预警", "检测与安全", "基于电压、温度和气体信号的多源数据融合预警算法开发与验证。"),
    ("磷酸铁锂电池低温性能提升", "电池材料", "改善冬季低温环境下的放电容量和充电接受能力。"),
    ("电驱总成NVH问题诊断", "电控与电驱", "部分车型电驱系统存在高频啸叫，需开展噪声源识别和优化。"),
    ("碳化硅功率模块应用验证", "电控与电驱", "开展碳化硅功率模块在电机控制器中的可靠性和效率验证。"),
    ("扁线电机绕组工艺改进", "电控与电驱", "提升扁线电机绕组焊接一致性，降低返修率。"),
    ("整车高压绝缘在线检测", "检测与安全", "总装下线环节高压绝缘检测效率低，需开发在线检测方案。"),
    ("焊装车间视觉质检", "智能制造", "利用机器视觉识别焊点缺陷，替代部分人工目检。"),
    ("涂装工艺参数数字化管控", "智能制造", "建立涂装关键参数采集和追溯系统，提升一次合格率。"),
    ("生产设备预测性维护", "智能制造", "对关键设备振动、电流数据进行分析，实现故障提前预警。"),
    ("组合驾驶辅助功能场景库建设", "智能网联", "构建覆盖典型城市道路和高速场景的测试场景库。"),
    ("毫米波雷达与摄像头联合标定", "智能网联", "下线标定工位节拍长，需优化多传感器联合标定流程。"),
    ("车载软件OTA升级测试规范", "智能网联", "建立OTA升级功能测试用例和回归测试流程。"),
    ("智能座舱语音交互测试", "智能网联", "语音交互功能测试依赖人工，需开发自动化测试工具。"),
    ("车规级芯片国产化替代验证", "汽车电子", "对国产MCU和模拟芯片开展车规级可靠性验证。"),
    ("车载以太网通信故障诊断", "汽车电子", "开发车载以太网通信故障定位方法和诊断工具。"),
    ("大功率充电桩散热优化", "充换电", "液冷超充终端在夏季高温下降功率运行，需优化散热设计。"),
    ("换电站电池仓调度算法", "充换电", "提升换电站电池周转效率，减少用户等待时间。"),
    ("充电桩故障远程诊断平台", "充换电", "汇总充电桩运行数据，实现常见故障远程识别和派单。"),
    ("充电设施运维人员培训课程开发", "人才培训", "开发覆盖低压电工作业、设备检修和安全规范的运维培训课程。"),
    ("新能源汽车高压安全作业培训", "人才培训", "面向售后维修人员开展高压电安全作业规范培训和考核。"),
    ("动力电池维修工艺规范制定", "后市场服务", "制定电池包开箱检修、模组更换的工艺规范和安全要求。"),
    ("事故车高压系统安全评估", "后市场服务", "建立事故车辆高压系统损伤评估和安全处置流程。"),
    ("新能源汽车保险定损技术标准", "后市场服务", "研究电池包损伤定损方法，形成企业内部技术标准。"),
    ("整车轻量化材料连接工艺", "研发设计", "铝钢混合车身连接工艺开发和强度验证。"),
    ("热泵空调系统能效提升", "研发设计", "优化热泵空调控制策略，提升冬季续航表现。"),
    ("数字孪生产线仿真", "智能制造", "建立总装线数字孪生模型，用于产线规划和节拍优化。"),
    ("电池包结构CAE仿真能力建设", "研发设计", "提升电池包碰撞、振动仿真精度，缩短开发周期。"),
]
FIELD_TYPES = {"电池制造工艺": ["动力电池"], "检测与安全": ["动力电池", "整车"], "电池回收利用": ["动力电池", "后市场服务"],
               "电池材料": ["动力电池"], "电控与电驱": ["电驱电控"], "智能制造": ["整车", "零部件"],
               "智能网联": ["智能网联", "整车"], "汽车电子": ["零部件", "智能网联"], "充换电": ["充换电"],
               "人才培训": ["充换电", "后市场服务"], "后市场服务": ["后市场服务"], "研发设计": ["整车", "零部件"]}


def build_tech(rng, ents):
    rows = []
    for need, field, desc in TECH_NEEDS:
        cands = [e for e in ents if e["type"] in FIELD_TYPES[field]] or ents
        e = cands[rng.integers(len(cands))]
        urg = rng.choice(["高", "中", "低"], p=[0.4, 0.45, 0.15])
        if field == "人才培训":
            coop = "人员培训"
        else:
            coop = rng.choice(["联合攻关", "技术服务", "成果转化", "人员培训"], p=[0.4, 0.3, 0.2, 0.1])
        rows.append({"技术需求": need, "提出单位": e["name"], "需求描述": desc, "紧迫程度": str(urg),
                     "技术领域": field, "期望合作方式": str(coop)})
    return pd.DataFrame(rows)


# (岗位类别, 对应专业, 布点院校数, 年毕业生数, 对口就业率, 数据说明)
REAL_716 = "布点院校数716为真实数据（2023年1545所高职院校中716所开设新能源汽车技术专业）"
CORE = "三个核心专业（智能网联汽车技术、新能源汽车技术、新能源汽车检测与维修技术）年毕业生合计约12万人为真实报道数据，按岗位类别的分摊比例为合成估计"
SUPPLY = [
    ("生产制造", "汽车制造与试验技术", 260, 15000, 0.58, "合成估计"),
    ("装调与质检", "新能源汽车技术", 716, 30000, 0.62, REAL_716 + "；年毕业生数为分摊合成估计；" + CORE),
    ("电池技术", "新能源汽车技术", 716, 12000, 0.55, REAL_716 + "；年毕业生数为分摊合成估计；" + CORE),
    ("电控与电驱", "汽车电子技术", 190, 9000, 0.52, "合成估计"),
    ("智能网联与软件", "智能网联汽车技术", 280, 18000, 0.48, "布点院校数与毕业生数为合成估计；" + CORE),
    ("研发设计", "汽车制造与试验技术", 260, 4000, 0.35, "合成估计；研发设计岗位主要由本科及以上层次供给"),
    ("售后检测维修", "新能源汽车检测与维修技术", 310, 45000, 0.66, "布点院校数与毕业生数为合成估计；" + CORE),
    ("充换电运维", "新能源汽车技术", 716, 15000, 0.45, REAL_716 + "；年毕业生数为分摊合成估计；" + CORE),
    ("充换电运维", "电气自动化技术", 900, 6000, 0.40, "合成估计；仅计入面向充换电运维方向的毕业生"),
    ("销售与服务", "汽车技术服务与营销", 420, 14000, 0.50, "合成估计"),
    ("生产管理", "机电一体化技术", 1100, 8000, 0.44, "合成估计；仅计入进入新能源汽车企业的毕业生"),
]


def build_supply():
    df = pd.DataFrame(SUPPLY, columns=["岗位类别", "对应专业", "布点院校数", "年毕业生数", "对口就业率", "数据说明"])
    core = df[df["对应专业"].isin(["智能网联汽车技术", "新能源汽车技术", "新能源汽车检测与维修技术"])]["年毕业生数"].sum()
    assert 115000 <= core <= 125000, core  # ~12万, anchored to the real figure
    return df


def write_xlsx(path, sheet, df, note):
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        df.to_excel(xw, sheet_name=sheet, index=False)
        pd.DataFrame({"说明": [note]}).to_excel(xw, sheet_name="说明", index=False)
        wb = xw.book
        wb.properties.creator = "corpus/nev/build_data.py"
        wb.properties.created = FIXED_TIME
        wb.properties.modified = FIXED_TIME
    normalize_zip(path)


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(description="Generate the synthetic sample data.")
    ap.add_argument("--out", type=pathlib.Path, default=OUT, help="output folder (default: data/ beside this script)")
    out = ap.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    ents = make_enterprises(rng)
    survey = build_survey(rng, ents)
    postings = build_postings(rng, ents)
    tech = build_tech(rng, ents)
    supply = build_supply()
    write_xlsx(out / "survey_2025.xlsx", "问卷数据", survey, SYNTH_NOTE + " 问卷：2025年共同体成员企业岗位需求调查（虚构）。")
    postings.to_csv(out / "postings_2021_2025.csv", index=False, encoding="utf-8-sig")
    write_xlsx(out / "tech_needs_2025.xlsx", "技术需求", tech, SYNTH_NOTE + " 技术需求条目为虚构示例。")
    supply.to_csv(out / "talent_supply_2025.csv", index=False, encoding="utf-8-sig")
    print(f"survey rows={len(survey)} enterprises={survey['企业名称'].nunique()}; postings rows={len(postings)}; "
          f"tech rows={len(tech)}; supply rows={len(supply)}")


if __name__ == "__main__":
    main()
