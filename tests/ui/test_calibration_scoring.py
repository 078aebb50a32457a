"""How the chat eval decides that an answer holds its gold answer string (evals/chat/calibration.holds_answer)."""
from evals.chat.calibration import holds_answer


def test_a_plain_answer_string_is_found_with_whitespace_ignored():
    assert holds_answer("年均增长 8.1%", "近五年年均增长8.1%[1]。")
    assert holds_answer("8.1%", "年均增长 8.1 %".replace(" ", ""))
    assert not holds_answer("8.1%", "年均增长18.2%")


def test_a_table_row_answer_needs_each_cell_in_order():
    answer = "表1｜岗位类别：航线维修技师；现有人数：210；2026年计划招聘：35；主要学历：高职专科[1]。"
    assert holds_answer("航线维修技师 210 35", answer)
    assert not holds_answer("航线维修技师 35 210", answer)      # the cells in another order
    assert not holds_answer("航线维修技师 210 36", answer)      # a cell the answer does not hold
    assert not holds_answer("", answer)


def test_a_value_with_its_unit_is_held_by_a_cell_whose_heading_gives_the_unit():
    answer = "历年港口吞吐量（数据来源：某港务局）｜年份：2021；集装箱吞吐量（万标箱）：1285.6；同比增长（%）：6.2[1]。"
    assert holds_answer("1285.6万标箱", answer)
    assert not holds_answer("1285万标箱", answer)        # not the whole value
    assert not holds_answer("285.6万标箱", answer)       # part of another number
    assert not holds_answer("1285.6万吨", answer)        # the unit is not in the answer
