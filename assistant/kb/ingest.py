"""Ingest: load source files (PDF, DOCX, XLSX/CSV, Markdown, TXT, HTML) into `LoadedDocument`s.

Each loader keeps what later stages need: page numbers (PDF), heading paths (DOCX/Markdown/HTML),
table rows as whole blocks, and the tables themselves as structured rows for analysis.
Every failure is an `InputError` whose message says why, in Chinese, so the caller can report
"file: reason" and go on with the rest.
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from ..errors import InputError
from ..textproc import clean_page_texts
from .ocr import MIN_TEXT_CHARS
from ..types import Block, LoadedDocument
from . import tables as tbl

# pypdf/pdfminer log every malformed object; the failure is reported once per file instead.
for _name in ("pypdf", "pdfminer"):
    logging.getLogger(_name).setLevel(logging.ERROR)

# Part of an index's chunking identity (with chunking.CHUNKER_VERSION): a change of how files are read
# (text order, joined lines, headings) re-reads every file. Bump it with any such change: the index keeps
# a file's chunks while the file's sha256 and this identity are unchanged, so an index built before the
# change would go on answering from the old reading (an index built before eeab7e6 kept a PDF paragraph
# cut in two, and a chat answer changed with the cache).
READER_VERSION = "14"  # 14: a space-separated table's lines are rows (their columns read when they align), a short headline ending on a quoted word stands apart, an HTML entity that lost its & and ; (2020mdash2024) is its mark, and three or more names separated by commas are an author line, not a title (drafting round 17); 13: an outlet's byline (某某日报记者 某某) is not a title (drafting round 16); 2: eeab7e6, a wrapped enumerated PDF paragraph is joined, not taken for a heading; 3: web mirrors' pinyin glosses, Traditional characters and doubled commas cleaned (textproc.clean_page_texts); 4: one-cell-per-line TXT/Markdown tables read back as rows (round 20); titles only from before the body, an article's front matter skipped, an affiliation line apart from the body; 5: untoned pinyin readings (吞(tun)吐) removed when a document has several, a page's metadata line and a space-separated author line are not titles (sixth-industry probe); 6: a bare date line (2025-12-12 星期五) is front matter, not a title; 7: pipe-table rows without a left border (北京 | 8000 | 9000 |) read as rows when two or more run together (seventh-industry probe); 8: a table's header row or caption (第2页表1：岗位 | 供需比) is never a title, and a short line after an opening sentence is a sub-heading (round 8); 9: a byline (文/某某, 记者 某某) and a lone author name above the body are not titles, a title's footnote * dropped, a document number line (国函〔2020〕47号) is not a title, 摘要： begins its own block (eighth-industry probe); 10: a byline stays in the indexed text; 11: a kicker ending in a dash (引题——) gives way to the main title below it, and a TXT's first line that ends as a sentence is not its title (ninth-industry probe); 12: a glossed mirror's readings left behind by a misread byte, with the characters it garbled, are one U+FFFD (textproc._mark_damaged_glosses, drafting round 15), and a date line led by 发表于 is front matter, not a title

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv",
             ".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html"}

_YEAR_RE = re.compile(r"(?<!\d)(20[0-4]\d|19[89]\d)(?!\d)")
_PUB_RE = re.compile(r"(?:发布|印发|编制|时间|日期|发布时间|发布日期)[：:\s]*((?:19|20)\d\d)\s*年")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# Chinese official numbering: 一、 （一） 第X章 — a short line starting this way is a heading.
_CN_HEADING = [
    (1, re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章部分篇]\s*\S")),
    (1, re.compile(r"^[一二三四五六七八九十]+、\s*\S")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*\S")),
]


def file_type(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


_CHINESE_ENCODINGS = ("gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950")
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a decoding is not trusted
MIN_MARGIN = 0.03  # language-coherence lead the chosen single-byte encoding needs over a differing rival


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding: UTF-8 (with or without BOM) strictly first, then a real
    detector (charset-normalizer). Among its plausible candidates a Chinese encoding (GB18030 family
    or Big5) is preferred, so that Big5 is not read as GB18030 mojibake and a short GBK file is not
    taken for Korean; a Western text gets the detector's choice (cp1252 for Latin-1, cp1250 for
    Central European). When no decoding is plausible the file is refused with the reason (the ingest
    report lists it) instead of indexing garbage.
    """
    if not data:
        return "", "empty"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = [m for m in from_bytes(data) if m.chaos <= MAX_CHAOS and not
               (m.encoding.startswith(("utf_16", "utf_32")) and not m.bom)]
    if not results:
        best = from_bytes(data).best()
        guess = f"最可能是 {best.encoding}，但解码后乱码比例 {best.chaos:.0%}" if best else "没有可用的候选编码"
        raise InputError(f"无法可靠识别文本编码（{guess}），未导入；请将文件另存为 UTF-8 后重新导入")
    chinese = next((m for m in results if m.encoding in _CHINESE_ENCODINGS), None)
    if chinese is not None:
        return str(chinese), chinese.encoding
    best = results[0]
    rival = next((m for m in results[1:] if str(m) != str(best)), None)
    if rival is not None and best.coherence - rival.coherence < MIN_MARGIN:
        raise InputError(f"文本编码识别置信度低（可能是 {best.encoding}，也可能是 {rival.encoding}，两者解码结果不同），"
                         f"未导入；请将文件另存为 UTF-8 后重新导入")
    return str(best), best.encoding


def find_year(head: str | None, file_name: str | None = None) -> int | None:
    """The document's year: a publication line (发布时间：2025年1月) first, then a year in the file name,
    then the latest year mentioned at the head of the text. Years after this one are targets
    (规划到2035年), not publication years, and are ignored."""
    this_year = date.today().year
    if head:
        m = _PUB_RE.search(head[:600])
        if m and int(m.group(1)) <= this_year:
            return int(m.group(1))
    for text in (file_name, head[:600] if head else None):
        years = [int(y) for y in _YEAR_RE.findall(text or "") if int(y) <= this_year]
        if years:
            return max(years)
    return None


def _heading_level(line: str) -> tuple[int, str] | None:
    m = _MD_HEADING.match(line)
    if m:
        return len(m.group(1)), m.group(2).strip()
    s = line.strip()
    # a heading holds no sentence end: “（二）结构不匹配。面向……” is an enumerated paragraph (in a PDF, its first
    # visual line), not a heading
    if len(s) <= 40 and not re.search(r"[。；！？]", s):
        for level, rx in _CN_HEADING:
            if rx.match(s):
                return level, s
    return None


# A line this short with no end punctuation stands apart from the lines around it (TXT/Markdown).
STANDALONE_CHARS = 20
_LINE_END = re.compile(r"[。；！？，、：:;,.!?）)」”’…—]$")


# a headline that ends on a quoted word (工作五年身价翻倍，百万年薪“比较容易”; 打造“某某硅谷”): at most this long, with no
# sentence end or colon before its closing mark, it stands apart too, not run into the quotation that opens the next line
QUOTED_HEADLINE_CHARS = 40
_QUOTED_HEADLINE = re.compile(r"[^。！？!?；;：:]+[”」』]")


def _quoted_headline(s: str) -> bool:
    return len(s) <= QUOTED_HEADLINE_CHARS and bool(_QUOTED_HEADLINE.fullmatch(s))


def _standalone_line(line: str) -> bool:
    s = line.strip()
    # an affiliation line ((某研究院,北京 100088), 某学院 某市 100088) stands apart too: it is not the start of the
    # body's first paragraph; so does a page's date line, however long (发表于 2025-08-31 18:38:10 is no part of the title)
    return ((0 < len(s) <= STANDALONE_CHARS and not _LINE_END.search(s)) or _quoted_headline(s) or bool(_AFFILIATION.fullmatch(s))
            or bool(_AFFILIATION_BARE.match(s)) or bool(_DATE_LINE.fullmatch(s)))


def _blocks_from_lines(lines: Iterable[str], page: int | None = None,
                       path: list[str] | None = None,
                       short_lines_apart: bool = False) -> tuple[list[Block], list[str]]:
    """Turn plain/Markdown lines into blocks, tracking the heading path. Returns blocks and the final path.
    With `short_lines_apart`, a short line without end punctuation is a block of its own."""
    heading_path = list(path or [])
    blocks: list[Block] = []
    para: list[str] = []

    def flush():
        if para:
            text = "".join(para).strip()
            if text:
                blocks.append(Block(text=text, page=page, heading_path=list(heading_path)))
            para.clear()

    lines = list(lines)
    table_rows = tbl.pipe_rows(lines)
    space_rows = tbl.space_rows(lines)
    for k, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if k in space_rows and k not in table_rows:  # a space-separated table's row: its cells when they can be read
            flush()
            cells = space_rows[k]
            blocks.append(Block(text=" | ".join(cells) if cells else line.strip(), page=page,
                                heading_path=list(heading_path), kind="table_row"))
            continue
        h = None if k in table_rows else _heading_level(line)
        if h:
            flush()
            level, title = h
            heading_path = heading_path[: level - 1] + [title]
            blocks.append(Block(text=title, page=page, heading_path=list(heading_path), kind="heading"))
            continue
        if k in table_rows:
            flush()
            cells = tbl.pipe_cells(line)
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            blocks.append(Block(text=" | ".join(cells), page=page, heading_path=list(heading_path), kind="table_row"))
            continue
        if _FRONT_LABEL.match(line.strip()) and para:
            flush()  # 摘要： / 关键词： begins its own part: a title line above it is not run into the abstract
        if short_lines_apart and _standalone_line(line):
            # a short line without end punctuation (a sub-heading of a web page copied to TXT: 岗位类型丰富)
            # is not the start of the next sentence
            flush()
            para.append(line.strip())
            flush()
            continue
        # Markdown keeps paragraphs on several lines; Chinese needs no space when joining them.
        para.append(line.strip() if not para else line.strip())
    flush()
    return blocks, heading_path


# a numbered section heading (一、… / （一）… / 1. … / 第二章 …) names a part of the document, not the document
_SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[\.、]\D|第[一二三四五六七八九十\d]+[章节部分])")


# a table's or figure's caption or locator (表1：… / 第2页表1 / 图3-2 …), which labels a table, not the document
_TABLE_CAPTION = re.compile(r"^(?:第\d+页)?(?:续)?[表图]\s*[\d一二三四五六七八九十]+(?:[-－.．]\d+)*(?:$|[\s：:，,｜|（(])")
_SENTENCE_END = re.compile(r"[。！？!?]\s*[”’」）)]*$")


# a journal article's front matter, which names its part or its authors, not the document: 摘要 / 关键词 / 目录 lines,
# an affiliation in brackets with a postcode or an institution (（某某研究院，北京 100088）), and the author line
# (2–4-character names separated by commas) that stands right above such an affiliation (which a text file's
# paragraph joining may have run into the body)
_FRONT_LABEL = re.compile(r"^[\[【]?(?:内容)?(?:摘\s*要|关\s*键\s*[词字]|目\s*录|前\s*言|引\s*言|abstract|keywords?)\s*[\]】]?\s*[：:]?",
                          re.I)
_AFFILIATION = re.compile(r"^[（(][^（）()]{2,60}(?:\d{6}|大学|学院|研究院|研究所|研究中心)[^（）()]{0,20}[）)]")
# an affiliation line without brackets: an institution, its city and a postcode (某某学院 某省某市 100088)
_AFFILIATION_BARE = re.compile(r"^[^，。,;；]{2,40}(?:大学|学院|研究院|研究所|研究中心)[^，。,;；]{0,20}\d{6}$")
_AUTHOR_LINE = re.compile(r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}(?:\s*[,，、]\s*[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})*\d?$"
                          r"|^[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){1,7}$")  # or names separated by spaces
_NAME_LIST_SEP = re.compile(r"[\u4e00-\u9fff]\s*[,，]\s*[\u4e00-\u9fff]")  # 刘某, 车某某: a comma between two names
# a byline that credits the writer (文/某某 某某, 记者 某某, 作者：某某, an outlet's 某某日报记者 某某): it names a person,
# not the document
_BYLINE = re.compile(r"^(?:文|图|文图|图文|撰文|作者|(?:[\u4e00-\u9fff]{2,10}?)?(?:记者|通讯员|特约记者))\s*[/／|｜:：\s]\s*"
                     r"[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}(?:[\s,，、]+[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})*$")
# an official document's number on its own line (国函〔2020〕47号, 某政办发〔2025〕3号): it files the document, it does not name it
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号$")
# the closing words of a short title (通知, 年度报告, 行业概况): a 2–4-character line ending so names a document, one
# that does not and stands right above the body is its author's name (石某某 above the article's first paragraph)
_TITLE_WORD = re.compile(r"(?:报告|通知|公告|公报|意见|方案|规划|纲要|办法|决定|概况|简介|综述|总结|简报|快报|年报|月报|周报|"
                         r"要闻|动态|新闻|资讯|概述|声明|说明|指南|附件|附录|目录)$")
# a page's metadata line (时间:2020-04-09 来源:… 作者:…): it dates and credits the page, it does not name it
_META_LINE = re.compile(r"^(?:发布|更新|发表)?(?:时间|日期|来源|作者|编辑|责任编辑|浏览次数|点击数?)\s*[：:]")
# a page's bare date line, with or without its time and weekday (2025-12-12 星期五, 2024年5月6日 周一, 2025/1/16 7:53:25),
# or led by 发表于/发布于/更新于 (发表于 2025-08-31 18:38:10), or a date running into a metadata field (2025/1/16 来源:…):
# it dates the page, it does not name it
_DATE_LINE = re.compile(r"^(?:(?:发表|发布|更新)于\s*[：:]?\s*)?\d{4}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                        r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*(?:(?:星期|周|礼拜)[一二三四五六日天])?"
                        r"\s*(?:$|(?:发布|更新|发表)?(?:时间|日期|来源|作者|编辑|责任编辑|责编)\s*[：:])")


def _affiliation_line(text: str) -> bool:
    return bool(_AFFILIATION.match(text) or _AFFILIATION_BARE.match(text))


def _front_matter(blocks: list[Block], i: int) -> bool:
    text = blocks[i].text.lstrip("# ").strip()
    if _FRONT_LABEL.match(text) or _META_LINE.match(text) or _DATE_LINE.match(text) or (_affiliation_line(text) and len(text) <= 80):
        return True
    if _BYLINE.match(text) or _DOC_NUMBER.match(text):
        return True
    nxt = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
    if not _AUTHOR_LINE.match(text):
        return False
    if _affiliation_line(nxt) or _FRONT_LABEL.match(nxt) or len(_NAME_LIST_SEP.findall(text)) >= 2:
        return True  # (three or more names separated by commas list authors, with or without an affiliation below)
    # a lone name of 2–4 characters right above the body's first paragraph is its author, not its title
    body_next = i + 1 < len(blocks) and blocks[i + 1].kind == "text" and (len(nxt) > 60 or bool(_SENTENCE_END.search(nxt)))
    return len(text.replace(" ", "")) <= 4 and body_next and not _TITLE_WORD.search(text)


def _title_line_after(blocks: list[Block], i: int) -> str:
    """A newspaper's main title below its kicker (引题: 某某职业技术学院 / 三跨融合 培育某某人才): a second short line
    right after the title line, which the page's author line or front matter (not the body) follows."""
    if i + 2 >= len(blocks) or any(b.kind == "table_row" for b in blocks[i:i + 3]):
        return ""
    kicker, text = (blocks[k].text.lstrip("# ").strip() for k in (i, i + 1))
    if (any(len(t) > 30 or re.search(r"[。；;！？!?，,：:/|]", t) for t in (kicker, text)) or _SECTION_HEADING.match(text)
            or _front_matter(blocks, i + 1) or _AUTHOR_LINE.match(text)):
        return ""
    after = blocks[i + 2].text.lstrip("# ").strip()
    return text if _AUTHOR_LINE.match(after) or _front_matter(blocks, i + 2) else ""


# a newspaper's kicker (引题) that leads into its main title with a dash (某县坚持制种四十年，亟待转型升级——)
_KICKER_DASH = re.compile(r"\s*(?:——|—|－－|--)\s*$")


def _main_title_below(blocks: list[Block], i: int) -> str:
    """The main title under a dash-ended kicker: the next short line that is neither front matter nor a sentence."""
    if i + 1 >= len(blocks) or blocks[i + 1].kind in ("table_row", "table_header") or _front_matter(blocks, i + 1):
        return ""
    text = blocks[i + 1].text.lstrip("# ").strip()
    if len(text) > 40 or _SENTENCE_END.search(text) or _SECTION_HEADING.match(text):
        return ""
    return text.rstrip("*＊†‡ ")


def _title_from(blocks: list[Block], fallback: str) -> str:
    """The document's title: the first heading or short line before its body begins. Numbered section headings,
    an article's front matter and a text table's header row are skipped; a short line after the first body paragraph
    is a sub-heading, so a page that opens with its body keeps the fallback (the file name). A table's rows, header
    and caption (第2页表1：岗位 | 供需比, 表3 各省布点) locate or label a table: they never name the document."""
    for i, b in enumerate(blocks[:5]):
        if b.kind in ("table_row", "table_header"):  # a table's header row names columns, not the document
            continue
        text = b.text.lstrip("# ").strip()
        if _SECTION_HEADING.match(text) or _front_matter(blocks, i) or _TABLE_CAPTION.match(text):
            continue
        if b.kind == "heading" or (len(b.text) <= 60 and not b.text.endswith("。")):
            if _KICKER_DASH.search(text):  # a kicker (引题) ending in a dash: the main title is the line below it
                main = _main_title_below(blocks, i)
                return main or _KICKER_DASH.sub("", text)
            nxt = _title_line_after(blocks, i)
            text = text.rstrip("*＊†‡ ")  # a journal title's footnote mark (…研究*: the funding note)
            return f"{text} {nxt}" if nxt else text
        if b.kind != "heading" and (len(b.text) > 60 or _SENTENCE_END.search(b.text)):
            break  # the body has begun: a short line after a sentence is a sub-heading
    return fallback


# A table copied from a web page or PDF often arrives one cell per line: a header of labels, then rows of
# a label (a year, a name) and figures. Such a run of short lines is read back as a table (one row per
# unit, under its header) instead of being packed into units of bare numbers with no column names.
CELL_CHARS = 16  # a cell line is at most this long, with no sentence end
CELL_MIN_COLUMNS = 3
CELL_MIN_ROWS = 2
_FIGURE_CELL = re.compile(r"[-+−]?\d[\d,，]*(?:\.\d+)?[%％]?|[-—–…]+")


def _cell_like(b: Block) -> bool:
    return b.kind == "text" and 0 < len(b.text) <= CELL_CHARS and not re.search(r"[。；！？;!?]", b.text)


def _cell_tables(blocks: list[Block]) -> list[Block]:
    """Runs of one-cell-per-line text read back as table rows (Markdown-style: the first row is the
    header, table=None): n leading label cells (no figure) form the header, then each group of n cells
    whose last n-1 are figures is a row; the run stops at the first group that is not."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if not _cell_like(b):
            out.append(b)
            i += 1
            continue
        j = i
        while j < len(blocks) and _cell_like(blocks[j]) and blocks[j].heading_path == b.heading_path \
                and blocks[j].page == b.page:
            j += 1
        cells = [x.text.strip() for x in blocks[i:j]]
        n = next((k for k, c in enumerate(cells) if _FIGURE_CELL.fullmatch(c)), len(cells))
        rows = []
        if n >= CELL_MIN_COLUMNS:
            k = n
            while k + n <= len(cells) and all(_FIGURE_CELL.fullmatch(c) for c in cells[k + 1:k + n]):
                rows.append(cells[k:k + n])
                k += n
        if len(rows) < CELL_MIN_ROWS:
            out.append(b)
            i += 1
            continue
        for row in [cells[:n], *rows]:
            out.append(Block(text=" | ".join(row), page=b.page, heading_path=list(b.heading_path), kind="table_row"))
        i += n * (len(rows) + 1)
    return out


def load_text(path: Path, kind: str) -> LoadedDocument:
    text, enc = decode_bytes(path.read_bytes())
    if not text.strip():
        raise InputError("文件为空")
    lines = text.splitlines()
    blocks, _ = _blocks_from_lines(lines, short_lines_apart=True)
    blocks = _cell_tables(blocks)
    # A TXT title is its first line even without a heading marker (unless it is the only text).
    # A first line that ends as a sentence (a data page's opening 经营范围…销售。) is body, not a title.
    if kind == "txt" and len(blocks) > 1 and blocks[0].kind == "text" and len(blocks[0].text) <= 60 \
            and not _SENTENCE_END.search(blocks[0].text) and any(b.kind != "heading" for b in blocks[1:]):
        blocks[0].kind = "heading"
    doc = _doc(path, kind, blocks, encoding=enc, head=text)
    doc.tables, doc.table_meta = tbl.markdown_tables(lines)
    spaced, spaced_meta = tbl.space_tables(lines, first=len(doc.tables) + 1)
    doc.tables.update(spaced)
    doc.table_meta.update(spaced_meta)
    return doc


def load_html(path: Path) -> LoadedDocument:
    from bs4 import BeautifulSoup

    text, enc = decode_bytes(path.read_bytes())
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "nav", "footer"]):
        tag.decompose()
    blocks: list[Block] = []
    heading_path: list[str] = []
    title = soup.title.get_text(strip=True) if soup.title else None
    for el in soup.find_all(["h1", "h2", "h3", "h4", "p", "li", "tr"]):
        if el.name == "tr":
            cells = [c.get_text(" ", strip=True) for c in el.find_all(["th", "td"])]
            if any(cells):
                blocks.append(Block(" | ".join(cells), heading_path=list(heading_path), kind="table_row"))
            continue
        if el.name == "li" and el.find("p"):
            continue
        t = el.get_text(" ", strip=True)
        if not t:
            continue
        if el.name[0] == "h":
            level = int(el.name[1])
            heading_path = heading_path[: level - 1] + [t]
            blocks.append(Block(t, heading_path=list(heading_path), kind="heading"))
        else:
            blocks.append(Block(t, heading_path=list(heading_path)))
    if not blocks:
        raise InputError("HTML 中没有可提取的正文")
    doc = _doc(path, "html", blocks, encoding=enc, head=soup.get_text(" ", strip=True)[:600])
    if title:
        doc.title = title
    doc.tables, doc.table_meta = tbl.html_tables(soup)
    return doc


def load_pdf(path: Path) -> LoadedDocument:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise InputError("PDF 已加密，无法读取")
    except InputError:
        raise
    except (PdfReadError, ValueError, OSError) as e:
        raise InputError(f"PDF 文件损坏或无法解析（{type(e).__name__}）") from e
    blocks: list[Block] = []
    tables: dict[str, list[dict]] = {}
    metas: dict[str, dict] = {}
    heading_path: list[str] = []
    scanned: list[int] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for pno, page in enumerate(pdf.pages, start=1):
                found = page.find_tables()
                bboxes = [t.bbox for t in found]
                # Text outside tables; table cells are emitted as whole rows below.
                body = page
                for bb in bboxes:
                    body = body.outside_bbox(bb)
                text = body.extract_text() or ""
                if not found and len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
                    scanned.append(pno)  # no text layer: recognised below, in page order
                    blocks.append(Block("", page=pno, kind="ocr_pending"))
                    continue
                page_blocks, heading_path = _blocks_from_lines(_merge_pdf_lines(text.splitlines()), page=pno,
                                                               path=heading_path)
                blocks.extend(page_blocks)
                for ti, t in enumerate(found, start=1):
                    rows = [[(c or "").replace("\n", "") for c in r] for r in t.extract() if r]
                    if not rows:
                        continue
                    name = f"第{pno}页表{ti}"
                    blocks.extend(_table_blocks(name, rows, page=pno, heading_path=heading_path))
                    tables[name] = _rows_to_records(rows)
                    metas[name] = _pdf_table_meta(page, t.bbox, rows)
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"PDF 文件损坏或无法解析（{type(e).__name__}）") from e
    if scanned:
        blocks = _with_ocr(path, blocks, scanned)
    if not any(b.text.strip() for b in blocks):
        raise InputError("PDF 中没有可提取的文字（扫描件的页面也未识别出文字）")
    doc = _doc(path, "pdf", blocks, head="\n".join(b.text for b in blocks[:15]))
    doc.tables, doc.table_meta = tables, metas
    doc.ocr_pages = scanned
    return doc


def _pdf_table_meta(page, bbox, rows: list[list[str]]) -> dict:
    """Caption and unit of a PDF table: the last text line above it and the first line below it."""
    x0, top, x1, bottom = bbox
    try:
        above = page.crop((0, max(0, top - 48), page.width, top)).extract_text() or ""
        below = page.crop((0, bottom, page.width, min(page.height, bottom + 24))).extract_text() or ""
    except ValueError:  # a bbox at the page edge
        above = below = ""
    lines = [ln for ln in above.splitlines() if ln.strip()]
    caption = tbl.caption_from(*reversed(lines))
    return tbl.meta(rows, caption, tbl.unit_in(caption, *reversed(lines), below))


def _with_ocr(path: Path, blocks: list[Block], scanned: list[int]) -> list[Block]:
    """Replace the placeholders of scanned pages by the recognised text, keeping page numbers and
    the heading path running through the document."""
    from .ocr import ocr_pages

    text = ocr_pages(path, scanned)
    out: list[Block] = []
    heading_path: list[str] = []
    for b in blocks:
        if b.kind != "ocr_pending":
            out.append(b)
            heading_path = list(b.heading_path)
            continue
        page_blocks, heading_path = _blocks_from_lines(_merge_pdf_lines(text.get(b.page, [])), page=b.page,
                                                       path=heading_path)
        out.extend(page_blocks)
    return out


def _merge_pdf_lines(lines: list[str]) -> list[str]:
    """PDF text comes as visual lines: join a line to the previous one unless the previous ended a sentence
    or this line is a heading, so that paragraphs are not cut at every line wrap."""
    out: list[str] = []
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if out and not _heading_level(s) and not _heading_level(out[-1]) \
                and not re.search(r"[。！？；：:]$", out[-1]) and not s.startswith("|"):
            out[-1] += s
        else:
            if out and re.search(r"[。！？；]$", out[-1]):
                out.append("")  # paragraph break
            out.append(s)
    return out


def _table_blocks(name: str, rows: list[list[str]], page: int | None, heading_path: list[str]) -> list[Block]:
    """Each table row becomes one block prefixed by the header, so a row is retrievable on its own."""
    header = [str(c).strip() for c in rows[0]]
    blocks = [Block(f"{name}：" + " | ".join(header), page=page, heading_path=list(heading_path),
                    kind="table_header", table=name)]
    for r in rows[1:]:
        cells = [str(c).strip() for c in r]
        if not any(cells):
            continue
        pairs = [f"{h}：{v}" for h, v in zip(header, cells) if v]
        blocks.append(Block(f"{name}｜" + "；".join(pairs), page=page, heading_path=list(heading_path),
                            kind="table_row", table=name))
    return blocks


def _rows_to_records(rows: list[list]) -> list[dict]:
    header = [str(c).strip() if c is not None else f"列{i + 1}" for i, c in enumerate(rows[0])]
    return [dict(zip(header, r)) for r in rows[1:] if any(v not in (None, "") for v in r)]


def load_docx(path: Path) -> LoadedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise InputError(f"DOCX 文件损坏或不是 Word 文档（{type(e).__name__}）") from e
    except Exception as e:  # zipfile.BadZipFile, lxml errors
        raise InputError(f"DOCX 文件损坏（{type(e).__name__}）") from e
    blocks: list[Block] = []
    tables: dict[str, list[dict]] = {}
    metas: dict[str, dict] = {}
    heading_path: list[str] = []
    n_table = 0
    last_text, open_table = "", None  # the paragraph before a table; the table still waiting for a unit line
    for item in d.iter_inner_content():
        if isinstance(item, Paragraph):
            t = item.text.strip()
            if not t:
                continue
            if open_table is not None and not metas[open_table]["unit"]:
                metas[open_table]["unit"] = tbl.unit_in(t)
            open_table, last_text = None, t
            style = (item.style.name if item.style is not None else "") or ""
            m = re.match(r"(?:Heading|标题)\s*(\d)", style)
            if style == "Title":
                blocks.append(Block(t, heading_path=[t], kind="heading"))
                heading_path = []
                continue
            level = int(m.group(1)) if m else None
            if level is None:
                h = _heading_level(t)
                level = h[0] if h else None
            if level:
                heading_path = heading_path[: level - 1] + [t]
                blocks.append(Block(t, heading_path=list(heading_path), kind="heading"))
            else:
                blocks.append(Block(t, heading_path=list(heading_path)))
        elif isinstance(item, Table):
            n_table += 1
            rows = [[c.text.strip() for c in r.cells] for r in item.rows]
            if rows:
                name = f"表{n_table}"
                blocks.extend(_table_blocks(name, rows, page=None, heading_path=heading_path))
                tables[name] = _rows_to_records(rows)
                caption = tbl.caption_from(last_text)
                metas[name] = tbl.meta(rows, caption, tbl.unit_in(caption, last_text))
                open_table = name
    if not blocks:
        raise InputError("文件为空")
    core = d.core_properties
    doc = _doc(path, "docx", blocks, head="\n".join(b.text for b in blocks[:15]))
    if core.title and core.title.strip() != path.stem:  # generators often store the file name as the title
        doc.title = core.title.strip()
    if doc.year is None and core.created:
        doc.year = core.created.year
    doc.tables, doc.table_meta = tables, metas
    return doc


def load_sheet_file(path: Path, kind: str) -> LoadedDocument:
    """XLSX (every sheet) or CSV: each table's rows become blocks; the table is kept as records."""
    import pandas as pd

    frames: dict[str, "pd.DataFrame"] = {}
    if kind == "csv":
        text, enc = decode_bytes(path.read_bytes())
        if not text.strip():
            raise InputError("文件为空")
        try:
            frames[path.stem] = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, csv.Error) as e:
            raise InputError(f"CSV 格式错误（{e}）") from e
    else:
        enc = None
        try:
            book = pd.read_excel(path, sheet_name=None, header=None, dtype=str)
        except Exception as e:  # openpyxl raises many types for a damaged zip
            raise InputError(f"XLSX 文件损坏或无法读取（{type(e).__name__}）") from e
        for sheet, raw in book.items():
            raw = raw.fillna("").astype(str)
            raw = raw.loc[raw.apply(lambda r: any(v.strip() for v in r), axis=1)]
            if raw.empty:
                continue
            # A title row (one filled cell) above the header is common in statistical tables.
            start = 0
            while start < len(raw) - 1 and (raw.iloc[start] != "").sum() <= 1:
                start += 1
            header = [h.strip() or f"列{i + 1}" for i, h in enumerate(raw.iloc[start])]
            df = raw.iloc[start + 1:].copy()
            df.columns = header
            df.attrs["caption"] = raw.iloc[0][raw.iloc[0] != ""].iloc[0] if start > 0 else ""
            frames[str(sheet)] = df
    if not frames:
        raise InputError("文件为空")
    blocks: list[Block] = []
    tables: dict[str, list[dict]] = {}
    metas: dict[str, dict] = {}
    for name, df in frames.items():
        caption = df.attrs.get("caption") or name
        rows = [list(df.columns)] + df.astype(str).values.tolist()
        hp = [caption]
        blocks.append(Block(caption, heading_path=hp, kind="heading"))
        blocks.extend(_table_blocks(caption if caption != name else name, rows, page=None, heading_path=hp))
        tables[name] = df.to_dict(orient="records")
        cap = df.attrs.get("caption") or ""
        metas[name] = tbl.meta([list(df.columns)], cap, tbl.unit_in(cap))
    doc = _doc(path, kind, blocks, encoding=enc, head="\n".join(b.text for b in blocks[:3]))
    doc.tables, doc.table_meta = tables, metas
    return doc


def _doc(path: Path, kind: str, blocks: list[Block], encoding: str | None = None, head: str = "") -> LoadedDocument:
    # web mirrors' pinyin glosses, Traditional characters and doubled commas, decided for the whole document
    before = [b.text for b in blocks]
    stem, *cleaned = clean_page_texts([path.stem, *before])  # the file name (a fallback title) read alike
    after = dict(zip(before, cleaned))
    for b in blocks:
        b.text = after[b.text]
        b.heading_path = [after.get(h, h) for h in b.heading_path]
    title = _title_from(blocks, stem)
    _keep_bylines(blocks)
    return LoadedDocument(source=path.name, path=str(path.resolve()), title=title,
                          year=find_year(head, path.name), file_type=kind, blocks=blocks, encoding=encoding)


def _keep_bylines(blocks: list[Block]) -> None:
    """A byline or a lone author name at the top (文/某某 某某, 石某某) is not the title, but it is the only place the
    index holds the author: read as a heading (a short line) it would reach no chunk's text, and a question asked by
    author (某某的文章说……) would lose its document (fresh19 yx10, after READER_VERSION 9). Keep it as text, so the
    chunker runs it into the first paragraph."""
    for i, b in enumerate(blocks[:5]):
        text = b.text.lstrip("# ").strip()
        if b.kind == "heading" and (_BYLINE.match(text) or _AUTHOR_LINE.match(text)) and _front_matter(blocks, i):
            b.kind = "text"


LOADERS: dict[str, Callable[[Path], LoadedDocument]] = {
    "pdf": load_pdf,
    "docx": load_docx,
    "xlsx": lambda p: load_sheet_file(p, "xlsx"),
    "csv": lambda p: load_sheet_file(p, "csv"),
    "md": lambda p: load_text(p, "md"),
    "txt": lambda p: load_text(p, "txt"),
    "html": load_html,
}


def load_file(path: str | Path, source: str | None = None) -> LoadedDocument:
    """Load one file. Raises InputError with a Chinese reason for empty, corrupt, encrypted or unsupported files."""
    p = Path(path)
    kind = file_type(p)
    if kind is None:
        raise InputError(f"不支持的文件类型 {p.suffix or '（无扩展名）'}，支持：{', '.join(sorted(set(SUPPORTED)))}")
    if not p.is_file():
        raise InputError("文件不存在")
    if p.stat().st_size == 0:
        raise InputError("文件为空")
    doc = LOADERS[kind](p)
    doc.source = source or p.name
    doc.sha256 = sha256_file(p)
    return doc


def discover(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Expand folders into files. Returns (path, source name) pairs; the source name is the path
    relative to the folder given (POSIX), or the file name for a file given directly.
    Unsupported files inside folders are returned too, so that they are reported, not silently skipped;
    hidden files and lock files (~$x.docx) are skipped."""
    out: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts) \
                        and not f.name.startswith("~$"):
                    out.append((f, f.relative_to(p).as_posix()))
        else:
            out.append((p, p.name))
    return out
