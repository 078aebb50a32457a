"""Rule packs are data; a broken pack is reported with its path and line."""
import pytest

from assistant.check import RuleFileError, check_text, default_rules, load_rules
from assistant.check.rules import RULES_DIR


def write(tmp_path, body: str):
    p = tmp_path / "broken.yaml"
    p.write_text(body, encoding="utf-8")
    return p


GOOD_RULE = """rules:
  - id: demo.word
    kind: existence
    level: warning
    category: objectivity
    criterion: 监测指标(二)·客观
    message: "“{text}”"
    tokens: [遥遥领先]
"""


def test_builtin_packs_load_and_cover_every_category():
    rs = default_rules()
    assert {r.category for r in rs.rules} == {"objectivity", "evidence", "completeness", "consistency", "timeliness"}
    for r in rs.rules:
        assert r.id and r.message and r.criterion and r.level in ("error", "warning", "info")
    assert len(list(RULES_DIR.glob("*.yaml"))) >= 5


def test_custom_pack_works(tmp_path):
    rs = load_rules([write(tmp_path, GOOD_RULE)])
    r = check_text("产业遥遥领先。", rules=rs, report="industry-analysis")
    assert [f.rule_id for f in r.findings] == ["demo.word"]


def test_yaml_syntax_error_names_path_and_line(tmp_path):
    p = write(tmp_path, GOOD_RULE + "    exceptions: [unclosed\n  - id: x\n")
    with pytest.raises(RuleFileError) as e:
        load_rules([p])
    assert str(p) in str(e.value) and e.value.line is not None and "行" in str(e.value)


def test_unknown_kind_names_the_rule_line(tmp_path):
    p = write(tmp_path, GOOD_RULE + "  - id: demo.bad\n    kind: nosuchkind\n    level: warning\n")
    with pytest.raises(RuleFileError) as e:
        load_rules([p])
    assert e.value.line == 9 and str(p) in str(e.value) and "nosuchkind" in str(e.value)


def test_bad_regex_and_unknown_key(tmp_path):
    p = write(tmp_path, GOOD_RULE.replace("tokens: [遥遥领先]", "patterns: ['(unclosed']"))
    with pytest.raises(RuleFileError) as e:
        load_rules([p])
    assert e.value.line == 2 and "正则" in str(e.value)
    p = write(tmp_path, GOOD_RULE + "    colour: red\n")
    with pytest.raises(RuleFileError) as e:
        load_rules([p])
    assert e.value.line == 2 and "colour" in str(e.value)


def test_bad_level_and_duplicate_id(tmp_path):
    p = write(tmp_path, GOOD_RULE.replace("level: warning", "level: fatal"))
    with pytest.raises(RuleFileError, match="level"):
        load_rules([p])
    p = write(tmp_path, GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1])
    with pytest.raises(RuleFileError, match="重复"):
        load_rules([p])
