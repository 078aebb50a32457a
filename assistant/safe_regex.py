"""Regular expressions from users (outline `required_elements`, rule packs, uploaded outlines) with a
time bound, so that a pattern such as `^(.+)+X$` (catastrophic backtracking) cannot freeze a command
or the web server.

- `compile_user(pattern, flags, where)`: compiles with the `regex` package (same syntax as `re`) and
  runs the pattern once over a few pathological probe strings with a short timeout; a pattern that
  needs longer than that on a probe is rejected at load with a Chinese message naming `where`.
- The returned `SafePattern` has `search`, `match`, `fullmatch`, `finditer`, `findall`, `sub` and
  `pattern` like `re.Pattern`, and every call runs under `MATCH_TIMEOUT` seconds; a timeout raises
  `InputError` (the CLI turns it into one line and exit 2, the web app into a message).
"""
from __future__ import annotations

import contextvars
import re
import time
from contextlib import contextmanager
from functools import lru_cache

import regex

from .errors import InputError

MATCH_TIMEOUT = 5.0  # seconds per call on real text (wall clock: generous on a busy machine)
PROBE_BUDGET = 1.0  # CPU seconds all probe strings of one pattern may take at load (built-in ones: ~1 ms)
# CPU seconds one probe string may take: the `regex` engine's own guards make some nested repeats polynomial rather than
# exponential ((x+x+)+y: ~0.3 s a 400-character probe on a quiet 2-core machine, just under PROBE_BUDGET in all), which
# still freezes on a 30,000-character report; ordinary patterns take ~1 ms of CPU a probe (timed by the thread's CPU clock, so a
# busy machine does not make them look costly)
PROBE_SINGLE = 0.05
PROBE_LENGTH = 400
# Strings that make backtracking patterns blow up: long runs of one class, then a character that
# breaks the match, then the pattern's own literals (so a required-literal shortcut does not hide it).
_PROBE_UNITS = ("a", "1", "中", " ", "\n", "a1", "中 ", "。", "ab中1 .，")
_LITERAL = regex.compile(r"(?<!\\)[\p{L}\p{N}_]")

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("regex_deadline", default=None)

M = re.M
I = re.I
S = re.S


@contextmanager
def time_budget(seconds: float):
    """Bound the total time user patterns may take inside the block (one web request): each call
    gets at most what is left, and a call after the budget is spent raises InputError."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _timeout_now() -> float:
    deadline = _deadline.get()
    if deadline is None:
        return MATCH_TIMEOUT
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError("处理时间超过本次请求的上限，请缩短文本或简化提纲、规则中的正则后重试")
    return min(MATCH_TIMEOUT, left)


def _regex_flags(flags: int) -> int:
    out = regex.V0
    for a, b in ((re.M, regex.M), (re.I, regex.I), (re.S, regex.S), (re.X, regex.X), (re.A, regex.A)):
        if flags & a:
            out |= b
    return out


class SafePattern:
    """A compiled user pattern whose every match call is time-bounded."""

    def __init__(self, compiled: "regex.Pattern", where: str = ""):
        self._rx = compiled
        self.where = where
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groupindex = compiled.groupindex

    def _timeout(self) -> InputError:
        where = f"（{self.where}）" if self.where else ""
        return InputError(f"正则表达式 {self.pattern!r}{where} 匹配超时（超过 {MATCH_TIMEOUT:g} 秒），"
                          f"请简化该正则（避免 (.+)+ 这类嵌套重复）")

    def _call(self, name: str, *args, **kw):
        try:
            return getattr(self._rx, name)(*args, timeout=_timeout_now(), **kw)
        except TimeoutError as e:
            raise self._timeout() from e

    def search(self, string: str, *args, **kw):
        return self._call("search", string, *args, **kw)

    def match(self, string: str, *args, **kw):
        return self._call("match", string, *args, **kw)

    def fullmatch(self, string: str, *args, **kw):
        return self._call("fullmatch", string, *args, **kw)

    def findall(self, string: str, *args, **kw):
        return self._call("findall", string, *args, **kw)

    def sub(self, repl, string: str, *args, **kw):
        return self._call("sub", repl, string, *args, **kw)

    def finditer(self, string: str, *args, **kw):
        # The timeout of `regex.finditer` covers the whole iteration; materialise it here so the
        # TimeoutError is raised (and translated) inside this call.
        try:
            return iter(list(self._rx.finditer(string, *args, timeout=_timeout_now(), **kw)))
        except TimeoutError as e:
            raise self._timeout() from e

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"


def probes(pattern: str) -> list[str]:
    literals = "".join(dict.fromkeys(_LITERAL.findall(pattern)))[:8]
    units = list(_PROBE_UNITS) + list(literals[:4])
    out = []
    for unit in units:
        run = unit * (PROBE_LENGTH // len(unit))
        mixed = (unit * 4 + " " + literals + " " + unit * 4) * (PROBE_LENGTH // (10 + len(literals)))
        out += [run + "!", run + "!" + literals, run + "\x00" + literals[::-1], mixed + "!"]
    return out


# Exponential backtracking needs a repeated group ("(...)*", "(...)+", "(...){n,}"); patterns without
# one are at worst polynomial and skip the probes (the per-call timeout still applies).
_REPEATED_GROUP = re.compile(r"(?<!\\)\)(?:[*+]|\{\d*,?\d*\})")


def _cpu_seconds(rx, probe: str, limit: float) -> float:
    """CPU seconds one probe search takes, stopping once it has used `limit`. Timed by this thread's CPU clock, not
    the wall clock: on a loaded machine (a CI runner, a server under other work) an ordinary pattern can wait longer
    than `limit` for the processor and would be taken for a backtracking one. A search stopped by its wall-clock
    timeout before it had used `limit` of CPU is run again with a longer timeout (four tries)."""
    start, wall = time.thread_time(), limit
    for _ in range(4):
        try:
            rx.search(probe, timeout=wall)  # a failing search tries every start position
            return time.thread_time() - start
        except TimeoutError:
            used = time.thread_time() - start
            if used >= limit:
                return used
            wall *= 4
    return time.thread_time() - start


def _is_too_costly(rx: "regex.Pattern") -> bool:
    """True when one probe takes longer than PROBE_SINGLE, or all together longer than PROBE_BUDGET, of CPU time
    (ordinary patterns: milliseconds)."""
    if not _REPEATED_GROUP.search(rx.pattern):
        return False
    spent = 0.0
    for probe in probes(rx.pattern):
        took = _cpu_seconds(rx, probe, min(PROBE_SINGLE, PROBE_BUDGET - spent))
        spent += took
        if took >= PROBE_SINGLE or spent >= PROBE_BUDGET:
            return True
    return False


@lru_cache(maxsize=4096)
def _compile_cached(pattern: str, flags: int) -> tuple["regex.Pattern | None", str, bool]:
    try:
        # Validate with `re` too: a user pattern must mean the same in both engines.
        re.compile(pattern, flags)
        rx = regex.compile(pattern, _regex_flags(flags))
    except (re.error, regex.error) as e:
        return None, str(e), False
    return rx, "", _is_too_costly(rx)


def compile_user(pattern: str, flags: int = 0, where: str = "") -> SafePattern:
    """Compile a user-supplied pattern; InputError when it is invalid or too costly (names `where`)."""
    if not isinstance(pattern, str):
        raise InputError(f"{where}：正则必须是字符串，当前为 {pattern!r}")
    rx, err, costly = _compile_cached(pattern, flags)
    prefix = f"{where} 的" if where else ""
    if rx is None:
        raise InputError(f"{prefix}正则无效：{pattern!r}（{err}）")
    if costly:
        raise InputError(f"{prefix}正则 {pattern!r} 可能导致灾难性回溯（在 {PROBE_LENGTH} 字的测试文本上超时），"
                         f"请简化（避免 (.+)+、(a|a)* 这类嵌套或重叠的重复）")
    return SafePattern(rx, where)


def search(pattern: str, text: str, flags: int = 0):
    return compile_user(pattern, flags).search(text)


def finditer(pattern: str, text: str, flags: int = 0):
    return compile_user(pattern, flags).finditer(text)
