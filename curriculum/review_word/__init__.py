"""Review through Word: a review copy goes out, reviewers' comments and tracked changes come back.

`copy.py` writes the review copy; `reading.py` reads a returned file (safety checks,
comments, replies, tracked changes, which item each one is about); `intake.py` turns what
was read into review comments, keeps the file, and accepts a suggested edit.
"""

from __future__ import annotations

from .. import review
from ..problems import UnknownIdError
from .copy import render_copy


def review_copy(
    root, workspace, curriculum_id: str, round_name: str, lang: str, context_id: str | None = None
) -> bytes:
    """The DOCX review copy of a round's snapshot, in `lang`, for `context_id` if given."""
    curriculum = workspace.get("curricula", curriculum_id)
    context = workspace.get("contexts", context_id) if context_id else None
    found = next((r for r in review.rounds(root, curriculum_id) if r.name == round_name), None)
    if found is None:
        raise UnknownIdError.coded("no_round", name=round_name, curriculum=curriculum_id)
    frozen = review.round_snapshot(root, curriculum_id, round_name)
    return render_copy(frozen, curriculum.title.get(lang), found.name, found.due, found.opened, lang, context)


from .intake import ImportReport, accept_edit, import_review, suggestion  # noqa: E402

__all__ = ["ImportReport", "accept_edit", "import_review", "review_copy", "suggestion"]
