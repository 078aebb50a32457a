"""Text primitives shared by every stage: the one sentence splitter, the number pattern and normaliser,
the plausible-year range, and Chinese tokenisation for keyword search (jieba `lcut_for_search` with a
user dictionary and a stopword list, both data files in `assistant/data/`, plus an industry profile's
domain terms added at run time).

`lcut_for_search` also emits the sub-words of long words, so the query 劳动合同 still matches 劳动合同法.
A private `jieba.Tokenizer` keeps our dictionary from leaking into other users of jieba.
"""
from __future__ import annotations

import hashlib
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
NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a figure in text: 1288.8, 29, 0.38
_NUMBER = NUMBER
CITATION = re.compile(r"\[(\d+(?:\s*[,，、]\s*\d+)*)\]")
# Years a statistic, a plan or a report can plausibly refer to (anything else is an ID, a count, a code).
YEAR_MIN, YEAR_MAX = 1949, 2099
YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20\d\d)(?!\d)")
# A year as a text states it: followed by 年 or 届, or standing alone (a table cell, 年份：2021, 2021—2025),
# not a figure that happens to lie in the range (2051亿美元, 2012.5, 2030台).
STATED_YEAR = re.compile(r"(?<![\d.])(?:19[4-9]\d|20\d\d)(?:(?=[年届])|(?![\d%％\u3400-\u9fff]|\.\d))")
# A period within a year as statistics name it: a month (6月, not 16月 nor 2024年6月份's year), a quarter, a half.
PERIOD = re.compile(r"(?<![\d.])(?:1[0-2]|0?[1-9])月|[一二三四]季度|[上下]半年")
SENTENCE_END = "。！？!?"
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[\.、．](?!\d))\s*")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*)")


def plausible_year(value) -> int | None:
    """The year an int/str such as 2024, "2024年", "2024.0" stands for, if it lies in the plausible range."""
    m = re.fullmatch(r"\s*(\d{4})(?:\.0)?\s*年?\s*", str(value if value is not None else ""))
    if not m:
        return None
    y = int(m.group(1))
    return y if YEAR_MIN <= y <= YEAR_MAX else None


def split_sentences(text: str, ends: str = SENTENCE_END, lines: bool = True, clean: bool = True) -> list[str]:
    """Sentences of a passage: split after each character of `ends` and (with `lines`) at line breaks.

    With `clean`, surrounding blanks, Markdown prefixes (#, -, >) and list markers such as （一） or 1.
    (which only make sense in place) are dropped; without it the pieces join back to the text."""
    text = text or ""
    if clean:
        text = re.sub(r"[ \t]*\n\s*", "\n", text)
    parts = _boundary(ends, lines).split(text)
    if not clean:
        return [p for p in parts if p.strip()]
    out = []
    for p in parts:
        p = _ENUMERATOR.sub("", _MD_PREFIX.sub("", p.strip()))
        if p:
            out.append(p)
    return out


@lru_cache(maxsize=8)
def _boundary(ends: str, lines: bool) -> re.Pattern:
    """Where one sentence ends: after a run of end marks (“？！” stays whole) and, with `lines`, after a line break."""
    e = re.escape(ends)
    return re.compile(f"(?<=[{e}])(?![{e}])" + ("|(?<=\n)" if lines else ""))


def sentence_spans(text: str, ends: str = SENTENCE_END, lines: bool = True) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences `split_sentences(text, clean=False)` returns, line breaks excluded
    and blank pieces dropped: the same splitter, for callers that address sentences by position."""
    text = text or ""
    cuts = [0] + [m.start() for m in _boundary(ends, lines).finditer(text) if 0 < m.start() < len(text)] + [len(text)]
    out = []
    for s, e in zip(cuts, cuts[1:]):
        while e > s and text[e - 1] == "\n":
            e -= 1
        if text[s:e].strip():
            out.append((s, e))
    return out


# a space as the thousands separator (近3 000亿元): one group of 1–3 digits, one space, three digits, no more digits
THOUSANDS_SPACE = re.compile(r"(?<![\d.])(\d{1,3})[ \u2009\u00a0](\d{3})(?![\d.])")


def numbers_in(text: str, strip_cites: bool = True) -> set[str]:
    """Normalised numbers in a text (citation markers like [3] removed, thousands separators dropped,
    1288.80 == 1288.8). Used to check that a generated sentence states only figures of its sources.

    Use strip_cites=False for source texts (their JSON lists would look like citation markers)."""
    if strip_cites:
        text = CITATION.sub("", text)
    text = THOUSANDS_SPACE.sub(r"\1\2", re.sub(r"(?<=\d),(?=\d{3}\b)", "", text))
    out = set()
    for m in NUMBER.findall(text):
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
        digest = hashlib.sha1()
        if userdict:
            check_userdict(userdict)
            self._tok.load_userdict(str(userdict))
            digest.update(userdict.read_bytes())
        self.stopwords = load_stopwords(stopwords) if stopwords else set()
        digest.update("\x00".join(sorted(self.stopwords)).encode("utf-8"))
        digest.update(b"t2s")  # keywords are taken from the Simplified form of the text
        self._base_digest = digest.hexdigest()
        self._tok.initialize()
        # added word -> the tokens it had before it was added: emitted with it, so that an index built
        # before the words were added still matches, and one built after matches queries of either kind.
        self.added: dict[str, list[str]] = {}

    def copy(self) -> "ChineseTokenizer":
        """An independent tokenizer with the same dictionary and added words (a copy of jieba's word
        table, ~0.1 s, instead of loading the dictionary again): adding words to it leaves this one as it is."""
        other = object.__new__(ChineseTokenizer)
        other._lock = threading.Lock()
        with self._lock:
            src = self._tok
            tok = jieba.Tokenizer(src.dictionary)
            tok.FREQ, tok.total = dict(src.FREQ), src.total
            tok.user_word_tag_tab = dict(src.user_word_tag_tab)
            tok.initialized = True
            other._tok = tok
            other.stopwords = set(self.stopwords)
            other._base_digest = self._base_digest
            other.added = {w: list(v) for w, v in self.added.items()}
        return other

    @property
    def signature(self) -> str:
        """Identifies what this tokenizer does to a text: user dictionary, stopwords and added words.
        An index records it with its keyword tokens, so a changed vocabulary is noticed and re-tokenised."""
        words = "\x00".join(sorted(self.added))
        return hashlib.sha1(f"{self._base_digest}\x01{words}".encode("utf-8")).hexdigest()[:16]

    def add_words(self, words) -> int:
        """Add domain terms (an industry profile's names and terms) to this tokenizer's dictionary;
        returns how many were new. Words of one character or with blanks are skipped."""
        new = 0
        with self._lock:
            for w in words or ():
                w = str(w).strip().lower()
                if len(w) < 2 or _WS.search(w) or w in self.added:
                    continue
                before = [t for t in self._tok.lcut_for_search(w) if t != w]
                self._tok.add_word(w, freq=max(self._tok.suggest_freq(w), 1000))
                self.added[w] = before
                new += 1
        return new

    def tokenize(self, text: str) -> list[str]:
        text = _t2s().convert(text)  # Traditional text and Simplified queries meet on the same keywords
        with self._lock:  # jieba's tokenizer state is not thread-safe during lazy init
            words = self._tok.lcut_for_search(text)
        out = []
        for w in words:
            w = _WS.sub("", w).lower()
            if w and w not in self.stopwords:
                out.append(w)
                recent = out[-8:]  # lcut_for_search puts a word's known sub-words just before it
                out += [t for t in self.added.get(w, ()) if t not in self.stopwords and t not in recent]
        return out


@lru_cache(maxsize=1)
def default_tokenizer() -> ChineseTokenizer:
    """The shared tokenizer (callers may add words to it: they leak into every other user of it)."""
    return ChineseTokenizer()


@lru_cache(maxsize=1)
def _package_tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer()  # never handed out: only copied


def private_tokenizer() -> ChineseTokenizer:
    """A tokenizer of its own with the package dictionary only, whatever words others added to theirs
    (a knowledge base adds its profile's words to one)."""
    return _package_tokenizer().copy()


# ---------------------------------------------------------------- punctuation

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# Variants that OCR models emit for Chinese punctuation.
_VARIANTS = str.maketrans({"丶": "、", "﹑": "、", "､": "、", "｡": "。", "﹒": "。", "﹐": "，", "﹔": "；",
                           "﹕": "：", "﹖": "？", "﹗": "！", "‘": "“", "’": "”", "〝": "“", "〞": "”"})
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def chinese_punctuation(text: str) -> str:
    """Chinese punctuation (OCR text, web pages): variants mapped, half-width marks next to Chinese made
    full-width, a full stop after Chinese made 。; decimals (3.5), ratios (2.46:1) and Latin text kept."""
    text = text.translate(_VARIANTS)
    for half, full in _HALF_TO_FULL.items():
        h = re.escape(half)
        text = re.sub(rf"(?<=[{_CJK}）)”’」》])\s*{h}|{h}\s*(?=[{_CJK}（(“‘「《])", full, text)
    text = re.sub(rf"(?<=[{_CJK}])\.(?!\d)", "。", text)
    text = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])", "", text)  # spaces OCR puts between characters
    return text


# ---------------------------------------------------------------- script

# Full-width digits, Latin letters and ％ (２０２５年、ＧＤＰ) read as their ASCII forms, one for one, so a text's script
# variant reaches the rules' patterns (20\d\d年) the same way; Chinese punctuation (，。：（）) is left as it is.
_FULL_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
_FULL_WIDTH[0xFF05] = ord("%")
_PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")  # 運(yùn)行: reading aids some mirror sites insert


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _t2s_same_length(text: str) -> str:
    """Traditional characters as Simplified, one character for one (offsets keep their meaning): a phrase conversion
    that changes the length falls back to converting one character at a time."""
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        return conv
    return "".join(c2 if len(c2 := _t2s().convert(c)) == 1 else c for c in text)


def name_as_read(name: str, title: str | None) -> str:
    """A document's file name (a fallback title) written as its text was stored: ingest converts a Traditional web
    mirror to Simplified, file name and title with it, so when the stored title holds no Traditional character the
    name is converted too (a mirror's 《城市軌道交通…報告》 is not cited in Traditional beside its Simplified text);
    a title still in Traditional keeps the name as it is."""
    try:
        simple = _t2s_same_length(name)
        if simple == name or (title and _t2s_same_length(title) != title):
            return name
    except ImportError:  # OpenCC missing: nothing was converted at ingest either
        return name
    return simple


def to_simplified(text: str) -> tuple[str, list[int] | None]:
    """Text in Simplified characters for the rules, of the same length, and where each character came from (None when
    nothing changed). Traditional characters are converted one for one (OpenCC t2s, falling back to one character at a
    time where a phrase conversion would change the length), full-width digits and letters to ASCII; pinyin glosses
    inside words (運(yùn)行) are moved to the end of their line and blanked (运行…     ), so words, figures and sentences
    read whole and every finding maps back to the original."""
    in_gloss = {i for g in _PINYIN_GLOSS.finditer(text) for i in range(g.start(), g.end())}
    if in_gloss:
        order, pos = [], 0
        for line in text.split("\n"):
            span = range(pos, pos + len(line))
            order += [i for i in span if i not in in_gloss] + [i for i in span if i in in_gloss]
            pos += len(line) + 1
            if pos <= len(text):
                order.append(pos - 1)  # the line break stays where it was
        moved = "".join(" " if i in in_gloss else text[i] for i in order)  # blanked: the line reads as if it had none
    else:
        order, moved = list(range(len(text))), text
    simple = _t2s_same_length(moved).translate(_FULL_WIDTH)
    if simple == text:
        return text, None
    return simple, order


def map_span(order: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """A span of `to_simplified`'s text as a span of the original text."""
    if order is None or end <= start:
        return start, end
    idx = [order[i] for i in range(start, min(end, len(order)))]
    return (min(idx), max(idx) + 1) if idx else (start, end)


# ---------------------------------------------------------------- web-page text at ingest

_TONED = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
_GLOSS = r"[(（] ?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6} ?[)）]"
# one gloss or a run of them (國(guo)(guo): some mirrors repeat the reading) right after a character
_GLOSS_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])(?:{_GLOSS})+")
_GLOSS_ONE = re.compile(_GLOSS)
# a pinyin syllable written without tone marks (v for ü): initial + final, as the reading aids of mirror sites give it
_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                       r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|van|üan|ai|ei|ao|ou|an|en|er|in|un|"
                       r"vn|ün|ia|ie|iu|ua|uo|ui|ue|ve|üe|a|o|e|i|u|v|ü)")
_DOUBLED_COMMA = re.compile(rf"(?<=[{_CJK}%）”」》])\s*[,，]+\s*(?=[,，、。；;！？])|(?<=[，、。；！？])\s*[,，]+")


def _gloss_words(run: str) -> list[str]:
    return [g.strip("(（)） ") for g in _GLOSS_ONE.findall(run)]


def _untoned_syllable(word: str) -> bool:
    """A reading written without tones (guo, tun, lv): two letters at least, so list marks (a)(b) never count."""
    return len(word) >= 2 and not _TONED.search(word) and bool(_SYLLABLE.fullmatch(word))


def _without_glosses(texts: list[str]) -> list[str]:
    """Pinyin reading aids after characters, decided for the document: with at least three toned glosses all glosses
    go; with at least three untoned ones that are pinyin syllables (吞(tun)吐), those and the toned go; otherwise only
    the toned ones (社会（huì ）), which no ordinary text puts after a character, so “质量(kg)” stays."""
    words = [w for t in texts for m in _GLOSS_AFTER_CJK.finditer(t) for w in _gloss_words(m.group())]
    if sum(1 for w in words if _TONED.search(w)) >= 3:
        def keep(w: str) -> bool:
            return False
    elif sum(1 for w in words if _untoned_syllable(w)) >= 3:
        def keep(w: str) -> bool:
            return not (_TONED.search(w) or _untoned_syllable(w))
    else:
        def keep(w: str) -> bool:
            return not _TONED.search(w)

    def strip(m: re.Match) -> str:
        return "".join(g for g in _GLOSS_ONE.findall(m.group()) if keep(g.strip("(（)） ")))
    return [_GLOSS_AFTER_CJK.sub(strip, t) for t in texts]


# What a glossed mirror leaves where its page was decoded one byte off (a two-byte charset read from the second byte
# of a character): the reading aid no longer follows a character but a “?” (an unreadable byte pair), an ASCII letter
# or symbol (the second byte of the character it glossed), or the bracket is gone (總?cè)藬?shù), 《督y(tǒng)计,
# 問(wèn)題?,F(xiàn)在, 河?xùn)|). The characters lost are not recoverable: the run, from the “?” that began it (at most
# eight characters before) to the reading's closing bracket and a stray symbol byte after it, is one U+FFFD.
_DAMAGED_GLOSS = re.compile(r"(?:[?？][^\s。；“”]{0,8}?)?(?:(?<=\S)[(（]|(?<![(（\sA-Za-z\u00c0-\u024f]))"
                            r"[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）][@\[\\\]^_`{|}~]?")
REPLACEMENT = "\ufffd"  # a character no charset could read: marks text that must not be quoted as it stands


def _mark_damaged_glosses(texts: list[str]) -> list[str]:
    """A document's texts without their reading aids (`_without_glosses`) and, for a glossed mirror (at least three
    toned readings), with each reading a misread byte left behind and the characters it garbled as one U+FFFD (see
    `_DAMAGED_GLOSS`). Other documents keep such text: a name such as Óskarsdóttir, a reading written apart
    (Beijing (běijīng)) stay."""
    stripped = _without_glosses(texts)
    if sum(len(_TONED.findall(m.group())) for t in texts for m in _GLOSS_ONE.finditer(t)) < 3:
        return stripped
    return [_DAMAGED_GLOSS.sub(REPLACEMENT, t) for t in stripped]


def clean_page_texts(texts: list[str]) -> list[str]:
    """One document's texts with the marks some web mirrors leave, decided for the document as a whole:
    pinyin reading aids after characters (運(yùn)行, 吞(tun)吐; see `_without_glosses`), readings a misread byte left
    behind with the characters it garbled (one U+FFFD each, see `_mark_damaged_glosses`), Traditional characters
    (converted to Simplified when at least 5 characters and 2 % of the Chinese characters differ, so a stray 乾 or 著
    in a Simplified text stays) and doubled commas (“增长,，” “行走,、对话”) next to Chinese text."""
    texts = _mark_damaged_glosses(texts)
    try:
        simple = [_t2s_same_length(t) for t in texts]
    except ImportError:  # OpenCC missing: the text stays as it is
        simple = texts
    cjk = sum(len(re.findall(rf"[{_CJK}]", t)) for t in texts)
    changed = sum(a != b for t, st in zip(texts, simple) for a, b in zip(t, st))
    if changed >= 5 and changed >= 0.02 * max(cjk, 1):
        texts = simple
    return [_STRIPPED_ENTITY.sub(lambda m: _ENTITY_CHARS[m.group(1)], _DOUBLED_COMMA.sub("", t)) for t in texts]


# an HTML entity whose & and ; a copy lost, between figures or Chinese characters (2020mdash2024年): the mark it stood for
_ENTITY_CHARS = {"mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”"}
_STRIPPED_ENTITY = re.compile(rf"(?<=[\d{_CJK}])({'|'.join(_ENTITY_CHARS)})(?=[\d{_CJK}])")
