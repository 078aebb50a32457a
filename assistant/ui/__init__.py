"""The web app (Gradio, Chinese UI): 知识库, 起草, 审查 and 问答 tabs over the library.

    build_app(settings) -> gr.Blocks        the layout and its handlers (app.py)
    launch(settings, host, port, ...)       build and serve (serve.py); used by `assistant demo`
    main_serve(argv) -> int                 `assistant serve ...`
"""
from __future__ import annotations

from .app import build_app
from .serve import launch, main_serve

__all__ = ["build_app", "launch", "main_serve"]
