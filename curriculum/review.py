"""Expert review between workshops: rounds, anchored comments, threads, decisions (SQLite).

The database lives in the workspace (`review.sqlite`), in WAL mode with foreign keys on,
so that many reviewers can write at once and a killed process loses nothing committed.
Writes are named verbs (`open_round`, `add_comment`, `reply`, `set_status`,
`mark_done`); reads return plain records.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .access import audit, check, server_mode
from .adapt import Target
from .i18n import t
from .messages import ROLES_HINT
from .problems import ContentError, UnknownIdError, WriteError

DB_NAME = "review.sqlite"
STATUSES = ("open", "accepted", "partly-accepted", "declined", "resolved")

MIGRATIONS = (
    # 1: rounds, comments, who has finished
    """
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        curriculum TEXT NOT NULL,
        name TEXT NOT NULL,
        opened TEXT NOT NULL,
        due TEXT NOT NULL DEFAULT '',
        closed TEXT NOT NULL DEFAULT '',
        snapshot TEXT NOT NULL,
        UNIQUE (curriculum, name)
    );
    CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        curriculum TEXT NOT NULL,
        target TEXT NOT NULL,
        revision INTEGER NOT NULL,
        excerpt TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL,
        role TEXT NOT NULL,
        body TEXT NOT NULL,
        parent_id INTEGER REFERENCES comments(id),
        status TEXT NOT NULL DEFAULT 'open',
        response TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX comments_by_curriculum ON comments (curriculum, round_id);
    CREATE INDEX comments_by_parent ON comments (parent_id);
    CREATE TABLE done (
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        reviewer TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (round_id, reviewer)
    );
    """,
    # 2: list a curriculum's comments in order without sorting them
    """
    CREATE INDEX comments_by_curriculum_in_order ON comments (curriculum, id);
    """,
    # 3: comments brought back from a Word review copy: their kind (a plain comment or a suggested
    # edit), the suggestion (JSON), where they came from (a key that makes a second import add
    # nothing), and the imported files with who imported them and when
    """
    ALTER TABLE comments ADD COLUMN kind TEXT NOT NULL DEFAULT 'comment';
    ALTER TABLE comments ADD COLUMN suggestion TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN source TEXT NOT NULL DEFAULT '';
    CREATE UNIQUE INDEX comments_by_source ON comments (round_id, source) WHERE source != '';
    CREATE TABLE imported_files (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        digest TEXT NOT NULL,
        name TEXT NOT NULL,
        stored TEXT NOT NULL,
        who TEXT NOT NULL,
        role TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (round_id, digest)
    );
    """,
)


@dataclass(frozen=True)
class Round:
    id: int
    curriculum: str
    name: str
    opened: str
    due: str
    closed: str


class Comment(NamedTuple):
    id: int
    round: str
    curriculum: str
    target: str
    revision: int
    excerpt: str
    author: str
    role: str
    text: str
    parent: int | None
    status: str
    response: str
    created: str
    updated: str
    kind: str = "comment"  # or "suggested-edit" (a tracked change brought back from Word)
    suggestion: str = ""  # a suggested edit's JSON: field, lang, current and suggested wording
    source: str = ""  # "" when typed here; the import key of a comment brought back from Word

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "round": self.round,
            "target": self.target,
            "author": self.author,
            "role": self.role,
            "text": self.text,
            "status": self.status,
            "response": self.response,
            "parent": self.parent,
            "revision": self.revision,
            "created": self.created,
            "kind": self.kind,
        }


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def db_path(root: Path | str) -> Path:
    return Path(root) / DB_NAME


@contextmanager
def connect(root: Path | str) -> Iterator[sqlite3.Connection]:
    """A connection with WAL, foreign keys and a patient busy timeout; schema migrated."""
    path = db_path(root)
    try:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.row_factory = sqlite3.Row
            _migrate(connection)
            yield connection
        finally:
            connection.close()
    except (sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
        if isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError)):
            raise  # a bug, not a fault of the disk
        # a read-only folder, a full disk, a file that is not a database: one line, the transaction rolled back
        raise WriteError.coded("review_store", path=path, reason=str(exc)) from None


@contextmanager
def _write(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version >= len(MIGRATIONS):
        return
    with _write(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in script.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")


# --- snapshot of a curriculum's content, for "what changed since the round" ---------------


def snapshot(workspace, curriculum_id: str) -> dict:
    """Every item of the curriculum: path -> {kind, parent, position, title, minutes, method, texts}."""
    curriculum = workspace.get("curricula", curriculum_id)
    items: dict[str, dict] = {}
    for m_pos, item in enumerate(curriculum.items):
        module = workspace.modules.get(item.module)
        if module is None:
            continue
        items[module.id] = _entry("module", "", m_pos, module, {"summary": module.summary})
        for s_pos, session in enumerate(item.chosen(module)):
            path = f"{module.id}/{session.id}"
            items[path] = _entry("session", module.id, s_pos, session, {})
            for a_pos, activity in enumerate(session.activities):
                texts = {"instructions": activity.instructions, "facilitator_notes": activity.facilitator_notes}
                entry = _entry("activity", path, a_pos, activity, texts)
                entry.update(minutes=activity.minutes, method=activity.method)
                items[f"{path}/{activity.id}"] = entry
        for h_pos, handout in enumerate(module.handouts):
            items[f"{module.id}/handout:{handout.id}"] = _entry(
                "handout", module.id, h_pos, handout, {"body": handout.body}
            )
    return {"curriculum": curriculum_id, "revision": curriculum.revision, "items": items}


def _entry(kind: str, parent: str, position: int, record, texts: dict) -> dict:
    return {
        "kind": kind,
        "parent": parent,
        "position": position,
        "title": record.title.as_dict(),  # every language it is written in
        "texts": {name: text.as_dict() for name, text in texts.items()},
    }


# --- rounds -------------------------------------------------------------------------------


def open_round(root, workspace, curriculum_id: str, name: str, due: str = "", actor=None) -> Round:
    """Open a review round on a curriculum, freezing its content as it is now."""
    check(actor, "open-round", root)
    return _open_round(root, workspace, curriculum_id, name, due)


def _open_round(root, workspace, curriculum_id: str, name: str, due: str = "") -> Round:
    name = (name or "").strip()
    if not name:
        raise ContentError.coded("round_needs_name")
    frozen = json.dumps(snapshot(workspace, curriculum_id), ensure_ascii=False)
    with connect(root) as db, _write(db):
        existing = db.execute(
            "SELECT * FROM rounds WHERE curriculum = ? AND name = ?", (curriculum_id, name)
        ).fetchone()
        if existing:
            return _round(existing)
        cursor = db.execute(
            "INSERT INTO rounds (curriculum, name, opened, due, snapshot) VALUES (?, ?, ?, ?, ?)",
            (curriculum_id, name, _now(), due, frozen),
        )
        row = db.execute("SELECT * FROM rounds WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return _round(row)


def rounds(root, curriculum_id: str) -> list[Round]:
    with connect(root) as db:
        rows = db.execute("SELECT * FROM rounds WHERE curriculum = ? ORDER BY id", (curriculum_id,)).fetchall()
    return [_round(r) for r in rows]


def round_snapshot(root, curriculum_id: str, name: str) -> dict:
    with connect(root) as db:
        row = db.execute(
            "SELECT snapshot FROM rounds WHERE curriculum = ? AND name = ?", (curriculum_id, name)
        ).fetchone()
    if row is None:
        raise UnknownIdError.coded("no_round", name=name, curriculum=curriculum_id)
    return json.loads(row["snapshot"])


def _round(row) -> Round:
    return Round(row["id"], row["curriculum"], row["name"], row["opened"], row["due"], row["closed"])


def _round_id(db, curriculum_id: str, name: str) -> int:
    row = db.execute("SELECT id FROM rounds WHERE curriculum = ? AND name = ?", (curriculum_id, name)).fetchone()
    if row is None:
        raise UnknownIdError.coded("no_round", name=name, curriculum=curriculum_id)
    return row["id"]


def mark_done(root, curriculum_id: str, round_name: str, reviewer: str, actor=None) -> None:
    actor = check(actor, "done-reviewing", root)
    reviewer = _signed(actor, reviewer, "")[0]
    if not reviewer:
        raise ContentError.coded("done_needs_name")
    with connect(root) as db, _write(db):
        round_id = _round_id(db, curriculum_id, round_name)
        db.execute("INSERT OR IGNORE INTO done (round_id, reviewer, at) VALUES (?, ?, ?)", (round_id, reviewer, _now()))


def finished(root, curriculum_id: str, round_name: str) -> list[str]:
    with connect(root) as db:
        round_id = _round_id(db, curriculum_id, round_name)
        rows = db.execute("SELECT reviewer FROM done WHERE round_id = ? ORDER BY at, reviewer", (round_id,)).fetchall()
    return [r["reviewer"] for r in rows]


# --- comments -----------------------------------------------------------------------------


def resolve_target(workspace, curriculum_id: str, target: str, lang: str = "en") -> tuple[int, str]:
    """(revision, excerpt) of the item a comment is anchored to, the excerpt in the language the
    reviewer read it in; UnknownIdError if it does not exist.

    An empty target is the curriculum itself.
    """
    curriculum = workspace.get("curricula", curriculum_id)
    target = (target or "").strip().strip("/")
    if not target:
        return curriculum.revision, curriculum.title.get(lang)
    item, missing = Target.parse(target).find(workspace.modules)
    if item is None:
        raise UnknownIdError.coded("unknown_target", target=target, missing=missing)
    module = workspace.modules[target.split("/")[0]]
    excerpt = _excerpt(item, lang)
    return module.revision, excerpt


def _excerpt(item, lang: str) -> str:
    for name in ("instructions", "body", "summary"):
        text = getattr(item, name, None)
        if text:
            return " ".join(text.get(lang).split())[:160]
    return item.title.get(lang) if getattr(item, "title", None) else ""


def add_comment(
    root,
    workspace,
    curriculum_id: str,
    target: str,
    author: str,
    role: str,
    text: str,
    round_name: str | None = None,
    actor=None,
    lang: str = "en",
) -> Comment:
    """Add a comment on an item of a curriculum; a round named but not yet open is opened."""
    actor = check(actor, "comment", root)
    (author, role), text = _signed(actor, author, role), (text or "").strip()
    if not author:
        raise ContentError.coded("comment_needs_author")
    if not role:
        raise ContentError.coded("comment_needs_role", examples=ROLES_HINT)
    if not text:
        raise ContentError.coded("comment_empty")
    _within_limit(text)
    revision, excerpt = resolve_target(workspace, curriculum_id, target, lang)
    round_name = (round_name or "").strip() or _current_round_name(root, curriculum_id)
    if round_name not in {r.name for r in rounds(root, curriculum_id)}:
        check(actor, "open-round", root)  # a comment may open a round only for those who may open one
        _open_round(root, workspace, curriculum_id, round_name)
    now = _now()
    with connect(root) as db, _write(db):
        round_id = _round_id(db, curriculum_id, round_name)
        cursor = db.execute(
            "INSERT INTO comments (round_id, curriculum, target, revision, excerpt, author, role, body, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (round_id, curriculum_id, target.strip().strip("/"), revision, excerpt, author, role, text, now, now),
        )
        comment_id = cursor.lastrowid
    return get_comment(root, comment_id)


# About three pages: a comment longer than that is a document; the limit keeps the matrix,
# the packs' appendix and the page readable (a pasted 100,000-character text is refused).
MOST_CHARACTERS = 8000


def _within_limit(text: str) -> None:
    if len(text) > MOST_CHARACTERS:
        raise ContentError.coded("comment_too_long", length=len(text), most=MOST_CHARACTERS)


def _signed(actor, author: str, role: str) -> tuple[str, str]:
    """Who writes: on a server, the signed-in account's name and role, whatever the request says;
    on a laptop (no account), the name and role typed in."""
    if actor is not None and server_mode():
        return actor.name, actor.role
    return (author or "").strip(), (role or "").strip()


def _current_round_name(root, curriculum_id: str) -> str:
    existing = rounds(root, curriculum_id)
    return existing[-1].name if existing else "Round 1"


def reply(root, comment_id: int, author: str, role: str, text: str, actor=None) -> Comment:
    actor = check(actor, "reply", root)
    (author, role), text = _signed(actor, author, role), (text or "").strip()
    if not (author and role and text):
        raise ContentError.coded("reply_incomplete")
    _within_limit(text)
    parent = get_comment(root, comment_id)
    now = _now()
    with connect(root) as db, _write(db):
        round_id = _round_id(db, parent.curriculum, parent.round)
        cursor = db.execute(
            "INSERT INTO comments (round_id, curriculum, target, revision, excerpt, author, role, body, parent_id, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                round_id,
                parent.curriculum,
                parent.target,
                parent.revision,
                parent.excerpt,
                author,
                role,
                text,
                parent.id,
                now,
                now,
            ),
        )
        new_id = cursor.lastrowid
    return get_comment(root, new_id)


def set_status(root, comment_id: int, status: str, response: str = "", actor=None) -> Comment:
    """The designers' decision on a comment, and their response."""
    actor = check(actor, "decide-comment", root)
    if status not in STATUSES:
        raise ContentError.coded("unknown_status", status=status, choices=", ".join(STATUSES))
    _within_limit(response or "")
    with connect(root) as db, _write(db):
        updated = db.execute(
            "UPDATE comments SET status = ?, response = ?, updated = ? WHERE id = ?",
            (status, response.strip(), _now(), comment_id),
        )
        if updated.rowcount == 0:
            raise UnknownIdError.coded("no_comment", id=comment_id)
    audit(root, actor, "decide-comment", f"comment {comment_id}: {status}", None)
    return get_comment(root, comment_id)


_SELECT = (
    "SELECT c.id, r.name, c.curriculum, c.target, c.revision, c.excerpt, c.author, c.role, c.body, c.parent_id,"
    " c.status, c.response, c.created, c.updated, c.kind, c.suggestion, c.source"
    " FROM comments c JOIN rounds r ON r.id = c.round_id"
)


def get_comment(root, comment_id: int) -> Comment:
    with connect(root) as db:
        db.row_factory = None
        row = db.execute(f"{_SELECT} WHERE c.id = ?", (comment_id,)).fetchone()
    if row is None:
        raise UnknownIdError.coded("no_comment", id=comment_id)
    return _comment(row)


def comments(
    root,
    curriculum_id: str,
    round_name: str | None = None,
    status: str | None = None,
    module: str | None = None,
    author: str | None = None,
) -> list[Comment]:
    """Comments of a curriculum in the order they were written, filtered as asked."""
    query, args = f"{_SELECT} WHERE c.curriculum = ?", [curriculum_id]
    if round_name:
        query, args = query + " AND r.name = ?", args + [round_name]
    if status:
        query, args = query + " AND c.status = ?", args + [status]
    if module:
        query, args = query + " AND (c.target = ? OR c.target LIKE ?)", args + [module, f"{module}/%"]
    if author:
        query, args = query + " AND c.author = ?", args + [author]
    with connect(root) as db:
        db.row_factory = None
        rows = db.execute(query + " ORDER BY c.id", args).fetchall()
    return [_comment(r) for r in rows]


def _comment(row) -> Comment:
    return Comment._make(row)  # the columns of _SELECT follow the fields of Comment


def open_counts(root, curriculum_id: str | None = None) -> dict[str, int]:
    """Open top-level comments per target (and summed up to each module and session),
    for one curriculum or, without one, for every curriculum."""
    if not db_path(root).exists():
        return {}
    if curriculum_id is not None:
        return tally_open(comments(root, curriculum_id, status="open"))
    with connect(root) as db:
        db.row_factory = None
        rows = db.execute(f"{_SELECT} WHERE c.status = 'open' AND c.parent_id IS NULL").fetchall()
    return tally_open(list(map(Comment._make, rows)))


def tally_open(found: list[Comment]) -> dict[str, int]:
    """Open top-level comments counted per target path and each of its parents ("" = all)."""
    counts: dict[str, int] = {}
    for comment in found:
        if comment.parent is not None or comment.status != "open":
            continue
        parts = comment.target.split("/") if comment.target else []
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            counts[key] = counts.get(key, 0) + 1
        counts[""] = counts.get("", 0) + 1
    return counts


def select(found: list[Comment], round_name=None, status=None, module=None, author=None) -> list[Comment]:
    """The comments that pass the filters (the same as `comments` does in SQL), without a query."""
    return [
        c
        for c in found
        if (not round_name or c.round == round_name)
        and (not status or c.status == status)
        and (not module or c.target == module or c.target.startswith(f"{module}/"))
        and (not author or c.author == author)
    ]


def location(workspace, target: str, lang: str) -> tuple[str, bool]:
    """'Module › Session › Activity' titles for a target, and whether the item still exists."""
    if not target:
        return t("review.whole_place", lang), True
    parsed = Target.parse(target)
    module = workspace.modules.get(parsed.module)
    if module is None:
        return target, False
    names = [module.title.get(lang)]
    if parsed.handout:
        handout = module.handout(parsed.handout)
        return " › ".join(names + [handout.title.get(lang) if handout else parsed.handout]), handout is not None
    if parsed.question:
        question = module.question(parsed.question)
        return " › ".join(names + [question.text.get(lang) if question else parsed.question]), question is not None
    if parsed.session:
        session = module.session(parsed.session)
        if session is None:
            return " › ".join(names + [parsed.session]), False
        names.append(session.title.get(lang))
        if parsed.activity:
            activity = next((a for a in session.activities if a.id == parsed.activity), None)
            names.append(activity.title.get(lang) if activity else parsed.activity)
            return " › ".join(names), activity is not None
    return " › ".join(names), True


# --- comments brought back from a Word review copy ------------------------------------------


@dataclass(frozen=True)
class Imported:
    """A comment, reply or suggested edit read from a returned review copy, ready to store."""

    source: str  # import key: the same comment read again has the same key
    parent_source: str  # "" for a top-level comment, else the key of the comment it answers
    target: str
    revision: int
    excerpt: str
    author: str
    created: str
    text: str
    kind: str = "comment"
    suggestion: str = ""


def add_imported(root, curriculum_id: str, round_name: str, entries: list[Imported], actor=None):
    """Store what was read from a returned file, in one transaction: (new comments, how many were
    already there). Entries come parents first; the author is the reviewer, role "reviewer"."""
    check(actor, "import-review", root)
    added, skipped, ids = [], 0, {}
    with connect(root) as db, _write(db):
        round_id = _round_id(db, curriculum_id, round_name)
        for entry in entries:
            row = db.execute(
                "SELECT id FROM comments WHERE round_id = ? AND source = ?", (round_id, entry.source)
            ).fetchone()
            if row is not None:
                ids[entry.source], skipped = row["id"], skipped + 1
                continue
            parent = ids.get(entry.parent_source) if entry.parent_source else None
            cursor = db.execute(
                "INSERT INTO comments (round_id, curriculum, target, revision, excerpt, author, role, body, parent_id,"
                " created, updated, kind, suggestion, source) VALUES (?, ?, ?, ?, ?, ?, 'reviewer', ?, ?, ?, ?, ?, ?, ?)",
                (
                    round_id,
                    curriculum_id,
                    entry.target,
                    entry.revision,
                    entry.excerpt,
                    entry.author,
                    entry.text,
                    parent,
                    entry.created,
                    entry.created,
                    entry.kind,
                    entry.suggestion,
                    entry.source,
                ),
            )
            ids[entry.source] = cursor.lastrowid
            added.append(cursor.lastrowid)
    return [get_comment(root, comment_id) for comment_id in added], skipped


def record_imported_file(root, curriculum_id: str, round_name: str, digest: str, name: str, stored: str, actor) -> bool:
    """Note who imported a returned file and when; False if that file was imported before."""
    with connect(root) as db, _write(db):
        round_id = _round_id(db, curriculum_id, round_name)
        cursor = db.execute(
            "INSERT OR IGNORE INTO imported_files (round_id, digest, name, stored, who, role, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                round_id,
                digest,
                name,
                stored,
                actor.name if actor else "local user",
                actor.role if actor else "",
                _now(),
            ),
        )
    return cursor.rowcount == 1


def imported_files(root, curriculum_id: str, round_name: str) -> list[dict]:
    """The returned files imported into a round: name, where it is kept, who imported it and when."""
    with connect(root) as db:
        round_id = _round_id(db, curriculum_id, round_name)
        rows = db.execute(
            "SELECT name, stored, digest, who, role, at FROM imported_files WHERE round_id = ? ORDER BY id", (round_id,)
        ).fetchall()
    return [dict(row) for row in rows]
