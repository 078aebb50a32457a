"""Eighth-industry probe (cross-border e-commerce pages): a page's byline (文/某某 某某), a lone author name above the
body, an official document's number line and a journal title's footnote * are not (part of) the document's title, and
a 摘要： line is not run into the title line above it. Made-up pages on beekeeping."""
from assistant.kb.ingest import load_file

BODY = "蜂产品是一种传统的农产品，具有广阔的市场空间和良好的发展前景，近年来多地把蜂业列入特色产业加以扶持，蜂农收入稳步提高。"


def title_of(tmp_path, text, name="2023_某网_蜂业人才培养调研.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_file(p).title


def test_a_byline_is_not_the_title(tmp_path):
    assert title_of(tmp_path, "文/王小蜂 李 花\n\n" + BODY) == "2023_某网_蜂业人才培养调研"
    assert title_of(tmp_path, "记者 赵养蜂\n\n" + BODY) == "2023_某网_蜂业人才培养调研"


def test_a_lone_name_above_the_body_is_its_author(tmp_path):
    assert title_of(tmp_path, "孙蜜蜜\n" + BODY) == "2023_某网_蜂业人才培养调研"
    # a short title that ends like a title stays the title
    assert title_of(tmp_path, "蜂业概况\n" + BODY) == "蜂业概况"


def test_a_document_number_is_not_the_title(tmp_path):
    assert title_of(tmp_path, "某政办发〔2024〕12号\n" + BODY) == "2023_某网_蜂业人才培养调研"
    assert title_of(tmp_path, "某政办发〔2024〕12号\n某市蜂产业发展三年行动方案\n\n" + BODY) == "某市蜂产业发展三年行动方案"


def test_a_footnote_mark_and_an_abstract_line(tmp_path):
    assert title_of(tmp_path, "高职蜂产品专业群建设研究*\n——以某学院为例\n\n" + BODY) == "高职蜂产品专业群建设研究"
    assert title_of(tmp_path, "《蜂业发展规划》开启蜂产业高质量发展新阶段\n摘要:" + BODY) == "《蜂业发展规划》开启蜂产业高质量发展新阶段"


def test_a_byline_stays_in_the_indexed_text(tmp_path):
    """Not the title, but still the only place the index holds the author: a question asked by author needs it."""
    from assistant.kb.chunking import chunk_document
    for head in ("孙蜜蜜\n", "文/王小蜂 李 花\n\n"):
        p = tmp_path / "2023_某网_蜂业人才培养调研.txt"
        p.write_text(head + BODY, encoding="utf-8")
        doc = load_file(p)
        assert doc.title == "2023_某网_蜂业人才培养调研"
        assert head.strip() in chunk_document(doc)[0].text
