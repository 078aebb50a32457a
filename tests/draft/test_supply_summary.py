"""The supply summary names each post family once: a family with several majors has one row per major."""
from __future__ import annotations

from types import SimpleNamespace

from assistant.draft.bindings import supply_binding


def _inputs(rows):
    ss = {"rows": rows, "graduates_total": sum(r["graduates"] for r in rows), "matched_total": 0,
          "match_rate_avg": 40.0, "schools_total": 30}
    return SimpleNamespace(found=SimpleNamespace(ss=ss, present={"match_rate"}))


def test_top_families_are_summed_over_their_majors():
    rows = [
        {"family": "设计", "majors": "专业甲", "schools": 10, "graduates": 7000, "match_rate": 50.0},
        {"family": "设计", "majors": "专业乙", "schools": 8, "graduates": 6000, "match_rate": 20.0},
        {"family": "测试", "majors": "专业丙", "schools": 9, "graduates": 6500, "match_rate": 45.0},
        {"family": "运维", "majors": "专业丁", "schools": 3, "graduates": 1000, "match_rate": 30.0},
    ]
    v = supply_binding(_inputs(rows)).values
    assert v["supply_top"] == "年毕业生人数居前的是设计（13000人）、测试（6500人）、运维（1000人）"
    # the low-match family with two rows says which major it is
    assert v["low_match"] == "设计（专业乙，20%）、运维（30%）"
