"""Review: read a draft, comment on any item, reply; designers decide; what changed since a round."""

import datetime as dt

import streamlit as st

from curriculum import review
from curriculum.export.formats import renderer
from curriculum.export.markup import inert_links
from curriculum.i18n import long_date
from curriculum.problems import ContentError
from curriculum.review_report import (
    MATRIX_COLUMNS,
    changes_document,
    changes_since,
    diff_markup,
    matrix_csv,
    matrix_headers,
    matrix_rows,
    matrix_table,
    matrix_xlsx,
)
from curriculum.ui.state import actor, flash, label_of, lang, pick_curriculum, reason, show_flashes, tr, workspace
from curriculum.ui.word_review import suggested_edit, word_section

st.title(tr("review.title"))
L = lang()  # captured once: format_func callbacks may run outside the script run
ws = workspace()
if ws is None:
    st.stop()
if not ws.curricula:
    st.info(tr("review.empty"))
    st.stop()
st.caption(tr("review.intro"))
show_flashes()
root = ws.root
PAGE_SIZE = 20
SELECT_ROUND = "review.select_round"


def _date(iso: str) -> str:
    try:
        return long_date(dt.date.fromisoformat(iso[:10]), L)
    except ValueError:
        return iso


curriculum_id = pick_curriculum(st, tr("review.curriculum"), ws, "review.curriculum")  # full width: long titles
top = st.columns(2)
curriculum = ws.curricula[curriculum_id]
signed_in = actor()
if signed_in is not None:
    st.session_state.setdefault("review.me", signed_in.name)
    st.session_state.setdefault("review.role", tr(f"role.{signed_in.role}"))
# kept in the page's address (?review.me=…&review.role=…): a reload or a bookmark keeps them
name = top[0].text_input(tr("review.name"), key="review.me", disabled=signed_in is not None, bind="query-params")
role = top[1].text_input(tr("review.role"), key="review.role", bind="query-params")

round_list = review.rounds(root, curriculum_id)
round_names = [r.name for r in round_list]
ROUND_KEY = f"review.{curriculum_id}.round"
# A round chosen by an action (a comment that opened one, "Open round") is handed to the
# selectbox before it is drawn: its state cannot be written once the widget exists.
if st.session_state.get(SELECT_ROUND) in round_names:
    st.session_state[ROUND_KEY] = st.session_state.pop(SELECT_ROUND)
left, right = st.columns([3, 2])
with left:
    if round_names:
        round_name = st.selectbox(tr("review.round"), round_names, index=len(round_names) - 1, key=ROUND_KEY)
        current = next(r for r in round_list if r.name == round_name)
        due = f" · {tr('review.due_on', date=_date(current.due))}" if current.due else ""
        st.caption(tr("review.opened", name=current.name, date=_date(current.opened)) + due)
        done = review.finished(root, curriculum_id, round_name)
        st.caption(tr("review.finished", names=", ".join(done)) if done else tr("review.nobody"))
    else:
        round_name = None
        st.info(tr("review.no_round"))
with right, st.expander(tr("review.open_round"), expanded=not round_names):
    new_round = st.text_input(
        tr("review.round_name"),
        value=tr("review.round_default", n=len(round_names) + 1),
        key=f"review.new_round.{L}.{len(round_names)}",  # a new suggestion once a round opens
    )
    # asked for first, then offered with a date: an empty date box shows an English "DD/MM/YYYY"
    due_date = (
        st.date_input(
            tr("review.due"), value=dt.date.today() + dt.timedelta(days=14), key="review.due", format="DD/MM/YYYY"
        )
        if st.checkbox(tr("review.with_due"), key="review.with_due")
        else None
    )
    if st.button(tr("review.open"), key="review.open"):
        try:
            opened = review.open_round(
                root, ws, curriculum_id, new_round, due_date.isoformat() if due_date else "", actor=actor()
            )
        except ContentError as exc:
            st.error(reason(exc))
        else:
            st.session_state[SELECT_ROUND] = opened.name
            flash("success", tr("review.opened", name=opened.name, date=_date(opened.opened)))
            st.rerun()

word_section(ws, curriculum_id, round_name)

everything = review.comments(root, curriculum_id)
counts = review.tally_open(everything)


def _badge(path: str) -> str:
    n = counts.get(path, 0)
    return f"  ·  {tr('review.count', n=n)}" if n else ""


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _prepared_downloads(key: str, source: str, label: str, build, files: list[tuple[str, str, str]]) -> None:
    """A button that builds heavy files on demand, then one download button per file, offered
    only while `source` (what they were built from) is still the one on screen."""
    if st.button(label, key=f"{key}.prepare"):
        with st.spinner(tr("export.building")):
            st.session_state[key] = (source, build())
    prepared = st.session_state.get(key)
    if prepared and prepared[0] == source:
        for column, data, (text, name, mime) in zip(st.columns(len(files)), prepared[1], files, strict=True):
            column.download_button(text, data, name, mime, key=f"{key}.{name.rsplit('.', 1)[-1]}", on_click="ignore")


targets = {"": tr("review.whole")}
# keyed, so that the open tab stays open when a rerun shows a message above it
read_tab, comments_tab, changes_tab = st.tabs(
    [tr("review.read"), tr("review.comments_tab"), tr("review.changes_tab")], key=f"review.tab.{L}", on_change="rerun"
)

with read_tab:
    st.markdown(f"### {curriculum.title.get(L)}{_badge('')}")
    if curriculum.summary:
        st.markdown(inert_links(curriculum.summary.get(L)))
    for item in curriculum.items:
        module = ws.modules.get(item.module)
        if module is None:
            continue
        targets[module.id] = module.title.get(L)
        with st.expander(f"{module.title.get(L)}{_badge(module.id)}"):
            st.markdown(inert_links(module.summary.get(L)))
            for session in item.chosen(module):
                path = f"{module.id}/{session.id}"
                targets[path] = f"{module.title.get(L)} › {session.title.get(L)}"
                st.markdown(f"#### {session.title.get(L)} · {session.minutes} min{_badge(path)}")
                for activity in session.activities:
                    apath = f"{path}/{activity.id}"
                    targets[apath] = f"{targets[path]} › {activity.title.get(L)}"
                    st.markdown(
                        f"**{activity.title.get(L)}** · {tr('method.' + activity.method)} · {activity.minutes} min{_badge(apath)}"
                    )
                    st.markdown(inert_links(activity.instructions.get(L)))
            for handout in module.handouts:
                hpath = f"{module.id}/handout:{handout.id}"
                targets[hpath] = f"{module.title.get(L)} › {handout.title.get(L)}"

    st.divider()
    target = st.selectbox(tr("review.target"), list(targets), format_func=lambda p: targets[p], key="review.target")
    if st.session_state.pop("review.clear_text", False):  # the last comment was saved: a blank box for the next
        st.session_state["review.text"] = ""
    text = st.text_area(tr("review.text"), key="review.text", max_chars=review.MOST_CHARACTERS)
    st.caption(tr("review.limit", most=review.MOST_CHARACTERS))
    if st.button(tr("review.add"), type="primary", key="review.add"):
        if not (name.strip() and role.strip()):
            st.warning(tr("review.need_identity"))
        else:
            try:
                into = round_name or tr("review.round_default", n=1)  # no round yet: the comment opens one
                added = review.add_comment(
                    root, ws, curriculum_id, target, name, role, text, into, actor=actor(), lang=L
                )
            except ContentError as exc:
                st.error(reason(exc))
            else:
                st.session_state[SELECT_ROUND] = added.round
                st.session_state["review.clear_text"] = True
                flash("success", tr("review.added", id=added.id))
                st.rerun()
    if round_name and st.button(tr("review.done"), key="review.done"):
        if not name.strip():
            st.warning(tr("review.need_identity"))
        else:
            try:
                review.mark_done(root, curriculum_id, round_name, name, actor=actor())
            except ContentError as exc:
                st.error(reason(exc))
            else:
                flash("success", tr("review.done_saved"))
                st.rerun()

with comments_tab:
    STATUS_LABEL = label_of("status.")
    cols = st.columns(4)
    all_label = tr("review.all")
    f_round = cols[0].selectbox(
        tr("review.round"), [""] + round_names, format_func=lambda r: r or all_label, key="review.f.round"
    )
    f_status = cols[1].selectbox(
        tr("review.status"),
        [""] + list(review.STATUSES),
        format_func=lambda s: STATUS_LABEL(s) if s else all_label,
        key="review.f.status",
    )
    modules = sorted({c.target.split("/")[0] for c in everything if c.target})
    f_module = cols[2].selectbox(
        tr("review.module"),
        [""] + modules,
        format_func=lambda m: (ws.modules[m].title.get(L) if m in ws.modules else m) if m else all_label,
        key="review.f.module",
    )
    authors = sorted({c.author for c in everything})
    f_author = cols[3].selectbox(
        tr("review.author"), [""] + authors, format_func=lambda a: a or all_label, key="review.f.author"
    )
    shown = review.select(everything, f_round or None, f_status or None, f_module or None, f_author or None)
    replies: dict[int, list] = {}
    for comment in everything:
        if comment.parent is not None:
            replies.setdefault(comment.parent, []).append(comment)
    tops = [c for c in shown if c.parent is None]
    if not tops:
        st.info(tr("review.none"))
    pages = max(1, -(-len(tops) // PAGE_SIZE))
    page = (
        st.number_input(tr("review.page", pages=pages), min_value=1, max_value=pages, value=1, key="review.page")
        if pages > 1
        else 1
    )
    for comment in tops[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        where, exists = review.location(ws, comment.target, L)
        with st.container(border=True):
            place = tr("review.on" if exists else "review.on_removed", where=where)
            st.markdown(
                f"**#{comment.id} · {comment.author}** ({comment.role}) · {tr('status.' + comment.status)}"
                f" · {comment.round} · {_date(comment.created)}"
            )
            st.caption(place)
            st.markdown(inert_links(comment.text))
            suggested_edit(ws, comment)
            for answer in replies.get(comment.id, []):
                st.markdown(
                    inert_links(tr("review.reply_line", author=answer.author, role=answer.role, text=answer.text))
                )
            if comment.response:
                st.info(inert_links(tr("review.response_text", text=comment.response)))
            with st.expander(tr("review.reply")):
                reply_text = st.text_area(
                    tr("review.reply_text"), key=f"review.reply.{comment.id}", max_chars=review.MOST_CHARACTERS
                )
                if st.button(tr("review.reply"), key=f"review.reply.go.{comment.id}"):
                    try:
                        review.reply(root, comment.id, name, role, reply_text, actor=actor())
                    except ContentError as exc:
                        st.error(reason(exc))
                    else:
                        st.rerun()
            with st.expander(tr("review.decision")):
                status = st.selectbox(
                    tr("review.status"),
                    review.STATUSES,
                    index=review.STATUSES.index(comment.status),
                    format_func=label_of("status."),
                    key=f"review.status.{comment.id}",
                )
                response = st.text_area(
                    tr("review.response"),
                    comment.response,
                    key=f"review.response.{comment.id}",
                    max_chars=review.MOST_CHARACTERS,
                )
                if st.button(tr("review.decide"), key=f"review.decide.{comment.id}"):
                    try:
                        review.set_status(root, comment.id, status, response, actor=actor())
                    except ContentError as exc:
                        st.error(reason(exc))
                    else:
                        flash("success", tr("review.decided"))
                        st.rerun()
    if round_name:
        chosen_round = f_round or round_name
        st.subheader(f"{tr('review.matrix')} — {chosen_round}")
        stem = f"{curriculum_id}-comments-{chosen_round.replace(' ', '-')}"
        matrix = matrix_rows(root, ws, curriculum_id, chosen_round, L)
        if matrix:  # the round is in the heading and the excerpt in the files: the rest fits a laptop screen
            header = dict(zip(MATRIX_COLUMNS, matrix_headers(L), strict=True))
            shown = {
                "no.": 45,
                "location": 200,
                "comment": 255,
                "reviewer": 100,
                "role": 100,
                "status": 85,
                "response": 110,
            }
            st.dataframe(
                matrix_table(matrix, L),
                hide_index=True,
                width="stretch",
                key="review.matrix.table",
                column_order=[header[c] for c in shown],
                column_config={header[c]: st.column_config.Column(width=w) for c, w in shown.items()},
            )

        def matrix_files():
            return matrix_csv(matrix, L), matrix_xlsx(matrix, L)

        _prepared_downloads(
            "review.matrix",
            stem,
            tr("review.matrix_prepare", round=chosen_round),
            matrix_files,
            [(tr("review.matrix_csv"), f"{stem}.csv", "text/csv"), (tr("review.matrix_xlsx"), f"{stem}.xlsx", XLSX)],
        )

with changes_tab:
    if not round_name:
        st.info(tr("review.no_round"))
    else:
        found = changes_since(root, ws, curriculum_id, round_name, L)
        if not found:
            st.success(tr("review.no_changes"))
        for change in found:
            line = f"**{tr('change.' + change.kind)}** · {change.title} (`{change.path}`)"
            st.markdown(line + (f" · {change.detail}" if change.detail else ""))
            for field_name, pieces in change.fields:
                st.html(f"<p><em>{field_name}</em> : {diff_markup(pieces, markdown=False)}</p>")

        def changes_files():
            document = changes_document(found, curriculum.title.get(L), round_name, L)
            return renderer("html")(document), renderer("pdf")(document)

        _prepared_downloads(
            "review.changes",
            f"{curriculum_id}/{round_name}",
            tr("review.changes_prepare"),
            changes_files,
            [
                (tr("review.changes_html"), f"{curriculum_id}-changes.html", "text/html"),
                (tr("review.changes_pdf"), f"{curriculum_id}-changes.pdf", "application/pdf"),
            ],
        )
