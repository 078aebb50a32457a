"""Cell values of the community's data tables: parse what is parseable, say what was assumed, reject the rest.

Every parser returns `Parsed(value, note, error)`: `value` is None for a blank cell; `note` says what was
read from an approximate cell ("约50人" → 50); `error` says why a cell was rejected. The caller attaches
the file, sheet, row and column (see `Problem`).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from ..errors import InputError

# Multipliers written after a number; 万 and 千 are common in Chinese tables ("1.2万").
_MULT = {"万": 10_000, "千": 1_000, "百": 100, "k": 1_000, "K": 1_000, "w": 10_000, "W": 10_000}
# Words around a count that do not change it ("50人", "约50名").
_APPROX_PRE = ("约", "大约", "近", "超过", "逾", "约计", "~", "≈", "about", "approx.", "approx", "ca.")
_APPROX_POST = ("余", "多", "左右", "以上", "+", "上下")
_UNIT_WORDS = ("人次", "人", "名", "个", "位", "家", "所", "条", "项", "元", "次", "people", "persons")
_NUM = r"[-−]?\d+(?:\.\d+)?"
_BLANK_TEXT = {"", "nan", "none", "null", "n/a", "na", "-", "—", "--", "/"}


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    note: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Problem:
    """One bad or doubtful cell (or a whole-table problem), located for the user."""
    file: str
    message: str
    sheet: str | None = None
    row: int | None = None  # spreadsheet row number as the user sees it (header row = 1 unless offset)
    column: str | None = None
    severity: str = "error"  # error: the table cannot be used as is; warning: used, but check it

    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"列“{self.column}”")
        return " ".join(parts)

    def text(self) -> str:
        return f"{self.where()}：{self.message}"

    def to_dict(self) -> dict:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "severity": self.severity, "message": self.message}


def is_blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        if v is pd.NA or v is pd.NaT:
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(v, str) and v.strip().lower() in _BLANK_TEXT


def norm_text(v: Any) -> str:
    """A text cell as a clean string: blank (None, NaN, pandas NA, '') → ''."""
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return unicodedata.normalize("NFKC", str(v)).strip()


_CJK_PUNCT = frozenset("，；：（）！？")  # full-width punctuation NFKC would turn into ASCII


def display_text(v: Any) -> str:
    """A text cell as written for a reader: like `norm_text` (full-width letters and digits made ASCII), but
    Chinese punctuation kept (NFKC would write “占比高,需优化” for “占比高，需优化”)."""
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return "".join(c if c in _CJK_PUNCT else unicodedata.normalize("NFKC", c) for c in str(v)).strip()


def _clean_number_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip().replace("−", "-")
    # thousands separators between digits: 1,200 / 1，200 / 1 200
    s = re.sub(r"(?<=\d)[,，\s](?=\d{3}(?!\d))", "", s)
    return s


def parse_number(v: Any, integer: bool = False, allow_negative: bool = False) -> Parsed:
    """A count or amount. "1,200" → 1200; "约50人" → 50 (noted); "1.2万" → 12000 (noted); blank → None."""
    if is_blank(v):
        return Parsed()
    if isinstance(v, bool):
        return Parsed(error=f"“{v}”不是数字")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        x = float(v)
        note = None
    else:
        raw = str(v)
        s = _clean_number_text(raw)
        approx = unit = False
        for p in _APPROX_PRE:
            if s.lower().startswith(p.lower()):
                s, approx = s[len(p):].strip(), True
                break
        for p in _APPROX_POST + _UNIT_WORDS + _APPROX_POST:
            if s.endswith(p) and len(s) > len(p):
                s = s[: -len(p)].strip()
                approx = approx or p in _APPROX_POST
                unit = unit or p in _UNIT_WORDS
        m = re.fullmatch(rf"({_NUM})\s*([万千百kKwW]?)", s)
        if not m:
            return Parsed(error=f"“{raw.strip()}”不是可识别的数字")
        x = float(m.group(1)) * _MULT.get(m.group(2), 1)
        note = None
        if approx or unit or m.group(2):
            shown = int(x) if float(x).is_integer() else x
            note = f"“{raw.strip()}”按{shown}计" + ("（约数）" if approx else "")
    if math.isnan(x) or math.isinf(x):
        return Parsed(error=f"“{v}”不是有效数字")
    if x < 0 and not allow_negative:
        return Parsed(error=f"负数“{norm_text(v)}”（人数、数量不能为负）")
    if integer and not float(x).is_integer():
        return Parsed(error=f"“{norm_text(v)}”不是整数")
    return Parsed(int(round(x)) if integer else x, note)


def parse_rate(v: Any) -> Parsed:
    """A share: "85%" / "85" / "0.85" → 0.85. Above 100 % or negative is rejected."""
    if is_blank(v):
        return Parsed()
    s = norm_text(v)
    pct = s.endswith("%")
    p = parse_number(s.rstrip("%").strip(), allow_negative=True)
    if p.error:
        return Parsed(error=f"“{s}”不是可识别的比例")
    x = float(p.value)
    if x < 0:
        return Parsed(error=f"比例“{s}”为负")
    if pct or x > 1:
        x /= 100
    if x > 1:
        return Parsed(error=f"比例“{s}”超过100%")
    return Parsed(x)


_DATE_PATTERNS = [
    (re.compile(r"^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$"), 3),
    (re.compile(r"^((?:19|20)\d{2})[-/.年](\d{1,2})月?$"), 2),
    (re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$"), 3),
    (re.compile(r"^((?:19|20)\d{2})\s*年?$"), 1),
]


def parse_date(v: Any) -> Parsed:
    """A posting date: a spreadsheet date, 2023-05-01, 2023/5/1, 2023年5月1日, 2023年5月, 2023.05 or 2023."""
    if is_blank(v):
        return Parsed()
    if isinstance(v, (datetime, date, pd.Timestamp)):
        return Parsed(pd.Timestamp(v))
    s = norm_text(v)
    for rx, n in _DATE_PATTERNS:
        m = rx.match(s)
        if m:
            y = int(m.group(1))
            mo = int(m.group(2)) if n >= 2 else 1
            d = int(m.group(3)) if n >= 3 else 1
            try:
                return Parsed(pd.Timestamp(year=y, month=mo, day=d))
            except ValueError:
                break
    return Parsed(error=f"“{s}”不是可识别的日期（如 2024-05-01、2024年5月）")


def parse_year(v: Any) -> Parsed:
    """A plausible year (1900—2100): 2025, "2025", "2025年", 2025.0."""
    if is_blank(v):
        return Parsed()
    s = norm_text(v)
    m = re.fullmatch(r"((?:19|20)\d{2})(?:\.0+)?\s*年?(?:度)?", s)
    if not m:
        return Parsed(error=f"“{s}”不是可识别的年份")
    return Parsed(int(m.group(1)))


TRUE_WORDS = {"是", "y", "yes", "true", "1", "难招", "紧缺", "√", "✓", "有"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "不难招", "不紧缺", "×", "无", "一般"}


def parse_flag(v: Any) -> Parsed:
    if is_blank(v):
        return Parsed()
    s = norm_text(v).lower()
    if s in TRUE_WORDS:
        return Parsed(True)
    if s in FALSE_WORDS:
        return Parsed(False)
    return Parsed(error=f"“{norm_text(v)}”不是“是/否”")


PARSERS = {
    "count": lambda v: parse_number(v, integer=True),
    "number": lambda v: parse_number(v),
    "rate": parse_rate,
    "date": parse_date,
    "year": parse_year,
    "flag": parse_flag,
}


def check_report_year(year: int | None, what: str = "--year") -> int | None:
    """A report or demand year given by the user must be a plausible calendar year (config.require_year)."""
    from ..config import require_year

    return require_year(year, what)


def group_problems(problems: list[Problem], limit_rows: int = 8) -> list[str]:
    """Problems grouped by file, sheet, column and kind of message, with the rows listed."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        kind = re.sub(r"“[^”]*”", "“…”", p.message)
        groups.setdefault((p.file, p.sheet, p.column, kind), []).append(p)
    out = []
    for (f, sheet, col, _), ps in groups.items():
        head = Problem(file=f, sheet=sheet, message="").where()
        colt = f" 列“{col}”" if col else ""
        rows = [p.row for p in ps if p.row is not None]
        if len(rows) == 1:
            out.append(ps[0].text())
        elif rows:
            shown = "、".join(str(r) for r in rows[:limit_rows]) + (f"等{len(rows)}行" if len(rows) > limit_rows else "行")
            vals = "、".join(dict.fromkeys(re.findall(r"“[^”]*”", " ".join(p.message for p in ps))))
            msg = re.sub(r"“[^”]*”", "", ps[0].message).strip() if vals else ps[0].message
            out.append(f"{head} 第{shown}{colt}：{msg}" + (f"（{vals[:60]}）" if vals else "") + f"，共{len(ps)}处")
        else:
            out.extend(p.text() for p in ps)
    return out


def problems_line(problems: list[Problem], limit_rows: int = 8) -> str:
    """All problems as one line (for the one-line `错误：` message of draft and lists)."""
    return f"数据文件有{len(problems)}处问题：" + "；".join(group_problems(problems, limit_rows))
