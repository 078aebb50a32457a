"""Model output is untrusted: what the drafter and the chat keep of an LLM's text.

- `sanitize(text)`: HTML tags removed (script/style with their content), Markdown links and images
  reduced to their label, so nothing clickable or executable reaches a report or the chat page.
- `sentence_problem(sentence, cited_texts)`: why a cited sentence must still be dropped: it carries
  a link, it is not supported by the passages it cites (too few of its words occur there, which
  catches invented claims and injected instructions that happen to carry a citation), or the
  review checker's objectivity rules flag it.
- `fence(text)`: a source passage made safe to place between the prompt's untrusted-data fences.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from .textproc import CITATION, default_tokenizer

MIN_SUPPORT = 0.5  # share of a sentence's content words that must occur in the passages it cites
FENCE_OPEN, FENCE_CLOSE = "<<<资料>>>", "<<<资料结束>>>"

_SCRIPT = re.compile(r"<(script|style|iframe|object|embed)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.S)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>]+)>", re.I)
URL = re.compile(r"(?:https?|ftp)://\S+|www\.[A-Za-z0-9-]+\.\S+|\b[A-Za-z0-9-]+\.(?:com|cn|net|org|io|xyz|top|info)"
                 r"(?:/\S*)?\b|mailto:\S+|javascript:", re.I)


def sanitize(text: str) -> str:
    """Plain text of a model's output: no HTML, no Markdown link or image syntax."""
    t = html.unescape(text or "")
    t = _SCRIPT.sub("", t)
    t = _TAG.sub("", t)
    t = _AUTOLINK.sub(r"\1", t)
    t = _MD_IMAGE.sub(r"\1", t)
    t = _MD_LINK.sub(r"\1", t)
    t = _MD_REF_LINK.sub(r"\1", t)
    return t.replace("<", "＜").replace(">", "＞")


def fence(text: str) -> str:
    """A passage for the prompt: fence markers inside it are neutralised, so a document cannot
    close the data block and speak as the instructions."""
    return (text or "").replace(FENCE_OPEN, "＜＜＜资料＞＞＞").replace(FENCE_CLOSE, "＜＜＜资料结束＞＞＞")


def support(sentence: str, cited_texts: list[str]) -> float:
    """Share of the sentence's content words (two or more characters, or numbers) found in the cited texts."""
    body = CITATION.sub("", sentence)
    words = [w for w in default_tokenizer().tokenize(body) if len(w) >= 2 or w.isdigit()]
    if not words:
        return 1.0
    joined = "".join(cited_texts).lower()
    return sum(1 for w in words if w in joined) / len(words)


@lru_cache(maxsize=1)
def _objectivity_rules():
    from .check.checker import default_rules

    rules = default_rules()
    return [r for r in rules.rules if r.category == "objectivity" and r.enabled], rules.definitions


def objectivity_findings(text: str) -> list:
    """The review checker's objectivity findings on a piece of generated text."""
    from .check.rules import Context
    from .check.structure import parse_text

    rules, definitions = _objectivity_rules()
    ctx = Context(doc=parse_text(text, file_type="md"), definitions=definitions)
    out = []
    for rule in rules:
        out.extend(rule.check(ctx))
    return out


def sentence_problem(sentence: str, cited_texts: list[str]) -> str | None:
    """None when a cited sentence may be kept, else the reason (Chinese) it is dropped."""
    if URL.search(sentence):
        return "含链接"
    s = support(sentence, cited_texts)
    if s < MIN_SUPPORT:
        return f"与所引证据不符（仅 {s:.0%} 的词见于所引证据）"
    found = objectivity_findings(CITATION.sub("", sentence))
    if found:
        return "非客观表述：" + "、".join(dict.fromkeys(f.text for f in found))
    return None


def escape_html(markdown: str) -> str:
    """Markdown built from source text, with any raw HTML from the sources made inert: "<" becomes
    "&lt;" (the draft itself writes no HTML), so a <script> or <img onerror> in a source document
    is shown as text by every Markdown viewer instead of being run."""
    return (markdown or "").replace("<", "&lt;")
