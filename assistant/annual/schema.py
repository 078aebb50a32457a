"""The performance-data workbook schema (assistant/data/performance.yaml) and province names.

The schema is data: sheets, Chinese headers, column types, allowed values, which columns are
counts and which sheets may carry a 合计 row. This module only loads it into small dataclasses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import InputError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SCHEMA_FILE = DATA_DIR / "performance.yaml"
PROVINCES_FILE = DATA_DIR / "provinces.yaml"
TYPES = {"text", "choice", "province", "date", "count", "amount"}
NUMERIC = {"count", "amount"}


@dataclass(frozen=True)
class Column:
    id: str
    header: str
    type: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    choices_key: str = ""
    dates: str = ""  # within_year | not_after_year
    le: str = ""  # must not exceed this column (id) in the same row
    width: int = 14

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC


@dataclass(frozen=True)
class SheetSpec:
    id: str
    name: str
    indicator: int
    note: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()

    def column(self, cid: str) -> Column:
        for c in self.columns:
            if c.id == cid:
                return c
        raise KeyError(cid)


@dataclass(frozen=True)
class Schema:
    title: str
    total_label: str
    synthetic_label: str
    instructions: tuple[str, ...]
    choices: dict = field(default_factory=dict)
    sheets: tuple[SheetSpec, ...] = ()

    def sheet(self, sid: str) -> SheetSpec:
        for s in self.sheets:
            if s.id == sid:
                return s
        raise KeyError(sid)

    def by_name(self, name: str) -> SheetSpec | None:
        return next((s for s in self.sheets if s.name == name), None)


def _fail(path: Path, msg: str) -> InputError:
    return InputError(f"绩效数据结构文件 {path}：{msg}")


@lru_cache(maxsize=4)
def load_schema(path: str | None = None) -> Schema:
    """Load and validate the workbook schema (errors name the file and the sheet/column)."""
    p = Path(path) if path else SCHEMA_FILE
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise _fail(p, f"无法读取（{e}）") from e
    choices = {k: tuple(str(x) for x in v) for k, v in (raw.get("choices") or {}).items()}
    sheets = []
    for s in raw.get("sheets") or []:
        cols = []
        for c in s.get("columns") or []:
            if c.get("type", "text") not in TYPES:
                raise _fail(p, f"工作表 {s.get('name')} 列 {c.get('header')} 的类型 {c.get('type')!r} 无效")
            key = c.get("choices", "")
            if c.get("type") == "choice" and key not in choices:
                raise _fail(p, f"工作表 {s.get('name')} 列 {c.get('header')} 引用了不存在的选项表 {key!r}")
            cols.append(Column(id=c["id"], header=c["header"], type=c.get("type", "text"),
                               required=bool(c.get("required")), choices=choices.get(key, ()), choices_key=key,
                               dates=c.get("dates", ""), le=c.get("le", ""), width=int(c.get("width", 14))))
        ids = {c.id for c in cols}
        for u in s.get("unique") or []:
            if u not in ids:
                raise _fail(p, f"工作表 {s.get('name')} 的 unique 引用了不存在的列 {u!r}")
        sheets.append(SheetSpec(id=s["id"], name=s["name"], indicator=int(s["indicator"]), note=s.get("note", ""),
                                columns=tuple(cols), unique=tuple(s.get("unique") or ())))
    return Schema(title=raw.get("title", ""), total_label=raw.get("total_label", "合计"),
                  synthetic_label=raw.get("synthetic_note_key", "合成示例数据"),
                  instructions=tuple(raw.get("instructions") or ()), choices=choices, sheets=tuple(sheets))


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Every accepted spelling → the canonical province-level name (34 names)."""
    raw = yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8"))["provinces"]
    out = {}
    for full, shorts in raw.items():
        out[full] = full
        for s in shorts or []:
            out[s] = full
    return out


def canonical_provinces() -> list[str]:
    return list(dict.fromkeys(provinces().values()))


def normalise_province(name) -> str | None:
    """广东 / 广东省 / ' 广东省 ' → 广东省; unknown names → None."""
    if name is None:
        return None
    s = str(name).strip().replace(" ", "").replace("\u3000", "")
    return provinces().get(s)
