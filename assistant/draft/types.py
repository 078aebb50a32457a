"""Data types shared by the drafting modules, the exporters and the optional LLM path.

A leaf module (no imports from the rest of the drafter), so `assistant.llm` can build sentences
without importing the drafting pipeline and the pipeline can call the LLM without a cycle.
"""
from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable


def fmt(v: Any) -> str:
    """Numbers as they appear in the text: at most one decimal, no trailing .0."""
    if isinstance(v, float):
        v = round(v, 1)
        return str(int(v)) if v == int(v) else f"{v:.1f}"
    return str(v)


@dataclass
class Sentence:
    text: str  # without citation markers
    cites: list[str] = field(default_factory=list)  # reference keys
    kind: str = "evidence"  # evidence | data | frame
    evidence_id: str | None = None  # chunk id for evidence sentences
    flagged: bool = False


@dataclass
class Block:
    type: str  # para | table | figure
    sentences: list[Sentence] = field(default_factory=list)
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    path: str = ""  # figure file, relative to run dir
    cite: str | None = None

    @classmethod
    def from_dict(cls, d: dict) -> "Block":
        d = dict(d)
        d["sentences"] = [Sentence(**s) for s in d.get("sentences", [])]
        return cls(**d)


@dataclass
class SectionDraft:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    mode: str = "deterministic"  # deterministic | llm | llm-fallback
    notes: list[str] = field(default_factory=list)
    text: str = ""  # rendered Markdown body (filled at assembly)
    citations: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "SectionDraft":
        d = dict(d)
        d["blocks"] = [Block.from_dict(b) for b in d.get("blocks", [])]
        return cls(**d)


@dataclass
class Reference:
    key: str
    label: str  # rendered entry without the number
    source: str
    title: str
    year: int | None
    pages: list[int] = field(default_factory=list)
    kind: str = "document"  # document | data
    text: str = ""  # evidence text (documents) or computed facts (data), for validation/evals


@dataclass
class DraftResult:
    markdown: str
    outputs: list[Path]
    run_dir: Path
    sections: list[SectionDraft]
    references: list[Reference]
    title: str = ""
    seconds: float = 0.0


class DraftProgress:
    """Progress callback: subclass and override what you need; every method is a no-op here."""

    def on_draft_start(self, report: str, sections: list[str]) -> None: ...
    def on_analysis_start(self, files: list[str]) -> None: ...
    def on_analysis_end(self, bindings: list[str]) -> None: ...
    def on_section_start(self, section_id: str, title: str, index: int, total: int) -> None: ...
    def on_section_end(self, section_id: str, title: str, index: int, total: int, mode: str) -> None: ...
    def on_export_start(self, out: str) -> None: ...
    def on_export_end(self, outputs: list[str]) -> None: ...
    def on_draft_end(self, seconds: float) -> None: ...


class TqdmProgress(DraftProgress):
    """Per-section progress bar on stderr for the CLI."""

    def __init__(self):
        self.bar = None

    def on_draft_start(self, report, sections):
        from tqdm import tqdm
        self.bar = tqdm(total=len(sections), desc=f"起草 {report}", unit="节", file=sys.stderr)

    def on_section_start(self, section_id, title, index, total):
        if self.bar:
            self.bar.set_postfix_str(title)

    def on_section_end(self, section_id, title, index, total, mode):
        if self.bar:
            self.bar.update(1)

    def on_draft_end(self, seconds):
        if self.bar:
            self.bar.close()

    def run(self, draft: Callable[[], "DraftResult"]) -> int:
        """A drafting command's ending: run `draft()`, print the files it wrote (stdout) and its run folder
        (stderr), exit code 0; an AssistantError closes the bar and becomes a one-line 错误： message, 2."""
        from ..errors import AssistantError

        try:
            res = draft()
        except AssistantError as e:
            if self.bar is not None:
                self.bar.close()
            print(f"错误：{e}", file=sys.stderr)
            return 2
        for p in res.outputs:
            print(p)
        print(f"运行目录：{res.run_dir}", file=sys.stderr)
        return 0
