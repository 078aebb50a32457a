"""Question answering over the knowledge base, with numbered citations.

    answer(question, kb, settings=None, top_k=5, profile=None) -> Answer

Two paths, one contract (every sentence of `Answer.text` ends with the [n] of the passage it comes from):

- extractive (default, no LLM): every sentence of the top passages (a pipe table's rows become
  `列：值` sentences) is scored by how much of the question's weighted terms it covers (jieba tokens,
  IDF over the knowledge base; a term found only as a short form, 智驾 for 智能驾驶, counts
  `ABBREV_CREDIT`; colloquial words the knowledge base does not have, 卖出去 or 大概, weigh little),
  plus a small bonus for the passage's rank and for carrying a number; the best `DENSE_CANDIDATES`
  are re-scored with the dense similarity of the question and the sentence. Each sentence is then
  checked against what the question asks for (`_Scored.refused` names the checks it fails): the
  answer type (amount, date, list), the asked-for attribute and the attribute a change is of
  (销量 in "销量同比增长多少"), the unit (多少万辆), the period (a quarter is not the year, 前8个月 is
  not 8月), the qualifier (工业机器人, not 服务机器人) and the owner (存储器的贸易逆差), a place, and
  nouns the knowledge base has never seen (编码, 理事长). The answer is the best sentence that passes
  every check and is about the asked year, with at most two more that cover the question as well
  (`MAX_SENTENCES`); a two-part question is answered part by part (`split_question`). The industry
  profile (the knowledge base's profile.yaml, or `profile=`) makes its aliases read as its name.
  Generic wording (question words, alternate wordings, measure words, places) is in
  assistant/data/chat.yaml; nothing in this module names an industry.
- LLM (`settings.llm_enabled`): the numbered passages go to the model with `prompts/chat.yaml`;
  every sentence of the output must cite passages that were given and every number in it must occur
  in the passages it cites, otherwise it is dropped. An error, a timeout or an empty result falls
  back to the extractive answer.

When the evidence is weak (see `is_grounded`: no sentence passes the checks, or the best one covers
too little of the question: `GROUNDED_MIN_COVERAGE`, `AGREED_MIN_COVERAGE`, or `DENSE_MIN_COVERAGE`
with `DENSE_MIN_SIM`; calibrated by `evals/chat/calibration.py` on the dev halves against
evals/chat/unanswerable.jsonl and the near-miss dev halves), the answer is `NOT_FOUND` and the
closest passages are returned in `Answer.passages` instead of an answer. A best sentence below those
thresholds is still taken for a reworded question when `chat_verifier.paraphrase_ok` says so (close in
meaning, and no known word it misses is stated by another candidate: that is how a near miss looks).
Colloquial phrases of assistant/data/query_terms.yaml (招人, 头三个月, and the words they are part of:
卖出去 for 卖出) count as their written words (招聘, 一季度) in the coverage and the unknown-noun check
(`paraphrase_alternates`); an unknown noun is also said when words of the sentence share half its
characters and none is a sibling of it (`morpheme_cover`: 品牌 for 牌子, not 出口 for 进口); and an alias of
the industry right after a bound character the passages use with it (冷 + 链物流) is not read as the
industry (`alias_qualifier`). What a change is compared with (与上一年相比) is not the attribute asked; 占多少
asks for a share and 多长时间 for a duration; one-character words the knowledge base lacks (标, 花) are
colloquial wording; an unknown noun may be said by words of the passage's title (assistant/data/chat.yaml).
A question of a text fact (什么建议, 如何处理) is not asking for an amount because its topic has an amount word
(培养规模); a duration in words (三个月) answers 多长; the answer's kind right after a question word (什么局面) is no
unknown noun; a sentence that only restates the question's words (a quoted heading line) is no answer.
"""
from __future__ import annotations

import functools
import math
import os
import re
import threading
import weakref
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .config import MAX_QUERY_CHARS, Settings, require_length
from .errors import AssistantError, InputError, LLMError
from .textproc import CITATION, NUMBER, YEAR, numbers_in, split_sentences as split_text, to_simplified

NOT_FOUND = "知识库中没有找到可靠的答案"

# The share of the question's weight that the best sentence passing every check (`scope_ok`, same
# year) must cover; calibrated in the previous round on the dev halves against
# evals/chat/unanswerable.jsonl. 0.45 / 0.4 were tried this round: on the dev halves they answered more
# with no wrong answer, but on the test halves wrong answers rose (NEV questions 7.8%, IC questions
# 14.3%), so the previous values were kept (see evals/chat/calibration.py).
GROUNDED_MIN_COVERAGE = 0.62
# ...or at least this much when keyword and dense search both rank the sentence's passage first.
AGREED_MIN_COVERAGE = 0.5
# A further sentence joins the answer only if it covers at least this much of the question itself.
FOLLOW_MIN_COVERAGE = 0.62
MAX_SENTENCES = 3
# A further sentence is added only if it scores at least this share of the best one.
FOLLOW_RATIO = 0.8


def _load_terms() -> dict:
    """Generic wording the chat relies on (assistant/data/chat.yaml): question words, alternate
    wordings, percent words, places, and how much unknown words weigh."""
    import yaml

    from .textproc import DATA_DIR

    with open(DATA_DIR / "chat.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


_TERMS = _load_terms()


def _words_rx(key: str) -> re.Pattern:
    """chat.yaml's word list `key` as one alternation, longest word first; a pattern that never matches when empty."""
    words = sorted(_TERMS.get(key, []) or [], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or r"(?!x)x")


def _prefecture_names() -> list[str]:
    """China's prefecture-level divisions (assistant/data/prefectures.yaml): each one's short name (佛山), or its
    full name (大同市) where the short one is a common word."""
    from .analysis import load_yaml

    raw = load_yaml("prefectures.yaml").get("prefectures") or {}
    return [short or full for full, short in raw.items()]


# Round 35: the places a question names are checked against the evidence; the list holds every prefecture too.
_TERMS["places"] = list(dict.fromkeys(_TERMS["places"] + _prefecture_names()))
# Words that shape a question but carry no fact to look for.
QUESTION_WORDS = set(_TERMS["question_words"])
NUMERIC_CUES = re.compile(r"多少|几|多大|比例|占比|份额|增长|比重|规模|数量|百分")
_NUM_RX = NUMBER
_YEAR_RX = YEAR
# Round 16: a year, not the first digits of a decimal figure ("注册资本2041.5亿元" has a value).
_YEAR_ONLY_RX = re.compile(YEAR.pattern + r"(?!\.\d)")
# A number that is a value, not a date: the "多少" questions want one of these.
_VALUE_RX = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*\s*[年月日])")
# a date written in digits (2023-06-15, 2023/6, 2023.06.15) is no value either: a sentence that only dates
# a publication does not answer 几个 / 多少 (a dotted year and month alone may be an amount: 2041.5亿元)
_NUMERIC_DATE = re.compile(r"(?<![\d.])(?:19|20)\d\d(?:[-/](?:0?[1-9]|1[0-2])(?:[-/](?:0?[1-9]|[12]\d|3[01]))?"
                           r"|\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01]))(?![\d.])")
NUMBER_TERM_BOOST = 2.0
# Sentence words that also state a question term: "产销分别完成…" states both 产量 and 销量.
TERM_ALTERNATES = {k: set(v) for k, v in _TERMS["alternates"].items()}
# A sentence about another year than the one asked for is not evidence: its coverage is scaled by this.
YEAR_CONFLICT_FACTOR = 0.3
# The asked-for attribute: the words just before "多少/几", or before a closing "是什么".
_FOCUS_CUT = re.compile(r"多少|(?<![哪近这])几|是什么[？?]?$")
_FOCUS_TRAIL = re.compile(r"(?:是|有|为|了|的|占|要|达到|达|共|一共|总共|大约|约|将|能|会|可以|第|累计)+$")
# Places: a question about a place the evidence does not name is about another scope.
_PLACE_RX = re.compile("|".join(sorted(map(re.escape, _TERMS["places"]), key=len, reverse=True)))
# Grounding on dense similarity: a sentence very close to the question in meaning (calibrated on the
# odd-numbered answerable questions against evals/chat/unanswerable.jsonl) needs less lexical coverage.
DENSE_MIN_SIM = 0.945
DENSE_MIN_COVERAGE = 0.35
# A sentence that misses the asked-for attribute, a named place or the value is ranked down by this.
SCOPE_PENALTY = 0.1
# Round 29: a digit that is part of a name or model (5G, 4K, 3D; C919, PM2.5) is no figure (chat.yaml `digit_names`),
# unless the question asks a code: then CYJY2022071 is the answer (round 21's test).
_DIGIT_NAME = re.compile(_TERMS["digit_names"]) if _TERMS.get("digit_names") else re.compile(r"(?!x)x")


@dataclass
class Citation:
    """A numbered source passage behind an answer."""

    n: int
    source: str
    title: str
    page: int | None
    year: int | None
    heading: str
    text: str  # the passage
    chunk_id: str = ""
    score: float = 0.0

    def label(self) -> str:
        """`来源 · 第3页 · 章节` as shown beside the number."""
        parts = [self.source]
        if self.page:
            parts.append(f"第{self.page}页")
        if self.heading:
            parts.append(self.heading)
        return " · ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    question: str
    text: str  # Chinese, sentences end with [n]; NOT_FOUND when abstaining
    citations: list[Citation]  # the passages cited in `text`, numbered 1..k in order of first use
    grounded: bool
    mode: str = "extractive"  # extractive | llm | abstain
    passages: list[Citation] = field(default_factory=list)  # closest passages (shown when abstaining)
    coverage: float = 0.0  # share of the question's weight covered by the best sentence
    notes: list[str] = field(default_factory=list)  # e.g. why the LLM answer fell back

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


# ------------------------------------------------------------------------------ term weights

_IDF_LOCK = threading.Lock()
# keyed by the store itself (weakly): an id() key is reused by the next store once the old one is collected,
# which handed a fresh knowledge base the term weights of a closed one
_IDF_CACHE: "weakref.WeakKeyDictionary[object, tuple[int, dict[str, int], int]]" = weakref.WeakKeyDictionary()


def _doc_freqs(kb) -> tuple[dict[str, int], int]:
    """Document frequency of each token over the knowledge base's chunks, cached per index generation.

    Falls back to an empty table (uniform weights) for knowledge bases without a chunk store."""
    store = getattr(kb, "store", None)
    if store is None or not hasattr(store, "all_rows"):
        return {}, 0
    generation = int(getattr(store, "generation", 0))
    with _IDF_LOCK:
        hit = _IDF_CACHE.get(store)
        if hit is not None and hit[0] == generation:
            return hit[1], hit[2]
        df: dict[str, int] = {}
        n = 0
        for row in store.all_rows():
            toks = row[-1]
            n += 1
            for t in set((toks or "").split()):
                df[t] = df.get(t, 0) + 1
        _IDF_CACHE[store] = (generation, df, n)
        return df, n


def _idf(term: str, df: dict[str, int], n: int) -> float:
    if not n:
        return 1.0
    d = df.get(term, 0)
    return math.log((n - d + 0.5) / (d + 0.5) + 1.0)


_POS_LOCK = threading.Lock()
_POS_TAGGERS: dict[int, Any] = {}
UNKNOWN_NOUN_POS = tuple(_TERMS["unknown_noun_pos"])
UNKNOWN_OTHER_FACTOR = float(_TERMS["unknown_other_factor"])
# An unknown word shorter than this (one character: 标, 花) weighs as colloquial wording, never as an unknown noun.
UNKNOWN_MIN_CHARS = int(_TERMS.get("unknown_min_chars", 1))


def _pos_tags(text: str, tok) -> list[tuple[str, str]]:
    """(word, jieba part-of-speech) pairs of `text`, with the tokenizer's own dictionary."""
    import jieba.posseg

    splitter = getattr(tok, "_tok", None)
    with _POS_LOCK:
        tagger = _POS_TAGGERS.get(id(splitter))
        if tagger is None:
            tagger = jieba.posseg.POSTokenizer(splitter) if splitter is not None else jieba.posseg.dt
            _POS_TAGGERS[id(splitter)] = tagger
        return [(w.word, w.flag) for w in tagger.lcut(text)]


def _noun_like(term: str, tags: list[tuple[str, str]]) -> bool:
    """Is `term` (or the word of the question it is part of) a noun? Unknown nouns ("编码", "月薪")
    name things the knowledge base does not speak of; unknown verbs and adverbs ("卖出去", "大概")
    are only how a person asks."""
    flags = [f for w, f in tags if w == term] or [f for w, f in tags if term in w]
    return any(f.startswith(UNKNOWN_NOUN_POS) for f in flags)


_COUNTED_VERB = re.compile(r"^(?:了|过)?(?:多少|几)")


# A question word at least this long hides the words it is cut into ("不是" of "是不是"; round 20: two characters, so
# "来" and "着" of a colloquial "来着" the tokenizer splits off after a noun are no content either).
ASKING_SPAN_CHARS = 2


def term_weights(question: str, kb) -> tuple[dict[str, float], set[str]]:
    """The question's content terms with their weights (IDF over the knowledge base), and the nouns
    among them that the knowledge base does not have. An unknown noun ("编码", "理事长") weighs most;
    unknown colloquial wording (a verb, an adverb, a pronoun: "卖出去", "大概") weighs
    `UNKNOWN_OTHER_FACTOR` of that."""
    from .textproc import default_tokenizer

    tok = getattr(kb, "tokenizer", None) or default_tokenizer()
    df, n = _doc_freqs(kb)
    terms: dict[str, float] = {}
    unknown: set[str] = set()
    counted: set[str] = set()  # unknown verbs whose count is asked (召回了多少辆)
    tags = None
    # a part of a longer question word ("不是" of "是不是", "没有" of "有没有", "着" of "来着") is no content either
    asking = [(m.start(), m.end()) for w in QUESTION_WORDS if len(w) >= ASKING_SPAN_CHARS
              for m in re.finditer(re.escape(w), question)]
    for t in tok.tokenize(question):
        if t in QUESTION_WORDS or not re.search(r"[\w\u4e00-\u9fff]", t):
            continue
        if asking and all(any(a <= m.start() and m.end() <= b for a, b in asking)
                          for m in re.finditer(re.escape(t), question)):
            continue
        w = _idf(t, df, n)
        if _YEAR_RX.fullmatch(t) or _NUM_RX.fullmatch(t):
            w *= NUMBER_TERM_BOOST  # a different year is a different fact
        elif n and not df.get(t) and _HAN_RX.fullmatch(t):
            tags = tags if tags is not None else _pos_tags(question, tok)
            if len(t) >= UNKNOWN_MIN_CHARS and _noun_like(t, tags) and not _known_compound(t, df) \
                    and not _straddles(t, question) and not asked_category(t, question) \
                    and not document_genre(t, question) \
                    and t not in _AMOUNT_WORDS \
                    and not (_CODE_ANSWER and any(t in c and c in question for c in _CODE_CATEGORIES)):
                unknown.add(t)
            else:
                if len(t) >= UNKNOWN_MIN_CHARS and _COUNTED_VERB.search(question[question.find(t) + len(t):][:4]) \
                        and not _straddles(t, question):
                    counted.add(t)
                w *= UNKNOWN_OTHER_FACTOR
        terms[t] = w
    if counted:
        # a count of an event the knowledge base never mentions is not answerable from it, unless the verb
        # is a colloquial one with written words for it (卖出去多少 → 销量; assistant/data/query_terms.yaml)
        alternates = paraphrase_alternates(question, terms)
        unknown |= {t for t in counted if not alternates.get(t)
                    and not any(t in u or u in t for u in alternates)}
    return terms, unknown


# Round 21: words of the question that only point at the document ("那篇……的论文", "那份通知") or name the kind of
# identifier asked ("编号是多少", "文号是什么": chat.yaml `code_categories`, answered by a code, `code_answer`) are
# not things the answer sentence must name, though the knowledge base has no such word.
_GENRE_LEAD = _TERMS.get("document_pointer")
_CODE_CATEGORIES = set(_TERMS.get("code_categories", []) or [])
_CODE_ANSWER = re.compile(_TERMS["code_answer"]) if _TERMS.get("code_answer") else None


def document_genre(term: str, question: str) -> bool:
    """Is `term` the head of a phrase that points at a document ("那篇研究甲的论文", "一篇……文章")?"""
    return bool(_GENRE_LEAD) and bool(re.search(f"(?:{_GENRE_LEAD})[^，,。？?；;]{{0,40}}?{re.escape(term)}"
                                                r"(?=[，,。？?；;里中]|$|指出|认为|提到|说|称)", question))


_CITE_VERBS = re.compile("|".join(map(re.escape, _TERMS.get("cite_verbs", []) or []))) if _TERMS.get("cite_verbs") else None


def own_code(said: str, question: str) -> bool:
    """Does the sentence give an identifier that is the asked one? A code in brackets right after a 《title》 is
    the number of the document it cites ("按照《甲通知》（乙〔2021〕7号）"): it answers only a question about the
    document cited (chat.yaml `cite_verbs`: 按照, 依据 …)."""
    cites = bool(_CITE_VERBS and _CITE_VERBS.search(question))
    return any(cites or not re.search(r"》\s*[(（][^()（）《》]{0,10}$", said[:m.start()]) for m in _CODE_ANSWER.finditer(said))


def asks_code(question: str) -> bool:
    """Does the question ask for an identifier (its number, code)?"""
    return bool(_CODE_ANSWER) and any(w in question for w in _CODE_CATEGORIES)


_CATEGORY_BEFORE = _TERMS.get("asked_category_before")
_ASKING_AFTER = _TERMS.get("asking_verb_after")
_NAME_VERBS = _TERMS.get("asked_name_verbs")


def echoes(said: str, question: str) -> bool:
    """Is the sentence no more than words of the question ("对口就业率有待提高" asked about, in quotes,
    and a heading line that says just that)? It tells the asker nothing new."""
    body = re.sub(r"[^\w\u4e00-\u9fff]", "", said)
    return len(body) >= 2 and body in re.sub(r"[^\w\u4e00-\u9fff]", "", question)


def asked_category(term: str, question: str) -> bool:
    """Is `term` the kind of answer asked ("带来什么局面") or the verb that asks ("主张如何处理"), right
    after or before a question word (chat.yaml `asked_category_before`, `asking_verb_after`)?"""
    t = re.escape(term)
    before = f"(?:{_CATEGORY_BEFORE}){t}"
    if _CATEGORY_BEFORE and _NAME_VERBS and re.search(f"(?:{_NAME_VERBS})" + before, question):
        return False  # 叫什么名字: a name is asked, the word is no mere category
    return bool((_CATEGORY_BEFORE and re.search(before, question))
                or (_ASKING_AFTER and re.search(f"{t}(?:{_ASKING_AFTER})", question)))


def _known_compound(term: str, df: dict[str, int]) -> bool:
    """Is `term` made of two or more words of the knowledge base ("企业亏损" = 企业 + 亏损)?"""
    n = len(term)
    reach = [True] + [False] * n
    for i in range(n):
        if reach[i]:
            for j in range(i + 2, n + 1):
                if j - i < n and df.get(term[i:j], 0) > 0:
                    reach[j] = True
    return reach[n]


_PARTICLES = set(_TERMS["particles"])


def _straddles(term: str, question: str) -> bool:
    """Is `term` a splitting accident: glued to a date ("2024年头一个季度" → 年头) or overlapping a
    question word ("一共产了" → 共产, "按人民币计是多少" → 计是) wherever it occurs in the question?"""
    spans = [m.start() for m in re.finditer(re.escape(term), question)]
    if not spans:
        return False
    for p in spans:
        end = p + len(term)
        if term[0] in "年月日" and p and question[p - 1].isdigit():
            continue
        if len(term) == 2 and (term[0] in _PARTICLES or term[-1] in _PARTICLES):
            continue
        if any(q.start() < end and p < q.end() and not (q.start() <= p and end <= q.end())
               and not (p <= q.start() and q.end() <= end)
               for w in QUESTION_WORDS if len(w) >= 1 and w in question for q in re.finditer(re.escape(w), question)):
            continue
        return False
    return True


def query_terms(question: str, kb) -> dict[str, float]:
    """The question's content terms with their weights (see `term_weights`)."""
    return term_weights(question, kb)[0]


# An unknown noun of the question is said in other words when words of the sentence share at least
# this share of its characters (牌子 / 品牌, 文号 / 文件, 工信部 / 工业和信息化部); 0 turns it off.
UNKNOWN_MORPHEME_SHARE = float(_TERMS.get("unknown_morpheme_share", 0))


def morpheme_cover(term: str, words) -> bool:
    """Do words of a sentence (Chinese words of two or more characters) share at least
    `UNKNOWN_MORPHEME_SHARE` of `term`'s characters, and name no sibling of it? A noun the knowledge
    base does not have, asked in the asker's words (牌子), is then said in the sentence's words (品牌);
    one character of a longer noun (长 of 理事长 in 长三角) is not enough. A sibling is the term with
    one character changed (出口 for 进口, 年薪 for 月薪, 理事会 for 理事长): the sentence is about that."""
    if UNKNOWN_MORPHEME_SHARE <= 0 or not words:
        return False
    n, chars = len(term), set(term)
    shared: set[str] = set()
    for w in words:
        if len(w) < 2 or not _HAN_RX.fullmatch(w):
            continue
        if any(sum(a != b for a, b in zip(w[k:k + n], term)) == 1 for k in range(len(w) - n + 1)):
            return False
        shared |= chars & set(w)
    return len(shared) >= math.ceil(UNKNOWN_MORPHEME_SHARE * len(chars))


def unknown_found(unknown: set[str], text: str, alternates: dict[str, set[str]] | None = None,
                  words=None) -> bool:
    """Does `text` name every noun of the question that the knowledge base does not have (itself, a
    part of it that is also such a noun, a short form, a written form of it from
    `paraphrase_alternates`: 招人 → 招聘, or, given the sentence's `words`, words sharing its
    characters: `morpheme_cover`)? If not, the text is about something else."""
    alternates = alternates or {}
    for t in unknown:
        if any(t in u and t != u for u in unknown):
            continue  # a part of a longer unknown noun: the longer one decides
        if not any(u in text or abbreviates(u, text)
                   or any(a in text for a in alternates.get(u, set()) | TERM_ALTERNATES.get(u, set())
                          | SYNONYMS.get(u, set()))
                   or morpheme_cover(u, words) for u in unknown if u in t):
            return False
    return True


def paraphrase_alternates(question: str, terms) -> dict[str, set[str]]:
    """Question term → the written words that say the same (assistant/data/query_terms.yaml: a rule
    whose phrase the question uses, 头三个月 or 招人, gives 一季度 or 招聘 to the terms inside that
    phrase). The keyword search adds these words; the answer check counts them as the term."""
    from .kb.query import load_rules

    out: dict[str, set[str]] = {}
    for rule in load_rules():
        for phrase in rule.when:
            if phrase not in question:
                continue
            # the phrase as the question's words hold it: 卖出 inside 卖出去 (and its part 出去)
            spans = [phrase] + [t for t in terms if phrase in t and t != phrase]
            for t in terms:
                if any(t in x for x in spans) and t not in rule.add:
                    out.setdefault(t, set()).update(rule.add)
    for a, b, after in coordinate_pairs(question, terms):
        joint = a[0] + b[0] + after  # 光照和热量条件 → 光热条件 (the pair's written short form, with the word it qualifies)
        out.setdefault(a, set()).add(joint)
        out.setdefault(b, set()).add(joint)
    return out


# Round 32: two words of two characters joined by 和 / 与 / 及 / 、 (chat.yaml `coordinate_joiners`) are also written
# as their first characters together ("光照和热量条件" → "光热条件", "政府和企业" → "政企").
_COORDINATE = re.compile(r"([\u4e00-\u9fff]{2})(?:" + "|".join(map(re.escape, _TERMS.get("coordinate_joiners", []) or []))
                         + r")([\u4e00-\u9fff]{2})") if _TERMS.get("coordinate_joiners") else None


def coordinate_pairs(question: str, terms) -> list[tuple[str, str, str]]:
    """The pairs of two-character question terms joined as equals before the word they both qualify ("光照和热量条件"
    → (光照, 热量, 条件)): each word a term of its own (not part of a longer word), their first characters different,
    followed by two Chinese characters of a term (the short form alone, 光热, may be another word: 电气和机械 → 电机)."""
    if _COORDINATE is None:
        return []
    out = []
    for k in range(len(question)):
        m = _COORDINATE.match(question, k)
        if not m:
            continue
        a, b, after = m.group(1), m.group(2), question[m.end():m.end() + 2]
        if a in terms and b in terms and a[0] != b[0] and not {a, b} & QUESTION_WORDS \
                and _HAN_RX.fullmatch(after) and len(after) == 2 and any(t.startswith(after) for t in terms):
            out.append((a, b, after))
    return out


# ------------------------------------------------------------------------------ extractive

_MISSING_CELL = {"", "—", "-", "–", "——", "/", "…"}


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


# Round 20: the knowledge base cuts a long paragraph into units of about 120 characters, a sentence longer than that at
# a comma, and a passage joins its units with line breaks; a line that ends with a clause mark (，、) is the first part of
# a sentence the next line goes on with ("2024年重阳节前夕，" / "某某给某某回信……"), joined back before scoring.
REJOIN_CLAUSES = True
_CLAUSE_TAIL = re.compile(r"[，,、]\s*$")


def rejoin_clauses(pieces: list[str]) -> list[str]:
    """`pieces` (the lines and sentences of a passage) with a piece that ends with a clause mark joined to the
    text piece after it; table lines ("列 | 列") are left as they are."""
    out: list[str] = []
    for p in pieces:
        if out and _CLAUSE_TAIL.search(out[-1]) and "|" not in out[-1] and "|" not in p and p.strip():
            out[-1] = out[-1].rstrip() + p.lstrip()
        else:
            out.append(p)
    return out


def split_sentences(text: str, keep_blank: bool = False) -> list[str]:
    """Sentences and lines of a passage. A pipe table (`列 | 列 | 列` and its rows) becomes one
    sentence per row, `表题｜列：值；列：值` (cells with no value left out, or with `keep_blank` a cell marked
    blank, "—", kept as it is), its header line no answer of its own; a sentence that ends with a colon takes
    the lines that follow it (a list it introduces)."""
    out: list[str] = []
    pieces = rejoin_clauses(split_text(text)) if REJOIN_CLAUSES else split_text(text)
    header: list[str] | None = None
    caption = last = ""
    i = 0
    while i < len(pieces):
        s = pieces[i]
        i += 1
        if " | " in s or (s.count("|") >= 2 and not re.fullmatch(r"[|\-:\s]+", s)):
            cells = _cells(s)
            if header is None or len(cells) != len(header):
                header = cells
                caption = last.rstrip("：:") if last.endswith(("：", ":")) or last.startswith("表") else ""
                if header and "：" in header[0]:  # "表1：年份 | …"
                    caption, header[0] = header[0].split("：", 1)
                last = ""
                continue
            row = "；".join(f"{k}：{v}" for k, v in zip(header, cells) if v not in _MISSING_CELL or (keep_blank and v))
            if row:
                out.append(f"{caption}｜{row}" if caption else row)
            last = ""  # a table right after this one has no caption of its own
            continue
        if re.fullmatch(r"[|\-:\s]+", s):
            continue  # a Markdown table's separator line
        header, last = None, s
        if len(s) < 6:
            continue
        if s.endswith(("：", ":")):
            while i < len(pieces) and len(s) < 240 and pieces[i] and "|" not in pieces[i]:
                s += pieces[i] if s.endswith(("：", ":", "；", "。")) else "；" + pieces[i]
                i += 1
        out.append(s)
    return out


@dataclass
class _Scored:
    sentence: str
    hit_index: int  # 0-based rank of the passage
    coverage: float
    score: float
    sim: float = 0.0  # dense similarity of the question and the sentence (0 when not computed)
    year_conflict: bool = False  # the sentence is about another year than the question asks for
    has_value: bool = False  # the sentence carries a number that is not a date
    scope_ok: bool = True  # the asked-for attribute, the places and (for 多少) a value are all there
    refused: tuple[str, ...] = ()  # checks it fails: type, focus, unit, number, period, entity, change, place, unknown
    credits: dict[str, float] = field(default_factory=dict)  # question term -> how much of it is stated


def abbreviates(term: str, text: str) -> bool:
    """Is `term` a short form of words in `text`: its characters in order within a span at most
    twice its length ("智驾" in "智能驾驶", "物联" in "物联网络", "人社" in "人力资源社会保障")?"""
    if len(term) < 2 or not _HAN_RX.fullmatch(term):
        return False
    for start in (i for i, c in enumerate(text) if c == term[0]):
        j, end = start, start + 2 * len(term)
        for c in term[1:]:
            j = text.find(c, j + 1, end)
            if j < 0:
                break
        else:
            return True
    return False


_HAN_RX = re.compile(r"[\u4e00-\u9fff]+")
# Credit for a question term found only as a short form (see `abbreviates`) in the sentence.
ABBREV_CREDIT = 0.8
CONTEXT_CREDIT = 0.6
# Credit for a question term found in the sentence's frame: its document's title, its heading path, a
# table row's caption (a row "岗位：某岗；计划招聘：80" states its figure for the caption's company and
# year). 0.6, as any context, before round 7.
FRAME_CREDIT = float(_TERMS.get("frame_credit", CONTEXT_CREDIT))
# Round 20: credit for a question term found only further back in the passage (the same section of the same document,
# before the sentence before): with units of about 120 characters the sentence that names the report, the body or
# the programme a later sentence speaks of is seldom the one right before it. Not for the asked-for words (`focus_terms`:
# the answer sentence must say them) nor a year (a sentence about another year may follow).
EARLIER_CREDIT = 0.5
# ... and only for the terms that name something (a body, a place, a document: chat.yaml `context_name_pos`, or the
# words of a 《title》): the content words of the question found earlier make every later sentence of a passage look
# like an answer (a two-part question answered by the sentence after the one that answers it).
_NAME_POS = tuple(_TERMS.get("context_name_pos", []) or [])


def context_names(question: str, terms: dict[str, float], tok) -> set[str]:
    """The question's terms that name something: tagged as a name (`_NAME_POS`) or inside a 《title》."""
    tags = _pos_tags(question, tok)
    titled = "".join(re.findall(r"《([^》]*)》", question))
    return {t for t in terms if (t in titled and len(t) > 1)
            or any(f.startswith(_NAME_POS) for w, f in tags if w == t)} if _NAME_POS else set()

# Near-synonyms of general Chinese (assistant/data/chat.yaml `synonyms`): each word of a group counts
# as any other of it in the coverage (上牌 / 注册登记, 员工 / 职工); a question term only, never a check.
SYNONYMS: dict[str, set[str]] = {}
for _group in _TERMS.get("synonyms", []) or []:
    for _w in _group:
        SYNONYMS.setdefault(_w, set()).update(x for x in _group if x != _w)
# Count the written words of assistant/data/query_terms.yaml as the colloquial question terms they
# stand for (see `paraphrase_alternates`), in the coverage and the unknown-noun check.
PARAPHRASE_CREDIT = True
# Round 10: a count asked needs a figure of the noun it counts (see `counted_ok`).
COUNTED_GUARD = True


def _coverage(terms: dict[str, float], tokens: set[str], context: set[str], text: str = "",
              context_text: str = "") -> float:
    """Share of the question's weight found in the sentence (full) or its context (0.6); a term the
    sentence has only as a short form counts `ABBREV_CREDIT` (`CONTEXT_CREDIT` of that in the context).

    A year of the question counts from the context only if the sentence names no other year:
    a row `年份：2024` under the table title `2021—2025年…` is not about 2021."""
    total = sum(terms.values())
    if not total:
        return 0.0
    credit = term_credits(terms, tokens, context, text, context_text)
    return sum(terms[t] * c for t, c in credit.items()) / total


def term_credits(terms: dict[str, float], tokens: set[str], context: set[str], text: str = "",
                 context_text: str = "", alternates: dict[str, set[str]] | None = None,
                 frame: set[str] | None = None, frame_text: str = "", earlier: set[str] | None = None,
                 earlier_text: str = "", earlier_skip: set[str] | None = None) -> dict[str, float]:
    """How much of each question term the sentence states (1 itself, a word for it of `TERM_ALTERNATES`,
    of `alternates` (see `paraphrase_alternates`) or a near-synonym of `SYNONYMS`; `FRAME_CREDIT` in its
    frame (`frame`, `frame_text`: the document title, the heading path, a table row's caption; the row
    states its figure under them), `CONTEXT_CREDIT` in its other context (the sentence before),
    `ABBREV_CREDIT` as a short form, `EARLIER_CREDIT` in the passage's text before that (`earlier`, `earlier_text`:
    the same section of the same document), 0 not at all); see `_coverage`."""
    own_years = {t for t in tokens if _YEAR_RX.fullmatch(t)}
    alternates = alternates or {}
    frame = frame or set()
    out: dict[str, float] = {}
    for t in terms:
        c = 0.0
        syn = SYNONYMS.get(t, ())
        if t in tokens or (TERM_ALTERNATES.get(t, set()) & tokens) \
                or any(a in tokens or (text and a in text) for a in alternates.get(t, ())) \
                or any(a in tokens or (text and a in text) for a in syn):
            c = 1.0
        elif (t in frame or (frame_text and len(t) > 1 and _HAN_RX.fullmatch(t) and t in frame_text)
              or any(a in frame_text for a in syn)) and not (_YEAR_RX.fullmatch(t) and own_years):
            c = FRAME_CREDIT
        elif (t in context or any(a in context_text for a in syn)) and not (_YEAR_RX.fullmatch(t) and own_years):
            c = CONTEXT_CREDIT
        elif text and t not in text and abbreviates(t, text):
            c = ABBREV_CREDIT  # a short form; not the term inside other words (工业|机器人产量)
        elif context_text and t not in context_text and abbreviates(t, context_text):
            c = CONTEXT_CREDIT * ABBREV_CREDIT
        elif earlier_skip and t in earlier_skip:
            pass
        elif earlier_text and (t in (earlier or ()) or (len(t) > 1 and _HAN_RX.fullmatch(t) and t in earlier_text)) \
                and not _YEAR_RX.fullmatch(t):
            c = EARLIER_CREDIT
        elif earlier_text and t not in earlier_text and abbreviates(t, earlier_text):
            c = EARLIER_CREDIT * ABBREV_CREDIT
        out[t] = c
    return out


# Contrast sets (assistant/data/chat.yaml `contrasts`): members one cannot stand for another (进口 / 出口,
# 二期 / 三期, 年末 / 年中, 利润 / 收入); a member may have several wordings, joined by "|". Words of
# `contrast_ignore` (进出口 holds 出口) are taken out before matching.
CONTRASTS: list[list[tuple[str, ...]]] = [[tuple(m.split("|")) for m in g] for g in _TERMS.get("contrasts", []) or []]
_CONTRAST_IGNORE = re.compile("|".join(map(re.escape, _TERMS.get("contrast_ignore", []) or [])) or r"(?!x)x")
CONTRAST_GUARD = bool(CONTRASTS)


def _members(group: list[tuple[str, ...]], text: str) -> set[int]:
    text = _CONTRAST_IGNORE.sub("　", text)
    return {k for k, m in enumerate(group) if any(w in text for w in m)}


def asked_contrasts(question: str) -> list[tuple[list[tuple[str, ...]], int]]:
    """The contrast sets the question names exactly one member of: (set, that member)."""
    out = []
    for g in CONTRASTS if CONTRAST_GUARD else []:
        m = _members(g, question)
        if len(m) == 1:
            out.append((g, next(iter(m))))
    return out


# Words that state a total (assistant/data/chat.yaml `total_words`): a sentence that gives 某某总数 and
# does not name a noun of the question anywhere (sentence or context) gives the whole, not that part.
_TOTAL_RX = re.compile("|".join(map(re.escape, _TERMS.get("total_words", []) or [])) or r"(?!x)x")
TOTAL_GUARD = bool(_TERMS.get("total_words"))


def states_total(said: str) -> bool:
    """Does the sentence give a total's figure ("总数达到1143.3万台", "总数（万台）：521"), not a share of a
    total ("占销售总量的79.9%")?"""
    for m in _TOTAL_RX.finditer(said):
        if not re.match(r"[^，,。；;\d%]{0,8}\d", said[m.end():]):
            continue
        clause = re.split(r"[，,。；;]", said[max(0, m.start() - 24):m.start()])[-1]
        if "占" not in clause:
            return True
    return False


def _part_nouns(question: str, terms: dict[str, float], tok, df: dict[str, int], profile=None) -> set[str]:
    """The question's nouns the knowledge base knows (two or more characters, not a year, a place or the
    industry's name): a sentence stating a total without one of them is about the whole."""
    tags = _pos_tags(question, tok)
    industry = getattr(profile, "industry", None)
    return {t for t in terms if len(t) >= 2 and _HAN_RX.fullmatch(t) and df.get(t) and t != industry
            and t not in _TERMS["places"] and t not in _AMOUNT_WORDS and _noun_like(t, tags)
            and not any(t in u and t != u for u in terms)}


# Round 25: words that join the members of a contrast set into their sum (chat.yaml `contrast_joined`: 进出口 is
# 进口 plus 出口). A sentence that names the set only in such a word gives the sum, not the one member asked.
_CONTRAST_JOINED = {w: tuple(ms) for w, ms in (_TERMS.get("contrast_joined") or {}).items()}
CONTRAST_JOINED_GUARD = bool(_CONTRAST_JOINED)


def contrast_ok(asked: list, said: str, near: str = "", question: str = "") -> bool:
    """Does the sentence not swap the asked member of a contrast set for another (the question asks for
    imports, the sentence states exports only)? Fine when the sentence or its caption names the asked
    member, or names no member at all, unless (round 25, given the `question`) it names the asked member only inside
    a word that joins it with the others (进出口 for 出口) and the question does not use that word."""
    for g, k in asked:
        if k in _members(g, f"{said} {near}"):
            continue
        if _members(g, said) - {k}:
            return False
        if question and CONTRAST_JOINED_GUARD and any(w in said and w not in question and any(x in ms for x in g[k])
                                         for w, ms in _CONTRAST_JOINED.items()):
            return False
    return True


def focus_terms(question: str, tok) -> set[str]:
    """The words naming what is asked for ("2025年某产品出口多少万台" -> {"出口"}), empty when the
    question has no such slot or it ends in a year or number."""
    m = _FOCUS_CUT.search(question)
    if not m:
        return set()
    head = _FOCUS_TRAIL.sub("", re.sub(r"[\s，,、：:（）()“”\"《》]+$", "", question[:m.start()]))
    if not head or head[-1].isdigit() or head.endswith("年"):
        return set()
    found = {t for t in tok.tokenize(head[-8:]) if head.endswith(t) and len(t) >= 2 and t not in QUESTION_WORDS
             and not _straddles(t, head)}
    if found and found <= _AMOUNT_WORDS:
        # "员工规模是多少": 规模 only says an amount is asked; the attribute is the word before it (员工)
        inner = head[:-max(len(t) for t in found)]
        found = focus_terms(inner + "是多少", tok) or found if inner and inner[-1] not in _NOT_QUALIFIER else found
    if not found and COMPOUND_MEASURE:
        found = compound_measure(head, tok)  # "抚养比" split 抚养 / 比: the measure is the pair
    if not found and head[-1] in TERM_ALTERNATES:
        found = {head[-1]}  # a one-character verb ("一共产了多少"): matched by its alternates only
    return found


# Round 21: a measure the tokenizer splits into a word and a one-character head ("抚养比" → 抚养 / 比, "流通率" →
# 流通 / 率; heads in chat.yaml `measure_heads`) is asked as the pair: the sentence must say it.
COMPOUND_MEASURE = bool(_TERMS.get("measure_heads"))
_MEASURE_HEADS = set(_TERMS.get("measure_heads", []) or [])


def compound_measure(head: str, tok) -> set[str]:
    """{word + head} when `head` (the question up to its question word) ends in a word of two or more Chinese
    characters and a measure head character the tokenizer left on its own; else an empty set."""
    splitter = getattr(tok, "_tok", None)
    words = splitter.lcut(head[-10:]) if splitter is not None else []
    if len(words) < 2 or words[-1] not in _MEASURE_HEADS or len(words[-2]) < 2 or not _HAN_RX.fullmatch(words[-2]) \
            or words[-2] in QUESTION_WORDS:
        return set()
    return {words[-2] + words[-1]}


def is_compound_measure(term: str) -> bool:
    return COMPOUND_MEASURE and len(term) >= 3 and term[-1] in _MEASURE_HEADS


# Words that only say an amount is asked ("员工规模", "企业数量"): the attribute is the word before them.
_AMOUNT_WORDS = set(_TERMS.get("amount_words", []))
# Words of change or share that follow the attribute they are about ("销量同比增长多少").
_CHANGE_RX = re.compile("(?:" + "|".join(map(re.escape, sorted(_TERMS["change_words"], key=len, reverse=True)))
                        + ")+$")


YEAR_COMPARISON_ATTRIBUTE = True
_CMP_YEAR_TAIL = re.compile(r"(?:比|较|与|和|跟|同)\s*(?:19|20)\d\d\s*年(?:同期|底|末|全年)?(?:相比|相较|比)?$")


def attribute_terms(question: str, tok) -> set[str]:
    """The attribute a change or share is asked of ("2023年某产品销量同比增长多少" → {"销量"}): the
    words before the change word that closes the asked-for slot; empty when there is none."""
    m = _FOCUS_CUT.search(question)
    if not m:
        return set()
    head = _FOCUS_TRAIL.sub("", re.sub(r"[\s，,、：:（）()“”\"《》]+$", "", question[:m.start()]))
    cut = _CHANGE_RX.search(head)
    if not cut or not cut.start():
        return set()
    head = head[:cut.start()]
    if YEAR_COMPARISON_ATTRIBUTE:  # round 20: "床位数比2019年增长": the attribute is 床位数, not a year
        head = _CMP_YEAR_TAIL.sub("", head)
    head = _COMPARISON_RX.sub("", head)  # "生产量与上一年相比增长": the attribute is 生产量
    return focus_terms(head + "是多少", tok) if head else set()


_SHARE_WORDS = set(_TERMS["percent_words"])
# What a change is compared with ("与上一年相比", "较上年同期的"), said between the attribute and the change word.
_COMPARISON_RX = re.compile("(?:" + "|".join(map(re.escape, sorted(_TERMS.get("comparison_words", []), key=len,
                                                                    reverse=True))) + ")+$") \
    if _TERMS.get("comparison_words") else re.compile(r"(?!x)x")
# "占多少" without a unit asks for a share: the answer states a percentage, 几成 or 几分之几.
_SHARE_Q = re.compile(r"占(?:了)?(?:多少|几成|百分之几)(?![\s]*[万亿千百]*[\u4e00-\u9fffA-Za-z])|占(?:了)?(?:多少|几成)[？?]?$")
_SHARE_ANSWER = re.compile(_TERMS["share_answer"]) if _TERMS.get("share_answer") else None
# "多长时间/多久" asks for a duration: the answer states one ("15年", "6个月以上"), not a date.
_DURATION_Q = re.compile(_TERMS["duration_question"]) if _TERMS.get("duration_question") else None
_DURATION_ANSWER = re.compile(_TERMS["duration_answer"]) if _TERMS.get("duration_answer") else None


# Round 16: the predicate and the asked category of a text-fact question ("被当成了什么案例", "有什么直接用处",
# "靠哪一层次"): the sentence must say one of them, not merely share the topic (chat.yaml `asked_predicate_wh`).
PREDICATE_GUARD = bool(_TERMS.get("asked_predicate_wh"))
_PREDICATE_WH = re.compile(f"(?:{_TERMS['asked_predicate_wh']})") if PREDICATE_GUARD else None
_PREDICATE_SKIP = set(_TERMS.get("asked_predicate_skip", []) or [])
_PREDICATE_NOT = set(_TERMS.get("asked_predicate_not", []) or [])  # 说明了啥: the conclusion is asked
_CN_NUMERAL = re.compile(r"[一二两三四五六七八九十百千万]+")
_CLAUSE_END = re.compile(r"[，,。？?！!；;：:、“”\"《》（）()]")


def asked_predicate(question: str, tok) -> set[str]:
    """The words a text-fact question asks with, around 什么 / 啥 (chat.yaml `asked_predicate_wh`): the
    verb just before it ("当成了什么" → 当成) and the category after it, with the adverbs or adjectives before
    that ("什么直接用处" → 直接, 用处); words of two characters or more (one character, 出 or 力, is in too many
    words to tell sentences apart). After 哪 the answer names a member and after 如何 a manner, in words of
    their own; a verb of inference (说明了啥) or a category of magnitude (啥水平) asks for no words either.
    Empty for a question of a figure, date or list, or without such words."""
    if not PREDICATE_GUARD or expected_type(question) is not None \
            or (_COUNT_CUE and _COUNT_CUE.search(question)) or _DATE_Q.search(question):
        return set()
    tags = _pos_tags(question, tok)
    out: set[str] = set()
    for k, (w, _) in enumerate(tags):
        if not _PREDICATE_WH.fullmatch(w):
            continue  # (排到哪, 如何处理: the answer names a member or a manner, in words of its own)
        j = k - 1
        while j >= 0 and tags[j][0] in _PREDICATE_SKIP:
            j -= 1
        if j >= 0 and tags[j][1].startswith("v") and tags[j][0] not in QUESTION_WORDS and len(tags[j][0]) >= 2 \
                and tags[j][0] not in _PREDICATE_NOT and _HAN_RX.fullmatch(tags[j][0]):
            out.add(tags[j][0])
        for word, flag in tags[k + 1:]:
            if _CLAUSE_END.fullmatch(word):
                break
            if word in _PREDICATE_SKIP or word in QUESTION_WORDS or word in _PARTICLES \
                    or not _HAN_RX.fullmatch(word) or _CN_NUMERAL.fullmatch(word):
                continue
            if word not in _PREDICATE_NOT and len(word) >= 2:
                out.add(word)
            if not flag.startswith(("d", "a")):
                break  # the category noun ends what is asked
    return out


def predicate_refused(mute: set[int], scored: list) -> list[int]:
    """Which of the sentences that do not say the asked predicate (`mute`, indices into `scored`) are no
    answer: all of them when another retrieved sentence says it (that one speaks to what is asked, these
    only share the topic), else those that state figures (a figure for a question of a text fact), but for
    table rows (a row's remark cell may state the fact: "备注：按上年数据推算")."""
    if not mute:
        return []
    said_elsewhere = len(mute) < len(scored)
    return [k for k in sorted(mute) if said_elsewhere
            or (scored[k].has_value and not _ROW_RX.match(scored[k].sentence.rpartition("｜")[2]))]


def carries_predicate(words: set[str], text: str) -> bool:
    """Does `text` say one of the asked `words`: itself (a one-character verb inside a word: 靠 in 依靠),
    or a synonym or written alternate of it?"""
    return not words or any(w in text or any(a in text for a in SYNONYMS.get(w, set()) | TERM_ALTERNATES.get(w, set()))
                            for w in words)


# Round 16: "…，甲占多少": the share stated must be 甲's, in the clause of the percentage or the one before it
# ("其中乙312人，占73%" gives 乙's share): a word of 甲 must be there.
SHARE_OWNER_GUARD = True
_SHARE_OWNER_Q = re.compile(r"([^，,。；;：:？?里]{2,20}?)(?:在[^，,。；;]{1,16}?(?:中|里))?(?:约|大约|大概)?占(?:了)?(?:多少|几成|百分之几)")


def share_owner(question: str) -> str:
    """The part whose share "…，甲占多少" asks (甲, without years, numbers and 的), or ""."""
    m = _SHARE_OWNER_Q.search(question)
    if not m:
        return ""
    owner = re.split(r"在", m.group(1))[0]
    owner = re.sub(r"(?:19|20)\d\d\s*年|\d+(?:\.\d+)?|的$", "", owner)
    return "".join(_HAN_RX.findall(owner))


def share_owner_ok(owner: str, said: str, splitter=None) -> bool:
    """Is a percentage (or 几成) of the sentence said of `owner`: does its clause or the clause before it (in a
    table row, the row) hold a word of two or more characters of `owner` ("销售" of "做销售", "私人" of "私人桩")?"""
    if not owner or not _SHARE_ANSWER:
        return True
    words = [w for w in (splitter.lcut(owner) if splitter is not None else [owner[i:i + 2] for i in range(len(owner) - 1)])
             if len(w) >= 2 and _HAN_RX.fullmatch(w)]
    if not words:
        return True
    row = bool(_ROW_RX.match(said))  # a table row: its label cell names whose share it gives
    clauses = re.split(r"[，,；;。]", said)
    for k, c in enumerate(clauses):
        if _SHARE_ANSWER.search(c):
            window = said if row else c + (clauses[k - 1] if k else "")
            if any(w in window for w in words):
                return True
    return False


def _mentions_focus(focus: set[str], said: str, df: dict[str, int] | None = None) -> bool:
    """Does the sentence speak of the asked-for attribute? The word itself, a word that states it too
    (`TERM_ALTERNATES`: 产销 states 产量), a short form of it, or for a share word a percentage. It is
    there to catch "出口" asked and "产销" answered, or "进口" asked and "出口" answered. Only words
    the knowledge base knows are required (`df`): a colloquial verb ("卖出去") imposes nothing."""
    if df is not None:
        focus = {f for f in focus if df.get(f, 0) > 0 or (len(f) == 1 and f in TERM_ALTERNATES)
                 or (is_compound_measure(f) and df.get(f[:-1], 0) > 0)}
    if not focus:
        return True
    if any(f in _SHARE_WORDS for f in focus) and "%" in said:
        return True
    return any(any(a in said for a in TERM_ALTERNATES.get(f, set()) | SYNONYMS.get(f, set()))
               or (len(f) > 1 and (f in said or abbreviates(f, said))) for f in focus)


# The unit a 多少 question names ("多少万辆" → "万辆", "多少家企业" → "家"): the answer must carry it.
_MEASURE_WORDS = sorted(_TERMS["measure_words"], key=len, reverse=True)
_UNIT_Q = re.compile(r"(?:多少|(?<![哪近这])几)\s*([万亿千百]*(?:[A-Za-z]+|" + "|".join(map(re.escape, _MEASURE_WORDS)) + "))")


_QUALIFIER_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])(?!\s*(?:年|月|日|季度|[-—–~～至到]))")


def number_qualifiers(question: str) -> set[str]:
    """Numbers that qualify what is asked ("12英寸产线", "130纳米以下"): not years, months or days."""
    return {m.group(1) for m in _QUALIFIER_NUMBER.finditer(question)
            if not _YEAR_RX.fullmatch(m.group(1))}


def unit_ok(unit: str, said: str, context: str) -> bool:
    """Does the sentence give a value in the asked-for unit: a number followed by it ("522.1万辆" for
    辆; a year such as 2021年 is not a number of 年), or a column or caption that names it ("产量（万辆）：
    354.5", "单位：亿块")?"""
    if not unit:
        return True
    bare = unit.lstrip("万亿千百")
    if bare in _SAME_UNITS:  # 多少名 is answered by 120人, or by a row with a 人数 column
        return any(_unit_ok(u, said, context) for u in _SAME_UNITS[bare]) \
            or (UNIT_COLUMNS and any(re.search(re.escape(c) + r"\s*(?:[（(][^）)]{0,6}[）)])?\s*[：:]", said)
                                     for u in _SAME_UNITS[bare] for c in UNIT_COLUMNS.get(u, ())))  # a column
    return _unit_ok(bare, said, context)


# Measure words that count the same things (assistant/data/chat.yaml `same_units`: 人, 名, 位).
_SAME_UNITS = {u: set(g) for g in _TERMS.get("same_units", []) or [] for u in g}
# Column names that count in a unit (`unit_columns`: 人 → 人数): a table row "现有人数：65；计划招聘：16"
# counts people in its figures.
UNIT_COLUMNS = {k: list(v) for k, v in (_TERMS.get("unit_columns") or {}).items()}


# A count in Chinese numerals (两门、十二家、三百人); not 一, which is as often "a" (一家企业) as a count.
_CN_COUNT = r"(?<![一二两三四五六七八九十百千])[两二三四五六七八九十][一二两三四五六七八九十百千]*"


# Round 16: words before a figure that make it a threshold of another noun when "的" follows ("人数超过1000人的企业",
# "500至1000人之间的企业"): that figure is not a value in the asked unit (chat.yaml `threshold_before`).
_THRESHOLD_BEFORE = re.compile("(?:" + "|".join(map(re.escape, _TERMS.get("threshold_before", []) or [])) + r")\s*$") \
    if _TERMS.get("threshold_before") else None
_THRESHOLD_AFTER = re.compile(r"\s*(?:以上|以下|以内|之间|左右)?的")


UNIT_TIMES_GUARD = True


def _unit_ok(bare: str, said: str, context: str) -> bool:
    # (round 24: 列 is not 列次, nor 人 人次: a count of times is another measure)
    times = "" if bare.endswith("次") or not UNIT_TIMES_GUARD else r"(?!次)"
    for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?|" + _CN_COUNT + r")\s*(?:余|多)?[万亿千百]*(?:余|多)?" + re.escape(bare)
                         + times, said):
        if _THRESHOLD_BEFORE and _THRESHOLD_BEFORE.search(said[:m.start()]) and _THRESHOLD_AFTER.match(said, m.end()):
            continue  # a threshold that qualifies another noun, not the amount asked
        if not (bare.startswith("年") and _YEAR_RX.fullmatch(m.group(1))):
            return True
    return bool(re.search(r"[（(]\s*(?:单位[：:])?\s*[万亿千百]*" + re.escape(bare) + r"\s*[）)]", f"{context} {said}")
                or re.search(r"单位[：:][^。；]{0,8}" + re.escape(bare), f"{context} {said}"))


# Round 26: a question that asks an amount without naming a unit (chat.yaml `amount_question`: 多少, 规模, 金额) is
# not answered by a sentence that gives the asked measure only a share or a rate ("出口占比高达80%" for 出口额是多少).
AMOUNT_RATE_GUARD = bool(_TERMS.get("amount_question"))
_AMOUNT_Q = re.compile(_TERMS["amount_question"]) if AMOUNT_RATE_GUARD else None
_AMOUNT_SHARE_Q = re.compile(_TERMS["amount_share_question"]) if _TERMS.get("amount_share_question") else None


def asks_amount(question: str) -> bool:
    """Does the question ask an amount of a measure ("出口额是多少", "交易规模有多大"), not its share, rate or
    change, whatever unit it names or not? (Callers leave out counts and changes; see `score_sentences`.)"""
    return bool(_AMOUNT_Q and _AMOUNT_Q.search(question)) and not _RATE_WORD.search(question) \
        and not any(w in question for w in _SHARE_WORDS) \
        and not (_AMOUNT_SHARE_Q and _AMOUNT_SHARE_Q.search(question))  # 约占全球的多少: a share


def rate_only(focus: set[str], unit: str, said: str, question: str = "", amount: bool = False) -> bool:
    """Is the asked-for attribute, where the sentence names it, followed only by a rate ("出口总额比上年
    增长3.5%" for 多少亿元 of 出口总额): no value in the asked-for unit in the same clause, a percentage
    instead? The amount asked is then not in the sentence (another attribute's amount may be).

    With `amount` (the question asks an amount and names no unit, see `asks_amount`), any value that is not a
    rate or a year counts as the amount; the measure may be named by its stem (出口 for 出口额), and a word that
    joins it with its contrast (进出口 for 出口: `contrast_ignore`) is not it. The qualifier in front does not
    matter then: a sentence that gives no amount of the measure under any qualifier does not give the asked one."""
    if "%" in unit or not (unit or (amount and AMOUNT_RATE_GUARD)):
        return False
    if not unit:
        return _rate_only_amount(focus, said)
    seen = False
    for f in focus:
        if len(f) < 2 or any(f in g and f != g and g in said for g in focus):
            continue  # the longer word decides (出口总额, not 总额 of 进口总额)
        k = question.find(f)
        before = question[max(0, k - 2):k] if k >= 2 else ""
        for m in re.finditer(re.escape(f), said):
            if _HAN_RX.fullmatch(before or "-") and said[max(0, m.start() - 2):m.start()] != before:
                continue  # the word with another qualifier (进口总额 for 出口总额)
            seen = True
            clause = re.split(r"[，,；;。]", said[m.end():], maxsplit=1)[0]
            if "%" not in clause or unit_ok(unit, clause, ""):
                return False
    return seen


def _rate_only_amount(focus: set[str], said: str) -> bool:
    text = _CONTRAST_IGNORE.sub("\u3000", said)
    seen = False
    for f in focus:
        if len(f) < 2 or any(f in g and f != g and g in text for g in focus):
            continue
        word = f if f in text else f[:-1] if is_compound_measure(f) and f[:-1] in text else ""
        for m in re.finditer(re.escape(word), text) if word else ():
            seen = True
            clause = re.split(r"[，,；;。]", text[m.end():], maxsplit=1)[0]
            rest = _PERCENT_VALUE.sub("", _YEAR_ONLY_RX.sub("", clause))
            if "%" not in clause or _VALUE_RX.search(rest):
                return False
    return seen


def asked_unit(question: str) -> str:
    """"2023年产量是多少亿块？" → "亿块"; "" when the question names no unit (a measure word of
    assistant/data/chat.yaml or a Latin unit such as GWh)."""
    m = _UNIT_Q.search(question)
    return m.group(1) if m else ""


# Periods within a year. A value for a quarter, a half or the first months is not the year's, and
# the month asked for is not the months up to it ("8月" is not "前8个月").
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}
_PERIOD_RX = re.compile(
    r"(?P<cum>(?:前|头)(?P<cn>\d{1,2}|十[一二]?|[一二三四五六七八九])个?月|1\s*[—–\-～~至到]\s*(?P<cm>\d{1,2})月)"
    r"|(?P<q>(?:第|头)?(?P<qn>[一二三四1-4])个?季度)"
    r"|(?P<h>[上下]半年)"
    r"|(?P<m>(?<![\d—–\-～~至到])(?P<mn>\d{1,2})月(?![\d]{1,2}日|\d))")


def expand_short_years(question: str) -> str:
    """Colloquial two-digit years read as years: "24年出口增速是多少" → "2024年…". A duration
    ("存续期为15年", "近10年", "15年以上") is left as it is. The reader is retrieval's (`kb.query.short_year_spans`,
    word lists `short_years` in assistant/data/query_terms.yaml), so search and answer read a question alike."""
    from .kb.query import short_year_spans

    for start, end, year in reversed(short_year_spans(question)):
        question = question[:start] + year + question[end:]
    return question


def _num(x: str) -> int:
    return int(x) if x.isdigit() else _CN_DIGITS.get(x, 0)


def periods(text: str) -> set[str]:
    """The sub-year periods a text names: "cum:8" (前8个月, 1—8月), "q:1" (一季度), "h:上" (上半年),
    "m:6" (6月, 6月当月); a month that is part of a full date (1月23日) is a date, not a period."""
    out = set()
    for m in _PERIOD_RX.finditer(text):
        if m.group("cum"):
            out.add(f"cum:{_num(m.group('cn') or m.group('cm'))}")
        elif m.group("q"):
            out.add(f"q:{_num(m.group('qn'))}")
        elif m.group("h"):
            out.add(f"h:{m.group('h')[0]}")
        elif m.group("m"):
            out.add(f"m:{int(m.group('mn'))}")
    if _LAST_MONTH_RX and _LAST_MONTH_RX.search(text):
        out.add("m:12")  # (round 19: 某年最后一个月 is its December)
    return out


_LAST_MONTH_RX = re.compile("|".join(map(re.escape, _TERMS.get("last_month_words", []) or []))) \
    if _TERMS.get("last_month_words") else None


_WHOLE_YEAR_RX = re.compile(r"全年|年度|年底|年末|全年度")
_SINGLE_MONTH_RX = re.compile("|".join(map(re.escape, _TERMS.get("single_month_words", [])))) \
    if _TERMS.get("single_month_words") else None


def period_ok(asked: set[str], said: set[str], text: str = "") -> bool:
    """Is the sentence about the period asked for? A question with no period wants the year: a
    sentence that names a quarter, a half or the first months, and not the whole year (全年、年底…),
    is about less. A month alone does not rule a sentence out then: it may be the date a report came
    out. A question with a period wants a sentence (or its context) that names it."""
    if not asked:
        return all(p.startswith("m:") for p in said) or bool(_WHOLE_YEAR_RX.search(text))
    return bool(_same_periods(asked) & _same_periods(said))


# Round 26: a sentence with no period and no year of its own ("跨境电商进出口1.22万亿元，增长10.5%") goes on from the
# period the passage stated last before it ("2024年上半年，……服务进出口规模达1.42万亿元"), as it goes on from its year
# (round 24, `passage_years`). A sentence between them naming a year or the whole year alone ends that period.
PASSAGE_PERIOD = True


def passage_periods(earlier: list[str]) -> set[str]:
    """The periods the last of `earlier` (a passage's sentences, in order) that names a period or a year states;
    empty when that sentence names a year or the whole year and no period, or none names either."""
    for sentence in reversed([x for x in earlier if x]):
        found = periods(sentence)
        if found:
            return found
        if _YEAR_RX.search(sentence) or _WHOLE_YEAR_RX.search(sentence):
            return set()
    return set()


# The same stretch of months named two ways: 头六个月 is 上半年, 前三个月 is 一季度.
_PERIOD_SAME = {"cum:6": "h:上", "h:上": "cum:6", "cum:3": "q:1", "q:1": "cum:3"}


# A point in time: the year's end (年末、年底) is not a month's end within the year (11月底) nor the
# end of a plan period ("十三五"期末); a question about one wants a sentence stating it.
_YEAR_END_RX = re.compile(r"年末|年底|全年")
_MONTH_END_RX = re.compile(r"(?<!\d)(\d{1,2})\s*月(?:底|末|份末)")
_PLAN_END_RX = re.compile(r"[十百][一二三四五六七八九]?五[”\"’']?(?:期末|末期|末)")


def point_ok(question: str, text: str, orphan: bool = False) -> bool:
    """Asked for a year's end, does the text state another point (a month's end before December, a
    plan period's end) and not the year's end itself? An `orphan` (a sentence opening with 其中/同期
    whose sentence before is not in its passage) is at a point it does not state."""
    if not _YEAR_END_RX.search(question) or _YEAR_END_RX.search(text):
        return True
    if orphan:
        return False
    months = {int(m) for m in _MONTH_END_RX.findall(text)}
    return not (months - {12}) and not _PLAN_END_RX.search(text)


# Round 35: a question about the state at a time ("截至2021年底……有多少", chat.yaml `state_question`) that asks no plan
# (`plan_question`) is not answered by a sentence that names the asked year only as a plan's target ("力争到2021年
# 建设扶持100家", the year after a `target_lead`): that is a goal set for the year, not a count made then.
_STATE_Q = re.compile(_TERMS["state_question"])
_PLAN_Q = re.compile(_TERMS["plan_question"])
_TARGET_LEAD = re.compile("(?:" + "|".join(map(re.escape, _TERMS["target_leads"])) + r")\s*(?:在|于)?\s*(?:到|至)?\s*$")


def target_year_only(question: str, said: str, years: set[str]) -> bool:
    """Asked for the state at a time, does the sentence name each asked year only as a target (力争到2021年)?"""
    if not years or not _STATE_Q.search(question) or _PLAN_Q.search(question):
        return False
    seen = False
    for y in {re.sub(r"\D", "", y) for y in years}:
        for m in re.finditer(rf"(?<!\d){y}\s*年", said):
            if not _TARGET_LEAD.search(re.split(r"[，,。；;！!？?]", said[max(0, m.start() - 10):m.start()])[-1]):
                return False
            seen = True
    return seen


# A year a question compares with ("2022年比2021年增长了多少"): the question is about the other one.
_Q_REF_YEAR_RX = re.compile(r"(?:比|较|相比|对比|同比)\s*((?:19|20)\d\d)\s*年")
# A year a sentence compares with, its value stated ("高于2024年的14.92%"): for a change asked, the
# change the sentence states is its own year's, not the compared year's.
_CMP_YEAR_RX = re.compile(r"(?:比|较|于|相当于|对比)\s*((?:19|20)\d\d)\s*年(?:同期|全年|底|末)?的")


_ASK_CHANGE_RX = re.compile(r"增长|增加|增速|增幅|涨|减少|下降|降低|跌|提高|回升|回落|变化|翻番|翻倍")


# A table row whose first cell is its year ("年份：2021；…").
_ROW_YEAR_RX = re.compile(r"[^：:；;]{0,6}年[^：:；;]{0,4}[：:]\s*((?:19|20)\d\d)\s*年?(?=[；;]|$)")


def row_label(row: str) -> str:
    """A table row's label: its first cell's value when that is words, not a figure ("岗位类别：甲工程师；…")."""
    first = re.split(r"[；;]", row, maxsplit=1)[0]
    _, sep, value = first.partition("：")
    value = value.strip()
    return value if sep and value and not re.search(r"\d", value) else ""


# A table row as a passage gives it: "列：值；列：值" (after "表名｜" when the table has a caption).
_ROW_RX = re.compile(r"^[^：；。]{1,12}：[^；。]*；[^：；。]{1,16}：")


def table_key(i: int, sentence: str) -> tuple[str, str]:
    """(the table a row belongs to — its caption, or its passage when it has none —, the row), or ("", "")."""
    caption, _, row = sentence.rpartition("｜")
    return (caption or f"#{i}", row) if _ROW_RX.match(row) else ("", "")


ROW_IDENTITY = True
ROW_LABEL_MAX_CHARS = 12


def row_identity(caption: str, row: str) -> str:
    """What names a table row (round 24): its table's caption, its column names and its label cells — the first
    cell and the short word cells that follow it ("城市：甲市；岗位：调度员；月薪：…") —, not the values of its
    other cells: a row whose 主要就业单位 cell lists 某市地铁 (after its figures) is not about 某市."""
    cells = [c for c in re.split(r"[；;]", row) if c.strip()]
    names, labels = [], []
    for c in cells:
        name, sep, _ = c.partition("：")
        if sep:
            names.append(name)
    for k, c in enumerate(cells):
        name, sep, value = c.partition("：")
        value = (value if sep else c).strip()
        if k and (re.search(r"\d|[、，,/]", value) or len(value) > ROW_LABEL_MAX_CHARS):
            break  # (a figure, or a list of names: the row's data)
        labels.append(value)
    return " ".join([caption, *names, *labels])


def row_labels(hits, canon) -> dict[str, set[str]]:
    """The row labels of each table (see `table_key`) in the passages."""
    out: dict[str, set[str]] = {}
    for i, h in enumerate(hits):
        for sent in split_sentences(h.text):
            key, row = table_key(i, canon(sent))
            if key and row_label(row):
                out.setdefault(key, set()).add(row_label(row))
    return out


def row_ok(labels: set[str], row: str, question: str) -> bool:
    """A question that names one row of a table (its label) is not answered by another row of it."""
    label = row_label(row)
    if not label or label in question:
        return True
    return not any(x != label and x in question for x in labels)


def asked_years(years: set[str], question: str) -> set[str]:
    """The question's years less the ones it only compares with (when another remains)."""
    ref = set(_Q_REF_YEAR_RX.findall(question))
    kept = {y for y in years if re.sub(r"\D", "", y) not in ref}
    return kept or years


# Who / where: the answer names a person or an organisation, a place (jieba POS: nr, nt, ns).
_WHO_Q = re.compile(r"是谁|哪位|何人|哪一位|找[^，,。？?]{0,4}谁|谁(?=负责|主持|签|联系)|联系谁")  # (找谁: a contact person, round 24)
# (round 35: the wording is chat.yaml `where_question`; a venue asked, 哪家酒店, is a where question too)
_WHERE_Q = re.compile(_TERMS["where_question"])
# Round 35: a where answer may name its place by a venue word (清远国际酒店, 市委党校) or a place of the list.
_VENUE_ENDINGS = _words_rx("venue_endings")
_BOOK_RX = re.compile(r"《[^》]*》")


def wh_kind(question: str) -> str:
    return "who" if _WHO_Q.search(question) else "where" if _WHERE_Q.search(question) else ""


def wh_ok(kind: str, question: str, said: str, tok) -> bool:
    """Does the sentence name a person or organisation (who) or a place (where) the question does
    not already name? Titles in 《》 are not names."""
    if not kind:
        return True
    flags = ("nr", "nt") if kind == "who" else ("ns",)
    if kind == "where" and (any(p not in question for p in _PLACE_RX.findall(said))
                            or any(m.start() and _HAN_RX.fullmatch(said[m.start() - 1]) and said[max(0, m.start() - 2):m.end()]
                                   not in question for m in _VENUE_ENDINGS.finditer(said))):
        return True
    for w, f in _pos_tags(_BOOK_RX.sub("", said), tok):
        if len(w) >= 2 and f.startswith(flags) and w not in question:
            return True
    return False


def _same_periods(ps: set[str]) -> set[str]:
    return set(ps) | {_PERIOD_SAME[p] for p in ps if p in _PERIOD_SAME}


# (a comparison that states the other year's value, 比2023年的949.5万辆, does state it)
_REF_YEAR_RX = re.compile(r"(?:比|较|为|是|于|相当于|对比)\s*((?:19|20)\d\d)\s*年(?:同期|全年|底|末)?的"
                          r"(?:(?!\s*\d)|(?=\s*\d+(?:\.\d+)?\s*倍))")


# Round 22: a year a sentence names only as the basis of a ratio ("恢复至2019年的84%") or of a comparison with no
# value of its own ("较2019年增长5%") is not the year the sentence is about (chat.yaml `base_ratio`, `base_compare`).
BASE_YEAR_GUARD = True
_BASE_RATIO_RX = re.compile(_TERMS["base_ratio"]) if _TERMS.get("base_ratio") else None
_BASE_COMPARE_RX = re.compile(_TERMS["base_compare"]) if _TERMS.get("base_compare") else None
_BASE_ASKED_RX = re.compile(_TERMS["base_asked"]) if _TERMS.get("base_asked") else None


def base_years(body: str, question: str) -> set[str]:
    """The years `body` names only as a basis: of a ratio (恢复至2019年的84%) or of a comparison (较2019年增长); a year
    the question itself compares with (比2019年增长多少) stays."""
    if not BASE_YEAR_GUARD:
        return set()
    out = set(_BASE_RATIO_RX.findall(body)) if _BASE_RATIO_RX else set()
    if _BASE_COMPARE_RX:
        out |= set(_BASE_COMPARE_RX.findall(body))
    kept = set(_BASE_ASKED_RX.findall(question)) if _BASE_ASKED_RX else set()
    return out - set(_Q_REF_YEAR_RX.findall(question)) - kept


# A four-digit figure that is an amount, not a year ("2051亿美元", "2024.5万辆").
_COMPARED_YEAR_RX = re.compile(r"(?:较|比|相比|与|同|相当于|恢复至|恢复到)\s*((?:19|20)\d\d)\s*年")


def passage_years(sentence: str, question: str) -> set[str]:
    """The years a sentence is about (round 24: what a later sentence with no year of its own goes on from): the
    years it names, less those it only compares with (较2022年四季度, 相当于2019年同期的89%)."""
    compared = set(_COMPARED_YEAR_RX.findall(sentence)) | set(_REF_YEAR_RX.findall(sentence)) \
        | base_years(sentence, question)
    return set(_FULL_YEAR.findall(sentence)) - compared


_AMOUNT_AFTER = r"\s*(?:\.\d|[亿万千百%％]" + (
    # round 20: a count of people or things ("女性2051人") is no year either (chat.yaml `count_units`)
    "|" + "|".join(map(re.escape, sorted(_TERMS.get("count_units", []) or [], key=len, reverse=True)))
    if _TERMS.get("count_units") else "") + ")"


# Words that date a statement to the time it was written (chat.yaml `present_words`) and how far that may be from the
# asked year (a report written early in a year speaks of the year before).
PRESENT_YEAR_GAP = 1
DOC_YEAR_GUARD = True
DOC_YEAR_BEFORE = 2  # round 24: a sentence with no year of its own may report up to two years before its document
_PRESENT_RX = re.compile("|".join(map(re.escape, _TERMS.get("present_words", []) or []))) \
    if _TERMS.get("present_words") else None


def _stated_years(tokens, text: str) -> set[str]:
    """The years among a text's `tokens`, leaving out four-digit amounts ("进口金额2051亿美元")."""
    return {y for y in _years(tokens) if not re.search(r"(?<!\d)" + re.escape(y) + _AMOUNT_AFTER, text)
            or re.search(r"(?<!\d)" + re.escape(y) + r"(?![\d.])(?!" + _AMOUNT_AFTER + ")", text)}


def _years(tokens) -> set[str]:
    return {t for t in tokens if _YEAR_RX.fullmatch(t)}


_CONNECTIVE = re.compile(r"^(?:其中|同期|此外|同时|另外|但|而|其|该|这)")

# ------------------------------------------------------------------------------ dense similarity

# The lexical top candidates are re-scored with the dense similarity of the question and the sentence.
DENSE_CANDIDATES = 24
DENSE_WEIGHT = 1.0
_VEC_LOCK = threading.Lock()
_SENT_VECS: dict[tuple[str, str], Any] = {}  # (embedder name, sentence) -> vector, per process
_QUERY_VECS: dict[tuple[str, str], Any] = {}
_VEC_CACHE_MAX = 50_000


def _embedder(kb):
    emb = getattr(kb, "embedding", None)
    if emb is None:
        return None
    try:
        return emb.embedder
    except Exception:  # no model available: lexical scoring only
        return None


def context_text(hit, sentence: str) -> str:
    """The sentence under its passage's title and heading (the chunk context), as the dense
    re-score of a reworded question embeds it: "建议" or "原因" in a heading says what the
    sentence is, where the sentence itself may not."""
    frame = " ".join(x for x in (getattr(hit, "title", "") or "", getattr(hit, "heading", "") or "") if x)
    return f"{frame}：{sentence}" if frame else sentence


def dense_similarities(question: str, sentences: list[str], kb) -> list[float] | None:
    """Cosine similarity of the question and each sentence (the KB's embedder; vectors cached per
    process), or None when the knowledge base has no embedder."""
    emb = _embedder(kb)
    if emb is None or not sentences:
        return None
    name = f"{getattr(emb, 'name', type(emb).__name__)}@{id(emb)}"
    with _VEC_LOCK:
        q = _QUERY_VECS.get((name, question))
        missing = list(dict.fromkeys(x for x in sentences if (name, x) not in _SENT_VECS))
    try:
        if q is None:
            q = emb.embed_query(question)
        vecs = emb.embed_passages(missing) if missing else []
    except Exception:
        return None
    with _VEC_LOCK:
        if len(_SENT_VECS) + len(missing) > _VEC_CACHE_MAX:
            _SENT_VECS.clear()
        if len(_QUERY_VECS) > 2000:
            _QUERY_VECS.clear()
        _QUERY_VECS[(name, question)] = q
        for x, v in zip(missing, vecs):
            _SENT_VECS[(name, x)] = v
        return [float(_SENT_VECS[(name, x)] @ q) for x in sentences]


# ------------------------------------------------------------------------------ what is asked for

# The answer type a question asks for: a date, a list, or an amount (a number that is not a date).
_DATE_Q = re.compile(r"何时|什么时候|啥时候|什么时间|哪一?年|哪一?天|哪个月|几月|何年|哪一?日")
_LIST_Q = re.compile(r"哪些|哪几")
_AMOUNT_Q = re.compile(r"多少|(?<![哪近这])几|数量|规模(?!以上)|多大|多高|多长|比例|占比|份额|比重|增速|增幅|增长率|几成")
_DATE_RX = re.compile(r"(?:19|20)\d\d\s*年|\d{1,2}\s*月|\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}")
_LIST_RX = re.compile(r"[、；;]|等|以及|和|与|及")


_TEXT_Q = re.compile(_TERMS["text_question"]) if _TERMS.get("text_question") else None
_COUNT_CUE = re.compile(_TERMS["count_cue"]) if _TERMS.get("count_cue") else None


# Round 22: a day asked (落款日期、哪一天、几月几日): the sentence or its context gives a day, not a year or a month alone
# (chat.yaml `day_question`, `day_answer`).
_DAY_Q = re.compile(_TERMS["day_question"]) if _TERMS.get("day_question") else None
_DAY_ANSWER = re.compile(_TERMS["day_answer"]) if _TERMS.get("day_answer") else None


def asks_day(question: str) -> bool:
    return bool(_DAY_Q and _DAY_ANSWER and _DAY_Q.search(question))


# Round 23: a document's signature date (落款) is the line of its own that holds only a date, at the end of the text
# ("民航局" / "2020年1月3日"); a web page's metadata line ("来源:某网 添加时间:2020-01-06") dates the page, not the
# document, and a paragraph that mentions a day (9月25日在某地指出) is no signature (chat.yaml `signature_question`,
# `signature_line`, `metadata_line`).
_SIGNATURE_Q = re.compile(_TERMS["signature_question"]) if _TERMS.get("signature_question") else None
_SIGNATURE_LINE = re.compile(_TERMS["signature_line"]) if _TERMS.get("signature_line") else None
_METADATA_LINE = re.compile(_TERMS["metadata_line"]) if _TERMS.get("metadata_line") else None


def asks_signature(question: str) -> bool:
    return bool(_SIGNATURE_Q and _SIGNATURE_LINE and _SIGNATURE_Q.search(question))


def signature_line(said: str) -> bool:
    """Does `said` hold a signature date line: a date alone (after the signing body's name, if any), no page
    metadata? Short lines the reader joined ("国务院办公厅；2021年11月26日；") are segments of one sentence."""
    return bool(_SIGNATURE_LINE) and any(
        (_SIGNATURE_LINE.search(seg.strip()) or (_SIGNATURE_Q.search(seg) and _DAY_ANSWER and _DAY_ANSWER.search(seg)))
        and not (_METADATA_LINE and _METADATA_LINE.search(seg))
        for seg in re.split(r"[；;。\n]", said) if seg.strip())  # (or a sentence that says the 落款 is a day)


def expected_type(question: str) -> str | None:
    """"date" (何时/哪年…), "list" (哪些/哪几), "amount" (多少/数量/规模/比例…) or None. A question of a
    text fact ("对培养规模提出了什么建议") that asks no count is not asking for an amount (chat.yaml
    `text_question`, `count_cue`)."""
    if _DATE_Q.search(question) or asks_day(question):
        return "date"
    if _LIST_Q.search(question):
        return "list"
    if _AMOUNT_Q.search(question):
        if _TEXT_Q and _COUNT_CUE and _TEXT_Q.search(question) and not _COUNT_CUE.search(question) \
                and not re.search(f"(?:{_AMOUNT_Q.pattern})(?:是|为|有)?(?:{_TEXT_Q.pattern})", question):
            return None  # (占比如何, 规模怎样: the amount is what is asked)
        return "amount"
    return None


def type_ok(kind: str | None, said: str, context: str, has_value: bool) -> bool:
    """Does the sentence give the kind of answer asked for? A date may come from its context."""
    if kind == "amount":
        return has_value
    if kind == "date":
        return bool(_DATE_RX.search(said) or _DATE_RX.search(context))
    if kind == "list":
        return bool(_LIST_RX.search(said))
    return True


# Characters that end a word without qualifying the next one ("…的工程师", "2024年销量").
_NOT_QUALIFIER = set("的和与及、，,。；：:是为在了对等年月日其中之（）()“”\"《》 ")


# How far before its head a qualifier may stand in a passage ("甲类、乙类和丙类企业销售额").
QUALIFIER_REACH = r"[^。；！？\n]{0,12}"


def qualifier_pairs(question: str, tok, df: dict[str, int]) -> list[tuple[str, str]]:
    """(qualifier, head) word pairs of the question ("工业", "机器人") whose qualifier is a word of the
    knowledge base: the answer must keep that qualifier, not another one ("服务机器人")."""
    splitter = getattr(tok, "_tok", None)
    words = splitter.lcut(question) if splitter is not None else tok.tokenize(question)
    pairs = []
    for m, h in zip(words, words[1:]):
        if len(m) < 2 or len(h) < 2 or m in QUESTION_WORDS or h in QUESTION_WORDS:
            continue
        if not (re.fullmatch(r"[\u4e00-\u9fff]+", m) and re.fullmatch(r"[\u4e00-\u9fff]+", h)):
            continue
        if df.get(m, 0) > 0:
            pairs.append((m, h))
    return pairs


def possessive_pairs(question: str, tok, df: dict[str, int]) -> list[tuple[str, str]]:
    """(owner, attribute) pairs joined by 的 ("存储器的贸易逆差"), both words of the knowledge base: a
    sentence that gives the attribute must be about that owner."""
    splitter = getattr(tok, "_tok", None)
    if splitter is None:
        return []
    words = splitter.lcut(question)
    tags = _pos_tags(question, tok) if "的" in question else []
    return [(m, h) for m, de, h in zip(words, words[1:], words[2:])
            if de == "的" and not _modifier_only(m, tags) and len(m) >= 2 and len(h) >= 2 and m not in QUESTION_WORDS and h not in QUESTION_WORDS
            and _HAN_RX.fullmatch(m) and _HAN_RX.fullmatch(h) and df.get(m, 0) > 0 and df.get(h, 0) > 0]


def _modifier_only(word: str, tags: list[tuple[str, str]]) -> bool:
    """Round 23: is `word` tagged only as an adjective or adverb ("每年平均的飞行时数": 平均 says how the attribute is
    counted, it owns nothing)?"""
    flags = [f for w, f in tags if w == word]
    return bool(flags) and all(f[:1] in ("a", "d") for f in flags)


# Round 20: a word of the title that ends with the owner ("某某行业产教融合共同体", one word to the tokenizer) names one of
# them: the owner 共同体 is in the title.
OWNER_COMPOUND = True


def owner_ok(pairs: list[tuple[str, str]], said: str, context_words: set[str]) -> bool:
    """False when the sentence gives an attribute the question asks of an owner ("存储器的贸易逆差")
    without naming that owner, in itself or as a word of its title or heading (or the end of one)."""
    return all(h not in said or m in said or m in context_words or abbreviates(m, said)
               or (OWNER_COMPOUND and any(len(w) > len(m) and w.endswith(m) for w in context_words)) for m, h in pairs)


def change_ok(focus: set[str], said: str) -> bool:
    """For "增长多少": does a number follow the change word (or a word for it) closely? "增长35.8%" does;
    "用人需求增长的主要来源" does not."""
    words = {f for f in focus if _CHANGE_RX.fullmatch(f) and f not in _SHARE_WORDS}
    if not words or any(f in _SHARE_WORDS for f in focus):
        return True
    words |= {a for f in words for a in TERM_ALTERNATES.get(f, ())}
    return any(re.search(re.escape(w) + r"[^。；;，,]{0,10}?\d", said) for w in words)


CHANGE_SUBJECT_GUARD = True


def change_figure_elsewhere(focus: set[str], attribute: set[str], said: str) -> bool:
    """For "产量增长了多少": is the asked attribute's change stated without a figure in its own segment ("产量同比大幅
    增长") while the figure after a change word is another subject's, in another segment ("投资增长9.1%；产量同比大幅
    增长")? A segment (between ；。) that holds the attribute and a figured change answers; a sentence whose segments
    cannot tell (the attribute with no change word) is left to the other checks."""
    words = {f for f in focus if _CHANGE_RX.fullmatch(f) and f not in _SHARE_WORDS}
    if not words or not attribute:
        return False
    words |= {a for f in words for a in TERM_ALTERNATES.get(f, ())}
    segments = _SEGMENT_SPLIT.split(said)
    figured = [any(re.search(re.escape(w) + r"[^。；;，,]{0,10}?\d", seg) for w in words) for seg in segments]
    named = [any(a in seg for a in attribute) for seg in segments]
    changed = [any(w in seg for w in words) for seg in segments]
    if any(f and n for f, n in zip(figured, named)):
        return False
    return any(n and c and not f for f, n, c in zip(figured, named, changed))


def nested_pairs(focus: set[str]) -> list[tuple[str, str]]:
    """Focus words where one qualifies another ("出口金额" over "金额") as (qualifier, head) pairs: a row or
    sentence stating the head with a rival qualifier ("进口金额") is not about it, whatever its caption says."""
    return sorted((g[:-len(f)], f) for g in focus for f in focus if f != g and g.endswith(f))


# Round 19 (a corpus never tuned on): the question's qualifier in its short form (规上 for 规模以上) is in the
# sentence; and for an amount, a head the sentence itself gives only with another qualifier of two Chinese
# characters (服务消费机器人 in a document titled about 工业机器人) is not the titled one, unless the question
# names that qualified head too (it asks of both).
ENTITY_SHORT_FORM = True
ENTITY_RIVAL_OVER_FRAME = True
_COUNT_BEFORE = re.compile(r"\d|[一二两三四五六七八九十百千万几多][个大类项种]$")
_SCOPE_WORDS = set(_TERMS.get("entity_scope_words", []) or [])


def _is_qualifier_word(word: str, tok) -> bool:
    """Is `word` one noun-like word (消费, 工业), not a verb or an adjective before the head (新增, 先进)?"""
    if tok is None:
        return True
    tags = _pos_tags(word, tok)
    return len(tags) == 1 and tags[0][1] in ("n", "vn", "nz", "b", "j")


def entity_ok(pairs: list[tuple[str, str]], said: str, where: str, tok=None, question: str = "",
              amount: bool = False) -> bool:
    """False when the sentence names a head the question qualifies ("工业机器人") only with another
    qualifier ("服务机器人"), and the question's qualifier is neither in the sentence nor a word of
    its context (its title or heading: "一、工业机器人"). Inside another word it does not count: the
    caption "进出口金额" does not make a row's "进口金额" about 出口金额. For an `amount`, the context does not
    excuse a sentence that qualifies every mention of the head otherwise (see `ENTITY_RIVAL_OVER_FRAME`) when the
    head goes on there as in the question (消费机器人制造企业 for 工业机器人制造企业; not 院校集成电路相关专业 for
    某集成电路共同体, where the head qualifies another noun)."""
    splitter = getattr(tok, "_tok", None)
    context_words = set(splitter.lcut(where)) if splitter is not None else None
    for m, h in pairs:
        if h not in said or m in said or (ENTITY_SHORT_FORM and abbreviates(m, said)):
            continue  # (规上 for 规模以上: the qualifier in its full form)
        starts = [i for i in range(len(said)) if said.startswith(h, i)]
        rivals = [said[max(0, i - 2):i] for i in starts]
        if not amount:  # 5大场景, 100个职业: a count, not a qualifier (of an amount, "6个职位" is a figure of the bare head)
            rivals = [r for r in rivals if not (ENTITY_SHORT_FORM and _COUNT_BEFORE.search(r))]
        named = all(len(r) == 2 and not (set(r) & _NOT_QUALIFIER) and r not in m and not abbreviates(m, r)
                    for r in rivals)
        if (m in context_words) if context_words is not None else (m in where):
            if not (ENTITY_RIVAL_OVER_FRAME and amount and rivals and named
                    and all(_HAN_RX.fullmatch(r) and r not in _SCOPE_WORDS and not _PLACE_RX.fullmatch(r)
                            and _is_qualifier_word(r, tok) for r in rivals)
                    and not any(r + h in question for r in rivals)
                    and all(said.startswith(x, i + len(h)) for i in starts for q, x in pairs if q == h)):
                continue
        if rivals and named:
            return False
    return True


# Round 16: the part for the whole. "一共有多少家" (a total count asked) answered by the count of a subset that a
# threshold qualifies ("人数超过1000人的企业32家"): the threshold is not the question's, so the figure is a part's.
THRESHOLD_SUBSET_GUARD = True


def threshold_subset(question: str, said: str, question_numbers: set[str]) -> bool:
    """Does a total-asking question (chat.yaml `cumulative_question`, `total_words`) meet a sentence whose
    figures are of things qualified by a threshold the question does not name ("超过1000人的…")?"""
    if not _THRESHOLD_BEFORE or not ((_CUMULATIVE_Q and _CUMULATIVE_Q.search(question)) or _TOTAL_RX.search(question)):
        return False
    for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[万亿千百]*[\u4e00-\u9fff]{0,2}?(?=\s*(?:以上|以下|以内|之间|左右)?的)", said):
        if _YEAR_RX.fullmatch(m.group(1)) and said.startswith("年", m.end(1)):
            continue  # 高于2024年的: a year, not a threshold
        if m.group(1) not in question_numbers and _THRESHOLD_BEFORE.search(said[:m.start()]):
            return True
    return False


# Round 16: the whole for a part. A qualifier the question puts before its head ("冷冻品进口金额"), which the
# passages also put before that head, must be named where the sentence gives the head bare: by the sentence,
# the one before it or its frame (for the metric asked, `focus_terms`, a word of it or the word before it:
# 进口 of 进口金额). A table row of the whole's figures ("农产品进出口金额｜进口金额：…")
# gives no rival qualifier for `entity_ok` to see, yet it is not the part's figure.
BARE_HEAD_GUARD = True
_CHANGE_WORDS = set(_TERMS["change_words"])


def bare_head(pairs: list[tuple[str, str]], said: str, where: str, tok=None) -> bool:
    """Does the sentence give a head of `pairs` with no word of its qualifier anywhere in `where`
    (sentence, the one before it, title, heading, caption, file name)?"""
    splitter = getattr(tok, "_tok", None)
    words = set(splitter.lcut(where)) if splitter is not None else None
    for m, h in pairs:
        if h not in said or h in _CHANGE_WORDS or m in where or abbreviates(m, where) \
                or any(a in where for a in TERM_ALTERNATES.get(m, set()) | SYNONYMS.get(m, set())):
            continue  # (产销 states 销量; 同比 is no metric)
        if words is not None and m in words:
            continue
        return True
    return False


# Round 16: "2011年几月印发的": the month (or day) asked is of the year the question gives; a sentence whose
# month belongs to another year ("2020年8月4日……继2011年某文件之后") does not date the thing asked.
MONTH_OF_YEAR_GUARD = True
_MONTH_Q = re.compile(r"((?:19|20)\d\d)\s*年[^，,。？?]{0,4}?(?:几月|哪个月|哪一?月|几月份|几号|哪一?天|几日)")


def month_of_year_ok(question: str, said: str) -> bool:
    """When the question gives a year and asks its month or day, does the sentence give a month of that year
    (2011年3月, 2011年3月28日)?"""
    m = _MONTH_Q.search(question)
    return not m or bool(re.search(m.group(1) + r"\s*年\s*\d{1,2}\s*月", said))


# Round 17: a document named by its number ("某函〔2020〕86号") was issued in the number's year; asked its
# month or day, the sentence must date it within that year ("2020年3月"), not give the year alone.
_DOC_YEAR_RX = re.compile(r"[〔［\[]\s*((?:19|20)\d\d)\s*[〕］\]]\s*\d+\s*号")
_MONTH_ASK_RX = re.compile(r"几月|哪个月|哪一?月|几号|哪一?天|几日")


def asked_month_years(question: str) -> set[str]:
    """The years whose month or day is asked: "2011年几月" and, for a month or day asked, the year of a document
    number the question names ("〔2020〕86号…几月份印发")."""
    m = _MONTH_Q.search(question)
    years = {m.group(1)} if m else set()
    if _MONTH_ASK_RX.search(question):
        years |= set(_DOC_YEAR_RX.findall(question))
    return years


def month_in_year_ok(question: str, said: str) -> bool:
    """Does the sentence give a month of each year whose month or day is asked (`asked_month_years`)?"""
    return all(re.search(y + r"\s*年\s*\d{1,2}\s*月", said) for y in asked_month_years(question))


# Round 17: the neighbouring head. The question's qualifier ("甲类") stands in the sentence before another head
# ("甲类机组" for "甲类设备", "冷链车辆" for "冷链乘用车"), and the question's head is nowhere in the sentence,
# the one before it or its frame: the figure is a neighbouring thing's, or the whole's for the part asked.
RIVAL_HEAD_GUARD = True
_HEAD_POS = ("n", "vn")
_RIVAL_HEAD_POS = {"n", "nz", "nt", "ng"}  # a noun after the qualifier (not a verb: 驾驶辅助 for 驾驶能力)


def rival_head(question: str, said: str, where: str, tok, df: dict[str, int]) -> bool:
    """Does the sentence put a qualifier of the question ("甲类" of "甲类设备") before another noun ("甲类机组"),
    with the question's head (a noun of the knowledge base) and its alternates absent from `where`?"""
    tags = _pos_tags(question, tok)
    said_tags = None
    for (m, _), (h, flag) in zip(tags, tags[1:]):
        if len(m) < 2 or len(h) < 2 or m in QUESTION_WORDS or h in QUESTION_WORDS \
                or not (_HAN_RX.fullmatch(m) and _HAN_RX.fullmatch(h)) or not flag.startswith(_HEAD_POS) \
                or not df.get(m, 0) or not df.get(h, 0) or h in _CHANGE_WORDS or h in _AMOUNT_WORDS \
                or _PLACE_RX.fullmatch(m):  # (销售规模 for 销售额: a word of amount is no head)
            continue
        if h in where or any(a in where for a in TERM_ALTERNATES.get(h, set()) | SYNONYMS.get(h, set())) \
                or abbreviates(h, where):
            continue
        said_tags = said_tags or _pos_tags(said, tok)
        for (w, w_pos), (r, r_pos) in zip(said_tags, said_tags[1:] + [("", "")]):
            # the noun after the qualifier: the next word, or the rest of a word the qualifier begins
            rival, pos = (r, r_pos) if w == m else (w[len(m):], w_pos) if w.startswith(m) else ("", "")
            if rival and _HAN_RX.fullmatch(rival) and pos in _RIVAL_HEAD_POS and rival[:2] != h[:2]:
                return True  # (甲类机组产销 for 甲类机组产量 shares the head: another metric, not this check's)
    return False


_PROFILE_CACHE: dict[str, tuple[float, Any]] = {}


def index_profile(kb):
    """The industry profile kept in the knowledge base's folder (`profile.yaml`), or None."""
    from .profile import PROFILE_FILE, load_profile

    index_dir = getattr(getattr(kb, "settings", None), "index_dir", None)
    if not index_dir:
        return None
    path = Path(index_dir) / PROFILE_FILE
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    hit = _PROFILE_CACHE.get(str(path))
    if hit is None or hit[0] != mtime:
        try:
            hit = (mtime, load_profile(path))
        except AssistantError:
            hit = (mtime, None)
        _PROFILE_CACHE[str(path)] = hit
    return hit[1]


def alias_qualifier(hits, tok):
    """`qualified(before, alias)` for `canonicalizer`: the word before the alias is a bound character
    (one character, or a splitting accident that is no dictionary word: "年冷" in "2024年冷链物流"),
    not a particle, and the passages write that character with the alias ("冷链…"): a narrower kind
    than the industry. A dictionary word before it ("中国", "全球") only places it."""
    raw = simplified("\n".join(f"{h.title or ''}\n{h.heading or ''}\n{h.text}" for h in hits))
    splitter = getattr(tok, "_tok", None)
    freq = getattr(splitter, "FREQ", None) or {}

    def qualified(before: str, alias: str) -> bool:
        c = before[-1:]
        if not c or not _HAN_RX.fullmatch(c) or c in _NOT_QUALIFIER:
            return False
        if len(before) > 1 and freq.get(before, 0) > 0:
            return False
        return c + alias in raw
    return qualified


@functools.lru_cache(maxsize=50_000)
def simplified(text: str) -> str:
    """`text` in Simplified characters (`textproc.to_simplified`), for matching only: a Simplified question
    meets a Traditional source on the same words and the answer still quotes the source as written."""
    return to_simplified(text)[0] if text else text


def canonicalizer(profile, tok, qualified=None):
    """A function that writes the profile's aliases of the industry as its name ("快递" → "快递物流"
    when the profile lists 快递 as an alias), word by word, so that a question and a passage that name
    the industry differently still match. Text is read in Simplified characters first (`simplified`);
    without a profile or a word splitter that is all it does.

    `qualified(before, alias) -> bool` says whether the word before an alias qualifies it: then the
    alias is left as written (a narrower thing the evidence names, not the industry)."""
    splitter = getattr(tok, "_tok", None)
    names = {a: profile.industry for a in getattr(profile, "aliases", ()) if a and a != profile.industry} \
        if profile is not None else {}
    if not names or splitter is None:
        return simplified

    def canon(text: str) -> str:
        if not text:
            return text
        text = simplified(text)
        out: list[str] = []
        words = splitter.lcut(text)
        for k, w in enumerate(words):
            narrower = qualified is not None and k > 0 and w in names and qualified(words[k - 1], w)
            out.append(w if narrower else names.get(w, w))
        return "".join(out)
    return canon


SOURCE_IN_FRAME = bool(_TERMS.get("source_in_frame", False))


def _source_words(source: str) -> str:
    """The words of a document's file name, without its years, numbers and extension
    ("2025_企业案例_某公司.docx" -> "企业案例 某公司")."""
    stem = Path(source).stem if source else ""
    return re.sub(r"[\d_\-—–.（）()]+", " ", stem).strip()



# ------------------------------------------------------------------ the asked answer's kind, part and subject
# "比上年多了多少", "增加了多少": a change is asked; the answer states one (增长16.9%, 增加3家), not the level.
_CHANGE_Q = re.compile(r"(?:(?:比|较|与|和)(?:上年|去年|上一年|前一年|上月|上季度|(?:19|20)\d\d\s*年)[^，,。？?]{0,6}?"
                       r"(?:多|少|增加|增长|减少|下降|提高|降低|涨|跌)了?|(?:增加|增长|减少|下降|提高|降低|多|少)了)"
                       r"(?:多少|几)")
_CHANGE_A = re.compile(r"(?:增|减|降|涨|跌|多|少|提高|上升|回落|扩大|缩小)[^。；;，,]{0,10}?\d|[%％]|百分点")
# "多少个", "几个", "多少家", "数量是多少": a count is asked; a growth rate alone does not give it.
_COUNT_Q = re.compile(r"(?:多少|(?<![哪近这第])几)\s*(?:个|家|所|名|位|人|项|种|条|类)|数量|个数|家数|人数")
_PERCENT_VALUE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*[%％]")
# A list of several items closed by their count ("甲、乙、丙三个方向", "甲、乙两家企业"): a figure stated
# after it is the group's, not one member's.
_GROUP_RX = re.compile(r"((?:[^、，,。；;：:（）()]{2,40}?、)+[^、，,。；;：:（）()]{2,40}?)(?:等)?"
                       r"([两二三四五六七八九十\d]+\s*(?:个|家|所|类|项|种|大|条|位|名|批))")
# Words that ask of the group itself ("合计", "分别", "各", "哪些").
_GROUP_Q = re.compile(r"合计|共计|总计|一共|总共|共有|分别|各(?:自|个)?|哪些|哪几|都")
# Words of a share or a change that close an attribute ("装车量占比", "出口额增长").
_SLOT_WORDS = sorted(set(_TERMS["percent_words"]) | {"增长", "下降", "增加", "减少"}, key=len, reverse=True)
_SLOT_Q = re.compile(r"([\u4e00-\u9fff]{2})(" + "|".join(map(re.escape, _SLOT_WORDS)) + r")")
# Characters that end a metric's name ("装车量", "出口额", "招聘数"): siblings share them.
_METRIC_HEADS = set("量额数值")


def values_beyond(said: str, question_numbers: set[str], count: bool = False, question: str = "") -> bool:
    """Does the sentence give a value that is not a year nor a number the question already states
    ("19个新职业中有几个…": 19 is not the answer)? For a count, a percentage is no value either."""
    text = _YEAR_RX.sub("", said)
    for m in re.finditer(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!\s*(?:月|日|号|季度))", text):
        if m.group(0) in question_numbers:
            continue
        if count and re.match(r"\s*[%％]", text[m.end():]):
            continue
        return True
    # a count in words ("三个层级", "第三份") that the question does not state
    return any(m.group(0) not in question for m in re.finditer(
        r"[一二两三四五六七八九十]+\s*(?:个|份|家|所|名|位|人|项|种|条|类|层|批|级|大|次|门|座|台|辆|套)", said))


# Round 34: verbs that open a list inside its clause ("某校开设甲、乙等5个专业"; chat.yaml `group_lead_verbs`).
GROUP_LEAD_GUARD = bool(_TERMS.get("group_lead_verbs"))
_GROUP_LEAD_RX = _words_rx("group_lead_verbs")


def _after_lead_verb(item: str) -> str:
    """The first item of a list its clause opens with a verb ("35所学校开设甲" → 甲), or the item as it is."""
    return _GROUP_LEAD_RX.split(item)[-1] or item


def group_member(question: str, said: str) -> str:
    """The one member of a counted list in the sentence ("甲、乙、丙三个方向，在读学生212人") that the
    question names when it names no other one and does not ask of the group; "" otherwise, or when the
    sentence gives that member a figure of its own."""
    if _GROUP_Q.search(question):
        return ""
    for m in _GROUP_RX.finditer(said):
        items = [re.sub(r"^(?:覆盖|包括|包含|涉及|有|是|为|即|其中|如)", "", x.strip()) for x in m.group(1).split("、")]
        if GROUP_LEAD_GUARD:  # round 34: "35所学校开设甲、乙等5个专业": the first item is 甲, not the clause before it
            items[0] = _after_lead_verb(items[0])
        items = [re.split(r"[和与及]", x)[-1] if len(x) > 2 else x for x in items]
        named = [x for x in items if len(x) >= 2 and x in question]
        rest = said[m.end():]
        if "分别" in rest:  # "三个岗位的流失率分别为18%、21%和16%": each member has its own
            continue
        if len(named) == 1 and len(items) >= 2 and not re.search(re.escape(named[0]) + _OWN_FIGURE, said):
            if _VALUE_RX.search(_YEAR_RX.sub("", rest)):
                return named[0]
    if ENCLOSED_GROUP_GUARD:
        # round 21: a list without its count, closed by 等 or by a bracket ("第一梯队（甲、乙、丙）合计近70%",
        # "甲、乙、丙等食材的流通率30%"): the figure after it is the group's too
        for m in _ENCLOSED_GROUP_RX.finditer(said):
            items = [x.strip() for x in m.group(1).split("、")]
            items[0] = re.split(r"其中|包括|包含|涉及|有|是|为|即|如|以", items[0])[-1]  # "第一梯队为甲" → 甲
            lead = GROUP_LEAD_GUARD and bool(_GROUP_LEAD_RX.search(items[0]))
            if lead:  # round 34: "订单超107GWh，覆盖甲、乙、丙等市场" → 甲
                items[0] = _after_lead_verb(items[0])
            if any(re.search(r"\d", x) for x in items):
                continue  # "甲、乙和丙约320人，": the figure sits in the last item, which is no name
            items = items[:-1] + [x for x in re.split(r"和|与|及|以及", items[-1]) if x]
            named = [x for x in items if len(x) >= 2 and x in question]
            rest = said[m.end():]
            # round 34: after a verb-opened list, a later sentence that does not go on with it (其中) speaks of
            # something else ("而……预测，甲装机将达26GWh" is no share of the orders)
            own = re.split(r"。(?!其中)", rest, 1)[0] if lead else rest
            if "分别" in rest or len(items) < 3 or len(named) != 1 \
                    or named[0] in said[:m.start()] + " " + own:  # the member spoken of on its own too
                continue
            if _VALUE_RX.search(_YEAR_RX.sub("", rest.split("。")[0])):
                return named[0]
            # round 34: a list its clause opens with a verb (覆盖, 包括) after the figure: the figure is the group's
            if lead and _VALUE_RX.search(_YEAR_RX.sub("", said[:m.start()].rsplit("。", 1)[-1])):
                return named[0]
    return ""


ENCLOSED_GROUP_GUARD = True
_ENCLOSED_GROUP_RX = re.compile(r"((?:[^、，,。；;：:（）()]{2,20}?、)+[^、，,。；;：:（）()]{2,30}?)(?:等(?=[\u4e00-\u9fff])|[）)]|(?=[，,]))")


# "约120名甲、乙和丙人员中，乙有多少": the question states a total and asks one part of it.
PART_WITHIN_GUARD = True  # round 15: "…里，" / "…当中，" state the whole as "…中，" does


def _part_of_q(within: str) -> re.Pattern:
    return re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!\s*(?:年|月|日|季度))[^，,。？?]{0,30}?(?:" + within
                      + r")[，,]\s*([^，,。？?]{2,24}?)(?:" + "|".join(map(re.escape, sorted(
                          _TERMS.get("part_ask_trail", []) or ["有"], key=len, reverse=True))) + r")*(?:多少|几)")


_PART_OF_Q = _part_of_q("中")
_PART_WITHIN_Q = _part_of_q("|".join(map(re.escape, _TERMS.get("part_within", []) or ["中"])))


# Round 30: the whole or another part for the part asked. An amount question puts a word that splits a metric into
# parts ("国内", "入境", "过夜": chat.yaml `partition_qualifiers`) right before a word ("国内旅游收入", "入境游客"), and the
# sentence has that word but not the qualifier outside a word joining both parts ("国内外", `partition_joined`), nor
# its frame (title, heading, caption, file name) the qualifier before that word: the sentence gives that word's total
# ("旅游总收入") or another part's figure. (A sentence without the word may name the thing otherwise: 集成电路 for 芯片.)
PARTITION_GUARD = bool(_TERMS.get("partition_qualifiers"))
_PARTITION = sorted(_TERMS.get("partition_qualifiers", []) or [], key=len, reverse=True)
_PARTITION_JOINED = _words_rx("partition_joined")


def partition_missing(question: str, said: str, frame: str) -> bool:
    """Does the question qualify a word of the sentence with a part ("入境游客" for the sentence's "游客") that the
    sentence does not name (a word joining both parts, "国内外", names neither) and its frame does not put before
    that word?"""
    if not PARTITION_GUARD:
        return False
    said, frame = _PARTITION_JOINED.sub("", said), _PARTITION_JOINED.sub("", frame)
    question = _PARTITION_JOINED.sub("", question)
    for p in _PARTITION:
        for m in re.finditer(re.escape(p), question):
            head = question[m.end():m.end() + 2]
            # the sentence's own head needs the part before it in the frame ("国内旅游" heading, not "国内游" title)
            if len(head) == 2 and _HAN_RX.fullmatch(head) and head in said and p not in said and p + head not in frame:
                return True
    return False


def stated_total_part(question: str, said: str, splitter, question_numbers: set[str]) -> bool:
    """The question states a total and asks one part of it ("1320名甲和乙中，乙有多少人"): does the
    sentence fail to give that part a figure of its own (a word of the part followed by a number the
    question does not state)? The total's own sentence ("甲和乙1320人，占61%") answers for the group."""
    m = (_PART_WITHIN_Q if PART_WITHIN_GUARD else _PART_OF_Q).search(question)
    if not m or _GROUP_Q.search(question) or splitter is None:
        return False
    words = {w for w in splitter.lcut(m.group(1)) if len(w) >= 2 and _HAN_RX.fullmatch(w) and w not in QUESTION_WORDS}
    for w in words:
        for k in re.finditer(re.escape(w) + _OWN_FIGURE, said):
            figure = re.match(r"\d+(?:\.\d+)?", said[k.end() - 1:])
            if figure and figure.group(0) not in question_numbers:
                return False
    return bool(words)


_RATE_ANSWER = re.compile(_TERMS["rate_answer"]) if _TERMS.get("rate_answer") else None
_RATE_WORD = re.compile(r"[\u4e00-\u9fff]率|" + "|".join(map(re.escape, sorted(_TERMS["percent_words"], key=len, reverse=True))))


_COUNTED_MEASURES = "|".join(map(re.escape, _TERMS.get("counted_measures", []) or ["个"]))
_COUNTED_RX = re.compile(r"(?:多少|(?<![哪近这第])几)\s*(?:" + _COUNTED_MEASURES +
                         r")((?:(?!多少|几)[\u4e00-\u9fff]){1,12}?)(?=[？?，,。；;！!]|$|是|呢|吗|啊|来着|了|[？?])")
_COUNTED_LONG = 8  # Round 28: a noun longer than this (某某操控员执照考试点) is also said by its last three characters (考试点)
_COUNTED_GENERIC = re.compile("(?:" + "|".join(map(re.escape, _TERMS.get("counted_generic_tails", []) or ["人员"])) + ")$")


# A count written in words ("两门课程", "三个方向"); 一 is left out (一所学校 is "a school", not a count).
_WORD_COUNT_RX = re.compile(r"[两二三四五六七八九十]+\s*(?:" + _COUNTED_MEASURES + ")")


def counted_noun(question: str) -> str:
    """The noun a count question counts ("几门课" → 课, "多少个网点" → 网点, "多少名某某测试人员" → 某某测试人员)."""
    m = _COUNTED_RX.search(question)
    if not m:
        return ""
    noun = m.group(1)
    import jieba.posseg as pseg  # loaded on the first count question only

    # the noun only: not a one-character modifier before it (新专业) nor a verb after it (企业参加)
    words = [(w.word, w.flag) for w in pseg.lcut(noun)]
    while len(words) > 1 and len(words[0][0]) == 1:
        words = words[1:]
    cut = next((k for k in range(1, len(words)) if all(f.startswith("v") for _, f in words[k:])), len(words))
    noun = "".join(w for w, _ in words[:cut]) or noun
    return "" if noun in QUESTION_WORDS else noun


def counted_ok(noun: str, said: str, frame: str = "") -> bool:
    """Is the counted noun said in the sentence (or its table caption), itself, as a near-synonym or, for a
    job or group noun ("某某测试人员"), as its distinctive part? A figure of another noun (门店 for 网点,
    实习生 for 课程) does not count it."""
    if not noun:
        return True
    text = f"{frame} {said}"
    if noun in text or any(w in text for w in SYNONYMS.get(noun, ())):
        return True
    if len(noun) > _COUNTED_LONG and noun[-3:] in text:
        return True
    core = _COUNTED_GENERIC.sub("", noun)
    return bool(core) and core != noun and len(core) >= 2 and core in text


_ORG_SUFFIXES = tuple(_TERMS.get("org_suffixes", []) or [])
_WHICH_RX = re.compile(r"(?:" + _TERMS["which_leads"] + r")([\u4e00-\u9fff]{2,16}?)(?=[？?，,。；;！!]|$|是|呢|吗|啊|来着)")


def named_orgs(question: str, splitter) -> set[str]:
    """Organisations the question names ("某某大学", "某某研究院"): a word followed by an organisation
    suffix, written together. The evidence must name the same one, not another with a shared word."""
    if not _ORG_SUFFIXES or splitter is None:
        return set()
    words = splitter.lcut(question)
    out = set()
    for a, b in zip(words, words[1:] + [""]):
        if b in _ORG_SUFFIXES and len(a) >= 2 and _HAN_RX.fullmatch(a) and a not in QUESTION_WORDS:
            out.add(a + b)
        elif a not in _ORG_SUFFIXES and a.endswith(_ORG_SUFFIXES) and len(a) >= 4 and _HAN_RX.fullmatch(a):
            out.add(a)  # written as one word ("理工大学")
    return out


def which_head(question: str, splitter) -> str:
    """The kind of thing a "哪个X" / "什么样的X" question asks for (its last word: 哪个省级某某联盟 → 联盟,
    打造一批什么样的平台 → 平台): the answer sentence must name that kind (`which_leads` in chat.yaml)."""
    m = _WHICH_RX.search(question)
    if not m or splitter is None:
        return ""
    words = [w for w in splitter.lcut(m.group(1)) if _HAN_RX.fullmatch(w)]
    return words[-1] if words and len(words[-1]) >= 2 else ""


def sibling_metric(question: str, said: str) -> bool:
    """Does the sentence give the share or change of a sibling metric ("产量占比" for "装车量占比": the same
    head character, another word) and never the asked one?"""
    for m in _SLOT_Q.finditer(question):
        asked, word = m.group(1), m.group(2)
        if asked[-1] not in _METRIC_HEADS or asked in said:
            continue
        for k in re.finditer(re.escape(word), said):
            pre = said[max(0, k.start() - 2):k.start()]
            if len(pre) == 2 and _HAN_RX.fullmatch(pre) and pre[-1] == asked[-1] and pre != asked:
                return True
    return False


# Round 15: near misses of a neighbouring threshold, metric or kind of total (each can be switched off).
SPAN_GUARD = True
SIBLING_AMOUNT_GUARD = True
FLOW_GUARD = True
_SPAN_Q = re.compile(r"(?<![\d.])(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:个)?年(?:及)?(?:以上|以下|以内)")
_YEARS_SAID = re.compile(r"(?<![\d.])(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:个)?年")


def span_numbers(question: str) -> set[int]:
    """The spans of years that qualify what is asked ("3年以上工作经验", "五年以内"): a threshold, not a year."""
    return {_num(m.group(1)) for m in _SPAN_Q.finditer(question)} - {0}


def span_ok(spans: set[int], text: str) -> bool:
    """Does the text name every asked span of years ("5年以上" does not answer "3年以上")?"""
    said = {_num(m.group(1)) for m in _YEARS_SAID.finditer(text)}
    return spans <= said


# Round 19: "工作一到两年的" asks of a range of years (of experience, of service): the sentence must name that range
# ("1-2年"), not another one ("3-5年").
SPAN_RANGE_GUARD = True
SPAN_RANGE_MAX = 10
_SPAN_NUM = r"(\d{1,2}|[一二两三四五六七八九十]{1,2})"
_SPAN_RANGE = re.compile(r"(?<![\d.年])" + _SPAN_NUM + r"\s*(?:个)?(?:年)?\s*(?:到|至|[-—–~～])\s*" + _SPAN_NUM
                         + r"\s*(?:个)?年(?![\d])")


def span_ranges(text: str) -> set[tuple[int, int]]:
    """The ranges of years a text names ("一到两年" → (1, 2), "3-5年" → (3, 5)); a span of calendar years is no range."""
    return {(_ordinal(m.group(1)), _ordinal(m.group(2))) for m in _SPAN_RANGE.finditer(text)} - {(0, 0)}


# Round 16: "第十一年到第十五年" asks of those years of a term: the sentence must name the same ordinal years
# ("第一年至第十年" is another part of the term).
ORDINAL_SPAN_GUARD = True
_ORDINAL_YEAR = r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个)?年"
_ORDINAL_SPAN_Q = re.compile(_ORDINAL_YEAR + r"\s*(?:至|到|[-—–~～])\s*" + _ORDINAL_YEAR)


def _ordinal(x: str) -> int:
    """1, 十一 → 11, 二十 → 20 (Arabic or Chinese numerals up to 99)."""
    if x.isdigit():
        return int(x)
    if "十" in x:
        tens, _, ones = x.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(x, 0)


def ordinal_spans(question: str) -> set[tuple[int, int]]:
    return {(_ordinal(m.group(1)), _ordinal(m.group(2))) for m in _ORDINAL_SPAN_Q.finditer(question)}


def ordinal_span_ok(spans: set[tuple[int, int]], text: str) -> bool:
    """Does the text name the asked ordinal years (its first and last) of every span?"""
    said = {_ordinal(m.group(1)) for m in re.finditer(_ORDINAL_YEAR, text)}
    return all(a in said and b in said for a, b in spans)


# Round 16: "第二条是什么" asks for one item of an enumeration: the sentence must mark that item ("二是", "第二",
# "其二", "（二）", "2.").
ORDINAL_ITEM_GUARD = True
_ORDINAL_ITEM_Q = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:条|项|点|步|个方面|方面)")


def _lead(text: str, sentence: str) -> str:
    """The few characters before `sentence` in its passage: a list marker ("（一）") the splitter left out."""
    k = text.find(sentence[:12])
    return text[max(0, k - 6):k] if k > 0 else ""


def ordinal_items(question: str) -> set[int]:
    return {_ordinal(m.group(1)) for m in _ORDINAL_ITEM_Q.finditer(question)} - {0}


def ordinal_item_ok(items: set[int], text: str) -> bool:
    """Does the text mark every asked item (第二, 二是, 其二, （二）, 2.)?"""
    cn = "一二三四五六七八九十"
    for n in items:
        word = cn[n - 1] if 1 <= n <= 10 else str(n)
        if not re.search(f"第\\s*(?:{word}|{n})(?!\\d)|(?<![\\u4e00-\\u9fff\\d]){word}是|其{word}|[（(]{word}[）)]|(?<![\\d.])"
                         f"{n}\\s*[.、．）)]", text):
            return False
    return True


# Round 21: "排名第二的企业是哪家" asks for one place of a ranking: a sentence that names another place ("国内第一")
# and not the asked one does not answer it (chat.yaml `rank_question`, `rank_words`).
RANK_GUARD = bool(_TERMS.get("rank_question"))
_RANK_Q = re.compile(_TERMS["rank_question"]) if RANK_GUARD else None
_RANK_WORDS = {int(k): list(v) for k, v in (_TERMS.get("rank_words") or {}).items()}


def asked_ranks(question: str) -> set[int]:
    """The places of a ranking the question asks for (排名第二 → 2), first place left out."""
    if _RANK_Q is None:
        return set()
    return {n for m in _RANK_Q.finditer(question) for n in [_ordinal(next(g for g in m.groups() if g))] if n >= 2}


# Round 31: a question about a table cell points at the table ("表里", "那张排行表", "一栏") or the article it is in, and names
# the row by its place in a ranking ("排第三", "位列榜首", "前五"). In a table row those words are said by the table (its
# frame) and by its rank cell ("排名：3"), not words the row must hold (chat.yaml `table_pointer`, `document_nouns`,
# `rank_terms`, `rank_first`, `rank_column`).
_TABLE_POINTER = re.compile(_TERMS["table_pointer"]) if _TERMS.get("table_pointer") else None
TABLE_POINTER = _TABLE_POINTER is not None
_DOCUMENT_NOUNS = set(_TERMS.get("document_nouns", []) or [])
_RANK_TERM = re.compile(_TERMS["rank_terms"]) if _TERMS.get("rank_terms") else None
_RANK_FIRST = tuple(_TERMS.get("rank_first", []) or [])
_RANK_COLUMN = re.compile(_TERMS["rank_column"]) if _TERMS.get("rank_column") else None
_RANK_CUTOFF = re.compile(r"前\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:名|位|强)?")


def table_rank(row: str) -> int:
    """The place a table row's rank cell gives ("排名：3；省份：甲" → 3), 0 when it has none."""
    m = _RANK_COLUMN.search(row) if _RANK_COLUMN else None
    return int(m.group(1)) if m else 0


def asked_table_ranks(question: str) -> tuple[set[int], int]:
    """The places a question asks for (first place too: 榜首) and the cut-off of a top list it names (前五 → 5)."""
    ranks = asked_ranks(question) | ({1} if any(w in question for w in _RANK_FIRST) else set())
    m = _RANK_CUTOFF.search(question)
    return ranks, _ordinal(m.group(1)) if m else 0


def table_pointed(terms, row: str, ranks: set[int], cutoff: int) -> set[str]:
    """The question terms a table row says by being a row of its table: the words pointing at the table or its
    article, and the rank words when the row's rank cell is the asked place (and within the asked top list)."""
    if not TABLE_POINTER:
        return set()
    out = {t for t in terms if _TABLE_POINTER.match(t) or t in _DOCUMENT_NOUNS}
    place = table_rank(row)
    if _RANK_TERM and place and (not ranks or place in ranks) and (not cutoff or place <= cutoff):
        out |= {t for t in terms if _RANK_TERM.match(t)}
    return out


def rank_ok(ranks: set[int], text: str) -> bool:
    """Does the text name every asked place (第二, 第2, or a word that says it: 仅次于 for the second)?"""
    cn = "一二三四五六七八九十"
    for n in ranks:
        word = cn[n - 1] if 1 <= n <= 10 else str(n)
        if not re.search(f"第\\s*(?:{word}|{n})(?![\\d十])", text) and not any(w in text for w in _RANK_WORDS.get(n, [])) \
                and not ranked_list(n, text):
            return False
    return True


_RANK_LIST_CUE = re.compile(_TERMS["rank_list_cue"]) if _TERMS.get("rank_list_cue") else None


def ranked_list(n: int, text: str) -> bool:
    """Does the text list at least `n` items in ranked order ("依次为：甲、乙、丙")? Then it says the n-th."""
    m = _RANK_LIST_CUE.search(text) if _RANK_LIST_CUE else None
    return bool(m) and len(re.split(r"[、，,；;]", re.split(r"[。！？]", text[m.end():])[0])) >= n


_AMOUNT_ASKED = re.compile(r"([\u4e00-\u9fff]{1,2})([量额数值])(?:是|有|为|达到?|约|大约|一共|总共|共)?(?:多少|几)")
_AMOUNT_SAID = re.compile(r"([\u4e00-\u9fff]{1,2})([量额数值])(?:为|达到?|是|约|共|超过|近)?\s*\d")


def sibling_amount(question: str, said: str) -> bool:
    """Does the sentence give the figure of a sibling metric ("产量184万" for "装车量是多少": the same head
    character after another character) and never the asked one? The same character before the head is the
    same metric of another noun ("乳粉产量" for "奶酪产量": the entity checks judge that), and a sentence that
    uses the first character of the asked word anywhere is read as a paraphrase (销量 for 销售量)."""
    for m in _AMOUNT_ASKED.finditer(question):
        lead, head = m.group(1), m.group(2)
        if lead + head in said or lead[0] in said:
            continue
        if any(w.group(2) == head and w.group(1)[-1] != lead[-1] for w in _AMOUNT_SAID.finditer(said)):
            return True
    return False


_CUMULATIVE_Q = re.compile(_TERMS["cumulative_question"]) if _TERMS.get("cumulative_question") else None
_PER_PERIOD = re.compile(_TERMS["per_period_answer"]) if _TERMS.get("per_period_answer") else None
_CUMULATIVE_SAID = re.compile(_TERMS["cumulative_answer"]) if _TERMS.get("cumulative_answer") else None


def flow_for_stock(question: str, said: str) -> bool:
    """A total to date asked (一共培养了多少), the sentence gives only a per-period figure (每年培养约80人)."""
    if not (_CUMULATIVE_Q and _PER_PERIOD and _CUMULATIVE_SAID):
        return False
    return bool(_CUMULATIVE_Q.search(question) and _PER_PERIOD.search(said) and not _CUMULATIVE_SAID.search(said))


EXCEPT_GUARD = True
_EXCEPT_Q = re.compile(_TERMS["except_question"]) if _TERMS.get("except_question") else None


def excepted_items(question: str) -> list[str]:
    """What a list question sets aside ("除了甲，还有哪些" → ["甲"]): the sentence must list more than it."""
    m = _EXCEPT_Q.search(question) if _EXCEPT_Q else None
    return [x for x in re.split(r"[、，,和与及]", m.group(1)) if len(x) >= 2] if m else []


# Round 19: "除了甲、乙还有哪些" is answered by the list that holds 甲 or 乙 (or a full form of them: 工信部 /
# 工业和信息化部); a sentence naming none of them lists something else.
EXCEPT_NAMED_GUARD = True


def lists_beyond(items: list[str], said: str) -> bool:
    """Does the sentence still hold a list once the set-aside items are taken out? (A table row's cells,
    one after another behind ；, are no list.)"""
    for x in items:
        said = said.replace(x, "")
    return bool(_ITEMS_RX.search(said))


_ITEMS_RX = re.compile(r"、|等|以及|和|与|及")


_EXPLAIN = [(e["kind"], re.compile(e["question"]), re.compile(e["answer"]))
            for e in _TERMS.get("explain_questions", []) or []]
EXPLAIN_GUARD = bool(_EXPLAIN)
RIVAL_GUARD = True
# Parts of speech of a qualifier (nouns, distinguishing words: 整机, 工业) in the question, and of a rival
# qualifier in the sentence, where a verb qualifies too ("制造企业", "设计企业"); never a pronoun ("这类").
# A head is a noun ("工程师", "企业"; a word of the industry profile is tagged x), not a verb ("统计"); a bound
# character joins the qualifier before it ("工业" + "级") when it is a measure or noun morpheme, not a verb ("占").
_QUALIFIER_POS = ("n", "vn", "j", "eng", "b", "x")
_RIVAL_POS = _QUALIFIER_POS + ("v",)
_HEAD_POS = ("n", "vn", "j", "eng", "x", "l")
_BOUND_POS = ("q", "n", "b", "k")
# Two figures of the same unit ("甲为12%，乙为15%"; "进口4000亿美元…出口1500亿美元") answer a difference too.
_UNIT_VALUE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*([%％]|[万亿千百]*[\u4e00-\u9fffA-Za-z]{1,3})")


def explain_kinds(question: str) -> list[tuple[str, re.Pattern]]:
    """The kinds of sense a question asks for (why, meaning, difference, common feature: `explain_questions`
    of chat.yaml) with the wording an answer to each carries; empty for a question of fact."""
    return [(kind, answer) for kind, asked, answer in _EXPLAIN if asked.search(question)] if EXPLAIN_GUARD else []


def explain_ok(kinds: list[tuple[str, re.Pattern]], said: str, frame: str = "") -> bool:
    """Does the sentence (or its heading and caption) carry the wording each asked-for sense needs
    (由于/导致 for why, 是指/即/同义 for meaning, 相差/百分点 for a difference, 都/上述 for a common feature)?
    A sentence that only shares the question's nouns (a figure, a unit note) explains nothing. A difference
    may also be given as two figures of the same unit."""
    for kind, answer in kinds:
        if answer.search(said) or answer.search(frame):
            continue
        if kind == "difference":
            units = [u[:2] for u in _UNIT_VALUE.findall(_YEAR_RX.sub("", said))]
            if any(units.count(u) >= 2 for u in units):
                continue
        return False
    return True


def qualified_heads(question: str, tok, df: dict[str, int]) -> list[tuple[str, str]]:
    """(qualifier, head) pairs of the question: a noun of the knowledge base, or such a noun with a bound
    character after it ("工业" + "级"), right before a head word ("工程师", "企业", "无人机"). Places and
    question words are not qualifiers; pronouns and verbs ("这类", "招聘") are not either."""
    splitter = getattr(tok, "_tok", None)
    if splitter is None:
        return []
    words = splitter.lcut(question)
    tags = _pos_tags(question, tok)
    mods = [(w, w, k + 1) for k, w in enumerate(words[:-1])]
    flag = dict(tags)
    mods += [(a + b, a, k + 2) for k, (a, b) in enumerate(zip(words, words[1:]))
             if len(b) == 1 and flag.get(b, "x").startswith(_BOUND_POS) and k + 2 < len(words)]
    return [(m, words[k]) for m, word, k in mods
            if len(word) >= 2 and len(words[k]) >= 2 and word not in QUESTION_WORDS and words[k] not in QUESTION_WORDS
            and _HAN_RX.fullmatch(m) and _HAN_RX.fullmatch(words[k]) and df.get(word, 0) > 0
            and not _PLACE_RX.fullmatch(word) and flag.get(word, "").startswith(_QUALIFIER_POS)
            and flag.get(words[k], "").startswith(_HEAD_POS)]


# Round 29: "哪个机构印发" — the qualifier is the kind of name asked, not an entity the question gives (chat.yaml
# `asked_qualifier_before`).
_ASKED_QUALIFIER = _TERMS.get("asked_qualifier_before")


def rival_qualifier(pairs: list[tuple[str, str]], question: str, said: str, frame: str, tok,
                    df: dict[str, int]) -> bool:
    """Does the sentence give a head the question qualifies (`qualified_heads`: "乙工程师") with another
    qualifier of its own ("甲工程师": the word before the head is a different noun of the knowledge base),
    while the question's qualifier is nowhere in the sentence or its frame (title, heading, caption, file
    name)? Then it speaks of a sibling entity, not the one asked."""
    pairs = [(m, h) for m, h in pairs if h in said and m not in said and m not in frame and not abbreviates(m, said)
             and not (_ASKED_QUALIFIER and re.search(f"(?:{_ASKED_QUALIFIER})" + re.escape(m + h), question))]
    if not pairs:
        return False
    said_tags = _pos_tags(said, tok)
    for m, h in pairs:
        for (r, flag), (w, _) in zip(said_tags, said_tags[1:]):
            if w == h and len(r) >= 2 and _HAN_RX.fullmatch(r) and r not in question and df.get(r, 0) > 0 \
                    and flag.startswith(_RIVAL_POS) and not _PLACE_RX.fullmatch(r) \
                    and r not in SYNONYMS.get(m, ()):
                return True
    return False


# Round 18: the checks of fresh13's near misses. A table cell the question names left blank in its row ("总数：—");
# a group named by its count ("甲等六部门") for a list of its members; a date asked of an event the sentence names
# without its date; a year's figure asked where the sentence gives other years' figures; a figure restricted by an
# adverbial ("在国内市场") the sentence does not state.
BLANK_CELL_GUARD = True
COUNTED_GROUP_GUARD = True
EVENT_DATE_GUARD = True
YEAR_FIGURE_GUARD = True
SCOPE_ADVERBIAL_GUARD = bool(_TERMS.get("scope_adverbial"))
_SCOPE_ADVERBIAL = re.compile(_TERMS["scope_adverbial"]) if SCOPE_ADVERBIAL_GUARD else None
_EVENT_DATE_SKIP = set(_TERMS.get("event_date_skip", []) or [])
_UNIT_NOTE = re.compile(r"[（(][^）)]*[）)]")
_COUNTED_GROUP = re.compile(r"([^，,。；;：:（）()]{2,80}?)等\s*([一二两三四五六七八九十]+|\d+)\s*(?:个|家|所|项|名|位|种|类|条)?"
                            r"(?=[\u4e00-\u9fff])")
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?]")
_SEGMENT_SPLIT = re.compile(r"[；;。！？!?]")
_CLAUSE_OPEN = re.compile(r"[，,：:]\s*(?:到|至|在|于)?\s*$")
_FULL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


ITEM_COUNT_GUARD = True
# Round 19: "第几版 / 第几期 / 第几届" asks for a numbered item of that measure (chat.yaml `ordinal_asked_measures`):
# the sentence must give one ("07版", "第三届"); a date line of the article does not say its page.
_ORDINAL_MEASURES = "|".join(map(re.escape, _TERMS.get("ordinal_asked_measures", []) or []))
_ORDINAL_ASKED = re.compile(r"第\s*几\s*(" + _ORDINAL_MEASURES + ")") if _ORDINAL_MEASURES else None


def ordinal_asked(question: str) -> str:
    """The measure of a "第几X" question ("刊发在第几版" → 版), or ""."""
    m = _ORDINAL_ASKED.search(question) if _ORDINAL_ASKED else None
    return m.group(1) if m else ""


def ordinal_said(measure: str, said: str) -> bool:
    """Does the sentence give a numbered `measure` ("07版", "第3版", "第十二届")?"""
    return bool(re.search(r"(?:\d+|[一二两三四五六七八九十百]+)\s*" + re.escape(measure), said))
_ITEM_MEASURES = "|".join(map(re.escape, sorted(set(_TERMS.get("item_count_measures", []) or [])
                                                | set(_TERMS.get("counted_measures", []) or []), key=len, reverse=True)))
_ITEM_COUNT_Q = re.compile(r"哪\s*(\d{1,2}|[两二三四五六七八九十]{1,2})\s*(?:" + _ITEM_MEASURES + ")")
_ITEM_SEPARATORS = re.compile(r"、|以及|和|与|及")


def asked_item_count(question: str) -> int:
    """How many items a list question asks for ("哪五项任务" → 5, "哪三大类" → 3); 0 when it names no number."""
    m = _ITEM_COUNT_Q.search(question)
    if not m:
        return 0
    return _ordinal(m.group(1))


def lists_count(n: int, said: str) -> bool:
    """Does the sentence list at least `n` items in one segment (parts joined by 、 和 与 及), or say the number
    itself before a measure word ("等5项任务", "五大场景")? A sentence that lists fewer is another statement (the
    plan's overall aim for its five tasks)."""
    if n < 2:
        return True
    for m in re.finditer(r"(\d{1,2}|[两二三四五六七八九十]{1,2})\s*(?:" + _ITEM_MEASURES + ")", said):
        x = m.group(1)
        if (int(x) if x.isdigit() else _ordinal(x)) == n:
            return True
    return any(len(_ITEM_SEPARATORS.findall(seg)) + 1 >= n for seg in _SEGMENT_SPLIT.split(said))


def blank_cell_asked(question: str, row: str) -> bool:
    """Does a table row ("列：值；列：值") leave blank ("—", "-") the cell of a column the question names in full
    ("高职院校总数" in "某年高职院校总数是多少")? Then the source has no figure for what is asked."""
    for cell in re.split(r"[；;]", row):
        col, sep, value = cell.partition("：")
        name = re.sub(r"\s+", "", _UNIT_NOTE.sub("", col))
        if sep and value.strip() in _MISSING_CELL and len(name) >= 3 and name in re.sub(r"\s+", "", question):
            return True
    return False


def counted_group_short(said: str) -> bool:
    """Does the sentence name a group by its count with fewer members than that ("甲和乙等六部门"): a list of the
    group's members is not in it."""
    for m in _COUNTED_GROUP.finditer(said):
        n = _ordinal(m.group(2))  # (round 19: 十七 is 17; `_num` reads months only, up to 十二)
        members = [x for x in re.split(r"、|以及|及|与", m.group(1)) if x.strip()]
        if n > len(members):
            return True
    return False



# Round 27: a list question that states its count ("四个环节是哪几个", "三大任务是什么"): a sentence that counts other
# items ("……3个方面") and neither says the question's number nor lists that many items answers another list
# (chat.yaml `stated_count_question`, `item_count_nouns`).
STATED_COUNT_GUARD = bool(_TERMS.get("stated_count_question"))
_STATED_COUNT_Q = re.compile(_TERMS["stated_count_question"]) if STATED_COUNT_GUARD else None
_ITEM_COUNT_NOUNS = set(_TERMS.get("item_count_nouns", []) or [])
_COUNT_NUMERAL = r"(?<![第\d.〇零一二两三四五六七八九十百])(\d{1,2}|[两二三四五六七八九十]{1,2})\s*(?:个|大|项|类|条|点|种)?\s*"


def stated_count(question: str) -> tuple[int, str]:
    """The count and the item noun of a list question that states how many ("四个环节是哪几个" → (4, 环节)), or (0, "")."""
    m = _STATED_COUNT_Q.search(question) if _STATED_COUNT_Q else None
    if not m:
        return 0, ""
    noun = re.sub(r"^(?:的|之)", "", m.group(2))
    return _ordinal(m.group(1)), noun


def count_conflict(n: int, noun: str, said: str) -> bool:
    """Does the sentence count items of its own ("3个方面") with another number than the question's `n`, while it
    neither says `n` of them nor lists `n` items in the clause that counts (a list elsewhere in the sentence is
    another list: "对总体思路、框架体系、重点项目、保障措施等作出部署，主要涵盖甲、乙、丙3个方面")?"""
    nouns = set(_ITEM_COUNT_NOUNS)
    if noun:
        nouns |= {noun, noun[-2:]}
    nouns = sorted((x for x in nouns if x), key=len, reverse=True)
    if not nouns:
        return False
    rx = re.compile(_COUNT_NUMERAL + "(?:" + "|".join(map(re.escape, nouns)) + ")")
    found = list(rx.finditer(said))
    if not found or any(_ordinal(m.group(1)) == n for m in found):
        return False
    # (the clause that counts lists the question's number of items: the count word is loose, the list is the answer)
    clauses = [c for m in found for c in _CLAUSE_SPLIT.split(said) if m.group(0) in c]
    return not any(len(_ITEM_SEPARATORS.findall(c)) + 1 >= n for c in clauses)


# Round 27: "哪个平台 / 哪家机构 / 什么系统" asks a name of that kind; a sentence that names none (no quoted or 《》 name, no
# word ending in a name word of the kind after a word of its own, no proper noun of the kind's tags) does not answer
# (chat.yaml `name_question`, `name_head_types`, `name_endings`, `name_tags`, `name_generic_before`).
NAME_TYPE_GUARD = bool(_TERMS.get("name_question"))
_NAME_Q = re.compile(_TERMS["name_question"]) if NAME_TYPE_GUARD else None
_NAME_HEAD_TYPES = dict(_TERMS.get("name_head_types") or {})
_NAME_ENDINGS = {k: sorted(v, key=len, reverse=True) for k, v in (_TERMS.get("name_endings") or {}).items()}
_NAME_KIND_TAGS = {k: tuple(v) for k, v in (_TERMS.get("name_tags") or {}).items()}
_NAME_GENERIC = set(_TERMS.get("name_generic_before", []) or [])
_NAME_AGENT = tuple(_TERMS.get("name_agent_before", []) or [])
# Round 30: "哪部法律" — a quoted name is of that kind only when it ends in one of its name words (chat.yaml
# `name_quoted_endings`); a direction word ("中西部", tagged nt, or ending in 部) names nothing (`name_direction_word`).
_NAME_QUOTED_ENDINGS = {k: tuple(v) for k, v in (_TERMS.get("name_quoted_endings") or {}).items()}
_NAME_DIRECTION = re.compile(_TERMS["name_direction_word"]) if _TERMS.get("name_direction_word") else None
_NAME_NUMERAL = re.compile(r"[一二两三四五六七八九十百千万亿\d]")  # (新一轮: a tagged word with a numeral names nothing)
_QUOTED_NAME = re.compile(r"[“\"「『《‘][^”\"」』》’]{2,30}[”\"」』》’]")


def asked_name_type(question: str, tok=None) -> str:
    """The kind of name a "哪个平台 / 哪家机构" question asks ("site", "org", "press"), or "". A kind word with a noun
    after it only qualifies that noun ("什么企业所得税优惠")."""
    m = _NAME_Q.search(question) if _NAME_Q else None
    if not m:
        return ""
    agent = question[:m.start()].rstrip().endswith(_NAME_AGENT) if _NAME_AGENT else False
    if tok is not None and not agent:  # (由哪个机构印发: the word after the kind is the agent's verb, whatever its tag)
        tags = _pos_tags(question[m.end(1):], tok)
        if tags and tags[0][1].startswith(("n", "vn")) and not tags[0][1].startswith(("nr", "ns", "nt")):
            return ""
    return _NAME_HEAD_TYPES.get(m.group(1), "")


def names_kind(kind: str, said: str, question: str, tok) -> bool:
    """Does the sentence name something of `kind` the question does not already name?"""
    if not kind:
        return True
    quoted_ends = _NAME_QUOTED_ENDINGS.get(kind)
    if any(m.group(0)[1:-1] not in question
           and (not quoted_ends or re.sub(r"[\s)）〕\]】]+$", "", m.group(0)[1:-1]).endswith(quoted_ends))
           for m in _QUOTED_NAME.finditer(said)):
        return True
    said_tags = _pos_tags(said, tok)
    ends, pos = {}, 0  # where each word ends → the word (a one-character name word ends a name, not a word: 社会)
    for w, _ in said_tags:
        pos += len(w)
        ends[pos] = w
    for e in _NAME_ENDINGS.get(kind, []):
        for m in re.finditer(re.escape(e), said):
            before = said[max(0, m.start() - 1):m.start()]
            word = said[max(0, m.start() - 2):m.end()]
            if len(e) == 1 and len(ends.get(m.end(), "")) == 2:
                continue  # (社会, 机会: a common word that ends in the name word)
            if _NAME_DIRECTION and _NAME_DIRECTION.match(ends.get(m.end(), "")):
                continue  # (中西部: a direction, not a 部)
            if before and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]", before) and before not in _NAME_GENERIC \
                    and word not in question:
                return True
    tags = _NAME_KIND_TAGS.get(kind, ())
    return any(len(w) >= 2 and f.startswith(tags) and w not in question and not _NAME_NUMERAL.search(w)
               and not (_NAME_DIRECTION and _NAME_DIRECTION.match(w))  # (中西部 tagged nt names no organisation)
               for w, f in said_tags) if tags else False


# Round 27: a date question about an activity or a kind of thing that names no place ("这项认定工作啥时候开始的"): a
# sentence whose dated clause has a place for its subject ("2013年，某区被认定为……基地县") dates that place's event, not
# the activity's start (chat.yaml `date_subject_skip`).
DATE_SUBJECT_GUARD = True
_DATE_SUBJECT_SKIP = sorted(_TERMS.get("date_subject_skip", []) or [], key=len, reverse=True)
_INSTANCE_VERB = re.compile(r"^\s*(?:" + "|".join(map(re.escape, sorted(_TERMS.get("date_subject_instance", []) or ["被"],
                                                                          key=len, reverse=True))) + ")")
_DATE_LEAD = re.compile(r"^\s*(?:(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:以来|起|初|底|末|年初|年底)?"
                        r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)")


def question_names_place(question: str, tok) -> bool:
    return bool(_PLACE_RX.search(question)) or any(f.startswith("ns") and len(w) >= 2 for w, f in _pos_tags(question, tok))


def dated_place_subject(question: str, said: str, tok) -> bool:
    """Does the clause that dates the sentence have a place (not named in the question) for its subject, one the
    activity is done to ("某区被认定为", "某县入选")? The clause is the one holding the first date; a clause of the date
    alone ("2013年，") gives way to the clause after it."""
    clauses = [c for c in _CLAUSE_SPLIT.split(said) if c.strip()]
    k = next((j for j, c in enumerate(clauses) if _DATE_RX.search(c)), None)
    if k is None:
        return False
    clause = clauses[k]
    if _DATE_LEAD.sub("", clause).strip() == "" and k + 1 < len(clauses):
        clause = clauses[k + 1]
    rest = _DATE_LEAD.sub("", clause).strip()
    for w in _DATE_SUBJECT_SKIP:
        if rest.startswith(w):
            rest = rest[len(w):].lstrip()
            rest = _DATE_LEAD.sub("", rest).lstrip("，, ")
            break
    if not rest:
        return False
    m = _PLACE_RX.match(rest)
    if m:
        place = m.group(0)
    else:
        tags = _pos_tags(rest, tok)
        if not tags or not tags[0][1].startswith("ns") or len(tags[0][0]) < 2:
            return False
        place = tags[0][0]
    after = re.sub("^" + _PLACE_SUFFIX, "", rest[len(place):])
    return place not in question and bool(_INSTANCE_VERB.match(after))  # (the place receives the activity)

# Round 22: a rate's level asked ("某某率是多少", "占多大比例"), its change given ("提升3.41个百分点"): chat.yaml
# `change_verbs`, `level_cue`.
_LEVEL_CHANGE_RX = re.compile("(?:" + "|".join(map(re.escape, _TERMS.get("change_verbs", []) or ["增长"]))
                              + r")了?\s*(?:约|近|超过)?\s*\d")
_LEVEL_RX = re.compile("(?:" + (_TERMS.get("level_cue") or "为") + r")\d+(?:\.\d+)?\s*[%％‰]|由\s*\d+(?:\.\d+)?\s*[%％‰]")
_LEVEL_MEASURE_RX = re.compile(r"[\u4e00-\u9fff]{2}率|" + "|".join(
    map(re.escape, sorted(set(_TERMS.get("percent_words", [])) - {"增长率", "增速", "增幅"}, key=len, reverse=True))))


def asked_level(question: str, tok=None) -> set[str]:
    """The rates whose level a question asks ("平均靠桥率是多少" → 靠桥率, "占多大比例" → 比例); a rate of change
    (增长率、增速) is no level, and a question that names a change (提升了多少) asks none."""
    if any(w in question for w in _TERMS.get("change_verbs", []) or []):
        return set()
    return {m.group(0) for m in _LEVEL_MEASURE_RX.finditer(question) if not _ASK_CHANGE_RX.search(m.group(0))}


def change_for_level(measures: set[str], said: str) -> bool:
    """Does the sentence give only a change of the asked rate ("靠桥率提升3.41个百分点") where the question asks its
    level? Each segment (up to ；。) that names the rate is read after the rate; a percentage stated as a level there
    ("达到85%", "由80%提升至85%") is the level."""
    changed = False
    for m in measures:
        for hit in re.finditer(re.escape(m), said):
            seg = _SEGMENT_SPLIT.split(said[hit.end():], 1)[0]
            if _LEVEL_RX.search(seg) or re.match(r"\s*\d", seg):
                return False
            changed = changed or bool(_LEVEL_CHANGE_RX.search(seg))
    return changed


# Round 24: any measure's level asked ("综合能耗是多少"), only its change from another period given ("比上年减少0.17吨"):
# chat.yaml `change_phrase`, `level_follow`. The rate's own check (`change_for_level`) stays as it was.
_CHANGE_PHRASE = re.compile(_TERMS["change_phrase"]) if _TERMS.get("change_phrase") else None
_LEVEL_FOLLOW = re.compile(_TERMS["level_follow"]) if _TERMS.get("level_follow") else None


def change_only(measures: set[str], said: str) -> bool:
    """Does the sentence give, after each mention of an asked measure, only a change (its clause holds a change
    phrase and no other figure, and the next clause does not go on with the level: "降至4.5吨")? A mention with a
    figure of its own ("产量100万吨，同比增长5%", "由5吨减少到4.5吨") gives the level."""
    if not _CHANGE_PHRASE:
        return False
    changed = False
    for m in measures:
        for hit in re.finditer(re.escape(m), said):
            clauses = _CLAUSE_SPLIT.split(said[hit.end():])
            first = clauses[0]
            rest = _CHANGE_PHRASE.sub("", first)
            if _VALUE_RX.search(_YEAR_ONLY_RX.sub("", rest)):
                return False
            if rest == first:
                continue  # no figure and no change here: another mention decides
            if len(clauses) > 1 and _LEVEL_FOLLOW and _LEVEL_FOLLOW.match(clauses[1]):
                return False
            changed = True
    return changed


# Round 24: a part of a whole asked ("货物发送量中集装箱发送了多少吨"): chat.yaml `part_whole_question`,
# `part_whole_not_before`.
_PART_WHOLE_Q = re.compile(_TERMS["part_whole_question"]) if _TERMS.get("part_whole_question") else None
_PART_WHOLE_NOT = tuple(_TERMS.get("part_whole_not_before", []) or [])


def part_whole_words(question: str, splitter) -> set[str]:
    """The words that name the part a question asks within a whole ("固定资产投资中公路投资了多少" → 公路): the part's
    words of two or more characters that the whole does not hold (投资 is the whole's measure)."""
    if not _PART_WHOLE_Q or splitter is None or _GROUP_Q.search(question) or _SHARE_Q.search(question):
        return set()
    m = _PART_WHOLE_Q.search(question)
    if not m or m.group(1).endswith(_PART_WHOLE_NOT) or re.search(r"第\s*几", m.group(0)):
        return set()  # (在新兴专业中排第几: a rank asked, not a part's amount)
    whole = m.group(1)
    return {w for w in splitter.lcut(m.group(2)) if len(w) >= 2 and _HAN_RX.fullmatch(w) and w not in whole
            and w not in QUESTION_WORDS and w not in _AMOUNT_WORDS}


def part_figure_missing(words: set[str], said: str, question_numbers: set[str]) -> bool:
    """Does no word of the asked part come with a figure of its own in the sentence (within its clause, not the
    question's own number)? "其中公路占大部分" names the part with no figure; "其中电煤14.9亿吨" is another part."""
    if not words:
        return False
    for w in words:
        for k in re.finditer(re.escape(w), said):
            clause = _CLAUSE_SPLIT.split(said[k.end():], 1)[0]
            figure = _VALUE_RX.search(_YEAR_ONLY_RX.sub("", clause))
            if figure and figure.group(0) not in question_numbers:
                return False
    return True


# Round 25: an item the question names in quotes ("对“甲指标”要求达到多少") that the sentence only lists beside other
# items ("设立“甲指标”“乙指标≥99%”等18项指标"): the figure in the list is another item's. chat.yaml `listed_shared`
# (words saying one figure is every item's: 均、分别、合计) and `listed_compare` (words before a required figure).
LISTED_ITEM_GUARD = True
_QUOTED_Q = re.compile(r"[“\"「『‘]([^”\"」』’]{2,30})[”\"」』’]")
_LIST_NEXT = re.compile(r"[”\"」』’]?\s*(?:[、“\"「『‘]|(?:和|与|及|以及)(?=[\u4e00-\u9fff“]))")
_LISTED_SHARED = re.compile("|".join(map(re.escape, _TERMS.get("listed_shared", []) or [])) or r"(?!x)x")
_LISTED_COMPARE = "|".join(map(re.escape, sorted(_TERMS.get("listed_compare", []) or [], key=len, reverse=True)))
_ITEM_FIGURE = re.compile(r"[”\"」』’]?\s*(?:" + (_LISTED_COMPARE + "|" if _LISTED_COMPARE else "") + r"[：:]|为|约)?\s*\d")


def listed_item_unvalued(question: str, said: str) -> bool:
    """Does the sentence name an item the question quotes only as one of a list, with no figure of its own, while
    the first figure after it in its clause follows another item's name (the figure is that item's)?"""
    listed = False
    for m in _QUOTED_Q.finditer(question):
        item = m.group(1)
        for k in re.finditer(re.escape(item), said):
            after = said[k.end():]
            if _ITEM_FIGURE.match(after) or re.match(_OWN_FIGURE, re.sub(r"^[”\"」』’]", "", after)):
                return False  # the item's own figure
            nxt = _LIST_NEXT.match(after)
            if not nxt:
                continue
            clause = _CLAUSE_SPLIT.split(after, 1)[0]
            figure = _VALUE_RX.search(_YEAR_ONLY_RX.sub("", clause))
            if figure and not _LISTED_SHARED.search(clause[:figure.start()]) \
                    and len(re.findall(r"[\u4e00-\u9fff]", clause[nxt.end():figure.start()])) >= 2:
                listed = True
    return listed


# Round 28: the question opens on an item ("某某调度员这个新岗位的缺口有多大"); a sentence that names the item only as one
# of a list (甲、乙、丙) with no figure after it only lists names, it values nothing (chat.yaml `lead_item_pointer`).
_LEAD_ITEM = re.compile(r"^([\u4e00-\u9fff]{3,12}?)(?:" + "|".join(map(re.escape, _TERMS.get("lead_item_pointer", []) or ["这个"]))
                        + ")")


def listed_name_only(question: str, said: str) -> bool:
    """Is the item the question opens on named in the sentence only inside a list (甲、乙、丙), with no figure after
    it in the sentence?"""
    m = _LEAD_ITEM.match(question.strip())
    if not m or m.group(1) not in said:
        return False
    item = m.group(1)
    for k in re.finditer(re.escape(item), said):
        if "、" not in (said[max(0, k.start() - 1):k.start()] + said[k.end():k.end() + 1]):
            return False  # named on its own
        if _VALUE_RX.search(_YEAR_ONLY_RX.sub("", said[k.end():])):
            return False  # a figure after it may be its own
    return True


# Round 29: a document named in 《》 by the question, a sentence that names another 《》 document and neither it nor its
# frame (title, heading, caption, file name) names the asked one: it speaks of the other document (OTHER_DOCUMENT_GUARD;
# chat.yaml `document_title_strip`, `document_title_overlap`).
OTHER_DOCUMENT_GUARD = bool(_TERMS.get("document_title_strip"))
_TITLE_STRIP = re.compile(_TERMS["document_title_strip"]) if OTHER_DOCUMENT_GUARD else None
_TITLE_OVERLAP = float(_TERMS.get("document_title_overlap", 0.6))


def _title_key(title: str) -> str:
    return _TITLE_STRIP.sub("", title.strip("《》"))


def same_document(a: str, b: str) -> bool:
    """Do two 《》 titles (keys) name one document: one holds the other (a short form), or most of the shorter one's
    character pairs are in the longer one?"""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    pa, pb = _bigrams(a), _bigrams(b)
    small = min(len(pa), len(pb))
    return bool(small) and len(pa & pb) / small >= _TITLE_OVERLAP


def asked_documents(question: str) -> list[str]:
    return [k for k in map(_title_key, _BOOK_RX.findall(question)) if k] if OTHER_DOCUMENT_GUARD else []


def other_document(asked: list[str], said: str, frame: str) -> bool:
    """Does the sentence name a 《》 document other than the asked ones, and neither it nor its frame the asked one?"""
    named = [k for k in map(_title_key, _BOOK_RX.findall(said)) if k]
    if not asked or not named or any(same_document(a, n) for a in asked for n in named):
        return False
    plain = _TITLE_STRIP.sub("", frame)
    return not any(a in plain for a in asked)


# Round 28: "甲类某某的年薪中位数是多少" asked, "乙类某某的年薪中位数约为……" stated: the figure's owner is a neighbour of
# the asked one (the same lead words, another ending), and the asked one is not in the sentence (SIBLING_OWNER_GUARD).
SIBLING_OWNER_GUARD = True
_OWNER_METRIC = re.compile(r"^([\u4e00-\u9fff]{4,12})的([\u4e00-\u9fff]{2,10}?)(?:是|有|为|约|达|多少|几|怎样|如何|[？?])")


def sibling_owner(question: str, said: str) -> bool:
    """Does the sentence give the question's metric ("X的Y") to another owner Z ("Z的Y") that shares X's lead words
    (two characters or more) but neither is the other's start, while X itself is not in the sentence?"""
    m = _OWNER_METRIC.match(question.strip())
    if not m:
        return False
    owner, metric = m.groups()
    if owner in said:
        return False
    for k in re.finditer("的" + re.escape(metric), said):
        z = re.search(r"[\u4e00-\u9fff]{2,16}$", said[:k.start()])
        if not z:
            continue
        other = z.group(0)
        other = other[max(0, other.rfind(owner[:2])):]  # (报告显示某某: from the owner's lead words on)
        common = len(os.path.commonprefix([owner, other]))
        if common >= 2 and not owner.startswith(other) and not other.startswith(owner):
            return True
    return False


# Round 25: the question asks the whole country (chat.yaml `national_scopes`: 我国、全国) and names no place; a
# sentence whose subject is one place ("某省2024年……出口额3.9万亿元") and that never speaks of the country gives
# that place's figure (PLACE_SUBJECT_GUARD).
_NATIONAL_RX = re.compile("|".join(map(re.escape, _TERMS.get("national_scopes", []) or [])) or r"(?!x)x")
PLACE_SUBJECT_GUARD = bool(_TERMS.get("national_scopes"))
_WHOLE_RANK_RX = re.compile(_TERMS["whole_rank"]) if _TERMS.get("whole_rank") else re.compile(r"(?!x)x")
_PLACE_SUFFIX = r"(?:省|市|自治区|特别行政区|地区|区|县)?"


def place_subject(question: str, said: str) -> bool:
    """Does the sentence open with a place as its subject (after an optional "据……," or "其中，") while the question
    asks the whole country and names no place, and the sentence never names the country (a rank in it aside)?"""
    if not _NATIONAL_RX.search(question) or _PLACE_RX.search(question):
        return False
    m = re.match(r"\s*(?:(?:据|根据)[^，,。]{0,16}[，,]\s*|其中[，,]?\s*)?(?:" + _PLACE_RX.pattern + ")" + _PLACE_SUFFIX, said)
    rest = _WHOLE_RANK_RX.sub("", said)  # "稳居全国第二" ranks the place, it gives no figure of the whole
    return bool(m) and not _NATIONAL_RX.search(rest)  # (全球 in "全球小商品供应链" is no figure of the country)


# Round 36: the place asked is named only with a change. "其中江苏地区从业人数最多,达到912.16万人，……其中江苏、广东
# 增加人数超过30万" does not give 广东's total: the question asks a level (no change), every clause naming the asked
# place gives a change (增加……30万; not "增加到"), and another clause holds a figure (PLACE_FIGURE_GUARD).
PLACE_FIGURE_GUARD = bool(_TERMS.get("change_to_level"))
_CHANGE_BY_RX = re.compile("(?:" + _ASK_CHANGE_RX.pattern + ")(?!" + _TERMS.get("change_to_level", "(?!x)x") + ")")


def place_figure_elsewhere(places: set[str], question: str, said: str) -> bool:
    """True when a level is asked of a place the sentence names only in clauses that give a change of it, while
    another clause of the sentence holds a figure."""
    if _ASK_CHANGE_RX.search(question):
        return False
    clauses = [c for c in re.split(r"[，,；;。]", said) if c.strip()]
    named = [p for p in places if p in said]
    if not named:
        return False
    for p in named:
        if not all(re.search(r"\d", c) and _CHANGE_BY_RX.search(c) for c in clauses if p in c):
            return False
    return any(re.search(r"\d", c) and not any(p in c for p in named) for c in clauses)


# Round 33: the question asks about the home country (chat.yaml `home_scopes`: 我国、中国、咱们……) and names no scope
# outside it; a sentence whose subject is the world or another country (`outside_scopes`: 全球、日本……) and that names
# the home country nowhere after it gives the outside figure ("……的统计，截至2022年底，全球已投运……237.2吉瓦" for
# 咱们的累计装机), not the home one (HOME_SCOPE_GUARD). The subject opens the first clause that is no lead: not a
# source ("根据……统计", a "来源：" line; `source_clause`), nor only a date or a discourse word (`subject_leads`).
_HOME_RX = re.compile(_TERMS["home_scopes"]) if _TERMS.get("home_scopes") else None
_OUTSIDE_RX = re.compile("(?:从|在)?(" + "|".join(map(re.escape, sorted(_TERMS.get("outside_scopes", []) or [], key=len,
                                                                          reverse=True))) + ")") \
    if _TERMS.get("outside_scopes") else None
_SUBJECT_LEAD = re.compile(_TERMS["subject_leads"]) if _TERMS.get("subject_leads") else None
_SOURCE_CLAUSE = re.compile(_TERMS["source_clause"]) if _TERMS.get("source_clause") else None
HOME_SCOPE_GUARD = bool(_HOME_RX and _OUTSIDE_RX and _SUBJECT_LEAD and _SOURCE_CLAUSE)


def sentence_subject(said: str) -> str:
    """The sentence from its subject on: from the first clause that is not a source, a date or a discourse word,
    with the date and discourse words it opens with taken off ("" when every clause is a lead)."""
    pos = 0
    for piece in re.split(r"([，,；;。！？!?])", said):
        start, pos = pos, pos + len(piece)
        clause = piece.strip()
        if not clause or len(piece) == 1 and _CLAUSE_SPLIT.fullmatch(piece) or _SOURCE_CLAUSE.search(clause):
            continue
        rest = clause
        while True:
            m = _SUBJECT_LEAD.match(rest)
            if not m or not m.group(0):
                break
            rest = rest[m.end():].lstrip()
        if rest:
            return said[start:].lstrip()[len(clause) - len(rest):]
    return ""


def outside_subject(question: str, said: str) -> str:
    """The scope outside the home country (全球, 日本) that a sentence has for its subject while the question asks about
    the home country and names that scope nowhere but as the whole of a share (占全世界的比重); '' otherwise."""
    if not HOME_SCOPE_GUARD:
        return ""
    asked = _WHOLE_SHARE_RX.sub("", question) if _WHOLE_SHARE_RX else question
    if not _HOME_RX.search(asked):
        return ""
    rest = sentence_subject(said)
    m = _OUTSIDE_RX.match(rest)
    if not m or m.group(1) in asked or _HOME_RX.search(rest[m.end():]):
        return ""
    return m.group(1)


# Round 24: a place the question asks that only the document's title names, in a title about a whole (全国城轨报告|…、
# 某市新增线路长度全国第一): the sentence's figure is the whole's. chat.yaml `whole_scopes`.
def title_only_place(places: set[str], said: str, title: str, near: str = "") -> bool:
    """Is an asked place named in the title only (not in the sentence, its caption, heading or the sentence before),
    while the title is about a whole (names 全国、我国 before the place) the place is one item of?"""
    for p in places:
        if p in title and p not in f"{said} {near}":
            whole = _WHOLE_SCOPE_RX.search(title)
            if whole and whole.start() < title.index(p):  # (北京地铁里程全国第一: a title about the place itself)
                return True
    return False


def event_verbs(question: str, tok) -> set[str]:
    """The verbs a date question asks the date of ("哪一年成立的" → 成立, "何时发布" → 发布): verbs of two characters
    or more next to the date question word (chat.yaml `event_date_skip` are no events)."""
    tags = _pos_tags(question, tok)
    out = set()
    for k, (w, _) in enumerate(tags):
        if not _DATE_Q.search(w) and not (k + 1 < len(tags) and _DATE_Q.search(w + tags[k + 1][0])):
            continue
        for j in (k - 2, k - 1, k + 1, k + 2, k + 3):
            if 0 <= j < len(tags):
                v, flag = tags[j]
                if flag.startswith("v") and len(v) >= 2 and _HAN_RX.fullmatch(v) and v not in _EVENT_DATE_SKIP \
                        and v not in QUESTION_WORDS and not _DATE_Q.search(v):
                    out.add(v)
    return out


def event_date_ok(verbs: set[str], said: str) -> bool:
    """A date asked of an event the sentence names: the clause naming it, or a clause of time alone that opens the
    sentence ("2019年3月，…成立"), has a date. A sentence that does not name the event is not judged here."""
    if not verbs:
        return True
    clauses = [c for c in _CLAUSE_SPLIT.split(said) if c.strip()]
    named = [c for c in clauses if any(v in c for v in verbs)]
    if not named:
        return True
    if any(_DATE_RX.search(c) for c in named):
        return True
    first = clauses[0] if clauses else ""
    return bool(re.match(r"\s*(?:(?:19|20)\d\d\s*年|\d{1,2}\s*月)", first)) and len(first) <= 14


def year_figure_missing(years: set[str], said: str) -> bool:
    """A figure asked for one year (of several the sentence names: "到2015年…超过3500亿元；到2030年，…达到先进水平"):
    is there no value between each mention of that year and the end of its segment (；, 。) or a clause another
    year opens ("，到2030年")?"""
    if not years or "分别" in said:
        return False
    named = {m.group(1) for m in _FULL_YEAR.finditer(said)}
    asked = {re.sub(r"\D", "", y) for y in years} & named
    if not asked or len(named) < 2:
        return False
    for seg in _SEGMENT_SPLIT.split(said):
        marks = list(_FULL_YEAR.finditer(seg))
        for k, m in enumerate(marks):
            if m.group(1) not in asked:
                continue
            # another year ends the span where it opens a clause ("…，到2030年"), not where it is compared with
            # ("比重由2012年的35%提高到38%")
            end = next((x.start() for x in marks[k + 1:] if x.group(1) != m.group(1)
                        and _CLAUSE_OPEN.search(seg[:x.start()])), len(seg))
            if _VALUE_RX.search(_YEAR_ONLY_RX.sub("", _NUMERIC_DATE.sub("", seg[m.end():end]))):
                return False
    return True


WHOLE_MEMBER_GUARD = True
_WITHIN_WORD = re.compile("|".join(map(re.escape, _TERMS.get("part_within", []) or ["中"])))
_FIGURE_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([万亿千百]*)")


def whole_as_member(question: str, said: str, splitter) -> bool:
    """The question states a sub-group by its figure and asks a part of it ("约12万名甲类人员中，乙有多少"); the
    sentence gives that figure as one item beside others of the same unit ("丙约14万人，甲约12万人，丁约14万人")
    and names the asked part only in another segment (after ；): its figure there is of the whole, not of the
    sub-group."""
    m = _PART_WITHIN_Q.search(question)
    if not m or splitter is None:
        return False
    whole = question[m.start():m.start(1)]
    figures = _FIGURE_UNIT.findall(whole)
    words = {w for w in splitter.lcut(m.group(1)) if len(w) >= 2 and _HAN_RX.fullmatch(w) and w not in QUESTION_WORDS
             and not _COUNTED_GENERIC.search(w) and w not in whole}
    if not figures or not words:
        return False
    segments = _SEGMENT_SPLIT.split(said)
    for value, mult in figures:
        held = [k for k, seg in enumerate(segments)
                if re.search(r"(?<![\d.])" + re.escape(value) + r"\s*" + re.escape(mult) + r"(?![\d.])", seg)]
        if not held:
            continue
        k = held[0]
        after = re.search(r"(?<![\d.])" + re.escape(value) + r"\s*" + re.escape(mult) + r"([^，,；;。]*)", segments[k])
        if after and _WITHIN_WORD.search(after.group(1)):
            continue  # "18万从业人员中，…": the figure is the sentence's whole, not an item of it
        siblings = [v for v, u in _FIGURE_UNIT.findall(segments[k]) if u == mult and v != value]
        parts = [j for j, seg in enumerate(segments) if any(w in seg for w in words)]
        if len(siblings) >= 2 and parts and k not in parts:
            return True
    return False


INSERTED_WORD_GUARD = True
_INSERTED_POS = ("n", "a", "b", "vn")
_NAME_TAGS = {"nr", "ns", "nt", "nz"}


def inserted_word(q_tags: list[tuple[str, str]], said: str, where: str) -> str:
    """A word the question puts inside a phrase the sentence has without it ("人均健康预期寿命" asked, "人均预期寿命"
    stated: 健康 makes it another figure), when the sentence and its context never say that word; else ""."""
    words = [(w, f) for w, f in q_tags if w.strip()]
    for (a, fa), (m, flag), (h, fh) in zip(words, words[1:], words[2:]):
        if not flag.startswith(_INSERTED_POS) or flag in _NAME_TAGS or m in QUESTION_WORDS or m in where:
            continue  # (a name inserted is the place and entity checks' concern)
        # three words of two characters or more, no date ("全年汽车出口" is no "年中国汽车出口" less 中国)
        if not all(len(x) >= 2 and _HAN_RX.fullmatch(x) and x not in QUESTION_WORDS and not f.startswith(("m", "t"))
                   for x, f in ((a, fa), (m, flag), (h, fh))):
            continue
        if a + h in said:
            return m
    return ""


# Round 23: a part for the whole (the mirror of `group_member` and `joined_group`). The question asks the whole's
# figure (a scope word of the whole: 全国, 全行业); the sentence gives its figure as a share of that whole
# ("甲、乙、丙三省产量合计2368.5亿块，约占全国产量的66%"): the figure is of the parts it names, not the whole's,
# unless the sentence also speaks of the whole outside that share ("全国产量3594亿块，其中甲省占全国的三成").
PART_WHOLE_GUARD = bool(_TERMS.get("whole_scopes") and _TERMS.get("whole_share"))
_WHOLE_SCOPES = sorted(_TERMS.get("whole_scopes", []) or [], key=len, reverse=True)
_WHOLE_SCOPE_RX = re.compile("|".join(map(re.escape, _WHOLE_SCOPES)) or r"(?!x)x")
_WHOLE_SHARE_RX = re.compile(_TERMS["whole_share"]) if _TERMS.get("whole_share") else None
# The parts named before the share: a list (甲、乙、丙) or a counted group (三省, 两家).
_NAMED_PARTS = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,12}、[\u4e00-\u9fffA-Za-z]{1,12}|(?:[两二三四五六七八九十]|\d{1,2})\s*(?:"
                          + "|".join(map(re.escape, _TERMS.get("part_group_measures", []) or ["家"])) + ")")


def part_for_whole(question: str, said: str) -> bool:
    """Does the question ask a whole's figure (全国…多少) and the sentence give its figure only as a part of that
    whole ("…合计2368.5亿块，约占全国产量的66%"), naming the whole nowhere else? A share asked (占全国多少) is not
    judged: the part's share is its answer."""
    if not PART_WHOLE_GUARD or not _WHOLE_SCOPE_RX.search(question) \
            or _SHARE_Q.search(question) or any(w in question for w in _SHARE_WORDS) or _WHOLE_SHARE_RX.search(question):
        return False
    share = _WHOLE_SHARE_RX.search(said)
    if not share or not _NAMED_PARTS.search(said[:share.start()]):
        return False  # (集成电路进口金额…占全国货物进口总值的15%: the figure is the whole's, a share of another measure)
    rest = _WHOLE_SHARE_RX.sub("", said)
    return not _WHOLE_SCOPE_RX.search(rest)



# Round 20: the whole for its part. "甲老年人和乙老年人达133万人" is the sum of two groups of one kind (the same head,
# 老年人); the question that names one of them (乙老年人) and not the other is not answered by the sum.
JOINED_GROUP_GUARD = True
_JOINED_PAIR = re.compile(r"([\u4e00-\u9fff]{2,16})(?:和|与|及|以及)([\u4e00-\u9fff]{2,16}?)"
                          r"(?:共|合计|总计|总数|人数|数量)?(?:达到|达|为|约|有|超过|共计|合计)?\s*(?:\d|[一二两三四五六七八九十]+[万亿千百])")
JOINED_HEAD_MIN_CHARS = 2


def joined_group(question: str, said: str) -> str:
    """The member of a summed pair ("甲老年人和乙老年人达133万人") the question names alone; else ""."""
    if _GROUP_Q.search(question):
        return ""
    for m in _JOINED_PAIR.finditer(said):
        a, b = m.group(1), m.group(2)
        head = os.path.commonprefix([a[::-1], b[::-1]])[::-1]
        if len(head) < JOINED_HEAD_MIN_CHARS or head in (a, b) or "分别" in said[m.end():]:
            continue
        named = [x for x in (a, b) if x in question]
        if len(named) != 1:
            continue
        other = b if named[0] == a else a
        if other[:len(other) - len(head)] not in question:  # nor the other one's own words
            return named[0]
    return ""


# Round 20: the asked unit's figure is the whole's. "社区设施34.7万个，床位311.1万张；其中，城市社区设施11.5万个": the
# question's qualified phrase (城市社区) is in the sentence, but every figure in the asked unit (张) stands in a clause of
# the head without it.
UNIT_FIGURE_OWNER_GUARD = True


def unit_figure_elsewhere(pairs: list[tuple[str, str]], unit: str, said: str) -> bool:
    """True when, for a (qualifier, head) pair of the question said together in the sentence, each clause (；。) that
    gives a figure in `unit` lacks the pair and names the head."""
    if not unit:
        return False
    clauses = [c for c in _SEGMENT_SPLIT.split(said) if c.strip()]
    with_unit = [c for c in clauses if re.search(r"\d\s*[万亿千百]*\s*" + re.escape(unit), c)]
    if not with_unit:
        return False
    for m, h in pairs:
        if m + h in said and all(m + h not in c for c in with_unit) and any(h in c for c in with_unit):
            return True
    return False


def scope_adverbials(question: str) -> set[str]:
    """The words of an adverbial that restricts the asked figure ("在国内市场" → 国内)."""
    return set(_SCOPE_ADVERBIAL.findall(question)) if SCOPE_ADVERBIAL_GUARD else set()


def score_sentences(question: str, hits, kb, dense: bool = True, profile=None) -> list[_Scored]:
    """Every sentence of every hit, scored for the question (best first). A sentence's context is
    its passage's title and heading, a table row's caption and the sentence before it. A sentence
    that opens with a connective (其中、同期…) is shown and matched together with the one before it.
    A sentence about another year than the question's is marked `year_conflict` and scored down.
    With an industry `profile`, its aliases count as its name on both sides (see `canonicalizer`)."""
    from .textproc import default_tokenizer

    tok = getattr(kb, "tokenizer", None) or default_tokenizer()
    canon = canonicalizer(profile, tok, qualified=alias_qualifier(hits, tok))
    asked, question = question, canon(question)
    terms, unknown = term_weights(question, kb)
    q_years = asked_years(_years(tok.tokenize(question)), question)
    wants_number = bool(NUMERIC_CUES.search(question))
    kind = expected_type(question)
    # a qualifier the retrieved passages never put before its head ("机构…统计") is the asker's
    # wording, not an entity they tell apart from others ("工业机器人" beside "服务机器人")
    seen = canon("\n".join(f"{h.title or ''}\n{h.heading or ''}\n{h.text}" for h in hits))
    pairs = [(m, h) for m, h in qualifier_pairs(question, tok, _doc_freqs(kb)[0])
             if re.search(re.escape(m) + QUALIFIER_REACH + re.escape(h), seen)]
    df = _doc_freqs(kb)[0]
    focus = focus_terms(question, tok)
    pairs += [p for p in nested_pairs(focus) if p not in pairs]
    names = context_names(question, terms, tok) - focus if EARLIER_CREDIT else set()
    attribute = attribute_terms(question, tok)
    owners = possessive_pairs(question, tok, df)
    splitter = getattr(tok, "_tok", None)
    places = set(_PLACE_RX.findall(question))
    unit = asked_unit(question)
    q_numbers = number_qualifiers(question)
    excepted = excepted_items(question) if EXCEPT_GUARD and kind == "list" else []
    spans = span_numbers(question) if SPAN_GUARD else set()
    # (a range of two-digit numbers, "12到18年", is rather colloquial calendar years than years of experience)
    ranges = {r for r in span_ranges(question) if r[1] <= SPAN_RANGE_MAX} if SPAN_RANGE_GUARD else set()
    ordinals = ordinal_spans(question) if ORDINAL_SPAN_GUARD else set()
    items = ordinal_items(question) if ORDINAL_ITEM_GUARD else set()
    ranks = asked_ranks(question) if RANK_GUARD else set()
    table_ranks, top_cut = asked_table_ranks(question) if TABLE_POINTER else (set(), 0)
    wants_code = asks_code(question)
    q_periods = periods(question)
    wants_share = bool(_SHARE_ANSWER and _SHARE_Q.search(question)) and not unit
    wants_duration = bool(_DURATION_Q and _DURATION_ANSWER and _DURATION_Q.search(question))
    alternates = paraphrase_alternates(question, terms) if PARAPHRASE_CREDIT else {}
    contrasts = asked_contrasts(question)
    # a part asked (某类设备中的一类), a total stated (设备总数): see `_part_nouns` and `states_total`
    part_nouns = _part_nouns(question, terms, tok, df, profile) \
        if TOTAL_GUARD and not _TOTAL_RX.search(question) and not wants_share \
        and not any(w in question for w in _SHARE_WORDS) else set()  # a share is of the total
    change_q = bool(_CHANGE_Q.search(question))
    asks_change = change_q or bool(_ASK_CHANGE_RX.search(question))
    count_q = bool(_COUNT_Q.search(question)) and not wants_share and not any(w in question for w in _SHARE_WORDS)
    q_tags = _pos_tags(question, tok)
    counted = counted_noun(question) if COUNTED_GUARD else ""
    orgs = named_orgs(question, splitter) if COUNTED_GUARD else set()
    which = which_head(question, splitter) if COUNTED_GUARD else ""
    explain = explain_kinds(question)
    rivals = qualified_heads(question, tok, df) if RIVAL_GUARD else []
    wh = wh_kind(question)
    predicate = asked_predicate(question, tok) if PREDICATE_GUARD else set()
    mute: set[int] = set()  # sentences that do not say the asked predicate
    owner = share_owner(question) if SHARE_OWNER_GUARD and wants_share else ""
    labels = row_labels(hits, canon)
    # a rate asked ("良率是多少", "占比是多少"): the answer is a percentage, a share or a multiple
    wants_rate = bool(_RATE_ANSWER) and kind == "amount" and not unit and not count_q and not change_q \
        and bool(_RATE_WORD.search(question))
    # an amount asked with no unit named (出口额是多少): a sentence giving the measure only a share does not answer
    amount_asked = kind == "amount" and not unit and not asks_change and not wants_rate and not wants_share \
        and not count_q and asks_amount(question)
    verbs = event_verbs(question, tok) if EVENT_DATE_GUARD and kind == "date" else set()
    wants_day = kind == "date" and asks_day(question)
    wants_signature = wants_day and asks_signature(question)
    signature_span = [m.group(0) for rx in (_DAY_Q, _SIGNATURE_Q) for m in rx.finditer(question)] \
        if wants_signature else []  # (落款日期, 落款……哪天: what the date line is)
    level_measures = asked_level(question, tok) if kind == "amount" and not asks_change else set()
    # (round 24: any measure's level asked, no change word in the question)
    level_heads = {f for f in focus if len(f) >= 2} if kind == "amount" and not asks_change and not level_measures \
        and not wants_share and not any(w in question for w in _TERMS.get("change_verbs", []) or []) else set()
    part_words = part_whole_words(question, splitter) if kind == "amount" else set()
    adverbials = scope_adverbials(question) if kind == "amount" else set()
    n_items = asked_item_count(question) if ITEM_COUNT_GUARD else 0
    n_stated, stated_noun = stated_count(question) if STATED_COUNT_GUARD and not n_items else (0, "")
    name_kind = asked_name_type(question, tok) if NAME_TYPE_GUARD else ""
    documents = asked_documents(question)
    place_free = kind == "date" and DATE_SUBJECT_GUARD and not question_names_place(question, tok)
    asked_ordinal = ordinal_asked(question)
    q_year_digits = {re.sub(r"\D", "", y) for y in q_years}
    blank = False  # the asked cell of the asked row is blank in its table
    scored: list[_Scored] = []
    for i, h in enumerate(hits):
        title, heading = canon(h.title or ""), canon(h.heading or "")
        # the document's file name names it too (publisher, company: "2023_某机构_某报告摘要.docx");
        # it joins the frame and the checks' context, not the years a sentence is about
        named = canon(_source_words(getattr(h, "source", "") or "")) if SOURCE_IN_FRAME else ""
        title_toks = set(tok.tokenize(title))
        heading_toks = set(tok.tokenize(heading))
        base = title_toks | heading_toks
        prev = prev_shown = ""
        before: list[str] = []  # the passage's sentences before the sentence before
        shown_rows = split_sentences(h.text)
        blank_kept = split_sentences(h.text, keep_blank=True) if BLANK_CELL_GUARD and kind == "amount" else []
        with_blanks = dict(zip(shown_rows, blank_kept)) if len(blank_kept) == len(shown_rows) else {}
        for s_shown in shown_rows:
            s = canon(s_shown)
            caption, _, row = s.rpartition("｜")  # table rows: "表名｜列：值；列：值"
            body = row if caption else s
            joined = bool(prev) and bool(_CONNECTIVE.match(s))
            own = set(tok.tokenize(body))
            prev_toks = set(tok.tokenize(prev))
            near = set(tok.tokenize(caption)) | prev_toks
            if joined:
                own |= prev_toks
            said = f"{prev}{s}" if joined else body
            earlier_text = "".join(before[:-1]) if EARLIER_CREDIT and names and not caption else ""
            credits = term_credits(terms, own, base | near, f"{prev}{body}" if joined else body,
                                   f"{title} {heading} {caption} {prev}", alternates,
                                   frame=base | set(tok.tokenize(f"{caption} {named}")),
                                   frame_text=f"{title} {heading} {caption} {named}",
                                   earlier=set(tok.tokenize(earlier_text)) if earlier_text else None,
                                   earlier_text=earlier_text, earlier_skip=set(terms) - names)
            if signature_span and signature_line(body):  # the date line is the 落款日期 asked
                credits = {t: (1.0 if any(t in x for x in signature_span) else c) for t, c in credits.items()}
            key, table_row = table_key(i, s)
            pointed = table_pointed(terms, table_row, table_ranks, top_cut) if key else set()
            for t in pointed:  # (round 31: "表里", "排第三" in a row of a ranking table: said by the table)
                credits[t] = max(credits.get(t, 0.0), FRAME_CREDIT)
            unit_pass = unit_ok(unit, said, f"{heading} {caption}")
            total = sum(terms.values())
            cov = sum(terms[t] * c for t, c in credits.items()) / total if total else 0.0
            conflict = False
            if q_years:
                # a year the sentence only compares with (约为2020年的1.6倍, 比2023年的…增长) is not its own
                based = base_years(body, question)
                ref = set(_REF_YEAR_RX.findall(body)) | (set(_CMP_YEAR_RX.findall(body)) if asks_change else set()) \
                    | based
                own_years = {y for y in _stated_years(own, said) if re.sub(r"\D", "", y) not in ref}
                row_year = _ROW_YEAR_RX.match(body) if caption else None
                if row_year:  # a table row is about its year cell's year, not one its remarks name
                    own_years = {row_year.group(1)}
                years = own_years or _stated_years(near, f"{caption} {prev}") or _years(heading_toks) \
                    or _years(title_toks)
                if not own_years and not _years(set(tok.tokenize(caption))) and len(years) > 1 and prev:
                    # the sentence before names several years ("2025年…，高于2024年的…"): it is about the
                    # one that sentence opens with, not any year it mentions
                    first = next((m.group(0) for m in _YEAR_RX.finditer(prev) if m.group(0) in years), None)
                    years = {first} if first else years
                conflict = bool(years) and not (years & q_years)
                if not years and based & q_year_digits:
                    conflict = True  # compared with the asked year, so about another time
                if not years and PRESENT_YEAR_GAP and _PRESENT_RX and _PRESENT_RX.search(said) \
                        and getattr(h, "year", None):
                    # round 20: "目前在7万亿元左右" speaks of when its document was written; a year the question
                    # asks for more than PRESENT_YEAR_GAP years before or after that is another year's figure
                    conflict = all(abs(int(re.sub(r"\D", "", y)[:4]) - int(h.year)) > PRESENT_YEAR_GAP
                                   for y in q_years if re.sub(r"\D", "", y)[:4].isdigit())
                if not years and not conflict and DOC_YEAR_GUARD and q_year_digits and not _YEAR_RX.search(named):
                    # round 24: no year in the sentence or its frame. It goes on from the years its passage named
                    # before it, or, if none, speaks of about its document's date (a year or two before, for a
                    # report); a year asked that is none of these is another year's figure (2019 asked, a 2025 page)
                    passage = set().union(*(passage_years(b, question) for b in before)) if before else set()
                    if passage:
                        conflict = not (passage & q_year_digits)
                    elif getattr(h, "year", None):
                        conflict = all(not (-DOC_YEAR_BEFORE <= int(y[:4]) - int(h.year) <= PRESENT_YEAR_GAP)
                                       for y in q_year_digits if y[:4].isdigit())
                if conflict:
                    cov *= YEAR_CONFLICT_FACTOR
            bonus = 0.08 / (1 + i)
            if wants_number and _VALUE_RX.search(body):
                bonus += 0.05
            shown = f"{prev_shown}{s_shown}" if joined else s_shown
            where = f"{title} {named} {heading} {caption} {prev} {s}"
            # a table row is about its label and its table, not what its other cells name (round 24)
            ident = row_identity(caption, table_row) if key and ROW_IDENTITY else said
            ident_where = f"{title} {named} {heading} {ident}" if key and ROW_IDENTITY else where
            frame_of = f"{title} {named} {heading} {caption}"
            figures = said if wants_code else _DIGIT_NAME.sub("", said)
            has_value = bool(_VALUE_RX.search(_YEAR_ONLY_RX.sub("", _NUMERIC_DATE.sub("", figures)))) \
                or bool(counted and _WORD_COUNT_RX.search(said))  # "两门课程": a count in words
            refused = []
            duration = wants_duration and bool(_DURATION_ANSWER.search(said))  # "三个月": a value in words
            if (not type_ok(kind, said, f"{heading} {caption}", has_value) and not duration) \
                    or (wants_duration and not duration) or (wants_code and not own_code(said, question)):
                refused.append("type")  # (编号是多少: a code, not any figure)
            if (not _mentions_focus(focus, said, df or None)
                    and not (caption and any(map(is_compound_measure, focus))
                             and _mentions_focus(focus, caption, df or None))) \
                    or not _mentions_focus(attribute, said, df or None):  # (a split measure: the table's title)
                refused.append("focus")
            if not unit_pass or rate_only(focus, unit, said, question, amount_asked) \
                    or (wants_share and not _SHARE_ANSWER.search(said)):
                refused.append("unit")  # (占多少: a share, not a count)
            if q_numbers and not all(re.search(r"(?<![\d.])" + re.escape(x) + r"(?![\d])", f"{heading} {caption} {said}")
                                     for x in q_numbers):
                refused.append("number")
            if spans and not span_ok(spans, f"{heading} {caption} {said}"):
                refused.append("number")  # 3年以上 asked, 5年以上 stated
            if ranges and not ranges <= span_ranges(f"{heading} {caption} {said}"):
                refused.append("number")  # 一到两年 asked, 3-5年 stated
            if items and not ordinal_item_ok(items, f"{_lead(h.text, s_shown)}{said}"):
                refused.append("number")  # 第二条 asked, the sentence marks no second item
            if ranks and not rank_ok(ranks, f"{heading} {caption} {said}") \
                    and not (key and table_rank(table_row) in ranks):
                refused.append("rank")  # 排名第二 asked, the sentence names the first only
            if ordinals and not ordinal_span_ok(ordinals, f"{heading} {caption} {said}"):
                refused.append("number")  # 第十一年到第十五年 asked, 第一年至第十年 stated
            own_periods = periods(f"{heading} {caption} {said}")
            if q_periods and not own_periods and PASSAGE_PERIOD and not _YEAR_RX.search(said) \
                    and not _WHOLE_YEAR_RX.search(said):
                own_periods = passage_periods(before + [prev])  # (round 26: goes on from the period stated before)
            if (q_periods or q_years) and not period_ok(q_periods, own_periods, said):
                refused.append("period")
            elif not point_ok(question, said, orphan=bool(_CONNECTIVE.match(said))):
                refused.append("period")  # 年末 asked, 11月底 or a plan period's end stated
            elif target_year_only(question, said, q_years):
                refused.append("period")  # 截至2021年底 asked, "力争到2021年建设……" states a target
            elif not q_periods and _SINGLE_MONTH_RX and _SINGLE_MONTH_RX.search(said):
                refused.append("period")  # a month's own figure (8月当月) is not the year's or a quarter's
            row_pairs = [p for p in pairs if not set(p) & pointed] if pointed else pairs
            if not entity_ok(row_pairs, ident, f"{title} {named} {heading} {caption}", tok, question, kind == "amount"):
                refused.append("entity")
            elif BARE_HEAD_GUARD and kind == "amount" \
                    and bare_head([p for p in row_pairs if any(p[1] in f or p[1] + f in question for f in focus)], said, f"{title} {named} {heading} {caption} {prev} {said}", tok):
                refused.append("entity")  # 存储器进口金额 asked, the whole's 进口金额 given
            if owners and not owner_ok([p for p in owners if not set(p) & pointed], said, set(splitter.lcut(f"{title} {named} {heading} {caption}"))):
                refused.append("entity")
            if kind == "amount" and not change_ok(focus, said):
                refused.append("change")
            elif CHANGE_SUBJECT_GUARD and kind == "amount" and change_figure_elsewhere(focus, attribute, said):
                refused.append("change")  # 产量增长多少 asked, "投资增长9.1%；产量同比大幅增长"
            if not all(p in ident_where for p in places) or (places and not all(p in f"{ident} {frame_of}" for p in places)
                                                             and set(_PLACE_RX.findall(ident)) - places):
                refused.append("place")  # (the sentence names a place of its own: the one before cannot lend it)
            if contrasts and not contrast_ok(contrasts, said, caption, question):
                refused.append("contrast")
            if part_nouns and states_total(said) and any(not credits.get(t) for t in part_nouns):
                refused.append("part")  # the total, not the part the question names
            elif not _GROUP_Q.search(question) and states_total(said) \
                    and any(not c and len(t) >= 4 and _HAN_RX.fullmatch(t) and _noun_like(t, q_tags)
                            for t, c in credits.items()):
                refused.append("part")  # a total, and the question names a member it never says
            if unknown - pointed and not unknown_found(unknown - pointed, where, alternates, own | base):
                refused.append("unknown")
            if echoes(said, question):
                refused.append("echo")  # the sentence only restates the question's own words (a heading line)
            frame_text = f"{title} {heading} {caption} {named}"
            r8 = []
            if kind == "amount" and has_value and not values_beyond(said, q_numbers, count_q, question):
                r8.append("count" if count_q else "value")  # only the question's own numbers, or a rate for a count
            if change_q and not _CHANGE_A.search(said):
                r8.append("level")  # a change asked, a level stated
            if group_member(question, said):
                r8.append("member")  # the figure of a listed group, the question names one member
            if sibling_metric(question, said) or (SIBLING_AMOUNT_GUARD and sibling_amount(question, said)):
                r8.append("sibling")
            if excepted and (not lists_beyond(excepted, said)
                             or (EXCEPT_NAMED_GUARD and not any(x in said or abbreviates(x, said) for x in excepted))):
                r8.append("list")  # 除了甲还有哪些: the sentence lists nothing beyond 甲
            if FLOW_GUARD and kind == "amount" and flow_for_stock(question, said):
                r8.append("flow")  # a total to date asked, a yearly figure stated
            if kind == "date" and places and not all(p in f"{said} {frame_text}" for p in places):
                r8.append("dateplace")
            if MONTH_OF_YEAR_GUARD and kind == "date" and not month_of_year_ok(question, said):
                r8.append("date")  # 2011年几月 asked, another year's month stated
            elif MONTH_OF_YEAR_GUARD and kind == "date" and not month_in_year_ok(question, said):
                r8.append("date")  # 〔2020〕86号 几月 asked, the year alone stated
            if RIVAL_HEAD_GUARD and kind == "amount" and has_value \
                    and rival_head(question, said, where, tok, df):
                r8.append("head")  # 甲类设备 asked, 甲类机组 stated
            if wants_rate and not _RATE_ANSWER.search(said):
                r8.append("rate")  # a rate asked (良率, 占比), the sentence gives no rate
            if orgs and not all(o in f"{ident} {frame_of}" for o in orgs):
                r8.append("org")  # another organisation (a shared word of its name is not it)
            if which and not counted_ok(which, said, caption):
                r8.append("which")  # 哪个联盟: the sentence names no 联盟
            if counted and has_value and not counted_ok(counted, said, caption):
                r8.append("counted")  # a count of another noun (站 for 桩, 实习生 for 课程)
            if THRESHOLD_SUBSET_GUARD and count_q and threshold_subset(question, said, q_numbers):
                r8.append("part")  # 一共多少家 asked, the count of those above a threshold stated
            if stated_total_part(question, said, splitter, q_numbers):
                r8.append("part")  # a part of the question's own total, the sentence has the total only
            if explain and not explain_ok(explain, said, f"{heading} {caption}"):
                r8.append("explain")  # why / what it means / how far apart: the sentence only shares nouns
            if key and not row_ok(labels.get(key, set()), table_row, question):
                r8.append("row")  # another row of the table the question names a row of
            if wh and not wh_ok(wh, question, said, tok):
                r8.append("wh")  # 是谁 / 在哪个城市: the sentence names no person or place
            if predicate and not carries_predicate(predicate, f"{heading} {caption} {said}"):
                mute.add(len(scored))  # decided once every sentence is seen (`predicate_refused`)
            if owner and not share_owner_ok(owner, said, splitter):
                r8.append("share")  # 甲占多少: the sentence's percentage is another part's
            if rivals and rival_qualifier(rivals, question, said, frame_text, tok, df):
                r8.append("rival")  # the head with another qualifier (甲工程师 for 乙工程师)
            if PARTITION_GUARD and kind == "amount" and partition_missing(question, said, frame_text):
                r8.append("part")  # 入境游客 asked, the sentence's 游客 is the total (国内外游客) or unqualified
            if BLANK_CELL_GUARD and caption and kind == "amount" and not conflict \
                    and blank_cell_asked(question, canon(with_blanks.get(s_shown, s_shown)).rpartition("｜")[2]):
                row_year_cell = _ROW_YEAR_RX.match(body)
                label = row_label(body)
                blank = blank or bool(row_year_cell and row_year_cell.group(1) in q_year_digits) \
                    or bool(label and label in question)
            if asked_ordinal and not ordinal_said(asked_ordinal, said):
                r8.append("ordinal")  # 第几版 asked, the sentence gives no page
            if n_items and not lists_count(n_items, said):
                r8.append("items")  # 哪五项任务 asked, the sentence lists three things
            elif n_stated and count_conflict(n_stated, stated_noun, said):
                r8.append("items")  # 四个环节是哪几个 asked, the sentence counts 3个方面
            if name_kind and not names_kind(name_kind, f"{heading} {caption} {said}", question, tok):
                r8.append("name")  # 哪个平台 asked, the sentence names no platform
            if documents and other_document(documents, said, frame_text):
                r8.append("document")  # 《甲方案》由谁印发 asked, the sentence is about 《乙公示》
            if place_free and dated_place_subject(question, said, tok):
                r8.append("subject")  # 这项工作何时开始 asked, "2013年，某区被认定为……" dates a place's event
            if COUNTED_GROUP_GUARD and kind == "list" and counted_group_short(said):
                r8.append("group")  # 哪几个部门 asked, "甲等六部门" names one of six
            if level_measures and has_value and not caption and change_for_level(level_measures, said):
                r8.append("level")  # 某某率是多少 asked, only its change (提升3个百分点) stated
            elif level_heads and has_value and not caption and change_only(level_heads, said):
                r8.append("level")  # 综合能耗是多少 asked, only "比上年减少0.17吨" stated
            if part_words and has_value and part_figure_missing(part_words, said, q_numbers):
                r8.append("part")  # 投资中公路投资了多少 asked, the total and "其中公路占大部分" stated
            if places and title_only_place(places, said, title, f"{heading} {caption} {prev}"):
                r8.append("place")  # 某市 asked, only the title of a report on the whole country names it
            if wants_day and not _DAY_ANSWER.search(f"{heading} {caption} {said}"):
                r8.append("day")  # 落款日期 asked, the sentence gives no day (a year in a title is none)
            if wants_signature and not signature_line(body):
                r8.append("signature")  # 落款日期 asked: a date line of the document, not a paragraph or page metadata
            if verbs and not event_date_ok(verbs, said):
                r8.append("event")  # 哪一年成立 asked, the clause of 成立 has no date
            if YEAR_FIGURE_GUARD and kind == "amount" and has_value and not caption \
                    and year_figure_missing(q_years, said):
                r8.append("figure")  # 2030年的数 asked, the sentence gives figures of other years only
            if WHOLE_MEMBER_GUARD and kind == "amount" and has_value and whole_as_member(question, said, splitter):
                r8.append("whole")  # 甲类约12万人中乙有多少 asked, 甲类 is one item and 乙 is of the whole
            if kind == "amount" and has_value and part_for_whole(question, said):
                r8.append("whole")  # 全国的数 asked, the sentence's figure is a few parts' (占全国的66%)
            if JOINED_GROUP_GUARD and kind == "amount" and has_value and joined_group(question, said):
                r8.append("member")  # 乙老年人 asked, "甲老年人和乙老年人达133万人" stated
            if UNIT_FIGURE_OWNER_GUARD and kind == "amount" and has_value and unit_figure_elsewhere(pairs, unit, said):
                r8.append("part")  # 城市社区的床位 asked, the beds stated are all 社区's
            if INSERTED_WORD_GUARD and kind == "amount" and has_value and inserted_word(q_tags, said, where):
                r8.append("modifier")  # 人均健康预期寿命 asked, 人均预期寿命 stated
            if PLACE_SUBJECT_GUARD and kind == "amount" and has_value and not places and place_subject(question, said):
                r8.append("place")  # 我国的数 asked, "某省2024年……" gives one province's
            if PLACE_FIGURE_GUARD and kind == "amount" and has_value and places \
                    and place_figure_elsewhere(places, question, said):
                r8.append("place")  # 广东的总数 asked, "江苏……912.16万人，……其中江苏、广东增加人数超过30万" stated
            if has_value and not places and outside_subject(question, said):
                r8.append("place")  # 咱们的数 asked, "截至2022年底，全球……" gives the world's
            if LISTED_ITEM_GUARD and kind == "amount" and has_value and listed_item_unvalued(question, said):
                r8.append("listed")  # 对“甲指标”要求多少 asked, "设立“甲指标”“乙指标≥99%”等" stated
            if SIBLING_OWNER_GUARD and kind == "amount" and has_value and sibling_owner(question, said):
                r8.append("owner")  # 甲类某某的中位数 asked, 乙类某某的中位数 stated
            if LISTED_ITEM_GUARD and kind == "amount" and has_value and listed_name_only(question, said):
                r8.append("listed")  # 某岗位这个新岗位的缺口 asked, "甲、某岗位、乙等新方向应运而生" stated
            if adverbials and not all(a in where for a in adverbials):
                r8.append("scope")  # 在国内市场 asked, the sentence's figure is not restricted so
            refused += r8
            scope_ok = not refused
            if not scope_ok:
                bonus -= SCOPE_PENALTY
            scored.append(_Scored(shown, i, cov, cov + bonus, year_conflict=conflict,
                                  has_value=has_value,
                                  scope_ok=scope_ok, refused=tuple(refused), credits=credits))
            prev, prev_shown = s, s_shown
            before.append(s)
    if blank:  # the source leaves the asked figure blank: another column or sentence does not give it
        for x in scored:
            x.refused += ("blank",)
            if x.scope_ok:
                x.scope_ok = False
                x.score -= SCOPE_PENALTY
    for k in predicate_refused(mute, scored):
        x = scored[k]
        x.refused += ("predicate",)  # 扮演了什么角色: the sentence shares the topic, not what is asked
        if x.scope_ok:
            x.scope_ok = False
            x.score -= SCOPE_PENALTY
    parts = subcategory_terms(question, terms, hits, tok, df, canon, profile)
    for x in scored:
        if parts and x.has_value and any(not x.credits.get(t) for t in parts):
            x.refused += ("part",)
            if x.scope_ok:
                x.scope_ok = False
                x.score -= SCOPE_PENALTY
    scored.sort(key=lambda x: -x.score)
    if dense and scored:
        top = scored[:DENSE_CANDIDATES]
        sims = dense_similarities(asked, [x.sentence for x in top], kb)
        if sims is not None:
            for x, sim in zip(top, sims):
                x.sim = sim
                x.score += DENSE_WEIGHT * sim
            scored.sort(key=lambda x: -x.score)
    return scored


# A word followed by its own figure ("某分项约14万人", "某类设施332.9万台", "某环节（亿元）：—").
_OWN_FIGURE = r"(?:[（(][^）)]{0,8}[）)])?\s*[：:]?\s*(?:为|达到|达|约|共|有|是)?\s*(?:\d|—)"


def subcategory_terms(question: str, terms: dict[str, float], hits, tok, df: dict[str, int], canon=None,
                      profile=None) -> set[str]:
    """Nouns of the question that the passages give figures of their own ("某分项约14万人"): a part of a
    whole (one sub-sector, one kind). A sentence that does not name such a noun gives another part or the
    total ("从业人员规模约54.1万人"), not the figure asked. Words inside a longer question word, years,
    places and the industry's own name are not parts."""
    canon = canon or (lambda x: x)
    text = canon("\n".join(h.text for h in hits))
    tags = _pos_tags(question, tok)
    industry = getattr(profile, "industry", None)
    out = set()
    for t in terms:
        if len(t) < 2 or not _HAN_RX.fullmatch(t) or not df.get(t) or t == industry or t in _TERMS["places"] \
                or t in _AMOUNT_WORDS:
            continue  # "销售规模": 规模 says an amount is asked, it is no part
        if any(t in u and t != u for u in terms) or not _noun_like(t, tags):
            continue
        if re.search(re.escape(t) + _OWN_FIGURE, text):
            out.add(t)
    return out


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"\s+", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _similar(a: str, b: str) -> bool:
    x, y = _bigrams(a), _bigrams(b)
    return bool(x and y) and len(x & y) / min(len(x), len(y)) > 0.6


def _citation(n: int, h) -> Citation:
    return Citation(n=n, source=h.source, title=h.title or "", page=h.page, year=h.year, heading=h.heading or "",
                    text=h.text, chunk_id=getattr(h, "chunk_id", ""), score=float(getattr(h, "score", 0.0)))


def _with_mark(sentence: str, n: int) -> str:
    """Put [n] before the sentence's closing punctuation (添加一个句号 if it has none)."""
    s = sentence.rstrip()
    end = s[-1] if s and s[-1] in "。！？!?" else ""
    body = s[:-1] if end else s
    return f"{body}[{n}]{end or '。'}"


def is_grounded(coverage: float, hit, best: _Scored | None = None) -> bool:
    """Is the best sentence (with `coverage`, from passage `hit`) strong enough evidence to answer?

    Never when it is about another year or misses the asked-for attribute, a place the question names
    or (for 多少) a value; otherwise when it covers enough of the question, a little less if keyword
    and dense search both rank its passage first, or less still if it is very close in meaning."""
    if best is not None and (best.year_conflict or not best.scope_ok):
        return False
    if coverage >= GROUNDED_MIN_COVERAGE:
        return True
    agreed = getattr(hit, "keyword_rank", None) == 1 and getattr(hit, "dense_rank", None) == 1
    if agreed and coverage >= AGREED_MIN_COVERAGE:
        return True
    return best is not None and best.sim >= DENSE_MIN_SIM and coverage >= DENSE_MIN_COVERAGE


# Round 18: the right passage, the wrong sentence. A question that asks something the chosen sentence only names
# (its nature, how it shows, what comes next) is answered by another sentence of the same document (or the next
# sentence of the same numbered item): that sentence follows the chosen one.
FOCUS_NEIGHBOUR = bool(_TERMS.get("focus_wh"))
_FOCUS_WH_RX = re.compile(f"(?:{_TERMS['focus_wh']})") if FOCUS_NEIGHBOUR else None
_FOCUS_SKIP = set(_TERMS.get("focus_skip", []) or [])
_ITEM_MARK = re.compile(_TERMS["item_mark"]) if _TERMS.get("item_mark") else None
NEIGHBOUR_MIN_COVERAGE = 0.3
NEIGHBOUR_REFUSALS = {"number", "predicate"}  # the premise's figure (那个62.58%的数据) or words it need not repeat
ITEM_LEAD_MAX_CHARS = 16


def asked_focus(question: str, tok) -> set[str]:
    """The words of the question's asking clause next to its question word (the verb before it and the word after
    it, with the words that qualify it: "下一步打算如何改进问卷" → 打算, 改进; "算啥性质的统计" → 性质, 统计), less those
    its other clauses (the premise) say too."""
    if not FOCUS_NEIGHBOUR or expected_type(question) is not None:
        return set()
    clauses = [c for c in re.split(r"[，,；;：:。？?！!]", question) if c.strip()]
    asking = [k for k, c in enumerate(clauses) if _FOCUS_WH_RX.search(c)]
    if not asking:
        return set()
    k = asking[-1]
    premise = "".join(c for j, c in enumerate(clauses) if j != k)
    tags = _pos_tags(clauses[k], tok)
    out: set[str] = set()

    def word_ok(w: str) -> bool:
        return len(w) >= 2 and bool(_HAN_RX.fullmatch(w)) and w not in QUESTION_WORDS and w not in _FOCUS_SKIP \
            and w not in _PARTICLES and not _FOCUS_WH_RX.fullmatch(w) and w not in premise

    for i, (w, _) in enumerate(tags):
        if not _FOCUS_WH_RX.fullmatch(w):
            continue
        j = i - 1
        while j >= 0 and tags[j][0] in _FOCUS_SKIP:
            j -= 1
        if j >= 0 and tags[j][1].startswith(("v", "l")) and word_ok(tags[j][0]):  # (具体表现 is one idiom)
            out.add(tags[j][0])
        after = tags[i + 1:]
        for n, (x, flag) in enumerate(after):
            if not word_ok(x):
                continue
            out.add(x)
            if not flag.startswith(("d", "a")) and not (n + 1 < len(after) and after[n + 1][0] == "的"):
                break  # the category ends what is asked ("啥性质的统计": 性质, 统计; "如何改进问卷": 改进)
    return out


def section(hit) -> str:
    """The last heading of a passage's heading path ("总标题 > 五、下一年度计划" → "五、下一年度计划")."""
    return (hit.heading or "").rpartition(">")[2].strip()


def item_follower(hit, sentence: str) -> str:
    """The sentence after `sentence` in the same numbered item of `hit` ("（三）甲有待提高。乙……"), when `sentence`
    is a short lead opening the item; else ""."""
    if _ITEM_MARK is None or len(sentence) > ITEM_LEAD_MAX_CHARS:
        return ""
    for line in hit.text.splitlines():
        m = _ITEM_MARK.match(line)
        if not m:
            continue
        parts = split_sentences(line[m.end():])
        if len(parts) >= 2 and parts[0] == sentence:
            return parts[1]
    return ""


def focus_neighbour(question: str, best: _Scored, scored: list[_Scored], hits, tok) -> _Scored | None:
    """A sentence to follow `best` (see FOCUS_NEIGHBOUR), or None when `best` says what is asked."""
    focus = asked_focus(question, tok)
    if not focus:
        return None
    hit = hits[best.hit_index]
    said = carries_predicate(focus, f"{section(hit)} {best.sentence}")
    for x in scored:
        h = hits[x.hit_index]
        if x is best or x.year_conflict or h.source != hit.source or not set(x.refused) <= NEIGHBOUR_REFUSALS \
                or x.coverage < NEIGHBOUR_MIN_COVERAGE or best.sentence in x.sentence or x.sentence in best.sentence:
            continue
        # another sentence says it, or the section the question asks about ("下一年度计划" for 下一步打算) holds it
        if (not said and carries_predicate(focus, f"{section(h)} {x.sentence}")) \
                or (not carries_predicate(focus, section(hit)) and carries_predicate(focus, section(h))):
            return x
    if said:
        return None
    follower = item_follower(hit, best.sentence)
    return next((x for x in scored if x.hit_index == best.hit_index and x.sentence == follower and not x.year_conflict
                 and set(x.refused) <= NEIGHBOUR_REFUSALS), None) if follower else None


# Round 20: a section heading "甲：需求侧的核心驱动力" says what the question describes ("把什么视作需求侧的核心驱动力")
# and its sentences only go on about it: the heading is the answer, shown before the chosen sentence.
HEADING_ANSWER = True
HEADING_ANSWER_MIN_WORDS = 2


def heading_answer(question: str, best: _Scored, hit, tok) -> str:
    """The section heading of `hit` when its part after a colon holds at least `HEADING_ANSWER_MIN_WORDS` words of
    the question's asking clause after its question word that `best` does not say; else ""."""
    from .textproc import default_tokenizer

    if not FOCUS_NEIGHBOUR or expected_type(question) is not None:
        return ""
    head = section(hit)
    lead, colon, described = head.partition("：") if "：" in head else head.partition(":")
    if not colon or not lead.strip() or not described.strip():
        return ""
    clauses = [c for c in re.split(r"[，,；;。？?！!]", question) if _FOCUS_WH_RX.search(c)]
    if not clauses:
        return ""
    asked = clauses[-1][_FOCUS_WH_RX.search(clauses[-1]).end():]
    tok = tok or default_tokenizer()
    words = {w for w in tok.tokenize(asked) if len(w) >= 2 and _HAN_RX.fullmatch(w) and w not in QUESTION_WORDS}
    found = {w for w in words if w in described and w not in best.sentence}
    return head if len(found) >= HEADING_ANSWER_MIN_WORDS else ""


CONTINUATION_SLACK = 0.05
_SINGLING_OUT = re.compile(r"^[\s,，。]*(?:其中|尤其是|特别是)")


def choose(question: str, hits, kb, profile=None) -> tuple[list[_Scored], float, bool]:
    """The 1–4 sentences that answer `question` from `hits`, best first, with the best one's coverage
    and whether it is grounded enough to answer."""
    scored = score_sentences(question, hits, kb, profile=profile)
    if not scored:
        return [], 0.0, False
    # the best sentence that passes the checks (the top one may be about another entity or year)
    best = next((x for x in scored if x.scope_ok and not x.year_conflict), scored[0])
    # the same sentence with the one that goes on from it (其中…) when that covers as much and adds
    # values: the breakdown is part of the statement ("总数120万台。其中，甲类设备80万台…")
    # (round 19: or a list sentence with the "其中" sentence that singles one item out, covering nearly as much)
    alone = best
    best = next((x for x in scored if x.sentence.startswith(best.sentence) and len(x.sentence) > len(best.sentence)
                 and x.hit_index == best.hit_index and x.scope_ok == best.scope_ok and not x.year_conflict
                 and ((x.coverage >= best.coverage
                       and _VALUE_RX.search(_YEAR_RX.sub("", x.sentence[len(best.sentence):])))
                      or (CONTINUATION_SLACK and x.coverage >= best.coverage - CONTINUATION_SLACK
                          and _SINGLING_OUT.match(x.sentence[len(best.sentence):])))), best)
    chosen = [best]
    for s in scored:
        if s is best:
            continue
        if len(chosen) >= MAX_SENTENCES:
            break
        if s.score < FOLLOW_RATIO * best.score or s.coverage < FOLLOW_MIN_COVERAGE or s.year_conflict \
                or not s.scope_ok:
            continue
        if any(_similar(s.sentence, c.sentence) for c in chosen):
            continue
        chosen.append(s)
    if FOCUS_NEIGHBOUR:
        from .textproc import default_tokenizer

        extra = focus_neighbour(question, best, scored, hits, getattr(kb, "tokenizer", None) or default_tokenizer())
        if extra is not None:
            chosen = [best, extra] + [c for c in chosen[1:] if c is not extra][:MAX_SENTENCES - 2]
    lead = heading_answer(question, best, hits[best.hit_index], getattr(kb, "tokenizer", None)) \
        if HEADING_ANSWER else ""
    if lead:
        chosen = [replace(best, sentence=f"{lead}。{best.sentence}")] + chosen[1:]
    grounded = is_grounded(max(best.coverage, alone.coverage), hits[best.hit_index], best)
    if not grounded and best.scope_ok and not best.year_conflict and best.sim:
        # a reworded question: close in meaning, and what it misses is not named elsewhere
        from .chat_verifier import candidate_record, model_accepts, paraphrase_ok

        record = candidate_record(question, scored[:DENSE_CANDIDATES], hits, kb, profile)
        k = scored.index(best)
        if k < len(record["candidates"]):
            cand = record["candidates"][k]  # (a paraphrase, or what the acceptance model takes)
            grounded = paraphrase_ok(record, cand) or model_accepts(record, cand, question, hits, kb)
    return chosen, max(best.coverage, alone.coverage), grounded


def compose(chosen: list[tuple[_Scored, object]]) -> tuple[str, list[Citation]]:
    """Cited text of (sentence, its hit) pairs: passages numbered 1..k in order of first use."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    parts = []
    for c, hit in chosen:
        key = f"{hit.source}\x00{getattr(hit, 'chunk_id', '')}\x00{hit.text[:40]}"
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            citations.append(_citation(numbers[key], hit))
        parts.append(_with_mark(c.sentence, numbers[key]))
    return "".join(parts), citations


def extractive(question: str, hits, kb, profile=None) -> tuple[str, list[Citation], float, bool]:
    """Compose 1–4 cited sentences; returns (text, citations, best coverage, grounded).
    Empty text if nothing fits."""
    chosen, coverage, grounded = choose(question, hits, kb, profile)
    if not chosen:
        return "", [], 0.0, False
    text, citations = compose([(c, hits[c.hit_index]) for c in chosen])
    return text, citations, coverage, grounded


# ------------------------------------------------------------------------------ two-part questions

_ASK_RX = re.compile(r"(?:是|有|为)?(?:多少|什么|哪些|哪几|几)")
_AND_RX = re.compile(r"以及|[；;]")
# A second part that goes on about the first part's subject.
_CONTINUES = re.compile(r"^(?:比|较|同比|环比|占|增长|其中|提高|下降|增加|减少)")


# What joins the items of "甲和乙分别…"; round 20: not the 及 of a threshold ("百岁及以上老人中男性和女性": two items,
# not three) nor of 及其.
_ITEM_JOINS = re.compile(r"和|与|及(?!以上|以下|以内|其)|、")


def split_question(question: str, tok=None) -> list[str]:
    """The parts of a question that asks for two things, each a question on its own:
    "…占有率是多少？比上年提高了多少个百分点？" (the second part takes the first one's subject),
    "A是多少，以及B是多少", "A和B分别是多少" ("2022年产量和销量分别是多少" → "2022年产量是多少",
    "2022年销量是多少"). A question with one part comes back alone."""
    q = question.strip()
    parts = [p for p in re.split(r"(?<=[？?])", q) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in _AND_RX.split(q) if p.strip(" ，,")]
    if len(parts) >= 2:
        m = _ASK_RX.search(parts[0])
        subject = parts[0][:m.start()] if m else ""
        year = _YEAR_RX.search(parts[0])
        out = [parts[0].strip(" ，,")]
        for p in parts[1:]:
            p = p.strip(" ，,")
            if subject and _CONTINUES.match(p):
                p = subject + p  # "比上年提高了多少" speaks of the first part's subject
            elif year and not _YEAR_RX.search(p):
                p = parts[0][:year.end() + 1] + p
            out.append(p)
        return out
    m = re.search(r"分别", q)
    if not m:
        return [q]
    head, tail = q[:m.start()], q[m.end():]
    items = _ITEM_JOINS.split(head)
    if len(items) < 2 or not all(items):
        return [q]
    lcut = getattr(getattr(tok, "_tok", None), "lcut", None) or (lambda x: [x[:-2], x[-2:]])
    first, last = items[0], items[-1]
    last_words = lcut(last)
    shared = max((k for k, w in enumerate(last_words) if len(w) >= 2 and first.endswith(w)), default=None)
    if shared is not None:  # "工业机器人和服务机器人产量": 产量 belongs to both
        first += "".join(last_words[shared + 1:])
    words = lcut(first)
    stem = first[:len(first) - len(words[-1])] if words and len(words[-1]) < len(first) else ""
    year = _YEAR_RX.search(first)
    out = [first + tail]
    for it in items[1:]:
        if len(it) <= 4 and stem:
            it = stem + it
        elif year and not _YEAR_RX.search(it):
            it = first[:year.end() + 1] + it
        out.append(it + tail)
    return out


def _distinct(hits) -> list:
    """The hits without repeats of a chunk, in order."""
    out = []
    for h in hits:
        if all(h.chunk_id != x.chunk_id for x in out):
            out.append(h)
    return out


# Checks a sentence already shown for another part may miss and still answer this one: the parts
# of "A和B的销售额分别增长了多少" share the noun the sentence leaves to its context ("A增长…，B增长…").
_SHARED_REFUSALS = {"focus"}


def answered_by(part: str, chosen: list[tuple[_Scored, object]], kb, profile=None) -> bool:
    """Does a sentence chosen for another part also answer `part` ("A业和B业分别增长了多少": one
    sentence gives both)? The best of the chosen sentences, scored for `part` on their passages,
    must be grounded but for the noun both parts share."""
    hits = _distinct(h for _, h in chosen)
    shown = {c.sentence for c, _ in chosen}
    best = next((x for x in score_sentences(part, hits, kb, profile=profile) if x.sentence in shown), None)
    if best is None or best.year_conflict or not set(best.refused) <= _SHARED_REFUSALS:
        return False
    return is_grounded(best.coverage, hits[best.hit_index])


def answer_parts(parts: list[str], kb, top_k: int, search_filters: dict, profile=None):
    """Answer each part on its own hits; returns (text, citations, hits, coverage, grounded). A part
    without a grounded answer is named as not found."""
    chosen: list[tuple[_Scored, object]] = []
    missing: list[str] = []
    hits_all, best_cov = [], 0.0
    for part in parts:
        hits = kb.search(part, top_k=top_k, **search_filters)
        hits_all = _distinct(hits_all + hits)
        picked, cov, grounded = choose(part, hits, kb, profile) if hits else ([], 0.0, False)
        best_cov = max(best_cov, cov)
        if not grounded:
            missing.append(part)
            continue
        for c in picked[:1]:  # one sentence per part
            if all(c.sentence != x.sentence for x, _ in chosen):
                chosen.append((c, hits[c.hit_index]))
    if not chosen:
        return "", [], hits_all, best_cov, False
    text, citations = compose(chosen)
    for part in missing:
        if not answered_by(part, chosen, kb, profile):
            text += f"关于“{part.rstrip('？?')}”，{NOT_FOUND}。"
    return text, citations, hits_all, best_cov, True


# ------------------------------------------------------------------------------ LLM

def validate_llm_answer(text: str, n_passages: int, passages: list[str]) -> tuple[list[tuple[str, list[int]]], list[str]]:
    """Keep the sentences that cite given passages and whose numbers all occur in the cited passages.

    Returns ([(sentence without markers, cited numbers)], [reasons for each dropped sentence])."""
    from .output_guard import sanitize, sentence_problem

    kept, dropped = [], []
    for raw in split_text(sanitize(text)):
        if not raw or NOT_FOUND in raw:
            continue
        cites = sorted({int(x) for g in CITATION.findall(raw) for x in re.split(r"[,，、\s]+", g) if x})
        body = CITATION.sub("", raw).strip()
        if not cites:
            dropped.append(f"无引用：{body[:40]}")
            continue
        if any(c < 1 or c > n_passages for c in cites):
            dropped.append(f"引用了不存在的编号：{body[:40]}")
            continue
        have = set().union(*(numbers_in(passages[c - 1], strip_cites=False) for c in cites))
        missing = numbers_in(body) - have
        if missing:
            dropped.append(f"数字 {'、'.join(sorted(missing))} 不见于所引段落：{body[:40]}")
            continue
        problem = sentence_problem(body, [passages[c - 1] for c in cites])  # also without numbers
        if problem:
            dropped.append(f"{problem}：{body[:40]}")
            continue
        kept.append((body, cites))
    return kept, dropped


def format_passages(hits) -> str:
    from .output_guard import fence

    lines = []
    for i, h in enumerate(hits, start=1):
        where = f"（{h.source}{'，第%d页' % h.page if h.page else ''}）"
        lines.append(f"[{i}] {where}{fence(h.text.strip())}")
    return "\n\n".join(lines)


def llm_answer(question: str, hits, settings: Settings, backend=None) -> tuple[str, list[Citation], list[str]]:
    """Generate with the LLM and validate; raises LLMError when nothing valid comes back."""
    from .llm import load_prompt, make_backend

    prompt = load_prompt("chat")
    system, user = prompt.render(question=question, passages=format_passages(hits))
    backend = backend or make_backend(settings)
    if backend is None:
        raise LLMError("未配置大模型")
    out = backend.complete(system, user)
    if NOT_FOUND in out and not CITATION.search(out):
        return "", [], ["模型判断知识库中没有答案"]
    kept, dropped = validate_llm_answer(out, len(hits), [h.text for h in hits])
    if not kept:
        raise LLMError("模型回答中没有通过引用校验的句子" + (f"（{dropped[0]}）" if dropped else ""))
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    parts = []
    for body, cites in kept:
        marks = []
        for c in cites:
            if c not in numbers:
                numbers[c] = len(numbers) + 1
                citations.append(_citation(numbers[c], hits[c - 1]))
            marks.append(str(numbers[c]))
        end = body[-1] if body[-1] in "。！？!?" else "。"
        core = body[:-1] if body[-1] in "。！？!?" else body
        parts.append(f"{core}[{','.join(marks)}]{end}")
    return "".join(parts), citations, [f"已删除：{d}" for d in dropped]


# ------------------------------------------------------------------------------ entry point

def answer(question: str, kb, settings: Settings | None = None, top_k: int = 5, backend=None,
           profile=None, **search_filters) -> Answer:
    """Answer `question` from the knowledge base with numbered citations, or abstain.

    `backend` (anything with `complete(system, user) -> str`) overrides the LLM built from settings;
    `profile` (an industry `Profile`; default: the knowledge base's own profile.yaml, if any) gives the
    industry's aliases; `search_filters` (year_min, year_max, sources) go to `kb.search`."""
    question = (question or "").strip()
    if not question:
        raise InputError("问题为空")
    require_length(question, MAX_QUERY_CHARS, "问题")
    if top_k <= 0:
        raise InputError(f"top_k 必须大于 0，当前为 {top_k}")
    profile = profile if profile is not None else index_profile(kb)
    asked, question = question, expand_short_years(question)  # "24年" is 2024
    parts = split_question(question, getattr(kb, "tokenizer", None))
    if len(parts) > 1:
        text, citations, hits, coverage, grounded = answer_parts(parts, kb, top_k, search_filters, profile)
    else:
        hits = kb.search(question, top_k=top_k, **search_filters)
    closest = [_citation(i, h) for i, h in enumerate(hits, start=1)]
    if not hits:
        return Answer(asked, NOT_FOUND, [], False, "abstain", closest, 0.0, ["没有检索到任何段落"])
    if len(parts) == 1:
        text, citations, coverage, grounded = extractive(question, hits, kb, profile)
    if not text or not grounded:
        return Answer(asked, NOT_FOUND, [], False, "abstain", closest, coverage,
                      [f"证据不足：最佳句子只覆盖问题要点的 {coverage:.0%}"])
    settings = settings or getattr(kb, "settings", None)
    if backend is not None or (settings is not None and settings.llm_enabled):
        try:
            gen, gen_cites, notes = llm_answer(question, hits, settings, backend)
            if gen:
                return Answer(asked, gen, gen_cites, True, "llm", closest, coverage, notes)
            return Answer(asked, NOT_FOUND, [], False, "abstain", closest, coverage, notes)
        except AssistantError as e:
            return Answer(asked, text, citations, True, "extractive", closest, coverage,
                          [f"大模型回答未采用，改用抽取式回答：{e}"])
        except Exception as e:  # a misbehaving backend must not break the chat
            return Answer(asked, text, citations, True, "extractive", closest, coverage,
                          [f"大模型回答未采用，改用抽取式回答：{type(e).__name__}: {e}"])
    return Answer(asked, text, citations, True, "extractive", closest, coverage)
