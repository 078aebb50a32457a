"""附件3 lists: 人才供需清单 and 技术供需清单 as an XLSX workbook with Chinese headers."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..analysis import DataBundle, load_data, shortage, tech_summary
from ..errors import AssistantError, InputError
from ..xlsx_safe import as_text

TALENT_HEADERS = ["序号", "岗位", "岗位类别", "学历与技能要求", "需求数", "供给估计", "缺口", "紧缺程度"]
TECH_HEADERS = ["序号", "技术需求", "提出单位", "描述", "紧迫程度", "技术领域", "期望合作方式"]


NO_SUPPLY = "—"  # supply, gap and grade need supply data: left empty without it


def talent_rows(bundle: DataBundle, year: int | None = None) -> tuple[list[list], dict]:
    """The 人才供需清单 rows and the shortage analysis. Without supply data the positions are ordered by
    their hard-to-fill rate and 供给估计 / 缺口 / 紧缺程度 are left as “—” (no shortage index is made up)."""
    survey = bundle.get("survey")
    if survey is None:
        raise InputError("生成人才供需清单需要问卷调查数据（如 survey_2025.xlsx）")
    supply = bundle.get("supply")
    sh = shortage(survey, supply, year)
    sh["has_supply"] = supply is not None
    rows = []
    for i, p in enumerate(sh["positions"], 1):
        req = p["education"] + ("；" + "、".join(p["skills"]) if p["skills"] else "")
        if supply is None:
            rows.append([i, p["position"], p["family"], req, p["demand"], NO_SUPPLY, NO_SUPPLY, NO_SUPPLY])
        else:
            rows.append([i, p["position"], p["family"], req, p["demand"], p["supply"], p["gap"], p["grade"]])
    return rows, sh


def talent_table(ds: dict, sh: dict | None, survey) -> tuple[list[str], list[list]]:
    """The list as a report table (headers without 序号): positions with their demand; the supply, gap and
    grade columns only when `sh` (the shortage analysis, which needs supply data) is given."""
    src = sh if sh is not None else shortage(survey, None, ds["demand_year"])
    rows = []
    for p in src["positions"]:
        req = p["education"] + ("；" + "、".join(p["skills"]) if p["skills"] else "")
        tail = [p["supply"], p["gap"], p["grade"]] if sh is not None else []
        rows.append([p["position"], p["family"], req, p["demand"], *tail])
    return (TALENT_HEADERS[1:] if sh is not None else TALENT_HEADERS[1:5]), rows


def tech_rows(bundle: DataBundle) -> list[list]:
    tech = bundle.get("tech_needs")
    if tech is None:
        return []
    return [[i, r["need"], r.get("org", ""), r.get("description", ""), r.get("urgency", ""), r.get("field", ""),
             r.get("cooperation", "")]
            for i, r in enumerate(tech_summary(tech)["rows"], 1)]


def write_lists_bundle(bundle: DataBundle, out: str | Path, year: int | None = None, industry: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    out = Path(out)
    talent, sh = talent_rows(bundle, year)
    tech = tech_rows(bundle)
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    if sh["has_supply"]:
        note_talent = (f"需求数为样本企业{sh['demand_year']}年计划招聘人数；{sh['basis']}；{sh['formula']}；"
                       f"分级：{'，'.join(sh['grades'])}。")
    elif sh["has_hard"]:
        note_talent = (f"需求数为样本企业{sh['demand_year']}年计划招聘人数；未提供院校供给数据，供给估计、缺口和"
                       f"紧缺程度未填，岗位按难招率（企业标注“难招”的岗位记录占比）排序。")
    else:
        note_talent = (f"需求数为样本企业{sh['demand_year']}年计划招聘人数；未提供院校供给数据，问卷也没有标注是否难招，"
                       f"供给估计、缺口和紧缺程度未填，岗位按需求数排序。")
    if industry:
        note_talent = f"行业：{industry}。" + note_talent
        wb.properties.title = f"{industry}人才供需清单与技术供需清单"
    for ws, title, headers, rows, note in (
        (wb.active, "人才供需清单", TALENT_HEADERS, talent, note_talent),
        (wb.create_sheet(), "技术供需清单", TECH_HEADERS, tech, "按紧迫程度（高/中/低）排序，来源于企业技术需求调查。"),
    ):
        ws.title = title
        ws.append(headers)
        for r in rows:
            ws.append(r)
        for c in ws[1]:
            c.font = Font(bold=True, name="黑体")
            c.fill = PatternFill("solid", fgColor="DDE5F0")
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for c in row:
                c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
                if c.row > 1:
                    c.alignment = Alignment(vertical="top", wrap_text=True)
        widths = [6] + [max(10, min(40, max((len(str(r[i])) for r in [headers, *rows]), default=8) + 2))
                        for i in range(1, len(headers))]
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.cell(row=ws.max_row + 2, column=1, value="说明：" + note)
        as_text(ws)  # user strings are text, never live formulas
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def write_lists(data_files: list[str], out: str | Path, year: int | None = None, industry: str = "",
                columns: str | Path | dict | None = None) -> Path:
    """Write 人才供需清单 and 技术供需清单 (two sheets) to `out` and return its path.
    `columns`: a --columns mapping file (table kind → field: column name) overriding the header mapping."""
    return write_lists_bundle(load_data(data_files, columns=columns, report_year=year), out, year, industry=industry)


def main_lists(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="assistant lists", description="生成附件3：人才供需清单、技术供需清单（XLSX）")
    ap.add_argument("--data", nargs="+", required=True, metavar="FILE", help="问卷、技术需求、供给等数据文件")
    ap.add_argument("--out", required=True, metavar="lists.xlsx")
    ap.add_argument("--year", type=int, default=None, help="需求年份（默认取问卷中最早的计划招聘年份）")
    ap.add_argument("--index", default=None, metavar="DIR", help="知识库目录（读取其中的行业配置 profile.yaml）")
    ap.add_argument("--industry", default=None, metavar="名称", help="行业名称（未给 --profile 且知识库中没有行业配置时必填）")
    ap.add_argument("--profile", default=None, metavar="FILE", help="行业配置 YAML")
    ap.add_argument("--columns", metavar="FILE", help="列名映射文件（YAML：表格类型 → 字段: 列名），覆盖自动映射")
    args = ap.parse_args(argv)
    try:
        from ..config import require_year
        from ..profile import resolve_profile

        require_year(args.year)
        profile = resolve_profile(args.industry, args.profile, args.index)
        if not args.out.lower().endswith(".xlsx"):
            raise InputError(f"--out 应为 .xlsx 文件：{args.out}")
        p = write_lists(args.data, args.out, args.year, industry=profile.industry, columns=args.columns)
    except AssistantError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print(p)
    return 0
