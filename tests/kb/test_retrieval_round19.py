"""Round 19: a web page copied to text keeps a whole article in one paragraph; it is cut into small
units at sentence ends (chunking.PARAGRAPH_UNIT_CHARS), while short paragraphs are still packed."""
from __future__ import annotations

from assistant.config import Settings
from assistant.kb import KnowledgeBase
from assistant.kb.chunking import PARAGRAPH_UNIT_CHARS, chunk_document
from assistant.kb.ingest import load_file

# A made-up news page about an imaginary tea-processing industry, one paragraph, several topics.
PAGE = ("示例茶业网 2024-05-06 记者从省农业农村厅获悉,全省茶叶加工业近年来保持平稳增长。"
        "2023年全省干毛茶产量达到18.6万吨,同比增长4.2%,其中名优茶占比提高到四成。 "
        "在装备方面,连续化自动生产线已在百余家规上企业投用,揉捻、烘干两道工序的机械化率超过九成。"
        "但懂工艺又会设备维护的复合型技工仍然紧缺,不少企业反映评茶员和制茶师傅的平均年龄偏大。 "
        "为此,省里计划在三年内建成12个茶叶加工技能实训基地,并鼓励职业院校与龙头企业共建订单班。"
        "业内人士建议,应把茶园管理、加工工艺和电商运营三类课程打通,培养一专多能的新型茶产业人才。 "
        "此外,出口方面,今年一季度全省茶叶出口量同比增长7.5%,主要销往中亚和中东地区。")


def test_long_paragraph_is_cut_into_small_units_at_sentence_ends(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    doc = load_file(tmp_path / "page.txt")
    chunks = chunk_document(doc, size=400, overlap=0)
    assert len(PAGE) > 2 * PARAGRAPH_UNIT_CHARS  # the test page is a long paragraph
    assert len(chunks) >= 4
    assert all(len(c.text) <= PARAGRAPH_UNIT_CHARS for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)  # every sentence here is shorter than a unit
    # nothing is lost: the units join back to the paragraph
    assert "".join(c.text for c in chunks).replace(" ", "") == PAGE.replace(" ", "")


def test_short_paragraphs_are_still_packed_up_to_the_chunk_size(tmp_path):
    paras = ["一、加工", "2023年示例县茶叶加工企业共有56家。", "其中规上企业14家,比上年增加2家。",
             "加工能力合计3.1万吨。"]
    (tmp_path / "brief.md").write_text("# 示例县茶业简报\n\n" + "\n\n".join(paras[1:]), encoding="utf-8")
    doc = load_file(tmp_path / "brief.md")
    chunks = chunk_document(doc, size=400, overlap=0)
    assert len(chunks) == 1  # three short paragraphs of one section stay one unit
    assert all(p in chunks[0].text for p in paras[1:])


def test_answer_in_the_middle_of_a_long_page_is_found_in_a_window(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "2024_示例茶业网_茶叶加工业.txt").write_text(PAGE, encoding="utf-8")
    (src / "2024_示例陶瓷简报.txt").write_text(
        "2023年示例市日用陶瓷产量为9.8亿件,同比增长3.1%。陶瓷企业普遍反映窑炉操作工紧缺,"
        "市里计划建设两个陶瓷技能实训基地,并与职业院校共建订单班。", encoding="utf-8")
    kb = KnowledgeBase(Settings.from_env(index_dir=tmp_path / "index"))
    kb.ingest([src])
    units = [c for c in kb.store.get(kb.store.all_ids()).values() if "茶业网" in c.source]
    assert len(units) >= 4 and max(len(c.text) for c in units) <= PARAGRAPH_UNIT_CHARS
    hits = kb.search("这个省打算几年内建多少个茶叶加工的技能实训基地？", top_k=3)
    assert "茶业网" in hits[0].source
    assert "12个茶叶加工技能实训基地" in hits[0].text
    # the passage shown is the window around the unit, longer than one unit
    assert len(hits[0].text) > PARAGRAPH_UNIT_CHARS
