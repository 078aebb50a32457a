"""`assistant profile init` on a small knowledge base of another industry (现代物流), written here.
The documents and table are short synthetic examples (figures illustrative only)."""
from __future__ import annotations

from fixtures import FakeKB

from assistant.profile import load_profile
from assistant.profile_init import init_profile, main_profile

DOCS = [
    ("2024_物流运行.txt", "2024年物流运行情况（合成样例）", 2025, None,
     "现代物流（简称物流业）是支撑国民经济发展的基础性产业。2024年全国快递业务量完成1750.8亿件，同比增长21.5%。"
     "冷链物流、智慧仓储和多式联运加快发展，冷链物流企业数量持续增加。"),
    ("2023_物流收入.md", "2023年物流业总收入（合成样例）", 2024, None,
     "2023年物流业总收入13.2万亿元，同比增长3.9%。多式联运货运量增长明显，智慧仓储自动化改造提速。"
     "快递业务量达到1320.7亿件。供应链管理和冷链物流岗位的人才需求持续增长。"),
    ("2025_人才.txt", "物流人才需求（合成样例）", 2025, None,
     "智慧仓储运维、冷链物流管理和多式联运调度岗位难招。供应链管理专业毕业生供给不足，冷链物流技术人员缺乏。"),
]
STATS = ("2020-2024_快递业务量统计.md", "2020—2024年快递业务量（合成样例）", 2025, {"表1": [
    {"年份": str(y), "快递业务量（亿件）": str(v), "同比增长（%）": g}
    for y, v, g in [(2020, 833.6, "31.2"), (2021, 1083.0, "29.9"), (2022, 1105.8, "2.1"),
                    (2023, 1320.7, "19.4"), (2024, 1750.8, "32.6")]]})


def test_profile_init_proposes_from_another_industrys_kb(tmp_path):
    kb = FakeKB(docs=DOCS, tables=(STATS,))
    path = init_profile("现代物流", tmp_path, kb=kb)
    assert path == tmp_path / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    prof = load_profile(path)  # what it writes is a valid profile
    assert prof.industry == "现代物流" and "物流业" in prof.aliases
    assert {"冷链物流", "智慧仓储", "多式联运"} & set(prof.terms)
    assert ("快递业务量", "亿件") in [(m.name, m.unit) for m in prof.metrics]
    assert prof.series == {"metric": "快递业务量", "unit": "亿件", "source": "2020-2024_快递业务量统计.md"}
    assert "同比增长" not in [m.name for m in prof.metrics]  # growth rates are no level metric
    assert text.startswith("#") and "请逐项核对" in text and "2020—2024年" in text
    assert "汽车" not in text  # nothing from the sample industry


def test_profile_init_cli_refuses_to_overwrite(tmp_path, monkeypatch, capsys):
    import assistant.kb as kbmod

    monkeypatch.setattr(kbmod.KnowledgeBase, "open", classmethod(lambda cls, *a, **k: FakeKB(docs=DOCS, tables=(STATS,))))
    assert main_profile(["init", "--industry", "现代物流", "--index", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "profile.yaml")
    assert main_profile(["init", "--industry", "现代物流", "--index", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "已存在" in err and err.count("\n") == 1
    assert main_profile(["init", "--industry", " ", "--index", str(tmp_path), "--out", str(tmp_path / "b.yaml")]) == 2


def test_statistical_thresholds_and_ministries_are_not_proposed(tmp_path):
    docs = [("2024_养老.txt", "养老服务运行情况（合成样例）", 2024, None,
             "2023年全国养老机构床位数达到820万张，护理型床位占比提高。民政部发布的数据显示，养老护理员需求增加。"
             "统计范围由原来的年营业收入500万元提高到年营业收入2000万元。养老机构床位数继续增长，床位数达到830万张。"
             "民政部要求各地加强养老护理员培训，民政部和卫健委联合开展社区养老服务试点。"
             "养老护理员薪资水平提高，各地薪资差距缩小，智能养老场景增多。")]
    prof = load_profile(init_profile("养老服务", tmp_path, kb=FakeKB(docs=docs)))
    metrics = [(m.name, m.unit) for m in prof.metrics]
    assert ("床位数", "万张") in metrics or ("床位数", "张") in metrics
    assert not any(n == "营业收入" and u == "万元" for n, u in metrics)  # the 500万元 threshold is no metric
    assert "民政部" not in prof.terms
    assert not {"薪资", "场景", "智能"} & set(prof.terms)  # words of any industry


def test_places_and_document_kinds_are_not_proposed(tmp_path):
    # a firm named 某某现代物流（上海）有限公司 gives no alias 上海; 意见/教育 are words of any industry's documents
    docs = [("2024_物流.txt", "物流园区运行情况（合成样例）", 2024, None,
             "示例现代物流（上海）有限公司承办了多式联运论坛。现代物流（简称物流业）是基础性产业。"
             "省政府印发关于推进多式联运发展的意见，意见提出完善冷链物流网络。意见要求加强职业教育，"
             "教育部门支持院校开设冷链物流专业，冷链物流和多式联运教育资源共享。意见还要求建设智慧仓储。")]
    prof = load_profile(init_profile("现代物流", tmp_path, kb=FakeKB(docs=docs)))
    assert "物流业" in prof.aliases and "上海" not in prof.aliases
    assert not {"意见", "教育"} & set(prof.terms)


def test_alias_after_shortened_forms_of_yixia_jiancheng_keeps_only_the_name():
    # 下简称/下称/以下称 give an alias as 以下简称 does; the verb is never part of it, nor an unknown form of it
    from assistant.profile_init import propose_aliases

    texts = ["全省现代林业(下简称林业经济)产值继续增长。", "现代林业（下称现代林）稳步发展。",
             "现代林业（以下称林产业）吸纳就业。", "现代林业（下文简称林下业）用工增加。"]
    aliases = propose_aliases(texts, "现代林业")
    assert {"林业经济", "现代林", "林产业"} <= set(aliases)
    assert not any("称" in a for a in aliases)


def test_proposing_again_ignores_the_words_of_the_profile_proposed_before(tmp_path):
    """A second `profile init --force` on the same sources proposes the same terms: the index's tokenizer holds
    the last profile's words (here the kind of compounds a profile adds), and tokenising with them changed the
    TF-IDF terms (运维 dropped) and so every section's evidence queries."""
    from assistant.profile_init import propose
    from assistant.textproc import private_tokenizer

    first, _ = propose(FakeKB(docs=DOCS, tables=(STATS,)), "现代物流")
    kb = FakeKB(docs=DOCS, tables=(STATS,))
    kb.tokenizer = private_tokenizer()
    kb.tokenizer.add_words(["全国快递", "物流企业数量", "人才需求持续增长", "智慧仓储运维", "冷链物流管理"])
    again, _ = propose(kb, "现代物流")
    assert again["terms"] == first["terms"] and "运维" in first["terms"]
