"""Evidence: retrieve each section's (profile-expanded) queries from the knowledge base and select
usable, relevant, recent sentences from several sources without repeats."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..kb.tables import row_prose
from ..outline import Section
from ..textproc import NUMBER, REPLACEMENT, SENTENCE_END, THOUSANDS_SPACE, YEAR, chinese_punctuation, numbers_in, split_sentences


def retrieve_evidence(kb, section: Section, per_query: int = 6, names: tuple[str, ...] = ()) -> list[dict]:
    """Search with every query of the section; returns hits (as dicts) with the query index and the query's
    topic: the query without the industry's own `names`, which every passage of the group's knowledge
    base is about, so they say nothing about whether a sentence fits the section."""
    if kb is None or not section.queries:
        return []
    f = section.filters or {}
    seen: dict[str, dict] = {}
    for qi, q in enumerate(section.queries):
        try:
            hits = kb.search(q, top_k=per_query, year_min=f.get("year_min"), year_max=f.get("year_max"),
                             sources=f.get("sources"))
        except TypeError:
            hits = kb.search(q, top_k=per_query)
        for rank, h in enumerate(hits):
            d = h.to_dict() if hasattr(h, "to_dict") else dict(h)
            if d["chunk_id"] not in seen:
                d["query_index"], d["rank"], d["query"] = qi, rank, q
                d["topic"] = query_topic(q, names)
                seen[d["chunk_id"]] = d
            else:  # found again by another query: its sentences are judged against that query too
                seen[d["chunk_id"]].setdefault("also", []).append(
                    {"query_index": qi, "rank": rank, "query": q, "topic": query_topic(q, names)})
    hits = list(seen.values())
    defined: dict[str, dict[str, str]] = {}  # source -> its short titles, read once per source
    for d in hits:
        short = document_short_names(kb, d.get("source") or "", d.get("text") or "", defined)
        if short:
            d["short_names"] = short
    return hits


def document_short_names(kb, source: str, text: str, defined: dict | None = None) -> dict[str, str]:
    """Short titles (《行动方案》) a passage uses that its document defined in another chunk (《某某行动方案（2025-2027年）》
    （以下简称《行动方案》）, in the article's first paragraph): short → full title. Empty when the passage uses none
    or the knowledge base cannot list the document's chunks. `defined` keeps each source's definitions across calls."""
    used = {t for t in re.findall(r"《([^》]{1,8})》", chinese_punctuation(text))}
    if not used or not source:
        return {}
    if defined is None or source not in defined:
        store = getattr(kb, "store", None)
        try:
            chunks = store.get(store.chunk_ids(source)).values()
        except (AttributeError, TypeError):
            chunks = []
        short: dict[str, str] = {}
        for c in chunks:
            for m in _SHORT_NAME.finditer(chinese_punctuation(c.text)):
                short.setdefault(m.group(2), m.group(1))
        if defined is None:
            return {k: v for k, v in short.items() if k in used}
        defined[source] = short
    return {k: v for k, v in defined[source].items() if k in used}


def bigrams(s: str) -> set[str]:
    s = re.sub(r"[\s，。；：、“”‘’（）()《》\[\]0-9.%]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern:
    from ..analysis.tables import load_yaml

    return re.compile(load_yaml("draft_templates.yaml").get("news_dateline") or r"(?!)")


def strip_dateline(sent: str, within: int = 60) -> str:
    """A sentence without the news dateline near its start (某社北京8月9日电, 本报讯（记者…）), nor the headline
    that a page ran into it: neither is part of what the sentence states."""
    return cut_dateline(sent, within)[0]


_MONTH_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_DAY = re.compile(r"(?<!\d)\d{1,2}日")


def cut_dateline(sent: str, within: int = 60) -> tuple[str, str | None]:
    """(`strip_dateline`'s sentence, the date its cut dateline gave: “1月3日”, “” for a dateline with no date
    (本报讯), None when no dateline was cut)."""
    date = None
    for _ in range(3):
        m = _dateline().search(sent)
        if not m or m.start() > within or not sent[m.end():].strip():
            break
        d = _MONTH_DAY.search(m.group(0))
        date = d.group(0) if d else (date or "")
        sent = sent[m.end():].lstrip()
    return sent, date


@lru_cache(maxsize=1)
def _same_day() -> re.Pattern | None:
    from ..analysis.tables import load_yaml

    words = (load_yaml("draft_templates.yaml").get("relative_dates") or {}).get("same_day") or []
    return re.compile(rf"^(?:{_alt(words)})[，,]\s*") if words else None


def resolve_same_day(sent: str, date: str | None, year: int | None = None) -> str:
    """A sentence opening with 当天，/当日， (`relative_dates.same_day`) after its passage's news dateline was cut: the
    day is the dateline's (当天，某会议召开… → 2023年1月3日，某会议召开…, the year the source's when known); a dateline
    with no date leaves nothing to resolve to, and the word goes. With no dateline cut (`date` None) the sentence
    stays as it is: its day is one the source's text gives, not the dateline's."""
    pattern = _same_day()
    m = pattern.match(sent) if pattern and date is not None else None
    if not m:
        return sent
    if not date:
        return sent[m.end():]
    return f"{year}年{date}，{sent[m.end():]}" if year else f"{date}，{sent[m.end():]}"


@lru_cache(maxsize=1)
def _same_year() -> re.Pattern | None:
    from ..analysis.tables import load_yaml

    words = (load_yaml("draft_templates.yaml").get("relative_dates") or {}).get("same_year") or []
    return re.compile(rf"^(?:{_alt(words)})(?![同龄级份度])[，,]?") if words else None


def resolve_same_year(sent: str, prev: str) -> str:
    """A sentence opening with 同年 (`relative_dates.same_year`) dated by the sentence before it in its passage: the one
    year that sentence names outside 《》 (2020年印发的《…（2020-2024）》提出…。同年，某校获批… → 2020年，某校获批…).
    With no such year, or several, the sentence stays as it is (and `dangling_starts` keeps it out of a draft)."""
    pattern = _same_year()
    m = pattern.match(sent) if pattern else None
    if not m:
        return sent
    years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年", re.sub(r"《[^》]*》", "", prev)))
    if len(years) != 1:
        return sent
    rest = sent[m.end():]
    return f"{years.pop()}年{'，' if sent[m.end() - 1] in '，,' else ''}{rest}"


def evidence_sentences(text: str, year: int | None = None, short_names: dict | None = None) -> list[str]:
    """The sentences of a passage, with each table row ("表名｜列：值；…") written as the sentence it states
    and news datelines removed (a later 当天，… then dated by the dateline: `resolve_same_day`, with `year`, the
    source's, when given); half-width punctuation beside Chinese (web pages) is made full-width; a
    sentence whose figures come before promotional wording keeps only its plain head (`plain_head`)."""
    text_cn = chinese_punctuation(text)
    # short names the document defined in another chunk (`document_short_names`), then the passage's own
    short = {**(short_names or {}), **{m.group(2): m.group(1) for m in _SHORT_NAME.finditer(text_cn)}}
    # 《公报》 after 《2022年度某某公报》 in the same passage: the short title the news uses without 简称
    titles = list(dict.fromkeys(re.findall(r"《([^》]{1,60})》", text_cn)))
    for abbr in titles:
        if len(abbr) <= 6 and abbr not in short:
            full = [t for t in titles if len(t) > len(abbr) and t.endswith(abbr)]
            if len(full) == 1 and text_cn.find(f"《{full[0]}》") < text_cn.find(f"《{abbr}》"):
                short[abbr] = full[0]
    out, dated, prev = [], None, ""  # prev: the passage's sentence before (`resolve_same_year`); dated: the date of the dateline cut in the passage so far (`cut_dateline`)
    for s in split_sentences(_LIST_ELLIPSIS.sub("”等。", join_comma_cuts(_LINE_CUT.sub("", text)))):
        row = row_prose(s)
        if row:
            out.append(row)
            continue
        s, cut = cut_dateline(strip_run_in_heading(s))
        dated = cut if cut is not None else dated
        s = chinese_punctuation(strip_byline(s)).lstrip("”’」』")  # ” split off
        s = strip_byline(s)  # a photo credit's spaces (记者 某某 摄 当天，…) are gone after chinese_punctuation
        told = cut is None and _DAY.search(s)  # a day of its own (1月2日，…): a later 当天 is that day
        s = resolve_same_day(s, dated, year)
        dated = None if told else dated
        s = prev = resolve_same_year(s, prev)
        s = THOUSANDS_SPACE.sub(r"\1\2", _SOURCE_NOTE.sub("", _CJK_GAP.sub("", s)))  # 3 000亿元 reads 3000亿元
        if not business_scope(s) and not caption_or_byline(s):  # 许可项目：…, 来源：… keep their labels, by which
            # `usable` leaves them out
            s = _LIST_LABEL.sub("", s) if len(_LIST_LABEL.sub("", s)) >= 14 else s
        s = own_study(strip_briefing(strip_connective(s)))
        for abbr, full in short.items():
            if f"《{abbr}》" in s and f"简称《{abbr}》" not in s:
                s = s.replace(f"《{abbr}》", f"《{full}》")
        out.append(plain_head(s))
    return out


# a line break the index put inside a sentence, after its semicolon (…女性54名；\n26~30岁8人…): the sentence goes on; a
# list item on the next line (（二）…, 2. …, 二是…) is another sentence and stays apart. A line ending in a comma is not
# joined: on web pages that is a letter's addressee (…人民政府，) or a photo caption before the text
_LINE_CUT = re.compile(r"(?<=[；;])[ \t]*\n(?![ \t]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|\d+(?:\.\d+)*\s|第[一二三四五六七八九十\d]+[章节条部分]|[一二三四五六七八九十]是|[-*•#>|]))")


# a line ending in a comma after a long clause run (…聚集了6988家企业，从业人员超18万，\n形成了…): the index cut a long
# paragraph at a comma and the passage joined its pieces with a line break; a letter's addressee (…人民政府，) is short
_COMMA_CUT = re.compile(r"(?<=[，,])[ \t]*\n(?=[ \t]*[\u4e00-\u9fff“《（(\d])")
_COMMA_CUT_RUN = 30  # characters since the line's last sentence end or line start before the comma


def join_comma_cuts(text: str) -> str:
    """The passage with each comma-ended line that continues a long sentence joined to the next line (the index's
    chunk boundary fell inside the sentence); a short comma-ended line (an addressee, a caption) stays apart."""
    def keep(m: re.Match) -> str:
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        run = re.split(r"[。！？；!?;]", line)[-1]
        return "" if len(run.strip()) >= _COMMA_CUT_RUN else m.group(0)
    return _COMMA_CUT.sub(keep, text)


# a list of quoted items closed by an ellipsis, and the next sentence run on (“A”、“B”……近年来，…): the list ends there
_LIST_ELLIPSIS = re.compile(r"”(?:……|…|\.\.\.|。。。)(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _bylines() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("bylines") or {}
    return (tuple(re.compile(p) for p in spec.get("strip") or []), tuple(re.compile(p) for p in spec.get("drop") or []))


def strip_byline(sent: str) -> str:
    """A sentence without the byline at its head (某报（记者某某）…; （某某）记者3日从某部获悉，…; a photo credit
    某社记者 某某 摄 run into it: `bylines.strip` in draft_templates.yaml): who wrote the page, not what it states.
    A head whose removal leaves under 14 characters stays (the sentence is then judged as it is)."""
    for _ in range(3):
        for p in _bylines()[0]:
            m = p.match(sent)
            if m and m.end() and len(sent) - m.end() >= 14:
                sent = sent[m.end():]
                break
        else:
            break
    return sent


def caption_or_byline(sent: str) -> bool:
    """A photo caption (图为…, （摄影：某某）, 某某 摄) or an editor's, author's or source line (责任编辑：…, 来源：…:
    `bylines.drop` in draft_templates.yaml): about the page or its picture, no fact to quote."""
    return any(p.search(sent) for p in _bylines()[1])


@lru_cache(maxsize=1)
def _business_scope() -> tuple[re.Pattern, ...]:
    from ..analysis.tables import load_yaml

    return tuple(re.compile(p) for p in load_yaml("draft_templates.yaml").get("business_scope") or [])


def business_scope(sent: str) -> bool:
    """A company's registered business scope (许可项目：A；B；C。/ 许可证规定经营范围内的…: `business_scope` in
    draft_templates.yaml): what it is licensed to do, no fact about the industry."""
    return any(p.search(sent) for p in _business_scope())


@lru_cache(maxsize=1)
def _own_study() -> list[tuple[str, str]]:
    from ..analysis.tables import load_yaml

    words = load_yaml("draft_templates.yaml").get("own_study_subject") or {}
    return sorted(words.items(), key=lambda kv: len(kv[0]), reverse=True)


def own_study(sent: str) -> str:
    """A source's own survey at a sentence's head (本次调查通过…收回有效问卷182份): the survey of the document the
    draft names in its lead (据《…》，), written without 本次 (`own_study_subject` in draft_templates.yaml)."""
    for word, plain in _own_study():
        if sent.startswith(word):
            return plain + sent[len(word):]
    return sent


# a PDF's title, issuer and numbered heading run into the first sentence, separated by spaces only
# (“2023 年度某某公报 某某部 一、概况 截至 2023 年末,…”): none of it is part of what the sentence states
_RUN_IN_HEADING = re.compile(r"^(?:[^\s，。,;；：:]{1,30}\s+){0,6}(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
                             r"[^\s，。,;；：:]{2,20}\s+(?=\S)")
# spaces a PDF or web page left between Chinese characters, figures and Chinese punctuation (“截至 2023 年末， 共”)
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff，。；：、（）“”])[ \t\u3000]+(?=[\u4e00-\u9fff\d，。；：、（）“”])"
                      r"|(?<=[\d%])[ \t\u3000]+(?=[\u4e00-\u9fff，。；：、）])")


# a web page's headline in black brackets run into its first sentence (【某某工资多少】在当前就业市场中，…)
_BRACKET_HEADLINE = re.compile(r"^【[^【】]{2,40}】\s*")


def run_in_heading(sent: str) -> str:
    """The document title and numbered section heading, or a page's 【headline】, run into a sentence's start
    ("" when none)."""
    m = _RUN_IN_HEADING.match(sent) or _BRACKET_HEADLINE.match(sent)
    return sent[:m.end()] if m and len(sent) - m.end() >= 14 else ""


def strip_run_in_heading(sent: str) -> str:
    """A sentence without the document title and numbered section heading run into its start."""
    return sent[len(run_in_heading(sent)):]


# the source's own reference marks (…近4 700亿元[1,2]。, a mark left at the start of the next sentence: [4]由于…,
# a superscript ^4 or ⁴): its footnotes, which the draft's citation numbers would be read as; a bracketed year
# ([2024]) has four digits and stays
_MARK = r"[\[［]\d{1,3}(?:\s*[,，、\-–~]\s*\d{1,3})*[\]］]"
_SOURCE_NOTE = re.compile(rf"(?<=[\u4e00-\u9fff%。，；”）\d]){_MARK}|^\s*{_MARK}\s*(?=[\u4e00-\u9fff“《（(\d])"
                          rf"|(?<=[\u4e00-\u9fff%。，；”）])(?:\^\s*(?:{_MARK}|\d{{1,3}})|[¹²³⁴⁵⁶⁷⁸⁹⁰]{{1,3}})")


@lru_cache(maxsize=1)
def _connective() -> re.Pattern:
    from ..analysis.tables import load_yaml

    tpl = load_yaml("draft_templates.yaml")
    words = (tpl.get("leading_connectives") or []) + (tpl.get("contrast_connectives") or [])
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:{alts})[，,]\s*") if alts else re.compile(r"(?!)")


def strip_connective(sent: str) -> str:
    """A sentence without the discourse connectives at its head (具体来看，/ 值得注意的是，/ 此外，/ 然而，…,
    `leading_connectives` and `contrast_connectives` in draft_templates.yaml): they pointed at the sentence before
    it in its source, which the draft does not quote. Content words (从区域市场看，) are no connective and stay."""
    for _ in range(3):
        rest = _connective().sub("", sent, count=1)
        if rest == sent or len(rest) < 8:
            break
        sent = rest
    return sent


@lru_cache(maxsize=1)
def _briefing() -> tuple[re.Pattern | None, tuple[re.Pattern, ...]]:
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("briefing_clauses") or {}
    date = re.compile(spec["date"]) if spec.get("date") else None
    return date, tuple(re.compile(p) for p in (*spec.get("event", []), *spec.get("intro", [])))


def _has_figure(text: str) -> bool:
    return bool(NUMBER.search(_DATE_WORDS.sub("", text)))


def strip_briefing(sent: str) -> str:
    """A sentence without the briefing's event and introduction clauses before its figure (9月18日，在某发布会上，
    某部负责人介绍…情况，上半年…: `briefing_clauses` in draft_templates.yaml): they say where and by whom the figure
    was given, which the draft's 据《…》 lead says instead. The date clause goes only with such a clause after it;
    nothing goes when a dropped clause holds a figure or what is left has none (an attribution 据…， stays)."""
    date, clauses = _briefing()
    rest, dropped = sent, 0
    m = date.match(rest) if date else None
    if m:
        rest = rest[m.end():]
    for _ in range(4):
        m = None if rest.startswith(("据", "根据")) else next((c.match(rest) for c in clauses if c.match(rest)), None)
        if not m or _has_figure(m.group(0)):
            break
        rest, dropped = rest[m.end():].lstrip(), dropped + 1
    if not dropped or len(rest) < 14 or not _has_figure(rest):
        return sent
    return rest


# a list item's label (“学历背景：”, left when the item's number went): not part of what the sentence states;
# a speaker's 显示/表示/指出… before the colon is kept
_LIST_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}(?<!显示)(?<!表示)(?<!指出)(?<!介绍)(?<!认为)(?<!提出)(?<!强调)(?<!称)(?<!说)(?<!如下)：")
# 《2023年某某报告》（以下简称《报告》）: the short name stands for the full title in the passage's other sentences
_SHORT_NAME = re.compile(r"《([^》]{4,60})》[（(](?:以下|下文)?简称《([^》]{1,8})》[）)]")


@lru_cache(maxsize=4096)
def _subjective_starts(sent: str) -> tuple[int, ...]:
    from ..check import check_text

    result = check_text(sent, report="industry-analysis", categories={"objectivity"})
    return tuple(sorted(sent.find(f.text) for f in result.findings if f.text and f.text in sent))


def plain_head(sent: str) -> str:
    """A sentence whose first clauses state figures plainly and whose later clauses turn promotional (a plan's
    “到2025年，X较2020年翻番，Y显著提升，打造标杆…”): the clauses before the first one the objectivity rules
    flag, closed with 。, when they are at least two, carry a figure and leave no quote or bracket open;
    otherwise the sentence as it is (and `usable` decides)."""
    if len(sent) < 30 or "，" not in sent or sent[-1] not in SENTENCE_END:
        return sent
    starts = _subjective_starts(sent)
    if not starts:
        return sent
    cut = sent.rfind("，", 0, starts[0])
    head = sent[:cut]
    if cut <= 0 or head.count("，") < 1 or len(head) < 20 or not NUMBER.search(head.split("，")[-1]):
        return sent
    if any(head.count(a) != head.count(b) for a, b in ("“”", "《》", "（）", "()")):
        return sent
    return head + "。"


def query_topic(query: str, names: tuple[str, ...] = ()) -> str:
    """The query with the industry's names removed (longest first); the whole query when nothing is left."""
    topic = query
    for n in sorted((n for n in names if n), key=len, reverse=True):
        topic = topic.replace(n, " ")
    return topic if bigrams(topic) else query


def relevance(sent: str, hit: dict) -> float:
    """Share of the hit's query topic (character bigrams) that the sentence contains."""
    q = bigrams(hit.get("topic") or hit["query"])
    return len(bigrams(sent) & q) / max(len(q), 1)


def best_query(sent: str, hit: dict, heading: str = "") -> tuple[float, int, int]:
    """(relevance, query index, rank) of the query, among those that retrieved the hit's passage, that the
    sentence fits best: a passage found first by one sub-topic's query may hold the sentence another asked for."""
    opts = [hit, *hit.get("also", [])]
    return max(((relevance(heading + sent, o), o["query_index"], o["rank"]) for o in opts),
               key=lambda t: (t[0], -t[2]))


def _strip_quoted(s: str) -> str:
    return re.sub(r"《[^》]*》|“[^”]*”|\"[^\"]*\"", "", s)


@lru_cache(maxsize=4096)
def flagged_as_subjective(sent: str) -> bool:
    """Ask the review checker's objectivity rules (the same rule packs reviewers use) about a candidate
    evidence sentence: a source's own promotional wording stays promotional when we restate it."""
    from ..check import check_text

    result = check_text(sent, report="industry-analysis", categories={"objectivity"})
    return bool(result.findings)


_LISTY = re.compile(r"[|\t]|^\s*[#>*-]|https?://|^\d+[\.、]|^[（(][一二三四五六七八九十\d]+[)）]|^[一二三四五六七八九十]+、")
SELF_REF = re.compile(r"(本文|本报告|本节|本章|见表|见图|如图|如表|下表|上表)")


_DATE_WORDS = re.compile(r"\d{4}\s*年(?:度)?|\d{1,2}\s*月(?:份)?|\d{1,2}\s*日|第\s*\d+\s*期")


def _matches(sent: str, patterns: list[str] | None) -> bool:
    return any(re.search(p, sent) for p in patterns or [])


def _release_only(sent: str, patterns: list[str] | None) -> bool:
    """A sentence that only says a release came out or a briefing was held (某日，某部发布某月数据速报。/ 某日，某办举行
    发布会，介绍上半年情况。): one of the `release_only` patterns, and no figure besides its dates."""
    return _matches(sent, patterns) and not _has_figure(sent)


@lru_cache(maxsize=1)
def _relative_dates() -> tuple[dict, re.Pattern | None, re.Pattern | None, dict]:
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("relative_dates") or {}
    years, heads = dict(spec.get("years") or {}), dict(spec.get("heads") or {})
    periods = sorted(spec.get("periods") or [], key=len, reverse=True)
    words = re.compile("|".join(re.escape(w) for w in sorted(years, key=len, reverse=True))) if years else None
    # a period with no year (nor 第/a digit) just before it
    bare = re.compile(rf"(?<![年第\d])(?:{'|'.join(re.escape(p) for p in periods)})") if periods else None
    return years, words, bare, heads


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _recent_words() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(a recent-date word 近日/日前, the same word after a preposition 截至/自 that needs it) from `relative_dates`."""
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("relative_dates") or {}
    recent, bound = spec.get("recent") or [], spec.get("recent_bound") or []
    if not recent:
        return None, None
    return re.compile(_alt(recent)), (re.compile(rf"(?:{_alt(bound)})(?:{_alt(recent)})") if bound else None)


def recent_dates(sent: str, year: int | None, relative_ok: bool = True) -> str | None:
    """The sentence with its recent-date words (近日, 日前: `relative_dates.recent` in draft_templates.yaml) written as
    its source's year (近日，某部公布了… → 2024年，某部公布了…) when the year is known and sure (`relative_ok`), else
    without the word (某部近日公布了… → 某部公布了…); None when the word follows a preposition that needs it (截至近日):
    the sentence would not read without it. Titles in 《》 are left as they are."""
    recent, bound = _recent_words()
    parts = re.split(r"(《[^》]*》)", sent)
    plain = "".join(parts[0::2])
    if recent is None or not recent.search(plain):
        return sent
    if bound is not None and bound.search(plain):
        return None
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if year and relative_ok:
                part = recent.sub(f"{year}年", part)
            else:  # the word and the comma closing its clause (近日，…), or the word alone inside a clause
                part = re.sub(rf"(?:^|(?<=[，,；]))(?:{recent.pattern})[，,]", "", part)
                part = recent.sub("", part)
        out.append(part)
    return "".join(out)


def absolute_dates(sent: str, year: int | None, relative_ok: bool = True) -> str | None:
    """The sentence with its relative dates (今年, 去年, a 上半年 with no year before it…: `relative_dates` in
    draft_templates.yaml) written as years of its source's `year` (今年 → 2024年, 上半年 → 2024年上半年; a head
    目前， → 截至2024年，; 近日/日前: `recent_dates`); titles in 《》 are left as they are, and so is every figure.
    None when the sentence has a relative year or an undated period and its source's year is unknown: it cannot be
    placed in time."""
    sent = recent_dates(sent, year, relative_ok)
    if sent is None:
        return None
    years, words, bare, heads = _relative_dates()
    if words:  # 去年2024年…: the year is written already, the relative word only repeats it
        sent = re.sub(rf"(?:{words.pattern})(?=[（(]?(?:19|20)\d\d\s*年)", "", sent)
    parts = re.split(r"(《[^》]*》)", sent)
    plain = "".join(parts[0::2])
    relative = bool(words and words.search(plain))
    m = bare.search(plain) if bare else None
    undated = bool(m and not YEAR.search(plain[:m.start()]))
    head = next((h for h in heads if re.match(rf"{re.escape(h)}[，,]", sent)), None)
    if not (relative or undated or head):
        return sent
    if not year or (relative and not relative_ok):
        return None if relative or undated else sent
    out, dated = [], False
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if words:
                part = words.sub(lambda w: f"{year + int(years[w.group(0)])}年", part)
            p = bare.search(part) if bare and not dated else None
            if p and not YEAR.search(part[:p.start()]):
                part = f"{part[:p.start()]}{year}年{part[p.start():]}"
            dated = dated or bool(YEAR.search(part))
        out.append(part)
    text = "".join(out)
    if head and text.startswith(head):
        text = heads[head].format(year=year) + text[len(head):]
    return text


def _anecdote(sent: str, pattern: str | None) -> bool:
    """A person's reminiscence or aside (某某回忆，… / 某某笑着说，…) that states no figure besides its dates: the
    source's story, not a fact a report can cite."""
    return bool(pattern) and bool(re.search(pattern, sent)) and not _has_figure(sent)


_PLACE_AFTER = r"(?![场域份级间块])"  # 全市场, 本区域, 全省份: no place


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    """Every province-level name and short form (provinces.yaml) -> its full name."""
    from ..analysis.tables import load_yaml

    out = {}
    for full, shorts in (load_yaml("provinces.yaml").get("provinces") or {}).items():
        for n in [full, *(shorts or [])]:
            out[n] = full
    return out


def source_province(hit: dict) -> str | None:
    """The one province the source's title or file name (its publisher: 2023_某省日报_…) names, or None."""
    from .references import clean_title

    text = clean_title(hit.get("title"), hit.get("source") or "") + " " + Path(hit.get("source") or "").stem
    found = {full for name, full in _provinces().items() if name in text}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _place_name() -> tuple[str, frozenset]:
    """The place suffixes of a city, district or county (`place_suffixes`) and the words that end so but name no
    place (`not_places`; relative_place in draft_templates.yaml)."""
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("relative_place") or {}
    return "".join(spec.get("place_suffixes") or []), frozenset(spec.get("not_places") or [])


def leading_place(text: str) -> str | None:
    """The place a title or publisher starts with (三明市人民政府办公室 → 三明市; 公安县杂交水稻… → 公安县; 广州市… →
    广州市), read without a gazetteer: its first 1–4 characters up to the first place suffix (市, 区, 县…), with a
    suffix right after it (广州 + 市); None when that head is no place (城市轨道…, 园区…: `not_places`; a word of three
    or more characters there also ends no place: …示范区) or there is none (市场, 县域 name no place either)."""
    suffixes, not_places = _place_name()
    text = re.sub(r"^(?:(?:19|20)\d\d\s*年?度?)?[《“\s]*", "", text or "")
    m = re.match(rf"^[\u4e00-\u9fff]{{1,4}}?[{suffixes}]", text) if suffixes else None
    if not m:
        return None
    head = m.group(0)
    while len(head) < len(text) and text[len(head)] in suffixes and head[-1] + text[len(head)] not in not_places:
        head += text[len(head)]  # 广州 + 市; not 三明市 + 区 (市区)
    if len(head) < len(text) and text[len(head)] in "场域":
        return None
    if head in not_places or any(len(w) >= 3 and head.endswith(w) for w in not_places):
        return None
    return head


def source_places(hit: dict) -> list[str]:
    """The places of a city, district or county the source's title and its publisher (file name 2025_<publisher>_…)
    start with, title first."""
    from ..textproc import name_as_read
    from .references import clean_title

    stem = name_as_read(Path(hit.get("source") or "").stem, hit.get("title"))
    parts = stem.split("_")
    publisher = parts[1] if len(parts) >= 3 and re.fullmatch(r"\d{4}(?:-\d{4})?", parts[0]) else ""
    places = [leading_place(clean_title(hit.get("title"), hit.get("source") or "")), leading_place(publisher)]
    return list(dict.fromkeys(p for p in places if p))


def _resolve(sent: str, word: str, name: str) -> str:
    """`word` (全市, 我县…) written as `name` wherever the place is not named right before it (三明全市 stays)."""
    stem = name[:-1] if len(name) > 2 else name  # 三明 of 三明市
    return re.sub(re.escape(word) + _PLACE_AFTER,
                  lambda m: m.group(0) if m.string.endswith((name, stem), 0, m.start()) else name, sent)


def localize(sent: str, hit: dict, tpl: dict) -> str | None:
    """A sentence whose place is named relative to its source (a provincial paper's 我省, a city's 全市, a report's
    当地): 我省/全省 become the province its source's title or publisher names; 全市/我县… the city, district or
    county the source's title or publisher starts with when it ends in the same character (全市 → 三明市); 当地 the
    source's city or county, else its one province (`relative_place` in draft_templates.yaml); None when the place
    cannot be told (no such place, a town or village word, 当地 after a word that may be a place already): a
    national report cannot quote it."""
    words = tpl.get("relative_place") or {}
    local = [w for w in words.get("local") or [] if re.search(re.escape(w) + _PLACE_AFTER, sent)]
    places = source_places(hit) if local or any(w in sent for w in words.get("source_place") or []) else []
    for w in sorted(local, key=len, reverse=True):
        name = next((p for p in places if p.endswith(w[-1])), None)
        if name is None:
            return None
        sent = _resolve(sent, w, name)
    keep = "|".join(re.escape(k) for k in words.get("keep_after") or [])
    follows = words.get("source_place_follows") or ""
    for w in words.get("source_place") or []:
        spots = [m for m in re.finditer(re.escape(w) + (rf"(?!{keep})" if keep else ""), sent)]
        if not spots:
            continue
        if _said_before(sent, spots[0].start(), follows):
            continue  # 深圳已有…，当地…: the sentence said something before it, which 当地 may point at; as found
        name = places[0] if places else source_province(hit)
        if name is None:
            return None
        sent = re.sub(re.escape(w) + (rf"(?!{keep})" if keep else ""), name, sent)
    prov = [w for w in words.get("province") or [] if _unnamed(sent, w)]
    if not prov:
        return sent
    name = source_province(hit)
    if name is None:
        return None
    for w in sorted(prov, key=len, reverse=True):
        sent = re.sub(re.escape(w) + _PLACE_AFTER,
                      lambda m: m.group(0) if _named_before(m.string, m.start()) else name, sent)
    return sent


_TIME_ONLY = re.compile(r"(?:\d{1,4}\s*(?:世纪|年代|年|月|日|号)|[上下]半年|年初|年底|年末|近年来|近几年|多年来|目前|当前|如今|"
                        r"以来|期间|前后|左右)+")


def _said_before(sent: str, at: int, follows: str) -> bool:
    """Whether the sentence states something before position `at` that a 当地 there may point at (深圳已有…，当地…;
    某市商务局统计显示，2023年当地…; 三亚当地…): a clause before it that is no time or speaker preamble, or a word in its
    own clause other than a time and one of the function characters `follows` (在当地, 2023年当地)."""
    from .sentences import load_rules

    pre = load_rules().clause_preamble
    *clauses, own = re.split(r"[，,；;：:]", sent[:at])
    for c in (c.strip() for c in clauses):
        if c and not _TIME_ONLY.fullmatch(c) and not (pre is not None and pre.match(c)):
            return True
    own = _TIME_ONLY.sub("", own.strip())
    return len(own) > 1 or (own != "" and own not in follows)


def _named_before(text: str, at: int) -> bool:
    """A province's name right before position `at` (福建全省: the place is named already)."""
    return any(text.endswith(n, 0, at) for n in _provinces())


def _unnamed(sent: str, word: str) -> bool:
    """`word` (全省, 我省…) occurs in `sent` at least once without a province's name right before it."""
    return any(not _named_before(sent, m.start()) for m in re.finditer(re.escape(word) + _PLACE_AFTER, sent))


def other_industry(sent: str, own: tuple[str, ...], tpl: dict) -> bool:
    """A sentence about another industry (全年完成某某行业业务量… in a bulletin of several sectors): it names a 行业 that
    is none of the industry's own names or terms (a title in 《》 aside, and 全/本/相关行业 not counted) and it says
    none of them either."""
    plain = re.sub(r"《[^》]*》", "", sent)
    generic = set(tpl.get("generic_industry_heads", []))
    heads = [m for m in re.findall(r"([\u4e00-\u9fff]{2,4}?)行业", plain)
             if not any(m.endswith(g) for g in generic)]
    if not heads or any(w and w in sent for w in own):
        return False
    own_bigrams = set().union(*(bigrams(w) for w in own if w)) if own else set()
    return any(not bigrams(h) & own_bigrams for h in heads)


@lru_cache(maxsize=1)
def _scope_words() -> tuple[re.Pattern | None, re.Pattern | None]:
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("wider_scope") or {}
    scopes = [*spec.get("scopes", []), *_provinces()]  # every province-level name and short form

    def alt(words):
        return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))) if words else None
    return alt(scopes), alt(spec.get("measures", []))


def wider_scope_flags(sents: list[str], own: tuple[str, ...]) -> list[bool]:
    """For a passage's sentences in order, whether each speaks of a wider scope than the industry's (上半年我国
    贸易进出口总值…: a scope word and an aggregate measure of `wider_scope` in draft_templates.yaml before its first
    figure, the figure's subject, and none of the industry's own names or terms `own` in the sentence); a sentence
    right after one, with an aggregate measure, no scope word and none of `own` either, continues its subject
    (进入6月份，进出口…。6月份的进出口规模…)."""
    scope, measure = _scope_words()
    flags, prev = [], False  # prev: the passage is speaking of a wider scope's aggregate
    for s in sents:
        plain = re.sub(r"《[^》]*》", "", s)
        # the figure's subject: what comes before the first figure (约占某市进口额的66% is a comparison base)
        first = NUMBER.search(_DATE_WORDS.sub(lambda m: "_" * len(m.group(0)), plain))
        subject = plain[:first.start()] if first else plain
        aggregate = bool(scope and measure and measure.search(subject)) and not any(w and w in s for w in own)
        scoped = bool(scope and scope.search(subject))
        prev = aggregate and (scoped or prev)
        flags.append(prev)
    return flags


def self_praise(sent: str, tpl: dict) -> bool:
    """A source praising its own work in its own voice (…提供了可复制、可推广的“某某方案”; 成效显著): one of
    `self_praise.phrases` outside quotation marks and not after a speaker's 表示/认为/指出…, (someone's view)."""
    spec = tpl.get("self_praise") or {}
    plain = re.sub(r"“[^”]*”|\"[^\"]*\"", "", sent)
    for w in spec.get("phrases") or []:
        at = plain.find(w)
        if at >= 0 and not (spec.get("speaker") and re.search(spec["speaker"], plain[:at])):
            return True
    return False


@lru_cache(maxsize=1)
def _char_ranks() -> tuple[dict[str, int], frozenset[str]]:
    """(each character's rank by its frequency over jieba's dictionary words, every two-character run inside a
    dictionary word): the common-character and common-bigram signal of `garbled`."""
    import jieba
    from collections import Counter

    counts, pairs = Counter(), set()
    with jieba.get_dict_file() as f:
        for line in f:
            parts = line.decode("utf-8").split() if isinstance(line, bytes) else line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            for c in word:
                counts[c] += freq
            pairs.update(word[i:i + 2] for i in range(len(word) - 1))
    return {c: i for i, (c, _) in enumerate(counts.most_common())}, frozenset(pairs)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def garbled(sent: str, tpl: dict) -> bool:
    """A sentence holding mojibake (a page decoded with the wrong charset: …秷蟾妗凤@示，截至…): a run of at least
    `garbled.min_run` Chinese characters no two of which, side by side, are in one dictionary word, holding
    `min_rare` characters rarer than `rare_rank`, or one rarer than `stray_rank` next to a stray symbol or Latin
    letter (`stray`) glued to the run. Names (王睿琳) have too few rare characters to count. A sentence holding
    U+FFFD (ingest's mark for characters no charset could read, e.g. a glossed mirror's misread bytes) is garbled too."""
    spec = tpl.get("garbled")
    if not spec:
        return False
    if REPLACEMENT in sent:
        return True
    ranks, pairs = _char_ranks()
    stray = re.compile(spec.get("stray") or r"(?!)")
    rank = lambda c: ranks.get(c, len(ranks))  # noqa: E731  (a character in no dictionary word: rarest)
    i, n = 0, len(sent)
    while i < n:
        if not _HAN.match(sent[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and _HAN.match(sent[j + 1]) and sent[j:j + 2] not in pairs:
            j += 1
        run = sent[i:j + 1]
        if len(run) >= spec.get("min_run", 3):
            if sum(rank(c) > spec["rare_rank"] for c in run) >= spec.get("min_rare", 2):
                return True
            glued = (i > 0 and stray.match(sent[i - 1])) or (j + 1 < n and stray.match(sent[j + 1]))
            if glued and any(rank(c) > spec.get("stray_rank", spec["rare_rank"]) for c in run):
                return True
        i = j + 1
    return False


@lru_cache(maxsize=1)
def _objectivity_vocabulary() -> dict[str, list[str]]:
    """The review checker's word classes (rules/objectivity.yaml and objectivity_lexicon.yaml `vocabulary`)."""
    import yaml

    rules = Path(__file__).resolve().parents[1] / "rules"
    vocab: dict[str, list[str]] = {}
    for name in ("objectivity.yaml", "objectivity_lexicon.yaml"):
        for k, words in (yaml.safe_load((rules / name).read_text(encoding="utf-8")).get("vocabulary") or {}).items():
            vocab.setdefault(k, []).extend(str(w) for w in words or [])
    return vocab


_DATE = re.compile(r"(?<![\d.])(?:19[4-9]\d|20\d\d)年(?:\d{1,2}月(?:\d{1,2}日)?)?|(?<![\d.])\d{1,2}月(?:\d{1,2}日)?")


def vague_fact(sent: str, tpl: dict) -> bool:
    """A statement with no figure (years and dates do not count) and no named document (《…》) whose claim rests on a
    degree, trend or evaluative word of the checker's word classes named in `vague_fact.classes` (…也在快速健全,
    …成为推动行业高质量发展的关键命题), or that names no body, event, speaker or province either (`named_anything`:
    …技术路线“百花齐放”, …紧紧咬合): filler where a status section wants figures. Quoted words are not judged."""
    spec = tpl.get("vague_fact") or {}
    if not spec.get("classes") or "《" in sent or numbers_in(_DATE.sub("", sent)):
        return False
    vocab = _objectivity_vocabulary()
    unknown = [c for c in spec["classes"] if c not in vocab]
    if unknown:
        raise ValueError(f"draft_templates.yaml vague_fact.classes: unknown word class {unknown[0]!r}")
    plain = _strip_quoted(sent)
    # a name in quotation marks (推出“快速换款”服务) is something named too
    return any(w in plain for c in spec["classes"] for w in vocab[c]) or not (
        named_anything(plain, spec) or re.search(r"“[^”]{2,12}”", sent))


@lru_cache(maxsize=8)
def _named_patterns(patterns: tuple[str, ...]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def named_anything(text: str, spec: dict) -> bool:
    """Whether a sentence names something a reader can look up: a body, an event, a region or a speaker
    (`vague_fact.named` patterns) or a province-level place (provinces.yaml). Without `named` patterns every sentence counts as naming."""
    pattern = _named_patterns(tuple(spec.get("named") or ()))
    if pattern is None:
        return True
    return bool(pattern.search(text)) or any(name in text for name in _provinces())


def reading_length(sent: str) -> int:
    """A sentence's length with each title in 《》 counted as at most 14 characters: a short title written in full
    (《行动方案》 → 《某某行动方案（2025-2027年）》) does not make a statement too long to quote."""
    return len(re.sub(r"《[^》]{12,}》", "《" + "题" * 12 + "》", sent))


def usable(sent: str, tpl: dict) -> bool:
    """A sentence that reads on its own, states no absolute claim and is no list or table fragment."""
    # a title and its verb alone (“…。”《方案》称。, the tail of a quotation split at its inner 。) state nothing
    if len(re.sub(r"《[^》]*》", "", sent)) < 8:
        return False
    if not 14 <= reading_length(sent) <= 180 or sent[-1] not in SENTENCE_END or sent[-1] in tpl.get("non_statement_ends", ""):
        return False
    if any(sent.startswith(a) for a in tpl["anaphora_starts"]):
        return False
    if any(a in sent for a in tpl.get("anaphora_anywhere", [])):
        return False
    if any(w in _strip_quoted(sent) for w in tpl["banned_words"]):
        return False
    if any(w in sent for w in tpl.get("ceremonial", [])) or any(w in sent for w in tpl.get("administrative", [])):
        return False
    if flagged_as_subjective(sent):
        return False
    # a plan's own preamble (根据…要求，结合…实际，制定本方案。) says why it was written, nothing about the industry
    if _release_only(sent, tpl.get("release_only")) or _matches(sent, tpl.get("preamble")):
        return False
    # a paper's aim (以期为…提供参考), an author's aside (这是一个值得思考的问题), a person's reminiscence without a figure
    if _matches(sent, tpl.get("study_aim")) or any(w in sent for w in tpl.get("rhetorical_aside", [])):
        return False
    # a news piece's hook (…上热搜; 你知道吗…), a source's praise of itself, a sentence the page's charset garbled
    if _matches(sent, tpl.get("journalistic_hooks")) or self_praise(sent, tpl) or garbled(sent, tpl):
        return False
    if _anecdote(sent, tpl.get("anecdote_speech")) or business_scope(sent) or caption_or_byline(sent):
        return False
    if "缺口" in sent and not re.search(tpl.get("gap_baseline", "口径"), sent):
        return False
    if _LISTY.search(sent) or SELF_REF.search(sent):
        return False
    if sent.count("：") > 1 or re.search(r"[A-Za-z]{12,}", sent):
        return False
    if sent.count("“") != sent.count("”"):  # a quotation cut at its inner 。: half of someone's words
        return False
    return True


def source_dates_differ(hit: dict) -> bool:
    """The source's title or file name gives more than one year (2025_某网_2024年某某统计公报: published in 2025 on
    2024): its 今年/去年 count from the publication, which the source's one `year` may not be, so they are not
    rewritten (the sentence is left out; an undated 上半年 still takes the source's year, the year its data is about)."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", f"{hit.get('title') or ''} {hit.get('source') or ''}")}
    if hit.get("year"):
        years.add(int(hit["year"]))
    return len(years) > 1


def passage_sentences(hit: dict, own: tuple[str, ...] | None = None) -> list[tuple[int, str]]:
    """(position, sentence) of a hit's passage as the draft may quote it: relative dates written as years of the
    hit's source (`absolute_dates`; a sentence that cannot be dated left out) and, given the industry's own
    names and terms `own`, no sentence stating a wider scope's figure (`wider_scope_flags`)."""
    sents = evidence_sentences(hit["text"], None if source_dates_differ(hit) else hit.get("year"), hit.get("short_names"))
    wide = wider_scope_flags(sents, own) if own is not None else [False] * len(sents)
    out = []
    for si, (s, w) in enumerate(zip(sents, wide)):
        dated = None if w else absolute_dates(s, hit.get("year"), relative_ok=not source_dates_differ(hit))
        if dated is not None:
            out.append((si, dated))
    return out


def _candidates(hits: list[dict], tpl: dict, used: set[str], admit=None,
                own: tuple[str, ...] | None = None) -> list[dict]:
    years = [h["year"] for h in hits if h.get("year")]
    ymin, ymax = (min(years), max(years)) if years else (0, 0)
    cands = []
    for h in hits:
        heading = run_in_heading(h["text"].lstrip())  # what the passage's first sentence is about, though not quoted
        for si, s in passage_sentences(h, own):
            if not usable(s, tpl) or s in used:
                continue
            s = localize(s, h, tpl)
            if s is None or s in used:
                continue
            rel, qi, rank = best_query(s, h, heading if si == 0 else "")
            if rel < 0.2 or (admit is not None and not admit(s)):
                continue
            score = (1.5 * rel + (0.6 if NUMBER.search(s) else 0.0) - 0.08 * rank
                     + (0.4 * (h["year"] - ymin) / (ymax - ymin) if h.get("year") and ymax > ymin else 0.0))
            cands.append({"text": s, "score": score, "hit": h, "pos": si, "query_index": qi})
    return cands


@lru_cache(maxsize=1)
def _local_issuer() -> tuple[re.Pattern | None, float]:
    from ..analysis.tables import load_yaml

    spec = load_yaml("draft_templates.yaml").get("issuer_levels") or {}
    pattern = spec.get("local_issuer")
    return (re.compile(pattern) if pattern else None), float(spec.get("step", 0.0))


def issuer_level(sent: str) -> int:
    """How far below the national level the body issuing what a sentence reports is (draft_templates.yaml
    `issuer_levels`): 0 for a national body or none named, 1 for a province-level one (某某省人民政府, 北京市…),
    2 for a city's (某某市人民政府办公厅), 3 for a county's or district's; the highest level named counts."""
    pattern, _ = _local_issuer()
    if pattern is None:
        return 0
    levels = []
    for m in pattern.finditer(sent):
        place = m.group("place")
        if any(place.endswith(full) for full in set(_provinces().values())) or place.endswith(("省", "自治区")):
            levels.append(1)
        else:
            levels.append(3 if place.endswith(("县", "区")) else 2)
    return min(levels, default=0)


def issuer_penalty(sent: str) -> float:
    return issuer_level(sent) * _local_issuer()[1]


def _untitled_bigrams(text: str) -> set[str]:
    """Bigrams of a sentence without its titles in 《》: two sentences quoting one document (a plan's long title written
    in full) are not alike for that."""
    return bigrams(re.sub(r"《[^》]*》", "", text))


def _repeats(c: dict, chosen: list[dict]) -> bool:
    b = _untitled_bigrams(c["text"])
    if any(len(b & _untitled_bigrams(x["text"])) / max(len(b), 1) > 0.45 for x in chosen):
        return True
    nums = numbers_in(YEAR.sub("", c["text"]))
    return bool(nums) and any(nums <= numbers_in(x["text"]) for x in chosen)


def select_evidence(hits: list[dict], section: Section, tpl: dict, budget: int,
                    used: set[str] | None = None, admit=None, own: tuple[str, ...] | None = None) -> list[dict]:
    """Pick evidence sentences: relevant, numeric, recent, from several sources, without repeats
    (within the section, and of `used` sentences already placed in other sections). `admit`
    (paragraphs.admit) keeps only the sentence types the section takes; given the industry's own names and
    terms `own`, a wider scope's figure is left out (`passage_sentences`)."""
    if not hits:
        return []
    cands = _candidates(hits, tpl, used or set(), admit, own)
    chosen: list[dict] = []
    used_sources: dict[str, int] = {}
    length = 0
    nq = max(len(section.queries), 1)
    # Round-robin over queries so every sub-topic of the section gets evidence.
    for _round in range(6):
        progressed = False
        for qi in range(nq):
            best, best_score = None, -1e9
            for c in cands:
                if c["query_index"] != qi or c in chosen or _repeats(c, chosen):
                    continue
                s = c["score"] - 0.25 * used_sources.get(c["hit"]["source"], 0)
                if section.issuer_order:  # a national document's sentence before a city's of the same kind
                    s -= issuer_penalty(c["text"])
                if s > best_score:
                    best, best_score = c, s
            if best is not None and best_score > 0.2:
                chosen.append(best)
                used_sources[best["hit"]["source"]] = used_sources.get(best["hit"]["source"], 0) + 1
                length += len(best["text"]) + 8
                progressed = True
            if length >= budget:
                break
        if length >= budget or not progressed:
            break
    # Keep the outline's topic order, and source order within a chunk.
    chosen.sort(key=lambda c: (c["query_index"], c["hit"]["chunk_id"], c["pos"]))
    return chosen
