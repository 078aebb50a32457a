"""Round 15: what a glossed web mirror leaves where its page was read one byte off, and figure-less filler stated as a
fact in the 现状 sections (made-up 纺织/textile-industry text)."""
from assistant.analysis.tables import load_yaml
from assistant.draft.evidence import evidence_sentences, garbled, usable, vague_fact
from assistant.textproc import clean_page_texts

TPL = load_yaml("draft_templates.yaml")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

# A Traditional mirror with reading aids (紡(fǎng)織…), three places of which were decoded one byte off: the lead byte of
# 。 lost (“?”), 《紡織年鑒 read from its second byte (！都徔椖觇b), 東 reduced to its second byte (|), and a character
# whose bracket went with its lost byte (?xùn)).
MIRROR = ("紡(fǎng)織(zhī)行(háng)業(yè)協會發(fā)布年度報告?！都徔椖觇b(jiàn)》顯示，2024年全國紡織品出口額為3000億美元。\n"
          "廣?|(dōng)莞的服裝企業(yè)共有1.2萬家，從業人員約86萬人。\n"
          "全省化纖?xùn)產量達到410萬噸，比上年增長(zhǎng)4.1%。")


def test_readings_a_misread_byte_left_behind_are_marked_at_ingest():
    out = clean_page_texts([MIRROR])[0]
    assert not any(c in out for c in TONED)  # fails before: 年鑒b(jiàn), ?|(dōng), ?xùn) stayed
    assert out.count("\ufffd") == 3
    assert "纺织行业协会发布年度报告" in out and "从业人员约86万人" in out  # the readable text is kept, in Simplified
    assert "出口额为3000亿美元" in out and "410万吨" in out


def test_a_sentence_holding_a_marked_run_is_no_evidence():
    sents = evidence_sentences(clean_page_texts([MIRROR])[0])
    damaged = [s for s in sents if "\ufffd" in s]
    assert len(damaged) == 3
    assert all(garbled(s, TPL) and not usable(s, TPL) for s in damaged)  # fails before: not garbled
    # before, the misread byte's “?” ended a sentence and the rest was quoted: “！都徔椖觇b(jiàn)》显示，2024年…”
    assert not any(s.startswith(("！", "!", "|", "xùn")) for s in sents)


def test_text_that_is_no_mirror_keeps_its_latin_names_and_readings():
    paper = "Óskarsdóttir 等人提出了一个纺织品追溯框架。北京（Beijing (běijīng)）的纺织企业有300家。"
    assert clean_page_texts([paper])[0] == paper
    # in a mirror too, a reading written apart from its word and a Latin name stay
    glossed = "紡(fǎng)織(zhī)業(yè)協會。Óskarsdóttir 與 Beijing (běijīng) 的研究。"
    out = clean_page_texts([glossed])[0]
    assert "Óskarsdóttir" in out and "Beijing (běijīng)" in out and "\ufffd" not in out


def _status_admit(specific: bool):
    import dataclasses

    from assistant.draft.paragraphs import admit
    from assistant.draft.sentences import typer_for
    from assistant.outline import load_outline

    status = next(s for s in load_outline("industry-analysis").sections if s.id == "status")
    assert status.specific  # the outline marks the status section
    return admit(dataclasses.replace(status, specific=specific), typer_for())


VAGUE = ["在产能扩张的同时，纺织行业的质量监管体系也在快速健全。",
         "纺织服装作为区域经济的支柱产业，其转型升级成为推动行业高质量发展的关键命题。",
         "2024年，全省纺织行业数字化水平不断提升，智能工厂建设成效显著。"]  # a year is no figure


def test_a_status_section_takes_no_figure_less_fact_resting_on_a_degree_word():
    ok, ok_elsewhere = _status_admit(True), _status_admit(False)
    for s in VAGUE:
        assert vague_fact(s, TPL)  # fails before: no vague_fact
        assert not ok(s)
        assert ok_elsewhere(s)  # a section without `specific` judges it as before


def test_figures_a_named_document_or_a_quoted_name_keep_a_fact():
    ok = _status_admit(True)
    for s in ["2024年全省纺织品出口额为3000亿美元，同比增长5.2%，增速明显加快。",
              # round 16: a plan's 明确提出… is a target (tgt_plan_says), routed to policy, so the named document here
              # is a report stating a fact
              "《纺织工业发展报告》显示，产业用纺织品比重持续提升。",
              "全省纺织企业主要分布在沿海地区，形成了从纺纱、织造到服装的完整产业链。"]:
        assert not vague_fact(s, TPL) and ok(s)
    assert not vague_fact("服装企业推出“快速换款”服务，覆盖全省门店和线上渠道。", TPL)


def test_a_date_line_led_by_fabiaoyu_is_not_run_into_the_title(tmp_path):
    from assistant.kb.ingest import load_file

    p = tmp_path / "2025_某网_纺织专业.txt"
    p.write_text("发表于 2025-06-30 09:15:42\n三十所高校增设现代纺织技术专业\n来源:某网\n\n"
                 "多所高校今年增设现代纺织技术专业，计划招生1200人。\n", encoding="utf-8")
    assert load_file(p).title == "三十所高校增设现代纺织技术专业"  # fails before: 发表于 2025-06-30 09:15:42三十所…
