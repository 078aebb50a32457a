"""Round 17: what round 16's energy_storage drafts left — a table whose cells are separated by spaces read as one run-on
paragraph and its page's author list taken for the title, a headline ending on a quoted word run into the quotation
below it, pay figures used up by the section drafted before the one that analyses pay, and a city's plan chosen before
a national one for the policy section (made-up 陶瓷/ceramics text)."""
from assistant.analysis.tables import load_yaml
from assistant.draft import paragraphs
from assistant.draft.evidence import select_evidence
from assistant.draft.sentences import SentenceTyper
from assistant.kb.ingest import load_file
from assistant.outline import Section, load_outline, topic_cues

TPL = load_yaml("draft_templates.yaml")


def _section(outline, sid):
    return next(s for s in outline.sections if s.id == sid)


def test_a_space_separated_table_with_aligned_columns_is_read_as_a_table(tmp_path):
    p = tmp_path / "2024_某陶瓷协会_陶瓷产区产量表.txt"
    p.write_text("各产区日用陶瓷产量\n表2 主要产区产量\n"
                 "产区 2022年产量/亿件 2023年产量/亿件 增速/%\n"
                 "甲产区 120.5 131.2 8.9\n乙产区 86.0 90.4 5.1\n丙产区 44.3 47.0 6.1\n"
                 "三大产区合计占全国产量的六成以上。\n", encoding="utf-8")
    doc = load_file(p)
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    # fails before: the four lines were one paragraph (产区 2022年产量/亿件 …甲产区 120.5 131.2 8.9乙产区…)
    assert rows[0] == "产区 | 2022年产量/亿件 | 2023年产量/亿件 | 增速/%"
    assert rows[1:] == ["甲产区 | 120.5 | 131.2 | 8.9", "乙产区 | 86.0 | 90.4 | 5.1", "丙产区 | 44.3 | 47.0 | 6.1"]
    (name, recs), = doc.tables.items()
    assert recs[1] == {"产区": "乙产区", "2022年产量/亿件": "86.0", "2023年产量/亿件": "90.4", "增速/%": "5.1"}
    assert doc.table_meta[name]["caption"] == "表2 主要产区产量"
    assert any(b.kind == "text" and b.text.startswith("三大产区合计") for b in doc.blocks)  # prose stays prose


def test_an_unaligned_space_table_keeps_its_rows_apart_and_its_author_list_is_no_title(tmp_path):
    p = tmp_path / "2023_某学报_釉料对比表.txt"
    p.write_text("王一, 李二二, 赵三, 钱四四\n\n表1 三种釉料对比\n"
                 "釉料 烧成温度 成本 使用寿命 光泽度/%\n"
                 "石灰釉 1 250~1 300 ℃ 较低 >30 a 85~90\n"
                 "长石釉 1 280 ℃ >40 a 90\n"
                 "灰釉 1 200~1 250 ℃ 较高 25 a 70~80 较好\n", encoding="utf-8")
    doc = load_file(p)
    assert "王一" not in doc.title  # fails before: the author list was the title
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    # a blank cell and spaces inside cells: the columns cannot be read, the rows are kept as written
    assert rows == ["釉料 烧成温度 成本 使用寿命 光泽度/%", "石灰釉 1 250~1 300 ℃ 较低 >30 a 85~90",
                    "长石釉 1 280 ℃ >40 a 90", "灰釉 1 200~1 250 ℃ 较高 25 a 70~80 较好"]
    assert doc.tables == {}
    # two names are not a list of authors: a short line of two words stays a candidate title
    q = tmp_path / "2023_某报_陶瓷.txt"
    q.write_text("景德镇,醴陵\n2023年两地陶瓷产值合计超过1000亿元。\n", encoding="utf-8")
    assert load_file(q).title == "景德镇,醴陵"


def test_a_headline_ending_on_a_quoted_word_stands_apart(tmp_path):
    p = tmp_path / "2024_某财经_陶瓷设计师.txt"
    p.write_text("陶瓷设计师身价上涨\n某财经记者 张三\n今年以来，多家陶瓷企业加大设计人才招聘力度。\n"
                 "跳槽三年薪资翻倍，高薪“并不稀奇”\n“去年帮一家陶瓷企业招到一位设计总监，月薪从1.2万元涨到2.5万元。”一位猎头说。\n",
                 encoding="utf-8")
    texts = [b.text for b in load_file(p).blocks]
    assert "跳槽三年薪资翻倍，高薪“并不稀奇”" in texts  # fails before: run into the quotation below it
    assert any(t.startswith("“去年帮一家陶瓷企业") for t in texts)


def test_pay_figures_are_left_to_the_section_that_analyses_pay():
    outline = load_outline("talent-demand")
    reserved = tuple(TPL["reserved_topics"])
    demand, status = _section(outline, "demand"), _section(outline, "talent_status")
    assert "pay" in paragraphs.left_topics(status, reserved)  # fails before: no such reserved topic
    assert "pay" not in paragraphs.left_topics(demand, reserved)
    typer = SentenceTyper(None)
    pay = "某陶瓷企业招聘的釉料工程师要求本科以上学历和5年经验，年薪20-35万元。"
    assert paragraphs.admit(demand, typer, leave=paragraphs.left_topics(demand, reserved))(pay)
    assert not paragraphs.admit(status, typer, leave=paragraphs.left_topics(status, reserved))(pay)
    # a pay word without a figure is no pay figure: the section drafted first may still take it
    assert not topic_cues()["pay"].search("陶瓷企业普遍提高了设计人员的薪酬待遇。")
    assert not topic_cues()["pay"].search("《2023年陶瓷人才报告》从求职规模、意向薪酬、专业背景等方面分析供需。")  # a year is no pay


def test_a_national_plan_comes_before_a_citys_when_the_budget_is_tight():
    from assistant.draft.evidence import issuer_level

    assert issuer_level("5月8日，某某市人民政府办公厅印发《关于推动陶瓷产业高质量发展的实施意见》，提出到2027年产值达到800亿元。") == 2
    assert issuer_level("某某省工业和信息化厅印发《陶瓷产业发展方案》。") == 1
    assert issuer_level("工业和信息化部、国家发展改革委印发《陶瓷工业发展行动方案》。") == 0
    assert issuer_level("国家市场监管总局发布陶瓷砖能效标准。") == 0  # 市场 is no city
    city = "5月8日，某某市人民政府办公厅印发《陶瓷产业发展行动方案》，提出到2027年某某市陶瓷产值达到800亿元的目标。"
    nation = "工业和信息化部等四部门印发《陶瓷产业发展行动方案》，提出到2027年全国陶瓷产值达到8000亿元的目标。"

    def hit(text, i):
        return {"text": text, "year": 2025, "source": f"{i}.txt", "chunk_id": f"{i}#0", "rank": 0, "query_index": 0,
                "query": "陶瓷 产业发展 行动方案 目标", "topic": "产业发展 行动方案 目标"}

    policy = _section(load_outline("industry-analysis"), "policy")
    assert policy.issuer_order
    sec = Section(id="policy", title="政策环境", queries=["陶瓷 产业发展 行动方案 目标"], issuer_order=True)
    chosen = select_evidence([hit(city, 1), hit(nation, 2)], sec, TPL, budget=60)
    assert [c["text"] for c in chosen] == [nation]  # fails before: the city's, first found, took the budget
    plain = Section(id="policy", title="政策环境", queries=["陶瓷 产业发展 行动方案 目标"])
    assert [c["text"] for c in select_evidence([hit(city, 1), hit(nation, 2)], plain, TPL, budget=60)] == [city]


def test_an_html_entity_that_lost_its_marks_is_read_as_the_mark():
    from assistant.textproc import clean_page_texts

    # fails before: 2019mdash2023 was quoted as written
    assert clean_page_texts(["陶瓷产业2019mdash2023年产值年均增长6%。"]) == ["陶瓷产业2019—2023年产值年均增长6%。"]
    assert clean_page_texts(["The mdash entity"]) == ["The mdash entity"]  # a word in Latin text stays
