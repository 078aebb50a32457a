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


def talent_rows(bundle: DataBundle, year: int | None = None) -> tuple[list[list], dict]:
    survey = bundle.get("survey")
    if survey is None:
        raise InputError("生成人才供需清单需要问卷调查数据（如 survey_2025.xlsx）")
    sh = shortage(survey, bundle.get("supply"), year)
    rows = []
    for i, p in enumerate(sh["positions"], 1):
        req = p["education"] + ("；" + "、".join(p["skills"]) if p["skills"] else "")
        rows.append([i, p["position"], p["family"], req, p["demand"], p["supply"], p["gap"], p["grade"]])
    return rows, sh


def tech_rows(bundle: DataBundle) -> list[list]:
    tech = bundle.get("tech_needs")
    if tech is None:
        return []
    return [[i, r["need"], r["org"], r["description"], r["urgency"], r.get("field", ""), r.get("cooperation", "")]
            for i, r in enumerate(tech_summary(tech)["rows"], 1)]


def write_lists_bundle(bundle: DataBundle, out: str | Path, year: int | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    out = Path(out)
    talent, sh = talent_rows(bundle, year)
    tech = tech_rows(bundle)
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    note_talent = (f"需求数为样本企业{sh['demand_year']}年计划招聘人数；{sh['basis']}；{sh['formula']}；"
                   f"分级：{'，'.join(sh['grades'])}。")
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


def write_lists(data_files: list[str], out: str | Path, year: int | None = None) -> Path:
    """Write 人才供需清单 and 技术供需清单 (two sheets) to `out` and return its path."""
    return write_lists_bundle(load_data(data_files), out, year)


def main_lists(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="assistant lists", description="生成附件3：人才供需清单、技术供需清单（XLSX）")
    ap.add_argument("--data", nargs="+", required=True, metavar="FILE", help="问卷、技术需求、供给等数据文件")
    ap.add_argument("--out", required=True, metavar="lists.xlsx")
    ap.add_argument("--year", type=int, default=None, help="需求年份（默认取问卷中最早的计划招聘年份）")
    args = ap.parse_args(argv)
    try:
        from ..config import require_year
        require_year(args.year)
        if not args.out.lower().endswith(".xlsx"):
            raise InputError(f"--out 应为 .xlsx 文件：{args.out}")
        p = write_lists(args.data, args.out, args.year)
    except AssistantError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print(p)
    return 0
