"""The load-time probe of user patterns (safe_regex) judges a pattern by the CPU it uses, not by the wall clock: on a
loaded machine an ordinary built-in rule once waited longer than the 50 ms probe limit for the processor and the whole
rule file was rejected (RuleFileError, draft8's run at load 15). A pattern that really backtracks is still rejected."""
import time

import regex

from assistant import safe_regex


class Starved:
    """A pattern whose first search waits out its wall-clock timeout without using the processor (another process
    had it), then finishes at once."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def search(self, probe, timeout=None):
        self.calls += 1
        if self.calls == 1:
            time.sleep(timeout)
            raise TimeoutError("regex timed out")
        return None


def test_a_starved_ordinary_pattern_is_not_taken_for_a_costly_one():
    rx = Starved(r"(?:据|根据)([^，。]{2,20})+统计")
    assert not safe_regex._is_too_costly(rx)
    assert rx.calls > 1  # the starved probe was run again


def test_a_backtracking_pattern_is_still_rejected():
    assert safe_regex._is_too_costly(regex.compile(r"(a|a)*b"))
    assert safe_regex._is_too_costly(regex.compile(r"(x+x+)+y"))


def test_an_ordinary_repeated_group_passes():
    assert not safe_regex._is_too_costly(regex.compile(r"(?:[一二三四五六七八九十]+、)+[^。]{2,12}"))
