"""Reference titles from file names that follow <year>_<publisher>_<title>."""
from __future__ import annotations

from assistant.draft.references import clean_title


def test_publisher_segment_is_not_run_into_the_title():
    # the document's first line is a long sentence, so the title falls back to the file name
    long_first_line = "截至去年年底，全省共有冷库一千二百座，比上年增加一百座，冷链运输车辆保有量继续增长，从业人员规模扩大。"
    assert clean_title(long_first_line, "2024_省冷链协会_冷库建设情况通报.txt") == "冷库建设情况通报"
    assert clean_title(None, "2023-2024_冷库统计表.xlsx") == "冷库统计表"
    assert clean_title(None, "2024_a_b.txt") == "ab"  # a segment too short to be a title: joined as before


def test_title_read_from_the_file_name_as_ingest_converted_it(tmp_path):
    from assistant.kb.ingest import load_file

    p = tmp_path / "2024_鏡像站_養老機構床位統計.txt"
    p.write_text("截至去年年底，全國養老機構床位數達到八百二十萬張，護理型床位佔比繼續提高，各地養老服務網絡不斷完善，"
                 "社區養老服務設施覆蓋率進一步提升。\n第二段說明統計口徑。\n", encoding="utf-8")
    doc = load_file(p)
    assert doc.title == "2024_镜像站_养老机构床位统计"
    assert clean_title(doc.title, doc.source) == "养老机构床位统计"


def test_numbered_heading_and_trailing_digit_are_no_title(tmp_path):
    from assistant.kb.ingest import load_file

    # “（一）…” is a section heading: the title comes from the file name; a footnote digit run into a title goes
    assert clean_title("（一）冷库容量变化：需求侧的驱动力", "2025_某网站_冷链物流发展环境分析.txt") == "冷链物流发展环境分析"
    assert clean_title("冷链物流升温或成消费新动能1", "a.txt") == "冷链物流升温或成消费新动能"
    assert clean_title("2024年冷链物流十大案例第1", "a.txt").endswith("第1")
    p = tmp_path / "2025_某网站_冷链物流发展环境分析.txt"
    p.write_text("去年全省冷库总容量达到820万吨，比上年增长6.5%，冷藏车保有量为1.2万辆，冷链物流企业数量持续增加，"
                 "县域冷链网点覆盖率进一步提高。\n(一)冷库容量变化:需求侧的驱动力\n冷库建设仍在加快。\n", encoding="utf-8")
    doc = load_file(p)
    assert not doc.title.startswith("(一)")
    assert clean_title(doc.title, doc.source) == "冷链物流发展环境分析"
