"""Interface strings in French and English. Every key has both (a test checks)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"fr": "Curricula — mécanismes d’orientation", "en": "Curricula — referral mechanisms"},
    "lang.label": {"fr": "Langue de l’interface", "en": "Interface language"},
    "nav.library": {"fr": "Bibliothèque", "en": "Library"},
    "nav.composer": {"fr": "Composer", "en": "Composer"},
    "nav.contexts": {"fr": "Contextes", "en": "Contexts"},
    "nav.export": {"fr": "Exporter", "en": "Export"},
    "nav.review": {"fr": "Relecture", "en": "Review"},
    "status.title": {"fr": "État de l’espace de travail", "en": "Workspace status"},
    "status.counts": {
        "fr": "{modules} modules, {contexts} contextes, {curricula} curricula",
        "en": "{modules} modules, {contexts} contexts, {curricula} curricula",
    },
    "status.ok": {"fr": "Tous les fichiers sont valides.", "en": "Every file is valid."},
    "status.invalid": {
        "fr": "{n} fichier(s) invalide(s), non chargé(s) — le reste fonctionne :",
        "en": "{n} invalid file(s), not loaded — the rest works:",
    },
    "status.warnings": {"fr": "{n} avertissement(s)", "en": "{n} warning(s)"},
    "status.folder": {"fr": "Dossier : {path}", "en": "Folder: {path}"},
    "status.error": {
        "fr": "Impossible de charger l’espace de travail : {error}",
        "en": "Cannot load the workspace: {error}",
    },
    "common.fr": {"fr": "Français", "en": "French"},
    "common.en": {"fr": "Anglais", "en": "English"},
    "common.save": {"fr": "Enregistrer", "en": "Save"},
    "common.reload": {
        "fr": "Recharger depuis le disque (abandonner mes modifications)",
        "en": "Reload from disk (discard my changes)",
    },
    "common.gap": {"fr": "⚠ traduction manquante", "en": "⚠ translation missing"},
    "common.saved": {"fr": "Enregistré : {name}, révision {revision}.", "en": "Saved: {name}, revision {revision}."},
    "common.not_saved": {"fr": "Non enregistré : {error}", "en": "Not saved: {error}"},
    "common.conflict": {
        "fr": "Conflit — non enregistré. {error}",
        "en": "Conflict — not saved. {error}",
    },
    "common.kept": {
        "fr": "Vos modifications sont conservées à l’écran. Copiez-les, rechargez puis réappliquez-les.",
        "en": "Your edits are still on screen. Copy them, reload, then apply them again.",
    },
    "common.coming": {"fr": "Bientôt disponible : {what}", "en": "Coming next: {what}"},
    "common.title": {"fr": "Titre", "en": "Title"},
    "common.summary": {"fr": "Résumé", "en": "Summary"},
    "common.minutes": {"fr": "Minutes", "en": "Minutes"},
    "common.method": {"fr": "Méthode", "en": "Method"},
    "common.grouping": {"fr": "Organisation", "en": "Grouping"},
    "common.id": {"fr": "Identifiant", "en": "Id"},
    "common.revision": {"fr": "Révision {revision}", "en": "Revision {revision}"},
    "library.title": {"fr": "Bibliothèque de modules", "en": "Module library"},
    "library.intro": {
        "fr": "Choisissez un module, modifiez ses champs, séances et activités, puis enregistrez.",
        "en": "Pick a module, edit its fields, sessions and activities, then save.",
    },
    "library.empty": {
        "fr": "Aucun module valide dans cet espace de travail. Ajoutez un fichier YAML dans modules/ ou corrigez les fichiers listés dans l’état de l’espace de travail.",
        "en": "No valid module in this workspace. Add a YAML file under modules/ or fix the files listed in the workspace status.",
    },
    "library.module": {"fr": "Module", "en": "Module"},
    "library.details": {"fr": "Fiche du module", "en": "Module details"},
    "library.theme": {"fr": "Thème", "en": "Theme"},
    "library.audience": {"fr": "Publics", "en": "Audience"},
    "library.sessions": {"fr": "Séances", "en": "Sessions"},
    "library.session": {"fr": "Séance", "en": "Session"},
    "library.session_title": {"fr": "Titre de la séance", "en": "Session title"},
    "library.activities": {"fr": "Activités (titre, méthode, durée)", "en": "Activities (title, method, duration)"},
    "library.activity": {"fr": "Activité à détailler", "en": "Activity to detail"},
    "library.instructions": {"fr": "Consignes", "en": "Instructions"},
    "library.notes": {"fr": "Notes pour l’animateur", "en": "Facilitator notes"},
    "library.session_minutes": {"fr": "Durée de la séance : {minutes} min", "en": "Session length: {minutes} min"},
    "library.title_fr": {"fr": "Titre (FR)", "en": "Title (FR)"},
    "library.title_en": {"fr": "Titre (EN)", "en": "Title (EN)"},
    "composer.title": {"fr": "Composer un curriculum", "en": "Compose a curriculum"},
    "composer.coming": {
        "fr": "l’agenda minuté sur plusieurs jours, construit à partir des modules",
        "en": "the timed multi-day agenda built from modules",
    },
    "contexts.title": {"fr": "Contextes culturels", "en": "Cultural contexts"},
    "contexts.coming": {
        "fr": "l’adaptation par contexte (surcouches, glossaire, minutage, obsolescence)",
        "en": "adaptation per context (overlays, glossary, timing, staleness)",
    },
    "export.title": {"fr": "Exporter les dossiers", "en": "Export packs"},
    "export.coming": {
        "fr": "les dossiers animateur et participant en PDF, HTML, Markdown, DOCX et ZIP",
        "en": "facilitator and participant packs as PDF, HTML, Markdown, DOCX and ZIP",
    },
    "review.title": {"fr": "Relecture par les experts", "en": "Expert review"},
    "review.coming": {
        "fr": "les commentaires ancrés, les fils de discussion et les cycles de relecture",
        "en": "anchored comments, threads and review rounds",
    },
    "contexts.list": {"fr": "Contextes disponibles", "en": "Available contexts"},
    "agenda.day": {"fr": "Jour {day}", "en": "Day {day}"},
    "agenda.break": {"fr": "Pause", "en": "Break"},
    "agenda.lunch": {"fr": "Déjeuner", "en": "Lunch"},
    "agenda.activity": {"fr": "Activité", "en": "Activity"},
    "method.presentation": {"fr": "exposé", "en": "presentation"},
    "method.discussion": {"fr": "discussion", "en": "discussion"},
    "method.case-study": {"fr": "étude de cas", "en": "case study"},
    "method.role-play": {"fr": "jeu de rôle", "en": "role play"},
    "method.group-work": {"fr": "travail en groupe", "en": "group work"},
    "method.simulation": {"fr": "simulation", "en": "simulation"},
    "method.world-cafe": {"fr": "World Café", "en": "world café"},
    "method.energiser": {"fr": "dynamiseur", "en": "energiser"},
    "method.reflection": {"fr": "réflexion", "en": "reflection"},
    "method.assessment": {"fr": "évaluation", "en": "assessment"},
}


def t(key: str, lang: str, **values) -> str:
    """The interface string `key` in `lang`, with `{name}` fields filled in."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("en") or key
    return text.format(**values) if values else text


NOTICES: dict[str, dict[str, str]] = {
    "overflow": {
        "fr": "Jour {day} : le programme déborde de {minutes} min après la fin de journée.",
        "en": "Day {day}: the programme overflows the end of the day by {minutes} min.",
    },
    "break-skipped": {
        "fr": "Jour {day} : la pause de {time} est absorbée par l’activité « {activity} », plus longue que le temps entre deux pauses.",
        "en": "Day {day}: the {time} break is taken up by the activity “{activity}”, longer than the time between breaks.",
    },
    "missing-module": {
        "fr": "Le module « {module} » n’existe pas ou est invalide : il est ignoré.",
        "en": "Module '{module}' does not exist or is invalid: it is left out.",
    },
    "missing-session": {
        "fr": "Le module « {module} » n’a pas de séance « {session} » : elle est ignorée.",
        "en": "Module '{module}' has no session '{session}': it is left out.",
    },
    "prerequisite-missing": {
        "fr": "Le module « {module} » suppose le module « {prerequisite} », absent de ce curriculum.",
        "en": "Module '{module}' builds on module '{prerequisite}', which this curriculum does not include.",
    },
    "prerequisite-order": {
        "fr": "Le module « {module} » est placé avant son prérequis « {prerequisite} ».",
        "en": "Module '{module}' is placed before its prerequisite '{prerequisite}'.",
    },
    "objective-uncovered": {
        "fr": "Module « {module} » : l’objectif {objective} n’est travaillé par aucune séance.",
        "en": "Module '{module}': objective {objective} is not covered by any session.",
    },
    "objective-untested": {
        "fr": "Module « {module} » : l’objectif {objective} n’est vérifié par aucune question du test.",
        "en": "Module '{module}': objective {objective} is not checked by any test question.",
    },
    "audience": {
        "fr": "Séance « {module}/{session} » : elle vise {profiles}, publics que le curriculum ne cible pas.",
        "en": "Session '{module}/{session}' is aimed at {profiles}, profiles the curriculum does not target.",
    },
    "presentation-share": {
        "fr": "Jour {day} : {percent} % du temps en exposé (plus de la moitié).",
        "en": "Day {day}: {percent}% of the time is presentation (more than half).",
    },
}


def notice_text(notice, lang: str) -> str:
    """A schedule or content notice as a sentence in `lang`."""
    entry = NOTICES.get(notice.code)
    if entry is None:
        return f"{notice.code}: {notice.values}"
    return entry.get(lang, entry["en"]).format(**notice.values)
