"""Contexts: languages and fallback order, name, briefing, glossary and timing in every workspace
language; adaptations with their state; base vs adapted."""

from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import streamlit as st

from curriculum import edit, languages
from curriculum.adapt import (
    STATES,
    Target,
    adapt_module,
    compare,
    item_texts,
    mark_reviewed,
    remove_adaptation,
    retarget,
)
from curriculum.diff import word_diff
from curriculum.export.markup import inert_links
from curriculum.i18n import decimal
from curriculum.model import Timing
from curriculum.problems import ContentError
from curriculum.review import location
from curriculum.ui.state import (
    content_languages,
    create,
    label_of,
    lang,
    language_name,
    languages_of,
    name_of,
    not_saved,
    root,
    save_or_explain,
    show_flashes,
    text_fields,
    title_inputs,
    tr,
    workspace,
)
from curriculum.usage import adaptations, describe_adaptation
from curriculum.workspace import record_at

st.title(tr("contexts.title"))
L = lang()  # captured once: format_func callbacks may run outside the script run
ws = workspace()
if ws is None:
    st.stop()
st.caption(tr("contexts.intro"))
show_flashes()


with st.expander(tr("contexts.new"), expanded=not ws.contexts):
    new_id = st.text_input(tr("contexts.new_id"), key="contexts.new.id")
    names = title_inputs("contexts.new", ws, "common.name_in")
    if st.button(tr("contexts.create"), key="contexts.create"):
        create(
            "contexts",
            lambda: edit.new_context(new_id, edit.text(names), ws.contexts),
            "contexts.select",
            "contexts.created",
        )

if not ws.contexts:
    st.info(tr("contexts.empty"))
    st.stop()

all_adaptations = adaptations(ws)


def _badge(context_id: str) -> str:
    mine = [a for a in all_adaptations if a.context == context_id]
    stale = sum(a.state == "stale" for a in mine)
    orphaned = sum(a.state == "orphaned" for a in mine)
    parts = [tr("contexts.badge_stale", n=stale)] if stale else []
    parts += [tr("contexts.badge_orphaned", n=orphaned)] if orphaned else []
    return " · ".join(parts) or tr("contexts.badge_ok")


ids = sorted(ws.contexts, key=lambda c: ws.contexts[c].name.get(L))
BADGES = {c: _badge(c) for c in ids}
if st.session_state.get("contexts.select") in ids:
    st.session_state["contexts.pick"] = st.session_state.pop("contexts.select")
context_id = st.selectbox(
    tr("contexts.pick"),
    ids,
    format_func=lambda c: f"{ws.contexts[c].name.get(L)} — {BADGES[c]}",
    key="contexts.pick",
)
context = ws.contexts[context_id]
pins = st.session_state.setdefault("contexts.pins", {})
loaded = pins.setdefault(context_id, context.revision)
prefix = f"ctx.{context_id}.{loaded}"
st.caption(f"{_badge(context_id)} · {tr('common.revision', revision=context.revision)}")


def _save(record) -> None:
    saved = save_or_explain("contexts", record, loaded)
    if saved is not None:
        pins[context_id] = saved.revision
        st.rerun()


settings, adapted_tab, compare_tab = st.tabs(
    [tr("contexts.tab_settings"), tr("contexts.tab_adaptations"), tr("contexts.tab_compare")]
)

with settings:
    spoken = content_languages(ws)  # every workspace language, side by side
    cols = st.columns(3)
    context_languages = cols[0].multiselect(
        tr("contexts.languages"),
        list(dict.fromkeys([*spoken, *context.languages])),
        default=list(context.languages),
        format_func=languages_of(),
        key=f"{prefix}.languages",
    )
    fallback = cols[1].multiselect(  # kept in the order chosen
        tr("contexts.fallback"),
        list(dict.fromkeys([*spoken, *context.fallback])),
        default=list(context.fallback_order),
        format_func=languages_of(),
        key=f"{prefix}.fallback",
    )
    defaults = list(
        dict.fromkeys([*context_languages, *([context.default_language] if context.default_language else [])])
    )
    default_language = cols[2].selectbox(
        tr("contexts.default_language"),
        defaults or [""],
        index=defaults.index(context.default_language) if context.default_language in defaults else 0,
        format_func=lambda code: languages.name(code, L) if code else "—",
        key=f"{prefix}.default_language",
    )
    name = text_fields(tr("contexts.name"), context.name, f"{prefix}.name", spoken)
    briefing = text_fields(
        tr("contexts.briefing"), context.briefing, f"{prefix}.briefing", spoken, area=True, height=260
    )
    glossary_rows = {}
    # two glossaries a row: a third beside them would squeeze each grid below its width on a laptop
    places = [column for start in range(0, len(spoken), 2) for column in st.columns(2)]
    for column, code in zip(places, spoken, strict=False):
        with column:
            st.caption(tr("contexts.glossary", code=language_name(code)))
            frame = pd.DataFrame(
                [{"term": e.term, "replace": e.replace} for e in context.glossary.get(code)],
                columns=["term", "replace"],
            )
            glossary_rows[code] = st.data_editor(
                frame,
                num_rows="dynamic",
                hide_index=True,
                key=f"{prefix}.glossary.{code}",
                column_config={
                    "term": st.column_config.TextColumn(tr("contexts.term")),
                    "replace": st.column_config.TextColumn(tr("contexts.replace")),
                },
            ).to_dict("records")
    timing = context.timing
    cols = st.columns(3)
    # a slider of named steps, so that French shows 1,15 beside a label that says 1,0
    factors = sorted({round(0.5 + 0.05 * n, 2) for n in range(51)} | {float(timing.interpretation_factor)})
    factor = cols[0].select_slider(
        tr("contexts.factor"),
        factors,
        value=float(timing.interpretation_factor),
        format_func=lambda value: decimal(value, L),
        key=f"{prefix}.factor",
    )
    day_start = cols[1].text_input(tr("contexts.day_start"), timing.day_start, key=f"{prefix}.day_start")
    day_end = cols[2].text_input(tr("contexts.day_end"), timing.day_end, key=f"{prefix}.day_end")
    st.caption(tr("contexts.protected"))
    protected_frame = pd.DataFrame(
        [
            {
                "start": p.start,
                "end": p.end,
                "days": ", ".join(str(d) for d in p.days),
                **{f"{edit.LABEL_COLUMN}{code}": p.label.as_dict().get(code, "") for code in spoken},
            }
            for p in timing.protected_times
        ],
        columns=["start", "end", "days", *(f"{edit.LABEL_COLUMN}{code}" for code in spoken)],
    )
    column_names = {c: tr(f"contexts.col.{c}") for c in ("start", "end", "days")}
    column_names |= {
        f"{edit.LABEL_COLUMN}{code}": tr("common.label_in", language=language_name(code)) for code in spoken
    }
    protected_rows = st.data_editor(
        protected_frame,
        num_rows="dynamic",
        hide_index=True,
        key=f"{prefix}.protected",
        # widths set: with a label column per language the grid still fits a 1366-px laptop screen
        column_config={
            c: st.column_config.TextColumn(
                column_names[c], width="small" if c in ("start", "end", "days") else "medium"
            )
            for c in protected_frame.columns
        },
    ).to_dict("records")
    protected, bad_rows = edit.protected_from_rows(protected_rows)
    for number, value in bad_rows:
        st.warning(tr("contexts.bad_time", row=number, value=value))
    if st.button(tr("common.save"), type="primary", key="contexts.save"):
        try:
            new_timing = Timing(float(factor), edit.typed_clock(day_start), edit.typed_clock(day_end), protected)
        except ContentError as exc:
            st.error(not_saved(exc))
            st.stop()
        _save(
            replace(
                context,
                name=name,
                briefing=briefing,
                glossary=edit.glossary_from_rows(glossary_rows, context.glossary),
                timing=new_timing,
                languages=tuple(context_languages),
                # an order that is the languages' own is not written out (the file stays as it was)
                fallback=()
                if tuple(fallback) == tuple(context_languages) and not context.fallback
                else tuple(fallback),
                default_language=default_language,
            )
        )

with adapted_tab:
    states = list(STATES)
    shown_states = st.multiselect(
        tr("contexts.filter"),
        states,
        default=states,
        format_func=label_of("contexts.state."),
        key="contexts.filter",
    )
    mine = [a for a in all_adaptations if a.context == context_id and a.state in shown_states]
    if not mine:
        st.info(tr("contexts.none_listed"))
    else:
        rows = [
            {
                tr("contexts.col.kind"): tr(f"adaptation.{a.kind}"),
                tr("contexts.col.target"): location(ws, a.target, L)[0],
                tr("contexts.col.base"): a.base_revision,
                tr("contexts.col.now"): ws.modules[a.target.split("/")[0]].revision
                if a.target.split("/")[0] in ws.modules
                else None,
                tr("contexts.col.state"): tr(f"contexts.state.{a.state}"),
            }
            for a in mine
        ]
        widths = {"kind": 135, "target": 420, "base": 115, "now": 105, "state": 120}  # fits a 1366-px screen
        st.dataframe(
            pd.DataFrame(rows),
            hide_index=True,
            width="stretch",
            key="contexts.adaptations",
            column_config={tr(f"contexts.col.{c}"): st.column_config.Column(width=w) for c, w in widths.items()},
        )
        labels = {  # the item's own name (its module and session are in the table above): fits the box
            f"{tr('adaptation.' + a.kind)} → {location(ws, a.target, L)[0].split(' › ')[-1]}"
            f" ({tr('contexts.state.' + a.state)}) · {i + 1}": a
            for i, a in enumerate(mine)
        }
        chosen = labels[st.selectbox(tr("contexts.review"), list(labels), key=f"{prefix}.review")]
        target = Target.parse(chosen.target)
        module = ws.modules.get(target.module)
        if chosen.state == "orphaned":
            st.error(tr("contexts.orphan_help"))
            new_target = st.text_input(tr("contexts.new_target"), chosen.target, key=f"{prefix}.retarget")
            left, right = st.columns(2)
            if left.button(tr("contexts.reattach"), key="contexts.reattach"):
                parsed = Target.parse(new_target.strip())
                item, missing = parsed.find(ws.modules)
                if item is None:
                    st.error(tr("contexts.unknown_target", target=missing.get(L) or new_target))
                else:
                    revision = ws.modules[parsed.module].revision
                    _save(retarget(context, chosen.index, chosen.is_addition, new_target.strip(), revision))
            confirm = right.checkbox(tr("contexts.remove_confirm"), key="contexts.remove_orphan_confirm")
            if right.button(tr("contexts.remove"), key="contexts.remove", disabled=not confirm):
                _save(remove_adaptation(context, chosen.index, chosen.is_addition))
        else:
            st.caption(inert_links(describe_adaptation(context, chosen, L)))
            now_item, _ = target.find(ws.modules)
            if chosen.state == "stale":
                then_module = record_at(root(), "modules", target.module, chosen.base_revision)
                if then_module is None:
                    st.info(tr("contexts.no_history", revision=chosen.base_revision))
                then_item = target.find({target.module: then_module})[0] if then_module else None
                changes = compare(then_item, now_item, L) if then_item is not None else []
                if then_item is not None and not changes:
                    st.success(tr("contexts.no_change"))
                for field_name, before, after in changes:
                    st.markdown(f"**{name_of('field')(field_name).capitalize()}**")
                    left, right = st.columns(2)
                    left.caption(tr("contexts.then", revision=chosen.base_revision))
                    left.text(before)
                    right.caption(tr("contexts.now", revision=module.revision))
                    right.text(after)
                    st.markdown(
                        inert_links(
                            "".join(
                                f":red[~~{t.strip()}~~] "
                                if op == "removed"
                                else (f":green[**{t.strip()}**] " if op == "added" else t)
                                for op, t in word_diff(before, after)
                                if t.strip() or op == "same"
                            )
                        )
                    )
                if st.button(tr("contexts.mark_reviewed", revision=module.revision), key="contexts.mark_reviewed"):
                    _save(mark_reviewed(context, chosen.index, chosen.is_addition, module.revision))
            confirm = st.checkbox(tr("contexts.remove_confirm"), key="contexts.remove_confirm")
            if st.button(tr("contexts.remove"), key="contexts.remove_current", disabled=not confirm):
                _save(remove_adaptation(context, chosen.index, chosen.is_addition))

with compare_tab:
    module_id = st.selectbox(
        tr("contexts.compare_module"),
        sorted(ws.modules),
        format_func=lambda m: ws.modules[m].title.get(L),
        key="contexts.compare.module",
    )
    base = ws.modules[module_id]
    adapted = adapt_module(base, context)
    paths = [module_id] + [f"{module_id}/{s.id}" for s in base.sessions]
    paths += [f"{module_id}/{s.id}/{a.id}" for s in adapted.module.sessions for a in s.activities]
    paths += [f"{module_id}/handout:{h.id}" for h in base.handouts]
    paths += [f"{module_id}/question:{q.id}" for q in base.questions]
    paths = list(dict.fromkeys(paths))
    with_additions = SimpleNamespace(modules={**ws.modules, module_id: adapted.module})
    places = {p: location(with_additions, p, L)[0] for p in paths}
    path = st.selectbox(
        tr("contexts.compare_item"), paths, format_func=lambda p: places[p], key="contexts.compare.item"
    )
    target = Target.parse(path)
    base_item, adapted_item = target.find(ws.modules)[0], target.find({module_id: adapted.module})[0]
    changed = path in adapted.changed or path in adapted.added
    if adapted_item is None:
        st.warning(tr("contexts.hidden"))
    elif not changed:
        st.info(tr("contexts.not_adapted"))
    left, right = st.columns(2)
    left.markdown(f"**{tr('contexts.base')}**")
    right.markdown(f"**{tr('contexts.adapted')}**")
    before, after = item_texts(base_item, L), item_texts(adapted_item, L)
    field_label = name_of("field")
    for field_name in dict.fromkeys([*before, *after]):
        left.caption(field_label(field_name).capitalize())
        left.text(before.get(field_name, ""))
        changed_mark = f" · {tr('contexts.changed')}" if before.get(field_name) != after.get(field_name) else ""
        right.caption(field_label(field_name).capitalize() + changed_mark)
        right.text(after.get(field_name, ""))
