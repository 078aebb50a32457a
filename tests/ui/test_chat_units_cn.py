"""Chat: a count asked with 几门/几届/几批 must be answered by a sentence that gives that count, in digits or in
Chinese numerals (两门、十二届); 一 alone is not a count (一家企业 is "a company"). Own sentences, another industry."""
from assistant.chat import asked_unit, unit_ok


def test_count_words_are_asked_units():
    assert asked_unit("那家茶企跟学院一起开了几门课？") == "门"
    assert asked_unit("这个技能大赛已经办了几届？") == "届"


def test_chinese_numeral_counts_answer_and_a_sentence_without_the_count_does_not():
    assert unit_ok("门", "茶企与学院联合开发茶叶审评、茶艺服务两门课程", "")
    assert unit_ok("届", "该赛事自2013年起已连续举办十二届", "")
    assert not unit_ok("门", "茶企与学院联合开发茶叶审评实训课程，每年培养约60人", "")
    assert not unit_ok("家", "一家茶企参与了课程开发", "")
