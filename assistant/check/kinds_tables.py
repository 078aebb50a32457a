"""Tables as real pages give them, read once for every table check, and the recomputations inside one table.

Two layouts are read: one row per line (cells split by | or by spaces: ``客房出租率(%) 61.35 58.20 3.15``), and one
cell per line, each line ending in ``|``, as a PDF's table often comes out of extraction (``项 目 |`` / ``单 位 |`` /
``2014年 |`` …, a heading cell wrapped over two lines joined). A row is a name, optional unit cells (亿元, %, 人次)
and its numbers. The checks here recompute what a table states from the table's own values:

- ``table_rate_change`` (round 20, moved here in round 22): a 同比(%) column confirmed by amount rows, and a rate
  row whose value in it is the difference of its two values (points) or neither difference nor relative change;
- ``table_growth`` (round 22): in the same confirmed column, an amount row whose change does not recompute as
  this ÷ last − 1;
- ``table_share`` (round 22): a share column (占比/比重/构成, in %) against value ÷ total of the amount column before
  it (the total row 合计/总计…, or, with an 其他 row and no total row, the sum of the rows), the share column's sum
  against 100, and the parts (an 其他 row among them, so the parts are the whole) against the total row.

Tolerances come from rounding: each written number may be off by half a unit of its last digit (``half_unit``), a
ratio by the sum of the relative halves of its two numbers (``relative_half_units``), and a sum of n rounded shares by
n half units. Nothing is reported inside those bounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .consistency import half_unit, relative_half_units
from .rules import Rule, kind

NUMBER = re.compile(r"^[-－−]?\d+(?:\.\d+)?$")
YEAR_CELL = re.compile(r"^((?:19|20)\d\d)\s*年?$")
_ONE_CELL = re.compile(r"^[^|\n]*\|[^\S\n]*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_HIERARCHY = re.compile(r"^\s*(?:其中|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、．.](?!\d))")


def cells(line: str) -> list[str]:
    """The cells of one table line: split by | when it starts with one, else by spaces."""
    line = line.strip()
    if line.startswith("|"):
        return [c.strip() for c in line.strip("|").split("|")]
    return line.split()


def find_cell(line: str, token: str, pos: int) -> int:
    """The end of `token` in `line` after `pos`, as a whole number (not inside another); -1 if absent."""
    m = re.search(rf"(?<![\d.]){re.escape(token)}(?![\d.])", line[pos:])
    return pos + m.end() if m else -1


def value(cell: str) -> float:
    return float(cell.replace("－", "-").replace("−", "-"))


@dataclass
class Cell:
    text: str
    start: int  # absolute offsets in the document text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Row:
    name: str
    start: int
    units: list[str]
    nums: list[Cell]


@dataclass
class Table:
    header: list[str]
    start: int
    rows: list[Row] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # the cells of every header line (a heading wrapped over two)

    def year_order(self) -> bool:
        """True when the header's two year columns before the change run earlier → later (2014年 | 2015年)."""
        years = [int(m.group(1)) for m in (YEAR_CELL.match(c) for c in self.header) if m]
        return len(years) >= 2 and years[0] < years[1]


def _split(text: str, ls: int, le: int) -> list[Cell]:
    line = text[ls:le]
    if line.strip().startswith("|"):
        out, pos = [], ls + line.index("|") + 1
        for part in line.strip().strip("|").split("|"):
            lead = len(part) - len(part.lstrip())
            if part.strip():
                out.append(Cell(part.strip(), pos + lead))
            else:
                out.append(Cell("", pos))
            pos += len(part) + 1
        return out
    return [Cell(m.group(), ls + m.start()) for m in re.finditer(r"\S+", line)]


def _row(cs: list[Cell]) -> Row | None:
    """A name, optional unit cells, then numbers only (serial numbers before the name skipped)."""
    while cs and NUMBER.match(cs[0].text):
        cs = cs[1:]
    if len(cs) < 2 or not cs[0].text:
        return None
    i = 1
    while i < len(cs) and not NUMBER.match(cs[i].text) and len(cs[i].text) <= 6 and i < 3:
        i += 1
    nums = cs[i:]
    if not nums or not all(NUMBER.match(c.text) for c in nums):
        return None
    return Row(cs[0].text, cs[0].start, [c.text for c in cs[1:i]], nums)


def _line_tables(text: str, lines: list[tuple[int, int]], max_gap: int = 4) -> list[Table]:
    """Header lines (two or more cells, no number) and the row lines after them; up to `max_gap` lines that are
    neither (a blank line, a lone serial number, a heading wrapped onto the next line) do not end a table, prose does.
    Of several header lines the one as wide as the rows is the header; every header line's cells are kept in
    `Table.cells` (a 同比(%) heading may sit on a wrapped line)."""
    out, heads, rows, gap = [], [], [], 0

    def close():
        if heads and rows:
            width = len(rows[0].nums) + 1 + len(rows[0].units)
            head = next((h for h in heads if len(h[1]) == width), heads[0])
            out.append(Table(head[1], head[0], rows, [c for h in heads for c in h[1]]))

    for ls, le in lines:
        line = text[ls:le]
        if heads and _SEPARATOR.match(line):
            continue
        cs = _split(text, ls, le)
        prose = len(line) > 80 and "。" in line
        row = None if prose or len(cs) < 2 else _row(cs)
        if heads and row is not None:
            rows.append(row)
            gap = 0
            continue
        header = not prose and len(cs) >= 2 and not any(NUMBER.match(c.text) for c in cs) and "。" not in line
        if heads and not rows and header and len(heads) < max_gap:
            heads.append((ls, [c.text for c in cs]))
            continue
        if heads and not prose and not (header and rows) and gap < max_gap:
            gap += 1
            continue
        close()
        heads, rows, gap = ([(ls, [c.text for c in cs])] if header else []), [], 0
    close()
    return out


def _cell_tables(text: str, lines: list[tuple[int, int]]) -> list[Table]:
    """Runs of lines holding one cell each (``210.23 |``); a line with no | right before one is its first half."""
    runs, cur, i = [], [], 0
    while i < len(lines):
        ls, le = lines[i]
        line = text[ls:le]
        if _ONE_CELL.match(line) and line.strip() != "|":
            cur.append(Cell(line[:line.index("|")].strip(), ls + len(line) - len(line.lstrip())))
        elif (i + 1 < len(lines) and "|" not in line and 0 < len(line.strip()) <= 12 and cur
              and _ONE_CELL.match(text[lines[i + 1][0]:lines[i + 1][1]])):
            nxt = text[lines[i + 1][0]:lines[i + 1][1]]
            cur.append(Cell(line.strip() + nxt[:nxt.index("|")].strip(), ls + len(line) - len(line.lstrip())))
            i += 1
        else:
            if len(cur) >= 6:
                runs.append(cur)
            cur = []
        i += 1
    if len(cur) >= 6:
        runs.append(cur)
    out = []
    for cs in runs:
        first = next((k for k, c in enumerate(cs) if NUMBER.match(c.text)), None)
        if first is None:
            continue
        n = 0
        while first + n < len(cs) and NUMBER.match(cs[first + n].text):
            n += 1
        if (first - n) % 2:
            continue
        r = (first - n) // 2  # the first row's name and unit cells; the header holds r + n cells
        width = r + n
        if r < 1 or first - r != width:
            continue
        table = Table([c.text for c in cs[:width]], cs[0].start, cells=[c.text for c in cs[:width]])
        for k in range(width, len(cs) - width + 1, width):
            row = _row(cs[k:k + width])
            if row is None or len(row.units) != r - 1:
                break
            table.rows.append(row)
        if table.rows:
            out.append(table)
    return out


def read_tables(ctx) -> list[Table]:
    """Every table of the document in either layout, cached on the context."""
    cached = getattr(ctx, "_tables", None)
    if cached is not None and cached[0] is ctx.text:
        return cached[1]
    text, lines, pos = ctx.text, [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    tables = _line_tables(text, lines) + _cell_tables(text, lines)
    try:
        ctx._tables = (text, tables)
    except AttributeError:
        pass
    return tables


class _ChangeColumn(Rule):
    """A table with a change column headed 同比(%)/增长(%)… confirmed as relative change by `min_confirm` amount rows
    (this ÷ last − 1 within rounding). Rows give their numbers in threes; the order of the two periods is read from
    the header's years (2014年 | 2015年: earlier first), else this period first."""
    extra_keys = {"rate_row", "change_header", "min_confirm", "rows", "neither_message", "skip_words"}

    def setup(self):
        self.header = re.compile(self.spec.get("change_header") or r"^同比\s*[(（]?\s*[%％]\s*[)）]?$")
        self.rate_row = re.compile(self.spec.get("rate_row") or r"率$|[(（][%％][)）]")
        self.min_confirm = int(self.spec.get("min_confirm", 2))
        self.rows = int(self.spec.get("rows", 30))
        self.skip = re.compile(self.spec.get("skip_words") or r"(?!x)x")

    def is_rate(self, row: Row) -> bool:
        return bool(self.rate_row.search(row.name)) or any(u in ("%", "％") for u in row.units)

    def groups(self, table: Table, row: Row):
        """(this, last, change cell) for each group of three numbers of a row."""
        nums = row.nums
        for j in range(0, len(nums) - len(nums) % 3, 3):
            a, b, g = nums[j:j + 3]
            if table.year_order():
                a, b = b, a
            yield a, b, g

    def confirmed(self, ctx):
        """(table, its change heading, amount-row count that recompute, rows) for each confirmed table."""
        for table in read_tables(ctx):
            header = next((c for c in table.cells if self.header.match(c)), None)
            if not header:
                continue
            rows = [r for r in table.rows[:self.rows] if r.nums and len(r.nums) % 3 == 0]
            ok = sum(1 for r in rows if not self.is_rate(r) for a, b, g in self.groups(table, r)
                     if value(b.text) > 0 and value(a.text) >= 0 and ratio_ok(a.text, b.text, g.text))
            if ok >= self.min_confirm:
                yield table, header, ok, rows


def ratio_ok(a: str, b: str, g: str, slack: float = 0.0) -> bool:
    """The change `g` (%) is this ÷ last − 1 within the rounding of the three numbers (and `slack` points)."""
    ratio = (value(a) / value(b) - 1) * 100
    rel = relative_half_units(b, a) or 0.0
    return abs(ratio - value(g)) <= half_unit(g, value=False) + (value(a) / value(b)) * rel * 100 + slack + 1e-9


@kind("table_rate_change")
class TableRateChange(_ChangeColumn):
    """A rate row (its name ends in 率/占比/比重/比例, carries (%), or its unit cell is %) whose change in the
    confirmed % column is the difference of its two values (percentage points under a % heading), or neither the
    difference nor the relative change."""

    def check(self, ctx):
        out = []
        for table, header, _, rows in self.confirmed(ctx):
            for row in rows:
                if not self.is_rate(row):
                    continue
                for a, b, g in self.groups(table, row):
                    if value(b.text) <= 0:
                        break
                    if ratio_ok(a.text, b.text, g.text):
                        continue
                    diff = value(a.text) - value(b.text)
                    ratio = (value(a.text) / value(b.text) - 1) * 100
                    diff_ok = abs(diff - value(g.text)) <= (half_unit(g.text, value=False) + half_unit(a.text)
                                                            + half_unit(b.text) + 1e-9)
                    msg = None if diff_ok else self.spec.get("neither_message")
                    out.append(self.finding(ctx, g.start, g.end, msg, name=row.name, header=header, a=a.text,
                                            b=b.text, diff=f"{diff:.2f}", ratio=f"{ratio:.2f}%"))
        return out


@kind("table_growth")
class TableGrowth(_ChangeColumn):
    """An amount row whose change in the confirmed % column is not this ÷ last − 1 beyond rounding and `slack`
    points, in a table where more than `majority` times as many amount rows do recompute (a column of comparable-
    price or same-scope growth recomputes on few rows and is not read). Not read near `skip_words` (可比价…)."""
    extra_keys = _ChangeColumn.extra_keys | {"slack", "majority"}

    def check(self, ctx):
        out, text = [], ctx.text
        slack, majority = float(self.spec.get("slack", 0.1)), float(self.spec.get("majority", 2))
        for table, header, ok, rows in self.confirmed(ctx):
            if self.skip.search(text[max(0, table.start - 200):table.rows[-1].nums[-1].end]):
                continue
            bad = []
            for row in rows:
                if self.is_rate(row):
                    continue
                for a, b, g in self.groups(table, row):
                    if value(b.text) > 0 and value(a.text) >= 0 and not ratio_ok(a.text, b.text, g.text, slack):
                        bad.append((row, a, b, g))
            if ok <= majority * len(bad):
                continue
            for row, a, b, g in bad:
                ratio = (value(a.text) / value(b.text) - 1) * 100
                out.append(self.finding(ctx, g.start, g.end, name=row.name, header=header, a=a.text, b=b.text,
                                        ratio=f"{ratio:.1f}%"))
        return out


@kind("table_share")
class TableShare(Rule):
    """Shares and parts recomputed inside one table (see the module's docstring). Only flat tables: a table whose row
    names mark levels (其中, 一、, （一）, 1.) holds subtotals and is not read for sums."""
    extra_keys = {"share_header", "outside_whole", "total_row", "rest_row", "sum_message", "parts_message", "slack"}

    def setup(self):
        self.share = re.compile(self.spec.get("share_header") or r"占比|比重|构成|份额")
        self.outside = re.compile(self.spec.get("outside_whole") or r"占(?:全国|全省|全市)")
        self.total = re.compile(self.spec.get("total_row") or r"^(?:合计|总计)$")
        self.rest = re.compile(self.spec.get("rest_row") or r"^(?:其他|其它|其余)")
        self.slack = float(self.spec.get("slack", 0.05))

    def check(self, ctx):
        out = []
        for table in read_tables(ctx):
            width = len(table.header)
            rows = [r for r in table.rows if len(r.nums) + 1 + len(r.units) == width]
            if len(rows) < 3 or len(rows) != len(table.rows):
                continue
            totals = [r for r in rows if self.total.search(r.name)]
            parts = [r for r in rows if r not in totals]
            if len(totals) > 1 or any(_HIERARCHY.match(r.name) for r in parts):
                continue
            total = totals[0] if totals else None
            has_rest = any(self.rest.match(r.name) for r in parts)
            ncols = len(rows[0].nums)
            first = width - ncols  # header index of the first number column
            share_cols = [j for j in range(ncols) if self.share.search(table.header[first + j])
                          and not self.outside.search(table.header[first + j])]
            flagged: set[int] = set()
            for j in share_cols:
                out += self._shares(ctx, table, rows, parts, total, has_rest, j, flagged)
            if has_rest and total is not None:
                for j in range(ncols):
                    if j in share_cols:
                        continue
                    tc = total.nums[j]
                    got = sum(value(r.nums[j].text) for r in parts)
                    tol = sum(half_unit(r.nums[j].text) for r in parts) + half_unit(tc.text) + 1e-9
                    if abs(got - value(tc.text)) > tol and tc.start not in flagged:
                        flagged.add(tc.start)
                        out.append(self.finding(ctx, tc.start, tc.end, self.spec.get("parts_message"),
                                                column=table.header[first + j], total=tc.text,
                                                parts=_fmt(got, tc.text), n=len(parts)))
        return out

    def _shares(self, ctx, table, rows, parts, total, has_rest, j, flagged):
        out, first = [], len(table.header) - len(rows[0].nums)
        shares = [r.nums[j] for r in parts]
        amount = j - 1 if j > 0 and not self.share.search(table.header[first + j - 1]) else None
        whole = None
        if amount is not None:
            if total is not None:
                whole = total.nums[amount].text
            elif has_rest:
                whole = _fmt(sum(value(r.nums[amount].text) for r in parts), parts[0].nums[amount].text)
        if whole is not None and value(whole) > 0:
            hw = (half_unit(total.nums[amount].text) if total is not None
                  else sum(half_unit(r.nums[amount].text) for r in parts))
            for r in parts:
                v, s = r.nums[amount].text, r.nums[j]
                if value(v) < 0:
                    continue
                comp = value(v) / value(whole) * 100
                tol = (half_unit(s.text, value=False) + comp * (half_unit(v) / max(value(v), 1e-9)
                                                                + hw / value(whole)) + self.slack)
                if abs(comp - value(s.text)) > tol:
                    flagged.add(s.start)
                    out.append(self.finding(ctx, s.start, s.end, name=r.name, column=table.header[first + j],
                                            stated=s.text, computed=f"{comp:.1f}", amount=v, whole=whole))
        hundred = total is not None and abs(value(total.nums[j].text) - 100) < 1e-9
        if not out and (has_rest or hundred):  # a share already off explains the sum
            got = sum(value(s.text) for s in shares)
            tol = sum(half_unit(s.text, value=False) for s in shares) + 1e-9
            if abs(got - 100) > tol:
                last = shares[-1]
                if last.start not in flagged:
                    flagged.add(last.start)
                    out.append(self.finding(ctx, last.start, last.end, self.spec.get("sum_message"),
                                            column=table.header[first + j], parts=_fmt(got, last.text),
                                            n=len(shares)))
        return out


def _fmt(x: float, like: str) -> str:
    places = len(like.split(".", 1)[1]) if "." in like else 0
    return f"{x:.{places}f}"
