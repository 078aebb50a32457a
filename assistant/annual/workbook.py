"""The performance-data workbook: write the blank template, read a filled one, and inspect it.

    write_workbook(year, out, rows=None, note="")   template (rows=None) or a filled workbook
    read_workbook(path) -> Workbook                  parsed rows per sheet id, with every problem found
    inspect_workbook(path) -> list[Problem]          all problems at once (sheet, row, column)
    is_performance_workbook(path) -> bool            does this XLSX follow the schema?

The layout follows assistant/data/performance.yaml: an 填表说明 sheet first (with the year in B2),
one sheet per indicator area with frozen Chinese headers, drop-down lists from a hidden 选项 sheet.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from .schema import Column, Schema, SheetSpec, canonical_provinces, load_schema, normalise_province

INSTRUCTIONS_SHEET = "填表说明"
CHOICES_SHEET = "选项"
YEAR_LABEL = "填报年度"
COMMUNITY_LABEL = "共同体名称"
INDUSTRY_LABEL = "所属行业"
_DATE_RX = re.compile(r"^\s*(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


@dataclass
class Problem:
    """One problem in a workbook cell, row, column or sheet (row/column empty when not applicable)."""

    sheet: str
    row: int | None
    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        where = self.sheet + (f" 第{self.row}行" if self.row else "") + (f" “{self.column}”列" if self.column else "")
        return f"{where}：{self.message}" + (f"（填写的是“{self.value}”）" if self.value else "")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Record:
    row: int  # 1-based Excel row
    values: dict  # column id → parsed value (None when blank or invalid)


@dataclass
class Workbook:
    path: Path
    year: int | None
    rows: dict[str, list[Record]] = field(default_factory=dict)  # sheet id → detail rows
    totals: dict[str, Record] = field(default_factory=dict)  # sheet id → its 合计 row
    present: set[str] = field(default_factory=set)  # sheet ids found in the file
    problems: list[Problem] = field(default_factory=list)
    synthetic: bool = False
    community: str = ""
    industry: str = ""

    def records(self, sid: str) -> list[dict]:
        return [r.values for r in self.rows.get(sid, [])]


# ---------------------------------------------------------------- writing

def write_workbook(year: int, out: str | Path, rows: dict[str, list[list]] | None = None, note: str = "",
                   schema: Schema | None = None, community: str = "", industry: str = "") -> Path:
    """Write the template (rows=None) or a filled workbook; `rows` maps sheet id → rows in column order.
    The 填表说明 sheet carries the year (B2), the community's name (B3) and its industry (B4)."""
    from openpyxl import Workbook as XWorkbook

    schema = schema or load_schema()
    wb = XWorkbook()
    _write_instructions(wb.active, schema, year, note, community, industry)
    ranges = _write_choices(wb.create_sheet(CHOICES_SHEET), schema)
    for spec in schema.sheets:
        _write_sheet(wb.create_sheet(spec.name), spec, ranges, (rows or {}).get(spec.id, []))
    fixed = dt.datetime(int(year), 11, 1, 9, 0, 0)  # fixed document times: rebuilds are byte-identical
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = wb.properties.lastModifiedBy = "assistant"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _write_instructions(ins, schema: Schema, year: int, note: str, community: str, industry: str) -> None:
    from openpyxl.styles import Font

    bold = Font(bold=True)
    ins.title = INSTRUCTIONS_SHEET
    ins["A1"] = f"{schema.title}（{year}年度）"
    ins["A1"].font = Font(bold=True, size=14)
    ins["A2"], ins["B2"] = YEAR_LABEL, int(year)
    ins["A3"], ins["B3"] = COMMUNITY_LABEL, community or None
    ins["A4"], ins["B4"] = INDUSTRY_LABEL, industry or None
    for r in (2, 3, 4):
        ins.cell(r, 1).font = bold
    line = 5
    if note:
        ins.cell(line, 1, note).font = Font(bold=True, color="C00000")
        line += 1
    for text in schema.instructions:
        ins.cell(line, 1, text)
        line += 1
    line += 1
    for j, head in enumerate(("工作表", "监测指标", "填写内容"), start=1):
        ins.cell(line, j, head).font = bold
    for s in schema.sheets:
        line += 1
        ins.cell(line, 1, s.name)
        ins.cell(line, 2, f"({'一二三四五六'[s.indicator - 1]})")
        ins.cell(line, 3, s.note)
    for col, width in (("A", 16), ("B", 10), ("C", 90)):
        ins.column_dimensions[col].width = width


def _write_choices(opts, schema: Schema) -> dict[str, str]:
    """The hidden 选项 sheet: one column per allowed-values list; returns list name → cell range."""
    from openpyxl.utils import get_column_letter, quote_sheetname

    lists = dict(schema.choices)
    lists["provinces"] = tuple(canonical_provinces())
    ranges = {}
    for j, (key, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(j)
        opts.cell(1, j, key)
        for i, v in enumerate(values, start=2):
            opts.cell(i, j, v)
        ranges[key] = f"{quote_sheetname(CHOICES_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    opts.sheet_state = "hidden"
    return ranges


def _validation(col: Column, ranges: dict[str, str]):
    """Excel's own check for a column: a drop-down list, a non-negative whole number or amount."""
    from openpyxl.worksheet.datavalidation import DataValidation

    key = "provinces" if col.type == "province" else col.choices_key
    if col.type in ("choice", "province") and key in ranges:
        # provinces may be typed short (广东): Excel only offers the list, the inspector normalises
        return DataValidation(type="list", formula1=ranges[key], allow_blank=True, errorTitle="取值无效",
                              error=f"请从下拉列表中选择{col.header}", showErrorMessage=col.type == "choice")
    if col.type == "count":
        return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                              error=f"{col.header}应为非负整数", errorTitle="数值无效", showErrorMessage=True)
    if col.type == "amount":
        return DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                              error=f"{col.header}应为非负数（万元）", errorTitle="数值无效", showErrorMessage=True)
    return None


def _write_sheet(ws, spec: SheetSpec, ranges: dict[str, str], rows: list[list]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for j, col in enumerate(spec.columns, start=1):
        c = ws.cell(1, j, col.header)
        c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F1")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = col.width
        dv = _validation(col, ranges)
        if dv is not None:
            dv.add(f"{letter}2:{letter}2000")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            cell = ws.cell(i, j, v)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"


# ---------------------------------------------------------------- reading

def _open(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise InputError(f"数据文件不存在：{path}")
    try:
        return load_workbook(path, data_only=True, read_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as e:
        raise InputError(f"无法读取工作簿 {path.name}：不是有效的 XLSX 文件（{type(e).__name__}）") from e


def is_performance_workbook(path: str | Path) -> bool:
    """True for an XLSX whose sheets are (mostly) the schema's: the 建设单位 sheet and two more."""
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm") or not p.is_file():
        return False
    try:
        with zipfile.ZipFile(p) as z:
            xml = z.read("xl/workbook.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    names = set(re.findall(r'<sheet [^>]*name="([^"]+)"', xml))
    schema = load_schema()
    known = {s.name for s in schema.sheets}
    return schema.sheets[0].name in names and len(names & known) >= 3


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    return str(v).strip()


def _parse(col: Column, v, year: int | None) -> tuple[object, str | None]:
    """Parse one cell → (value, problem message or None). Blank cells parse to None."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None, ("必填项为空" if col.required else None)
    if col.type == "text":
        return str(v).strip(), None
    if col.type == "choice":
        s = str(v).strip()
        return (s, None) if s in col.choices else (None, f"不是允许的取值（可选：{'、'.join(col.choices)}）")
    if col.type == "province":
        full = normalise_province(v)
        return (full, None) if full else (None, "不是省级行政区名称（如“广东”或“广东省”）")
    if col.type == "date":
        if isinstance(v, dt.datetime):
            d = v.date()
        elif isinstance(v, dt.date):
            d = v
        else:
            m = _DATE_RX.match(str(v))
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
            except ValueError:
                d = None
            if d is None:
                return None, "不是有效日期（应为 2026-03-28 或 2026年3月28日）"
        if year and col.dates == "within_year" and d.year != year:
            return d, f"日期不在填报年度 {year} 年内"
        if year and col.dates == "not_after_year" and d.year > year:
            return d, f"日期晚于填报年度 {year} 年"
        return d, None
    # count / amount
    if isinstance(v, bool):
        return None, "应为数字"
    if isinstance(v, (int, float)):
        num = v
    else:
        s = str(v).strip().replace(",", "").replace("，", "")
        try:
            num = float(s)
        except ValueError:
            return None, "应为数字" + ("（整数）" if col.type == "count" else "（万元）")
    if num < 0:
        return None, "不能为负数"
    if col.type == "count":
        if float(num) != int(num):
            return None, "应为整数"
        return int(num), None
    return float(num), None


def _header_fields(wb) -> dict[str, str]:
    """The labelled cells at the top of 填表说明 (填报年度 / 共同体名称 / 所属行业 → text in column B)."""
    if INSTRUCTIONS_SHEET not in wb.sheetnames:
        return {}
    out = {}
    for row in wb[INSTRUCTIONS_SHEET].iter_rows(min_row=1, max_row=12, max_col=2, values_only=True):
        if row and len(row) > 1 and _cell_text(row[0]) in (YEAR_LABEL, COMMUNITY_LABEL, INDUSTRY_LABEL):
            out[_cell_text(row[0])] = _cell_text(row[1])
    return out


def read_workbook(path: str | Path, year: int | None = None, schema: Schema | None = None) -> Workbook:
    """Parse a filled workbook. Never stops at the first problem: every problem is collected."""
    schema = schema or load_schema()
    p = Path(path)
    wb = _open(p)
    if not set(wb.sheetnames) & {s.name for s in schema.sheets}:
        raise InputError(f"{p.name} 不是绩效数据工作簿：没有“{schema.sheets[0].name}”等工作表"
                         "（可用 assistant template performance 生成模板）")
    fields = _header_fields(wb)
    try:
        found_year = int(float(fields.get(YEAR_LABEL) or ""))
    except ValueError:
        found_year = None
    year = year or found_year
    book = Workbook(path=p, year=year, community=fields.get(COMMUNITY_LABEL, ""), industry=fields.get(INDUSTRY_LABEL, ""))
    if INSTRUCTIONS_SHEET in wb.sheetnames:
        ws = wb[INSTRUCTIONS_SHEET]
        book.synthetic = any(schema.synthetic_label in _cell_text(r[0]) for r in ws.iter_rows(max_col=1, values_only=True)
                             if r)
    if year is None:
        book.problems.append(Problem(INSTRUCTIONS_SHEET, 2, YEAR_LABEL, "缺少填报年度（B2 单元格），无法核对日期"))
    for spec in schema.sheets:
        if spec.name not in wb.sheetnames:
            book.problems.append(Problem(spec.name, None, "", "缺少该工作表"))
            continue
        book.present.add(spec.id)
        _read_sheet(wb[spec.name], spec, schema, book)
    if book.present and not any(book.rows.get(sid) for sid in book.present):
        book.problems.append(Problem("全部工作表", None, "", "没有填写任何数据行"))
    return book


def _read_sheet(ws, spec: SheetSpec, schema: Schema, book: Workbook) -> None:
    rows = list(ws.iter_rows(values_only=True))
    header = [_cell_text(h) for h in (rows[0] if rows else ())]
    where: dict[str, int] = {}
    for col in spec.columns:
        if col.header in header:
            where[col.id] = header.index(col.header)
        else:
            book.problems.append(Problem(spec.name, 1, col.header, "缺少该列（表头文字须与模板一致）"))
    seen: dict[tuple, int] = {}
    details: list[Record] = []
    for r, raw in enumerate(rows[1:], start=2):
        cells = {cid: raw[i] if i < len(raw) else None for cid, i in where.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        first = _cell_text(raw[0]) if raw else ""
        is_total = first == schema.total_label
        values = {}
        for col in spec.columns:
            if col.id not in where:
                values[col.id] = None
                continue
            if is_total and not col.numeric:
                values[col.id] = None
                continue
            val, msg = _parse(col, cells[col.id], book.year)
            values[col.id] = val
            if msg:
                book.problems.append(Problem(spec.name, r, col.header, msg, _cell_text(cells[col.id])))
        rec = Record(row=r, values=values)
        if is_total:
            book.totals[spec.id] = rec
            continue
        for col in spec.columns:
            if col.le and values.get(col.id) is not None and values.get(col.le) is not None \
                    and values[col.id] > values[col.le]:
                book.problems.append(Problem(spec.name, r, col.header,
                                             f"大于“{spec.column(col.le).header}”（{values[col.le]}）",
                                             _cell_text(values[col.id])))
        if spec.unique:
            key = tuple(_cell_text(values.get(u)) for u in spec.unique)
            if any(key) and key in seen:
                names = "、".join(spec.column(u).header for u in spec.unique)
                book.problems.append(Problem(spec.name, r, spec.column(spec.unique[0]).header,
                                             f"与第{seen[key]}行重复（{names}相同）", "／".join(k for k in key if k)))
            else:
                seen.setdefault(key, r)
        details.append(rec)
    book.rows[spec.id] = details
    tot = book.totals.get(spec.id)
    if tot is not None:
        for col in spec.columns:
            if not col.numeric or tot.values.get(col.id) is None:
                continue
            s = sum(d.values[col.id] for d in details if d.values.get(col.id) is not None)
            if abs(s - tot.values[col.id]) > 1e-6:
                book.problems.append(Problem(spec.name, tot.row, col.header,
                                             f"合计与明细之和不一致：明细合计为 {_num(s)}", _num(tot.values[col.id])))


def _num(v) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")


def inspect_workbook(path: str | Path, year: int | None = None) -> list[Problem]:
    """Every problem of a performance workbook at once, each with its sheet, row and column.
    An unreadable file raises InputError (the CLI exits 2)."""
    return read_workbook(path, year=year).problems


def problems_by_sheet(problems: list[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        out[p.sheet].append(p)
    return dict(out)
