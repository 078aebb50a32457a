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
