"""A PDF paragraph that opens with an enumerator (（二）…。) and wraps onto the next visual line is one paragraph, not
a heading followed by a fragment: the chat quoted “统维修的方向相对集中” for “面向传统维修的方向相对集中”."""
from assistant.kb.ingest import _heading_level, _merge_pdf_lines


def test_enumerated_sentence_is_not_a_heading():
    assert _heading_level("（二）结构不匹配。面向甲类岗位的方向相对不足，面向传") is None
    assert _heading_level("（二）结构不匹配") is not None
    assert _heading_level("四、供给侧存在的问题") is not None


def test_wrapped_enumerated_paragraph_is_joined():
    lines = ["四、供给侧存在的问题", "（一）布点多、特色少。部分院校专业设置雷同。",
             "（二）结构不匹配。面向甲类岗位的方向相对不足，面向传", "统维修的方向相对集中。", "（三）对口就业率有待提高。"]
    merged = _merge_pdf_lines(lines)
    assert any("面向传统维修的方向相对集中。" in m for m in merged)
    assert "四、供给侧存在的问题" in merged
