"""Round 34: the learned evidence filter is opt-in (its forward record on the last first runs turned negative:
evals/check/README.md, "Round 34: the thirty-fourth batch ai"). Without --learned or CIE_CHECK_LEARNED=1 the checker
keeps every rule finding; --learned and the variable still turn it on; CIE_CHECK_LEARNED=0 still wins."""
import pytest

from assistant.check import learned as learned_mod
from assistant.check.checker import check_text
from assistant.check.learned import ENV_SWITCH

TEXT = "全市共有冷库企业86家，库容总量达到240万立方米。\n"


@pytest.fixture
def spy(monkeypatch):
    calls = []

    def fake_filter(model, text, findings, factory):
        calls.append(len(findings))
        return findings, {"learned_filter": "applied", "learned_dropped": []}

    monkeypatch.setattr(learned_mod, "load_filter", lambda: object())
    monkeypatch.setattr(learned_mod, "_filter", fake_filter)
    return calls


def test_default_keeps_every_rule_finding(monkeypatch, spy):
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    res = check_text(TEXT)
    assert res.summary["learned_filter"] == "off" and spy == []


def test_the_caller_or_the_variable_turns_it_on(monkeypatch, spy):
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    assert check_text(TEXT, learned=True).summary["learned_filter"] == "applied"
    monkeypatch.setenv(ENV_SWITCH, "1")
    assert check_text(TEXT).summary["learned_filter"] == "applied"
    assert check_text(TEXT, learned=False).summary["learned_filter"] == "off"
    monkeypatch.setenv(ENV_SWITCH, "0")
    assert check_text(TEXT, learned=True).summary["learned_filter"] == "off"
    assert len(spy) == 2


def test_cli_learned_flag(tmp_path, capsys, monkeypatch, spy):
    from assistant.cli import main
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    path = tmp_path / "r.md"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) in (0, 1)
    assert '"learned_filter": "off"' in capsys.readouterr().out
    assert main(["check", str(path), "--format", "json", "--learned"]) in (0, 1)
    assert '"learned_filter": "applied"' in capsys.readouterr().out
