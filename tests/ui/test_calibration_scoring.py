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
