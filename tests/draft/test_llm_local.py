"""The local-model LLM path (`ASSISTANT_LLM_LOCAL_PATH`): a real transformers causal LM loaded from a
folder. No usable Chinese generator ships in a package, so the test builds a tiny random GPT-2 with its
own tokenizer: it exercises loading, the chat template and generation, and the drafter's validation
falls back to the deterministic text because such output cites nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import NEV_PROFILE  # noqa: E402
from assistant.config import Settings
from assistant.draft import draft_report
from assistant.errors import LLMError
from assistant.llm import LocalBackend

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tiny_lm(tmp_path_factory) -> Path:
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-lm")
    tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Split("", "isolated")
    tok.train_from_iterator(["据中国汽车工业协会统计，2024年新能源汽车产量1288.8万辆。"],
                            trainers.WordLevelTrainer(special_tokens=["<unk>", "<eos>"]))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", eos_token="<eos>", pad_token="<eos>")
    fast.chat_template = "{% for m in messages %}{{ m['content'] }}\n{% endfor %}"
    cfg = GPT2Config(vocab_size=len(fast), n_positions=4096, n_embd=16, n_layer=1, n_head=2,
                     eos_token_id=fast.eos_token_id, bos_token_id=fast.eos_token_id)
    import torch

    torch.manual_seed(0)  # random weights, fixed: the same (non-empty) output every run
    model = GPT2LMHeadModel(cfg)
    model.generation_config.suppress_tokens = [fast.eos_token_id]  # never stop before writing anything
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def test_local_backend_generates(tiny_lm, monkeypatch):
    monkeypatch.setattr(LocalBackend, "max_new_tokens", 16)
    out = LocalBackend(Settings(llm_local_path=str(tiny_lm))).complete("系统提示", "2024年新能源汽车产量")
    assert isinstance(out, str) and out.strip()


def test_missing_local_model_is_an_llm_error(tmp_path):
    with pytest.raises(LLMError, match="本地模型目录不存在"):
        LocalBackend(Settings(llm_local_path=str(tmp_path / "none")))


def test_draft_with_local_model_validates_and_falls_back(tiny_lm, data_files, fake_kb, tmp_path, monkeypatch):
    monkeypatch.setattr(LocalBackend, "max_new_tokens", 32)
    res = draft_report("talent-demand", fake_kb, list(data_files.values()), 2026, tmp_path / "local.md",
                       settings=Settings(llm_local_path=str(tiny_lm)), profile=NEV_PROFILE)
    # random output cites no evidence: every section keeps its deterministic, cited text
    assert all(sd.mode != "llm" for sd in res.sections)
    assert any("LLM" in n or "大模型" in n for sd in res.sections for n in sd.notes)
    assert "[1]" in res.markdown
