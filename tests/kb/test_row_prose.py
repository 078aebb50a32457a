"""A table row ("表名｜列：值；…", as indexed) written as the sentence it states, for drafting evidence."""
from assistant.draft.evidence import evidence_sentences
from assistant.kb.tables import row_prose


def test_time_leads_header_units_follow_numbers_and_changes_take_no_wei():
    assert row_prose("表1｜年份：2024；社会物流总额（万亿元）：360.6；同比增长（%）：5.8") == \
        "2024年，社会物流总额为360.6万亿元，同比增长5.8%。"


def test_approximate_values_notes_and_empty_cells():
    row = "表2｜统计时点：2023年底；持证养老护理员：约50万人；需求测算：超200万人；增速：—；备注：按机构床位折算"
    assert row_prose(row) == "2023年底，持证养老护理员约50万人，需求测算超200万人（按机构床位折算）。"


def test_a_bare_number_without_its_unit_is_not_written():
    assert row_prose("表3｜地区：华东；企业数：120") is None
    assert row_prose("不是表格行的普通句子。") is None


def test_passage_sentences_replace_rows_and_keep_prose():
    text = "表1：年份 | 产量（万吨）\n表1｜年份：2025；产量（万吨）：69.5\n全年粮食播种面积保持稳定。"
    assert evidence_sentences(text) == ["表1：年份 | 产量（万吨）", "2025年，产量为69.5万吨。", "全年粮食播种面积保持稳定。"]


def test_a_prose_cell_is_no_statement_of_figures():
    assert row_prose("说明｜项目：2024年数据；说明：2024年起按新口径统计，与上年不可直接比较，详见年报。") is None


def test_a_source_in_a_title_bracket_is_dropped_from_the_title():
    from assistant.draft.references import clean_title

    assert clean_title("2020—2024年全国快递业务量（数据来源：国家邮政局）", "x.xlsx") == "2020—2024年全国快递业务量"
    assert clean_title("主要农产品产量（万吨口径，数据来源：国家统计局）", "x.xlsx") == "主要农产品产量（万吨口径）"
