"""Reading and writing YAML content files safely.

Reads build plain data from libyaml's parser events (no implicit typing, no recursion) and
refuse oversized files before reading them, non-UTF-8 bytes, aliases (an alias bomb stops
at its first alias), nesting deeper than MAX_DEPTH and keys written twice. Line numbers are
looked up only when a file has a problem to report, in one composition per file.

Writes are atomic: a temporary file in the same folder, fsync, then rename.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from .model import Text
from .problems import writing
from .records import KeyPath

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40  # content nests about 8 levels deep; libyaml's composer recurses in C and crashes near 30,000

# Content is read without implicit typing (every scalar is text: "10:30" stays a time,
# "Yes" stays a word); records.build turns text into numbers where a field wants one.
_Fast = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NO_KEY = object()


class ReadError(Exception):
    """A file that cannot be read as content: `line` is 1-based or None."""

    def __init__(self, code: str, line: int | None = None, **values):
        from .messages import text

        self.code, self.values, self.line = code, tuple(values.items()), line
        self.what, self.fix = text(code, values)
        super().__init__(self.what)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        from .messages import size as grouped

        raise ReadError("too_large", size=grouped(size), limit=grouped(max_bytes))
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError("not_utf8", line, byte=f"0x{raw[exc.start]:02x}") from None


def parse(text: str):
    """The data of one YAML document, or ReadError naming the line.

    The data is built from libyaml's parser events in one loop, without recursion, so what
    the parser sees decides: an alias is refused where it stands (no alias bomb), a
    collection nested deeper than MAX_DEPTH is refused before it is built (no RecursionError,
    no crash in libyaml's recursive composer), and a key written twice in a mapping is
    reported instead of silently keeping the last value.
    """
    try:
        return _built(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or "malformed YAML").strip()
        if exc.context:
            what = f"{exc.context.strip()}: {what}"
        raise ReadError("bad_yaml", _line(text, mark), detail=what) from None
    except yaml.YAMLError as exc:
        raise ReadError("bad_yaml_file", detail=str(exc)) from None


def _line(text: str, mark) -> int | None:
    """The 1-based line of a parser mark (at the end of the file: the last line)."""
    return min(mark.line + 1, max(1, len(text.splitlines()))) if mark else None


def _built(text: str):
    """Plain data (dicts, lists, strings) from the parser's events: the data BaseLoader builds."""
    parser = _Fast(text)
    try:
        get = parser.get_event
        stack: list = []  # the collections being filled, innermost last
        keys: list = []  # per collection: the key event waiting for its value (mappings)
        root, documents = None, 0
        while True:
            event = get()
            kind = event.__class__
            if kind is _SCALAR:
                value = event.value
            elif kind in _OPEN:
                if len(stack) >= MAX_DEPTH:
                    raise ReadError("too_deep", _line(text, event.start_mark), limit=MAX_DEPTH)
                value = {} if kind is yaml.MappingStartEvent else []
            elif kind in _CLOSE:
                stack.pop()
                keys.pop()
                continue
            elif kind is _ALIAS:
                raise ReadError("yaml_alias", _line(text, event.start_mark))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise ReadError("bad_yaml", _line(text, event.start_mark), detail=_ONE_DOCUMENT)
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            else:
                continue
            if not stack:
                root = value
            elif stack[-1].__class__ is list:
                stack[-1].append(value)
            elif keys[-1] is _NO_KEY:
                if kind is not _SCALAR:
                    raise ReadError("bad_yaml", _line(text, event.start_mark), detail=_COLLECTION_KEY)
                keys[-1] = event
            else:
                _put(text, stack[-1], keys[-1], value)
                keys[-1] = _NO_KEY
            if kind is not _SCALAR:
                stack.append(value)
                keys.append(_NO_KEY)
    finally:
        parser.dispose()


_ONE_DOCUMENT = Text(
    fr="un seul document était attendu dans le fichier, un deuxième commence ici (---)",
    en="expected a single document in the file, found a second one (---)",
)
_COLLECTION_KEY = Text(
    fr="une liste ou un groupe de champs ne peut pas servir de clé", en="a list or mapping cannot be a key"
)


def _put(text: str, mapping: dict, key_event, value) -> None:
    key = key_event.value
    if key in mapping:
        raise ReadError("duplicate_key", _line(text, key_event.start_mark), key=key)
    mapping[key] = value


class Lines:
    """Line numbers of key paths in one file's text, from a single composition of it.

    Built only when a file has something to report (clean loads never compose twice);
    every problem of the file is then looked up in the same node tree.
    """

    def __init__(self, text: str, parsed: bool = False) -> None:
        """`parsed`: `text` already passed `parse` (so it cannot crash the composer)."""
        self._text, self._root, self._composed, self._parsed = text, None, False, parsed

    def __call__(self, path: KeyPath) -> int | None:
        """The 1-based line of the value at `path`, or of the deepest part of it that exists."""
        node = self._node()
        line = node.start_mark.line + 1 if node else None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
                if match is None:
                    return line
                line, node = match[0].start_mark.line + 1, match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def _node(self):
        if not self._composed:
            self._composed = True
            try:
                if not self._parsed:
                    parse(self._text)  # refuses what could crash the composer (too deep) before composing
                self._root = yaml.compose(self._text, Loader=_Fast)  # no implicit typing: marks only
            except (ReadError, yaml.YAMLError):
                self._root = None
        return self._root


def locate(text: str, path: KeyPath) -> int | None:
    """The 1-based line of the value at `path` (one lookup; use `Lines` for several)."""
    return Lines(text)(path)


class _BlockDumper(_Dumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    if style:
        value = "\n".join(line.rstrip() for line in value.split("\n"))
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=100)


def write_atomic(path: Path, text: str, mode: int | None = None) -> None:
    """Replace `path` with `text` completely or not at all."""
    write_bytes_atomic(path, text.encode("utf-8"), mode)


def write_bytes_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` completely or not at all; WriteError (one line) when it cannot be written."""
    with staged(path, data, mode):
        pass


@contextmanager
def staged(path: Path, data: bytes, mode: int | None = None) -> Iterator[None]:
    """Write `data` to a temporary file beside `path`, run the block, then put it in place.

    The block runs once the bytes are safely on disk and only the rename is left (a save
    writes its audit line there); if the block fails, `path` is left as it was. A new file
    gets the mode the umask gives any new file; a replaced file keeps its own mode; `mode`,
    when given, is set before any byte is written (secrets: never readable by others, even briefly).
    """
    with writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMPORARY}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
            with os.fdopen(fd, "wb") as handle:
                _keep_mode(path, handle.fileno()) if mode is None else os.fchmod(handle.fileno(), mode)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            yield
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(path.parent)


TEMPORARY = ".tmp"


def _keep_mode(path: Path, fd: int) -> None:
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return
    os.fchmod(fd, mode)


def remove_stale(folder: Path) -> None:
    """Remove temporary files a killed writer left in `folder` (call it holding the folder's lock)."""
    for leftover in folder.glob(f".*{TEMPORARY}"):
        leftover.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
