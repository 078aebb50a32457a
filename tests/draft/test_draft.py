import json
import re

from fixtures import NEV_PROFILE  # noqa: E402
from assistant.draft import draft_report, main_draft, numbers_in, regenerate_section
from assistant.outline import load_outline


def _check_citations(res):
    refs = {i: r for i, r in enumerate(res.references, 1)}
    for sd in res.sections:
        if sd.id == "references":
            continue
        for b in sd.blocks:
            for s in b.sentences:
                nums = numbers_in(s.text)
                if not s.cites:
                    assert not nums, f"uncited sentence with figures: {s.text}"
                    continue
                allowed = set()
                for k in s.cites:
                    allowed |= numbers_in(next(r.text for r in res.references if r.key == k), strip_cites=False)
                assert nums <= allowed, (s.text, nums - allowed)
    return refs


def test_draft_talent_every_section(data_files, fake_kb, tmp_path):
    res = draft_report("talent-demand", fake_kb, list(data_files.values()), 2026, tmp_path / "t.md", profile=NEV_PROFILE)
    outline = load_outline("talent-demand").expanded(NEV_PROFILE)  # as drafted (profile terms)
    assert [s.id for s in res.sections] == [s.id for s in outline.sections]
    for sec, sd in zip(outline.sections, res.sections):
        assert sd.text.strip(), sec.id
        for e in sec.required_elements:
            assert e.found_in(sd.text), (sec.id, e.name)
    assert re.search(r"\[\d+\]", res.markdown)
    _check_citations(res)
    # the survey is cited as a numbered data reference
    assert any("合成样例" in r.label or "survey" in r.source for r in res.references)
    assert (res.run_dir / "outline.yaml").is_file() and (res.run_dir / "settings.json").is_file()
    assert (res.run_dir / "evidence" / "demand.json").is_file()
    assert "llm_api_key" not in json.loads((res.run_dir / "settings.json").read_text())["settings"]


def test_draft_industry_and_regenerate(data_files, fake_kb, tmp_path):
    res = draft_report("industry-analysis", fake_kb, [], 2026, tmp_path / "i.md", profile=NEV_PROFILE)
    outline = load_outline("industry-analysis").expanded(NEV_PROFILE)  # as drafted (profile terms)
    for sec, sd in zip(outline.sections, res.sections):
        assert sd.text.strip(), sec.id
        for e in sec.required_elements:
            assert e.found_in(sd.text), (sec.id, e.name)
    _check_citations(res)
    before = (tmp_path / "i.md").read_text(encoding="utf-8")
    res2 = regenerate_section(res.run_dir, "policy", fake_kb)
    assert (tmp_path / "i.md").read_text(encoding="utf-8") == before
    assert [s.id for s in res2.sections] == [s.id for s in res.sections]


def test_progress_callbacks(data_files, fake_kb, tmp_path):
    from assistant.draft import DraftProgress

    seen = []

    class P(DraftProgress):
        def on_section_end(self, section_id, title, index, total, mode):
            seen.append((section_id, mode))

    draft_report("talent-demand", fake_kb, list(data_files.values()), 2026, tmp_path / "p.md", progress=P(), profile=NEV_PROFILE)
    assert len(seen) == 9 and all(m == "deterministic" for _, m in seen)


def test_main_draft_bad_data_exit_2(tmp_path, capsys, monkeypatch, fake_kb):
    import assistant.kb as kbmod

    monkeypatch.setattr(kbmod.KnowledgeBase, "open", classmethod(lambda cls, *a, **k: fake_kb))
    code = main_draft(["--report", "talent-demand", "--index", str(tmp_path), "--data", str(tmp_path / "nope.xlsx"),
                       "--out", str(tmp_path / "o.md")])
    assert code == 2
    assert capsys.readouterr().err.startswith("错误：")


def test_evidence_filter_uses_the_checkers_objectivity_rules():
    from pathlib import Path

    import yaml

    import assistant
    from assistant.draft.evidence import usable as _usable
    from assistant.textproc import split_sentences

    templates = Path(assistant.__file__).parent / "data" / "draft_templates.yaml"
    tpl = yaml.safe_load(templates.read_text(encoding="utf-8"))
    promotional = "研发端电池工程师长期供不应求，企业招聘周期明显延长。"
    neutral = "据脉脉高聘2023年数据，电池工程师的人才供需比为0.16。"
    assert not _usable(promotional, tpl)
    assert _usable(neutral, tpl)
    # list markers are dropped, not the sentences behind them; decimals survive
    assert split_sentences("（一）计划新增运维人员约45人。1.5倍") == ["计划新增运维人员约45人。", "1.5倍"]


def test_outline_bindings_and_placeholders_checked_at_load(tmp_path, fake_kb):
    import pytest
    import yaml

    from assistant.analysis import load_yaml
    from assistant.draft.bindings import check_templates
    from assistant.errors import InputError
    from assistant.outline import OUTLINE_DIR

    raw = yaml.safe_load((OUTLINE_DIR / "talent-demand.yaml").read_text(encoding="utf-8"))
    raw["sections"][1]["data"] = ["survey_workforce", "no_such_binding"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml.*no_such_binding"):
        draft_report("talent-demand", fake_kb, [], 2026, tmp_path / "x.md", outline_path=str(bad), profile=NEV_PROFILE)
    templates = load_yaml("draft_templates.yaml")
    templates["bindings"]["survey_workforce"][0].append({"text": "共有{no_such_value}人", "cite": "survey"})
    with pytest.raises(InputError, match=r"模板 survey_workforce.*no_such_value"):
        check_templates(load_outline("talent-demand"), templates)
    # an outline still naming an industry is refused with the way to name it now
    raw["industry"] = "某行业"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="--industry"):
        load_outline(path=bad)


def test_outline_expansion_from_profile():
    from assistant.profile import Profile

    o = load_outline("industry-analysis")
    status = o.section("status")
    assert all("{" not in q for q in o.expanded(None).section("status").queries)
    p = Profile(industry="现代物流", metrics=(), terms=("冷链物流",))
    ex = o.expanded(p).section("status")
    assert "现代物流 冷链物流" in ex.queries and not any("{" in q for q in ex.queries)
    scale = next(e for e in ex.required_elements if e.id == "scale")
    assert scale.found_in("规模持续扩大") and not any("{metric}" in x for x in scale.patterns)
    assert any("{metric}" in x for x in next(e for e in status.required_elements if e.id == "scale").patterns)
