"""A changed record written back into the file it was read from, as its author wrote it.

The file is read again with ruamel.yaml's round-trip loader, which keeps comments, key
order, quoting and block styles; then only the parts where the new record differs from the
one in the file are replaced, compared field by field as the model sees them (so `30`,
`"30"` and `030` are the same minutes, and a default written out stays written). List items
are matched by their first field (an id, a module, a target), so an added, removed or moved
activity touches only its own lines, and the comment lines written above an item stay above
it. A new value takes the quoting of the one it replaces, a new item the style of its
neighbour; multi-line text is written in block style. Loading stays on libyaml
(`yamlfile.parse`); this module is used only when a save changes something.
"""

from __future__ import annotations

import dataclasses
import difflib
import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from .model import Glossary, Reference, Text
from .records import plain, settled, specs

_QUOTED = (DoubleQuotedScalarString, SingleQuotedScalarString)


def rewrite(text: str, old, new) -> str | None:
    """`text`, the file `old` was read from, changed where `new` differs from `old` (texts
    compared without their final line breaks); None when the file cannot be read round-trip
    (the caller then writes the record afresh)."""
    yaml = _yaml(text)
    out = io.StringIO()
    try:
        document = yaml.load(text)
        if not isinstance(document, CommentedMap):
            return None
        _update_record(document, settled(old), settled(new))
        yaml.dump(document, out)
    except YAMLError:
        return None
    return out.getvalue()


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes with the file's own indentation, never re-wraps a long
    line and keeps each scalar's quotes."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    mapping, sequence, offset = layout(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.explicit_start = text.lstrip().startswith("---")
    if "\r\n" in text:
        yaml.line_break = "\r\n"
    return yaml


def layout(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence item indent, dash offset) of a YAML file, read from its first
    nested mapping and first block sequence; today's layout (2, 2, 0: dashes under their key)
    where the file has none."""
    mapping = sequence = offset = None
    key_indent = None  # indentation of the last line that was a key alone ("sessions:")
    for line in text.splitlines():
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if key_indent is not None and indent > key_indent:
            if body.startswith("- ") and sequence is None:
                after = body[2:]
                offset = indent - key_indent
                sequence = offset + 2 + len(after) - len(after.lstrip(" "))
            elif not body.startswith("-") and mapping is None:
                mapping = indent - key_indent
        key_indent = indent if body.rstrip().endswith(":") and not body.startswith("- ") else None
        if mapping is not None and sequence is not None:
            break
    return mapping or 2, sequence or 2, offset or 0


def _update_record(node: CommentedMap, old, new) -> None:
    """Change `node` (the mapping `old` was read from) so that it reads as `new`."""
    for spec in specs(type(new)):
        before, after = getattr(old, spec.name), getattr(new, spec.name)
        if before == after:
            continue
        if not spec.required and after == spec.default:
            node.pop(spec.key, None)
        elif spec.key in node:
            node[spec.key] = _changed(node[spec.key], before, after, owner=(node.ca.items, spec.key))
        else:
            fresh = _fresh(after)
            if isinstance(fresh, CommentedSeq) and all(isinstance(v, str) and "\n" not in v for v in fresh):
                fresh.fa.set_flow_style()  # a new list of ids or codes on one line: `fallback: [ar, fr]`
            node.insert(_position(node, type(new), spec.key), spec.key, fresh)


def _position(node: CommentedMap, cls, key: str) -> int:
    """Where a missing field goes: after the nearest field before it in model order."""
    order = [s.key for s in specs(cls)]
    keys = list(node)
    for earlier in reversed(order[: order.index(key)]):
        if earlier in node:
            return keys.index(earlier) + 1
    return 0


def _changed(node, before, after, owner=None):
    """The node to write for a value that changed from `before` to `after` (`owner`: the
    comment slots of the mapping holding it, and its key)."""
    if isinstance(after, KEYED) and type(before) is type(after) and isinstance(node, CommentedMap):
        if _needs_block(after):
            node.fa.set_block_style()
        _update_keyed(node, before, after)
        return node
    if dataclasses.is_dataclass(after) and type(before) is type(after) and isinstance(node, CommentedMap):
        if _needs_block(after):
            node.fa.set_block_style()
        _update_record(node, before, after)
        return node
    if isinstance(after, tuple) and isinstance(before, tuple) and isinstance(node, CommentedSeq):
        _update_items(node, before, after, owner)
        return node
    if isinstance(after, str):
        return _string(after, like=node)
    return _fresh(after)


KEYED = (Text, Reference, Glossary)  # written as a mapping keyed by language (a reference: and its dates)


def _update_keyed(node: CommentedMap, before, after) -> None:
    """Change the mapping `node` (read as `before`) to read as `after`, key by key: a
    language removed goes, a changed one changes in place, a new one is added at the end."""
    old, new = plain(before), plain(after)
    for key in [k for k in node if k not in new]:
        node.pop(key)
    for key, value in new.items():
        if key not in node:
            node[key] = _node(value, None)
        elif old.get(key) != value:
            node[key] = _string(value, like=node[key]) if isinstance(value, str) else _node(value, node[key])


def _update_items(node: CommentedSeq, before: tuple, after: tuple, owner=None) -> None:
    """Change the list `node` (read as `before`) to read as `after`, item by item: kept items
    keep their lines, changed ones change in place, new ones are inserted where they stand."""
    first_mapping = not before and any(dataclasses.is_dataclass(item) for item in after)
    if node.fa.flow_style() and (first_mapping or any(_needs_block(item) for item in after)):
        node.fa.set_block_style()  # `[]` that now holds activities, or text that spans lines
    matcher = difflib.SequenceMatcher(None, [_identity(i) for i in before], [_identity(i) for i in after], False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            if before[i1 + k] != after[j1 + k]:
                node[i1 + k] = _changed(node[i1 + k], before[i1 + k], after[j1 + k])
        if tag in ("delete", "replace"):
            for at in reversed(range(i1 + paired, i2)):
                _hand_over_comments(node, at, owner)
                del node[at]
        if tag in ("insert", "replace"):
            for k, value in enumerate(after[j1 + paired : j2]):
                at = i1 + paired + k
                neighbour = node[at - 1] if at else (node[0] if len(node) else None)
                fresh = _fresh(value, like=neighbour)
                _make_way(node, at, fresh, owner)
                node.insert(at, fresh)


# Comments. ruamel.yaml keeps a comment line with the line before it: the lines above an item
# of a list sit in the comment slot after the last scalar of the item before it (`ca`, its
# comment attribute), the lines above the first item in the list's start comment. Left alone,
# removing an item would drop the comment above the next one and keep its own; these helpers
# hand the lines over so that each comment stays above the item it was written above.


def _hand_over_comments(node: CommentedSeq, at: int, owner) -> None:
    """Before item `at` is removed: the comment lines above the next item (kept in the removed
    item's tail) replace those above the removed one (kept in the tail of the item before it,
    or in the list's start comment)."""
    below = _comment_lines(_tail(node[at]))
    if at:
        _set_comment_lines(_tail(node[at - 1]), below)
        return
    start = _start_comment(node)
    body = below.lstrip(" ")
    if body:
        _set_start_comment(node, owner, [CommentToken(body, CommentMark(len(below) - len(body)))])
    elif start:
        _drop_start_comment(node, owner)


def _make_way(node: CommentedSeq, at: int, fresh, owner) -> None:
    """Before `fresh` is inserted at `at`: the comment lines above the item now at `at` move to
    the tail of `fresh`, so that they stay above that item."""
    if at:
        _set_comment_lines(_tail(fresh), _comment_lines(_tail(node[at - 1])))
        _set_comment_lines(_tail(node[at - 1]), "")
        return
    start = _start_comment(node)
    if start:
        _set_comment_lines(_tail(fresh), "".join(" " * t.column + t.value for t in start))
        _drop_start_comment(node, owner)


def _start_comment(node: CommentedSeq) -> list | None:
    """The comment lines above a list's first item (a list of tokens shared with the key above)."""
    start = node.ca.comment[1] if node.ca.comment and len(node.ca.comment) > 1 else None
    return start if isinstance(start, list) else None


def _set_start_comment(node: CommentedSeq, owner, tokens: list) -> None:
    """Write `tokens` as the comment lines above a list's first item."""
    start = _start_comment(node)
    if start is not None:
        start[:] = tokens
        return
    node.ca.comment = [None, tokens]
    if owner is not None:
        owner[0].setdefault(owner[1], [None] * 4)[3] = tokens


def _drop_start_comment(node: CommentedSeq, owner) -> None:
    """Remove the comment lines above a list's first item, from the list and from the key above it."""
    start = _start_comment(node)
    if owner is not None:
        slots = owner[0].get(owner[1])
        if slots and len(slots) > 3 and slots[3] is start:
            slots[3] = None
    node.ca.comment[1] = None


def _tail(node):
    """Where the comment after the last line of a block item is kept: (slots, key, index, and
    whether that line closes a block scalar, which leaves no end-of-line comment), or None."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not node.fa.flow_style():
        key = next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
            node = value
            continue
        index = 2 if isinstance(node, CommentedMap) else 0
        return node.ca.items, key, index, isinstance(value, (LiteralScalarString, FoldedScalarString))
    return None


def _split_comment(tail) -> tuple[str, str]:
    """(the end-of-line part, the comment lines below it, each with its indentation) of the
    comment at `tail`. After a block scalar the comment has no end-of-line part and its first
    line's indentation is the comment's column."""
    slots, key, index, block = tail
    token = (slots.get(key) or [None] * 4)[index]
    if token is None:
        return "", ""
    if block:
        return "", " " * token.column + token.value
    head, newline, lines = token.value.partition("\n")
    return head + newline, lines


def _comment_lines(tail) -> str:
    return "" if tail is None else _split_comment(tail)[1]


def _set_comment_lines(tail, lines: str) -> None:
    if tail is None:
        return
    slots, key, index, block = tail
    head = _split_comment(tail)[0] or ("" if block else "\n")
    if not (head + lines).strip():
        if key in slots:
            slots[key][index] = None
        return
    entry = slots.setdefault(key, [None] * 4)
    column = entry[index].column if entry[index] is not None else 0  # where an end-of-line comment starts
    if block:  # the first line's indentation goes in the column
        body = lines.lstrip(" ")
        column, lines = len(lines) - len(body), body
    entry[index] = CommentToken(head + lines, CommentMark(column))


def _identity(item):
    """What an item is matched by across two versions of a list: its first field (an id, the
    module of a curriculum item, the target of an override…), or the value itself."""
    if dataclasses.is_dataclass(item):
        return getattr(item, dataclasses.fields(item)[0].name)
    return item


def _needs_block(value) -> bool:
    """Whether a value holds multi-line text, which flow style (`{fr: …}`) cannot hold as a block."""
    data = plain(value)
    if isinstance(data, dict):
        return any(map(_needs_block, data.values()))
    if isinstance(data, list):
        return any(map(_needs_block, data))
    return isinstance(data, str) and "\n" in data


def _fresh(value, like=None):
    """A new node for `value`, written like `like` (a neighbouring item: a new activity takes
    the flow style and quotes of the one before it), else in block style as in a new file."""
    return _node(plain(value), like)


def _node(plain, like):
    if isinstance(plain, dict):
        node = CommentedMap()
        like = like if isinstance(like, CommentedMap) else {}
        for key, value in plain.items():
            node[key] = _node(value, like.get(key))
        if getattr(like, "fa", None) is not None and like.fa.flow_style() and not _needs_block(plain):
            node.fa.set_flow_style()
        return node
    if isinstance(plain, list):
        node = CommentedSeq(_node(value, like[0] if isinstance(like, list) and like else None) for value in plain)
        if isinstance(like, CommentedSeq) and like.fa.flow_style() and not any(map(_needs_block, plain)):
            node.fa.set_flow_style()
        return node
    if isinstance(plain, str):
        return _string(plain, like)
    return plain


def _string(value: str, like) -> str:
    """`value` as a scalar: block style when it spans lines or replaces block text (ending in a
    line break if that did, as the author wrote it), else the quotes of `like` (the scalar it
    replaces), or plain."""
    if "\n" in value or isinstance(like, LiteralScalarString):
        # Block style cannot hold spaces at a line's end; they are dropped, as a new file does.
        text = "\n".join(line.rstrip() for line in value.split("\n"))
        if isinstance(like, LiteralScalarString) and like.endswith("\n") and not text.endswith("\n"):
            text += "\n"
        return LiteralScalarString(text)
    if isinstance(like, _QUOTED):
        return type(like)(value)
    return value
