"""Round 16: what the twelfth probe's pages exposed — an outlet's byline taken for the title, a sentence the index cut
at a comma, 同年 with its year in the sentence before, a short title defined in another chunk, a past count read as a
plan's target and a plan's dated goal read as a fact, a bare 发布…运行情况 release — and figure-less filler judged by
its shape in the sections that want specifics (made-up 家具/furniture, 水产/aquaculture and 纺织/textile text)."""
import dataclasses

from assistant.analysis.tables import load_yaml
from assistant.draft import evidence
from assistant.draft.evidence import evidence_sentences, usable, vague_fact
from assistant.draft.sentences import dangling_term, rule_type

TPL = load_yaml("draft_templates.yaml")


def test_an_outlets_byline_is_not_the_title(tmp_path):
    from assistant.kb.ingest import load_file

    p = tmp_path / "2024_某某晚报_家具出口增长.txt"
    p.write_text("某某晚报记者 王小明\n今年前三季度，全省家具出口额达到320亿元，同比增长6.5%。家具企业加快布局海外仓。\n",
                 encoding="utf-8")
    title = load_file(p).title
    assert "记者" not in title and "王小明" not in title  # fails before: 某某晚报记者 王小明
    assert title.endswith("家具出口增长")


def test_a_sentence_the_index_cut_at_a_comma_is_read_whole():
    passage = ("2024年全省水产养殖面积预计达到1200万亩，渔业产值将突破800亿元，沿海三市作为主要产区，集中了4500家养殖企业，"
               "从业人员超过20万，\n形成了从育苗、养殖到加工的完整链条。")
    sents = evidence_sentences(passage)
    assert len(sents) == 1 and "从业人员超过20万，形成了" in sents[0]  # fails before: “形成了…” stood as a sentence
    assert not any(s.startswith("形成了") for s in sents)
    # a short comma-ended line (a letter's addressee) stays apart
    assert evidence.join_comma_cuts("各市、县人民政府，\n现将有关事项通知如下。") == "各市、县人民政府，\n现将有关事项通知如下。"


def test_tongnian_takes_the_year_of_the_sentence_before():
    sents = evidence_sentences("2019年印发的《家具产业人才培养行动计划（2019-2023）》提出，加快建设一批专业点。"
                               "同年，某职业学院获批增设家具设计与制造专业。")
    assert sents[1] == "2019年，某职业学院获批增设家具设计与制造专业。"  # fails before: 同年，…
    # a sentence before with two years, or none, leaves nothing to resolve: as found, and a dangling start
    two = "2018年至2020年，全省新增家具企业300家。"
    assert evidence.resolve_same_year("同年，某学院开设家具专业。", two) == "同年，某学院开设家具专业。"
    assert dangling_term("同年，某学院开设家具专业。") == "同年"  # fails before: no dangling word


def test_a_short_title_defined_in_another_chunk_is_written_in_full():
    class Store:
        chunks = {"a": type("C", (), {"text": "日前，某部印发的《家具产业数字化转型行动方案（2025-2027年）》（以下简称《行动方案》）公布。"})(),
                  "b": type("C", (), {"text": "《行动方案》提出，到2027年，规模以上家具企业数字化率达到80%。"})()}

        def chunk_ids(self, source):
            return list(self.chunks)

        def get(self, ids):
            return {i: self.chunks[i] for i in ids}

    kb = type("KB", (), {"store": Store()})()
    text = Store.chunks["b"].text
    names = evidence.document_short_names(kb, "2025_某报_家具.txt", text)
    assert names == {"行动方案": "家具产业数字化转型行动方案（2025-2027年）"}
    sents = evidence_sentences(text, short_names=names)
    assert sents[0].startswith("《家具产业数字化转型行动方案（2025-2027年）》提出")  # fails before: no short_names
    assert evidence.document_short_names(kb, "2025_某报_家具.txt", "全省家具企业1200家。") == {}


def test_a_past_count_is_no_target_and_a_plans_dated_goal_is_one():
    past = "到2022年，某部下发的《关于公布2021年度高职专业备案结果的通知》显示，全国已有48所院校开设现代家具设计专业。"
    assert rule_type(past)[0] != "target"  # fails before: tgt_by_year (已有 more than 30 characters after 到2022年)
    goal = "《水产养殖绿色发展行动方案》提出，2028年，全省水产品总产量达到600万吨以上，带动渔民增收。"
    assert rule_type(goal) == ("target", "tgt_plan_year")  # fails before: fact_figure
    assert rule_type("到2030年，全省水产品总产量达到650万吨。")[0] == "target"  # as before


def test_a_bare_release_of_a_years_operating_figures_is_no_evidence():
    assert not usable("据某部网站消息，某部12日发布2023年家具行业运行情况。", TPL)  # fails before: usable
    assert usable("某部发布2023年家具行业运行情况，全年家具产量9.6亿件，同比增长3.2%。", TPL)


VAGUE = ["纺织行业新材料不断涌现，产品路线更加多元。",
         "随着政策体系的完善和市场环境的优化，多种示范引领作用显现。",
         "院校专业设置已经和城市发展、产业链布局紧紧咬合。"]
SPECIFIC = ["中国纺织工业联合会表示，新材料已进入医用纺织品领域。",
            "全省纺织企业主要分布在沿海地区，形成了从纺纱、织造到服装的完整产业链。",
            "浙江已形成一批纺织产业集群。"]


def test_a_figure_less_sentence_that_names_nothing_is_vague():
    assert vague_fact(VAGUE[2], TPL)  # fails before: no word of the checker's classes
    for s in VAGUE:
        assert vague_fact(s, TPL)
    for s in SPECIFIC:
        assert not vague_fact(s, TPL)


def _admit(report: str, section_id: str, specific: bool):
    from assistant.draft.paragraphs import admit
    from assistant.draft.sentences import typer_for
    from assistant.outline import load_outline

    sec = next(s for s in load_outline(report).sections if s.id == section_id)
    return sec, admit(dataclasses.replace(sec, specific=specific), typer_for())


def test_policy_demand_and_matching_sections_want_specifics():
    for report, sid, vague, specific in [
            ("industry-analysis", "policy", "随着纺织政策体系的完善，多种示范引领作用显现。",
             "工业和信息化部印发纺织工业数字化转型指南，推动纺织企业建设智能工厂。"),
            ("talent-demand", "demand", "纺织企业对复合型岗位人才的需求已经和产业链布局紧紧咬合。",
             "中国纺织工业联合会调查显示，纺织企业最难招聘的是数字化运维岗位。")]:
        sec, ok = _admit(report, sid, True)
        assert sec.specific  # fails before: the outline did not mark the section
        assert not ok(vague)
        assert ok(specific)
        assert _admit(report, sid, False)[1](vague)  # without `specific` the sentence is judged as before


def test_a_plans_aim_or_requirement_is_a_target():
    for s in ["《家具产业高质量发展行动方案》旨在推动家具企业向智能制造转型，培育一批领军企业。",
              "在绿色发展方面，《水产养殖业发展规划（2021-2025年）》强调要加大尾水治理力度，推广循环水养殖。"]:
        assert rule_type(s) == ("target", "tgt_plan_says")  # fails before: fact (rule or embedding)
    # what a plan states as known (a definition after 明确，; 明确指出 an assessment) is left to the other rules
    assert rule_type("《意见》明确指出，家具产业涉及面广、产业链长。") != ("target", "tgt_plan_says")


def test_a_title_written_in_full_does_not_make_a_sentence_too_long():
    full = ("《家具产业数字化转型专项行动方案（2025-2027年）》提出，2027年，规模以上家具企业数字化研发设计工具普及率达到85%，"
            "关键工序数控化率达到70%，培育30家以上智能制造示范工厂和50个数字化转型典型场景，建成5个行业级工业互联网平台，"
            "带动上下游企业协同发展，全行业营业收入达到9000亿元以上，绿色产品占比提高到40%，定制家具占比提高到35%，"
            "家具出口额达到800亿美元。")
    assert len(full) > 180 and evidence.reading_length(full) <= 180
    assert usable(full, TPL)  # fails before: longer than 180 characters


def test_a_sentence_on_what_its_document_says_names_it():
    # the draft's lead names the document (据《…》，); 文件/规划 in the sentence points at it
    for s in ["针对部分地方项目投资过热的现象，文件同时强调有序引导和规范家具产业发展。",
              "规划从提高技术创新能力、构建新型产业生态等五个方面部署了家具产业的重点任务。"]:
        assert not vague_fact(s, TPL)
    assert vague_fact("纺织行业新材料不断涌现，产品路线更加多元。", TPL)
    sec, ok = _admit("industry-analysis", "trends", False)
    assert not sec.specific  # trends keep their figure-less analysis (设计业占比上升意味着…需求增长更快)


def test_two_sentences_quoting_one_long_title_are_not_repeats():
    from assistant.draft.sentences import frame_target

    title = "《水产养殖绿色发展专项行动方案（2025-2027年）》"
    a = {"text": f"在统筹渔业资源的前提下，{title}研究提出2025-2027年发展目标，预计三年内新增循环水养殖面积超过50万亩。"}
    b = {"text": f"{title}提出，2027年，全省水产品总产量达到600万吨以上，带动直接投资约300亿元。"}
    assert not evidence._repeats(b, [a])  # fails before: the shared title made them alike
    # a plan's requirement in its own words (强调要…, 旨在…) is framed already: no “提出的目标是：” before it
    s = f"在尾水治理方面，{title}强调要加大治理力度。"
    assert frame_target(s, "《某某规划》") == s  # fails before: 《某某规划》提出的目标是：在尾水治理方面…


def test_a_target_opening_with_a_bare_tichu_gets_the_plan_as_subject():
    from assistant.draft.sentences import frame_target

    s = "提出到2027年，全省家具产业智能制造示范工厂达到30家。"
    assert frame_target(s, "《家具产业创新发展实施方案（2024—2030年）》") == \
        "《家具产业创新发展实施方案（2024—2030年）》提出到2027年，全省家具产业智能制造示范工厂达到30家。"  # fails before
    assert frame_target("提出的目标已经完成。", "《某某方案》") != "《某某方案》提出的目标已经完成。"


def test_composing_a_bare_tichu_target_names_its_plan():
    from assistant.draft.paragraphs import _written
    from assistant.draft.sentences import load_rules

    text = "提出到2027年，全省家具产业智能制造示范工厂达到30家。"
    hit = {"source": "2024_某网_家具方案.txt", "text": "某部联合印发《家具产业创新发展实施方案（2024—2030年）》。" + text}
    out, names, merged = _written({"hit": hit}, text, "target", "《家具方案》", [], load_rules())
    assert out.startswith("《家具产业创新发展实施方案（2024—2030年）》提出到2027年") and names  # fails before: 提出到2027年…


def test_a_title_and_its_verb_alone_is_no_evidence():
    # the tail of a quotation split at its inner 。, its short title written in full
    assert not usable("《家具产业数字化转型专项行动方案（2025-2027年）》称。", TPL)  # fails before: usable
    assert usable("《家具产业数字化转型专项行动方案》提出，2027年家具企业数字化率达到80%。", TPL)


def test_a_list_of_three_named_jobs_is_specific():
    jobs = "家具设计师、数控加工操作员、智能仓储调度员、定制家具安装工等岗位成为家具行业的就业新方向。"
    assert not vague_fact(jobs, TPL)  # fails on the previous commit (the shape rule without it): a list names things
    assert vague_fact("家具行业呈现集中化、大型化趋势。", TPL)  # two items are a description, not a list
