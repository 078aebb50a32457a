"""What the notice makes due, and how many days are left (dates are data: assistant/data/calendar.yaml)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .schema import DATA_DIR

CALENDAR_FILE = DATA_DIR / "calendar.yaml"


@dataclass
class Due:
    id: str
    name: str
    start: dt.date | None
    end: dt.date
    basis: str
    status: str  # 进行中 | 未开始 | 已截止
    days_left: int  # days until `end` (negative once past)

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat(), "basis": self.basis, "status": self.status, "days_left": self.days_left}

    @property
    def period(self) -> str:
        end = f"{self.end.month}月{self.end.day}日"
        return f"{self.start.month}月{self.start.day}日—{end}" if self.start else f"{end}前"


@lru_cache(maxsize=1)
def _items() -> list[dict]:
    return yaml.safe_load(CALENDAR_FILE.read_text(encoding="utf-8"))["items"]


def _md(year: int, s: str) -> dt.date:
    m, d = (int(x) for x in s.split("-"))
    return dt.date(year, m, d)


def due_items(today: dt.date) -> list[Due]:
    """This year's items; an item already past shows next year's occurrence. Sorted by days left."""
    out = []
    for it in _items():
        year = today.year
        end = _md(year, it["end"])
        if end < today:
            year += 1
            end = _md(year, it["end"])
        start = _md(year, it["start"]) if it.get("start") else None
        status = "进行中" if (start is None or start <= today) else "未开始"
        out.append(Due(id=it["id"], name=it["name"], start=start, end=end, basis=it["basis"], status=status,
                       days_left=(end - today).days))
    return sorted(out, key=lambda d: (d.days_left, d.id))


def report_year(item_id: str, today: dt.date | None = None) -> int:
    """The year of the next cycle of a due item (calendar.yaml id) whose deadline has not passed: the reports due in
    the first quarter are next year's from April on; the annual summary is this year's until 12月15日. An id the
    calendar does not list gives this year."""
    today = today or dt.date.today()
    return next((d.end.year for d in due_items(today) if d.id == item_id), today.year)


def left_text(d: Due) -> str:
    if d.status == "进行中":
        return f"还剩 {d.days_left} 天"
    return f"{d.start.month}月{d.start.day}日开始，距截止 {d.days_left} 天"


CALENDAR_HEADERS = ["事项", "时间", "状态", "剩余天数", "通知依据"]


def calendar_rows(items: list[Due]) -> list[list[str]]:
    return [[d.name, f"{d.end.year}年{d.period}", d.status, left_text(d), d.basis] for d in items]


def calendar_text(items: list[Due], today: dt.date) -> str:
    lines = [f"今天：{today.isoformat()}（通知规定的时间节点）", ""]
    for row in calendar_rows(items):
        lines.append("　".join(row[:4]) + f"（{row[4]}）")
    return "\n".join(lines) + "\n"
