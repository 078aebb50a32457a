"""Limits and hygiene: zip bombs and the per-index upload quota, credentials (env/file, never echoed,
rate-limited logins, exposure warning), scratch files removed at stop, no index path in the page."""
from __future__ import annotations

import os
import socket
import zipfile
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.ui import uploads
from assistant.ui.serve import RateLimitedAuth, exposure_warning, resolve_auth


def zeros_zip(path: Path, members: int, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(members):
            zf.writestr(f"docs/{i:03d}.txt", b"0" * size)
    return path


def test_zip_of_many_small_bombs_is_refused_whole(tmp_path):
    z = zeros_zip(tmp_path / "bomb.zip", 100, 1 << 20)  # 100 MiB of zeros in about 100 KB
    assert z.stat().st_size < 200_000
    dest = tmp_path / "uploads"
    staged = uploads.stage_kb_uploads([z], dest)
    assert not staged.files and "压缩比异常" in staged.rejected[0][1]
    assert uploads.folder_bytes(dest) == 0


def test_single_bomb_member_is_refused_and_the_rest_kept(tmp_path):
    z = tmp_path / "mixed.zip"
    rnd = os.urandom(1 << 20)  # 1 MiB that does not compress
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok.txt", "正常资料。".encode() + rnd.hex().encode()[:200_000])
        zf.writestr("bomb.txt", b"0" * (4 << 20))
        zf.writestr("noise.csv", rnd)
    staged = uploads.stage_kb_uploads([z], tmp_path / "up")
    assert [n for n, _ in staged.rejected] == ["mixed.zip/bomb.txt"]
    assert sorted(staged.names) == ["noise.csv", "ok.txt"]


def test_upload_quota_per_index(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "UPLOAD_QUOTA", 300_000)
    files = []
    for i in range(3):
        f = tmp_path / "in" / f"f{i}.txt"
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(os.urandom(128_000))
        files.append(f)
    dest = tmp_path / "uploads"
    staged = uploads.stage_kb_uploads(files, dest)
    assert staged.names == ["f0.txt", "f1.txt"]
    assert staged.rejected and "上传空间" in staged.rejected[0][1]
    again = uploads.stage_kb_uploads([files[0]], dest)  # replacing a file does not count twice
    assert again.names == ["f0.txt"]


def test_auth_from_file_env_and_flag(tmp_path):
    f = tmp_path / "auth.txt"
    f.write_text("admin:s3cret-pass\n", encoding="utf-8")
    assert resolve_auth(None, str(f), env={}) == ("admin", "s3cret-pass")
    assert resolve_auth(None, None, env={"ASSISTANT_AUTH": "u:p"}) == ("u", "p")
    assert resolve_auth("a:b", None, env={"ASSISTANT_AUTH": "u:p"}) == ("a", "b")
    assert resolve_auth(None, None, env={}) is None


@pytest.mark.parametrize("value", ["hunter2-no-colon", ":onlypass", "user:"])
def test_malformed_auth_is_never_echoed(cli, value, tmp_path):
    rc, out, err = cli("serve", "--auth", value, "--index", str(tmp_path / "idx"))
    assert rc == 2 and "用户名:密码" in err
    secret = value.strip(":")
    assert secret not in err and secret not in out
    f = tmp_path / "a.txt"
    f.write_text(value, encoding="utf-8")
    with pytest.raises(InputError) as e:
        resolve_auth(None, str(f), env={})
    assert secret not in str(e.value)
    with pytest.raises(InputError) as e:
        resolve_auth(None, None, env={"ASSISTANT_AUTH": value})
    assert secret not in str(e.value)


def test_login_rate_limit():
    now = [1000.0]
    gate = RateLimitedAuth("admin", "right", clock=lambda: now[0])
    assert gate("admin", "right")
    for _ in range(5):
        assert not gate("admin", "wrong")
    assert not gate("admin", "right")  # locked out: even the right password is refused for now
    now[0] += 61
    assert gate("admin", "right")
    for i in range(30):  # guessing across many user names trips the global limit
        gate(f"user{i}", "x")
    assert not gate("admin", "right")


def test_non_loopback_without_auth_warns():
    assert exposure_warning("127.0.0.1", None) is None
    assert exposure_warning("0.0.0.0", ("a", "b")) is None
    assert "未设置登录密码" in exposure_warning("0.0.0.0", None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.server
def test_server_login_limit_header_and_cleanup(small_kb, tmp_path):
    import httpx
    from gradio_client import Client, handle_file

    from assistant.ui import launch

    app, url = launch(small_kb.settings, host="127.0.0.1", port=_free_port(), block=False, quiet=True,
                      kb=small_kb, auth=("admin", "right-pass"))
    workdir = app.workspace.workdir
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            assert http.get("/config").status_code in (401, 403)  # behind the login
            for _ in range(5):
                assert http.post("/login", data={"username": "admin", "password": "nope"}).status_code >= 400
            assert http.post("/login", data={"username": "admin", "password": "right-pass"}).status_code >= 400
        gate = app.auth if callable(app.auth) else None
        assert gate is not None and gate.locked("admin")
        gate._fails.clear()
        gate._all.clear()
        client = Client(url, auth=("admin", "right-pass"), verbose=False)
        page = httpx.get(url, cookies=client.cookies, timeout=30).text
        assert str(small_kb.folder) not in page  # no server path shown to users
        report = tmp_path / "r.md"
        report.write_text("# 行业人才需求预测报告\n\n## 报告说明\n\n本报告依据问卷编制。\n", encoding="utf-8")
        client.predict(handle_file(str(report)), "auto", ["错误"], api_name="/check")
        cached = [Path(p) for s in app.temp_file_sets for p in s]
        assert any(p.name == "r.md" for p in cached) and workdir.is_dir()
    finally:
        app.close()
    assert not workdir.exists()
    assert not any(p.exists() for p in cached)
