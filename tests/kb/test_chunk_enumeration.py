"""A long enumeration with no sentence mark inside (甲市、乙市、……等46个城市) is cut at 、 before any character, so no
chunk boundary falls inside a number (fresh19: a cut between 4 and 6 made a chat answer read 6个城市). Made-up list."""
import re

from assistant.kb.chunking import chunk_document
from assistant.types import Block, LoadedDocument

CITIES = "、".join(f"第{n}号示例城区" for n in range(1, 40))
TEXT = f"一、同意在{CITIES}等46个城市和地区设立蜂产品综合试验区,名称分别为某某蜂产品综合试验区。"


def test_no_cut_inside_a_number():
    doc = LoadedDocument(source="批复.txt", path="/tmp/批复.txt", title="批复", year=2020, file_type="txt",
                         blocks=[Block(text=TEXT, page=None, heading_path=[])])
    chunks = chunk_document(doc)
    assert len(chunks) > 1
    for c in chunks:
        assert not re.match(r"\d", c.text.strip()), c.text[:20]  # no chunk opens with the tail of a number
        assert not re.search(r"\d$", c.text.strip()), c.text[-20:]
    assert any("46个城市" in c.text for c in chunks)
