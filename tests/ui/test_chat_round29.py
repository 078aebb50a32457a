"""Chat round 29 (issue 11): what was left of the tenth held-out set's misanswers, as general checks.
- A question that names a document in 《》 is not answered by a sentence about another 《》 document, unless the
  sentence or its frame names the asked one (`other_document`, tag `document`; chat.yaml `document_title_strip`,
  `document_title_overlap`).
- "由哪个机构印发": the qualifier right after a name question word is the kind of name asked, so a sentence whose
  body says "某某小组印发" is no rival entity's "印发" (chat.yaml `asked_qualifier_before`).
- A digit that belongs to a name or model (5G, 4K, C919, PM2.5) is no figure of the sentence (chat.yaml `digit_names`).
A small knowledge base of an invented industry (竹业), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_竹业专业建设观察.md": """# 竹业专业建设观察

近日，竹业振兴工作领导小组印发《竹产业融合发展促进方案(2024—2026年)》，提出加快布局竹材加工相关专业点。

今年5月中旬，林业主管部门发布的《2024年度竹制品质量抽检结果公示》显示，全国共有86家企业参与抽检。

随着5G和物联网发展，竹材加工机器人在各地竹产区都得到了广泛的应用。

据介绍，全国竹材加工机器人的保有量已达1.2万台。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round29")


def test_same_document_titles():
    asked = chat.asked_documents("《竹产业融合发展促进方案（2024-2026年）》是哪个机构印发的？")
    assert asked and all("《" not in a for a in asked)
    # the same title written with other brackets and dashes, or a short form, is the same document
    assert not chat.other_document(asked, "某小组印发《竹产业融合发展促进方案(2024—2026年)》。", "")
    assert not chat.other_document(asked, "《促进方案》提出加快布局专业点。", "")
    # a sentence naming no 《》 document, or only the asked one in its frame, is not about another document
    assert not chat.other_document(asked, "该方案由某小组印发。", "")
    assert not chat.other_document(asked, "方案提出落实《竹林保护条例》的要求。",
                                   "关于印发《竹产业融合发展促进方案(2024—2026年)》的通知")
    assert chat.other_document(asked, "某部门发布的《2024年度竹制品质量抽检结果公示》显示，共有86家企业参与。", "")
    assert not chat.asked_documents("竹材加工机器人的保有量是多少？")


def test_a_sentence_about_another_document_is_refused(kb):
    q = "《竹产业融合发展促进方案(2024—2026年)》是由哪个机构印发的？"
    assert "document" in scored_row(kb, q, "抽检结果公示").refused
    right = scored_row(kb, q, "领导小组印发")
    assert "document" not in right.refused
    assert "rival" not in right.refused  # (哪个机构印发: 机构 is the name asked, 领导小组 is no rival of it)


def test_an_asked_qualifier_is_no_rival():
    q = "《竹产业融合发展促进方案》是由哪个机构印发的？"
    said = "近日，竹业振兴工作领导小组印发《竹产业融合发展促进方案》。"
    tok = default_tokenizer()
    df = {"机构": 1, "印发": 1, "领导小组": 1, "工作": 1}
    assert not chat.rival_qualifier([("机构", "印发")], q, said, "", tok, df)
    # a qualifier the question gives itself still has rivals
    assert chat.rival_qualifier([("机构", "印发")], "这份方案是教育机构印发的吗？", said, "", tok, df)


def test_a_digit_of_a_name_is_no_figure(kb):
    q = "竹材加工机器人的保有量是多少台？"
    assert not scored_row(kb, q, "随着5G").has_value
    assert scored_row(kb, q, "1.2万台").has_value
    assert chat._DIGIT_NAME.sub("", "C919与PM2.5、4K、3D打印") == "C与PM、、打印"
    assert chat._DIGIT_NAME.sub("", "装机100MW、电压220V、增长5%") == "装机100MW、电压220V、增长5%"
