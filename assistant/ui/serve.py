"""`assistant serve`: launch the web app on loopback by default.

    assistant serve [--index DIR] [--host 127.0.0.1] [--port 7860] [--auth USER:PASS]
                    [--max-file-size 50mb] [--concurrency N]
"""
from __future__ import annotations

import argparse
import os
import re

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


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise InputError(f"--auth 的格式应为 用户名:密码，当前为 {value!r}")
    return user, password


def parse_size(value: str) -> str:
    if not re.fullmatch(r"\s*\d+(\.\d+)?\s*(b|kb|mb|gb)?\s*", value or "", re.I):
        raise InputError(f"--max-file-size 的格式应为数字加单位（如 50mb），当前为 {value!r}")
    return value.strip().lower()


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
    app = build_app(settings, kb=kb, concurrency=concurrency, max_file_size=max_file_size)
    _, url, _ = app.launch(server_name=host, server_port=port, auth=auth,
                           auth_message="请输入用户名和密码" if auth else None,
                           max_file_size=max_file_size, prevent_thread_lock=True, quiet=quiet, share=False,
                           show_error=True, theme=theme(), css=CSS, footer_links=["api"],
                           allowed_paths=[str(app.workspace.workdir)], ssr_mode=False, js=TRANSLATE_JS)
    if not quiet:
        print(f"网页应用已启动：{url}（知识库：{settings.index_dir}；按 Ctrl+C 停止）", flush=True)
    if block:
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
    ap.add_argument("--auth", metavar="USER:PASS", help="登录用户名和密码")
    ap.add_argument("--max-file-size", default=DEFAULT_MAX_FILE_SIZE, help="单个上传文件的大小上限（默认 50mb）")
    ap.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, help="同时处理的请求数（默认 2）")
    args = ap.parse_args(argv)
    settings = Settings.from_env(index_dir=args.index)
    launch(settings, args.host, args.port, auth=parse_auth(args.auth), max_file_size=parse_size(args.max_file_size),
           concurrency=args.concurrency, block=True)
    return 0
