"""A sentence that names its own source document gets no 据《…》 lead (issue 11: a source named once per paragraph)."""
from assistant.draft import paragraphs
from assistant.draft.sentences import SentenceTyper


def _compose(text: str, title: str) -> list[str]:
    hit = {"source": "家具.txt", "title": title, "year": 2024, "chunk_id": "家具#0", "text": ""}
    cands = [{"text": text, "query_index": 0, "pos": 0, "score": 1.0, "hit": hit}]
    paras = paragraphs.compose_evidence(cands, SentenceTyper(None), set(), lambda h: f"《{h['title']}》")
    return [t for p in paras for t, _ in p]


def test_a_sentence_naming_its_own_document_is_not_led_by_it_again():
    title = "家具产业集群培育行动方案2024-2026年"
    text = "3月5日，省工业和信息化厅印发《家具产业集群培育行动方案（2024—2026年）》，力争到2026年集群营业收入达到800亿元。"
    assert _compose(text, title) == [text]


def test_a_sentence_naming_another_document_keeps_its_lead():
    title = "家具行业发展观察"
    text = "3月5日，省工业和信息化厅印发《家具产业集群培育行动方案（2024—2026年）》，力争到2026年集群营业收入达到800亿元。"
    assert _compose(text, title) == ["据《家具行业发展观察》，" + text]
