"""Data intake: read a survey, postings, supply or technology-need table from XLSX/CSV, find its sheet,
header row and kind, map its headers (`columns.py`) and parse every cell (`values.py`).

Nothing is dropped silently: a cell that cannot be read becomes a `Problem` with file, sheet, row and
column; approximate cells ("约50人") are read and noted. `read_table` returns the table with its
problems; `load_data` raises one `InputError` listing every error of every file.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from .columns import FieldMatch, load_overrides, map_headers
from .values import PARSERS, Problem, display_text, is_blank, norm_text, problems_line

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TABLE_KINDS = ("survey", "postings", "tech_needs", "supply")
PERFORMANCE_SHEET = "建设单位"  # a sheet of this name marks a performance (annual) workbook
HEADER_SCAN_ROWS = 6


class UnreadableFile(InputError):
    """The file could not be opened or parsed at all (data inspect exits 2)."""


class PerformanceWorkbook(InputError):
    """The file is a performance workbook, handled by the annual-summary module."""


def load_yaml(name: str | Path) -> dict:
    import yaml

    p = Path(name) if Path(name).is_absolute() else DATA_DIR / name
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as e:
        raise InputError(f"数据文件不存在：{p}") from e
    except yaml.YAMLError as e:
        raise InputError(f"数据文件 {p} YAML 格式错误：{e}") from e


def column_config(path: str | Path | None = None) -> dict:
    return load_yaml(path or "columns.yaml")


# ---------------------------------------------------------------- raw grids

def read_grids(path: Path) -> dict[str | None, list[list[Any]]]:
    """Every sheet of a workbook (or the one table of a CSV) as a list of rows; row i is spreadsheet row i+1."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnreadableFile(f"数据文件不存在：{path}")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            book = pd.read_excel(path, sheet_name=None, header=None, dtype=object)
        except Exception as e:  # openpyxl/xlrd raise many types for a damaged file
            raise UnreadableFile(f"无法读取数据文件 {path.name}（{type(e).__name__}），文件可能已损坏") from e
        return {str(s): df.astype(object).where(df.notna(), None).values.tolist() for s, df in book.items()}
    if suffix in (".csv", ".txt", ".tsv"):
        from ..kb.ingest import decode_bytes

        try:
            text, _ = decode_bytes(path.read_bytes())
        except InputError as e:
            raise UnreadableFile(f"无法读取数据文件 {path.name}：{e}") from e
        delim = "\t" if suffix == ".tsv" else ","
        try:
            rows = list(csv.reader(io.StringIO(text), delimiter=delim))
        except csv.Error as e:
            raise UnreadableFile(f"CSV 格式错误：{path.name}（{e}）") from e
        return {None: [[c if c.strip() else None for c in r] for r in rows]}
    raise UnreadableFile(f"不支持的数据文件类型：{path.name}（支持 .xlsx / .csv）")


def _kind_score(kind: str, matches: dict[str, FieldMatch], plans: list, cfg: dict, name: str) -> float:
    spec = cfg[kind]
    s = sum(0.6 if m.how == "fuzzy" else 1.0 for m in matches.values()) + (1.0 if plans else 0.0)
    required = [f for f, fs in spec["fields"].items() if fs.get("required")]
    if required and all(f in matches or (f == "plan" and plans) for f in required):
        s += 1.0
    if any(d.lower() in name.lower() for d in spec.get("detect", [])):
        s += 1.5
    return s


@dataclass
class Layout:
    """Where a table sits in a file and what kind it is."""
    kind: str | None
    sheet: str | None
    header_row: int  # 0-based index into the grid
    score: float
    headers: list[str]


def detect_layout(path: Path, grids: dict, cfg: dict, kind: str | None = None,
                  overrides: dict | None = None) -> Layout:
    """The sheet, header row and kind that map best (a configured sheet name wins when it maps)."""
    threshold = float(cfg.get("fuzzy_threshold", 80))
    best: Layout | None = None
    for sheet, rows in grids.items():
        for r in range(min(HEADER_SCAN_ROWS, len(rows))):
            headers = [norm_text(c) for c in rows[r]]
            if sum(1 for h in headers if h) < 2:
                continue
            for k in ([kind] if kind else TABLE_KINDS):
                m, plans, _ = map_headers(headers, cfg[k], threshold, (overrides or {}).get(k))
                sc = _kind_score(k, m, plans, cfg, path.name)
                if sheet is not None and sheet == cfg[k].get("sheet"):
                    sc += 0.5
                if best is None or sc > best.score:
                    best = Layout(k, sheet, r, sc, headers)
    if best is None:
        first = next(iter(grids), None)
        return Layout(None, first, 0, 0.0, [])
    if best.score < 2 and kind is None:
        best.kind = None
    return best


# ---------------------------------------------------------------- tables

@dataclass
class Table:
    kind: str
    path: Path
    df: pd.DataFrame  # columns renamed to internal names
    label: str
    plan_years: list[int] = field(default_factory=list)
    sheet: str | None = None
    header_row: int = 1  # spreadsheet row of the header
    mapping: dict[str, FieldMatch] = field(default_factory=dict)
    plan_columns: dict[int, FieldMatch] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # fields not found in the headers
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was assumed (approximate numbers, plan year, defaults)
    samples: dict[str, list[str]] = field(default_factory=dict)  # field → first values as written

    def has(self, name: str) -> bool:
        return name in self.df.columns

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def disabled(self, cfg: dict | None = None) -> dict[str, list[str]]:
        """Missing optional field → the analyses it would have fed (columns.yaml → feeds)."""
        fields = (cfg or column_config())[self.kind]["fields"]
        return {f: list(fields[f].get("feeds", [])) for f in self.missing}


def _samples(vals: list, n: int = 3, width: int = 24) -> list[str]:
    """The first n distinct values as written, shortened for display."""
    out = list(dict.fromkeys(norm_text(v) for v in vals if not is_blank(v)))[:n]
    return [v if len(v) <= width else v[: width - 1] + "…" for v in out]


def _field_label(spec: dict, name: str) -> str:
    names = spec.get("names") or [name]
    return names[0] if isinstance(names, list) else str(names)


def _parse_column(values: list, ftype: str, spec: dict, required: bool, where: dict, rows: list[int],
                  column: str, problems: list[Problem], notes: list[str]) -> list:
    out, blanks, approx = [], [], []
    parse = PARSERS.get(ftype)
    for v, r in zip(values, rows):
        if parse is None:  # text / list: kept as written (Chinese punctuation too), for the lists and drafts
            t = display_text(v)
            if not t:
                blanks.append(r)
            out.append(t)
            continue
        p = parse(v)
        if p.error:
            problems.append(Problem(message=p.error, row=r, column=column, **where))
            out.append(None)
            continue
        if p.note:
            approx.append(f"第{r}行{p.note}")
        if p.value is None:
            blanks.append(r)
        out.append(p.value)
    if blanks and (parse is None or ftype == "date"):
        sev = "error" if required else "warning"
        for r in blanks:
            problems.append(Problem(message="空白单元格" + ("（必填）" if required else ""), row=r, column=column,
                                    severity=sev, **where))
    elif blanks:
        default = spec.get("default", 0)
        if ftype in ("count", "number"):
            notes.append(f"列“{column}”有{len(blanks)}个空白单元格，按{default}计")
    if approx:
        notes.append(f"列“{column}”：" + "；".join(approx[:5]) + (f"等{len(approx)}处" if len(approx) > 5 else ""))
    return out


def _resolve_plan_years(plans: list[FieldMatch], survey_year: int | None, report_year: int | None, cfg: dict,
                        notes: list[str], problems: list[Problem], where: dict) -> dict[int, FieldMatch]:
    out: dict[int, FieldMatch] = {}
    words = [w.lower() for w in cfg.get("next_year_words", [])]
    for pm in plans:
        y = pm.year
        if y is None:
            base, basis = (survey_year, "调查年份") if survey_year else \
                (report_year, "报告年份") if report_year else (date.today().year, "当前年份")
            nxt = any(w in pm.column.lower() for w in words)
            y = base + 1 if nxt else base
            notes.append(f"计划招聘列“{pm.column}”未标年份，按{basis}{base}年" + ("的下一年" if nxt else "")
                         + f"计为{y}年计划招聘人数")
        if y in out:
            problems.append(Problem(message=f"列“{out[y].column}”与“{pm.column}”都表示{y}年计划招聘人数",
                                    column=pm.column, **where))
            continue
        out[y] = FieldMatch("plan", pm.column, pm.how, pm.score, y)
    return out


def read_table(path: str | Path, kind: str | None = None, columns_path: str | Path | None = None,
               columns: str | Path | dict | None = None, report_year: int | None = None,
               strict: bool = True) -> Table:
    """Read one table. strict: raise one `InputError` listing every error; otherwise the errors are
    left in `table.problems` for the caller (data inspect) to report.

    Raises `UnreadableFile` when the file cannot be opened, `PerformanceWorkbook` for a performance
    workbook, and `InputError` when the table kind cannot be determined."""
    p = Path(path)
    cfg = column_config(columns_path)
    overrides = columns if isinstance(columns, dict) else load_overrides(columns)
    grids = read_grids(p)
    if PERFORMANCE_SHEET in grids:
        raise PerformanceWorkbook(f"{p.name} 含工作表“{PERFORMANCE_SHEET}”，是年度绩效数据工作簿，由年度总结模块处理")
    if not any(any(not is_blank(c) for c in row) for rows in grids.values() for row in rows):
        raise InputError(f"数据文件 {p.name} 是空的（没有表头和数据）")
    lay = detect_layout(p, grids, cfg, kind, overrides)
    if lay.kind is None:
        first = next((r for rows in grids.values() for r in rows if any(not is_blank(c) for c in r)), [])
        heads = "、".join(norm_text(c) for c in first if not is_blank(c))[:80]
        raise InputError(f"无法判断数据文件 {p.name} 的类型（问卷/招聘/技术需求/供给）：表头（{heads}）与各类表格的列名都对不上；"
                         "可用 --columns 映射文件指定列名（表格类型 → 字段: 列名）")
    kc = cfg[lay.kind]
    fields = kc["fields"]
    threshold = float(cfg.get("fuzzy_threshold", 80))
    where = {"file": p.name, "sheet": lay.sheet}
    problems: list[Problem] = []
    notes: list[str] = []
    mapping, plans, errs = map_headers(lay.headers, kc, threshold, overrides.get(lay.kind))
    problems += [Problem(message=e, **where) for e in errs]
    grid = grids[lay.sheet]
    body = [(i + 1, row) for i, row in enumerate(grid[lay.header_row + 1:], start=lay.header_row + 1)
            if any(not is_blank(c) for c in row)]
    if not body:
        problems.append(Problem(message="只有表头，没有数据行", row=lay.header_row + 1, **where))
    col_index = {h: i for i, h in reversed(list(enumerate(lay.headers)))}
    rows = [r for r, _ in body]

    def cells(column: str) -> list:
        i = col_index[column]
        return [row[i] if i < len(row) else None for _, row in body]

    data: dict[str, list] = {}
    samples: dict[str, list[str]] = {}
    for name, m in mapping.items():
        spec = fields[name]
        vals = cells(m.column)
        samples[name] = _samples(vals)
        data[name] = _parse_column(vals, spec.get("type", "text"), spec, bool(spec.get("required")), where, rows,
                                   m.column, problems, notes)
    survey_year = None
    if "survey_year" in data:
        ys = [y for y in data["survey_year"] if isinstance(y, int)]
        survey_year = max(ys) if ys else None
    plan_cols = _resolve_plan_years(plans, survey_year, report_year, cfg, notes, problems, where) if plans else {}
    for y, pm in sorted(plan_cols.items()):
        vals = cells(pm.column)
        samples[f"plan_{y}"] = _samples(vals)
        data[f"plan_{y}"] = _parse_column(vals, "count", fields["plan"], True, where, rows, pm.column, problems, notes)
    missing = [f for f in fields if f not in mapping and not (f == "plan" and plan_cols)]
    for f in missing:
        if fields[f].get("required"):
            alt = "、".join((fields[f].get("names") or [f])[:4])
            problems.append(Problem(message=f"缺少必需的列“{_field_label(fields[f], f)}”（{kc['label']}；"
                                            f"可接受的列名如 {alt}，或用 --columns 映射文件指定）", **where))
    df = pd.DataFrame(data, index=rows)
    _finish(df, lay.kind, fields, missing, notes)
    errors = [x for x in problems if x.severity == "error"]
    if strict and errors:
        raise InputError(problems_line(errors))
    return Table(kind=lay.kind, path=p, df=df, label=kc["label"], plan_years=sorted(plan_cols), sheet=lay.sheet,
                 header_row=lay.header_row + 1, mapping=mapping, plan_columns=plan_cols, missing=missing,
                 problems=problems, notes=notes, samples=samples)


def _finish(df: pd.DataFrame, kind: str, fields: dict, missing: list[str], notes: list[str]) -> None:
    """Fill blanks with each field's default and add the columns other fields are derived from."""
    for name, spec in fields.items():
        if name not in df.columns and not name.startswith("plan"):
            continue
        t = spec.get("type", "text")
        cols = [c for c in df.columns if c.startswith("plan_")] if name == "plan" else [name]
        for c in cols:
            if t in ("count", "number"):
                df[c] = pd.to_numeric(df[c], errors="coerce").fillna(spec.get("default", 0))
                if t == "count":
                    df[c] = df[c].astype(int)
            elif t == "flag":
                df[c] = df[c].map(lambda v: bool(v) if v is not None else False)
            elif t == "rate":
                vals = pd.to_numeric(df[c], errors="coerce")
                if vals.isna().any() and vals.notna().any():
                    notes.append(f"对口就业率有{int(vals.isna().sum())}处空白，按其余行的平均值{vals.mean():.0%}计")
                df[c] = vals.fillna(vals.mean() if vals.notna().any() else 1.0)
            elif t in ("text", "list"):
                df[c] = df[c].astype(object)
    if kind == "postings":
        if "openings" in missing:
            df["openings"] = int(fields["openings"].get("default", 1))
            notes.append("招聘数据没有招聘人数列，每条招聘按1人计")
        if "date" in df.columns:
            df["year"] = [d.year if isinstance(d, pd.Timestamp) else None for d in df["date"]]
    if kind == "supply" and "match_rate" in missing and "graduates" in df.columns:
        df["match_rate"] = 1.0
        notes.append("供给数据没有对口就业率列，按全部毕业生计算对口供给")


@dataclass
class DataBundle:
    tables: dict[str, Table] = field(default_factory=dict)

    def get(self, kind: str) -> Table | None:
        return self.tables.get(kind)

    @property
    def files(self) -> list[Path]:
        return [t.path for t in self.tables.values()]

    @property
    def notes(self) -> list[str]:
        return [f"{t.path.name}：{n}" for t in self.tables.values() for n in t.notes]

    @property
    def warnings(self) -> list[Problem]:
        return [p for t in self.tables.values() for p in t.problems if p.severity != "error"]


def load_data(files: list[str | Path] | None, columns_path: str | Path | None = None,
              columns: str | Path | dict | None = None, report_year: int | None = None) -> DataBundle:
    """Read every data file given; one table per kind (a later file of the same kind is appended).

    Every error of every file is collected first and raised as one `InputError` line (file, sheet, row,
    column). Warnings (blank optional cells) and notes stay on the tables (`bundle.warnings`, `bundle.notes`)."""
    overrides = columns if isinstance(columns, dict) else load_overrides(columns)
    bundle = DataBundle()
    problems: list[Problem] = []
    for f in files or []:
        try:
            t = read_table(f, columns_path=columns_path, columns=overrides, report_year=report_year, strict=False)
        except InputError as e:
            problems.append(Problem(file=Path(f).name, message=str(e).replace(f"{Path(f).name} ", "", 1)))
            continue
        problems += t.errors
        if t.errors:
            continue
        if t.kind in bundle.tables:
            old = bundle.tables[t.kind]
            old.df = pd.concat([old.df, t.df], ignore_index=True)
            old.plan_years = sorted(set(old.plan_years) | set(t.plan_years))
            old.notes += t.notes
            old.problems += t.problems
        else:
            bundle.tables[t.kind] = t
    if problems:
        raise InputError(problems_line(problems))
    return bundle

