"""The Review page's Word section: the review copy to send, returned copies to bring back, and
the one-click acceptance of a suggested edit. The page calls these; the work is in
`curriculum.review_word`."""

from __future__ import annotations

import streamlit as st

from curriculum.i18n import t
from curriculum.problems import ContentError
from curriculum.review_word import accept_edit, import_review, review_copy, suggestion
from curriculum.ui.state import actor, content_languages, flash, lang, languages_of, reason, tr

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_section(ws, curriculum_id: str, round_name: str | None) -> None:
    """An expander: download the round's review copy; upload reviewers' returned copies."""
    with st.expander(tr("word.title")):
        if not round_name:
            st.info(tr("review.no_round"))
            return
        st.caption(tr("word.intro"))
        _copy(ws, curriculum_id, round_name)
        st.divider()
        _upload(ws, curriculum_id, round_name)


def _copy(ws, curriculum_id: str, round_name: str) -> None:
    L = lang()  # captured: format_func callbacks may run outside the script run
    columns = st.columns(2)
    curriculum = ws.curricula.get(curriculum_id)
    choices = list((curriculum.languages if curriculum else ()) or content_languages(ws))
    if st.session_state.get("word.lang") not in choices:
        st.session_state.pop("word.lang", None)  # another curriculum, in other languages
    copy_lang = columns[0].selectbox(
        tr("word.lang"),
        choices,
        index=choices.index(L) if L in choices else 0,
        format_func=languages_of(),
        key="word.lang",
    )
    context = columns[1].selectbox(
        tr("word.context"),
        [""] + sorted(ws.contexts),
        format_func=lambda c: ws.contexts[c].name.get(L) if c else t("word.no_context", L),
        key="word.context",
    )
    source = (curriculum_id, round_name, copy_lang, context)
    if st.button(tr("word.prepare"), key="word.prepare"):
        try:
            st.session_state["word.copy"] = (source, review_copy(ws.root, ws, *source[:3], context or None))
        except ContentError as exc:
            st.error(reason(exc))
    prepared = st.session_state.get("word.copy")
    if prepared and prepared[0] == source:
        name = f"{curriculum_id}-review-{round_name.replace(' ', '-')}-{copy_lang}.docx"
        st.download_button(tr("word.download"), prepared[1], name, DOCX, key="word.download", on_click="ignore")


def _upload(ws, curriculum_id: str, round_name: str) -> None:
    files = st.file_uploader(
        tr("word.upload"), type=["docx", "docm"], accept_multiple_files=True, key=f"word.upload.{curriculum_id}"
    )
    if files and st.button(tr("word.import"), key="word.import", type="primary"):
        for upload in files:
            try:
                report = import_review(ws.root, ws, curriculum_id, upload.name, upload.getvalue(), round_name, actor())
            except ContentError as exc:
                why = reason(exc)  # refusals of a file name it; a refused role does not
                flash("error", why if upload.name in why else f"{upload.name}: {why}")
                continue
            new, replies, edits = report.counts
            message = tr(
                "word.imported", name=upload.name, new=new, replies=replies, edits=edits, skipped=report.skipped
            )
            flash("success", message)
            for text in report.outside:
                flash("warning", tr("word.outside", text=text[:80]))
            if report.by_headings:
                flash("warning", tr("word.by_headings", name=upload.name))
        st.rerun()


def suggested_edit(ws, comment) -> None:
    """Under a suggested edit: the wording now and the wording suggested, and a button to apply it."""
    wanted = suggestion(comment)
    if wanted is None or comment.status != "open":
        return
    st.markdown(f"**{tr('word.now')}**")
    st.code(wanted["current"], language=None, wrap_lines=True)
    st.markdown(f"**{tr('word.suggested')}**")
    st.code(wanted["suggested"], language=None, wrap_lines=True)
    if st.button(tr("word.accept"), key=f"word.accept.{comment.id}"):
        try:
            module = accept_edit(ws.root, ws, comment.id, actor=actor())
        except ContentError as exc:
            st.error(reason(exc))
        else:
            flash("success", tr("word.accepted", module=module.id, revision=module.revision))
            st.rerun()
