"""Drafting round 8, tested on made-up aquaculture sentences: the demand section searches for demand itself (招聘需求、
岗位需求、用人需求) and takes a sentence about employers' hiring needs; 供需匹配 compares the two sides, so a sentence of
either the demand (talent) or the supply cue set is on its topic, and an outline may name several cue sets."""
from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.outline import load_outline

SUPPLY_SENT = "全省仅有三所高职院校开设水产养殖技术专业，年毕业生不足两百人。"
DEMAND_SENT = "沿海养殖企业的用人需求逐年增加，育苗环节尤甚。"
OFF_TOPIC = "东县新建两座万吨级冷库，预计明年投入运营。"


def test_the_demand_section_asks_for_demand_itself():
    demand = load_outline("talent-demand").section("demand")
    asked = " ".join(demand.queries)
    assert all(w in asked for w in ("人才需求", "用人需求", "岗位需求", "招聘需求"))
    assert demand.on_topic(DEMAND_SENT)
    assert not demand.on_topic(OFF_TOPIC)


def test_matching_takes_either_side_of_supply_and_demand():
    matching = load_outline("talent-demand").section("matching")
    assert matching.on_topic(SUPPLY_SENT) and matching.on_topic(DEMAND_SENT)
    assert not matching.on_topic(OFF_TOPIC)
    assert not load_outline("talent-demand").section("demand").on_topic(SUPPLY_SENT)  # demand keeps its own set


def test_an_unknown_cue_set_in_a_list_is_named(tmp_path):
    src = load_outline("talent-demand").path
    text = open(src, encoding="utf-8").read().replace("topic: [talent, supply]", "topic: [talent, 供给侧]")
    p = tmp_path / "outline.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="供给侧"):
        load_outline(path=p)
