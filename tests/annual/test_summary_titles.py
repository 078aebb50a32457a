"""The annual summary cites a source under the drafter's title (draft/references.clean_title): one reader for both
reports. Before, the summary's own reader kept a file-name title's year and publisher (《2024_某渔业网_…》), cut a
bracketed source note to 《…（数据》 and broke a title quoting another (《《规划》解读》)."""
from types import SimpleNamespace

import pytest

from assistant.annual.summary import evidence_parts
from assistant.outline import Section


@pytest.mark.parametrize("title, source, cited", [
    ("2024_某渔业网_养殖技术员供需", "2024_某渔业网_养殖技术员供需.txt", "《养殖技术员供需》"),
    ("《渔业发展规划》要点解读", "2023_解读.md", "《〈渔业发展规划〉要点解读》"),
    ("各县养殖面积（数据来源：省渔业局）", "2024_养殖面积.xlsx", "《各县养殖面积》"),
])
def test_the_summary_cites_a_source_as_the_drafter_does(monkeypatch, title, source, cited):
    from assistant import draft
    from assistant.draft.references import attr_title

    hit = {"source": source, "title": title, "text": "东县养殖技术员增加了120人。", "page": 0, "year": 2024}
    monkeypatch.setattr(draft, "retrieve_evidence", lambda kb, sec, names=(): [hit])
    monkeypatch.setattr(draft, "select_evidence", lambda hits, sec, rules, budget, used: [{"text": hit["text"], "hit": hit}])
    refs: dict = {}
    profile = SimpleNamespace(industry="水产养殖", names=["水产养殖"], extra_queries=lambda section_id: [])
    parts = evidence_parts(None, Section(id="basic", title="基本情况"), profile, "示例共同体", 200, set(), refs)
    assert parts[0].sentences[0].text == f"据{cited}，东县养殖技术员增加了120人。"
    assert refs[source]["title"] == cited == attr_title(hit)
