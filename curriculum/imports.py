"""Importing a colleague's modules: one module YAML, or a ZIP of module YAML files.

Everything is checked before anything is written: size limits, ZIP entries (absolute
paths, `..`, links, too many files, suspicious compression), then each module exactly as
the workspace validates it. An id that already exists is never overwritten silently:
the caller chooses to replace it or to rename the incoming module.
"""

from __future__ import annotations

import io
import lzma
import stat
import tempfile
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path, PurePosixPath

from .access import check
from .messages import size
from .model import Module
from .problems import ContentError, Problem, writing
from .records import SLUG
from .workspace import read_record, save
from .yamlfile import MAX_BYTES

MAX_UPLOAD = 20 * 1024 * 1024
MAX_ENTRIES = 200
MAX_UNPACKED = 50 * 1024 * 1024
MAX_RATIO = 100  # a 1 kB entry that unpacks to more than 100 kB is refused


def module_zip(modules: list[Module]) -> bytes:
    """Modules as a ZIP of YAML files (modules/ID.yaml), the format `import_file` reads."""
    from .records import to_data
    from .yamlfile import dump

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for module in modules:
            archive.writestr(f"modules/{module.id}.yaml", dump(to_data(module)))
    return buffer.getvalue()


def read_upload(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The (file name, bytes) of every module file in an upload, or ContentError saying why not."""
    if len(data) > MAX_UPLOAD:
        raise ContentError.coded("upload_too_large", name=name, size=size(len(data)), limit=size(MAX_UPLOAD))
    suffix = Path(name).suffix.lower()
    if suffix in (".yaml", ".yml"):
        if len(data) > MAX_BYTES:
            raise ContentError.coded("module_file_too_large", name=name, limit=size(MAX_BYTES))
        return [(Path(name).name, data)]
    if suffix != ".zip":
        raise ContentError.coded("not_module_file", name=name)
    return _zip_entries(name, data)


def _zip_entries(name: str, data: bytes) -> list[tuple[str, bytes]]:
    entries = []
    with safe_zip(name, data, suffixes=(".yaml", ".yml")) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            entries.append((PurePosixPath(info.filename).name, read_entry(name, archive, info)))
    if not entries:
        raise ContentError.coded("zip_empty", name=name)
    return entries


# zipfile's own errors for damaged data: a bad CRC, a truncated or corrupt stream, a header
# that disagrees with the data; each becomes one refusal naming the entry
_DAMAGED = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError)


def read_entry(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The bytes of one checked entry (at most MAX_BYTES), or ContentError saying why not."""
    try:
        with archive.open(info) as member:
            content = member.read(MAX_BYTES + 1)
    except _DAMAGED:
        raise ContentError.coded("zip_damaged", name=name, path=info.filename) from None
    if len(content) > MAX_BYTES:
        raise ContentError.coded("zip_entry_too_large", name=name, path=info.filename, limit=size(MAX_BYTES))
    if len(content) != info.file_size:  # a size header that lies
        raise ContentError.coded("zip_damaged", name=name, path=info.filename)
    return content


def safe_zip(name: str, data: bytes, suffixes: tuple[str, ...] = (), entry_limit: int = MAX_BYTES) -> zipfile.ZipFile:
    """The open archive once every entry passed the checks (count, paths, links, sizes, compression
    ratio), or ContentError saying why not. Only files ending in `suffixes` are allowed, if given."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED:
        raise ContentError.coded("bad_zip", name=name) from None
    try:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ContentError.coded("zip_too_many", name=name, count=len(infos), limit=MAX_ENTRIES)
        total = 0
        for info in infos:
            _check_entry(name, info, suffixes, entry_limit)
            total += 0 if info.is_dir() else info.file_size
            if total > MAX_UNPACKED:
                raise ContentError.coded("zip_too_big", name=name, limit=size(MAX_UNPACKED))
    except BaseException:
        archive.close()
        raise
    return archive


def _check_entry(name: str, info: zipfile.ZipInfo, suffixes: tuple[str, ...], entry_limit: int) -> None:
    path = info.filename
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":") or ".." in parts or "\\" in path:
        raise ContentError.coded("zip_unsafe_path", name=name, path=path)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise ContentError.coded("zip_link", name=name, path=path)
    if info.is_dir():
        return
    if info.flag_bits & 0x1:
        raise ContentError.coded("zip_encrypted", name=name, path=path)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        raise ContentError.coded("zip_compression", name=name, path=path)
    if suffixes and not path.lower().endswith(suffixes):
        raise ContentError.coded("zip_unexpected_file", name=name, path=path)
    if info.file_size > entry_limit:
        raise ContentError.coded("zip_entry_too_large", name=name, path=path, limit=size(entry_limit))
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1_000_000:
        raise ContentError.coded("zip_bomb", name=name, path=path)


def check_modules(entries: list[tuple[str, bytes]]) -> list[Module]:
    """Each module validated exactly as the workspace validates it, and the set as a whole (no id
    twice); every problem reported, nothing written."""
    found: list[tuple[str, Module]] = []
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "modules"
        folder.mkdir()
        for file_name, content in entries:
            stem = Path(file_name).stem
            if not SLUG.match(stem):
                problems.append(Problem.coded(file_name, None, "import_file_name", {}))
                continue
            path = folder / f"{stem}.yaml"
            with writing(path):
                path.write_bytes(content)
            record, in_file = read_record(Path(tmp), path, Module)
            problems += [replace(p, file=file_name) for p in in_file if p.is_error]
            if record is not None:
                found.append((file_name, record))
    problems += _same_ids(found)
    if problems:
        raise ContentError.coded("import_refused", problems=problems, count=len(problems))
    return [module for _, module in found]


def _same_ids(found: list[tuple[str, Module]]) -> list[Problem]:
    """One problem per module id that more than one file of the import holds."""
    by_id: dict[str, list[str]] = {}
    for file_name, module in found:
        by_id.setdefault(module.id, []).append(file_name)
    return [
        Problem.coded(names[1], None, "import_same_id", {"id": module_id, "files": ", ".join(names)})
        for module_id, names in by_id.items()
        if len(names) > 1
    ]


def import_file(
    root, workspace, name: str, data: bytes, replace_existing: bool = False, rename: str = "", actor=None
) -> list[Module]:
    """Import modules into the workspace; an id clash is refused unless told to replace or rename."""
    actor = check(actor, "import", root)
    modules = check_modules(read_upload(name, data))
    clashes = [m.id for m in modules if m.id in workspace.modules]
    if rename:
        if len(modules) != 1:
            raise ContentError.coded("rename_one")
        if not SLUG.match(rename) or rename in workspace.modules:
            raise ContentError.coded("bad_rename", id=rename)
        modules, clashes = [replace(modules[0], id=rename)], []
    if clashes and not replace_existing:
        raise ContentError.coded("import_clash", ids=", ".join(clashes), count=len(clashes))
    saved: list[Module] = []
    try:
        for module in modules:
            existing = workspace.modules.get(module.id)
            loaded = existing.revision if existing else None
            incoming = replace(module, revision=loaded or 1)
            saved.append(save(root, "modules", incoming, loaded_revision=loaded, actor=actor))
    except ContentError:
        _undo(root, workspace, saved, actor)  # all or nothing: a save refused midway (a conflict, a full disk)
        raise
    return saved


def _undo(root, workspace, saved: list[Module], actor) -> None:
    """Put back what an interrupted import wrote: earlier revisions from the history, new files removed."""
    from .access import audit
    from .workspace import HISTORY, record_path
    from .yamlfile import write_bytes_atomic

    root = Path(root)
    for module in saved:
        path = record_path(root, "modules", module.id)
        before = workspace.modules.get(module.id)
        with writing(path):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                kept = root / HISTORY / "modules" / module.id / f"{before.revision}.yaml"
                write_bytes_atomic(path, kept.read_bytes())
        audit(root, actor, "undo-import", f"modules/{module.id}", before.revision if before else None)
