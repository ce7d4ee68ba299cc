"""Programme -> Document: what a facilitator or a participant pack contains.

The participant pack is built from its own short list of sections and never reads
facilitator notes, context notes or answer keys, so no format can leak them.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

from ..i18n import label, long_date, notice_text, t
from ..languages import autonym
from ..problems import ContentError
from ..resolve import Programme, SessionView
from ..schedule import SCHEDULE_NOTICES, clock
from ..typography import for_language
from .document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table, bounded, with_text

PACKS = ("facilitator", "participant")


def generation_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isascii() and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def no_html(text: str) -> str:
    """Markdown whose HTML is shown as typed, as the app shows a reviewer's comment: emphasis
    and lists still work, `<le délai>` or `R&D` are never read as a tag or an entity."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;")


def literal(text: str) -> str:
    """Plain text (a title, a material) made safe to place in a Markdown cell: shown as typed,
    never read as emphasis, a link or a tag."""
    text = no_html(text).replace(">", "&gt;")
    for char in "\\`*_[]#|":
        text = text.replace(char, "\\" + char)
    return text


def scope(programme: Programme, day: int | None = None, session: str | None = None) -> Programme:
    """The programme cut down to one day or one session (`module/session`)."""
    if day is None and not session:
        return programme
    if day is not None and session:
        raise ContentError.coded("day_or_session")
    if day is not None:
        if not 1 <= day <= len(programme.days):
            raise ContentError.coded("no_such_day", day=day, days=len(programme.days))
        keep = lambda s: any(a.day == day for a in s.activities)  # noqa: E731
        days = tuple(slots if number == day else () for number, slots in enumerate(programme.days, start=1))
        text = t("pack.scope_day", programme.lang, day=day)
    else:
        if session not in {s.path for s in programme.sessions}:
            known = ", ".join(s.path for s in programme.sessions)
            raise ContentError.coded("unknown_programme_session", session=session, known=known)
        keep = lambda s: s.path == session  # noqa: E731
        days = tuple(
            tuple(slot for slot in slots if f"{slot.module}/{slot.session}" == session) for slots in programme.days
        )
        title = next(s.title for s in programme.sessions if s.path == session)
        text = t("pack.scope_session", programme.lang, title=title)
    modules = []
    for module in programme.modules:
        sessions = tuple(s for s in module.sessions if keep(s))
        if day is not None:  # a session resumed the next morning: the day's activities only
            sessions = tuple(replace(s, activities=tuple(a for a in s.activities if a.day == day)) for s in sessions)
        if sessions:
            used = {h for s in sessions for a in s.activities for h in a.handouts}
            handouts = tuple(h for h in module.handouts if h.id in used)
            modules.append(replace(module, sessions=sessions, handouts=handouts))
    return replace(programme, modules=tuple(modules), days=days, scope=text)


def build_pack(
    programme: Programme, pack: str, generated: dt.date | None = None, comments: list[dict] | None = None
) -> Document:
    """The pack's document; `comments` (comment-matrix rows) adds a review appendix to a facilitator pack."""
    if pack not in PACKS:
        raise ContentError.coded("unknown_pack", pack=pack)
    lang = programme.lang
    generated = generated or generation_date()
    name = t(f"pack.{pack}", lang)
    version = t(
        "pack.version_value", lang, curriculum=programme.curriculum_revision, context=programme.context_revision
    )
    meta = (
        (t("pack.context", lang), programme.context_name or "—"),
        (t("pack.language", lang), autonym(lang)),  # the language named in itself: "français", "Kiswahili"
        (t("pack.version", lang), version),
        (t("pack.date", lang), long_date(generated, lang)),
        (t("pack.scope", lang), programme.scope or t("pack.scope_all", lang)),
    )
    blocks = _facilitator(programme) if pack == "facilitator" else _participant(programme)
    if comments is not None and pack == "facilitator":
        blocks += _comment_matrix(comments, lang)
    document = Document(
        title=programme.title,
        subtitle=name,
        lang=lang,
        meta=meta,
        footer=" — ".join(part for part in (programme.title, name, programme.context_name, version) if part),
        blocks=tuple(blocks),
        page_label=t("pack.page", lang, page="{page}", pages="{pages}"),
    )
    typeset = for_language(lang)
    return bounded(with_text(document, typeset) if typeset else document)


def _facilitator(p: Programme) -> list:
    lang = p.lang
    blocks: list = [Contents(t("pack.contents", lang)), PageBreak()]
    blocks += _briefing(p)  # the country comes first: a facilitator reads it before the plan
    blocks += _overview(p)
    for module in p.modules:
        blocks += [PageBreak(), Heading(f"{t('pack.module', lang)} — {module.title}", 1, f"module-{module.id}")]
        if module.summary:
            blocks.append(Para(module.summary))
        blocks += [Note(t("pack.context_notes", lang), note) for note in module.notes]
        if module.references:  # legal texts carry "state of the law as of …" (see resolve)
            blocks.append(Heading(t("pack.references", lang), 2, f"references-{module.id}"))
            blocks.append(Bullets(tuple(literal(r) for r in module.references)))
        for session in module.sessions:
            blocks += _session(p, session)
    blocks += [PageBreak(), Heading(t("pack.appendices", lang), 1, "appendices")]
    blocks += _handouts(p, level=2)
    blocks += _checklist(p)
    blocks += _test(p, answers=True, level=2)
    blocks += _evaluation(p, level=2)
    blocks += _attendance(p)
    return blocks


def _participant(p: Programme) -> list:
    lang = p.lang
    blocks: list = [Contents(t("pack.contents", lang)), PageBreak()]
    blocks += [Heading(t("pack.agenda", lang), 1, "agenda")]
    if p.summary:
        blocks.append(Para(p.summary))
    blocks += _agenda(p, detail=True)
    blocks += [PageBreak(), Heading(t("pack.handouts", lang), 1, "handouts")]
    blocks += _handouts(p, level=2, heading=False)
    blocks += [PageBreak()] + _test(p, answers=False, level=1)
    blocks += [PageBreak()] + _evaluation(p, level=1)
    return blocks


def _overview(p: Programme) -> list:
    lang = p.lang
    blocks: list = [Heading(t("pack.overview", lang), 1, "overview")]
    if p.summary:
        blocks.append(Para(p.summary))
    blocks.append(Heading(t("pack.objectives", lang), 2, "objectives"))
    for module in p.modules:
        blocks.append(Para(f"**{module.title}**"))
        blocks.append(Bullets(tuple(f"{o.text} *({label('bloom', o.bloom, lang)})*" for o in module.objectives)))
    if p.audience:
        blocks.append(Heading(t("pack.audience", lang), 2, "audience"))
        blocks.append(Para(", ".join(label("profile", a, lang) for a in p.audience).capitalize() + "."))
    blocks.append(Heading(t("pack.glance", lang), 2, "glance"))
    blocks += _schedule_warnings(p)
    blocks += _agenda(p, detail=False)
    return blocks


def _agenda(p: Programme, detail: bool) -> list:
    """Per day, in clock order: sessions (or activities, with `detail`) with their clock
    times and the pauses between the pieces they interrupt; a session resumed after a pause
    or a night is marked "(continued)"."""
    lang = p.lang
    sessions = {s.path: s for s in p.sessions}
    continued = t("agenda.continued", lang)
    blocks: list = []
    for number, slots in enumerate(p.days, start=1):
        if not slots:
            continue
        rows: list[list] = []
        previous = None  # the session of the row above, while no pause came between
        for slot in slots:
            when = f"{clock(slot.start)}–{clock(slot.end)}"
            if slot.kind != "activity":
                rows.append([when, f"*{literal(slot.title or t('agenda.' + slot.kind, lang))}*", slot.minutes])
                previous = None
                continue
            path = f"{slot.module}/{slot.session}"
            more = f" *{continued}*" if slot.continued else ""
            if detail:
                rows.append([when, literal(slot.title) + more, slot.minutes])
            elif path == previous:
                rows[-1][0] = f"{rows[-1][0].split('–')[0]}–{clock(slot.end)}"
                rows[-1][2] += slot.minutes
            else:
                rows.append([when, f"**{literal(sessions[path].title)}**{more}", slot.minutes])
            previous = path
        blocks.append(
            Heading(t("agenda.day", lang, day=number), 3 if not detail else 2, f"day-{number}-{'d' if detail else 'g'}")
        )
        blocks.append(
            Table(
                (t("pack.time", lang), t("pack.item", lang), t("col.minutes", lang)),
                tuple((when, item, str(minutes)) for when, item, minutes in rows),
                (1.2, 5, 1),
            )
        )
    return blocks


def _schedule_warnings(p: Programme) -> list:
    """Overflow, empty days, idle time and breaks run through, where the facilitator reads the agenda."""
    texts = [notice_text(n, p.lang) for n in p.notices if n.code in SCHEDULE_NOTICES + ("presentation-share",)]
    if not texts:
        return []
    return [Note(t("pack.schedule_warnings", p.lang), "\n".join(f"- {no_html(text)}" for text in texts))]


def _session(p: Programme, session: SessionView) -> list:
    lang = p.lang
    when = t("pack.day_time", lang, day=session.day, start=session.start, end=session.end) if session.day else ""
    last_day = session.activities[-1].day if session.activities else 0
    if session.day and last_day != session.day:
        when = t("pack.days_time", lang, day=session.day, start=session.start, last=last_day, end=session.end)
    blocks: list = [Heading(session.title, 2, f"session-{session.module}-{session.id}")]
    if when:
        blocks.append(Para(when, "meta"))
    if session.objectives:
        blocks.append(Bullets(session.objectives))
    blocks += [Note(t("pack.context_notes", lang), note) for note in session.notes]
    rows = tuple(
        (
            f"{a.start}–{a.end}" if a.start else "",
            literal(a.title),
            label("method", a.method, lang),
            str(a.minutes),
            "; ".join(map(literal, a.materials)),
        )
        for a in session.activities
    )
    header = (
        t("pack.time", lang),
        t("col.activity", lang),
        t("col.method", lang),
        t("col.minutes", lang),
        t("pack.materials", lang),
    )
    blocks += [Para(f"**{t('pack.plan', lang)}**"), Table(header, rows, (1.1, 3.2, 1.4, 0.8, 2.6))]
    handout_titles = {h.id: h.title for m in p.modules for h in m.handouts if m.id == session.module}
    for activity in session.activities:
        title = f"{activity.start}–{activity.end} · {activity.title}" if activity.start else activity.title
        blocks.append(Heading(title, 3, f"activity-{session.module}-{session.id}-{activity.id}"))
        line = t(
            "pack.activity_line",
            lang,
            method=label("method", activity.method, lang),
            grouping=label("grouping", activity.grouping, lang),
            minutes=activity.minutes,
        )
        blocks.append(Para(line, "meta"))
        if activity.instructions:
            blocks.append(Para(activity.instructions))
        if activity.facilitator_notes:
            blocks.append(Note(t("pack.notes", lang), activity.facilitator_notes))
        if activity.debrief:
            blocks += [Para(f"**{t('pack.debrief', lang)}**"), Bullets(activity.debrief)]
        if activity.handouts:
            names = ", ".join(handout_titles.get(h, h) for h in activity.handouts)
            blocks.append(Para(t("pack.handouts_used", lang, list=names), "small"))
    return blocks


def _handouts(p: Programme, level: int, heading: bool = True) -> list:
    lang = p.lang
    blocks: list = [Heading(t("pack.handouts", lang), level, "appendix-handouts")] if heading else []
    for module in p.modules:
        for handout in module.handouts:
            blocks += [
                Heading(handout.title, level + 1 if heading else level, f"handout-{module.id}-{handout.id}"),
                Para(handout.body),
            ]
    return blocks


def _checklist(p: Programme) -> list:
    lang = p.lang
    used: dict[str, list[str]] = {}
    for session in p.sessions:
        for activity in session.activities:
            for material in activity.materials:
                places = used.setdefault(material, [])
                if session.title not in places:
                    places.append(session.title)
    rows = tuple(
        (literal(material), "; ".join(map(literal, places)), "☐")
        for material, places in sorted(used.items(), key=lambda kv: kv[0].casefold())
    )
    header = (t("pack.materials", lang), t("pack.used_in", lang), t("pack.ready", lang))
    return [Heading(t("pack.checklist", lang), 2, "checklist"), Table(header, rows, (3, 4, 0.8))]


def _test(p: Programme, answers: bool, level: int) -> list:
    lang = p.lang
    blocks: list = [Heading(t("pack.test_key" if answers else "pack.test", lang), level, "test")]
    number = 0
    for module in p.modules:
        if not module.questions:
            continue
        blocks.append(Heading(module.title, level + 1, f"test-{module.id}"))
        for question in module.questions:
            number += 1
            blocks.append(Para(f"**{number}.** {question.text}"))
            letters = "ABCDEFGH"
            if question.kind == "choice":
                blocks.append(Bullets(tuple(f"{letters[i]}. {option}" for i, option in enumerate(question.options))))
            else:
                blocks.append(Table((t("pack.open_lines", lang),), (), (1,), blank_rows=3))
            if answers:
                blocks += _answer(question, lang, letters)
    return blocks


def _answer(question, lang: str, letters: str) -> list:
    if question.kind == "choice" and question.answer is not None and question.answer < len(question.options):
        text = f"{letters[question.answer]}. {question.options[question.answer]}"
        if question.explanation:
            text += f" — {question.explanation}"
        answer = t("pack.answer", lang, answer=text)
    else:
        answer = t("pack.model_answer", lang, answer=question.model_answer)
    return [Para(answer, "small"), Para(t("pack.objective", lang, objective=question.objective), "small")]


def _evaluation(p: Programme, level: int) -> list:
    lang = p.lang
    scale = ("1", "2", "3", "4", "5")
    reaction = tuple((item,) + ("☐",) * 5 for item in t("pack.reaction_items", lang).split("|"))
    objectives = tuple((o.text, "", "") for m in p.modules for o in m.objectives)
    blocks: list = [
        Heading(t("pack.evaluation", lang), level, "evaluation"),
        Heading(t("pack.reaction", lang), level + 1, "evaluation-reaction"),
        Para(t("pack.scale", lang), "small"),
        Table((t("pack.statement", lang),) + scale, reaction, (5, 0.6, 0.6, 0.6, 0.6, 0.6)),
        Heading(t("pack.learning", lang), level + 1, "evaluation-learning"),
        Para(t("pack.learning_scale", lang), "small"),
        Table((t("pack.objectives", lang), t("pack.before", lang), t("pack.after", lang)), objectives, (5, 1, 1)),
    ]
    for prompt in t("pack.open_feedback", lang).split("|"):
        blocks.append(Table((prompt,), (), (1,), blank_rows=3))
    return blocks


def _attendance(p: Programme) -> list:
    lang = p.lang
    days = [number for number, slots in enumerate(p.days, start=1) if slots] or [1]
    header = (t("pack.name", lang), t("pack.organisation", lang), t("pack.role", lang)) + tuple(
        t("pack.signature_day", lang, day=d) for d in days
    )
    widths = (2.4, 2.2, 1.6) + (1.2,) * len(days)
    return [PageBreak(), Heading(t("pack.attendance", lang), 2, "attendance"), Table(header, (), widths, blank_rows=20)]


def _briefing(p: Programme) -> list:
    lang = p.lang
    if not p.context:
        return []
    blocks: list = [Heading(f"{t('pack.briefing', lang)} — {p.context_name}", 1, "briefing")]
    if p.briefing:
        blocks.append(Para(p.briefing))
    blocks.append(Heading(t("pack.glossary", lang), 2, "glossary"))
    if p.glossary:
        blocks.append(
            Table(
                (t("pack.term", lang), t("pack.local_term", lang)),
                tuple((literal(a), literal(b)) for a, b in p.glossary),
                (1, 1),
            )
        )
    else:
        blocks.append(Para(t("pack.no_glossary", lang)))
    return blocks + [PageBreak()]


def _comment_matrix(rows: list[dict], lang: str) -> list:
    """The review comment matrix as an appendix: one row per comment, with the decision."""
    header = tuple(t(f"matrix.{key}", lang) for key in ("no", "location", "comment", "reviewer", "status", "response"))
    cells = tuple(
        (
            str(row["no."]),
            literal(row["location"]),
            no_html(row["comment"]),
            literal(f"{row['reviewer']} ({row['role']})"),
            label("status", row["status"], lang),
            no_html(row["response"]),
        )
        for row in rows
    )
    title = t("matrix.title", lang, round=rows[0]["round"]) if rows else t("matrix.title", lang, round="—")
    return [PageBreak(), Heading(title, 2, "comment-matrix"), Table(header, cells, (0.5, 2.4, 3.6, 1.6, 1.2, 2.6))]
