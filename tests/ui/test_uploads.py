"""Upload staging: allowed types with Chinese messages, and safe extraction of zipped folders."""
from __future__ import annotations

import zipfile

from assistant.ui import uploads


def test_unsupported_type_is_rejected_with_a_chinese_reason(tmp_path):
    bad = tmp_path / "病毒.exe"
    bad.write_bytes(b"MZ")
    good = tmp_path / "简报.md"
    good.write_text("# 简报\n\n内容", encoding="utf-8")
    staged = uploads.stage_kb_uploads([bad, good], tmp_path / "uploads")
    assert staged.names == ["简报.md"]
    assert (tmp_path / "uploads" / "简报.md").is_file()
    assert staged.rejected[0][0] == "病毒.exe"
    assert "不支持的文件类型“.exe”" in staged.rejected[0][1]
    assert "PDF" in staged.rejected[0][1]


def test_zip_of_a_folder_keeps_relative_names_and_skips_unsafe_members(tmp_path):
    z = tmp_path / "资料.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("资料/2024_快报.md", "# 快报\n\n2024年出口128.4万辆。")
        zf.writestr("资料/子目录/说明.txt", "说明文字")
        zf.writestr("资料/图片.png", b"\x89PNG")
        zf.writestr("../逃逸.md", "x")
        zf.writestr("/etc/绝对.md", "x")
        zf.writestr("__MACOSX/资料/._2024_快报.md", "x")
        zf.writestr("资料/.hidden.md", "x")
    dest = tmp_path / "uploads"
    staged = uploads.stage_kb_uploads([z], dest)
    assert sorted(staged.names) == ["资料/2024_快报.md", "资料/子目录/说明.txt"]
    reasons = dict(staged.rejected)
    assert "不支持的文件类型" in reasons["资料.zip/资料/图片.png"]
    assert "路径不安全" in reasons["资料.zip/../逃逸.md"]
    assert "路径不安全" in reasons["资料.zip//etc/绝对.md"]
    assert not (tmp_path / "逃逸.md").exists()
    assert all(p.resolve().is_relative_to(dest.resolve()) for p in dest.rglob("*"))


def test_gbk_member_names_from_windows_zips_are_decoded(tmp_path):
    z = tmp_path / "win.zip"
    gbk = "人才简报.txt".encode("gbk")
    placeholder = "x" * len(gbk)
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(placeholder, "内容")
    # Rewrite the member name as GBK bytes without the UTF-8 flag, as Windows' zip tool does.
    z.write_bytes(z.read_bytes().replace(placeholder.encode(), gbk))
    with zipfile.ZipFile(z) as zf:
        name = uploads._zip_name(zf.infolist()[0])
    assert name == "人才简报.txt"


def test_zip_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_BYTES", 1000)
    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "数" * 2000)
    staged = uploads.stage_kb_uploads([z], tmp_path / "uploads")
    assert not staged.files
    assert "解压后过大" in staged.rejected[0][1]


def test_broken_zip_is_reported_not_raised(tmp_path):
    z = tmp_path / "坏.zip"
    z.write_bytes(b"not a zip")
    staged = uploads.stage_kb_uploads([z], tmp_path / "uploads")
    assert staged.rejected and "无法打开压缩包" in staged.rejected[0][1]


def test_symlink_members_are_skipped(tmp_path):
    z = tmp_path / "link.zip"
    with zipfile.ZipFile(z, "w") as zf:
        info = zipfile.ZipInfo("资料/链接.md")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    staged = uploads.stage_kb_uploads([z], tmp_path / "uploads")
    assert not staged.files and "符号链接" in staged.rejected[0][1]
