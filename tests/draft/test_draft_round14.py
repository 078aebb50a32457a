"""Round 14: sentences a working-group member strikes — journalistic hooks, a bare 公示 announcement, a source's
self-praise, mojibake, and a 当天， left after a cut dateline (made-up 家具/furniture-industry text)."""
from assistant.analysis.tables import load_yaml
from assistant.draft.evidence import evidence_sentences, garbled, self_praise, usable

TPL = load_yaml("draft_templates.yaml")


def test_journalistic_hooks_are_not_evidence():
    assert not usable("家具设计专业近期凭借毕业生就业率98%冲上热搜，多家企业提前到校招聘。", TPL)
    assert not usable("你知道吗，一张实木餐桌从原木到成品要经过40多道工序。", TPL)
    assert not usable("某家具企业推出的可折叠沙发在社交平台引发热议，首月销量达到3万套。", TPL)
    # the same facts stated plainly stay
    assert usable("家具设计专业2024届毕业生就业率为98%，多家企业提前到校招聘。", TPL)


def test_a_bare_publicity_announcement_is_not_evidence_but_an_issued_plan_stays():
    assert not usable("省林业厅发布《2025年度家具产业重点项目入选名单公示》。", TPL)
    assert usable("省工信厅等五部门联合印发了《家具产业高质量发展行动方案》。", TPL)


def test_self_praise_in_the_source_voice_is_dropped_but_a_reported_view_or_target_is_judged_as_before():
    s = "该学院联合三家家具企业，打造了可复制、可推广的“定制家居人才培养方案”。"
    assert self_praise(s, TPL) and not usable(s, TPL)
    assert not usable("近年来，全省家具行业智能制造改造成效显著，规上企业达到120家。", TPL)
    assert not self_praise("方案提出，到2027年，家具行业绿色转型取得显著成效，规上企业达到150家。", TPL)
    assert not self_praise("该校把课程命名为“成效显著的示范课”，共开设12门。", TPL)


def test_mojibake_is_flagged_and_names_with_rare_characters_are_not():
    assert garbled("家具协会的秷蟾妗凤@示，2024年全省家具产量达到520万件。", TPL)
    assert garbled("缇畴娚桃殉蔀榉€家具出口的重要引擎。", TPL)
    assert not usable("家具协会的秷蟾妗凤@示，2024年全省家具产量达到520万件。", TPL)
    # a person and a company with uncommon characters, an industry's rare character (砼)
    assert not garbled("合肥某家具学校副校长王睿琳介绍，学校每年培训木工800人。", TPL)
    assert not garbled("深圳市澄涞家居有限公司负责人说，公司今年出口增长12%。", TPL)
    assert not garbled("家具厂房采用C30砼浇筑，总面积1.2万平方米。", TPL)


def test_same_day_opening_takes_the_cut_datelines_date():
    text = ("新华社杭州3月5日电 记者从省家具协会获悉，2024年全省家具产量达到520万件。\n\n"
            "资料图为家具展会现场。\n\n当天，省家具行业年会在杭州召开，发布了行业人才培养计划。")
    out = evidence_sentences(text, 2025)
    assert "2025年3月5日，省家具行业年会在杭州召开，发布了行业人才培养计划。" in out
    assert "3月5日，省家具行业年会在杭州召开，发布了行业人才培养计划。" in evidence_sentences(text)


def test_same_day_opening_goes_with_a_dateless_dateline_and_stays_after_a_day_of_the_source():
    out = evidence_sentences("本报讯（记者 王五）全省家具企业去年新增300家。当日，省家具协会公布了新会员名单和培训计划。", 2025)
    assert "省家具协会公布了新会员名单和培训计划。" in out
    # no dateline cut: 当天 is the day the text itself gave (3月4日), left as it is
    out = evidence_sentences("3月4日，省家具博览会在杭州开幕。当天，博览会签约金额达到12亿元。", 2025)
    assert "当天，博览会签约金额达到12亿元。" in out
    # a dateline cut, then a sentence with its own day: a later 当天 is that day's
    out = evidence_sentences("新华社杭州3月5日电 全省家具产量达到520万件。3月6日，家具博览会开幕。当天，签约金额达到12亿元。", 2025)
    assert "当天，签约金额达到12亿元。" in out
