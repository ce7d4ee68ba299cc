"""The export formats, each one small renderer with the same interface: render(Document) -> bytes."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import json
import zipfile

from ..agenda import COLUMNS, agenda_rows, spreadsheet_rows
from ..problems import ContentError
from ..resolve import Programme
from .pack import build_pack, generation_date

FORMATS = ("pdf", "html", "md", "docx", "zip")


def default_exports():
    """Where packs are written: $CURRICULUM_EXPORTS, else exports/ at the repository root."""
    import os
    from pathlib import Path

    return Path(os.environ.get("CURRICULUM_EXPORTS") or Path(__file__).resolve().parents[2] / "exports")


_RENDERERS = {"pdf": "pdf", "html": "html", "md": "markdown", "docx": "docx"}


def renderer(fmt: str):
    """The render(Document) -> bytes function of a format."""
    if fmt not in _RENDERERS:
        raise ContentError.coded("unknown_format", format=fmt, choices=", ".join(FORMATS))
    return importlib.import_module(f"{__package__}.{_RENDERERS[fmt]}").render


def file_stem(programme: Programme, pack: str, day: int | None = None, session: str | None = None) -> str:
    parts = [programme.curriculum, programme.context or "no-context", programme.lang, pack]
    if day is not None:
        parts.append(f"day{day}")
    if session:
        parts.append(session.replace("/", "-"))
    return "-".join(parts)


def export(
    programme: Programme,
    pack: str,
    fmt: str,
    stem: str,
    generated: dt.date | None = None,
    progress=None,
    comments: list[dict] | None = None,
) -> tuple[str, bytes]:
    """(file name, bytes) of one pack in one format; `progress(done, total, label)` is told as
    formats finish; `comments` (comment-matrix rows) adds a review appendix to a facilitator pack."""
    generated = generated or generation_date()
    document = build_pack(programme, pack, generated, comments)
    if fmt not in FORMATS:
        raise ContentError.coded("unknown_format", format=fmt, choices=", ".join(FORMATS))
    if fmt != "zip":
        data = renderer(fmt)(document)
        if progress:
            progress(1, 1, fmt)
        return f"{stem}.{fmt}", data
    return f"{stem}.zip", _zip(programme, pack, document, stem, generated, progress)


def write_pack(folder, name: str, data: bytes):
    """Write a pack file atomically into `folder` (created if needed); return its path."""
    from pathlib import Path

    from ..yamlfile import write_bytes_atomic

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ContentError.coded("output_folder", folder=folder, reason=exc.strerror) from None
    path = folder / name
    write_bytes_atomic(path, data)
    return path


def agenda_csv(programme: Programme) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(spreadsheet_rows(agenda_rows(programme)))
    return out.getvalue().encode("utf-8-sig")


def manifest(programme: Programme, pack: str, generated: dt.date, files: list[str]) -> bytes:
    data = {
        "curriculum": programme.curriculum,
        "context": programme.context,
        "language": programme.lang,
        "pack": pack,
        "scope": programme.scope or "all",
        "revisions": programme.revisions,
        "generated": generated.isoformat(),
        "files": files,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _zip(programme, pack, document, stem, generated, progress) -> bytes:
    members = []
    formats = ("pdf", "html", "md", "docx")
    for done, fmt in enumerate(formats, start=1):
        members.append((f"{stem}.{fmt}", renderer(fmt)(document)))
        if progress:
            progress(done, len(formats) + 1, fmt)
    members.append(("agenda.csv", agenda_csv(programme)))
    members.append(("manifest.json", manifest(programme, pack, generated, [name for name, _ in members])))
    buffer = io.BytesIO()
    stamp = (generated.year, generated.month, generated.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    if progress:
        progress(len(formats) + 1, len(formats) + 1, "zip")
    return buffer.getvalue()
