"""Optional LLM backend for drafting: a LangChain chat model on an OpenAI-compatible endpoint, or a
local transformers model folder. Prompts are data (`prompts/*.yaml`).

The model's output is never trusted: HTML and links are stripped; each sentence must cite evidence ids
that were given, every number in it must appear in the cited evidence or in the computed data, its words
must be supported by what it cites, and the checker's objectivity rules must not flag it; other sentences
are dropped (and listed in the section's notes). Source passages sit between untrusted-data fences. Any error or timeout raises LLMError, and the drafter falls back
to the deterministic composition for that section.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import PROMPTS_DIR, Settings
from .errors import InputError, LLMError
from .output_guard import fence, sanitize, sentence_problem

_PROMPT_KEYS = {"name", "description", "system", "user"}
_TAG_RX = re.compile(r"\[((?:[ED]\d+)(?:\s*[,，、]\s*[ED]\d+)*)\]")


@dataclass
class PromptTemplate:
    name: str
    system: str
    user: str
    path: str
    description: str = ""

    def variables(self) -> set[str]:
        return {f for part in (self.system, self.user) for _, f, _, _ in string.Formatter().parse(part) if f}

    def render(self, **values) -> tuple[str, str]:
        missing = self.variables() - set(values)
        if missing:
            raise InputError(f"提示词 {self.path} 缺少变量：{', '.join(sorted(missing))}")
        return self.system.format(**values), self.user.format(**values)


def load_prompt(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    p = Path(prompts_dir or PROMPTS_DIR) / f"{name}.yaml"
    if not p.is_file():
        raise InputError(f"提示词文件不存在：{p}")
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise InputError(f"提示词文件 {p} YAML 格式错误：{e}") from e
    if not isinstance(raw, dict) or not {"system", "user"} <= set(raw):
        raise InputError(f"提示词文件 {p} 需含 system 和 user")
    unknown = set(raw) - _PROMPT_KEYS
    if unknown:
        raise InputError(f"提示词文件 {p} 含未知字段：{', '.join(sorted(unknown))}")
    return PromptTemplate(name=raw.get("name", name), system=raw["system"], user=raw["user"], path=str(p),
                          description=raw.get("description", ""))


class ChatBackend:
    """LangChain ChatOpenAI on an OpenAI-compatible base URL (no retries: fall back instead)."""

    def __init__(self, settings: Settings):
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as e:  # pragma: no cover
            raise LLMError(f"未安装 langchain-openai：{e}") from e
        self.llm = ChatOpenAI(base_url=settings.llm_base_url, api_key=settings.llm_api_key or "none",
                              model=settings.llm_model, timeout=settings.llm_timeout, max_retries=0,
                              temperature=0)

    def complete(self, system: str, user: str) -> str:
        from langchain_core.messages import HumanMessage, SystemMessage
        try:
            msg = self.llm.invoke([SystemMessage(content=system), HumanMessage(content=user)])
        except Exception as e:  # network errors, timeouts, HTTP errors
            raise LLMError(f"{type(e).__name__}: {e}") from e
        content = msg.content if isinstance(msg.content, str) else "".join(
            c.get("text", "") if isinstance(c, dict) else str(c) for c in msg.content)
        if not content.strip():
            raise LLMError("模型返回为空")
        return content


class LocalBackend:
    """A local transformers causal LM folder (never a hub name: offline)."""

    max_new_tokens = 1024

    def __init__(self, settings: Settings):
        path = Path(settings.llm_local_path or "")
        if not path.is_dir():
            raise LLMError(f"本地模型目录不存在：{path}")
        try:
            from transformers import AutoModelForCausalLM, AutoTokenizer
            self.tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            self.model = AutoModelForCausalLM.from_pretrained(str(path), local_files_only=True)
        except Exception as e:
            raise LLMError(f"无法加载本地模型 {path}：{e}") from e

    def complete(self, system: str, user: str) -> str:
        try:
            msgs = [{"role": "system", "content": system}, {"role": "user", "content": user}]
            # transformers 5 returns a BatchEncoding here (input_ids + attention_mask); ask for it explicitly.
            enc = self.tok.apply_chat_template(msgs, add_generation_prompt=True, return_tensors="pt",
                                               return_dict=True)
            out = self.model.generate(**enc, max_new_tokens=self.max_new_tokens, do_sample=False)
            text = self.tok.decode(out[0][enc["input_ids"].shape[-1]:], skip_special_tokens=True)
        except Exception as e:
            raise LLMError(f"本地模型生成失败：{type(e).__name__}: {e}") from e
        if not text.strip():
            raise LLMError("本地模型返回为空")
        return text


def make_backend(settings: Settings):
    if settings.llm_base_url:
        return ChatBackend(settings)
    if settings.llm_local_path:
        return LocalBackend(settings)
    return None


def validate_output(text: str, evidence: dict[str, tuple[str, str]], data: dict[str, tuple[str, str]],
                    computed_text: str = "", chunk_ids: dict[str, str] | None = None):
    """Check each sentence of the model output.

    evidence / data: id → (reference key, text). Returns (paragraphs of Sentence, dropped list).
    """
    from .draft.types import Sentence
    from .textproc import numbers_in, split_sentences

    known = {**evidence, **data}
    computed_nums = numbers_in(computed_text, strip_cites=False)
    paragraphs, dropped = [], []
    for para in re.split(r"\n\s*\n", sanitize(text).strip()):
        kept = []
        for s in split_sentences(para):
            s = re.sub(r"^[#>*\-\d.、\s]+(?=[^\d])", "", s) if s.startswith(("#", "-", "*", ">")) else s
            tags = [t.strip() for m in _TAG_RX.findall(s) for t in re.split(r"[,，、]", m)]
            bare = _TAG_RX.sub("", s).strip()
            if not re.search(r"\w", bare):  # nothing left (e.g. a stripped <script> with a citation)
                continue
            if bare[-1] not in "。！？":
                bare += "。"
            if not tags:  # every sentence of a model must rest on evidence it was given
                dropped.append((s, "未标注依据"))
                continue
            unknown = [t for t in tags if t not in known]
            if unknown:
                dropped.append((s, f"引用了未提供的编号 {','.join(unknown)}"))
                continue
            # A sentence may use the computed figures only when it cites the computed data.
            allowed = set(computed_nums) if any(t.startswith("D") for t in tags) else set()
            for t in tags:
                allowed |= numbers_in(known[t][1], strip_cites=False)
            extra = numbers_in(bare) - allowed
            if extra:
                dropped.append((s, f"数字 {','.join(sorted(extra))} 不见于所引证据或计算数据"))
                continue
            cited = [known[t][1] for t in tags] + ([computed_text] if any(t.startswith("D") for t in tags) else [])
            problem = sentence_problem(bare, cited)
            if problem:
                dropped.append((s, problem))
                continue
            cites = list(dict.fromkeys(known[t][0] for t in tags))
            ev_id = next(((chunk_ids or {}).get(t) for t in tags if t in (chunk_ids or {})), None)
            kept.append(Sentence(text=bare, cites=cites, kind="evidence" if tags[0].startswith("E") else "data",
                                 evidence_id=ev_id))
        if kept:
            paragraphs.append(kept)
    return paragraphs, dropped
