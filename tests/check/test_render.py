"""Outputs: the reviewed DOCX carries a real Word comment on each flagged span."""
import docx

from assistant.check import check_file, render


def comments_by_anchor(path):
    """Map comment id → anchored text, read from the document XML."""
    from docx.oxml.ns import qn

    d = docx.Document(str(path))
    body = d.element.body
    anchored, open_ids = {}, set()
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            for cid in open_ids:
                anchored[cid] = anchored.get(cid, "") + (el.text or "")
    texts = {str(c.comment_id): c.text for c in d.comments}
    return d, anchored, texts


def test_docx_from_markdown_has_comments_on_flagged_text(fixtures, tmp_path):
    result = check_file(fixtures / "sample_industry.md")
    out = tmp_path / "reviewed.docx"
    assert render(result, "docx", str(out)) == str(out)
    d, anchored, texts = comments_by_anchor(out)
    assert len(list(d.comments)) == len(result.findings)
    assert "稳居全球第一" in anchored.values()
    assert "令人振奋" in anchored.values()
    assert "同比增长38.2%" in anchored.values()  # 200.6万辆 is now covered by the paragraph-above lead (issue 9)
    cid = next(k for k, v in anchored.items() if v == "稳居全球第一")
    assert "排名" in texts[cid] and "objectivity.ranking-claim" in texts[cid]
    assert all(c.author == "审查助手" for c in d.comments)


def test_docx_source_is_annotated_in_place(sample_docx, tmp_path):
    result = check_file(sample_docx)
    out = tmp_path / "reviewed.docx"
    render(result, "docx", str(out), source_path=sample_docx)
    d, anchored, _ = comments_by_anchor(out)
    assert len(list(d.comments)) == len(result.findings)
    assert "稳居全球第一" in anchored.values() and "缺口约100万人" in anchored.values()
    # the document text is unchanged by run splitting
    assert [p.text for p in d.paragraphs] == [p.text for p in docx.Document(str(sample_docx)).paragraphs]


def test_default_docx_path_beside_source(fixtures, tmp_path):
    import shutil

    src = tmp_path / "r.md"
    shutil.copy(fixtures / "sample_industry.md", src)
    path = render(check_file(src), "docx", None)
    assert path.endswith("r.审查.docx")


def test_text_json_markdown(fixtures):
    import json

    r = check_file(fixtures / "sample_industry.md")
    assert json.loads(render(r, "json", None)) == r.to_dict()
    assert "错误" in render(r, "text", None)
    assert "## 问题清单" in render(r, "markdown", None)
