"""`assistant serve`: launch the web app on loopback by default.

    assistant serve [--index DIR] [--host 127.0.0.1] [--port 7860] [--auth USER:PASS | --auth-file FILE]
                    [--max-file-size 50mb] [--concurrency N]

Credentials: `--auth-file FILE` (one line USER:PASS) or the environment variable ASSISTANT_AUTH keep the
password out of `ps`; `--auth` still works. A malformed value is never echoed. Failed logins are
rate-limited. Serving on a non-loopback address without credentials prints a warning. Temporary run
folders and the files Gradio cached for this app are removed when the server stops.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import sys
import threading
import time
from collections import defaultdict, deque
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from .app import build_app
from .views import CSS, TRANSLATE_JS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
DEFAULT_MAX_FILE_SIZE = "50mb"
DEFAULT_CONCURRENCY = 2


def theme():
    import gradio as gr

    # System fonts only: the default theme pulls web fonts from the internet, which is not there offline.
    cjk = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"]
    return gr.themes.Default(font=cjk, font_mono=["Noto Sans Mono CJK SC", "monospace"])


LOOPBACK = ("127.0.0.1", "localhost", "::1")
AUTH_ENV = "ASSISTANT_AUTH"
LOGIN_FAILURES = 5  # failed logins per user name within LOGIN_WINDOW seconds before a lock-out
LOGIN_WINDOW = 60.0
LOGIN_GLOBAL = 30  # failed logins across all names within LOGIN_WINDOW (guessing user names)


def parse_auth(value: str | None, what: str = "--auth") -> tuple[str, str] | None:
    """USER:PASS → (user, pass). The message on a malformed value never repeats the value."""
    if not value:
        return None
    user, sep, password = value.strip().partition(":")
    if not sep or not user or not password:
        raise InputError(f"{what} 的格式应为 用户名:密码（内容未显示）")
    return user, password


def resolve_auth(auth: str | None, auth_file: str | None, env: dict | None = None) -> tuple[str, str] | None:
    """Credentials from --auth-file, then --auth, then $ASSISTANT_AUTH."""
    env = os.environ if env is None else env
    if auth_file:
        p = Path(auth_file)
        if not p.is_file():
            raise InputError(f"--auth-file 文件不存在：{p}")
        lines = [x for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
        if len(lines) != 1:
            raise InputError(f"--auth-file {p} 应只含一行 用户名:密码")
        return parse_auth(lines[0], f"--auth-file {p}")
    if auth:
        return parse_auth(auth)
    return parse_auth(env.get(AUTH_ENV), f"环境变量 {AUTH_ENV}")


class RateLimitedAuth:
    """Gradio's auth callable: constant-time comparison, and a lock-out after repeated failures
    (per user name and overall), so passwords cannot be guessed at network speed."""

    def __init__(self, user: str, password: str, clock=time.monotonic):
        self._user, self._password = user, password
        self._clock = clock
        self._fails: dict[str, deque] = defaultdict(deque)
        self._all: deque = deque()
        self._lock = threading.Lock()

    def _recent(self, q: deque, now: float) -> int:
        while q and now - q[0] > LOGIN_WINDOW:
            q.popleft()
        return len(q)

    def locked(self, user: str) -> bool:
        now = self._clock()
        with self._lock:
            return self._recent(self._fails[user], now) >= LOGIN_FAILURES or self._recent(self._all, now) >= LOGIN_GLOBAL

    def __call__(self, user: str, password: str) -> bool:
        import hmac

        if self.locked(user):
            return False
        ok = hmac.compare_digest(str(user).encode(), self._user.encode()) & \
            hmac.compare_digest(str(password).encode(), self._password.encode())
        if not ok:
            now = self._clock()
            with self._lock:
                self._fails[user].append(now)
                self._all.append(now)
        return bool(ok)


def exposure_warning(host: str, auth) -> str | None:
    if host in LOOPBACK or auth:
        return None
    return (f"警告：在非本机地址 {host} 上启动且未设置登录密码，同一网络中的任何人都能访问知识库；"
            f"请用 --auth-file 或环境变量 {AUTH_ENV} 设置 用户名:密码")


def remove_app_files(app) -> None:
    """Delete this app's scratch folder and the files Gradio cached for it (uploads, outputs)."""
    ws = getattr(app, "workspace", None)
    if ws is not None:
        shutil.rmtree(ws.workdir, ignore_errors=True)
    from gradio.utils import get_upload_folder

    cache = Path(get_upload_folder()).resolve()
    for files in getattr(app, "temp_file_sets", []):
        for f in list(files):
            p = Path(f).resolve()
            if not p.is_relative_to(cache):
                continue
            p.unlink(missing_ok=True)
            parent = p.parent
            while parent != cache and parent.is_relative_to(cache):
                try:
                    parent.rmdir()  # only when empty
                except OSError:
                    break
                parent = parent.parent


def parse_size(value: str) -> str:
    if not re.fullmatch(r"\s*\d+(\.\d+)?\s*(b|kb|mb|gb)?\s*", value or "", re.I):
        raise InputError(f"--max-file-size 的格式应为数字加单位（如 50mb），当前为 {value!r}")
    return value.strip().lower()


def url_answers(url: str, wait: float = 60.0, head=None) -> bool:
    """Whether `url` answers within `wait` seconds. Gradio's own start-up check (`networking.url_ok`) sends one HEAD
    with a 3-second timeout and fails the launch on the first timeout ("When localhost is not accessible, a shareable
    link must be created"); on a busy 2-core machine (an ingest running beside the app) the first answer can take
    longer, so the server was up but `assistant serve` stopped. Retried until `wait` runs out."""
    import httpx

    head = head or (lambda u: httpx.head(u, timeout=5, verify=False))
    deadline = time.monotonic() + wait
    while True:
        try:
            if head(url).status_code in (200, 301, 302, 303, 307, 308, 401):
                return True
        except (httpx.TimeoutException, httpx.TransportError, ConnectionError):
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)


@contextlib.contextmanager
def patient_startup_check(wait: float = 60.0):
    """Gradio's start-up reachability check, with `url_answers`' patience, for the duration of one launch."""
    from gradio import networking

    original = networking.url_ok
    networking.url_ok = lambda url: url_answers(url, wait)
    try:
        yield
    finally:
        networking.url_ok = original


def launch(settings: Settings | None = None, host: str = DEFAULT_HOST, port: int | None = DEFAULT_PORT,
           auth: tuple[str, str] | None = None, max_file_size: str | int | None = DEFAULT_MAX_FILE_SIZE,
           concurrency: int = DEFAULT_CONCURRENCY, block: bool = True, quiet: bool = False, kb=None):
    """Build and launch the app. With block=False returns (app, url) and leaves the server running
    in a background thread (`app.close()` stops it). `port=None` picks a free port."""
    if concurrency < 1:
        raise InputError(f"--concurrency 必须大于 0，当前为 {concurrency}")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    settings = settings or Settings.from_env()
    if kb is None:  # open (and load the embedder) now, so the first page load is not the slow one
        from ..kb import KnowledgeBase

        kb = KnowledgeBase.open(settings=settings)
    warning = exposure_warning(host, auth)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    app = build_app(settings, kb=kb, concurrency=concurrency, max_file_size=max_file_size)
    closer = app.close

    def close(*a, **k):
        try:
            return closer(*a, **k)
        finally:
            remove_app_files(app)

    app.close = close
    gate = RateLimitedAuth(*auth) if auth else None
    with patient_startup_check():
        _, url, _ = app.launch(server_name=host, server_port=port, auth=gate,
                               auth_message="请输入用户名和密码" if auth else None,
                               max_file_size=max_file_size, prevent_thread_lock=True, quiet=quiet, share=False,
                               show_error=True, theme=theme(), css=CSS, footer_links=["api"],
                               allowed_paths=[str(app.workspace.workdir)], ssr_mode=False, js=TRANSLATE_JS)
    if not quiet:
        print(f"网页应用已启动：{url}（知识库：{settings.index_dir}；按 Ctrl+C 停止）", flush=True)
    if block:
        def on_term(signum, frame):  # `kill` stops the server like Ctrl+C: scratch files are removed
            raise KeyboardInterrupt

        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, on_term)
        try:
            app.block_thread()
        except KeyboardInterrupt:
            pass
        finally:
            app.close()
        return app, url
    return app, url


def main_serve(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="assistant serve", description="启动网页应用（知识库、起草、审查、问答）")
    ap.add_argument("--index", metavar="DIR", help="知识库目录（默认：$ASSISTANT_INDEX 或 ~/.local/share/cie-assistant/index）")
    ap.add_argument("--host", default=DEFAULT_HOST, help=f"监听地址（默认 {DEFAULT_HOST}，仅本机可访问）")
    ap.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    ap.add_argument("--auth", metavar="USER:PASS", help="登录用户名和密码（会显示在进程列表中；建议用 --auth-file 或环境变量 "
                                                          f"{AUTH_ENV}）")
    ap.add_argument("--auth-file", metavar="FILE", help="从文件读取 用户名:密码（一行）")
    ap.add_argument("--max-file-size", default=DEFAULT_MAX_FILE_SIZE, help="单个上传文件的大小上限（默认 50mb）")
    ap.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, help="同时处理的请求数（默认 2）")
    args = ap.parse_args(argv)
    settings = Settings.from_env(index_dir=args.index)
    launch(settings, args.host, args.port, auth=resolve_auth(args.auth, args.auth_file),
           max_file_size=parse_size(args.max_file_size),
           concurrency=args.concurrency, block=True)
    return 0
