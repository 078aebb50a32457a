"""Seventh-industry probe (rail transit) defects, tested on made-up forestry sentences: a sentence counts as talent
evidence for its cue word in context (招聘会, 就业指导中心, 职业院校 describe a college, not the workforce), a college's
campus is supply-side at most, and the demand section searches for the salary it requires."""
from __future__ import annotations

import re

from assistant.outline import Section, load_outline


def _talent(sent: str) -> bool:
    return Section(id="demand", title="人才需求分析", topic="talent").on_topic(sent)


def test_a_college_and_its_services_are_not_talent_evidence():
    assert not _talent("学院设有就业指导中心，每学期举办两场招聘会和职业规划讲座，帮助学生提升求职能力。")
    assert not _talent("该林业职业技术学院位于省城东郊，占地300余亩，建筑面积12万平方米。")
    assert not _talent("学院构建跨区域、跨岗位的林业人才培养新模式。")  # training, not the workforce


def test_workforce_sentences_stay_talent_evidence():
    assert _talent("2024年全省林业企业招聘护林员1200人，较上年增加15%。")
    assert _talent("林下经济从业人员约8.6万人，其中具有职业技能等级证书的占三成。")
    assert _talent("省会城市林业技术员月薪普遍在5000元至7000元之间。")


def test_the_supply_section_takes_college_sentences():
    supply = Section(id="supply", title="人才供给分析", topic="supply")
    assert supply.on_topic("全省共有9所高职院校开设林业技术专业，年毕业生约2100人。")
    assert not supply.on_topic("该林业职业技术学院位于省城东郊，占地300余亩，建筑面积12万平方米。")


def test_the_demand_section_searches_for_the_salary_it_requires():
    demand = load_outline("talent-demand").section("demand")
    salary = next(e for e in demand.required_elements if e.name == "薪酬")
    words = [p for p in salary.patterns if len(p) >= 2]
    assert any(re.search("|".join(words), q) for q in demand.queries)
