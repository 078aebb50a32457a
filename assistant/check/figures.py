"""Find figures (a number with a unit), years and metric values in plain text."""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = (r"个百分点|百分点|%|％|‰|万亿元|亿元|万元|千元|元|万亿|亿辆|万辆|辆|亿台|万台|台|亿人次|亿人|万套|套|万个|个|万人次|人次|万人|"
         r"人|万名|名|GWh|MWh|kWh|吉瓦时|万吨|吨|万家|家|所|项|门|本|条|份|座|万座|倍|万架|架|万艘|艘|万张|张|万亩|亩|席|万种|种|亿|万|平方米|公里|小时|"
         r"学时|天|:1|：1")
# 第十一轮：架、艘、张、亩、席（新飞机4700架、床位31.6张、占地597.3亩、占据8席）也是计数单位
# 第十三轮：种（重点监测的106种产品中，有88种……）也是计数单位（o12；g03、i03、m10 等发布稿同一写法）
# 第八轮：空格作千位分隔（“2 027万吨”“4 027万吨”）：1–3 位数字后接一个空格和恰好三位数字，整体读作一个数
NUM = r"\d{1,3}(?:[ \u00a0\u2009]\d{3}(?!\d))+(?:\.\d+)?|\d+(?:,\d{3})*(?:\.\d+)?"


def num_digits(raw: str) -> str:
    """The number at the start of `raw` (a NUM match or a figure's text) with its thousands separators removed."""
    return re.sub(r"[,\s\u00a0\u2009]", "", re.match(r"\d[\d,.\s\u00a0\u2009]*", raw).group())


def parse_num(raw: str) -> float:
    """The value of a NUM match."""
    return float(num_digits(raw))
FIGURE_RE = re.compile(rf"(?<![\d.A-Za-z])(?P<num>{NUM})[^\S\n]*(?:余|多)?[^\S\n]*(?P<unit>{UNITS})")  # 3000余家、10多万人; not across a line end
YEAR_RE = re.compile(r"(?<!\d)(20[0-4]\d|19[89]\d)\s*(?=年|—|-|～|~|至|年度)")
SCALE = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3}


@dataclass
class Figure:
    start: int
    end: int
    value: float
    unit: str
    text: str

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "％", "‰")


def _not_a_figure(text: str, m: re.Match) -> bool:
    s, e = m.start(), m.end()
    nxt = text[e:e + 2]
    prev = text[max(0, s - 2):s]
    num, unit = m.group("num"), m.group("unit")
    if unit in ("个", "项", "门", "本", "条", "份", "座", "家", "所", "名", "人", "天", "小时", "台", "套"):
        if "." not in num and int(parse_num(num)) < 2 and unit != "人":
            return True  # "1个" "一家": not a statistic
    if re.match(r"年|月|日|号", nxt):  # 2024年 misread as a figure
        return True
    if prev.endswith("第"):
        return True
    if unit in (":1", "：1") and re.match(r"\d", nxt):
        return True  # a clock time (10:15:32, found on batch v) is not a ratio N:1
    if prev.endswith((":", "：")) and re.fullmatch(r"\d{2}", num) and re.match(r"\d", prev[:1] or ""):
        return True  # round 20: the seconds of a clock time (16:39:08 人民日报) are not a count
    if unit in ("万", "亿") and re.match(r"[元辆台人个名家套吨千]", nxt):
        return False
    return False


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Numbers with a unit in text[start:end], with absolute spans."""
    seg = text[start:end]
    out = []
    for m in FIGURE_RE.finditer(seg):
        if _not_a_figure(seg, m):
            continue
        num = parse_num(m.group("num"))
        out.append(Figure(start + m.start(), start + m.end(), num, m.group("unit"), m.group()))
    return out


def normalise(value: float, unit: str) -> tuple[float, str]:
    """Value in base units and the unit family: 1286.6万辆 → (12866000, '辆')."""
    for prefix in ("万亿", "亿", "万", "千"):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * SCALE[prefix], unit[len(prefix):]
    if unit in SCALE:
        return value * SCALE[unit], ""
    if unit == "％":
        unit = "%"
    if unit == "MWh":
        return value / 1000, "GWh"
    return value, unit


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) for explicit years (2024年, 2021—2035)."""
    return [(int(m.group(1)), m.start(), m.end()) for m in YEAR_RE.finditer(text)]
