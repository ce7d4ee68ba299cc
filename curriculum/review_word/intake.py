"""Bringing a returned review copy in: checks against the round, comments stored, the file kept;
and a suggested edit accepted as a conflict-checked save of the module."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import review
from ..access import audit, check
from ..adapt import Target
from ..edit import replace_activity, replace_session
from ..model import Text
from ..problems import ContentError, UnknownIdError
from ..workspace import save
from ..yamlfile import write_bytes_atomic
from .copy import fingerprint
from .reading import Returned, WordComment, WordEdit, iso_date, read_package, read_returned

KEPT = Path("review") / "imported"  # under the workspace: every imported file, with who and when
SUGGESTED = "suggested-edit"


@dataclass
class ImportReport:
    name: str
    round: str
    new: list = field(default_factory=list)  # the comments added (review.Comment)
    skipped: int = 0
    outside: list[str] = field(default_factory=list)  # comments placed on the curriculum as a whole
    by_headings: bool = False
    kept: str = ""

    @property
    def counts(self) -> tuple[int, int, int]:
        """(new comments, replies, suggested edits) among what was added."""
        replies = sum(1 for c in self.new if c.parent is not None)
        edits = sum(1 for c in self.new if c.kind == SUGGESTED)
        return len(self.new) - replies - edits, replies, edits

    def summary(self) -> str:
        new, replies, edits = self.counts
        return f"new comments: {new}; replies: {replies}; suggested edits: {edits}; already imported: {self.skipped}"

    def as_json(self) -> dict:
        new, replies, edits = self.counts
        return {
            "new": new,
            "replies": replies,
            "suggested_edits": edits,
            "skipped": self.skipped,
            "comments": [c.as_json() for c in self.new],
            "outside": self.outside,
            "by_headings": self.by_headings,
            "kept": self.kept,
        }


def import_review(root, workspace, curriculum_id: str, name: str, data: bytes, round_name=None, actor=None):
    """Bring a returned review copy in (nothing is stored if it is refused); an ImportReport."""
    actor = check(actor, "import-review", root)  # the account as users.yaml has it now
    workspace.get("curricula", curriculum_id)
    package, facts = read_package(name, data)
    if facts.curriculum != curriculum_id:
        raise ContentError.coded("review_other_curriculum", name=name, found=facts.curriculum, curriculum=curriculum_id)
    if round_name and round_name != facts.round:
        raise ContentError.coded("review_other_round", name=name, found=facts.round, round=round_name)
    opened = next((r for r in review.rounds(root, curriculum_id) if r.name == facts.round), None)
    if opened is None:
        raise UnknownIdError.coded("no_round", name=facts.round, curriculum=curriculum_id)
    frozen = review.round_snapshot(root, curriculum_id, facts.round)
    if fingerprint(curriculum_id, facts.round, opened.opened, frozen) != facts.fingerprint:
        raise ContentError.coded("review_fingerprint", name=name, round=facts.round)
    returned = read_returned(package, facts, frozen, data)
    entries = _entries(workspace, returned)
    added, skipped = review.add_imported(root, curriculum_id, facts.round, entries, actor=actor)
    kept = _keep(root, curriculum_id, facts.round, name, data, returned.digest, actor)
    audit(root, actor, "import-review", f"{curriculum_id}/{facts.round}: {name} ({len(added)} new)", None)
    outside = [c.text for c in returned.comments if c.outside]
    return ImportReport(name, facts.round, added, skipped, outside, returned.by_headings, kept)


def _entries(workspace, returned: Returned) -> list[review.Imported]:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    keys = {
        c.word_id: _key(returned.facts.fingerprint, "comment", c.author, c.date, c.target, c.quoted, c.text)
        for c in returned.comments
    }
    entries = [
        review.Imported(
            keys[c.word_id],
            keys.get(c.parent, "") if c.parent else "",
            c.target,
            _revision(workspace, c.target),
            c.quoted,
            c.author,
            iso_date(c.date) or now,
            c.text or "…",
        )
        for c in returned.comments
    ]
    for edit in returned.edits:
        author = ", ".join(edit.authors) or "?"
        suggestion = {
            "field": edit.field,
            "lang": returned.facts.lang,
            "current": edit.current,
            "suggested": edit.suggested,
        }
        entries.append(
            review.Imported(
                _key(
                    returned.facts.fingerprint,
                    SUGGESTED,
                    author,
                    edit.date,
                    edit.target,
                    edit.field,
                    edit.current,
                    edit.suggested,
                ),
                "",
                edit.target,
                _revision(workspace, edit.target),
                edit.current[:160],
                author,
                iso_date(edit.date) or now,
                _edit_text(edit),
                SUGGESTED,
                json.dumps(suggestion, ensure_ascii=False),
            )
        )
    return entries


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def _revision(workspace, target: str) -> int:
    if not target:
        return 0
    module = workspace.modules.get(target.split("/")[0])
    return module.revision if module else 0


def _edit_text(edit: WordEdit) -> str:
    where = f" ({edit.field})" if edit.field else ""
    return f"Suggested edit{where}:\n— now: «{edit.current}»\n— suggested: «{edit.suggested}»"


def _keep(root, curriculum_id: str, round_name: str, name: str, data: bytes, digest: str, actor) -> str:
    """The file under review/imported/CURRICULUM/, with who imported it and when beside it (once per file)."""
    known = {f["digest"]: f["stored"] for f in review.imported_files(root, curriculum_id, round_name)}
    if digest in known:
        return known[digest]
    at = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).name).strip("-.") or "review.docx"
    relative = KEPT / curriculum_id / f"{at}-{digest[:12]}-{safe}"
    write_bytes_atomic(Path(root) / relative, data)
    note = {
        "file": Path(name).name,
        "curriculum": curriculum_id,
        "round": round_name,
        "sha256": digest,
        "imported_by": actor.name if actor else "local user",
        "role": actor.role if actor else "",
        "imported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    }
    write_bytes_atomic(
        Path(root) / relative.with_suffix(".json"), json.dumps(note, ensure_ascii=False, indent=2).encode()
    )
    review.record_imported_file(root, curriculum_id, round_name, digest, Path(name).name, relative.as_posix(), actor)
    return relative.as_posix()


# --- accepting a suggested edit --------------------------------------------------------------


def suggestion(comment) -> dict | None:
    """A suggested edit's field, language, current and suggested wording; None if it cannot be applied."""
    if comment.kind != SUGGESTED or not comment.suggestion:
        return None
    found = json.loads(comment.suggestion)
    return found if found.get("field") and comment.target else None


def accept_edit(root, workspace, comment_id: int, actor=None):
    """Apply a suggested edit to its module (a save, conflict-checked as any) and mark it accepted."""
    check(actor, "edit-content", root)
    actor = check(actor, "decide-comment", root)
    comment = review.get_comment(root, comment_id)
    wanted = suggestion(comment)
    if wanted is None:
        raise ContentError.coded("not_suggested_edit", id=comment_id)
    target = Target.parse(comment.target)
    item, missing = target.find(workspace.modules)
    if item is None:
        raise UnknownIdError.coded("unknown_target", target=comment.target, missing=missing)
    name, lang = wanted["field"], wanted["lang"]
    now: Text = getattr(item, name)
    if now.as_dict().get(lang, "") != wanted["current"]:
        raise ContentError.coded("suggestion_outdated", target=comment.target, field=name)
    value = now.replace(lang, wanted["suggested"])
    module = workspace.modules[target.module]
    saved = save(
        root, "modules", _with_field(module, target, name, value), loaded_revision=module.revision, actor=actor
    )
    review.set_status(root, comment_id, "accepted", f"applied: {target.module} revision {saved.revision}", actor=actor)
    return saved


def _with_field(module, target: Target, name: str, value: Text):
    if target.handout:
        handouts = tuple(replace(h, **{name: value}) if h.id == target.handout else h for h in module.handouts)
        return replace(module, handouts=handouts)
    if target.activity:
        return replace_activity(module, target.session, target.activity, **{name: value})
    if target.session:
        return replace_session(module, target.session, **{name: value})
    return replace(module, **{name: value})


__all__ = ["ImportReport", "WordComment", "accept_edit", "import_review", "suggestion"]
