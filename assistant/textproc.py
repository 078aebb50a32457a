"""Chinese tokenisation for keyword search: jieba `lcut_for_search` with an industry user dictionary
and a stopword list (both data files in `assistant/data/`).

`lcut_for_search` also emits the sub-words of long words, so the query 劳动合同 still matches 劳动合同法.
A private `jieba.Tokenizer` keeps our dictionary from leaking into other users of jieba.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

import jieba

from .errors import InputError

DATA_DIR = Path(__file__).parent / "data"
jieba.setLogLevel(logging.WARNING)
_WS = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
CITATION = re.compile(r"\[(\d+(?:\s*[,，、]\s*\d+)*)\]")


def numbers_in(text: str, strip_cites: bool = True) -> set[str]:
    """Normalised numbers in a text (citation markers like [3] removed, thousands separators dropped,
    1288.80 == 1288.8). Used to check that a generated sentence states only figures of its sources.

    Use strip_cites=False for source texts (their JSON lists would look like citation markers)."""
    if strip_cites:
        text = CITATION.sub("", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    out = set()
    for m in _NUMBER.findall(text):
        f = float(m)
        out.add(str(int(f)) if f == int(f) else str(f).rstrip("0").rstrip("."))
    return out


def load_stopwords(path: Path) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and not w.startswith("#"):
            words.add(w)
    return words


def check_userdict(path: Path) -> None:
    """jieba's own loader fails with a bare message; name the file and line instead."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) > 1 and not parts[1].isdigit():
            raise InputError(f"词典 {path} 第 {n} 行格式错误（应为“词 词频 词性”）：{line!r}")


class ChineseTokenizer:
    def __init__(self, userdict: Path | None = DATA_DIR / "userdict.txt",
                 stopwords: Path | None = DATA_DIR / "stopwords.txt"):
        self._tok = jieba.Tokenizer()
        self._lock = threading.Lock()
        if userdict:
            check_userdict(userdict)
            self._tok.load_userdict(str(userdict))
        self.stopwords = load_stopwords(stopwords) if stopwords else set()
        self._tok.initialize()

    def tokenize(self, text: str) -> list[str]:
        with self._lock:  # jieba's tokenizer state is not thread-safe during lazy init
            words = self._tok.lcut_for_search(text)
        out = []
        for w in words:
            w = _WS.sub("", w).lower()
            if w and w not in self.stopwords:
                out.append(w)
        return out


@lru_cache(maxsize=1)
def default_tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer()
