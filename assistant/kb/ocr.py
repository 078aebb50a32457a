"""OCR of PDF pages that have no text layer (scans): pypdfium2 renders the page, RapidOCR
(`rapidocr-onnxruntime`, PP-OCRv4 models shipped in its wheel, offline) reads it.

Recognised boxes are put back into lines (top to bottom, left to right), and punctuation variants
that OCR produces (丶 for 、, half-width ，。：；？！（） beside Chinese) are normalised.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..textproc import chinese_punctuation

DPI = 150
# A page with fewer visible characters than this in its text layer is treated as a scan.
MIN_TEXT_CHARS = 5

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:  # an optional extra on some installs
        raise InputError("PDF 页面没有文字层（扫描件），且未安装 OCR 组件 rapidocr-onnxruntime") from e
    return RapidOCR()


def _lines(result) -> list[str]:
    """RapidOCR boxes [(box, text, score)] → text lines: boxes whose vertical centres lie within half
    a box height of each other form one line, read left to right."""
    items = []
    for box, text, _score in result or []:
        ys = [p[1] for p in box]
        xs = [p[0] for p in box]
        items.append(((min(ys) + max(ys)) / 2, max(ys) - min(ys), min(xs), text))
    items.sort()
    lines: list[list[tuple]] = []
    for it in items:
        if lines and abs(it[0] - lines[-1][0][0]) <= max(it[1], lines[-1][0][1]) / 2:
            lines[-1].append(it)
        else:
            lines.append([it])
    return ["".join(t for *_, t in sorted(line, key=lambda x: x[2])) for line in lines]


def ocr_pages(path: Path, pages: list[int], progress: bool = True) -> dict[int, list[str]]:
    """Recognised text lines of the given 1-based pages of a PDF, normalised."""
    import numpy as np
    import pypdfium2 as pdfium
    from tqdm import tqdm

    engine = _engine()
    out: dict[int, list[str]] = {}
    pdf = pdfium.PdfDocument(str(path))
    try:
        bar = tqdm(pages, desc=f"OCR {path.name}", unit="页", disable=not progress, leave=False)
        for pno in bar:
            image = pdf[pno - 1].render(scale=DPI / 72).to_pil().convert("RGB")
            with _LOCK:  # one recognition at a time: the models use every core already
                result, _ = engine(np.asarray(image)[:, :, ::-1])  # RGB → BGR as OpenCV expects
            out[pno] = [chinese_punctuation(x) for x in _lines(result) if x.strip()]
    finally:
        pdf.close()
    return out
