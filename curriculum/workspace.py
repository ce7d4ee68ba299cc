"""The workspace store: load and validate a folder of YAML content, save records safely.

A workspace holds `modules/`, `contexts/` and `curricula/`, one record per file named
after its id, and may hold `settings.yaml` declaring the languages its content is written
in (without it, its languages are those its content uses). Loading never stops at a broken file: a file with errors is left out and
its problems listed, the rest loads. Parsed files are cached by path, size and
modification time, so a reload after one save re-parses that file only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from filelock import FileLock

from . import catalogs, yamlfile
from .access import audit, check
from .messages import NONE, RECORD_NAMES
from .model import KINDS, Context, Curriculum, Module, Settings
from .problems import ConflictError, ContentError, Problem, UnknownIdError, writing
from .records import INTEGER, SLUG, Findings, build, settled, to_data
from .validate import check_record, check_workspace, reported

HISTORY = ".history"
SETTINGS = "settings.yaml"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKSPACE = REPO_ROOT


def default_root() -> Path:
    return Path(os.environ.get("CURRICULUM_WORKSPACE") or DEFAULT_WORKSPACE)


@dataclass(frozen=True)
class Workspace:
    root: Path
    modules: Mapping[str, Module]
    contexts: Mapping[str, Context]
    curricula: Mapping[str, Curriculum]
    problems: tuple[Problem, ...]
    languages: tuple[str, ...] = ()  # declared in settings.yaml, else those the content uses
    declared: bool = False  # whether settings.yaml declares them

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def records(self, kind: str) -> Mapping:
        return {"modules": self.modules, "contexts": self.contexts, "curricula": self.curricula}[kind]

    def get(self, kind: str, record_id: str):
        found = self.records(kind).get(record_id)
        if found is None:
            known = ", ".join(sorted(self.records(kind))) or NONE
            raise UnknownIdError.coded("unknown_record", what=RECORD_NAMES[kind], id=record_id, known=known)
        return found

    def path(self, kind: str, record_id: str) -> Path:
        return record_path(self.root, kind, record_id)

    def invalid_files(self) -> dict[str, list[Problem]]:
        out: dict[str, list[Problem]] = {}
        for problem in self.errors:
            out.setdefault(problem.file, []).append(problem)
        return out


def record_path(root: Path, kind: str, record_id: str) -> Path:
    if kind not in KINDS:
        raise ContentError.coded("unknown_kind", kind=kind)
    if not isinstance(record_id, str) or not SLUG.match(record_id):
        raise ContentError.coded("invalid_id", id=record_id)
    return root / kind / f"{record_id}.yaml"


@dataclass(frozen=True)
class _Parsed:
    stamp: tuple
    record: object
    problems: tuple[Problem, ...]
    languages: tuple[str, ...] = ()  # the languages the file's content uses


class Store:
    """Loads workspaces, remembering parsed files until they change on disk."""

    def __init__(self) -> None:
        self._cache: dict[Path, _Parsed] = {}
        self._gaps: dict = {}  # validate.check_workspace's memo of translation gaps per record
        self._lock = threading.Lock()

    def load(self, root: Path | str | None = None) -> Workspace:
        root = Path(root) if root is not None else default_root()
        if not root.is_dir():
            raise ContentError.coded("workspace_missing", root=root)
        found: dict[str, dict] = {kind: {} for kind in KINDS}
        settings = self._parse(root, root / SETTINGS, Settings, None)
        problems: list[Problem] = list(settings.problems)
        declared = settings.record.languages if settings.record is not None else None
        used: dict[str, None] = {}
        for kind, cls in KINDS.items():
            for path in sorted((root / kind).glob("*.yaml")):
                parsed = self._parse(root, path, cls, declared)
                problems.extend(parsed.problems)
                used.update(dict.fromkeys(parsed.languages))
                if parsed.record is not None:
                    found[kind][parsed.record.id] = parsed.record
        languages = declared if declared is not None else tuple(used)
        workspace = Workspace(
            root, found["modules"], found["contexts"], found["curricula"], (), languages, declared is not None
        )
        problems.extend(check_workspace(workspace, self._gaps))
        catalogs.use_workspace(root)  # the interface speaks the workspace's languages too
        problems.extend(catalog_problems(root))
        return replace(workspace, problems=tuple(problems))

    def forget(self) -> None:
        with self._lock:
            self._cache.clear()
            self._gaps.clear()

    def _parse(self, root: Path, path: Path, cls, languages: tuple[str, ...] | None) -> _Parsed:
        try:
            stat = path.stat()
        except OSError:
            return _Parsed((0, 0), None, ())
        stamp = (stat.st_size, stat.st_mtime_ns, languages)  # declaring a language re-checks every file
        with self._lock:
            cached = self._cache.get(path)
        if cached is not None and cached.stamp == stamp:
            return cached
        found = Findings(languages=languages)
        parsed = _Parsed(stamp, *read_record(root, path, cls, found=found), tuple(found.seen))
        with self._lock:
            self._cache[path] = parsed
        return parsed


STORE = Store()


def load_workspace(root: Path | str | None = None) -> Workspace:
    return STORE.load(root)


def read_record(
    root: Path, path: Path, cls, expected_id: str | None = None, found: Findings | None = None
) -> tuple[object, tuple[Problem, ...]]:
    """The record in one file (None when it has errors) and the file's problems (`found`:
    where to collect them, with the workspace's declared languages)."""
    name = _relative(root, path)
    try:
        text = yamlfile.read_text(path)
        data = yamlfile.parse(text)
    except yamlfile.ReadError as exc:
        return None, (Problem.coded(name, exc.line, exc.code, dict(exc.values)),)
    except OSError as exc:
        return None, (Problem.coded(name, None, "unreadable", {"reason": exc.strerror}),)
    found = found if found is not None else Findings()
    record = build(cls, data, found)
    if record is not None and cls is Settings:
        _check_settings(record, found)
    elif record is not None:
        check_record(record, found)
        expected = expected_id or path.stem
        if record.id != expected:
            found.error(("id",), "id_mismatch", id=record.id, file=path.name, expected=expected)
    if not found:
        return record, ()
    return (None if found.has_errors else record), reported(name, text, found)


def _check_settings(settings: Settings, found: Findings) -> None:
    if not settings.languages:
        found.error(("languages",), "missing_field", key="languages")
    seen = set()
    for i, code in enumerate(settings.languages):
        if code in seen:
            found.error(("languages", i), "duplicate_language", lang=code)
        seen.add(code)


def declared_languages(root: Path | str) -> tuple[str, ...] | None:
    """The languages `settings.yaml` declares, or None when the workspace has no (valid) settings."""
    path = Path(root) / SETTINGS
    if not path.exists():
        return None
    record, _ = read_record(Path(root), path, Settings)
    return record.languages if record is not None else None


def catalog_problems(root: Path) -> list[Problem]:
    """Catalog entries whose placeholders are not the English text's (each falls back to English),
    and catalogs that cannot be read (their language falls back to English)."""
    found = []
    for b in catalogs.problems(root):
        if b.reason:
            values, code = {"reason": b.reason}, "catalog_unreadable"
        else:
            expected = ", ".join(f"{{{n}}}" for n in b.expected) or NONE
            values, code = {"key": b.key, "found": b.found, "expected": expected}, "catalog_placeholder"
        found.append(Problem.coded(_relative(root, b.path), b.line or None, code, values, severity="warning"))
    return found


def _relative(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file: one save or delete at a time, across processes and threads."""
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(folder / ".lock"):
        yield


@dataclass(frozen=True)
class _OnDisk:
    """A record's file as a save finds it: its text, its revision (None: no file; -1: unreadable
    or without a revision) and the record it holds (None when it holds none without errors)."""

    text: str | None = None
    revision: int | None = None
    record: object = None


def _on_disk(path: Path, cls) -> _OnDisk:
    if not path.exists():
        return _OnDisk()
    try:
        text = yamlfile.read_text(path)
        data = yamlfile.parse(text)
    except yamlfile.ReadError:
        return _OnDisk(revision=-1)
    revision = data.get("revision") if isinstance(data, dict) else None
    revision = int(revision) if isinstance(revision, str) and INTEGER.match(revision) and int(revision) > 0 else -1
    found = Findings()
    record = build(cls, data, found)
    return _OnDisk(text, revision, None if found.has_errors else record)


def save(root: Path | str, kind: str, record, loaded_revision: int | None, actor=None):
    """Write `record` as the next revision of its file and return the saved record.

    `loaded_revision` is the revision the editor started from (None for a new record).
    If the file moved on since, nothing is written and ConflictError says so; the
    caller still holds the user's text. A record the same as the one on disk (as the
    model sees it) is not written at all: the record on disk comes back, its revision
    still `loaded_revision` (see `unchanged`), and no history, audit line or staleness
    follows. A changed record is written into its file as the author wrote it
    (`roundtrip.rewrite`): only the lines of what changed change.
    """
    root = Path(root)
    actor = check(actor, "edit-content", root)
    path = record_path(root, kind, record.id)
    expected_type = KINDS[kind]
    if not isinstance(record, expected_type):
        raise ContentError.coded("wrong_record_type", type=type(record).__name__, kind=kind)
    found = Findings(languages=declared_languages(root))
    rebuilt = build(expected_type, to_data(record), found)  # the same rules as loading
    if rebuilt is not None:
        check_record(rebuilt, found)
    errors = [f for f in found if f.severity == "error"]
    if errors:
        raise ContentError.coded(
            "save_problems",
            problems=[f.problem(_relative(root, path), None) for f in errors],
            file=path.name,
            count=len(errors),
        )
    with writing(path), _locked(path.parent):
        yamlfile.remove_stale(path.parent)  # left by a writer killed mid-save; none can be running now
        yamlfile.remove_stale(root / HISTORY / kind / record.id)
        disk = _on_disk(path, expected_type)
        if disk.revision != loaded_revision:
            raise _conflict(path, loaded_revision, disk.revision)
        if disk.record is not None and _same(replace(rebuilt, revision=disk.record.revision), disk.record):
            return disk.record
        saved = replace(record, revision=(loaded_revision or 0) + 1)
        text = _text_of(saved, replace(rebuilt, revision=saved.revision), disk)
        if disk.revision is not None:
            _keep_in_history(root, kind, record.id, disk.revision, path)
        with yamlfile.staged(path, text.encode("utf-8")):
            yamlfile.write_atomic(root / HISTORY / kind / saved.id / f"{saved.revision}.yaml", text)
            # written before the new file is put in place: no save is ever without its audit line
            audit(root, actor, "save", f"{kind}/{saved.id}", saved.revision)
    return saved


def unchanged(saved, loaded_revision: int | None) -> bool:
    """Whether `save` returned without writing: the record was the same as the one on disk."""
    return loaded_revision is not None and saved.revision == loaded_revision


def _text_of(saved, expected, disk: _OnDisk) -> str:
    """The file's new text: the author's file with only what changed rewritten, provided it reads
    back as `expected` (or as the fresh dump reads back: text lines lose trailing spaces in block
    style); otherwise, and for a new file, the record in model field order."""
    if disk.record is None:
        return yamlfile.dump(to_data(saved))
    from . import roundtrip  # ruamel.yaml is loaded only when a save changes a file

    edited = roundtrip.rewrite(disk.text, disk.record, saved)
    back = None if edited is None else _read_back(edited, type(saved))
    if back is not None and _same(back, expected):
        return edited
    fresh = yamlfile.dump(to_data(saved))
    return edited if back is not None and _same(back, _read_back(fresh, type(saved))) else fresh


def _same(record, other) -> bool:
    """Whether two records say the same, as the model sees them: texts compared without the line
    breaks that end them (`records.settled`)."""
    return record == other or (other is not None and settled(record) == settled(other))


def _read_back(text: str, cls):
    try:
        return build(cls, yamlfile.parse(text), Findings())
    except yamlfile.ReadError:
        return None


def _conflict(path: Path, loaded: int | None, current: int | None) -> ConflictError:
    """Why the file on disk is not the one the editor started from."""
    if loaded is None:
        return ConflictError.coded("conflict_exists", file=path.name)
    if current is None:
        return ConflictError.coded("conflict_deleted", file=path.name, loaded=loaded)
    if current == -1:
        return ConflictError.coded("conflict_broken", file=path.name)
    return ConflictError.coded("conflict_changed", file=path.name, loaded=loaded, current=current)


def delete(root: Path | str, kind: str, record_id: str, loaded_revision: int, actor=None) -> None:
    """Remove a record's file, refused if it changed since it was loaded; history keeps it."""
    root = Path(root)
    actor = check(actor, "edit-content", root)
    path = record_path(root, kind, record_id)
    with writing(path), _locked(path.parent):
        current = _on_disk(path, KINDS[kind]).revision
        if current is None:
            raise UnknownIdError.coded("no_such_file", file=path.name)
        if current != loaded_revision:
            raise _conflict(path, loaded_revision, current)
        _keep_in_history(root, kind, record_id, current, path)
        audit(root, actor, "delete", f"{kind}/{record_id}", loaded_revision)
        path.unlink()


def _keep_in_history(root: Path, kind: str, record_id: str, revision: int, path: Path) -> None:
    """Make sure the revision about to be replaced stays readable (adaptations point at it)."""
    kept = root / HISTORY / kind / record_id / f"{revision}.yaml"
    if not kept.exists():
        yamlfile.write_atomic(kept, path.read_text(encoding="utf-8"))


def record_at(root: Path | str, kind: str, record_id: str, revision: int):
    """A record as it was at `revision`, from the history; None when that revision was never kept."""
    path = history(root, kind, record_id).get(revision)
    if path is None:
        return None
    record, _ = read_record(Path(root), path, KINDS[kind], expected_id=record_id)
    return record


def history(root: Path | str, kind: str, record_id: str) -> dict[int, Path]:
    """Saved revisions of a record: revision -> file in the workspace history."""
    folder = record_path(Path(root), kind, record_id).parent.parent / HISTORY / kind / record_id
    revisions = {}
    for path in folder.glob("*.yaml"):
        if path.stem.isascii() and path.stem.isdigit():
            revisions[int(path.stem)] = path
    return dict(sorted(revisions.items()))
