"""The six 监测指标 computed from the performance workbook, with year-on-year changes.

    compute(data, previous=None, reports=()) -> Indicators
    table_rows(res) / table_text(res) / write_table(res, out.xlsx|out.md)
    members_chart(res, out.png)

What each quantity means (sheet, filter, aggregation) is data: assistant/data/indicators.yaml.
A quantity without data is None and shown as 缺少数据, never as 0.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import InputError
from .schema import DATA_DIR, load_schema
from .workbook import Problem, Workbook, read_workbook

INDICATORS_FILE = DATA_DIR / "indicators.yaml"
MISSING = "缺少数据"
CN = "一二三四五六"
LEAD_PREFIX = "牵头"


@lru_cache(maxsize=2)
def load_definitions(path: str | None = None) -> list[dict]:
    raw = yaml.safe_load(Path(path or INDICATORS_FILE).read_text(encoding="utf-8"))
    return raw["indicators"]


@dataclass
class Quantity:
    indicator: int
    key: str
    name: str
    unit: str
    value: float | int | None
    sheet: str = ""  # the sheet name it is computed from ("" for derived ratios)
    previous: float | int | None = None
    compared: bool = False  # a previous workbook was given

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_pct(self) -> float | None:
        if self.change is None or not self.previous or self.unit == "%":
            return None
        return 100.0 * self.change / self.previous

    def to_dict(self) -> dict:
        d = asdict(self)
        d.update(change=self.change, change_pct=self.change_pct)
        return d


@dataclass
class Indicators:
    year: int | None
    previous_year: int | None
    quantities: list[Quantity]
    by_role: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_province: Counter = field(default_factory=Counter)
    lead_provinces: list[str] = field(default_factory=list)
    releases: list[dict] = field(default_factory=list)  # (二): each report and list, its date, Q1 or not
    report_checks: list[dict] = field(default_factory=list)  # (二): checker summary per given report file
    problems: list[Problem] = field(default_factory=list)
    data_file: str = ""
    previous_file: str = ""
    synthetic: bool = False
    members: list[dict] = field(default_factory=list)  # the 建设单位 rows (names, roles, categories)

    def get(self, key: str) -> Quantity:
        for q in self.quantities:
            if q.key == key:
                return q
        raise KeyError(key)

    def of(self, indicator: int) -> list[Quantity]:
        return [q for q in self.quantities if q.indicator == indicator]

    def to_dict(self) -> dict:
        return {"year": self.year, "previous_year": self.previous_year, "data_file": self.data_file,
                "previous_file": self.previous_file, "synthetic": self.synthetic,
                "quantities": [q.to_dict() for q in self.quantities],
                "members": {"by_role": dict(self.by_role), "by_category": dict(self.by_category),
                            "by_province": dict(self.by_province), "lead_provinces": self.lead_provinces},
                "releases": self.releases, "report_checks": self.report_checks,
                "problems": [p.to_dict() for p in self.problems]}


# ---------------------------------------------------------------- computing

def _match(rec: dict, where: dict | None) -> bool:
    return all(rec.get(col) in set(vals) for col, vals in (where or {}).items())


def _value(spec: dict, book: Workbook, done: dict) -> float | int | None:
    agg = spec["agg"]
    if agg == "ratio":
        num, den = (done.get(k) for k in spec["ratio"])
        return None if num is None or not den else round(100.0 * num / den, 1)
    sid = spec["sheet"]
    recs = book.records(sid)
    if sid not in book.present or not recs:
        return None
    rows = [r for r in recs if _match(r, spec.get("where"))]
    if agg == "rows":
        return len(rows)
    if agg == "distinct":
        return len({r[spec["column"]] for r in rows if r.get(spec["column"]) is not None})
    if agg == "sum":
        vals = [r[spec["column"]] for r in rows if r.get(spec["column"]) is not None]
        if not vals:
            return None
        s = sum(vals)
        return round(s, 2) if isinstance(s, float) else s
    if agg == "outside_lead_share":
        leads = {r["province"] for r in recs if str(r.get("role") or "").startswith(LEAD_PREFIX) and r.get("province")}
        others = [r for r in recs if not str(r.get("role") or "").startswith(LEAD_PREFIX) and r.get("province")]
        if not leads or not others:
            return None
        return round(100.0 * sum(r["province"] not in leads for r in others) / len(others), 1)
    if agg == "on_time":
        return sum(1 for r in recs if r.get("date") and _in_q1(r["date"], book.year))
    raise InputError(f"指标定义文件 {INDICATORS_FILE} 中未知的 agg：{agg}")


def _in_q1(d: dt.date, year: int | None) -> bool:
    return year is not None and d.year == year and d.month <= 3


def _quantities(book: Workbook) -> list[Quantity]:
    schema = load_schema()
    out, done = [], {}
    for ind in load_definitions():
        for spec in ind["quantities"]:
            v = _value(spec, book, done)
            done[spec["key"]] = v
            src = spec.get("sheet") or next((x.get("sheet") for x in ind["quantities"]
                                             if x["key"] == (spec.get("ratio") or [""])[0]), None)
            sheet = schema.sheet(src).name if src else ""
            out.append(Quantity(indicator=int(ind["id"]), key=spec["key"], name=spec["name"], unit=spec["unit"],
                                value=v, sheet=sheet))
    return out


def _releases(book: Workbook) -> list[dict]:
    docs = load_schema().choices["supply_docs"]
    by_doc = {r["doc"]: r for r in book.records("reports") if r.get("doc")}
    out = []
    for d in docs:
        r = by_doc.get(d)
        date = r.get("date") if r else None
        out.append({"doc": d, "date": date.isoformat() if date else None,
                    "q1": None if date is None else _in_q1(date, book.year),
                    "status": MISSING if date is None else ("第一季度内发布" if _in_q1(date, book.year) else "逾期发布"),
                    "file": (r or {}).get("file") or ""})
    return out


def check_reports(files: list[str]) -> list[dict]:
    """The review checker's objectivity and completeness counts for each published report file."""
    from ..check import check_file
    from ..check.checker import REPORT_NAMES

    out = []
    for f in files:
        if not Path(f).is_file():
            raise InputError(f"报告文件不存在：{f}")
        res = check_file(f)
        cats = Counter(x.category for x in res.findings)
        comp_err = sum(1 for x in res.findings if x.category == "completeness" and x.level == "error")
        out.append({"file": Path(f).name, "report": REPORT_NAMES.get(res.report, res.report or ""),
                    "objectivity": cats.get("objectivity", 0), "completeness": cats.get("completeness", 0),
                    "completeness_errors": comp_err,
                    "objective": "客观" if not cats.get("objectivity") else "需修改",
                    "complete": "全面" if not comp_err else "不全面"})
    return out


def compute(data: str | Path | Workbook, previous: str | Path | None = None,
            reports: list[str] | tuple = ()) -> Indicators:
    """All six indicators from `data` (this year's workbook, a path or one already read), with changes
    against `previous`."""
    book = data if isinstance(data, Workbook) else read_workbook(data)
    members = book.records("members")
    res = Indicators(year=book.year, previous_year=None, quantities=_quantities(book), problems=list(book.problems),
                     data_file=str(book.path), synthetic=book.synthetic, members=members)
    res.by_role = Counter(r["role"] for r in members if r.get("role"))
    res.by_category = Counter(r["category"] for r in members if r.get("category"))
    res.by_province = Counter(r["province"] for r in members if r.get("province"))
    res.lead_provinces = sorted({r["province"] for r in members
                                 if str(r.get("role") or "").startswith(LEAD_PREFIX) and r.get("province")})
    res.releases = _releases(book)
    if previous:
        prev = read_workbook(previous)
        if prev.year and book.year and prev.year >= book.year:
            raise InputError(f"--previous 的填报年度（{prev.year}）应早于本年度（{book.year}）")
        res.previous_year, res.previous_file = prev.year, str(previous)
        before = {q.key: q.value for q in _quantities(prev)}
        for q in res.quantities:
            q.previous, q.compared = before.get(q.key), True
        res.problems += [Problem(f"上年·{p.sheet}", p.row, p.column, p.message, p.value) for p in prev.problems]
    if reports:
        res.report_checks = check_reports(list(reports))
    return res


# ---------------------------------------------------------------- rendering

def fmt_value(v, unit: str = "") -> str:
    if v is None:
        return MISSING
    if isinstance(v, float):
        v = int(v) if v.is_integer() else round(v, 1)
    return f"{v}{unit}" if unit == "%" else str(v)


def fmt_pct(p: float) -> str:
    """One decimal, without a trailing “.0”: 14.3, 50."""
    return f"{p:.1f}".removesuffix(".0")


def fmt_change(q: Quantity) -> str:
    if not q.compared:
        return ""
    if q.change is None:
        return MISSING
    c = q.change
    c = int(c) if float(c).is_integer() else round(c, 1)
    if c == 0:
        return "0"
    sign = "+" if c > 0 else ""
    if q.unit == "%":
        return f"{sign}{c}个百分点"
    pct = q.change_pct
    return f"{sign}{c}" + (f"（{sign if pct > 0 else ''}{fmt_pct(pct)}%）" if pct is not None else "")


TABLE_HEADERS = ["监测指标", "数量", "本年", "单位", "上年", "变化", "数据来源"]


def table_rows(res: Indicators) -> list[list[str]]:
    rows = []
    for q in res.quantities:
        rows.append([f"({CN[q.indicator - 1]})", q.name, fmt_value(q.value, q.unit), q.unit,
                     fmt_value(q.previous, q.unit) if q.compared else "", fmt_change(q),
                     f"绩效数据·{q.sheet}" + ("（计算）" if q.unit == "%" else "")])
    return rows


def _md_table(headers: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in rows]
    return out


def release_rows(res: Indicators) -> list[list[str]]:
    return [[r["doc"], r["date"] or MISSING, "是" if r["q1"] else ("否" if r["q1"] is False else MISSING), r["status"]]
            for r in res.releases]


def table_text(res: Indicators) -> str:
    """The indicator table as Markdown (also what `assistant indicators` prints)."""
    head = f"# 监测指标（{res.year or '年度未知'}年度"
    head += f"，与{res.previous_year}年度比较）" if res.previous_year else "）"
    lines = [head, ""]
    if res.synthetic:
        lines += ["> 数据为合成示例数据", ""]
    headers = TABLE_HEADERS if res.previous_year else [h for h in TABLE_HEADERS if h not in ("上年", "变化")]
    rows = table_rows(res)
    if not res.previous_year:
        rows = [[r[0], r[1], r[2], r[3], r[6]] for r in rows]
    lines += _md_table(headers, rows) + [""]
    lines += ["## (二) 报告和清单发布情况", ""] + _md_table(["报告或清单", "发布日期", "第一季度内", "状态"],
                                                       release_rows(res)) + [""]
    if res.report_checks:
        lines += ["## (二) 报告内容审查（本工具审查器）", ""]
        lines += _md_table(["文件", "报告类型", "客观性问题", "完整性问题", "其中错误级", "客观", "全面"],
                           [[c["file"], c["report"], c["objectivity"], c["completeness"], c["completeness_errors"],
                             c["objective"], c["complete"]] for c in res.report_checks]) + [""]
    lines += ["## (一) 建设单位构成", ""]
    lines += _md_table(["单位角色", "数量"], [[k, v] for k, v in res.by_role.most_common()]) + [""]
    lines += _md_table(["所在省份", "单位数"], [[k, v] for k, v in res.by_province.most_common()]) + [""]
    if res.problems:
        lines += [f"数据问题 {len(res.problems)} 个（用 assistant data inspect 查看）", ""]
    return "\n".join(lines)


def write_table(res: Indicators, out: str | Path, chart: bool = True) -> Path:
    """The indicator table as .md or .xlsx; with `chart`, the (一) chart is written beside it
    (`<stem>_建设单位分布.png`), linked from the Markdown and placed on the XLSX's 单位构成 sheet."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() not in (".md", ".xlsx"):
        raise InputError(f"--out 应为 .xlsx 或 .md 文件：{out}")
    png = members_chart(res, out.parent / f"{out.stem}_建设单位分布.png") if chart else None
    if out.suffix.lower() == ".md":
        text = table_text(res)
        if png:
            text += f"\n![建设单位分布]({png.name})\n"
        out.write_text(text, encoding="utf-8")
        return out
    from openpyxl import Workbook as XWorkbook
    from openpyxl.styles import Font

    wb = XWorkbook()
    sheets = [("监测指标", TABLE_HEADERS, table_rows(res)),
              ("报告发布", ["报告或清单", "发布日期", "第一季度内", "状态"], release_rows(res)),
              ("单位构成", ["类别", "名称", "数量"],
               [["单位角色", k, v] for k, v in res.by_role.most_common()]
               + [["单位类别", k, v] for k, v in res.by_category.most_common()]
               + [["所在省份", k, v] for k, v in res.by_province.most_common()])]
    if res.report_checks:
        sheets.append(("报告审查", ["文件", "报告类型", "客观性问题", "完整性问题", "其中错误级", "客观", "全面"],
                       [[c["file"], c["report"], c["objectivity"], c["completeness"], c["completeness_errors"],
                         c["objective"], c["complete"]] for c in res.report_checks]))
    for i, (name, headers, rows) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet(name)
        ws.title = name
        ws.append(headers)
        for c in ws[1]:
            c.font = Font(bold=True)
        for r in rows:
            ws.append([_xlsx_cell(v) for v in r])
        ws.freeze_panes = "A2"
        for j, h in enumerate(headers):
            width = max([len(str(h))] + [len(str(r[j])) for r in rows]) * 2 + 2
            ws.column_dimensions[chr(65 + j)].width = min(width, 50)
    if png:
        from openpyxl.drawing.image import Image

        img = Image(str(png))
        img.width, img.height = img.width * 0.5, img.height * 0.5
        wb["单位构成"].add_image(img, "E2")
    wb.save(out)
    return out


def _xlsx_cell(v):
    """Whole numbers as numbers (so they sum in a spreadsheet); a text cell starting with = is kept as text."""
    if isinstance(v, str):
        if v.isdigit():
            return int(v)
        if v.startswith(("=", "+", "-", "@")) and not v[1:2].isdigit():
            return "'" + v
    return v


def members_chart(res: Indicators, out: str | Path) -> Path | None:
    """Horizontal bars: units by role and by province (indicator (一))."""
    from ..draft.charts import setup_fonts

    if not res.by_role:
        return None
    import matplotlib.pyplot as plt

    setup_fonts()
    fig, axes = plt.subplots(1, 2, figsize=(8.6, 3.8))
    for ax, counter, title in ((axes[0], res.by_role, "按单位角色"), (axes[1], res.by_province, "按所在省份")):
        items = counter.most_common()[::-1]
        ax.barh([k for k, _ in items], [v for _, v in items], color="#3b6ea5")
        for i, (_, v) in enumerate(items):
            ax.text(v, i, f" {v}", va="center", fontsize=8)
        ax.set_title(title, fontsize=11)
        ax.set_xlabel("单位数（家）")
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(f"建设单位分布（{res.year}年，共{sum(res.by_role.values())}家）", fontsize=12)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=150)
    plt.close(fig)
    return out
