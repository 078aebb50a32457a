"""Charts for the drafts (matplotlib, Agg backend, Chinese labels).

The CJK font ships in the pip package `pylopdf-fonts-zh-cn`; it is added to matplotlib's font
manager explicitly because a stale font cache would otherwise ignore it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

FONT_FAMILY = "Noto Sans SC"


@lru_cache(maxsize=1)
def setup_fonts() -> str | None:
    """Register the packaged Noto Sans SC font; returns its path (None if the package is absent)."""
    path = None
    try:
        import pylopdf_fonts_zh_cn as pkg

        cand = Path(pkg.__file__).parent / "NotoSansSC-Regular.otf"
        if not cand.is_file():
            cand = next(Path(pkg.__file__).parent.glob("*Sans*.otf"), None)
        if cand:
            font_manager.fontManager.addfont(str(cand))
            path = str(cand)
    except ImportError:
        pass
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = [FONT_FAMILY, "Noto Sans CJK SC", "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    return path


def _save(fig, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=150)
    plt.close(fig)
    return out


def bar_chart(labels: list[str], values: list[float], title: str, ylabel: str, out: str | Path,
              horizontal: bool = True) -> Path:
    setup_fonts()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    if horizontal:
        ax.barh(labels[::-1], values[::-1], color="#3b6ea5")
        ax.set_xlabel(ylabel)
        for i, v in enumerate(values[::-1]):
            ax.text(v, i, f" {v:g}", va="center", fontsize=8)
    else:
        ax.bar(labels, values, color="#3b6ea5")
        ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, Path(out))


def forecast_chart(fc, title: str, out: str | Path) -> Path:
    """History as a line, the chosen method's forecast dashed with its interval shaded; candidates
    rejected by a plausibility bound dotted grey (labelled 未采用); with a market total, its history
    and forecast in grey, so the bound is visible."""
    from ..analysis import METHOD_NAMES

    setup_fonts()
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    hy = list(fc.history)
    last = fc.history[hy[-1]]
    xs = [hy[-1], *fc.years]
    sat = getattr(fc, "saturation", None)
    if sat:
        mh = sat["market_history"]
        my = sorted(int(y) for y in mh)
        ax.plot(my, [mh[y] for y in my], "s-", color="#7f7f7f", ms=4, lw=1, label=f"{sat['market']}（实际）")
        ax.plot([my[-1], *sat["market_years"]], [mh[my[-1]], *sat["market_point"]], "s--", color="#7f7f7f", ms=4,
                lw=1, label=f"{sat['market']}（线性外推）")
    for m in getattr(fc, "rejected", {}) or {}:
        if m in fc.all_points:
            ax.plot(xs, [last, *fc.all_points[m]], ":", color="#999999", lw=1.2,
                    label=f"{METHOD_NAMES.get(m, m)}（未采用）")
    ax.plot(hy, [fc.history[y] for y in hy], "o-", color="#3b6ea5", label="实际值")
    ax.plot(xs, [last, *fc.point], "o--", color="#c0504d", label=f"预测值（{fc.method_name}）")
    ax.fill_between(fc.years, fc.lower, fc.upper, color="#c0504d", alpha=0.15, label=f"{fc.level}%区间")
    ticks = sorted(set(hy) | set(fc.years) | (set(int(y) for y in sat["market_history"]) if sat else set()))
    ax.set_xticks(ticks)
    ax.set_ylabel(fc.unit)
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=11)
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, Path(out))


def line_chart(series: dict[str, dict[int, float]], title: str, ylabel: str, out: str | Path) -> Path:
    setup_fonts()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for name, s in series.items():
        xs = sorted(s)
        ax.plot(xs, [s[x] for x in xs], "o-", label=name)
        ax.set_xticks(xs)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=11)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, Path(out))
