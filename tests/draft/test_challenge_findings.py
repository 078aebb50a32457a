"""问题与挑战 states the gaps the data show (binding `challenge_findings`), for every sample industry.

The 行业发展分析报告 of each sample under corpus/ is drafted from its own documents, data and profile; its
问题与挑战 section must carry the survey findings (the largest shortage with its gap, the hard-to-fill
posts), each cited to the survey, with figures equal to the computed analysis. Without survey, postings
and supply data the section says what was not computed instead of stating any gap."""
from __future__ import annotations

import json

import pytest
from fixtures import NEV_PROFILE, FakeKB, corpus_kb, sample_data

from assistant.demo import samples
from assistant.draft import draft_report
from assistant.draft.bindings import REGISTRY
from assistant.draft.types import fmt
from assistant.outline import load_outline

SAMPLES = samples()


def _findings(res) -> list:
    sd = next(sd for sd in res.sections if sd.id == "challenges")
    return [s for b in sd.blocks for s in b.sentences if s.kind == "data"], sd


def test_outline_names_the_binding_and_it_is_registered():
    assert "challenge_findings" in load_outline("industry-analysis").section("challenges").data
    assert "challenge_findings" in REGISTRY


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_challenges_state_the_sample_survey_gaps(name, tmp_path):
    folder = SAMPLES[name]
    from assistant.profile import load_profile

    res = draft_report("industry-analysis", corpus_kb(folder / "sources"), sample_data(folder), 2026,
                       tmp_path / "a.md", profile=load_profile(folder / "profile.yaml"))
    sents, sd = _findings(res)
    assert sents, f"{name}: 问题与挑战 has no data findings"
    assert all(s.cites == ["data:survey"] or s.cites in (["data:postings"], ["data:supply"]) for s in sents)
    facts = json.loads((res.run_dir / "analysis.json").read_text(encoding="utf-8"))["facts"]
    top = next(f for f in facts["survey"]["shortage"]["families"] if f["gap"] > 0)
    text = "".join(s.text for s in sents)
    assert f"{top['family']}类岗位" in text and f"缺口（需求减去供给估计）{top['gap']}人" in text
    ds = facts["survey"]["demand_structure"]
    assert f"难招的岗位记录有{ds['hard_count']}条，占{fmt(ds['hard_share'])}%" in text
    # stated before the section's evidence paragraphs, and not claimed as advice
    assert sd.blocks[0].sentences[0].kind == "data" and "建议" not in text
    # a paragraph per data source
    paras = [[s.cites[0] for s in b.sentences] for b in sd.blocks if b.sentences and b.sentences[0].kind == "data"]
    assert all(len(set(p)) == 1 for p in paras) and len({p[0] for p in paras}) == len(paras)


def test_challenges_without_data_say_what_was_not_computed(fake_kb, tmp_path):
    res = draft_report("industry-analysis", fake_kb, [], 2026, tmp_path / "n.md", profile=NEV_PROFILE)
    sents, sd = _findings(res)
    assert not sents
    assert "人才缺口、难招岗位和招聘变化未作测算" in sd.text


def test_challenges_postings_only_state_only_a_postings_decline(data_files, tmp_path):
    import pandas as pd

    post = pd.read_csv(data_files["postings"], encoding="utf-8-sig")
    last = post[post["发布日期"].str.startswith("2025")]
    falling = pd.concat([post[~post["发布日期"].str.startswith("2025")], last.head(len(last) // 3)])
    p = tmp_path / "postings_2021_2025.csv"
    falling.to_csv(p, index=False, encoding="utf-8-sig")
    res = draft_report("industry-analysis", FakeKB(), [str(p)], 2026, tmp_path / "p.md", profile=NEV_PROFILE)
    sents, _ = _findings(res)
    assert [s.cites for s in sents] == [["data:postings"]]
    assert sents[0].text.startswith("招聘大数据显示，2025年招聘人数为") and "比2024年减少" in sents[0].text


def test_recommendations_refer_to_stated_findings_without_repeating_figures(data_files, tmp_path):
    """The industry report states the gaps in 问题与挑战; its recommendations answer each of them without
    repeating those figures. The talent report, which states no findings first, keeps the figures."""
    files = list(data_files.values())
    ind = draft_report("industry-analysis", FakeKB(), files, 2026, tmp_path / "i.md", profile=NEV_PROFILE)
    tal = draft_report("talent-demand", FakeKB(), files, 2026, tmp_path / "t.md", profile=NEV_PROFILE)
    from assistant.draft.sentences import figures

    def recs(res):
        sd = next(sd for sd in res.sections if sd.id == "recommendations")
        return [s.text for b in sd.blocks for s in b.sentences if s.kind == "data"]

    found, _ = _findings(ind)
    stated = {f for s in found for f in figures(s.text)}
    assert stated and not any(figures(t) & stated for t in recs(ind))
    top = found[0].text.split("类岗位")[0].removeprefix("从样本企业调查看，")
    assert any(t.startswith(f"针对{top}类岗位的供需缺口，建议") for t in recs(ind))
    assert len(recs(ind)) >= len(found)  # every finding is answered
    assert any(t.startswith(f"针对{top}类岗位缺口") and figures(t) for t in recs(tal))
