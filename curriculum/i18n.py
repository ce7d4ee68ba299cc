"""Interface strings: English source sentences, translated by gettext catalogs.

Each entry is written with a marker Babel extracts (`pybabel extract`, see README):
`_C(key, English)` for a sentence, `_NC(key, English singular, English plural)` for one that
counts. The key is the catalog's msgctxt, the English text its msgid; `catalogs` finds the
translation (package or workspace `.po`) and falls back to English, never to the key.
A plural entry chooses its form with the number in the value its `count` names (`n` unless
it says otherwise); each language's catalog carries its own plural rule (Arabic: six).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from . import catalogs
from .languages import BIDI_ISOLATES, babel_name, is_rtl, isolate, locale


class Plural(NamedTuple):
    """A sentence that counts: English singular and plural; `count` names the placeholder whose
    number chooses the form (each language's catalog has its own forms: Arabic six)."""

    singular: str
    plural: str
    count: str = "n"


Source = str | Plural  # an English sentence, or a counting one


def _C(key: str, english: str) -> tuple[str, str]:  # the marker Babel extracts
    return key, english


def _NC(key: str, singular: str, plural: str, count: str = "n") -> tuple[str, Plural]:  # the marker Babel extracts
    return key, Plural(singular, plural, count)


def translate(key: str, source: Source, lang: str, values: dict | None = None, count: object = None) -> str:
    """The catalog's translation of `source` (msgctxt `key`) in `lang`, `{name}` fields filled in.
    A plural entry counts with `count`, else with the value its `count` names."""
    if isinstance(source, Plural):
        n = count if count is not None else (values or {}).get(source.count, 1)
        text = catalogs.plural(lang, key, source, _whole(n))
    else:
        text = catalogs.text(lang, key, source)
    return text.format(**_isolated(values, lang)) if values else text


def _isolated(values: dict, lang: str) -> dict:
    """In a right-to-left language, a left-to-right text filled into a sentence (an id, a French
    name, a file path) is a bidi isolate: it keeps its own order and leaves the sentence's alone
    (its quotes and full stop are not thrown to the wrong side). Numbers and Arabic need none."""
    if not _rtl(lang):
        return values
    return {name: _isolate_ltr(v) if isinstance(v, str) else v for name, v in values.items()}


_rtl = lru_cache(maxsize=64)(is_rtl)  # t() is called thousands of times a page run


@lru_cache(maxsize=65536)
def _isolate_ltr(value: str) -> str:
    return isolate(value) if _left_to_right(value) else value


def _left_to_right(value: object) -> bool:
    return (
        isinstance(value, str)
        and not value.startswith(BIDI_ISOLATES)
        and any(unicodedata.bidirectional(c) == "L" for c in value)
    )


def _whole(count: object) -> int:
    """A count as a whole number; one that is not a number (a bug) reads as several, never a crash."""
    try:
        return int(count)
    except (TypeError, ValueError):
        return 2


STRINGS: dict[str, Source] = dict(
    [
        _C("app.title", "Curricula — referral mechanisms"),
        _C("lang.label", "Interface language"),
        _C("nav.library", "Library"),
        _C("nav.composer", "Composer"),
        _C("nav.contexts", "Contexts"),
        _C("nav.export", "Export"),
        _C("nav.review", "Review"),
        _C("status.title", "Workspace status"),
        _C("status.counts", "{modules} modules, {contexts} contexts, {curricula} curricula"),
        _C("status.ok", "Every file is valid."),
        _NC(
            "status.invalid",
            "{n} invalid file, not loaded — the rest works:",
            "{n} invalid files, not loaded — the rest works:",
        ),
        _NC("status.warnings", "{n} warning", "{n} warnings"),
        _C("status.folder", "Folder: {path}"),
        _C("status.error", "Cannot load the workspace: {error}"),
        _C("common.save", "Save"),
        _C("common.reload", "Reload from disk (discard my changes)"),
        _C("common.gap", ":material/warning: translation missing"),
        _C("common.saved", "Saved: {name}, revision {revision}."),
        _C("common.unchanged", "No change: nothing saved ({name} stays at revision {revision})."),
        _C("common.not_saved", "Not saved: {error}"),
        _C("common.conflict", "Conflict — not saved. {error}"),
        _C("common.kept", "Your edits are still on screen. Copy them, reload, then apply them again."),
        _C("common.coming", "Coming next: {what}"),
        _C("common.title", "Title"),
        _C("common.summary", "Summary"),
        _C("common.minutes", "Minutes"),
        _C("common.method", "Method"),
        _C("common.grouping", "Grouping"),
        _C("common.id", "Id"),
        _C("common.revision", "Revision {revision}"),
        _C("library.title", "Module library"),
        _C("library.intro", "Pick a module, edit its fields, sessions and activities, then save."),
        _C(
            "library.empty",
            "No valid module in this workspace. Add a YAML file under modules/ or fix the files listed in the workspace status.",
        ),
        _C("library.module", "Module"),
        _C("library.details", "Module details"),
        _C("library.theme", "Theme"),
        _C("library.audience", "Audience"),
        _C("library.sessions", "Sessions"),
        _C("library.session", "Session"),
        _C("library.session_title", "Session title"),
        _C("library.activities", "Activities (title, method, duration)"),
        _C("library.activity", "Activity to detail"),
        _C("library.instructions", "Instructions"),
        _C("library.notes", "Facilitator notes"),
        _C("library.session_minutes", "Session length: {minutes} min"),
        _C("library.cuts", "When time is short: what fitting to the days may shorten or drop"),
        _C(
            "library.cuts_help",
            "Shortest length 0: the activity is not shortened. Optional: it may be dropped. Low priority: shortened or dropped first.",
        ),
        _C("library.cuts_activity", "Activity"),
        _C("library.session_optional", "The whole session is optional (it may be dropped)"),
        _C("composer.title", "Compose a curriculum"),
        _C("composer.coming", "the timed multi-day agenda built from modules"),
        _C("contexts.title", "Cultural contexts"),
        _C("contexts.coming", "adaptation per context (overlays, glossary, timing, staleness)"),
        _C("export.title", "Export packs"),
        _C("export.coming", "facilitator and participant packs as PDF, HTML, Markdown, DOCX and ZIP"),
        _C("review.title", "Expert review"),
        _C("review.coming", "anchored comments, threads and review rounds"),
        _C("contexts.list", "Available contexts"),
        _C("agenda.day", "Day {day}"),
        _C("agenda.break", "Break"),
        _C("agenda.lunch", "Lunch"),
        _C("agenda.activity", "Activity"),
        _C("method.presentation", "presentation"),
        _C("method.discussion", "discussion"),
        _C("method.case-study", "case study"),
        _C("method.role-play", "role play"),
        _C("method.group-work", "group work"),
        _C("method.simulation", "simulation"),
        _C("method.world-cafe", "world café"),
        _C("method.energiser", "energiser"),
        _C("method.reflection", "reflection"),
        _C("method.assessment", "assessment"),
        _C("composer.intro", "Pick modules and sessions, set the days; the agenda is recomputed with every change."),
        _C("composer.empty", "No curriculum yet: create one below."),
        _C("composer.no_modules", "The library holds no valid module: add one in the Library first."),
        _C("composer.curriculum", "Curriculum"),
        _C("composer.context", "Context for the preview"),
        _C("composer.none", "(none)"),
        _C("composer.missing_module", "Module not found: '{id}'. Remove it from the curriculum or restore the module."),
        _C("composer.modules", "Modules and sessions"),
        _C("composer.sessions_of", "Sessions of “{module}”"),
        _C("composer.up", "Move up"),
        _C("composer.down", "Move down"),
        _C("composer.remove", "Remove"),
        _C("composer.add_module", "Module to add"),
        _C("composer.add", "Add module"),
        _C("composer.no_items", "This curriculum has no module yet: add one below."),
        _C("composer.days_settings", "Days"),
        _C("composer.days", "Number of days"),
        _C("composer.day_start", "Day starts"),
        _C("composer.day_end", "Day ends"),
        _C("composer.lunch_start", "Lunch at"),
        _C("composer.lunch_minutes", "Lunch length (min)"),
        _C("composer.breaks", "Breaks (same times every day)"),
        _C("composer.break_start", "Time (HH:MM)"),
        _C(
            "composer.bad_break", "Break on row {row} ignored: '{value}' is not an HH:MM time with a length in minutes."
        ),
        _C("composer.agenda", "Agenda"),
        _C("composer.timeline", "Timeline per day"),
        _C("composer.totals_day", "Totals per day"),
        _C("composer.totals_module", "Totals per module"),
        _C("composer.warnings", "Warnings"),
        _C("composer.no_warnings", "No warnings: everything fits the days."),
        _C("composer.unsaved", "Unsaved changes."),
        _C("composer.revert", "Discard my changes"),
        _C("composer.new", "New curriculum"),
        _C("composer.new_id", "Id (e.g. core-2-day)"),
        _C("composer.create", "Create"),
        _C("composer.duplicate", "Duplicate as a starting point"),
        _C("composer.duplicate_id", "Id of the copy"),
        _C("composer.duplicate_go", "Duplicate"),
        _C("composer.delete", "Delete this curriculum"),
        _C("composer.delete_confirm", "I confirm deleting “{name}” (the history keeps its revisions)."),
        _C("composer.delete_go", "Delete for good"),
        _C("composer.deleted", "Curriculum “{name}” deleted."),
        _C("composer.created", "Curriculum “{name}” created."),
        _C("col.day", "Day"),
        _C("col.start", "Start"),
        _C("col.end", "End"),
        _C("col.session", "Session"),
        _C("col.activity", "Activity"),
        _C("col.method", "Method"),
        _C("col.minutes", "Minutes"),
        _C("col.module", "Module"),
        _C("col.sessions", "Sessions"),
        _C("col.activities", "Activities"),
        _C("col.pauses", "Breaks (min)"),
        _C("library.new", "New module"),
        _C("library.new_id", "Id (e.g. local-sharing)"),
        _C("library.create", "Create module"),
        _C("library.created", "Module “{name}” created."),
        _C("library.actions", "Duplicate or delete this module"),
        _C("library.duplicate_id", "Id of the copy"),
        _C("library.duplicate", "Duplicate module"),
        _C("library.delete_confirm", "I confirm deleting module “{name}” (the history keeps its revisions)."),
        _C("library.delete", "Delete module"),
        _C("library.deleted", "Module “{name}” deleted."),
        _C("library.impact", "Before you edit"),
        _C("library.used_by", "Used by curricula: {ids}"),
        _C("library.unused", "No curriculum uses this module."),
        _C("library.adapted_by", "Adapted by contexts: {items}"),
        _C("library.not_adapted", "No context adapts this module."),
        _C("library.adaptation_count", "{context} ({n}, {stale} to review)"),
        _C("library.session_actions", "Add, duplicate or delete a session"),
        _C("library.new_session_id", "Id of the new session"),
        _C("library.add_session", "Add session"),
        _C("library.duplicate_session", "Duplicate this session"),
        _C("library.delete_session_confirm", "I confirm deleting this session"),
        _C("library.delete_session", "Delete this session"),
        _C("library.activity_actions", "Order and structure of activities"),
        _C("library.new_activity_id", "Id of the new activity"),
        _C("library.add_activity", "Add activity"),
        _C("library.duplicate_activity", "Duplicate activity"),
        _C("library.delete_activity", "Delete activity"),
        _C("library.move_up", "Move activity up"),
        _C("library.move_down", "Move activity down"),
        _C("library.no_sessions", "This module has no session yet: add one."),
        _NC("library.comments", ":material/chat: {n} open review comment", ":material/chat: {n} open review comments"),
        _NC("library.gaps", "{n} missing translation in this module", "{n} missing translations in this module"),
        _C(
            "contexts.intro",
            "A context adapts the curriculum to a country without forking the modules: briefing, glossary, timing and adaptations.",
        ),
        _C("contexts.empty", "No context yet: create one below."),
        _C("contexts.pick", "Context"),
        _C("contexts.new", "New context"),
        _C("contexts.new_id", "Id (e.g. sahel-niger)"),
        _C("contexts.create", "Create context"),
        _C("contexts.created", "Context “{name}” created."),
        _NC("contexts.badge_stale", "{n} adaptation to review", "{n} adaptations to review"),
        _NC("contexts.badge_orphaned", "{n} orphaned adaptation", "{n} orphaned adaptations"),
        _C("contexts.badge_ok", "adaptations up to date"),
        _C("contexts.tab_settings", "Briefing, glossary, timing"),
        _C("contexts.tab_adaptations", "Adaptations"),
        _C("contexts.tab_compare", "Base vs adapted"),
        _C("contexts.name", "Name"),
        _C("contexts.briefing", "Facilitator briefing"),
        _C("contexts.glossary", "Glossary ({code})"),
        _C("contexts.term", "Term"),
        _C("contexts.replace", "Replaced by"),
        _C("contexts.factor", "Interpretation factor (1.0 = none)"),
        _C("contexts.day_start", "Day start (empty = the curriculum's)"),
        _C("contexts.day_end", "Day end (empty = the curriculum's)"),
        _C("contexts.protected", "Protected times (every day, or listed days)"),
        _C("contexts.bad_time", "Row {row} ignored: '{value}' is not an HH:MM time."),
        _C("contexts.filter", "Show adaptations"),
        _C("contexts.state.current", "current"),
        _C("contexts.state.stale", "stale (the base changed)"),
        _C("contexts.state.orphaned", "orphaned (target gone)"),
        _C("contexts.none_listed", "No adaptation in this state."),
        _C("contexts.col.kind", "Kind"),
        _C("contexts.col.target", "Target"),
        _C("contexts.col.base", "Written against"),
        _C("contexts.col.now", "Current revision"),
        _C("contexts.col.state", "State"),
        _C("contexts.review", "Adaptation to look at"),
        _C("contexts.then", "Base then (revision {revision})"),
        _C("contexts.now", "Base now (revision {revision})"),
        _C("contexts.no_history", "Revision {revision} was not kept: compare with the current base below."),
        _C("contexts.no_change", "No text difference on this item."),
        _C("contexts.mark_reviewed", "Mark reviewed (revision {revision})"),
        _C("contexts.reviewed", "Adaptation marked reviewed."),
        _C(
            "contexts.orphan_help",
            "The target no longer exists: re-attach the adaptation to an existing item or delete it.",
        ),
        _C("contexts.new_target", "New target (module/session/activity)"),
        _C("contexts.reattach", "Re-attach"),
        _C("contexts.remove_confirm", "I confirm deleting this adaptation"),
        _C("contexts.remove", "Delete adaptation"),
        _C("contexts.unknown_target", "Unknown target: {target}"),
        _C("contexts.compare_module", "Module"),
        _C("contexts.compare_item", "Item"),
        _C("contexts.base", "Base"),
        _C("contexts.adapted", "Adapted for this context"),
        _C("contexts.not_adapted", "This item is not adapted by this context."),
        _C("contexts.hidden", "This item is hidden in this context."),
        _C("pack.facilitator", "Facilitator pack"),
        _C("pack.participant", "Participant pack"),
        _C("pack.context", "Context"),
        _C("pack.language", "Language"),
        _C("pack.version", "Version"),
        _C("pack.version_value", "curriculum r{curriculum}, context r{context}"),
        _C("pack.date", "Date"),
        _C("pack.scope", "Scope"),
        _C("pack.scope_all", "whole curriculum"),
        _C("pack.scope_day", "day {day}"),
        _C("pack.scope_session", "session “{title}”"),
        _C("pack.page", "Page {page} of {pages}"),
        _C("pack.contents", "Contents"),
        _C("pack.overview", "Overview"),
        _C("pack.objectives", "Learning objectives"),
        _C("pack.audience", "Audience"),
        _C("pack.glance", "Agenda at a glance"),
        _C("pack.agenda", "Agenda"),
        _C("pack.time", "Time"),
        _C("pack.item", "Session / activity"),
        _C("pack.module", "Module"),
        _C("pack.plan", "Session plan"),
        _C("pack.materials", "Materials"),
        _C("pack.steps", "Steps"),
        _C("pack.notes", "Facilitator notes"),
        _C("pack.context_notes", "Context note"),
        _C("pack.debrief", "Debrief questions"),
        _C("pack.handouts_used", "Handouts used: {list}"),
        _C("pack.activity_line", "{method} · {grouping} · {minutes} min"),
        _C("pack.appendices", "Appendices"),
        _C("pack.handouts", "Participant handouts"),
        _C("pack.checklist", "Materials checklist"),
        _C("pack.used_in", "Used in"),
        _C("pack.ready", "Ready"),
        _C("pack.test", "Pre/post test"),
        _C("pack.test_key", "Pre/post test with answer key"),
        _C("pack.answer", "Answer: {answer}"),
        _C("pack.model_answer", "Model answer: {answer}"),
        _C("pack.objective", "Objective checked: {objective}"),
        _C("pack.open_lines", "Your answer:"),
        _C("pack.evaluation", "Evaluation form"),
        _C("pack.reaction", "Reaction (Kirkpatrick level 1)"),
        _C("pack.learning", "Learning (Kirkpatrick level 2)"),
        _C("pack.scale", "Tick one box: 1 = strongly disagree, 5 = strongly agree."),
        _C("pack.statement", "Statement"),
        _C(
            "pack.reaction_items",
            "The content was useful for my work.|The methods let me take an active part.|The pace and length were right.|Exchanges between professions were respectful and constructive.|The cases and examples fitted my context.",
        ),
        _C(
            "pack.learning_scale",
            "For each objective, rate yourself from 1 (low) to 5 (high), before and after the training.",
        ),
        _C("pack.before", "Before"),
        _C("pack.after", "After"),
        _C("pack.open_feedback", "What I will apply in my service:|What should be improved:"),
        _C("pack.attendance", "Attendance sheet"),
        _C("pack.name", "Name"),
        _C("pack.organisation", "Organisation"),
        _C("pack.role", "Role"),
        _C("pack.signature_day", "Day {day} signature"),
        _C("pack.briefing", "Context briefing"),
        _C("pack.glossary", "Context glossary"),
        _C("pack.term", "Curriculum term"),
        _C("pack.local_term", "Local term"),
        _C("pack.references", "References"),
        _C("pack.law_as_of", "state of the law as of {date}"),
        _C("pack.checked_on", "checked {date}"),
        _C("pack.day_time", "Day {day}, {start}–{end}"),
        _C("pack.no_glossary", "No substitutions for this context."),
        _C("bloom.remember", "remember"),
        _C("bloom.understand", "understand"),
        _C("bloom.apply", "apply"),
        _C("bloom.analyse", "analyse"),
        _C("bloom.evaluate", "evaluate"),
        _C("bloom.create", "create"),
        _C("grouping.plenary", "plenary"),
        _C("grouping.small-groups", "small groups"),
        _C("grouping.pairs", "pairs"),
        _C("grouping.individual", "individual"),
        _C("profile.judiciary", "judges"),
        _C("profile.prosecution", "prosecutors"),
        _C("profile.police", "police"),
        _C("profile.prison-probation", "prison and probation staff"),
        _C("profile.social-work", "social workers"),
        _C("profile.health", "health staff"),
        _C("profile.education", "education staff"),
        _C("profile.religious-leaders", "religious leaders"),
        _C("profile.civil-society", "civil society"),
        _C("profile.local-authorities", "local authorities"),
        _C("profile.families", "families"),
        _C("profile.policy-makers", "policy-makers"),
        _C(
            "export.intro",
            "Choose the curriculum, context, language and pack; the file is also written under exports/.",
        ),
        _C("export.empty", "No curriculum to export: compose one on the Composer page."),
        _C("export.curriculum", "Curriculum"),
        _C("export.context", "Context"),
        _C("export.lang", "Pack language"),
        _C("export.pack", "Pack"),
        _C("export.format", "Format"),
        _C("export.scope", "Scope"),
        _C("export.scope_all", "Whole curriculum"),
        _C("export.scope_day", "One day"),
        _C("export.scope_session", "One session"),
        _C("export.day", "Day"),
        _C("export.session", "Session"),
        _C("export.build", "Build the pack"),
        _C("export.building", "Building…"),
        _C("export.step", "{label} ready ({done}/{total})"),
        _C("export.done", "Pack ready: {path}"),
        _C("export.failed", "The pack could not be built: {error}"),
        _C("export.download", "Download {name}"),
        _C("export.preview", "Preview"),
        _C("export.preview_note", "Preview of the HTML version of the same pack (first pages)."),
        _C("export.warnings", "Agenda warnings"),
        _C("review.intro", "Read the draft and comment on any item; designers answer and decide."),
        _C("review.empty", "No curriculum to review yet."),
        _C("review.curriculum", "Curriculum"),
        _C("review.round", "Review round"),
        _C("review.no_round", "No round yet: open one below (or it opens with the first comment)."),
        _C("review.open_round", "Open a round"),
        _C("review.round_name", "Round name"),
        _C("review.round_default", "Round {n}"),
        _C("review.due", "Due date"),
        _C("review.open", "Open round"),
        _C("review.opened", "Round “{name}” opened on {date}."),
        _C("review.due_on", "due {date}"),
        _C("review.you", "You"),
        _C("review.name", "Your name"),
        _C("review.role", "Your role"),
        _C("review.read", "Read"),
        _C("review.comments_tab", "Comments"),
        _C("review.changes_tab", "What changed"),
        _NC("review.count", ":material/chat: {n} open", ":material/chat: {n} open"),
        _C("review.target", "Item to comment on"),
        _C("review.whole", "The curriculum as a whole"),
        _C("review.text", "Your comment (Markdown)"),
        _C("review.add", "Add comment"),
        _C("review.added", "Comment #{id} saved."),
        _C("review.need_identity", "Give your name and role first."),
        _C("review.filters", "Filter"),
        _C("review.status", "Status"),
        _C("review.module", "Module"),
        _C("review.author", "Author"),
        _C("review.all", "(all)"),
        _C("review.none", "No comment matches."),
        _C("review.on", "on {where}"),
        _C("review.removed", "on a removed item"),
        _C("review.on_removed", "on {where} — on a removed item"),
        _C("review.where_removed", "{where} (on a removed item)"),
        _C("review.reply_line", "↳ **{author}** ({role}): {text}"),
        _C("review.response_text", "Designers' response: {text}"),
        _C("review.reply", "Reply"),
        _C("review.reply_text", "Your reply"),
        _C("review.decision", "Designers' decision"),
        _C("review.response", "Designers' response"),
        _C("review.decide", "Save decision"),
        _C("review.decided", "Decision saved."),
        _C("review.done", "I have finished reviewing this round"),
        _C("review.done_saved", "Thank you: your review is marked finished."),
        _C("review.finished", "Finished reviewing: {names}"),
        _C("review.nobody", "Nobody has finished yet."),
        _C("review.matrix", "Comment matrix"),
        _C("review.page", "Page (of {pages})"),
        _C("review.matrix_prepare", "Prepare the matrix of round “{round}”"),
        _C("review.changes_prepare", "Prepare the export of the changes"),
        _C("review.matrix_csv", "Download the matrix (CSV)"),
        _C("review.matrix_xlsx", "Download the matrix (XLSX)"),
        _C("review.no_changes", "Nothing has changed since the round opened."),
        _C("review.changes_html", "Download the changes (HTML)"),
        _C("review.changes_pdf", "Download the changes (PDF)"),
        _C("review.changes_title", "What changed since “{round}”"),
        _C("change.added", "added"),
        _C("change.removed", "removed"),
        _C("change.moved", "moved"),
        _C("change.retimed", "re-timed"),
        _C("change.edited", "text edited"),
        _C("status.open", "open"),
        _C("status.accepted", "accepted"),
        _C("status.partly-accepted", "partly accepted"),
        _C("status.declined", "declined"),
        _C("status.resolved", "resolved"),
        _C("auth.title", "Sign in"),
        _C("auth.name", "User name"),
        _C("auth.password", "Password"),
        _C("auth.sign_in", "Sign in"),
        _C("auth.sign_out", "Sign out"),
        _C("auth.wrong", "Wrong user name or password."),
        _C("auth.needed", "This is a shared server: sign in in the sidebar to continue."),
        _C("auth.sso", "Sign in with my institution's account"),
        _C("auth.unknown_email", "This account has no access here: ask a designer to add you (users add … --email)."),
        _C("auth.signed_in", "Signed in: {name} ({role})"),
        _C("role.designer", "designer"),
        _C("role.facilitator", "facilitator"),
        _C("role.reviewer", "reviewer"),
        _C("library.import", "Import modules (from a colleague)"),
        _C("library.upload", "A module .yaml or a .zip of modules"),
        _C("library.on_clash", "If the id already exists"),
        _C("library.clash_refuse", "import nothing"),
        _C("library.clash_replace", "replace (history kept)"),
        _C("library.clash_rename", "import under another id"),
        _C("library.rename_to", "New id"),
        _C("library.import_go", "Import"),
        _C("library.imported", "Imported: {ids}"),
        _C("library.share", "Share modules"),
        _C("library.download_one", "Download this module (.zip)"),
        _C("library.prepare_all", "Prepare all modules"),
        _C("library.download_all", "Download all modules (.zip)"),
        _C("matrix.title", "Comment matrix — {round}"),
        _C("matrix.no", "No."),
        _C("matrix.location", "Location"),
        _C("matrix.comment", "Comment"),
        _C("matrix.reviewer", "Reviewer"),
        _C("matrix.status", "Status"),
        _C("matrix.response", "Response"),
        _C("export.comments", "Append the comment matrix of the review round"),
        _C("export.no_comments", "(no appendix)"),
        _C("wordcopy.title", "Review copy — {title}"),
        _C("wordcopy.round", "Review round: {round}"),
        _C("wordcopy.context", "Adapted to the context: {context}"),
        _C("wordcopy.due", "Please send your comments back by {date}."),
        _C("wordcopy.how", "How to review this document"),
        _C(
            "wordcopy.step_comment",
            "Select the words you want to react to and insert a comment (Review › New comment): it will be attached to the activity, session or module it sits in.",
        ),
        _C(
            "wordcopy.step_track",
            "To suggest other wording, turn on Track Changes (Review › Track Changes) and edit the text: each change becomes a suggestion the designers can accept.",
        ),
        _C(
            "wordcopy.step_keep",
            "Do not delete the headings or copy the text into another file: they are how your comments find their item again. You may reply to other comments.",
        ),
        _C("wordcopy.step_send", "Save as a Word document (.docx) and e-mail the file back to the designers."),
        _C("wordcopy.kind.module", "Module"),
        _C("wordcopy.kind.session", "Session"),
        _C("wordcopy.kind.handout", "Handout"),
        _C("wordcopy.field.summary", "Summary"),
        _C("wordcopy.field.instructions", "Instructions"),
        _C("wordcopy.field.facilitator_notes", "Facilitator notes"),
        _C("wordcopy.field.body", "Text"),
        _C("word.title", "Review in Word (copy by e-mail)"),
        _C(
            "word.intro",
            "Send the review copy to experts who do not sign in; import the files they send back: their comments, replies and tracked changes land on the items they are about.",
        ),
        _C("word.lang", "Language of the copy"),
        _C("word.context", "Context (glossary)"),
        _C("word.no_context", "(none)"),
        _C("word.prepare", "Prepare the review copy (.docx)"),
        _C("word.download", "Download the review copy"),
        _C("word.upload", "Copies sent back by reviewers (.docx, several at once)"),
        _C("word.import", "Import the comments"),
        _C(
            "word.imported",
            "{name}: new comments: {new}; replies: {replies}; suggested edits: {edits}; already imported: {skipped}.",
        ),
        _C("word.outside", "A comment anchored outside every item was put on the curriculum as a whole: “{text}”"),
        _C("word.by_headings", "{name}: the copy's marks were deleted; items were found by their headings."),
        _C("word.now", "Current wording"),
        _C("word.suggested", "Suggested wording"),
        _C("word.accept", "Accept this edit"),
        _C("word.accepted", "Edit applied: {module}, revision {revision}."),
        _C("theme.information-sharing", "information sharing"),
        _C("theme.risk-assessment", "risk assessment"),
        _C("theme.trust-building", "trust building"),
        _C("theme.sustainability", "sustainability"),
        _C("theme.monitoring-evaluation", "monitoring and evaluation"),
        _C("theme.custom", "other theme"),
        _C("handout_kind.case-study", "case study"),
        _C("handout_kind.checklist", "checklist"),
        _C("handout_kind.decision-tree", "decision tree"),
        _C("handout_kind.template", "template"),
        _C("handout_kind.reading", "reading"),
        _C("adaptation.replace", "text replaced"),
        _C("adaptation.minutes", "length changed"),
        _C("adaptation.hide", "item hidden"),
        _C("adaptation.note", "context note"),
        _C("adaptation.swap", "handout swapped"),
        _C("adaptation.addition", "activity added"),
        _C("field.id", "id"),
        _C("field.revision", "revision"),
        _C("field.title", "title"),
        _C("field.summary", "summary"),
        _C("field.sessions", "sessions"),
        _C("field.theme", "theme"),
        _C("field.objectives", "objectives"),
        _C("field.audience", "audience"),
        _C("field.prerequisites", "prerequisites"),
        _C("field.references", "references"),
        _C("field.handouts", "handouts"),
        _C("field.questions", "test questions"),
        _C("field.activities", "activities"),
        _C("field.method", "method"),
        _C("field.minutes", "length (min)"),
        _C("field.grouping", "grouping"),
        _C("field.instructions", "instructions"),
        _C("field.facilitator_notes", "facilitator notes"),
        _C("field.materials", "materials"),
        _C("field.debrief", "debrief"),
        _C("field.body", "text"),
        _C("field.kind", "kind"),
        _C("contexts.col.start", "Start (HH:MM)"),
        _C("contexts.col.end", "End (HH:MM)"),
        _C("contexts.col.days", "Days (empty = all; e.g. 1, 3)"),
        _C("matrix.round", "Round"),
        _C("matrix.excerpt", "Excerpt"),
        _C("matrix.role", "Role"),
        _C("contexts.changed", "adapted"),
        _C("review.whole_place", "the curriculum as a whole"),
        _C("status.details", "See every warning"),
        _C("review.with_due", "Set a due date"),
        _C(
            "app.crashed",
            "This page met an unexpected error ({kind}); nothing already saved is lost. Reload the page; if the error comes back, report it to the administrator with the time (the details are in the server log).",
        ),
        _C("status.file", "File"),
        _C("status.line", "Line"),
        _C("status.problem", "Warning and fix"),
        _NC("library.open_comments", "{n} open comment", "{n} open comments"),
        _NC(
            "review.limit",
            "At most {most} character (about three pages): share a longer text as a document.",
            "At most {most} characters (about three pages): share a longer text as a document.",
            count="most",
        ),
        _C("fit.summary", "Fit to {days} for {context}: {changes}."),
        _C("fit.nothing", "The programme already fits {days} for {context}: nothing to change."),
        _NC("fit.days", "{count} day", "{count} days", count="count"),
        _NC("fit.shorten", "shorten {count} activity", "shorten {count} activities", count="count"),
        _NC("fit.drop", "drop {count} optional one", "drop {count} optional ones", count="count"),
        _NC("fit.move", "{count} session moves to another day", "{count} sessions move to another day", count="count"),
        _NC(
            "fit.missing",
            "{minutes} min still missing ({days} days would be enough)",
            "{minutes} min still missing ({days} days would be enough)",
            count="minutes",
        ),
        _C("fit.title", "Fit to the days"),
        _C("fit.apply", "Apply as the context’s adaptations"),
        _NC(
            "fit.applied",
            "Fit saved in the {context} context ({count} adaptation).",
            "Fit saved in the {context} context ({count} adaptations).",
            count="count",
        ),
        _C("fit.no_context", "Pick a context for the preview: a fit is saved as a context’s adaptations."),
        _C(
            "fit.scope",
            "Adaptations apply to every curriculum run in the {context} context; the modules stay as they are.",
        ),
        _C("fit.unsaved_draft", "The fit is computed on the draft shown; save the curriculum too if you changed it."),
        _C("fit.kind.shorten", "shorten"),
        _C("fit.kind.drop", "drop"),
        _C("fit.kind.move", "move"),
        _C("fit.kind.missing", "missing"),
        _C("fit.col.change", "Change"),
        _C("fit.col.target", "Item"),
        _C("fit.col.before", "Before (min)"),
        _C("fit.col.after", "After (min)"),
        _C("agenda.continued", "(continued)"),
        _C("field.min_minutes", "shortest length (min)"),
        _C("field.optional", "optional"),
        _C("field.priority", "priority"),
        _C("priority.high", "high"),
        _C("priority.normal", "normal"),
        _C("priority.low", "low"),
        _C("pack.schedule_warnings", "Schedule warnings"),
        _C("pack.days_time", "Day {day}, {start} – day {last}, {end}"),
        _C("common.title_in", "Title ({language})"),
        _C("common.name_in", "Name ({language})"),
        _C("common.label_in", "Label ({language})"),
        _C("edit.copy_suffix", " (copy)"),
        _C("edit.new_activity", "New activity"),
        _C("edit.new_session", "New session"),
        _C("edit.first_session", "Session 1"),
        _C("common.languages_shown", "Languages shown"),
        _C("contexts.languages", "The context’s languages"),
        _C("contexts.fallback", "Fallback order (missing text)"),
        _C("contexts.default_language", "Default language"),
        _C("docx.toc_placeholder", "Right-click › Update field to show the contents."),
        _C("common.duration", "{minutes} min"),  # a length shown after a name: "Session 1 — 90 min"
    ]
)


def t(key: str, lang: str, **values) -> str:
    """The interface string `key` in `lang`, with `{name}` fields filled in (a plural entry
    chooses its form with the value its `count` names, `n` by default, and shows that number as
    `lang` writes numbers: "3 000 avertissements")."""
    source = STRINGS.get(key)
    if source is None:
        return key
    if isinstance(source, Plural) and isinstance(values.get(source.count), int):
        count = values[source.count]
        return translate(key, source, lang, {**values, source.count: number(count, lang)}, count=count)
    return translate(key, source, lang, values)


NOTICES: dict[str, Source] = {
    key.removeprefix("NOTICES."): text
    for key, text in [
        _NC(
            "NOTICES.overflow",
            "Day {day}: the programme overflows the end of the day by {minutes} min.",
            "Day {day}: the programme overflows the end of the day by {minutes} min.",
            count="minutes",
        ),
        _C(
            "NOTICES.break-skipped",
            "Day {day}: the {time} break is taken up by the activity “{activity}”, longer than the time between breaks.",
        ),
        _C("NOTICES.empty-day", "Day {day}: no activity on this day; remove a day or add sessions."),
        _NC(
            "NOTICES.idle",
            "Day {day}: {minutes} min with no activity ({times}); the next activity does not fit there.",
            "Day {day}: {minutes} min with no activity ({times}); the next activity does not fit there.",
            count="minutes",
        ),
        _C("NOTICES.missing-module", "Module '{module}' does not exist or is invalid: it is left out."),
        _C("NOTICES.missing-session", "Module '{module}' has no session '{session}': it is left out."),
        _C(
            "NOTICES.prerequisite-missing",
            "Module '{module}' builds on module '{prerequisite}', which this curriculum does not include.",
        ),
        _C("NOTICES.prerequisite-order", "Module '{module}' is placed before its prerequisite '{prerequisite}'."),
        _C("NOTICES.objective-uncovered", "Module '{module}': objective '{objective}' is not covered by any session."),
        _C(
            "NOTICES.objective-untested",
            "Module '{module}': objective '{objective}' is not checked by any test question.",
        ),
        _C(
            "NOTICES.audience",
            "Session '{module} › {session}' is aimed at {profiles}, profiles the curriculum does not target.",
        ),
        _C("NOTICES.presentation-share", "Day {day}: {share} of the time is presentation (more than half)."),
        _NC(
            "NOTICES.translation-gap",
            "Translation gap in {language}: {count} text shown in {used} ({examples}).",
            "Translation gap in {language}: {count} texts shown in {used} ({examples}).",
            count="count",
        ),
    ]
}


def notice_text(notice, lang: str) -> str:
    """A schedule or content notice as a sentence in `lang`."""
    source = NOTICES.get(notice.code)
    if source is None:
        return f"{notice.code}: {notice.values}"
    values = dict(notice.values)
    if "percent" in values:  # a share is written as the language writes percentages: 57%, 57 %
        values["share"] = percent(values["percent"] / 100, lang)
    return translate(f"NOTICES.{notice.code}", source, lang, values)


def texts(lang: str) -> dict[str, str]:
    """Every interface string (STRINGS and NOTICES, plural forms joined by a space) as `lang` has it:
    the English sources for "en", the catalog's translations otherwise. For checks and tests."""
    sources: dict[str, Source] = {**STRINGS, **{f"NOTICES.{code}": text for code, text in NOTICES.items()}}
    if lang == "en":
        return {key: " ".join(text) if isinstance(text, tuple) else text for key, text in sources.items()}
    found = catalogs.entries(lang)
    return {
        key: " ".join(found[key]) if isinstance(found[key], tuple) else found[key] for key in sources if key in found
    }


@lru_cache(maxsize=4096)  # a slider formats each of its hundred steps at every rerun
def decimal(value: float, lang: str, places: int = 2) -> str:
    """A number with `places` decimals as `lang` writes it: 1,15 in French, 1.15 in English."""
    return format_decimal(value, format="0." + "0" * places, locale=_locale(lang), numbering_system="default")


@lru_cache(maxsize=4096)
def number(value: float, lang: str) -> str:
    """A number as `lang` writes it: 3 000 (narrow no-break space) in French, 3,000 in English,
    the locale's own digits where CLDR says so."""
    return format_decimal(value, locale=_locale(lang), numbering_system="default")


def embedded(name: str, lang: str) -> str:
    """A name (a title, an id) as a line of `lang`'s interface places it beside other words: in a
    right-to-left language, isolated when it holds left-to-right letters (see _isolated), so
    "Titre — 90 د" does not read "د … Titre — 90"."""
    return _isolate_ltr(name) if _rtl(lang) else name


def listing(items, lang: str) -> str:
    """Names as `lang` lists them ("a, b et c", "a وb"); in a right-to-left language each
    left-to-right name is isolated, so the list still runs from the right."""
    shown = [_isolate_ltr(item) if _rtl(lang) else item for item in items]
    return format_list(shown, locale=_locale(lang)) if shown else ""


def percent(fraction: float, lang: str) -> str:
    """A share as `lang` writes it: 45 % in French, 45% in English."""
    return format_percent(fraction, locale=_locale(lang), numbering_system="default")


def long_date(day, lang: str) -> str:
    """25 novembre 2026 / November 25, 2026 / the locale's long date."""
    return format_date(day, format="long", locale=_locale(lang))


def _locale(lang: str) -> str:
    if lang == "en":
        return "en_GB"  # the interface's English is British: 25 November 2026, "programme"
    return babel_name(lang) if locale(lang) is not None else "en_GB"


def label(prefix: str, value: str, lang: str) -> str:
    """A value's label (method, grouping, profile, Bloom level), or the value itself."""
    key = f"{prefix}.{value}"
    return t(key, lang) if key in STRINGS else value


# Choice values are codes in YAML and on the command line; the interface and the packs show
# them by their names. The name of code C of kind K is the entry f"{K}.{C}";
# CHOICE_KINDS lists the kinds (tests/test_choices.py checks every code of the model has a
# name in every catalog). `label(kind, code, lang)` looks one up.
CHOICE_KINDS = (
    "method",
    "grouping",
    "profile",
    "theme",
    "bloom",
    "handout_kind",
    "adaptation",
    "contexts.state",
    "status",
    "change",
    "field",
    "priority",
)
