"""What validation says: `what` is wrong and how to `fix` it, in any interface language.

Findings and Problems carry a message code and its values; `text(code, values, lang)`
writes the sentence. English is the source (and what the command line prints); the
catalogs translate it (msgctxt `{code}.what` / `{code}.fix`, and `{TABLE}.{key}` for the
words below). A value may be a `Word` or a `Text`: it is written in the language asked
for. A `suggestion` value (the nearest known id) replaces the fix with "did you mean …?".
A counting message chooses its plural form with the value its `count` names (`count` unless
it says otherwise), see `i18n.Plural`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import languages
from .i18n import Plural, Source, t, translate
from .i18n import number as grouped_number
from .model import Text

NO_FIX = ""  # a message that needs no fix


@dataclass(frozen=True)
class Word:
    """A catalog entry used as a message value: its English source, written in any language."""

    key: str
    english: Source
    values: tuple = ()  # (name, value) pairs for its own placeholders

    def get(self, lang: str) -> str:
        if not self.english:
            return ""
        return translate(self.key, self.english, lang, {k: _written(v, lang) for k, v in self.values} or None)

    def __str__(self) -> str:
        return self.get("en")


def _C(key: str, english: str) -> Word:  # the marker Babel extracts
    return Word(key, english)


def _NC(key: str, singular: str, plural: str, count: str = "count") -> Word:  # the marker Babel extracts
    return Word(key, Plural(singular, plural, count))


# code -> (what, fix); {placeholders} are filled from the finding's values
MESSAGES: dict[str, tuple[Word, Word | str]] = {
    "too_large": (
        _C("too_large.what", "file is too large ({size} bytes, the limit is {limit})"),
        _C("too_large.fix", "split the content into several files or remove what does not belong"),
    ),
    "not_utf8": (
        _C("not_utf8.what", "not UTF-8 text (byte {byte})"),
        _C("not_utf8.fix", "save the file with UTF-8 encoding"),
    ),
    "yaml_alias": (
        _C("yaml_alias.what", "anchors and aliases (&name / *name) are not allowed"),
        _C("yaml_alias.fix", "write the value out in full instead of referring to an anchor"),
    ),
    "too_deep": (
        _C("too_deep.what", "nested too deeply (more than {limit} levels of lists and mappings)"),
        _C("too_deep.fix", "content needs far fewer levels: check the indentation and brackets around this line"),
    ),
    "duplicate_key": (
        _C("duplicate_key.what", "the key '{key}' is written twice in the same mapping"),
        _C("duplicate_key.fix", "keep one of them and remove the other"),
    ),
    "bad_yaml": (
        _C("bad_yaml.what", "malformed YAML: {detail}"),
        _C(
            "bad_yaml.fix",
            "check indentation and quoting on this line (quote text that contains ': ' or starts with a symbol)",
        ),
    ),
    "bad_yaml_file": (
        _C("bad_yaml_file.what", "malformed YAML: {detail}"),
        _C("bad_yaml_file.fix", "check the file's syntax"),
    ),
    "unreadable": (
        _C("unreadable.what", "cannot read the file ({reason})"),
        _C("unreadable.fix", "check its permissions"),
    ),
    "more_problems": (
        _NC("more_problems.what", "and {count} more problem in this file", "and {count} more problems in this file"),
        _C("more_problems.fix", "fix the ones listed, then validate again to see the rest"),
    ),
    "not_mapping": (
        _C("not_mapping.what", "expected a mapping of fields, found {found}"),
        _C("not_mapping.fix", "write `key: value` lines"),
    ),
    "unknown_field": (
        _C("unknown_field.what", "unknown field '{key}'"),
        _C("unknown_field.fix", "remove it; allowed fields are {allowed}"),
    ),
    "missing_field": (
        _C("missing_field.what", "missing required field"),
        _C("missing_field.fix", "add `{key}:` with a value"),
    ),
    "not_list": (
        _C("not_list.what", "expected a list, found {found}"),
        _C("not_list.fix", "write one `- item` line per entry, or `[a, b]`"),
    ),
    "duplicate_id": (
        _C("duplicate_id.what", "duplicate id '{id}'"),
        _C("duplicate_id.fix", "give each entry its own id"),
    ),
    "not_text_pair": (
        _C("not_text_pair.what", "expected a localised text, found {found}"),
        _C("not_text_pair.fix", 'write `{{fr: "…", en: "…"}}` (one entry per language)'),
    ),
    "not_text": (
        _C("not_text.what", "expected text, found {found}"),
        _C("not_text.fix", "write the text as a string"),
    ),
    "translation_gap": (
        _C("translation_gap.what", "translation gap: no {language} text"),
        _C("translation_gap.fix", "add `{lang}:` with the {language} text"),
    ),
    "not_whole_number": (
        _C("not_whole_number.what", "expected a whole number, found {found}"),
        _C("not_whole_number.fix", "write a whole number, e.g. `30`"),
    ),
    "wrong_type": (
        _C("wrong_type.what", "expected {expected}, found {found}"),
        _C("wrong_type.fix", "write {expected}"),
    ),
    "not_allowed": (
        _C("not_allowed.what", "'{value}' is not allowed"),
        _C("not_allowed.fix", "use one of: {choices}"),
    ),
    "bad_id": (
        _C("bad_id.what", "'{value}' is not a valid id"),
        _C(
            "bad_id.fix",
            "use Latin lower-case letters (a–z), digits and single hyphens only (no /, \\, .., spaces, accents "
            "or Arabic letters); a name in any language belongs in the title",
        ),
    ),
    "not_positive": (
        _C("not_positive.what", "{value} is not a positive whole number"),
        _C("not_positive.fix", "write a whole number above 0, e.g. `30`"),
    ),
    "bad_clock": (
        _C("bad_clock.what", "'{value}' is not a clock time"),
        _C("bad_clock.fix", 'write 24-hour time in quotes, e.g. "09:00"'),
    ),
    "above_limit": (
        _C("above_limit.what", "{value} is above the limit of {limit}"),
        _C("above_limit.fix", "write a whole number from 1 to {limit}"),
    ),
    "too_many_entries": (
        _NC("too_many_entries.what", "{count} entry, the limit is {limit}", "{count} entries, the limit is {limit}"),
        _C("too_many_entries.fix", "split the content into several records"),
    ),
    "text_too_long": (
        _C("text_too_long.what", "text of {length} characters, the limit is {limit}"),
        _C("text_too_long.fix", "shorten it or split it into several texts"),
    ),
    "typed_clock": (
        _C("typed_clock.what", "'{value}' is not a time of day"),
        _C("typed_clock.fix", "type hours and minutes, e.g. 08:30 or 8h30"),
    ),
    "bad_factor": (
        _C("bad_factor.what", "{value} is out of range"),
        _C("bad_factor.fix", "write a factor between 0.5 and 3 (1.0 means no interpretation)"),
    ),
    "bad_date": (
        _C("bad_date.what", "'{value}' is not a date"),
        _C("bad_date.fix", "write the date as YYYY-MM-DD, for example 2026-11-30"),
    ),
    "bad_target": (
        _C("bad_target.what", "'{value}' is not a target path"),
        _C("bad_target.fix", "write module[/session[/activity]], module/handout:ID or module/question:ID by ids"),
    ),
    "id_mismatch": (
        _C("id_mismatch.what", "id '{id}' does not match the file name '{file}'"),
        _C("id_mismatch.fix", "rename the file to {id}.yaml or set `id: {expected}`"),
    ),
    "no_activity": (
        _C("no_activity.what", "a session needs at least one activity"),
        _C("no_activity.fix", "add an activity"),
    ),
    "unknown_objective": (
        _C("unknown_objective.what", "unknown objective '{ref}'"),
        _C("unknown_objective.fix", "use an id from the module's objectives"),
    ),
    "unknown_handout": (
        _C("unknown_handout.what", "unknown handout '{ref}'"),
        _C("unknown_handout.fix", "use an id from the module's handouts"),
    ),
    "unknown_local_handout": (
        _C("unknown_local_handout.what", "unknown local handout '{ref}'"),
        _C("unknown_local_handout.fix", "add it under the context's `handouts:`"),
    ),
    "own_prerequisite": (
        _C("own_prerequisite.what", "a module cannot be its own prerequisite"),
        _C("own_prerequisite.fix", "remove its own id"),
    ),
    "choice_options": (
        _C("choice_options.what", "a choice question needs at least two options"),
        _C("choice_options.fix", "add `options:` with 2–5 entries"),
    ),
    "answer_range": (
        _C("answer_range.what", "answer must be the position of the correct option (0 to {last})"),
        _C("answer_range.fix", "set `answer:` to the 0-based index of the correct option"),
    ),
    "model_answer": (
        _C("model_answer.what", "an open question needs a model answer"),
        _C("model_answer.fix", "add `model_answer: {{fr: …, en: …}}`"),
    ),
    "default_language": (
        _C("default_language.what", "'{lang}' is not one of the context's languages"),
        _C("default_language.fix", "add it to `languages:` or pick one of them"),
    ),
    "override_needs": (
        _C("override_needs.what", "a '{kind}' override needs `{key}:`"),
        _C("override_needs.fix", "add `{key}:`"),
    ),
    "swap_handout": (
        _C("swap_handout.what", "a swap replaces a handout or a question"),
        _C("swap_handout.fix", "target `module/handout:ID` or `module/question:ID`"),
    ),
    "unknown_local_question": (
        _C("unknown_local_question.what", "unknown local question '{ref}'"),
        _C("unknown_local_question.fix", "add it under the context's `questions:`"),
    ),
    "recheck_due": (
        _C("recheck_due.what", "reference to re-check: its re-check date {recheck} has passed"),
        _C(
            "recheck_due.fix",
            "check the reference against its source, then set `checked:` to that day and `recheck:` to the next date",
        ),
    ),
    "recheck_order": (
        _C("recheck_order.what", "the re-check date {recheck} is not after the checked date {checked}"),
        _C("recheck_order.fix", "set `recheck:` after `checked:`"),
    ),
    "law_undated": (
        _C("law_undated.what", "a legal reference without `checked:` and `recheck:` dates"),
        _C("law_undated.fix", "add the day it was last checked and the day to check it again (YYYY-MM-DD)"),
    ),
    "right_is_longest": (
        _C(
            "right_is_longest.what",
            "in {count} of {total} choice questions the right option is the longest ({language})",
        ),
        _C(
            "right_is_longest.fix",
            "lengthen the wrong options or shorten the right one so that length gives nothing away",
        ),
    ),
    "answers_unbalanced": (
        _C(
            "answers_unbalanced.what",
            "right answers are unbalanced: option {position} is right in {count} of {total} choice questions",
        ),
        _C(
            "answers_unbalanced.fix",
            "move right answers to other positions so that each position is right about as often",
        ),
    ),
    "duplicate_option": (
        _C("duplicate_option.what", "options {first} and {second} say the same thing"),
        _C("duplicate_option.fix", "rewrite one of them or remove it"),
    ),
    "catch_all_option": (
        _C("catch_all_option.what", "'{option}' is a catch-all option (\"all of the above\")"),
        _C("catch_all_option.fix", "replace it with a plausible wrong answer, or make the question an open one"),
    ),
    "question_untaught": (
        _C("question_untaught.what", "the question checks objective '{objective}', which no session works on"),
        _C(
            "question_untaught.fix",
            "tie the question to an objective a session works on, or list '{objective}' in a session's objectives",
        ),
    ),
    "day_order": (
        _C("day_order.what", "the day ends before it starts"),
        _C("day_order.fix", "set day_end later than day_start"),
    ),
    "ends_before_start": (
        _C("ends_before_start.what", "ends before it starts"),
        _C("ends_before_start.fix", "set end later than start"),
    ),
    "pause_outside": (
        _C("pause_outside.what", "the pause at {start} is outside the day ({day_start}–{day_end})"),
        _C("pause_outside.fix", "move it inside the day"),
    ),
    "min_above_minutes": (
        _C("min_above_minutes.what", "min_minutes ({min_minutes}) is longer than minutes ({minutes})"),
        _C("min_above_minutes.fix", "set min_minutes to the shortest the activity still works in, at most {minutes}"),
    ),
    "pauses_overlap": (
        _C("pauses_overlap.what", "the pause at {start} overlaps the pause at {other} ({other_end})"),
        _C("pauses_overlap.fix", "move one of them or shorten the first so that they do not overlap"),
    ),
    "protected_outside": (
        _C("protected_outside.what", "the protected time {start}–{end} is outside the day ({day_start}–{day_end})"),
        _C("protected_outside.fix", "move it inside the day or change day_start / day_end"),
    ),
    "activity_too_long": (
        _C(
            "activity_too_long.what",
            "activity '{activity}' ({minutes} min) is longer than any half-day of this schedule (the longest is {longest} min), so it would run through lunch",
        ),
        _C(
            "activity_too_long.fix",
            "split the activity in module '{module}' into two, or lengthen the half-day (day_start, lunch, day_end)",
        ),
    ),
    "unknown_module": (
        _C("unknown_module.what", "unknown module '{ref}'"),
        _C("unknown_module.fix", "use the id of an existing module"),
    ),
    "prerequisite_cycle": (
        _C("prerequisite_cycle.what", "prerequisites go round in a circle: {cycle}"),
        _C("prerequisite_cycle.fix", "remove one of these prerequisites"),
    ),
    "unknown_item_module": (
        _C("unknown_item_module.what", "unknown module '{ref}'"),
        _C("unknown_item_module.fix", "use the id of an existing module, or remove the item"),
    ),
    "unknown_context": (
        _C("unknown_context.what", "unknown context '{ref}'"),
        _C("unknown_context.fix", "use the id of an existing context"),
    ),
    "unknown_session": (
        _C("unknown_session.what", "module '{module}' has no session '{ref}'"),
        _C("unknown_session.fix", "use one of: {choices}"),
    ),
    "orphaned": (
        _C("orphaned.what", "orphaned: {detail} no longer exists"),
        _C("orphaned.fix", "re-attach the adaptation to an existing item or delete it"),
    ),
    "stale": (
        _C(
            "stale.what",
            "stale adaptation in context '{context}': module '{module}' target '{target}' was written against revision {base}, the module is now at revision {current}",
        ),
        _C(
            "stale.fix",
            "review the adaptation against the current module and mark it reviewed (set base_revision to the current revision)",
        ),
    ),
    "no_such_session": (
        _C("no_such_session.what", "module '{module}' has no session '{session}'"),
        NO_FIX,
    ),
    "no_such_activity": (
        _C("no_such_activity.what", "session '{session}' has no activity '{activity}'"),
        NO_FIX,
    ),
    "row_unknown_activity": (
        _C("row_unknown_activity.what", "row {number}: unknown activity '{id}'"),
        NO_FIX,
    ),
    "row_minutes": (
        _C(
            "row_minutes.what",
            "row {number} ({title}): minutes must be a whole number above 0 and at most {most} (a full day), found '{value}'",
        ),
        _C("row_minutes.fix", "type e.g. 30; split a longer activity in two"),
    ),
    "row_min_minutes": (
        _C(
            "row_min_minutes.what",
            "row {number} ({title}): the shortest length must be a whole number of minutes from 0 (none) to the activity's {minutes}, found '{value}'",
        ),
        _C("row_min_minutes.fix", "type e.g. 20, or 0 if the activity cannot be shortened"),
    ),
    "row_priority": (
        _C("row_priority.what", "row {number} ({title}): unknown priority '{value}'"),
        _C("row_priority.fix", "choose high, normal or low"),
    ),
    "bad_new_id": (
        _C("bad_new_id.what", "'{id}' is not a valid {what} id"),
        _C("bad_new_id.fix", "use lower-case letters, digits and single hyphens"),
    ),
    "id_taken": (
        _C("id_taken.what", "a {what} with id '{id}' already exists"),
        _C("id_taken.fix", "choose another id"),
    ),
    "last_activity": (
        _C("last_activity.what", "a session needs at least one activity"),
        _C("last_activity.fix", "add another before deleting this one, or delete the session"),
    ),
    "bad_curriculum_id": (
        _C("bad_curriculum_id.what", "'{id}' is not a valid id"),
        _C("bad_curriculum_id.fix", "use lower-case letters, digits and single hyphens, e.g. core-2-day"),
    ),
    "round_needs_name": (
        _C("round_needs_name.what", "a round needs a name, e.g. 'Round 1 — Brussels'"),
        NO_FIX,
    ),
    "no_round": (
        _C("no_round.what", "no review round '{name}' for curriculum '{curriculum}'"),
        NO_FIX,
    ),
    "done_needs_name": (
        _C("done_needs_name.what", "say who has finished reviewing (a name)"),
        NO_FIX,
    ),
    "unknown_target": (
        _C("unknown_target.what", "unknown target '{target}': {missing} does not exist"),
        _C("unknown_target.fix", "use module[/session[/activity]] by ids"),
    ),
    "comment_needs_author": (
        _C("comment_needs_author.what", "a comment needs an author name"),
        NO_FIX,
    ),
    "comment_needs_role": (
        _C("comment_needs_role.what", "a comment needs the author's role ({examples})"),
        NO_FIX,
    ),
    "comment_empty": (
        _C("comment_empty.what", "the comment is empty"),
        _C("comment_empty.fix", "write what should change and why"),
    ),
    "comment_too_long": (
        _NC(
            "comment_too_long.what",
            "the text is {length} character long; a comment, reply or response holds at most {most}",
            "the text is {length} characters long; a comment, reply or response holds at most {most}",
            count="length",
        ),
        _C("comment_too_long.fix", "keep the essentials and share a longer text as a document"),
    ),
    "reply_incomplete": (
        _C("reply_incomplete.what", "a reply needs an author, a role and a text"),
        NO_FIX,
    ),
    "unknown_status": (
        _C("unknown_status.what", "unknown status '{status}': use one of {choices}"),
        NO_FIX,
    ),
    "no_comment": (
        _C("no_comment.what", "no comment {id}"),
        NO_FIX,
    ),
    "day_or_session": (
        _C("day_or_session.what", "choose either a day or a session, not both"),
        NO_FIX,
    ),
    "no_such_day": (
        _NC(
            "no_such_day.what",
            "day {day} does not exist: the programme has {days} day",
            "day {day} does not exist: the programme has {days} days",
            count="days",
        ),
        NO_FIX,
    ),
    "unknown_programme_session": (
        _C("unknown_programme_session.what", "unknown session '{session}' in this programme (known: {known})"),
        NO_FIX,
    ),
    "unknown_pack": (
        _C("unknown_pack.what", "unknown pack '{pack}': use facilitator or participant"),
        NO_FIX,
    ),
    "unknown_format": (
        _C("unknown_format.what", "unknown format '{format}': use one of {choices}"),
        NO_FIX,
    ),
    "cannot_write": (
        _C("cannot_write.what", "could not write {path} ({reason}); nothing was changed"),
        _C(
            "cannot_write.fix",
            "check that the folder exists and is writable and that the disk is not full, then try again",
        ),
    ),
    "review_store": (
        _C("review_store.what", "the review store {path} cannot be used ({reason}); nothing was changed"),
        _C(
            "review_store.fix",
            "check that the workspace folder is writable and that the disk is not full, then try again",
        ),
    ),
    "output_folder": (
        _C("output_folder.what", "cannot create the output folder {folder}: {reason}"),
        NO_FIX,
    ),
    "workspace_missing": (
        _C("workspace_missing.what", "workspace folder not found: {root}"),
        _C("workspace_missing.fix", "pass --workspace DIR or set CURRICULUM_WORKSPACE"),
    ),
    "unknown_record": (
        _C("unknown_record.what", "unknown {what} '{id}' (known: {known})"),
        NO_FIX,
    ),
    "unknown_kind": (
        _C("unknown_kind.what", "unknown kind '{kind}': use modules, contexts or curricula"),
        NO_FIX,
    ),
    "invalid_id": (
        _C("invalid_id.what", "'{id}' is not a valid id"),
        _C("invalid_id.fix", "use lower-case letters, digits and single hyphens only"),
    ),
    "wrong_record_type": (
        _C("wrong_record_type.what", "a {type} cannot be saved as {kind}"),
        NO_FIX,
    ),
    "save_problems": (
        _NC(
            "save_problems.what",
            "{file}: not saved, the content has {count} problem",
            "{file}: not saved, the content has {count} problems",
        ),
        NO_FIX,
    ),
    "conflict_exists": (
        _C("conflict_exists.what", "{file} already exists"),
        _C("conflict_exists.fix", "choose another id, or open the existing one to edit it"),
    ),
    "conflict_deleted": (
        _C("conflict_deleted.what", "{file} was deleted since you opened it (revision {loaded})"),
        _C("conflict_deleted.fix", "your text is kept; save it under a new id or restore the file"),
    ),
    "conflict_broken": (
        _C("conflict_broken.what", "{file} is currently broken on disk"),
        _C("conflict_broken.fix", "fix the file (see the workspace problems) and try again; your text is kept"),
    ),
    "conflict_changed": (
        _C(
            "conflict_changed.what",
            "{file} was changed by someone else since you opened it (you started from revision {loaded}, it is now at revision {current})",
        ),
        _C("conflict_changed.fix", "your text is kept: reload to see their version and apply your changes again"),
    ),
    "no_such_file": (
        _C("no_such_file.what", "{file} does not exist"),
        NO_FIX,
    ),
    "upload_too_large": (
        _C("upload_too_large.what", "{name}: the file is too large ({size} bytes, the limit is {limit})"),
        NO_FIX,
    ),
    "module_file_too_large": (
        _C("module_file_too_large.what", "{name}: a module file may not exceed {limit} bytes"),
        NO_FIX,
    ),
    "not_module_file": (
        _C("not_module_file.what", "{name}: not a module file"),
        _C("not_module_file.fix", "import a .yaml module or a .zip of modules"),
    ),
    "bad_zip": (
        _C("bad_zip.what", "{name}: not a valid ZIP file"),
        NO_FIX,
    ),
    "zip_too_many": (
        _C("zip_too_many.what", "{name}: too many files in the ZIP ({count}, the limit is {limit})"),
        NO_FIX,
    ),
    "zip_too_big": (
        _C("zip_too_big.what", "{name}: the ZIP unpacks to more than {limit} bytes"),
        _C("zip_too_big.fix", "refused"),
    ),
    "zip_entry_too_large": (
        _C("zip_entry_too_large.what", "{name}: {path} is larger than {limit} bytes"),
        NO_FIX,
    ),
    "zip_empty": (
        _C("zip_empty.what", "{name}: the ZIP holds no module file"),
        NO_FIX,
    ),
    "zip_unsafe_path": (
        _C("zip_unsafe_path.what", "{name}: unsafe path in the ZIP: '{path}' (absolute or going up with '..')"),
        _C("zip_unsafe_path.fix", "refused"),
    ),
    "zip_link": (
        _C("zip_link.what", "{name}: '{path}' is a link"),
        _C("zip_link.fix", "links are refused"),
    ),
    "zip_unexpected_file": (
        _C("zip_unexpected_file.what", "{name}: unexpected file '{path}'"),
        _C("zip_unexpected_file.fix", "the ZIP may hold module .yaml files only"),
    ),
    "zip_bomb": (
        _C("zip_bomb.what", "{name}: {path} is compressed suspiciously well (a ZIP bomb?)"),
        _C("zip_bomb.fix", "refused"),
    ),
    "zip_encrypted": (
        _C("zip_encrypted.what", "{name}: {path} is encrypted"),
        _C("zip_encrypted.fix", "export the ZIP again without a password"),
    ),
    "zip_compression": (
        _C("zip_compression.what", "{name}: {path} uses a compression method this app cannot read"),
        _C("zip_compression.fix", "make the ZIP again with the usual (Deflate) compression"),
    ),
    "zip_damaged": (
        _C("zip_damaged.what", "{name}: {path} is damaged (its content does not match its header)"),
        _C("zip_damaged.fix", "make the ZIP again from the original files"),
    ),
    "import_same_id": (
        _C("import_same_id.what", "the module id '{id}' comes twice in this import ({files})"),
        _C("import_same_id.fix", "keep one of the files; nothing was imported"),
    ),
    "import_file_name": (
        _C("import_file_name.what", "the file name must be the module id (lower-case letters, digits, hyphens)"),
        NO_FIX,
    ),
    "import_refused": (
        _NC("import_refused.what", "import refused: {count} problem", "import refused: {count} problems"),
        NO_FIX,
    ),
    "rename_one": (
        _C("rename_one.what", "--rename works for a single module; this import holds several"),
        NO_FIX,
    ),
    "bad_rename": (
        _C("bad_rename.what", "cannot rename to '{id}': use a new id made of lower-case letters, digits and hyphens"),
        NO_FIX,
    ),
    "import_clash": (
        _NC("import_clash.what", "module {ids} already exists", "modules {ids} already exist"),
        _NC(
            "import_clash.fix",
            "nothing imported; choose --replace to overwrite it (its history is kept) or --rename NEW_ID to import under another id",
            "nothing imported; choose --replace to overwrite them (their history is kept) or --rename NEW_ID to import under another id",
        ),
    ),
    "bad_users_file": (
        _C("bad_users_file.what", "{path}:{line}: the accounts file cannot be read ({detail})"),
        _C("bad_users_file.fix", "fix it, or add the accounts again with `users add`"),
    ),
    "account_gone": (
        _C("account_gone.what", "the account '{name}' no longer exists; nothing was changed"),
        _C("account_gone.fix", "sign in again with an existing account"),
    ),
    "sign_in_throttled": (
        _C("sign_in_throttled.what", "too many failed sign-ins for this account or from this address"),
        _NC(
            "sign_in_throttled.fix",
            "wait {seconds} second before trying again",
            "wait {seconds} seconds before trying again",
            count="seconds",
        ),
    ),
    "sign_in_first": (
        _C("sign_in_first.what", "sign in first: on a shared server, '{action}' needs an account"),
        NO_FIX,
    ),
    "not_allowed_role": (
        _C("not_allowed_role.what", "{name} ({role}) may not {action}: only {who} may"),
        NO_FIX,
    ),
    "bad_user_name": (
        _C("bad_user_name.what", "'{name}' is not a valid user name"),
        _C("bad_user_name.fix", "use lower-case letters, digits and hyphens, e.g. aminata-k"),
    ),
    "unknown_role": (
        _C("unknown_role.what", "unknown role '{role}': use one of {choices}"),
        NO_FIX,
    ),
    "short_password": (
        _C("short_password.what", "the password is too short"),
        _C("short_password.fix", "use at least 10 characters"),
    ),
    "user_exists": (
        _C("user_exists.what", "user '{name}' already exists"),
        _C("user_exists.fix", "remove it first to change it"),
    ),
    "no_user": (
        _C("no_user.what", "no user '{name}'"),
        NO_FIX,
    ),
    "not_review_docx": (
        _C("not_review_docx.what", "{name}: not a Word document (.docx)"),
        _C("not_review_docx.fix", "import the review copy as the reviewer saved it, in .docx"),
    ),
    "review_docx_broken": (
        _C("review_docx_broken.what", "{name}: the Word document cannot be read ({detail})"),
        _C("review_docx_broken.fix", "ask the reviewer to save it again as .docx"),
    ),
    "review_docx_macros": (
        _C("review_docx_macros.what", "{name}: the document contains macros"),
        _C(
            "review_docx_macros.fix", "refused; ask the reviewer to save it as a plain Word document (.docx, not .docm)"
        ),
    ),
    "review_docx_external": (
        _C("review_docx_external.what", "{name}: the document refers to an outside file or address ({target})"),
        _C("review_docx_external.fix", "refused; remove the link (or the attached template) and save the file again"),
    ),
    "review_docx_not_copy": (
        _C(
            "review_docx_not_copy.what",
            "{name}: not a review copy made by this application (its review properties are missing)",
        ),
        _C(
            "review_docx_not_copy.fix",
            "ask the reviewer to comment on the review copy sent to them, not on a copy of its text",
        ),
    ),
    "review_other_curriculum": (
        _C("review_other_curriculum.what", "{name}: this review copy is of curriculum '{found}', not '{curriculum}'"),
        _C("review_other_curriculum.fix", "import it into '{found}'"),
    ),
    "review_other_round": (
        _C("review_other_round.what", "{name}: this review copy is of round '{found}', not '{round}'"),
        _C("review_other_round.fix", "import it into round '{found}' (or do not name a round)"),
    ),
    "review_fingerprint": (
        _C(
            "review_fingerprint.what",
            "{name}: this review copy was made from another version of round '{round}' (its fingerprint differs)",
        ),
        _C("review_fingerprint.fix", "nothing imported; send the reviewer a new review copy of the round"),
    ),
    "not_suggested_edit": (
        _C("not_suggested_edit.what", "comment #{id} is not a suggested edit of a text field"),
        _C("not_suggested_edit.fix", "apply it by hand"),
    ),
    "suggestion_outdated": (
        _C("suggestion_outdated.what", "the text of '{target}' ({field}) has changed since the review copy was made"),
        _C("suggestion_outdated.fix", "not saved; apply the suggestion by hand, the comment stays open"),
    ),
    # --- languages (H1: settings.yaml, Text of any language) -------------------------------
    "not_language_code": (
        _C("not_language_code.what", "'{lang}' is not a language code"),
        _C(
            "not_language_code.fix",
            "write a language code such as `fr`, `en` or `ar` (ISO 639, optionally with a region: `ar-TN`)",
        ),
    ),
    "undeclared_language": (
        _C("undeclared_language.what", "language '{lang}' is not one of the workspace's languages ({declared})"),
        _C("undeclared_language.fix", "declare '{lang}' in settings.yaml or remove the text"),
    ),
    "duplicate_language": (
        _C("duplicate_language.what", "language '{lang}' is listed twice"),
        _C("duplicate_language.fix", "list each language once"),
    ),
    "unknown_lang_option": (
        _C("unknown_lang_option.what", "unknown language '{lang}'"),
        _C("unknown_lang_option.fix", "use one of the workspace's languages: {declared}"),
    ),
    # --- interface catalogs (catalogs.py) ---------------------------------------------
    "catalog_placeholder": (
        _C(
            "catalog_placeholder.what",
            "the translation of '{key}' has a placeholder its English text does not have, or an unpaired brace: {found}; "
            "the English text is shown instead",
        ),
        _C("catalog_placeholder.fix", "use the placeholders of the English text: {expected}"),
    ),
    "catalog_unreadable": (
        _C("catalog_unreadable.what", "the catalog cannot be read ({reason}); its language is shown in English"),
        _C("catalog_unreadable.fix", "save it as UTF-8 from Poedit or Weblate, or rebuild it from the template"),
    ),
}

# what a YAML value was, in words; nouns and verbs that refusals fill in
KINDS = {
    "bool": _C("KINDS.bool", "true/false"),
    "text": _C("KINDS.text", "text"),
    "list": _C("KINDS.list", "a list"),
    "mapping": _C("KINDS.mapping", "a mapping"),
    "nothing": _C("KINDS.nothing", "nothing"),
}

EXPECTED = {
    "text": _C("EXPECTED.text", "text"),
    "number": _C("EXPECTED.number", "a number"),
    "bool": _C("EXPECTED.bool", "true or false"),
}

RECORD_NAMES = {
    "modules": _C("RECORD_NAMES.modules", "module"),
    "contexts": _C("RECORD_NAMES.contexts", "context"),
    "curricula": _C("RECORD_NAMES.curricula", "curriculum"),
}

ID_OF = {
    "module": _C("ID_OF.module", "module"),
    "session": _C("ID_OF.session", "session"),
    "activity": _C("ID_OF.activity", "activity"),
    "context": _C("ID_OF.context", "context"),
}

ACTIONS = {
    "edit-content": _C("ACTIONS.edit-content", "edit content"),
    "decide-comment": _C("ACTIONS.decide-comment", "decide comment"),
    "open-round": _C("ACTIONS.open-round", "open round"),
    "comment": _C("ACTIONS.comment", "comment"),
    "reply": _C("ACTIONS.reply", "reply"),
    "done-reviewing": _C("ACTIONS.done-reviewing", "done reviewing"),
    "export": _C("ACTIONS.export", "export"),
    "import": _C("ACTIONS.import", "import"),
    "import-review": _C("ACTIONS.import-review", "import review"),
}

NONE = _C("NONE", "none")
ROLES_HINT = _C("ROLES_HINT", "e.g. reviewer, designer, prosecutor, social worker")
DID_YOU_MEAN = _C("DID_YOU_MEAN", "did you mean '{suggestion}'?")


@dataclass(frozen=True)
class Language:
    """A language's name as a message value: "arabe" in French, "Arabic" in English (CLDR)."""

    code: str

    def get(self, lang: str) -> str:
        return languages.name(self.code, lang)


class _LanguageNames(dict):
    def __missing__(self, code: str) -> Language:
        return Language(code)

    def get(self, code: str, default=None) -> Language:
        return self[code]


LANGUAGE_NAMES: dict[str, Language] = _LanguageNames()  # any code -> its name in any language


@dataclass(frozen=True)
class Number:
    """A number as a message value, grouped as each language writes it (2 097 152 / 2,097,152)."""

    value: float

    def get(self, lang: str) -> str:
        return grouped_number(self.value, lang)


@dataclass(frozen=True)
class English:
    """A value the command line shows as it is (a code, the CLI's words), translated elsewhere."""

    en: str
    other: Word

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.other.get(lang)


@dataclass(frozen=True)
class Roles:
    """Roles joined by commas: their codes in English, their names in other languages."""

    codes: tuple[str, ...]
    none: str = "nobody"

    def get(self, lang: str) -> str:
        if not self.codes:
            return self.none if lang == "en" else NONE.get(lang)
        if lang == "en":
            return ", ".join(self.codes)
        return ", ".join(t(f"role.{code}", lang) for code in self.codes)


def _written(value, lang: str):
    return value.get(lang) if isinstance(value, Word | Text | Language | Number | English | Roles) else value


def text(code: str, values: dict, lang: str = "en") -> tuple[str, str]:
    """(what, fix) of a message in `lang` (English where a catalog has no translation)."""
    what, fix = MESSAGES[code]
    filled = {key: _written(value, lang) for key, value in values.items()}
    if filled.get("suggestion"):
        fix = DID_YOU_MEAN
    return _filled(what, lang, filled, values), _filled(fix, lang, filled, values)


def _filled(word: Word | str, lang: str, filled: dict, values: dict) -> str:
    if not word:
        return ""
    count = values.get(word.english.count) if isinstance(word.english, Plural) else None
    return translate(word.key, word.english, lang, filled, count=count.value if isinstance(count, Number) else count)


NUMBER = _C("number", "the number {value}")


def number(value) -> Word:
    """A number found where something else was expected, as a message value."""
    return Word(NUMBER.key, NUMBER.english, (("value", value),))


def action(code: str, en: str) -> English:
    """An access action: `en` in English (the command line's wording), the catalog's words elsewhere."""
    return English(en, ACTIONS.get(code, Word(f"ACTIONS.{code}", code)))


def role_name(role: str) -> English:
    """A role: its code in English (the command line), the interface's name for it elsewhere."""
    return English(role, Word(f"role.{role}", role))


def roles(codes, none: str = "nobody") -> Roles:
    """Roles joined by commas (names, English codes), or "none" when empty."""
    return Roles(tuple(codes), none)


def size(number: int) -> Number:
    """A byte count grouped by thousands as each language writes it."""
    return Number(number)
