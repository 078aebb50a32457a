"""Uploaded files: type checks with Chinese messages, and safe extraction of a zipped folder.

Knowledge-base uploads are copied into `<index_dir>/uploads/` under their original names, so that
`kb.ingest([uploads])` names each source by its file name (or its path inside the zip).
"""
from __future__ import annotations

import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..kb.ingest import SUPPORTED

KB_TYPES = tuple(sorted(SUPPORTED)) + (".zip",)
REPORT_TYPES = (".docx", ".md", ".markdown", ".txt", ".pdf")
DATA_TYPES = (".xlsx", ".xlsm", ".csv")
OUTLINE_TYPES = (".yaml", ".yml")

MAX_ZIP_BYTES = 500 * 1024 * 1024  # total uncompressed size of one zip
MAX_ZIP_FILES = 2000
MAX_ZIP_RATIO = 100  # uncompressed / compressed, per member and for the whole zip: more looks like a bomb
RATIO_FLOOR = 64 * 1024  # members (and zips) smaller than this uncompressed are never called bombs
UPLOAD_QUOTA = int(os.environ.get("ASSISTANT_UPLOAD_QUOTA_MB", "2048")) * 1024 * 1024  # per index


@dataclass
class Staged:
    files: list[Path] = field(default_factory=list)  # where the accepted files now are
    names: list[str] = field(default_factory=list)  # their source names (relative to the folder)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (name, reason in Chinese)


def types_text(types: tuple[str, ...]) -> str:
    return "、".join(t.lstrip(".").upper() for t in types)


def original_name(path: str | Path) -> str:
    """Gradio keeps the uploaded file's own name as the last part of its cache path."""
    return Path(str(path)).name


def check_type(name: str, allowed: tuple[str, ...]) -> str | None:
    """None when the name's extension is allowed, else the Chinese reason."""
    suffix = Path(name).suffix.lower()
    if suffix in allowed:
        return None
    what = f"“{suffix}”" if suffix else "（无扩展名）"
    return f"不支持的文件类型{what}，仅支持 {types_text(allowed)}"


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Member name decoded properly: zips made on Chinese Windows store GBK names without the UTF-8 flag,
    which Python decodes as CP437."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return name


def _safe_relpath(name: str) -> PurePosixPath | None:
    """The member's path if it stays inside the target folder, else None (absolute, `..`, drive letters)."""
    name = name.replace("\\", "/")
    p = PurePosixPath(name)
    if p.is_absolute() or not p.parts or any(part in ("..", "") for part in p.parts) or ":" in p.parts[0]:
        return None
    return p


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) \
        if folder.is_dir() else 0


class Quota:
    """Bytes the uploads folder of one index may still take (UPLOAD_QUOTA in all)."""

    def __init__(self, folder: Path, limit: int | None = None):
        self.limit = UPLOAD_QUOTA if limit is None else limit
        self.used = folder_bytes(folder)

    def take(self, n: int, replacing: int = 0) -> str | None:
        """Reserve n bytes (minus a file it replaces); None when it fits, else the reason."""
        if self.used - replacing + n > self.limit:
            return (f"超出本知识库的上传空间（已用 {self.used / 2**20:.0f} MB，本文件 {n / 2**20:.1f} MB，"
                    f"上限 {self.limit / 2**20:.0f} MB），请先删除不再需要的来源")
        self.used += n - replacing
        return None


def extract_zip(zip_path: Path, dest: Path, allowed: tuple[str, ...], staged: Staged,
                quota: "Quota | None" = None) -> None:
    """Extract the allowed files of a zip into `dest`, refusing path traversal, links and bombs."""
    label = original_name(zip_path)
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as e:
        staged.rejected.append((label, f"无法打开压缩包（{e}）"))
        return
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        if len(members) > MAX_ZIP_FILES:
            staged.rejected.append((label, f"压缩包内文件过多（{len(members)} 个，上限 {MAX_ZIP_FILES}）"))
            return
        total = sum(i.file_size for i in members)
        if total > MAX_ZIP_BYTES:
            staged.rejected.append((label, f"压缩包解压后过大（{total / 2**20:.0f} MB，上限 {MAX_ZIP_BYTES // 2**20} MB）"))
            return
        packed = max(1, zip_path.stat().st_size)
        if total > RATIO_FLOOR and total / packed > MAX_ZIP_RATIO:
            staged.rejected.append((label, f"压缩比异常（解压后 {total / 2**20:.0f} MB，是压缩包的 {total // packed} 倍，"
                                           f"疑似压缩炸弹），未解压"))
            return
        quota = quota or Quota(dest)
        written_total = 0
        for info in members:
            name = _zip_name(info)
            rel = _safe_relpath(name)
            shown = f"{label}/{name}"
            if rel is None:
                staged.rejected.append((shown, "路径不安全（绝对路径或包含 ..），已跳过"))
                continue
            if any(part.startswith(".") or part == "__MACOSX" for part in rel.parts) or rel.name.startswith("~$"):
                continue  # hidden files, macOS metadata, Office lock files
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                staged.rejected.append((shown, "符号链接，已跳过"))
                continue
            reason = check_type(rel.name, allowed)
            if reason:
                staged.rejected.append((shown, reason))
                continue
            if info.file_size > RATIO_FLOOR and info.file_size / max(1, info.compress_size) > MAX_ZIP_RATIO:
                staged.rejected.append((shown, "压缩比异常（疑似压缩炸弹），已跳过"))
                continue
            target = dest.joinpath(*rel.parts)
            if not target.resolve().is_relative_to(dest.resolve()):
                staged.rejected.append((shown, "路径不安全，已跳过"))
                continue
            over = quota.take(info.file_size, target.stat().st_size if target.is_file() else 0)
            if over:
                staged.rejected.append((shown, over))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(info) as src, open(target, "wb") as out:
                    written = 0
                    while chunk := src.read(1 << 20):
                        written += len(chunk)
                        written_total += len(chunk)
                        if written > info.file_size or written_total > total:
                            raise ValueError("实际大小与声明不符")
                        out.write(chunk)
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as e:
                target.unlink(missing_ok=True)
                staged.rejected.append((shown, f"解压失败（{e}）"))
                continue
            staged.files.append(target)
            staged.names.append(rel.as_posix())


def stage_kb_uploads(files: list[str | Path] | None, uploads: Path) -> Staged:
    """Copy uploaded files (and the contents of uploaded zips) into the uploads folder."""
    staged = Staged()
    uploads.mkdir(parents=True, exist_ok=True)
    quota = Quota(uploads)
    for f in files or []:
        f = Path(str(f))
        name = original_name(f)
        reason = check_type(name, KB_TYPES)
        if reason:
            staged.rejected.append((name, reason))
            continue
        if not f.is_file():
            staged.rejected.append((name, "上传的文件不存在或已过期，请重新上传"))
            continue
        if f.suffix.lower() == ".zip":
            extract_zip(f, uploads, KB_TYPES[:-1], staged, quota)
            continue
        target = uploads / name
        over = quota.take(f.stat().st_size, target.stat().st_size if target.is_file() else 0)
        if over:
            staged.rejected.append((name, over))
            continue
        shutil.copyfile(f, target)
        staged.files.append(target)
        staged.names.append(name)
    return staged


def copy_upload(path: str | Path, dest_dir: Path) -> Path:
    """Copy one uploaded file into `dest_dir` under its original name (readers may use the name)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / original_name(path)
    shutil.copyfile(path, target)
    return target
