"""Serving on a busy machine: gradio's start-up check gave up on its first 3-second timeout (CI, load ~19:
"When localhost is not accessible, a shareable link must be created"), though the server was up."""
import httpx

from assistant.ui import serve


class _Answer:
    def __init__(self, code):
        self.status_code = code


def test_a_slow_first_answer_is_waited_for():
    calls = []

    def head(url):
        calls.append(url)
        if len(calls) < 3:
            raise httpx.ReadTimeout("busy")
        return _Answer(200)

    assert serve.url_answers("http://127.0.0.1:1/", wait=10, head=head)
    assert len(calls) == 3


def test_a_server_that_never_answers_is_reported_after_the_wait():
    def head(url):
        raise httpx.ConnectError("refused")

    assert not serve.url_answers("http://127.0.0.1:1/", wait=0.6, head=head)


def test_the_patient_check_is_gradios_only_during_a_launch():
    from gradio import networking

    original = networking.url_ok
    with serve.patient_startup_check(wait=0.1):
        assert networking.url_ok is not original
    assert networking.url_ok is original
