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
    "bad_factor": {
        "en": ("{value} is out of range", "write a factor between 0.5 and 3 (1.0 means no interpretation)"),
        "fr": ("{value} est hors limites", "écrivez un facteur entre 0.5 et 3 (1.0 : pas d’interprétation)"),
    },
    "bad_target": {
        "en": ("'{value}' is not a target path", "write module[/session[/activity]] or module/handout:ID by ids"),
        "fr": (
            "« {value} » n’est pas un chemin de cible",
            "écrivez module[/séance[/activité]] ou module/handout:ID, avec les identifiants",
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
        "en": ("a swap replaces a handout", "target `module/handout:ID`"),
        "fr": ("un échange remplace un document", "visez `module/handout:ID`"),
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
    # --- between files (validate.check_workspace) ----------------------------------------
    "unknown_module": {
        "en": ("unknown module '{ref}'", "use the id of an existing module"),
        "fr": ("module inconnu « {ref} »", "utilisez l’identifiant d’un module existant"),
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
            "adaptation orpheline : sa cible « {target} » n’existe plus",
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
}

DID_YOU_MEAN = {"en": "did you mean '{suggestion}'?", "fr": "vouliez-vous dire « {suggestion} » ?"}

# what a YAML value was, in words
KINDS = {
    "bool": Text("true/false", "true/false"),
    "text": Text("du texte", "text"),
    "list": Text("une liste", "a list"),
    "mapping": Text("des champs `clé: valeur`", "a mapping"),
    "nothing": Text("rien", "nothing"),
}
EXPECTED = {
    "text": Text("du texte", "text"),
    "number": Text("un nombre", "a number"),
    "bool": Text("true ou false", "true or false"),
}
LANGUAGE_NAMES = {"fr": Text("français", "French"), "en": Text("anglais", "English")}


def text(code: str, values: dict, lang: str = "en") -> tuple[str, str]:
    """(what, fix) of a message in `lang` (English where a language has no text)."""
    entry = MESSAGES[code]
    what, fix = entry.get(lang) or entry["en"]
    filled = {key: value.get(lang) if isinstance(value, Text) else value for key, value in values.items()}
    if filled.get("suggestion"):
        fix = (DID_YOU_MEAN.get(lang) or DID_YOU_MEAN["en"]).format(**filled)
    return what.format(**filled), fix.format(**filled)


def number(value) -> Text:
    return Text(f"le nombre {value}", f"the number {value}")
