"""What validation says, in French and English: `what` is wrong and how to `fix` it.

Findings and Problems carry a message code and its values; `text(code, values, lang)`
writes the sentence. English is what the command line prints; the app shows the
interface's language. A value may be a `Text` (French and English, e.g. "une liste" /
"a list"): it is written in the language asked for. A `suggestion` value (the nearest
known id) replaces the fix with "did you mean …?".
"""

from __future__ import annotations

from .model import Text

# code -> language -> (what, fix); {placeholders} are filled from the finding's values
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --- reading a file (yamlfile.py, workspace.py) ----------------------------------------
    "too_large": {
        "en": (
            "file is too large ({size} bytes, the limit is {limit})",
            "split the content into several files or remove what does not belong",
        ),
        "fr": (
            "fichier trop volumineux ({size} octets, la limite est {limit})",
            "répartissez le contenu en plusieurs fichiers ou retirez ce qui n’y a pas sa place",
        ),
    },
    "not_utf8": {
        "en": ("not UTF-8 text (byte {byte})", "save the file with UTF-8 encoding"),
        "fr": ("texte qui n’est pas en UTF-8 (octet {byte})", "enregistrez le fichier en UTF-8"),
    },
    "yaml_alias": {
        "en": (
            "anchors and aliases (&name / *name) are not allowed",
            "write the value out in full instead of referring to an anchor",
        ),
        "fr": (
            "les ancres et alias (&nom / *nom) ne sont pas permis",
            "écrivez la valeur en entier au lieu de renvoyer à une ancre",
        ),
    },
    "too_deep": {
        "en": (
            "nested too deeply (more than {limit} levels of lists and mappings)",
            "content needs far fewer levels: check the indentation and brackets around this line",
        ),
        "fr": (
            "imbrication trop profonde (plus de {limit} niveaux de listes et de champs)",
            "le contenu en demande bien moins : vérifiez l’indentation et les crochets autour de cette ligne",
        ),
    },
    "duplicate_key": {
        "en": ("the key '{key}' is written twice in the same mapping", "keep one of them and remove the other"),
        "fr": ("la clé « {key} » figure deux fois dans la même liste de champs", "gardez-en une et supprimez l’autre"),
    },
    "bad_yaml": {
        "en": (
            "malformed YAML: {detail}",
            "check indentation and quoting on this line (quote text that contains ': ' or starts with a symbol)",
        ),
        "fr": (
            "YAML mal formé : {detail}",
            "vérifiez l’indentation et les guillemets de cette ligne (mettez entre guillemets un texte qui "
            "contient « : » ou commence par un symbole)",
        ),
    },
    "bad_yaml_file": {
        "en": ("malformed YAML: {detail}", "check the file's syntax"),
        "fr": ("YAML mal formé : {detail}", "vérifiez la syntaxe du fichier"),
    },
    "unreadable": {
        "en": ("cannot read the file ({reason})", "check its permissions"),
        "fr": ("impossible de lire le fichier ({reason})", "vérifiez ses droits d’accès"),
    },
    "more_problems": {
        "en": ("and {count} more problems in this file", "fix the ones listed, then validate again to see the rest"),
        "fr": (
            "et {count} autres problèmes dans ce fichier",
            "corrigez ceux de la liste, puis validez à nouveau pour voir les suivants",
        ),
    },
    # --- types and rules (records.py) -------------------------------------------------
    "not_mapping": {
        "en": ("expected a mapping of fields, found {found}", "write `key: value` lines"),
        "fr": (
            "des champs `clé: valeur` étaient attendus, trouvé : {found}",
            "écrivez une ligne `clé: valeur` par champ",
        ),
    },
    "unknown_field": {
        "en": ("unknown field '{key}'", "remove it; allowed fields are {allowed}"),
        "fr": ("champ inconnu « {key} »", "supprimez-le ; champs possibles : {allowed}"),
    },
    "missing_field": {
        "en": ("missing required field", "add `{key}:` with a value"),
        "fr": ("champ obligatoire manquant", "ajoutez `{key}:` avec une valeur"),
    },
    "not_list": {
        "en": ("expected a list, found {found}", "write one `- item` line per entry, or `[a, b]`"),
        "fr": ("une liste était attendue, trouvé : {found}", "écrivez une ligne `- élément` par entrée, ou `[a, b]`"),
    },
    "duplicate_id": {
        "en": ("duplicate id '{id}'", "give each entry its own id"),
        "fr": ("identifiant en double « {id} »", "donnez à chaque entrée son propre identifiant"),
    },
    "not_text_pair": {
        "en": ("expected a localised text, found {found}", 'write `{{fr: "…", en: "…"}}` (one entry per language)'),
        "fr": (
            "un texte bilingue était attendu, trouvé : {found}",
            'écrivez `{{fr: "…", en: "…"}}` (une entrée par langue)',
        ),
    },
    "unknown_language": {
        "en": ("unknown language '{lang}'", "use fr and en"),
        "fr": ("langue inconnue « {lang} »", "utilisez fr et en"),
    },
    "not_text": {
        "en": ("expected text, found {found}", "write the text as a string"),
        "fr": ("un texte était attendu, trouvé : {found}", "écrivez-le comme du texte, entre guillemets au besoin"),
    },
    "translation_gap": {
        "en": ("translation gap: no {language} text", "add `{lang}:` with the {language} text"),
        "fr": ("traduction manquante : pas de texte en {language}", "ajoutez `{lang}:` avec le texte en {language}"),
    },
    "not_whole_number": {
        "en": ("expected a whole number, found {found}", "write a whole number, e.g. `30`"),
        "fr": ("un nombre entier était attendu, trouvé : {found}", "écrivez un nombre entier, par exemple `30`"),
    },
    "wrong_type": {
        "en": ("expected {expected}, found {found}", "write {expected}"),
        "fr": ("attendu : {expected} ; trouvé : {found}", "écrivez {expected}"),
    },
    "not_allowed": {
        "en": ("'{value}' is not allowed", "use one of: {choices}"),
        "fr": ("« {value} » n’est pas une valeur possible", "utilisez l’une de celles-ci : {choices}"),
    },
    "bad_id": {
        "en": (
            "'{value}' is not a valid id",
            "use lower-case letters, digits and single hyphens only (no /, \\, .., spaces or accents)",
        ),
        "fr": (
            "« {value} » n’est pas un identifiant valide",
            "n’utilisez que des minuscules, des chiffres et des tirets simples (ni /, \\, .., ni espaces, ni accents)",
        ),
    },
    "not_positive": {
        "en": ("{value} is not a positive whole number", "write a whole number above 0, e.g. `30`"),
        "fr": (
            "{value} n’est pas un nombre entier positif",
            "écrivez un nombre entier supérieur à 0, par exemple `30`",
        ),
    },
    "bad_clock": {
        "en": ("'{value}' is not a clock time", 'write 24-hour time in quotes, e.g. "09:00"'),
        "fr": (
            "« {value} » n’est pas une heure",
            'écrivez l’heure sur 24 heures entre guillemets, par exemple "09:00"',
        ),
    },
    "above_limit": {
        "en": ("{value} is above the limit of {limit}", "write a whole number from 1 to {limit}"),
        "fr": ("{value} dépasse la limite de {limit}", "écrivez un nombre entier de 1 à {limit}"),
    },
    "too_many_entries": {
        "en": ("{count} entries, the limit is {limit}", "split the content into several records"),
        "fr": ("{count} entrées, la limite est de {limit}", "répartissez le contenu en plusieurs fiches"),
    },
    "text_too_long": {
        "en": ("text of {length} characters, the limit is {limit}", "shorten it or split it into several texts"),
        "fr": (
            "texte de {length} caractères, la limite est de {limit}",
            "raccourcissez-le ou scindez-le en plusieurs textes",
        ),
    },
    "typed_clock": {
        "en": ("'{value}' is not a time of day", "type hours and minutes, e.g. 08:30 or 8h30"),
        "fr": ("« {value} » n’est pas une heure", "tapez l’heure et les minutes, par exemple 08:30 ou 8h30"),
    },
    "bad_factor": {
        "en": ("{value} is out of range", "write a factor between 0.5 and 3 (1.0 means no interpretation)"),
        "fr": ("{value} est hors limites", "écrivez un facteur entre 0.5 et 3 (1.0 : pas d’interprétation)"),
    },
    "bad_date": {
        "en": ("'{value}' is not a date", "write the date as YYYY-MM-DD, for example 2026-11-30"),
        "fr": ("« {value} » n’est pas une date", "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-11-30"),
    },
    "bad_target": {
        "en": (
            "'{value}' is not a target path",
            "write module[/session[/activity]], module/handout:ID or module/question:ID by ids",
        ),
        "fr": (
            "« {value} » n’est pas un chemin de cible",
            "écrivez module[/séance[/activité]], module/handout:ID ou module/question:ID, avec les identifiants",
        ),
    },
    "id_mismatch": {
        "en": (
            "id '{id}' does not match the file name '{file}'",
            "rename the file to {id}.yaml or set `id: {expected}`",
        ),
        "fr": (
            "l’identifiant « {id} » ne correspond pas au nom du fichier « {file} »",
            "renommez le fichier en {id}.yaml ou écrivez `id: {expected}`",
        ),
    },
    # --- inside one record (validate.py) -------------------------------------------------
    "no_activity": {
        "en": ("a session needs at least one activity", "add an activity"),
        "fr": ("une séance doit compter au moins une activité", "ajoutez une activité"),
    },
    "unknown_objective": {
        "en": ("unknown objective '{ref}'", "use an id from the module's objectives"),
        "fr": ("objectif inconnu « {ref} »", "utilisez l’identifiant d’un des objectifs du module"),
    },
    "unknown_handout": {
        "en": ("unknown handout '{ref}'", "use an id from the module's handouts"),
        "fr": ("document inconnu « {ref} »", "utilisez l’identifiant d’un des documents du module"),
    },
    "unknown_local_handout": {
        "en": ("unknown local handout '{ref}'", "add it under the context's `handouts:`"),
        "fr": ("document local inconnu « {ref} »", "ajoutez-le sous `handouts:` dans le contexte"),
    },
    "own_prerequisite": {
        "en": ("a module cannot be its own prerequisite", "remove its own id"),
        "fr": ("un module ne peut pas être son propre prérequis", "retirez son propre identifiant"),
    },
    "choice_options": {
        "en": ("a choice question needs at least two options", "add `options:` with 2–5 entries"),
        "fr": ("une question à choix demande au moins deux options", "ajoutez `options:` avec 2 à 5 entrées"),
    },
    "answer_range": {
        "en": (
            "answer must be the position of the correct option (0 to {last})",
            "set `answer:` to the 0-based index of the correct option",
        ),
        "fr": (
            "la réponse doit être la position de la bonne option (de 0 à {last})",
            "donnez à `answer:` la position de la bonne option, en comptant à partir de 0",
        ),
    },
    "model_answer": {
        "en": ("an open question needs a model answer", "add `model_answer: {{fr: …, en: …}}`"),
        "fr": ("une question ouverte demande une réponse type", "ajoutez `model_answer: {{fr: …, en: …}}`"),
    },
    "default_language": {
        "en": ("'{lang}' is not one of the context's languages", "add it to `languages:` or pick one of them"),
        "fr": ("« {lang} » n’est pas une des langues du contexte", "ajoutez-la à `languages:` ou choisissez-en une"),
    },
    "override_needs": {
        "en": ("a '{kind}' override needs `{key}:`", "add `{key}:`"),
        "fr": ("une adaptation « {kind} » demande `{key}:`", "ajoutez `{key}:`"),
    },
    "swap_handout": {
        "en": ("a swap replaces a handout or a question", "target `module/handout:ID` or `module/question:ID`"),
        "fr": ("un échange remplace un document ou une question", "visez `module/handout:ID` ou `module/question:ID`"),
    },
    "unknown_local_question": {
        "en": ("unknown local question '{ref}'", "add it under the context's `questions:`"),
        "fr": ("question locale inconnue « {ref} »", "ajoutez-la sous `questions:` dans le contexte"),
    },
    "recheck_due": {
        "en": (
            "reference to re-check: its re-check date {recheck} has passed",
            "check the reference against its source, then set `checked:` to that day and `recheck:` to the next date",
        ),
        "fr": (
            "référence à revérifier : sa date de revérification ({recheck}) est passée",
            "vérifiez la référence à sa source, puis mettez ce jour dans `checked:` et la prochaine date dans `recheck:`",
        ),
    },
    "recheck_order": {
        "en": (
            "the re-check date {recheck} is not after the checked date {checked}",
            "set `recheck:` after `checked:`",
        ),
        "fr": (
            "la date de revérification ({recheck}) n’est pas après la date de vérification ({checked})",
            "mettez `recheck:` après `checked:`",
        ),
    },
    "law_undated": {
        "en": (
            "a legal reference without `checked:` and `recheck:` dates",
            "add the day it was last checked and the day to check it again (YYYY-MM-DD)",
        ),
        "fr": (
            "une référence juridique sans dates `checked:` et `recheck:`",
            "ajoutez le jour de sa dernière vérification et celui de la prochaine (AAAA-MM-JJ)",
        ),
    },
    # --- item writing (items.py): warnings on a module's test bank -------------------------
    "right_is_longest": {
        "en": (
            "in {count} of {total} choice questions the right option is the longest ({language})",
            "lengthen the wrong options or shorten the right one so that length gives nothing away",
        ),
        "fr": (
            "dans {count} questions à choix sur {total}, la bonne réponse est la plus longue ({language})",
            "étoffez les mauvaises réponses ou raccourcissez la bonne pour que la longueur ne trahisse rien",
        ),
    },
    "answers_unbalanced": {
        "en": (
            "right answers are unbalanced: option {position} is right in {count} of {total} choice questions",
            "move right answers to other positions so that each position is right about as often",
        ),
        "fr": (
            "bonnes réponses mal réparties : l’option {position} est la bonne dans {count} questions à choix sur {total}",
            "déplacez des bonnes réponses vers d’autres positions pour que chacune le soit à peu près aussi souvent",
        ),
    },
    "duplicate_option": {
        "en": ("options {first} and {second} say the same thing", "rewrite one of them or remove it"),
        "fr": ("les options {first} et {second} disent la même chose", "réécrivez l’une des deux ou supprimez-la"),
    },
    "catch_all_option": {
        "en": (
            "'{option}' is a catch-all option (\"all of the above\")",
            "replace it with a plausible wrong answer, or make the question an open one",
        ),
        "fr": (
            "« {option} » est une option fourre-tout (« toutes les réponses »)",
            "remplacez-la par une mauvaise réponse plausible, ou faites-en une question ouverte",
        ),
    },
    "question_untaught": {
        "en": (
            "the question checks objective '{objective}', which no session works on",
            "tie the question to an objective a session works on, or list '{objective}' in a session's objectives",
        ),
        "fr": (
            "la question vérifie l’objectif « {objective} », qu’aucune séance ne travaille",
            "rattachez la question à un objectif travaillé en séance, ou ajoutez « {objective} » aux objectifs d’une séance",
        ),
    },
    "day_order": {
        "en": ("the day ends before it starts", "set day_end later than day_start"),
        "fr": ("la journée finit avant de commencer", "mettez day_end après day_start"),
    },
    "ends_before_start": {
        "en": ("ends before it starts", "set end later than start"),
        "fr": ("finit avant de commencer", "mettez end après start"),
    },
    "pause_outside": {
        "en": ("the pause at {start} is outside the day ({day_start}–{day_end})", "move it inside the day"),
        "fr": ("la pause de {start} tombe hors de la journée ({day_start}–{day_end})", "placez-la dans la journée"),
    },
    "min_above_minutes": {
        "en": (
            "min_minutes ({min_minutes}) is longer than minutes ({minutes})",
            "set min_minutes to the shortest the activity still works in, at most {minutes}",
        ),
        "fr": (
            "min_minutes ({min_minutes}) dépasse minutes ({minutes})",
            "indiquez dans min_minutes la durée la plus courte qui fonctionne encore, au plus {minutes}",
        ),
    },
    "pauses_overlap": {
        "en": (
            "the pause at {start} overlaps the pause at {other} ({other_end})",
            "move one of them or shorten the first so that they do not overlap",
        ),
        "fr": (
            "la pause de {start} chevauche celle de {other} (jusqu’à {other_end})",
            "déplacez l’une d’elles ou raccourcissez la première pour qu’elles ne se chevauchent pas",
        ),
    },
    "protected_outside": {
        "en": (
            "the protected time {start}–{end} is outside the day ({day_start}–{day_end})",
            "move it inside the day or change day_start / day_end",
        ),
        "fr": (
            "le temps réservé {start}–{end} tombe hors de la journée ({day_start}–{day_end})",
            "placez-le dans la journée ou modifiez day_start / day_end",
        ),
    },
    # --- between files (validate.check_workspace) ----------------------------------------
    "activity_too_long": {
        "en": (
            "activity '{activity}' ({minutes} min) is longer than any half-day of this schedule (the longest "
            "is {longest} min), so it would run through lunch",
            "split the activity in module '{module}' into two, or lengthen the half-day (day_start, lunch, day_end)",
        ),
        "fr": (
            "l’activité « {activity} » ({minutes} min) dépasse toute demi-journée de ce programme (la plus longue "
            "fait {longest} min) : elle empiéterait sur le déjeuner",
            "scindez l’activité en deux dans le module « {module} », ou allongez la demi-journée (day_start, "
            "lunch, day_end)",
        ),
    },
    "unknown_module": {
        "en": ("unknown module '{ref}'", "use the id of an existing module"),
        "fr": ("module inconnu « {ref} »", "utilisez l’identifiant d’un module existant"),
    },
    "prerequisite_cycle": {
        "en": ("prerequisites go round in a circle: {cycle}", "remove one of these prerequisites"),
        "fr": ("les prérequis tournent en rond : {cycle}", "retirez l’un de ces prérequis"),
    },
    "unknown_item_module": {
        "en": ("unknown module '{ref}'", "use the id of an existing module, or remove the item"),
        "fr": ("module inconnu « {ref} »", "utilisez l’identifiant d’un module existant, ou retirez l’élément"),
    },
    "unknown_context": {
        "en": ("unknown context '{ref}'", "use the id of an existing context"),
        "fr": ("contexte inconnu « {ref} »", "utilisez l’identifiant d’un contexte existant"),
    },
    "unknown_session": {
        "en": ("module '{module}' has no session '{ref}'", "use one of: {choices}"),
        "fr": ("le module « {module} » n’a pas de séance « {ref} »", "utilisez l’une de celles-ci : {choices}"),
    },
    "orphaned": {
        "en": ("orphaned: {detail} no longer exists", "re-attach the adaptation to an existing item or delete it"),
        "fr": (
            "adaptation orpheline : {detail} n’existe plus",
            "rattachez l’adaptation à un élément existant ou supprimez-la",
        ),
    },
    "stale": {
        "en": (
            "stale adaptation in context '{context}': module '{module}' target '{target}' was written against "
            "revision {base}, the module is now at revision {current}",
            "review the adaptation against the current module and mark it reviewed "
            "(set base_revision to the current revision)",
        ),
        "fr": (
            "adaptation à revoir (stale) dans le contexte « {context} » : la cible « {target} » du module "
            "« {module} » a été adaptée à la révision {base}, le module en est à la révision {current}",
            "relisez l’adaptation face au module actuel et marquez-la revue (base_revision prend la révision actuelle)",
        ),
    },
    # --- refused actions (edit, review, import, export, accounts) ---------------------------
    # ContentError.coded(code, **values): the English sentence is the error's message (the
    # command line prints it); a page shows it in the interface's language.
    # edit.py, compose.py
    "no_such_session": {
        "en": ("module '{module}' has no session '{session}'", ""),
        "fr": ("le module « {module} » n’a pas de séance « {session} »", ""),
    },
    "no_such_activity": {
        "en": ("session '{session}' has no activity '{activity}'", ""),
        "fr": ("la séance « {session} » n’a pas d’activité « {activity} »", ""),
    },
    "row_unknown_activity": {
        "en": ("row {number}: unknown activity '{id}'", ""),
        "fr": ("ligne {number} : activité inconnue « {id} »", ""),
    },
    "row_minutes": {
        "en": (
            "row {number} ({title}): minutes must be a whole number above 0 and at most {most} (a full day), "
            "found '{value}'",
            "type e.g. 30; split a longer activity in two",
        ),
        "fr": (
            "ligne {number} ({title}) : la durée en minutes doit être un nombre entier supérieur à 0 et d’au plus "
            "{most} (une journée entière), trouvé : « {value} »",
            "tapez par exemple 30 ; coupez en deux une activité plus longue",
        ),
    },
    "row_min_minutes": {
        "en": (
            "row {number} ({title}): the shortest length must be a whole number of minutes from 0 (none) "
            "to the activity's {minutes}, found '{value}'",
            "type e.g. 20, or 0 if the activity cannot be shortened",
        ),
        "fr": (
            "ligne {number} ({title}) : la durée minimale doit être un nombre entier de minutes de 0 (aucune) "
            "à la durée de l’activité, {minutes}, trouvé : « {value} »",
            "tapez par exemple 20, ou 0 si l’activité ne peut pas être raccourcie",
        ),
    },
    "row_priority": {
        "en": ("row {number} ({title}): unknown priority '{value}'", "choose high, normal or low"),
        "fr": ("ligne {number} ({title}) : priorité inconnue « {value} »", "choisissez haute, normale ou basse"),
    },
    "bad_new_id": {
        "en": ("'{id}' is not a valid {what} id", "use lower-case letters, digits and single hyphens"),
        "fr": (
            "« {id} » n’est pas un identifiant {what} valide",
            "n’utilisez que des minuscules, des chiffres et des tirets simples",
        ),
    },
    "id_taken": {
        "en": ("a {what} with id '{id}' already exists", "choose another id"),
        "fr": ("l’identifiant {what} « {id} » est déjà pris", "choisissez-en un autre"),
    },
    "last_activity": {
        "en": (
            "a session needs at least one activity",
            "add another before deleting this one, or delete the session",
        ),
        "fr": (
            "une séance doit compter au moins une activité",
            "ajoutez-en une autre avant de supprimer celle-ci, ou supprimez la séance",
        ),
    },
    "bad_curriculum_id": {
        "en": ("'{id}' is not a valid id", "use lower-case letters, digits and single hyphens, e.g. core-2-day"),
        "fr": (
            "« {id} » n’est pas un identifiant valide",
            "n’utilisez que des minuscules, des chiffres et des tirets simples, par exemple socle-2-jours",
        ),
    },
    # review.py
    "round_needs_name": {
        "en": ("a round needs a name, e.g. 'Round 1 — Brussels'", ""),
        "fr": ("un cycle de relecture doit porter un nom, par exemple « Cycle 1 — Bruxelles »", ""),
    },
    "no_round": {
        "en": ("no review round '{name}' for curriculum '{curriculum}'", ""),
        "fr": ("le curriculum « {curriculum} » n’a pas de cycle de relecture « {name} »", ""),
    },
    "done_needs_name": {
        "en": ("say who has finished reviewing (a name)", ""),
        "fr": ("indiquez qui a terminé sa relecture (un nom)", ""),
    },
    "unknown_target": {
        "en": ("unknown target '{target}': {missing} does not exist", "use module[/session[/activity]] by ids"),
        "fr": (
            "élément inconnu « {target} » : {missing} n’existe pas",
            "indiquez module[/séance[/activité]] avec les identifiants",
        ),
    },
    "comment_needs_author": {
        "en": ("a comment needs an author name", ""),
        "fr": ("un commentaire doit porter le nom de son auteur", ""),
    },
    "comment_needs_role": {
        "en": ("a comment needs the author's role ({examples})", ""),
        "fr": ("un commentaire doit indiquer la fonction de son auteur ({examples})", ""),
    },
    "comment_empty": {
        "en": ("the comment is empty", "write what should change and why"),
        "fr": ("le commentaire est vide", "écrivez ce qui devrait changer, et pourquoi"),
    },
    "comment_too_long": {
        "en": (
            "the text is {length} characters long; a comment, reply or response holds at most {most}",
            "keep the essentials and share a longer text as a document",
        ),
        "fr": (
            "le texte fait {length} caractères ; un commentaire, une réponse ou une décision en compte au plus {most}",
            "gardez l’essentiel et partagez un texte plus long comme document",
        ),
    },
    "reply_incomplete": {
        "en": ("a reply needs an author, a role and a text", ""),
        "fr": ("une réponse doit indiquer son auteur, sa fonction et un texte", ""),
    },
    "unknown_status": {
        "en": ("unknown status '{status}': use one of {choices}", ""),
        "fr": ("statut inconnu « {status} » ; statuts possibles : {choices}", ""),
    },
    "no_comment": {
        "en": ("no comment {id}", ""),
        "fr": ("il n’y a pas de commentaire n° {id}", ""),
    },
    # export/pack.py, export/formats.py, resolve.py
    "day_or_session": {
        "en": ("choose either a day or a session, not both", ""),
        "fr": ("choisissez soit un jour, soit une séance, pas les deux", ""),
    },
    "no_such_day": {
        "en": ("day {day} does not exist: the programme has {days} day(s)", ""),
        "fr": ("le jour {day} n’existe pas : le programme compte {days} jour(s)", ""),
    },
    "unknown_programme_session": {
        "en": ("unknown session '{session}' in this programme (known: {known})", ""),
        "fr": ("séance inconnue « {session} » dans ce programme (séances existantes : {known})", ""),
    },
    "unknown_pack": {
        "en": ("unknown pack '{pack}': use facilitator or participant", ""),
        "fr": ("dossier inconnu « {pack} » : utilisez facilitator (animateur) ou participant", ""),
    },
    "unknown_format": {
        "en": ("unknown format '{format}': use one of {choices}", ""),
        "fr": ("format inconnu « {format} » ; formats possibles : {choices}", ""),
    },
    "cannot_write": {
        "en": (
            "could not write {path} ({reason}); nothing was changed",
            "check that the folder exists and is writable and that the disk is not full, then try again",
        ),
        "fr": (
            "impossible d’écrire {path} ({reason}) ; rien n’a été modifié",
            "vérifiez que le dossier existe, qu’il est accessible en écriture et que le disque n’est pas plein, "
            "puis réessayez",
        ),
    },
    "review_store": {
        "en": (
            "the review store {path} cannot be used ({reason}); nothing was changed",
            "check that the workspace folder is writable and that the disk is not full, then try again",
        ),
        "fr": (
            "le registre des relectures {path} est inutilisable ({reason}) ; rien n’a été modifié",
            "vérifiez que le dossier de l’espace de travail est accessible en écriture et que le disque n’est "
            "pas plein, puis réessayez",
        ),
    },
    "output_folder": {
        "en": ("cannot create the output folder {folder}: {reason}", ""),
        "fr": ("impossible de créer le dossier de sortie {folder} : {reason}", ""),
    },
    "programme_language": {
        "en": ("unknown language '{lang}': use fr or en", ""),
        "fr": ("langue inconnue « {lang} » : utilisez fr ou en", ""),
    },
    # workspace.py
    "workspace_missing": {
        "en": ("workspace folder not found: {root}", "pass --workspace DIR or set CURRICULUM_WORKSPACE"),
        "fr": (
            "dossier de l’espace de travail introuvable : {root}",
            "indiquez --workspace DOSSIER ou définissez la variable CURRICULUM_WORKSPACE",
        ),
    },
    "unknown_record": {
        "en": ("unknown {what} '{id}' (known: {known})", ""),
        "fr": ("{what} inconnu « {id} » (existants : {known})", ""),
    },
    "unknown_kind": {
        "en": ("unknown kind '{kind}': use modules, contexts or curricula", ""),
        "fr": ("type inconnu « {kind} » : utilisez modules, contexts ou curricula", ""),
    },
    "invalid_id": {
        "en": ("'{id}' is not a valid id", "use lower-case letters, digits and single hyphens only"),
        "fr": (
            "« {id} » n’est pas un identifiant valide",
            "n’utilisez que des minuscules, des chiffres et des tirets simples",
        ),
    },
    "wrong_record_type": {
        "en": ("a {type} cannot be saved as {kind}", ""),
        "fr": ("un objet {type} ne peut pas être enregistré dans {kind}", ""),
    },
    "save_problems": {
        "en": ("{file}: not saved, the content has {count} problem(s)", ""),
        "fr": ("{file} : non enregistré, le contenu présente {count} problème(s)", ""),
    },
    "conflict_exists": {
        "en": ("{file} already exists", "choose another id, or open the existing one to edit it"),
        "fr": ("{file} existe déjà", "choisissez un autre identifiant, ou ouvrez le fichier existant pour le modifier"),
    },
    "conflict_deleted": {
        "en": (
            "{file} was deleted since you opened it (revision {loaded})",
            "your text is kept; save it under a new id or restore the file",
        ),
        "fr": (
            "{file} a été supprimé depuis que vous l’avez ouvert (révision {loaded})",
            "votre texte est conservé ; enregistrez-le sous un nouvel identifiant ou restaurez le fichier",
        ),
    },
    "conflict_broken": {
        "en": (
            "{file} is currently broken on disk",
            "fix the file (see the workspace problems) and try again; your text is kept",
        ),
        "fr": (
            "{file} est actuellement endommagé sur le disque",
            "corrigez le fichier (voir les problèmes de l’espace de travail) et réessayez ; votre texte est conservé",
        ),
    },
    "conflict_changed": {
        "en": (
            "{file} was changed by someone else since you opened it (you started from revision {loaded}, "
            "it is now at revision {current})",
            "your text is kept: reload to see their version and apply your changes again",
        ),
        "fr": (
            "{file} a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert (vous aviez ouvert la "
            "révision {loaded}, le fichier en est à la révision {current})",
            "votre texte est conservé : rechargez pour voir l’autre version, puis refaites vos modifications",
        ),
    },
    "no_such_file": {
        "en": ("{file} does not exist", ""),
        "fr": ("{file} n’existe pas", ""),
    },
    # imports.py ({name} is the uploaded file; sizes come grouped by thousands, see `size`)
    "upload_too_large": {
        "en": ("{name}: the file is too large ({size} bytes, the limit is {limit})", ""),
        "fr": ("{name} : le fichier est trop volumineux ({size} octets, la limite est {limit})", ""),
    },
    "module_file_too_large": {
        "en": ("{name}: a module file may not exceed {limit} bytes", ""),
        "fr": ("{name} : un fichier de module ne peut pas dépasser {limit} octets", ""),
    },
    "not_module_file": {
        "en": ("{name}: not a module file", "import a .yaml module or a .zip of modules"),
        "fr": ("{name} : ce n’est pas un fichier de module", "importez un module .yaml ou un .zip de modules"),
    },
    "bad_zip": {
        "en": ("{name}: not a valid ZIP file", ""),
        "fr": ("{name} : ce n’est pas un fichier ZIP valide", ""),
    },
    "zip_too_many": {
        "en": ("{name}: too many files in the ZIP ({count}, the limit is {limit})", ""),
        "fr": ("{name} : le ZIP contient trop de fichiers ({count}, la limite est {limit})", ""),
    },
    "zip_too_big": {
        "en": ("{name}: the ZIP unpacks to more than {limit} bytes", "refused"),
        "fr": ("{name} : une fois décompressé, le ZIP dépasse {limit} octets", "refusé"),
    },
    "zip_entry_too_large": {
        "en": ("{name}: {path} is larger than {limit} bytes", ""),
        "fr": ("{name} : {path} dépasse {limit} octets", ""),
    },
    "zip_empty": {
        "en": ("{name}: the ZIP holds no module file", ""),
        "fr": ("{name} : le ZIP ne contient aucun fichier de module", ""),
    },
    "zip_unsafe_path": {
        "en": ("{name}: unsafe path in the ZIP: '{path}' (absolute or going up with '..')", "refused"),
        "fr": ("{name} : chemin dangereux dans le ZIP : « {path} » (absolu ou remontant avec « .. »)", "refusé"),
    },
    "zip_link": {
        "en": ("{name}: '{path}' is a link", "links are refused"),
        "fr": ("{name} : « {path} » est un lien", "les liens sont refusés"),
    },
    "zip_unexpected_file": {
        "en": ("{name}: unexpected file '{path}'", "the ZIP may hold module .yaml files only"),
        "fr": ("{name} : fichier inattendu « {path} »", "le ZIP ne peut contenir que des modules .yaml"),
    },
    "zip_bomb": {
        "en": ("{name}: {path} is compressed suspiciously well (a ZIP bomb?)", "refused"),
        "fr": ("{name} : {path} est compressé de façon suspecte (une bombe ZIP ?)", "refusé"),
    },
    "zip_encrypted": {
        "en": ("{name}: {path} is encrypted", "export the ZIP again without a password"),
        "fr": ("{name} : {path} est chiffré", "refaites le ZIP sans mot de passe"),
    },
    "zip_compression": {
        "en": (
            "{name}: {path} uses a compression method this app cannot read",
            "make the ZIP again with the usual (Deflate) compression",
        ),
        "fr": (
            "{name} : {path} utilise une compression que l’application ne sait pas lire",
            "refaites le ZIP avec la compression habituelle (Deflate)",
        ),
    },
    "zip_damaged": {
        "en": (
            "{name}: {path} is damaged (its content does not match its header)",
            "make the ZIP again from the original files",
        ),
        "fr": (
            "{name} : {path} est endommagé (son contenu ne correspond pas à son en-tête)",
            "refaites le ZIP à partir des fichiers d’origine",
        ),
    },
    "import_same_id": {
        "en": (
            "the module id '{id}' comes twice in this import ({files})",
            "keep one of the files; nothing was imported",
        ),
        "fr": (
            "l’identifiant de module « {id} » figure deux fois dans cet import ({files})",
            "gardez un seul des fichiers ; rien n’a été importé",
        ),
    },
    "import_file_name": {
        "en": ("the file name must be the module id (lower-case letters, digits, hyphens)", ""),
        "fr": (
            "le nom du fichier doit être l’identifiant du module (minuscules, chiffres, tirets)",
            "",
        ),
    },
    "import_refused": {
        "en": ("import refused: {count} problem(s)", ""),
        "fr": ("importation refusée : {count} problème(s)", ""),
    },
    "rename_one": {
        "en": ("--rename works for a single module; this import holds several", ""),
        "fr": ("le renommage ne vaut que pour un seul module ; cette importation en contient plusieurs", ""),
    },
    "bad_rename": {
        "en": ("cannot rename to '{id}': use a new id made of lower-case letters, digits and hyphens", ""),
        "fr": (
            "impossible de renommer en « {id} » : choisissez un identifiant nouveau, fait de minuscules, "
            "de chiffres et de tirets",
            "",
        ),
    },
    "import_clash": {
        "en": (
            "module(s) {ids} already exist",
            "nothing imported; choose --replace to overwrite them (their history is kept) "
            "or --rename NEW_ID to import under another id",
        ),
        "fr": (
            "ces modules existent déjà : {ids}",
            "rien n’a été importé ; choisissez de les remplacer (leur historique est conservé, --replace) "
            "ou d’importer sous un autre identifiant (--rename NOUVEL_ID)",
        ),
    },
    # access.py ({action} and {who} are words of the interface's language, see `action`)
    "bad_users_file": {
        "en": (
            "{path}:{line}: the accounts file cannot be read ({detail})",
            "fix it, or add the accounts again with `users add`",
        ),
        "fr": (
            "{path}:{line} : le fichier des comptes est illisible ({detail})",
            "corrigez-le, ou recréez les comptes avec `users add`",
        ),
    },
    "account_gone": {
        "en": ("the account '{name}' no longer exists; nothing was changed", "sign in again with an existing account"),
        "fr": ("le compte « {name} » n’existe plus ; rien n’a été modifié", "reconnectez-vous avec un compte existant"),
    },
    "sign_in_throttled": {
        "en": (
            "too many failed sign-ins for this account or from this address",
            "wait {seconds} seconds before trying again",
        ),
        "fr": (
            "trop d’échecs de connexion pour ce compte ou depuis cette adresse",
            "attendez {seconds} secondes avant de réessayer",
        ),
    },
    "sign_in_first": {
        "en": ("sign in first: on a shared server, '{action}' needs an account", ""),
        "fr": ("connectez-vous d’abord : sur un serveur partagé, il faut un compte pour {action}", ""),
    },
    "not_allowed_role": {
        "en": ("{name} ({role}) may not {action}: only {who} may", ""),
        "fr": ("{name} ({role}) ne peut pas {action} (rôles autorisés : {who})", ""),
    },
    "bad_user_name": {
        "en": ("'{name}' is not a valid user name", "use lower-case letters, digits and hyphens, e.g. aminata-k"),
        "fr": (
            "« {name} » n’est pas un nom d’utilisateur valide",
            "n’utilisez que des minuscules, des chiffres et des tirets, par exemple aminata-k",
        ),
    },
    "unknown_role": {
        "en": ("unknown role '{role}': use one of {choices}", ""),
        "fr": ("rôle inconnu « {role} » ; rôles possibles : {choices}", ""),
    },
    "short_password": {
        "en": ("the password is too short", "use at least 10 characters"),
        "fr": ("le mot de passe est trop court", "utilisez au moins 10 caractères"),
    },
    "user_exists": {
        "en": ("user '{name}' already exists", "remove it first to change it"),
        "fr": ("le compte « {name} » existe déjà", "supprimez-le d’abord pour le modifier"),
    },
    "no_user": {
        "en": ("no user '{name}'", ""),
        "fr": ("aucun compte « {name} »", ""),
    },
    # review_word ({name} is the returned file)
    "not_review_docx": {
        "en": ("{name}: not a Word document (.docx)", "import the review copy as the reviewer saved it, in .docx"),
        "fr": (
            "{name} : ce n’est pas un document Word (.docx)",
            "importez la copie de relecture telle que le relecteur l’a enregistrée, au format .docx",
        ),
    },
    "review_docx_broken": {
        "en": ("{name}: the Word document cannot be read ({detail})", "ask the reviewer to save it again as .docx"),
        "fr": (
            "{name} : le document Word est illisible ({detail})",
            "demandez au relecteur de l’enregistrer à nouveau au format .docx",
        ),
    },
    "review_docx_macros": {
        "en": (
            "{name}: the document contains macros",
            "refused; ask the reviewer to save it as a plain Word document (.docx, not .docm)",
        ),
        "fr": (
            "{name} : le document contient des macros",
            "refusé ; demandez au relecteur de l’enregistrer comme document Word simple (.docx, pas .docm)",
        ),
    },
    "review_docx_external": {
        "en": (
            "{name}: the document refers to an outside file or address ({target})",
            "refused; remove the link (or the attached template) and save the file again",
        ),
        "fr": (
            "{name} : le document renvoie à un fichier ou une adresse extérieurs ({target})",
            "refusé ; supprimez le lien (ou le modèle attaché) et enregistrez à nouveau le fichier",
        ),
    },
    "review_docx_not_copy": {
        "en": (
            "{name}: not a review copy made by this application (its review properties are missing)",
            "ask the reviewer to comment on the review copy sent to them, not on a copy of its text",
        ),
        "fr": (
            "{name} : ce n’est pas une copie de relecture produite par cette application (ses propriétés "
            "de relecture manquent)",
            "demandez au relecteur de commenter la copie de relecture reçue, et non une copie de son texte",
        ),
    },
    "review_other_curriculum": {
        "en": ("{name}: this review copy is of curriculum '{found}', not '{curriculum}'", "import it into '{found}'"),
        "fr": (
            "{name} : cette copie de relecture porte sur le curriculum « {found} », pas « {curriculum} »",
            "importez-la dans « {found} »",
        ),
    },
    "review_other_round": {
        "en": (
            "{name}: this review copy is of round '{found}', not '{round}'",
            "import it into round '{found}' (or do not name a round)",
        ),
        "fr": (
            "{name} : cette copie de relecture porte sur le cycle « {found} », pas « {round} »",
            "importez-la dans le cycle « {found} » (ou n’indiquez pas de cycle)",
        ),
    },
    "review_fingerprint": {
        "en": (
            "{name}: this review copy was made from another version of round '{round}' (its fingerprint differs)",
            "nothing imported; send the reviewer a new review copy of the round",
        ),
        "fr": (
            "{name} : cette copie de relecture a été produite à partir d’une autre version du cycle « {round} » "
            "(son empreinte diffère)",
            "rien n’a été importé ; envoyez au relecteur une nouvelle copie de relecture du cycle",
        ),
    },
    "not_suggested_edit": {
        "en": ("comment #{id} is not a suggested edit of a text field", "apply it by hand"),
        "fr": (
            "le commentaire n° {id} n’est pas une modification proposée d’un champ de texte",
            "appliquez-le à la main",
        ),
    },
    "suggestion_outdated": {
        "en": (
            "the text of '{target}' ({field}) has changed since the review copy was made",
            "not saved; apply the suggestion by hand, the comment stays open",
        ),
        "fr": (
            "le texte de « {target} » ({field}) a changé depuis la copie de relecture",
            "non enregistré ; appliquez la proposition à la main, le commentaire reste ouvert",
        ),
    },
    "not_language_code": {
        "en": (
            "'{lang}' is not a language code",
            "write a language code such as `fr`, `en` or `ar` (ISO 639, optionally with a region: `ar-TN`)",
        ),
        "fr": (
            "« {lang} » n’est pas un code de langue",
            "écrivez un code de langue comme `fr`, `en` ou `ar` (ISO 639, éventuellement avec une région : `ar-TN`)",
        ),
    },
    "undeclared_language": {
        "en": (
            "language '{lang}' is not one of the workspace's languages ({declared})",
            "declare '{lang}' in settings.yaml or remove the text",
        ),
        "fr": (
            "la langue « {lang} » n’est pas une langue de l’espace de travail ({declared})",
            "déclarez « {lang} » dans settings.yaml ou retirez le texte",
        ),
    },
    "duplicate_language": {
        "en": ("language '{lang}' is listed twice", "list each language once"),
        "fr": ("la langue « {lang} » figure deux fois", "ne citez chaque langue qu’une fois"),
    },
    "unknown_lang_option": {
        "en": ("unknown language '{lang}'", "use one of the workspace's languages: {declared}"),
        "fr": ("langue inconnue « {lang} »", "utilisez l’une des langues de l’espace de travail : {declared}"),
    },
}

DID_YOU_MEAN = {"en": "did you mean '{suggestion}'?", "fr": "vouliez-vous dire « {suggestion} » ?"}

# what a YAML value was, in words
KINDS = {
    "bool": Text(fr="true/false", en="true/false"),
    "text": Text(fr="du texte", en="text"),
    "list": Text(fr="une liste", en="a list"),
    "mapping": Text(fr="des champs `clé: valeur`", en="a mapping"),
    "nothing": Text(fr="rien", en="nothing"),
}
EXPECTED = {
    "text": Text(fr="du texte", en="text"),
    "number": Text(fr="un nombre", en="a number"),
    "bool": Text(fr="true ou false", en="true or false"),
}
LANGUAGE_NAMES = {"fr": Text(fr="français", en="French"), "en": Text(fr="anglais", en="English")}


def text(code: str, values: dict, lang: str = "en") -> tuple[str, str]:
    """(what, fix) of a message in `lang` (English where a language has no text)."""
    entry = MESSAGES[code]
    what, fix = entry.get(lang) or entry["en"]
    filled = {key: value.get(lang) if isinstance(value, Text) else value for key, value in values.items()}
    if filled.get("suggestion"):
        fix = (DID_YOU_MEAN.get(lang) or DID_YOU_MEAN["en"]).format(**filled)
    return what.format(**filled), fix.format(**filled)


def number(value) -> Text:
    return Text(fr=f"le nombre {value}", en=f"the number {value}")


# nouns and verbs that refusals fill in, in French and English
RECORD_NAMES = {
    "modules": Text(fr="module", en="module"),
    "contexts": Text(fr="contexte", en="context"),
    "curricula": Text(fr="curriculum", en="curriculum"),
}
ID_OF = {  # "'x' is not a valid {what} id" / "… n’est pas un identifiant {what} valide"
    "module": Text(fr="de module", en="module"),
    "session": Text(fr="de séance", en="session"),
    "activity": Text(fr="d’activité", en="activity"),
    "context": Text(fr="de contexte", en="context"),
}
NONE = Text(fr="aucun", en="none")
ROLES_HINT = Text(
    fr="par exemple relecteur, concepteur, procureur, travailleur social",
    en="e.g. reviewer, designer, prosecutor, social worker",
)
ACTIONS = {  # access.ALLOWED's actions, as in "… ne peut pas {action}" / "il faut un compte pour {action}"
    "edit-content": "modifier le contenu",
    "decide-comment": "statuer sur un commentaire",
    "open-round": "ouvrir un cycle de relecture",
    "comment": "commenter",
    "reply": "répondre à un commentaire",
    "done-reviewing": "déclarer sa relecture terminée",
    "export": "exporter",
    "import": "importer des modules",
    "import-review": "importer les relectures renvoyées en Word",
}


def action(code: str, en: str) -> Text:
    """An access action in French words, `en` in English (the command line's wording)."""
    return Text(fr=ACTIONS.get(code, code), en=en)


def role_name(role: str) -> Text:
    """A role as the interface names it in French; the role code itself in English."""
    from .i18n import STRINGS

    entry = STRINGS.get(f"role.{role}")
    return Text(fr=entry["fr"] if entry else role, en=role)


def roles(codes, none: str = "nobody") -> Text:
    """Roles joined by commas (French names, English codes), or "aucun" / `none` when empty."""
    codes = list(codes)
    if not codes:
        return Text(fr="aucun", en=none)
    return Text(fr=", ".join(role_name(c).get("fr") for c in codes), en=", ".join(codes))


def size(number: int) -> Text:
    """A byte count grouped by thousands: 2 097 152 in French, 2,097,152 in English."""
    grouped = f"{number:,}"
    return Text(fr=grouped.replace(",", "\u00a0"), en=grouped)
