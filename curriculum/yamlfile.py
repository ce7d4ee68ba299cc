"""Reading and writing YAML content files safely.

Reads use libyaml's C parser where available with PyYAML's *safe* constructor, refuse
oversized files before reading them, non-UTF-8 bytes, and anchors/aliases (an alias
bomb stops at its first alias). Line numbers are looked up only when a file has a
problem to report, so the common path stays as fast as plain parsing.

Writes are atomic: a temporary file in the same folder, fsync, then rename.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from .records import KeyPath

MAX_BYTES = 2 * 1024 * 1024

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Content is read without implicit typing (every scalar is text: "10:30" stays a time,
# "Yes" stays a word); records.build turns text into numbers where a field wants one.
_Fast = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def may_hold_anchor(text: str) -> bool:
    """Whether `text` may hold a YAML anchor (`&name`); text without one cannot hold an alias bomb.

    An anchor starts a node: `&` at a line start or after whitespace, `,`, `[` or `{`, then a
    name character. The same answers as the regex `(?:^|[\\s,\\[{])&[^\\s,\\[\\]{}]`, which is tried
    at every position of the file (30 ms for the bundled workspace); `&` is rare, and looking
    only where it stands takes no time.
    """
    at = text.find("&")
    while at != -1:
        before = text[at - 1] if at else "\n"
        after = text[at + 1 : at + 2]
        if (before.isspace() or before in ",[{") and after and not (after.isspace() or after in ",[]{}"):
            return True
        at = text.find("&", at + 1)
    return False


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class ReadError(Exception):
    """A file that cannot be read as content: `line` is 1-based or None."""

    def __init__(self, code: str, line: int | None = None, **values):
        from .messages import text

        self.code, self.values, self.line = code, tuple(values.items()), line
        self.what, self.fix = text(code, values)
        super().__init__(self.what)


class _Guarded(_Fast):
    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            mark = node.start_mark
            raise ReadError("yaml_alias", mark.line + 1)
        return super().construct_object(node, deep)


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
    """The data of one YAML document, or ReadError naming the line."""
    try:
        loader = _Guarded(text) if may_hold_anchor(text) else _Fast(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or "malformed YAML").strip()
        if exc.context:
            what = f"{exc.context.strip()}: {what}"
        line = min(mark.line + 1, max(1, len(text.splitlines()))) if mark else None  # at the end: the last line
        raise ReadError("bad_yaml", line, detail=what) from None
    except yaml.YAMLError as exc:
        raise ReadError("bad_yaml_file", detail=str(exc)) from None


def locate(text: str, path: KeyPath) -> int | None:
    """The 1-based line of the value at `path`, or of the deepest part of it that exists."""
    try:
        node = yaml.compose(text, Loader=_Base)
    except yaml.YAMLError:
        return None
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


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` completely or not at all."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` completely or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
