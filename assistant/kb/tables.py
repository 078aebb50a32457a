"""Structured tables found in documents: Markdown pipe tables and HTML tables (DOCX, PDF and XLSX tables
are read by their loaders), each kept as rows plus headers, a caption and a stated unit.

A unit is taken from a line such as "单位：万套" or "（单位：亿元）" in the caption or just before or after
the table; a unit in a header ("产量（万套）") is read later, per column, by the series finder.
Tables are stored with the source as {name: rows}; their metadata rides along under `META_KEY`, which
`unpack` removes, so `kb.tables(source)` keeps its shape.
"""
from __future__ import annotations

import re
from typing import Any

META_KEY = "\u0000meta"  # a key no sheet or table can have
_UNIT = re.compile(r"(?:计量单位|单位)\s*(?:[:：]|为|是)\s*([^\s，。；;,、)）\]】]+)")
_UNIT_ONLY = re.compile(r"^[（(]?\s*(?:计量单位|单位)\s*(?:[:：]|为|是)[^，。；;]{0,16}[)）]?$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# a row of a pipe table written without its left border, as web pages copied to text give it (北京 | 8000 | 9000 |):
# it ends with a pipe and has at least two cells; only a run of two or more such rows with the same number of cells
# is a table (a single byline 文 | 某社 | 作者 | 某某 is not)
_OPEN_ROW = re.compile(r"^[^|\n]*\S[^|\n]*\|.*\|\s*$")
_SEP_CELL = re.compile(r"^:?-{2,}:?$")
CAPTION_MAX = 80


def unit_in(*texts: str | None) -> str:
    """The unit stated in any of the texts ("单位：万套" → 万套), or ''."""
    for t in texts:
        m = _UNIT.search(t or "")
        if m:
            return m.group(1).strip()
    return ""


def caption_from(*texts: str | None) -> str:
    """The first of `texts` that can title a table (short, not prose, not only a unit line), Markdown
    markers removed; '' when none can."""
    for text in texts:
        t = re.sub(r"^#+\s*|\*\*|__", "", (text or "").strip()).strip()
        if t and len(t) <= CAPTION_MAX and not t.endswith("。") and not _UNIT_ONLY.match(t):
            return t
    return ""


def records(rows: list[list[Any]]) -> list[dict]:
    """Header row + data rows → row dicts (blank headers named 列N, fully blank rows dropped)."""
    if not rows:
        return []
    header = [str(c).strip() if c not in (None, "") else f"列{i + 1}" for i, c in enumerate(rows[0])]
    return [dict(zip(header, r)) for r in rows[1:] if any(v not in (None, "") for v in r)]


def meta(rows: list[list[Any]], caption: str = "", unit: str = "", **extra: Any) -> dict[str, Any]:
    headers = [str(c).strip() for c in rows[0]] if rows else []
    return {"headers": headers, "caption": caption, "unit": unit or unit_in(caption), **extra}


def pipe_cells(line: str) -> list[str]:
    """The cells of a pipe-table row, without its borders."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def pipe_rows(lines: list[str]) -> set[int]:
    """Indexes of the lines that are rows of a pipe table: a bordered row (| a | b |), or a row without its left
    border (a | b |) in a run of at least two such rows with the same number of cells (a separator row |---|---|
    between them counts as one of the run)."""
    rows = {i for i, ln in enumerate(lines) if _PIPE_ROW.match(ln)}
    i = 0
    while i < len(lines):
        if i in rows or not _OPEN_ROW.match(lines[i]) or len(pipe_cells(lines[i])) < 2:
            i += 1
            continue
        width, j = len(pipe_cells(lines[i])), i
        while j < len(lines) and _OPEN_ROW.match(lines[j]) and len(pipe_cells(lines[j])) == width:
            j += 1
        if j - i >= 2:
            rows.update(range(i, j))
        i = max(j, i + 1)
    return rows


# A table copied from a PDF or a web page as plain text with its cells separated by spaces (表1 …, then
# 储能技术 放电时间 成本 …, then 抽蓄 4~20 h 秒级 …): a header line of labels, then two or more rows, each a label and at
# least two figures, none with a sentence's punctuation. Such lines are rows (kept apart, not run into one paragraph);
# their columns are read only when every row splits into as many cells as the header names (or one more: the label
# column unnamed), the names all different; a cell with a space inside (4~20 h, 3 000) or a blank cell makes that
# unsafe, and the rows are then kept as written.
SPACE_ROW_MAX = 120
SPACE_MIN_ROWS = 2
_SPACE_PUNCT = re.compile(r"[。，；！？,;:：、|｜]")
# a figure cell: a number or range with at most a short unit (75~80, >50, 3 000次 as 3 and 000次); 2023年产量 is a label
_FIGURE_TOKEN = re.compile(r"^[<>≤≥＜＞~～约近超]?[-+−]?\d[\d.,，~～%％\-—–/]*[^\d\s]{0,2}$")


def _space_tokens(line: str) -> list[str]:
    s = line.strip()
    return s.split() if 0 < len(s) <= SPACE_ROW_MAX and not _SPACE_PUNCT.search(s) else []


def _space_row(tokens: list[str]) -> bool:
    """A label (no figure) and at least two figures."""
    return (len(tokens) >= 3 and not _FIGURE_TOKEN.match(tokens[0])
            and sum(bool(_FIGURE_TOKEN.match(t)) for t in tokens[1:]) >= 2)


def _space_header(tokens: list[str]) -> bool:
    """Two or more labels, at most one of them a figure (a year column 2023年 among names)."""
    return len(tokens) >= 2 and not _space_row(tokens) and sum(bool(_FIGURE_TOKEN.match(t)) for t in tokens) <= 1


def space_rows(lines: list[str]) -> dict[int, list[str] | None]:
    """Lines that are a space-separated table's header and rows: index → its cells when the columns can be read
    safely (the header's first), else None (a row kept as written)."""
    out: dict[int, list[str] | None] = {}
    i = 0
    while i < len(lines):
        head = _space_tokens(lines[i])
        if not _space_header(head):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _space_row(_space_tokens(lines[j])):
            j += 1
        if j - i - 1 < SPACE_MIN_ROWS:
            i += 1
            continue
        rows = [_space_tokens(lines[k]) for k in range(i + 1, j)]
        widths = {len(r) for r in rows}
        if widths == {len(head) + 1}:
            head = ["", *head]  # the label column has no name
        aligned = widths == {len(head)} and len(set(head)) == len(head)
        for k, cells in zip(range(i, j), [head, *rows]):
            out[k] = cells if aligned else None
        i = j
    return out


def space_tables(lines: list[str], first: int = 1) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """The space-separated tables whose columns can be read (`space_rows`), named 表{first}, 表{first+1}…"""
    tables: dict[str, list[dict]] = {}
    metas: dict[str, dict] = {}
    found = space_rows(lines)
    n = first
    for i in sorted(found):
        if i - 1 in found or found[i] is None:
            continue  # not a table's first line, or its columns unread
        j = i
        while j in found:
            j += 1
        rows = [found[k] for k in range(i, j)]
        before = [ln.strip() for ln in lines[max(0, i - 6):i] if ln.strip()][-3:]
        caption = caption_from(*reversed(before))
        name = f"表{n}"
        tables[name] = records(rows)
        metas[name] = meta(rows, caption, unit_in(caption, *reversed(before)))
        n += 1
    return tables, metas


def markdown_tables(lines: list[str]) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Pipe tables in Markdown (or plain text) lines, named 表1, 表2... with caption and unit."""
    tables: dict[str, list[dict]] = {}
    metas: dict[str, dict] = {}
    table_rows = pipe_rows(lines)
    i, n = 0, 0
    while i < len(lines):
        if i not in table_rows:
            i += 1
            continue
        start = i
        rows: list[list[str]] = []
        while i < len(lines) and i in table_rows:
            cells = pipe_cells(lines[i])
            if not all(_SEP_CELL.match(c) for c in cells if c):
                rows.append(cells)
            i += 1
        if len(rows) < 2:
            continue
        n += 1
        before = [ln.strip() for ln in lines[max(0, start - 6):start] if ln.strip()][-3:]
        after = next((ln.strip() for ln in lines[i:i + 3] if ln.strip()), "")
        caption = caption_from(*reversed(before))
        name = f"表{n}"
        tables[name] = records(rows)
        metas[name] = meta(rows, caption, unit_in(caption, *reversed(before), after))
    return tables, metas


def html_tables(soup) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """<table> elements: rows of th/td text, caption from <caption> or the heading/paragraph before it."""
    tables: dict[str, list[dict]] = {}
    metas: dict[str, dict] = {}
    for n, tbl in enumerate(soup.find_all("table"), start=1):
        rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in tbl.find_all("tr")]
        rows = [r for r in rows if any(r)]
        if len(rows) < 2:
            continue
        cap = tbl.find("caption")
        prev = [e.get_text(" ", strip=True) for e in
                tbl.find_all_previous(["p", "h1", "h2", "h3", "h4", "h5", "h6", "div"], limit=3)]
        nxt = tbl.find_next(["p", "div"])
        caption = cap.get_text(" ", strip=True) if cap is not None else caption_from(*prev)
        name = f"表{n}"
        tables[name] = records(rows)
        metas[name] = meta(rows, caption, unit_in(caption, *prev, nxt.get_text(" ", strip=True) if nxt else ""))
    return tables, metas


def pack(tables: dict[str, list[dict]], metas: dict[str, dict]) -> dict:
    """Tables with their metadata, for storage under one JSON value."""
    return {**tables, META_KEY: metas} if metas else dict(tables)


def unpack(stored: dict | None) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    stored = dict(stored or {})
    metas = stored.pop(META_KEY, {}) or {}
    return stored, metas


# ------------------------------------------------------------------------------------- a row as prose
# An indexed table row reads "表名｜列：值；列：值" (kb.ingest._table_blocks). As evidence it is written as a
# sentence: the time cells lead, a unit in the header follows its number, a change column takes its value
# without 为. A row with a bare number whose unit is unknown is not written (a figure needs its unit).
_ROW = re.compile(r"^(?P<table>[^｜\n]{1,80})｜(?P<cells>[^｜\n]+)$")
_TIME_COL = re.compile(r"年份|年度|时间|时点|日期|期间|月份|季度|^年$|^月$")
_HEAD_UNIT = re.compile(r"\s*[（(]([^（）()]{1,8})[)）]\s*$")
_CHANGE_COL = re.compile(r"(增长|下降|增加|减少|提高|降低|增速|增幅|降幅|变化)(率)?$")
_BARE_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_LEADS = re.compile(r"^(约|近|超|逾|不足|超过|达|接近|大约|累计|共)")
_EMPTY = re.compile(r"^(?:[-—–/／]+|无|暂无|N/?A|n/?a|…+)$")
_TEXT_COL = re.compile(r"^(?:事项|要点|内容|主要内容|描述|情况|说明)$")  # the cell's text speaks for itself
_NOTE_COL = re.compile(r"^(?:备注|注|附注)$")  # said in brackets after the rest
_HAS_UNIT = re.compile(r"\d(?:\.\d+)?\s*(?:%|‰|[^\d\s.,，；;、（）()—–-])")


def row_prose(line: str) -> str | None:
    """The sentence a table row states, or None when the line is no row or cannot be written safely."""
    m = _ROW.match(line.strip())
    if not m:
        return None
    cells = []
    for part in m["cells"].split("；"):
        col, sep, val = part.partition("：")
        col, val = col.strip(), val.strip().rstrip("。；;")
        if not sep or not col or not val or (len(val) > 20 and re.search(r"[，。；;,]", val)):
            return None  # a prose cell (a note or explanation) is no statement of the row's figures
        cells.append((col, val))
    if len(cells) < 2:
        return None
    lead, parts, notes = [], [], []
    for col, val in cells:
        if _EMPTY.match(val):
            continue
        if _NOTE_COL.match(col):
            notes.append(val)
            continue
        if _TIME_COL.search(col):
            lead.append(val + "年" if re.fullmatch(r"\d{4}", val) else val)
            continue
        u = _HEAD_UNIT.search(col)
        if u:
            col = col[:u.start()].strip()
            if _BARE_NUMBER.match(val):
                val += u.group(1)
        if _BARE_NUMBER.match(val) or (re.search(r"\d", val) and not _HAS_UNIT.search(val)):
            return None
        if _TEXT_COL.match(col):
            parts.append(val)
        else:
            parts.append(f"{col}{val}" if _CHANGE_COL.search(col) or _LEADS.match(val) else f"{col}为{val}")
    if not parts:
        return None
    note = "（" + "；".join(notes) + "）" if notes else ""
    return ("，".join(lead) + "，" if lead else "") + "，".join(parts) + note + "。"
