"""The default report year follows the notice's cycle (assistant/annual/calendar.report_year)."""
import datetime as dt

from assistant.annual.calendar import report_year


def test_first_quarter_reports_are_next_years_once_the_quarter_has_passed():
    assert report_year("industry-analysis", dt.date(2026, 12, 1)) == 2027
    assert report_year("talent-demand", dt.date(2026, 4, 1)) == 2027
    assert report_year("industry-analysis", dt.date(2027, 2, 10)) == 2027   # inside the quarter: this year's
    assert report_year("talent-demand", dt.date(2027, 3, 31)) == 2027      # the last day still counts


def test_the_annual_summary_is_this_years_until_its_deadline():
    assert report_year("annual-summary", dt.date(2026, 12, 1)) == 2026
    assert report_year("annual-summary", dt.date(2026, 12, 15)) == 2026
    assert report_year("annual-summary", dt.date(2026, 12, 16)) == 2027


def test_an_item_the_calendar_does_not_list_is_this_years():
    assert report_year("no-such-report", dt.date(2026, 12, 1)) == 2026


class _Result:  # what the command prints after a draft: its output files
    outputs: list = []
    run_dir = "run"


def test_the_draft_command_takes_its_default_year_from_the_cycle(monkeypatch, tmp_path):
    from assistant.draft import pipeline
    import assistant.annual.calendar as cal
    import assistant.kb as kb
    seen = {}
    monkeypatch.setattr(pipeline, "draft_report", lambda report, kb, data, year, out, **kw: seen.setdefault(report, year) and _Result())
    monkeypatch.setattr(pipeline, "resolve_profile", lambda *a, **k: None)
    monkeypatch.setattr(kb.KnowledgeBase, "open", classmethod(lambda cls, *a, **k: object()))
    monkeypatch.setattr(cal, "report_year", lambda item, today=None: {"industry-analysis": 2031}.get(item, 1999))
    pipeline.main_draft(["--report", "industry-analysis", "--index", str(tmp_path), "--out", str(tmp_path / "r.md")])
    pipeline.main_draft(["--report", "talent-demand", "--index", str(tmp_path), "--out", str(tmp_path / "t.md"),
                         "--year", "2028"])
    assert seen == {"industry-analysis": 2031, "talent-demand": 2028}   # the cycle's year; --year wins
