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
    "common.gap": {"fr": ":material/warning: traduction manquante", "en": ":material/warning: translation missing"},
    "common.saved": {"fr": "Enregistré : {name}, révision {revision}.", "en": "Saved: {name}, revision {revision}."},
    "common.unchanged": {
        "fr": "Aucune modification : rien n’a été enregistré ({name} reste à la révision {revision}).",
        "en": "No change: nothing saved ({name} stays at revision {revision}).",
    },
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
    "library.cuts": {
        "fr": "Quand le temps manque : ce que l’ajustement aux journées peut raccourcir ou retirer",
        "en": "When time is short: what fitting to the days may shorten or drop",
    },
    "library.cuts_help": {
        "fr": "Durée minimale 0 : l’activité ne se raccourcit pas. Facultative : elle peut être retirée. "
        "Priorité basse : raccourcie ou retirée en premier.",
        "en": "Shortest length 0: the activity is not shortened. Optional: it may be dropped. "
        "Low priority: shortened or dropped first.",
    },
    "library.cuts_activity": {"fr": "Activité", "en": "Activity"},
    "library.session_optional": {
        "fr": "Toute la séance est facultative (elle peut être retirée)",
        "en": "The whole session is optional (it may be dropped)",
    },
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
    "empty-day": {
        "fr": "Jour {day} : aucune activité ce jour-là ; retirez un jour ou ajoutez des séances.",
        "en": "Day {day}: no activity on this day; remove a day or add sessions.",
    },
    "idle": {
        "fr": "Jour {day} : {minutes} min sans activité ({times}) ; l’activité suivante n’y tient pas.",
        "en": "Day {day}: {minutes} min with no activity ({times}); the next activity does not fit there.",
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
        "fr": "Module « {module} » : l’objectif « {objective} » n’est travaillé par aucune séance.",
        "en": "Module '{module}': objective '{objective}' is not covered by any session.",
    },
    "objective-untested": {
        "fr": "Module « {module} » : l’objectif « {objective} » n’est vérifié par aucune question du test.",
        "en": "Module '{module}': objective '{objective}' is not checked by any test question.",
    },
    "audience": {
        "fr": "Séance « {module} › {session} » : elle vise {profiles}, publics que le curriculum ne cible pas.",
        "en": "Session '{module} › {session}' is aimed at {profiles}, profiles the curriculum does not target.",
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


STRINGS.update(
    {
        "composer.intro": {
            "fr": "Choisissez les modules et les séances, réglez les journées ; l’agenda se recalcule à chaque modification.",
            "en": "Pick modules and sessions, set the days; the agenda is recomputed with every change.",
        },
        "composer.empty": {
            "fr": "Aucun curriculum pour l’instant : créez-en un ci-dessous.",
            "en": "No curriculum yet: create one below.",
        },
        "composer.no_modules": {
            "fr": "La bibliothèque ne contient aucun module valide : ajoutez-en un dans la Bibliothèque d’abord.",
            "en": "The library holds no valid module: add one in the Library first.",
        },
        "composer.curriculum": {"fr": "Curriculum", "en": "Curriculum"},
        "composer.context": {"fr": "Contexte de l’aperçu", "en": "Context for the preview"},
        "composer.none": {"fr": "(aucun)", "en": "(none)"},
        "composer.missing_module": {
            "fr": "Module introuvable : « {id} ». Retirez-le du programme ou rétablissez le module.",
            "en": "Module not found: '{id}'. Remove it from the curriculum or restore the module.",
        },
        "composer.modules": {"fr": "Modules et séances", "en": "Modules and sessions"},
        "composer.sessions_of": {"fr": "Séances de « {module} »", "en": "Sessions of “{module}”"},
        "composer.up": {"fr": "Monter", "en": "Move up"},
        "composer.down": {"fr": "Descendre", "en": "Move down"},
        "composer.remove": {"fr": "Retirer", "en": "Remove"},
        "composer.add_module": {"fr": "Module à ajouter", "en": "Module to add"},
        "composer.add": {"fr": "Ajouter le module", "en": "Add module"},
        "composer.no_items": {
            "fr": "Ce curriculum ne contient encore aucun module : ajoutez-en un ci-dessous.",
            "en": "This curriculum has no module yet: add one below.",
        },
        "composer.days_settings": {"fr": "Journées", "en": "Days"},
        "composer.days": {"fr": "Nombre de jours", "en": "Number of days"},
        "composer.day_start": {"fr": "Début de journée", "en": "Day starts"},
        "composer.day_end": {"fr": "Fin de journée", "en": "Day ends"},
        "composer.lunch_start": {"fr": "Déjeuner à", "en": "Lunch at"},
        "composer.lunch_minutes": {"fr": "Durée du déjeuner (min)", "en": "Lunch length (min)"},
        "composer.breaks": {"fr": "Pauses (mêmes heures chaque jour)", "en": "Breaks (same times every day)"},
        "composer.break_start": {"fr": "Heure (HH:MM)", "en": "Time (HH:MM)"},
        "composer.bad_break": {
            "fr": "Pause ligne {row} ignorée : « {value} » n’est pas une heure HH:MM suivie d’une durée en minutes.",
            "en": "Break on row {row} ignored: '{value}' is not an HH:MM time with a length in minutes.",
        },
        "composer.agenda": {"fr": "Agenda", "en": "Agenda"},
        "composer.timeline": {"fr": "Frise par jour", "en": "Timeline per day"},
        "composer.totals_day": {"fr": "Totaux par jour", "en": "Totals per day"},
        "composer.totals_module": {"fr": "Totaux par module", "en": "Totals per module"},
        "composer.warnings": {"fr": "Points d’attention", "en": "Warnings"},
        "composer.no_warnings": {
            "fr": "Aucun point d’attention : tout tient dans les journées.",
            "en": "No warnings: everything fits the days.",
        },
        "composer.unsaved": {"fr": "Modifications non enregistrées.", "en": "Unsaved changes."},
        "composer.revert": {"fr": "Annuler mes modifications", "en": "Discard my changes"},
        "composer.new": {"fr": "Nouveau curriculum", "en": "New curriculum"},
        "composer.new_id": {"fr": "Identifiant (ex. : base-2-jours)", "en": "Id (e.g. core-2-day)"},
        "composer.new_title_fr": {"fr": "Titre (FR)", "en": "Title (FR)"},
        "composer.new_title_en": {"fr": "Titre (EN)", "en": "Title (EN)"},
        "composer.create": {"fr": "Créer", "en": "Create"},
        "composer.duplicate": {"fr": "Dupliquer comme point de départ", "en": "Duplicate as a starting point"},
        "composer.duplicate_id": {"fr": "Identifiant de la copie", "en": "Id of the copy"},
        "composer.duplicate_go": {"fr": "Dupliquer", "en": "Duplicate"},
        "composer.delete": {"fr": "Supprimer ce curriculum", "en": "Delete this curriculum"},
        "composer.delete_confirm": {
            "fr": "Je confirme la suppression de « {name} » (l’historique garde ses révisions).",
            "en": "I confirm deleting “{name}” (the history keeps its revisions).",
        },
        "composer.delete_go": {"fr": "Supprimer définitivement", "en": "Delete for good"},
        "composer.deleted": {"fr": "Curriculum « {name} » supprimé.", "en": "Curriculum “{name}” deleted."},
        "composer.created": {"fr": "Curriculum « {name} » créé.", "en": "Curriculum “{name}” created."},
        "col.day": {"fr": "Jour", "en": "Day"},
        "col.start": {"fr": "Début", "en": "Start"},
        "col.end": {"fr": "Fin", "en": "End"},
        "col.session": {"fr": "Séance", "en": "Session"},
        "col.activity": {"fr": "Activité", "en": "Activity"},
        "col.method": {"fr": "Méthode", "en": "Method"},
        "col.minutes": {"fr": "Minutes", "en": "Minutes"},
        "col.module": {"fr": "Module", "en": "Module"},
        "col.sessions": {"fr": "Séances", "en": "Sessions"},
        "col.activities": {"fr": "Activités", "en": "Activities"},
        "col.pauses": {"fr": "Pauses (min)", "en": "Breaks (min)"},
    }
)

STRINGS.update(
    {
        "library.new": {"fr": "Nouveau module", "en": "New module"},
        "library.new_id": {"fr": "Identifiant (ex. : partage-local)", "en": "Id (e.g. local-sharing)"},
        "library.create": {"fr": "Créer le module", "en": "Create module"},
        "library.created": {"fr": "Module « {name} » créé.", "en": "Module “{name}” created."},
        "library.actions": {"fr": "Dupliquer ou supprimer ce module", "en": "Duplicate or delete this module"},
        "library.duplicate_id": {"fr": "Identifiant de la copie", "en": "Id of the copy"},
        "library.duplicate": {"fr": "Dupliquer le module", "en": "Duplicate module"},
        "library.delete_confirm": {
            "fr": "Je confirme la suppression du module « {name} » (l’historique garde ses révisions).",
            "en": "I confirm deleting module “{name}” (the history keeps its revisions).",
        },
        "library.delete": {"fr": "Supprimer le module", "en": "Delete module"},
        "library.deleted": {"fr": "Module « {name} » supprimé.", "en": "Module “{name}” deleted."},
        "library.impact": {"fr": "Avant de modifier", "en": "Before you edit"},
        "library.used_by": {"fr": "Utilisé par les curricula : {ids}", "en": "Used by curricula: {ids}"},
        "library.unused": {"fr": "Aucun curriculum n’utilise ce module.", "en": "No curriculum uses this module."},
        "library.adapted_by": {
            "fr": "Adapté par les contextes : {items}",
            "en": "Adapted by contexts: {items}",
        },
        "library.not_adapted": {"fr": "Aucun contexte n’adapte ce module.", "en": "No context adapts this module."},
        "library.adaptation_count": {
            "fr": "{context} ({n}, dont {stale} à revoir)",
            "en": "{context} ({n}, {stale} to review)",
        },
        "library.session_actions": {
            "fr": "Ajouter, dupliquer ou supprimer une séance",
            "en": "Add, duplicate or delete a session",
        },
        "library.new_session_id": {"fr": "Identifiant de la nouvelle séance", "en": "Id of the new session"},
        "library.add_session": {"fr": "Ajouter une séance", "en": "Add session"},
        "library.duplicate_session": {"fr": "Dupliquer cette séance", "en": "Duplicate this session"},
        "library.delete_session_confirm": {
            "fr": "Je confirme la suppression de cette séance",
            "en": "I confirm deleting this session",
        },
        "library.delete_session": {"fr": "Supprimer cette séance", "en": "Delete this session"},
        "library.activity_actions": {
            "fr": "Ordre et structure des activités",
            "en": "Order and structure of activities",
        },
        "library.new_activity_id": {"fr": "Identifiant de la nouvelle activité", "en": "Id of the new activity"},
        "library.add_activity": {"fr": "Ajouter une activité", "en": "Add activity"},
        "library.duplicate_activity": {"fr": "Dupliquer l’activité", "en": "Duplicate activity"},
        "library.delete_activity": {"fr": "Supprimer l’activité", "en": "Delete activity"},
        "library.move_up": {"fr": "Monter l’activité", "en": "Move activity up"},
        "library.move_down": {"fr": "Descendre l’activité", "en": "Move activity down"},
        "library.no_sessions": {
            "fr": "Ce module n’a pas encore de séance : ajoutez-en une.",
            "en": "This module has no session yet: add one.",
        },
        "library.comments": {
            "fr": ":material/chat: {n} commentaire(s) de relecture ouvert(s)",
            "en": ":material/chat: {n} open review comment(s)",
        },
        "library.gaps": {
            "fr": "{n} traduction(s) manquante(s) dans ce module",
            "en": "{n} missing translation(s) in this module",
        },
    }
)

STRINGS.update(
    {
        "contexts.intro": {
            "fr": "Un contexte adapte le curriculum à un pays sans dupliquer les modules : briefing, glossaire, minutage et adaptations.",
            "en": "A context adapts the curriculum to a country without forking the modules: briefing, glossary, timing and adaptations.",
        },
        "contexts.empty": {"fr": "Aucun contexte : créez-en un ci-dessous.", "en": "No context yet: create one below."},
        "contexts.pick": {"fr": "Contexte", "en": "Context"},
        "contexts.new": {"fr": "Nouveau contexte", "en": "New context"},
        "contexts.new_id": {"fr": "Identifiant (ex. : sahel-niger)", "en": "Id (e.g. sahel-niger)"},
        "contexts.new_name_fr": {"fr": "Nom (FR)", "en": "Name (FR)"},
        "contexts.new_name_en": {"fr": "Nom (EN)", "en": "Name (EN)"},
        "contexts.create": {"fr": "Créer le contexte", "en": "Create context"},
        "contexts.created": {"fr": "Contexte « {name} » créé.", "en": "Context “{name}” created."},
        "contexts.badge_stale": {"fr": "{n} adaptation(s) à revoir", "en": "{n} adaptation(s) to review"},
        "contexts.badge_orphaned": {"fr": "{n} adaptation(s) orpheline(s)", "en": "{n} orphaned adaptation(s)"},
        "contexts.badge_ok": {"fr": "adaptations à jour", "en": "adaptations up to date"},
        "contexts.tab_settings": {"fr": "Briefing, glossaire, minutage", "en": "Briefing, glossary, timing"},
        "contexts.tab_adaptations": {"fr": "Adaptations", "en": "Adaptations"},
        "contexts.tab_compare": {"fr": "Base et version adaptée", "en": "Base vs adapted"},
        "contexts.name": {"fr": "Nom", "en": "Name"},
        "contexts.briefing": {"fr": "Briefing de l’animateur", "en": "Facilitator briefing"},
        "contexts.glossary": {"fr": "Glossaire ({code})", "en": "Glossary ({code})"},
        "contexts.term": {"fr": "Terme", "en": "Term"},
        "contexts.replace": {"fr": "Remplacé par", "en": "Replaced by"},
        "contexts.factor": {
            "fr": "Facteur d’interprétation (1,0 = aucune)",
            "en": "Interpretation factor (1.0 = none)",
        },
        "contexts.day_start": {
            "fr": "Début de journée (vide = celui du curriculum)",
            "en": "Day start (empty = the curriculum's)",
        },
        "contexts.day_end": {
            "fr": "Fin de journée (vide = celle du curriculum)",
            "en": "Day end (empty = the curriculum's)",
        },
        "contexts.protected": {
            "fr": "Temps protégés (chaque jour, ou jours listés)",
            "en": "Protected times (every day, or listed days)",
        },
        "contexts.bad_time": {
            "fr": "Ligne {row} ignorée : « {value} » n’est pas une heure HH:MM.",
            "en": "Row {row} ignored: '{value}' is not an HH:MM time.",
        },
        "contexts.filter": {"fr": "Afficher les adaptations", "en": "Show adaptations"},
        "contexts.state.current": {"fr": "à jour", "en": "current"},
        "contexts.state.stale": {"fr": "à revoir (la base a changé)", "en": "stale (the base changed)"},
        "contexts.state.orphaned": {"fr": "orpheline (cible disparue)", "en": "orphaned (target gone)"},
        "contexts.none_listed": {"fr": "Aucune adaptation dans cet état.", "en": "No adaptation in this state."},
        "contexts.col.kind": {"fr": "Type", "en": "Kind"},
        "contexts.col.target": {"fr": "Cible", "en": "Target"},
        "contexts.col.base": {"fr": "Écrite pour la révision", "en": "Written against"},
        "contexts.col.now": {"fr": "Révision actuelle", "en": "Current revision"},
        "contexts.col.state": {"fr": "État", "en": "State"},
        "contexts.review": {"fr": "Adaptation à examiner", "en": "Adaptation to look at"},
        "contexts.then": {"fr": "Base alors (révision {revision})", "en": "Base then (revision {revision})"},
        "contexts.now": {"fr": "Base maintenant (révision {revision})", "en": "Base now (revision {revision})"},
        "contexts.no_history": {
            "fr": "La révision {revision} n’a pas été conservée : comparez avec la base actuelle ci-dessous.",
            "en": "Revision {revision} was not kept: compare with the current base below.",
        },
        "contexts.no_change": {
            "fr": "Aucune différence de texte sur cet élément.",
            "en": "No text difference on this item.",
        },
        "contexts.mark_reviewed": {
            "fr": "Marquer comme revue (révision {revision})",
            "en": "Mark reviewed (revision {revision})",
        },
        "contexts.reviewed": {"fr": "Adaptation marquée comme revue.", "en": "Adaptation marked reviewed."},
        "contexts.orphan_help": {
            "fr": "La cible n’existe plus : rattachez l’adaptation à un élément existant ou supprimez-la.",
            "en": "The target no longer exists: re-attach the adaptation to an existing item or delete it.",
        },
        "contexts.new_target": {
            "fr": "Nouvelle cible (module/séance/activité)",
            "en": "New target (module/session/activity)",
        },
        "contexts.reattach": {"fr": "Rattacher", "en": "Re-attach"},
        "contexts.remove_confirm": {
            "fr": "Je confirme la suppression de cette adaptation",
            "en": "I confirm deleting this adaptation",
        },
        "contexts.remove": {"fr": "Supprimer l’adaptation", "en": "Delete adaptation"},
        "contexts.unknown_target": {"fr": "Cible inconnue : {target}", "en": "Unknown target: {target}"},
        "contexts.compare_module": {"fr": "Module", "en": "Module"},
        "contexts.compare_item": {"fr": "Élément", "en": "Item"},
        "contexts.base": {"fr": "Base", "en": "Base"},
        "contexts.adapted": {"fr": "Adapté pour ce contexte", "en": "Adapted for this context"},
        "contexts.not_adapted": {
            "fr": "Cet élément n’est pas adapté par ce contexte.",
            "en": "This item is not adapted by this context.",
        },
        "contexts.hidden": {
            "fr": "Cet élément est masqué dans ce contexte.",
            "en": "This item is hidden in this context.",
        },
    }
)

STRINGS.update(
    {
        "pack.facilitator": {"fr": "Dossier de l’animateur", "en": "Facilitator pack"},
        "pack.participant": {"fr": "Dossier du participant", "en": "Participant pack"},
        "pack.context": {"fr": "Contexte", "en": "Context"},
        "pack.language": {"fr": "Langue", "en": "Language"},
        "pack.language_name": {"fr": "français", "en": "English"},
        "pack.version": {"fr": "Version", "en": "Version"},
        "pack.version_value": {
            "fr": "curriculum r{curriculum}, contexte r{context}",
            "en": "curriculum r{curriculum}, context r{context}",
        },
        "pack.date": {"fr": "Date", "en": "Date"},
        "pack.scope": {"fr": "Périmètre", "en": "Scope"},
        "pack.scope_all": {"fr": "curriculum complet", "en": "whole curriculum"},
        "pack.scope_day": {"fr": "jour {day}", "en": "day {day}"},
        "pack.scope_session": {"fr": "séance « {title} »", "en": "session “{title}”"},
        "pack.page": {"fr": "Page {page} sur {pages}", "en": "Page {page} of {pages}"},
        "pack.contents": {"fr": "Sommaire", "en": "Contents"},
        "pack.overview": {"fr": "Vue d’ensemble", "en": "Overview"},
        "pack.objectives": {"fr": "Objectifs d’apprentissage", "en": "Learning objectives"},
        "pack.audience": {"fr": "Public", "en": "Audience"},
        "pack.glance": {"fr": "L’agenda en un coup d’œil", "en": "Agenda at a glance"},
        "pack.agenda": {"fr": "Agenda", "en": "Agenda"},
        "pack.time": {"fr": "Horaire", "en": "Time"},
        "pack.item": {"fr": "Séance / activité", "en": "Session / activity"},
        "pack.module": {"fr": "Module", "en": "Module"},
        "pack.plan": {"fr": "Déroulé de la séance", "en": "Session plan"},
        "pack.materials": {"fr": "Matériel", "en": "Materials"},
        "pack.steps": {"fr": "Étapes", "en": "Steps"},
        "pack.notes": {"fr": "Notes pour l’animateur", "en": "Facilitator notes"},
        "pack.context_notes": {"fr": "Note du contexte", "en": "Context note"},
        "pack.debrief": {"fr": "Questions de débriefing", "en": "Debrief questions"},
        "pack.handouts_used": {"fr": "Documents utilisés : {list}", "en": "Handouts used: {list}"},
        "pack.activity_line": {
            "fr": "{method} · {grouping} · {minutes} min",
            "en": "{method} · {grouping} · {minutes} min",
        },
        "pack.appendices": {"fr": "Annexes", "en": "Appendices"},
        "pack.handouts": {"fr": "Documents pour les participants", "en": "Participant handouts"},
        "pack.checklist": {"fr": "Liste du matériel", "en": "Materials checklist"},
        "pack.used_in": {"fr": "Utilisé en", "en": "Used in"},
        "pack.ready": {"fr": "Prêt", "en": "Ready"},
        "pack.test": {"fr": "Test avant / après", "en": "Pre/post test"},
        "pack.test_key": {"fr": "Test avant / après, avec corrigé", "en": "Pre/post test with answer key"},
        "pack.answer": {"fr": "Réponse : {answer}", "en": "Answer: {answer}"},
        "pack.model_answer": {"fr": "Éléments de réponse : {answer}", "en": "Model answer: {answer}"},
        "pack.objective": {"fr": "Objectif vérifié : {objective}", "en": "Objective checked: {objective}"},
        "pack.open_lines": {"fr": "Votre réponse :", "en": "Your answer:"},
        "pack.evaluation": {"fr": "Fiche d’évaluation", "en": "Evaluation form"},
        "pack.reaction": {"fr": "Réaction (niveau 1 de Kirkpatrick)", "en": "Reaction (Kirkpatrick level 1)"},
        "pack.learning": {"fr": "Apprentissage (niveau 2 de Kirkpatrick)", "en": "Learning (Kirkpatrick level 2)"},
        "pack.scale": {
            "fr": "Cochez une case : 1 = pas du tout d’accord, 5 = tout à fait d’accord.",
            "en": "Tick one box: 1 = strongly disagree, 5 = strongly agree.",
        },
        "pack.statement": {"fr": "Affirmation", "en": "Statement"},
        "pack.reaction_items": {
            "fr": "Les contenus étaient utiles pour mon travail.|Les méthodes m’ont permis de participer activement.|Le rythme et la durée étaient adaptés.|Les échanges entre professions étaient respectueux et constructifs.|Les cas et exemples correspondaient à mon contexte.",
            "en": "The content was useful for my work.|The methods let me take an active part.|The pace and length were right.|Exchanges between professions were respectful and constructive.|The cases and examples fitted my context.",
        },
        "pack.learning_scale": {
            "fr": "Pour chaque objectif, notez votre niveau de 1 (faible) à 5 (élevé), avant et après la formation.",
            "en": "For each objective, rate yourself from 1 (low) to 5 (high), before and after the training.",
        },
        "pack.before": {"fr": "Avant", "en": "Before"},
        "pack.after": {"fr": "Après", "en": "After"},
        "pack.open_feedback": {
            "fr": "Ce que je vais appliquer dans mon service :|Ce qu’il faudrait améliorer :",
            "en": "What I will apply in my service:|What should be improved:",
        },
        "pack.attendance": {"fr": "Feuille de présence", "en": "Attendance sheet"},
        "pack.name": {"fr": "Nom", "en": "Name"},
        "pack.organisation": {"fr": "Institution", "en": "Organisation"},
        "pack.role": {"fr": "Fonction", "en": "Role"},
        "pack.signature_day": {"fr": "J{day} signature", "en": "Day {day} signature"},
        "pack.briefing": {"fr": "Briefing du contexte", "en": "Context briefing"},
        "pack.glossary": {"fr": "Glossaire du contexte", "en": "Context glossary"},
        "pack.term": {"fr": "Terme du curriculum", "en": "Curriculum term"},
        "pack.local_term": {"fr": "Terme local", "en": "Local term"},
        "pack.references": {"fr": "Références", "en": "References"},
        "pack.law_as_of": {"fr": "état du droit au {date}", "en": "state of the law as of {date}"},
        "pack.checked_on": {"fr": "vérifié le {date}", "en": "checked {date}"},
        "pack.day_time": {"fr": "Jour {day}, {start}–{end}", "en": "Day {day}, {start}–{end}"},
        "pack.no_glossary": {"fr": "Pas de substitution pour ce contexte.", "en": "No substitutions for this context."},
        "bloom.remember": {"fr": "mémoriser", "en": "remember"},
        "bloom.understand": {"fr": "comprendre", "en": "understand"},
        "bloom.apply": {"fr": "appliquer", "en": "apply"},
        "bloom.analyse": {"fr": "analyser", "en": "analyse"},
        "bloom.evaluate": {"fr": "évaluer", "en": "evaluate"},
        "bloom.create": {"fr": "créer", "en": "create"},
        "grouping.plenary": {"fr": "plénière", "en": "plenary"},
        "grouping.small-groups": {"fr": "petits groupes", "en": "small groups"},
        "grouping.pairs": {"fr": "binômes", "en": "pairs"},
        "grouping.individual": {"fr": "individuel", "en": "individual"},
        "profile.judiciary": {"fr": "magistrats du siège", "en": "judges"},
        "profile.prosecution": {"fr": "parquet", "en": "prosecutors"},
        "profile.police": {"fr": "police et gendarmerie", "en": "police"},
        "profile.prison-probation": {
            "fr": "administration pénitentiaire et probation",
            "en": "prison and probation staff",
        },
        "profile.social-work": {"fr": "travail social", "en": "social workers"},
        "profile.health": {"fr": "santé", "en": "health staff"},
        "profile.education": {"fr": "éducation", "en": "education staff"},
        "profile.religious-leaders": {"fr": "responsables religieux", "en": "religious leaders"},
        "profile.civil-society": {"fr": "société civile", "en": "civil society"},
        "profile.local-authorities": {"fr": "collectivités locales", "en": "local authorities"},
        "profile.families": {"fr": "familles", "en": "families"},
        "profile.policy-makers": {"fr": "décideurs publics", "en": "policy-makers"},
        "month.1": {"fr": "janvier", "en": "January"},
        "month.2": {"fr": "février", "en": "February"},
        "month.3": {"fr": "mars", "en": "March"},
        "month.4": {"fr": "avril", "en": "April"},
        "month.5": {"fr": "mai", "en": "May"},
        "month.6": {"fr": "juin", "en": "June"},
        "month.7": {"fr": "juillet", "en": "July"},
        "month.8": {"fr": "août", "en": "August"},
        "month.9": {"fr": "septembre", "en": "September"},
        "month.10": {"fr": "octobre", "en": "October"},
        "month.11": {"fr": "novembre", "en": "November"},
        "month.12": {"fr": "décembre", "en": "December"},
    }
)


def long_date(day, lang: str) -> str:
    """25 novembre 2026 / 25 November 2026."""
    return f"{day.day} {t(f'month.{day.month}', lang)} {day.year}"


def label(prefix: str, value: str, lang: str) -> str:
    """A value's label (method, grouping, profile, Bloom level), or the value itself."""
    key = f"{prefix}.{value}"
    return t(key, lang) if key in STRINGS else value


STRINGS.update(
    {
        "export.intro": {
            "fr": "Choisissez le curriculum, le contexte, la langue et le dossier ; le fichier est aussi enregistré dans exports/.",
            "en": "Choose the curriculum, context, language and pack; the file is also written under exports/.",
        },
        "export.empty": {
            "fr": "Aucun curriculum à exporter : composez-en un dans la page Composer.",
            "en": "No curriculum to export: compose one on the Composer page.",
        },
        "export.curriculum": {"fr": "Curriculum", "en": "Curriculum"},
        "export.context": {"fr": "Contexte", "en": "Context"},
        "export.lang": {"fr": "Langue du dossier", "en": "Pack language"},
        "export.pack": {"fr": "Dossier", "en": "Pack"},
        "export.format": {"fr": "Format", "en": "Format"},
        "export.scope": {"fr": "Périmètre", "en": "Scope"},
        "export.scope_all": {"fr": "Tout le curriculum", "en": "Whole curriculum"},
        "export.scope_day": {"fr": "Un jour", "en": "One day"},
        "export.scope_session": {"fr": "Une séance", "en": "One session"},
        "export.day": {"fr": "Jour", "en": "Day"},
        "export.session": {"fr": "Séance", "en": "Session"},
        "export.build": {"fr": "Générer le dossier", "en": "Build the pack"},
        "export.building": {"fr": "Génération en cours…", "en": "Building…"},
        "export.step": {"fr": "Format {label} prêt ({done}/{total})", "en": "{label} ready ({done}/{total})"},
        "export.done": {"fr": "Dossier prêt : {path}", "en": "Pack ready: {path}"},
        "export.failed": {"fr": "Échec de la génération : {error}", "en": "The pack could not be built: {error}"},
        "export.download": {"fr": "Télécharger {name}", "en": "Download {name}"},
        "export.preview": {"fr": "Aperçu", "en": "Preview"},
        "export.preview_note": {
            "fr": "Aperçu de la version HTML du même dossier (les premières pages).",
            "en": "Preview of the HTML version of the same pack (first pages).",
        },
        "export.warnings": {"fr": "Points d’attention de l’agenda", "en": "Agenda warnings"},
    }
)

STRINGS.update(
    {
        "review.intro": {
            "fr": "Lisez le projet, commentez n’importe quel élément ; les concepteurs répondent et décident.",
            "en": "Read the draft and comment on any item; designers answer and decide.",
        },
        "review.empty": {"fr": "Aucun curriculum à relire pour l’instant.", "en": "No curriculum to review yet."},
        "review.curriculum": {"fr": "Curriculum", "en": "Curriculum"},
        "review.round": {"fr": "Cycle de relecture", "en": "Review round"},
        "review.no_round": {
            "fr": "Aucun cycle ouvert : ouvrez-en un ci-dessous (ou il s’ouvrira avec le premier commentaire).",
            "en": "No round yet: open one below (or it opens with the first comment).",
        },
        "review.open_round": {"fr": "Ouvrir un cycle", "en": "Open a round"},
        "review.round_name": {"fr": "Nom du cycle", "en": "Round name"},
        "review.round_default": {"fr": "Cycle {n}", "en": "Round {n}"},
        "review.due": {"fr": "Date limite", "en": "Due date"},
        "review.open": {"fr": "Ouvrir le cycle", "en": "Open round"},
        "review.opened": {"fr": "Cycle « {name} » ouvert le {date}.", "en": "Round “{name}” opened on {date}."},
        "review.due_on": {"fr": "à rendre le {date}", "en": "due {date}"},
        "review.you": {"fr": "Vous", "en": "You"},
        "review.name": {"fr": "Votre nom", "en": "Your name"},
        "review.role": {"fr": "Votre fonction", "en": "Your role"},
        "review.read": {"fr": "Lecture", "en": "Read"},
        "review.comments_tab": {"fr": "Commentaires", "en": "Comments"},
        "review.changes_tab": {"fr": "Ce qui a changé", "en": "What changed"},
        "review.count": {"fr": ":material/chat: {n} ouvert(s)", "en": ":material/chat: {n} open"},
        "review.target": {"fr": "Élément commenté", "en": "Item to comment on"},
        "review.whole": {"fr": "Le curriculum dans son ensemble", "en": "The curriculum as a whole"},
        "review.text": {"fr": "Votre commentaire (Markdown)", "en": "Your comment (Markdown)"},
        "review.add": {"fr": "Ajouter le commentaire", "en": "Add comment"},
        "review.added": {"fr": "Commentaire n° {id} enregistré.", "en": "Comment #{id} saved."},
        "review.need_identity": {
            "fr": "Indiquez votre nom et votre fonction d’abord.",
            "en": "Give your name and role first.",
        },
        "review.filters": {"fr": "Filtrer", "en": "Filter"},
        "review.status": {"fr": "Statut", "en": "Status"},
        "review.module": {"fr": "Module", "en": "Module"},
        "review.author": {"fr": "Auteur", "en": "Author"},
        "review.all": {"fr": "(tous)", "en": "(all)"},
        "review.none": {"fr": "Aucun commentaire ne correspond.", "en": "No comment matches."},
        "review.on": {"fr": "sur {where}", "en": "on {where}"},
        "review.removed": {"fr": "sur un élément supprimé", "en": "on a removed item"},
        "review.reply": {"fr": "Répondre", "en": "Reply"},
        "review.reply_text": {"fr": "Votre réponse", "en": "Your reply"},
        "review.decision": {"fr": "Décision des concepteurs", "en": "Designers' decision"},
        "review.response": {"fr": "Réponse des concepteurs", "en": "Designers' response"},
        "review.decide": {"fr": "Enregistrer la décision", "en": "Save decision"},
        "review.decided": {"fr": "Décision enregistrée.", "en": "Decision saved."},
        "review.done": {"fr": "J’ai terminé ma relecture de ce cycle", "en": "I have finished reviewing this round"},
        "review.done_saved": {
            "fr": "Merci : votre relecture est marquée terminée.",
            "en": "Thank you: your review is marked finished.",
        },
        "review.finished": {"fr": "Relecture terminée : {names}", "en": "Finished reviewing: {names}"},
        "review.nobody": {"fr": "Personne n’a encore terminé.", "en": "Nobody has finished yet."},
        "review.matrix": {"fr": "Matrice des commentaires", "en": "Comment matrix"},
        "review.page": {"fr": "Page (sur {pages})", "en": "Page (of {pages})"},
        "review.matrix_prepare": {
            "fr": "Préparer la matrice du cycle « {round} »",
            "en": "Prepare the matrix of round “{round}”",
        },
        "review.changes_prepare": {
            "fr": "Préparer l’export des changements",
            "en": "Prepare the export of the changes",
        },
        "review.matrix_csv": {"fr": "Télécharger la matrice (CSV)", "en": "Download the matrix (CSV)"},
        "review.matrix_xlsx": {"fr": "Télécharger la matrice (XLSX)", "en": "Download the matrix (XLSX)"},
        "review.no_changes": {
            "fr": "Rien n’a changé depuis l’ouverture du cycle.",
            "en": "Nothing has changed since the round opened.",
        },
        "review.changes_html": {"fr": "Télécharger les changements (HTML)", "en": "Download the changes (HTML)"},
        "review.changes_pdf": {"fr": "Télécharger les changements (PDF)", "en": "Download the changes (PDF)"},
        "review.changes_title": {"fr": "Ce qui a changé depuis « {round} »", "en": "What changed since “{round}”"},
        "change.added": {"fr": "ajouté", "en": "added"},
        "change.removed": {"fr": "supprimé", "en": "removed"},
        "change.moved": {"fr": "déplacé", "en": "moved"},
        "change.retimed": {"fr": "durée modifiée", "en": "re-timed"},
        "change.edited": {"fr": "texte modifié", "en": "text edited"},
        "status.open": {"fr": "ouvert", "en": "open"},
        "status.accepted": {"fr": "accepté", "en": "accepted"},
        "status.partly-accepted": {"fr": "accepté en partie", "en": "partly accepted"},
        "status.declined": {"fr": "refusé", "en": "declined"},
        "status.resolved": {"fr": "résolu", "en": "resolved"},
    }
)

STRINGS.update(
    {
        "auth.title": {"fr": "Connexion", "en": "Sign in"},
        "auth.name": {"fr": "Identifiant", "en": "User name"},
        "auth.password": {"fr": "Mot de passe", "en": "Password"},
        "auth.sign_in": {"fr": "Se connecter", "en": "Sign in"},
        "auth.sign_out": {"fr": "Se déconnecter", "en": "Sign out"},
        "auth.wrong": {"fr": "Identifiant ou mot de passe incorrect.", "en": "Wrong user name or password."},
        "auth.needed": {
            "fr": "Ce serveur est partagé : connectez-vous dans la barre latérale pour continuer.",
            "en": "This is a shared server: sign in in the sidebar to continue.",
        },
        "auth.sso": {
            "fr": "Se connecter avec le compte de mon institution",
            "en": "Sign in with my institution's account",
        },
        "auth.unknown_email": {
            "fr": "Ce compte n’a pas d’accès ici : demandez à un concepteur de vous ajouter (users add … --email).",
            "en": "This account has no access here: ask a designer to add you (users add … --email).",
        },
        "auth.signed_in": {"fr": "Connecté : {name} ({role})", "en": "Signed in: {name} ({role})"},
        "role.designer": {"fr": "concepteur", "en": "designer"},
        "role.facilitator": {"fr": "animateur", "en": "facilitator"},
        "role.reviewer": {"fr": "relecteur", "en": "reviewer"},
    }
)

STRINGS.update(
    {
        "library.import": {"fr": "Importer des modules (d’un collègue)", "en": "Import modules (from a colleague)"},
        "library.upload": {"fr": "Un module .yaml ou un .zip de modules", "en": "A module .yaml or a .zip of modules"},
        "library.on_clash": {"fr": "Si l’identifiant existe déjà", "en": "If the id already exists"},
        "library.clash_refuse": {"fr": "ne rien importer", "en": "import nothing"},
        "library.clash_replace": {"fr": "remplacer (historique conservé)", "en": "replace (history kept)"},
        "library.clash_rename": {"fr": "importer sous un autre identifiant", "en": "import under another id"},
        "library.rename_to": {"fr": "Nouvel identifiant", "en": "New id"},
        "library.import_go": {"fr": "Importer", "en": "Import"},
        "library.imported": {"fr": "Importé : {ids}", "en": "Imported: {ids}"},
        "library.share": {"fr": "Partager des modules", "en": "Share modules"},
        "library.download_one": {"fr": "Télécharger ce module (.zip)", "en": "Download this module (.zip)"},
        "library.prepare_all": {"fr": "Préparer tous les modules", "en": "Prepare all modules"},
        "library.download_all": {"fr": "Télécharger tous les modules (.zip)", "en": "Download all modules (.zip)"},
    }
)

STRINGS.update(
    {
        "matrix.title": {"fr": "Matrice des commentaires — {round}", "en": "Comment matrix — {round}"},
        "matrix.no": {"fr": "N°", "en": "No."},
        "matrix.location": {"fr": "Emplacement", "en": "Location"},
        "matrix.comment": {"fr": "Commentaire", "en": "Comment"},
        "matrix.reviewer": {"fr": "Relecteur", "en": "Reviewer"},
        "matrix.status": {"fr": "Statut", "en": "Status"},
        "matrix.response": {"fr": "Réponse", "en": "Response"},
        "export.comments": {
            "fr": "Ajouter en annexe la matrice des commentaires du cycle",
            "en": "Append the comment matrix of the review round",
        },
        "export.no_comments": {"fr": "(pas d’annexe)", "en": "(no appendix)"},
    }
)

STRINGS.update(
    {
        "wordcopy.title": {"fr": "Copie de relecture — {title}", "en": "Review copy — {title}"},
        "wordcopy.round": {"fr": "Cycle de relecture : {round}", "en": "Review round: {round}"},
        "wordcopy.context": {"fr": "Adapté au contexte : {context}", "en": "Adapted to the context: {context}"},
        "wordcopy.due": {
            "fr": "Merci de renvoyer vos commentaires avant le {date}.",
            "en": "Please send your comments back by {date}.",
        },
        "wordcopy.how": {"fr": "Comment relire ce document", "en": "How to review this document"},
        "wordcopy.step_comment": {
            "fr": "Sélectionnez les mots qui vous font réagir et insérez un commentaire (Révision › Nouveau "
            "commentaire) : il sera rattaché à l’activité, la séance ou le module où il se trouve.",
            "en": "Select the words you want to react to and insert a comment (Review › New comment): it will "
            "be attached to the activity, session or module it sits in.",
        },
        "wordcopy.step_track": {
            "fr": "Pour proposer une autre formulation, activez le suivi des modifications (Révision › Suivi "
            "des modifications) puis corrigez le texte : chaque modification devient une proposition que les "
            "concepteurs peuvent accepter.",
            "en": "To suggest other wording, turn on Track Changes (Review › Track Changes) and edit the text: "
            "each change becomes a suggestion the designers can accept.",
        },
        "wordcopy.step_keep": {
            "fr": "Ne supprimez pas les titres et ne copiez pas le texte dans un autre fichier : ils permettent "
            "de retrouver l’élément commenté. Vous pouvez répondre aux commentaires des autres.",
            "en": "Do not delete the headings or copy the text into another file: they are how your comments "
            "find their item again. You may reply to other comments.",
        },
        "wordcopy.step_send": {
            "fr": "Enregistrez au format Word (.docx) et renvoyez le fichier par courriel aux concepteurs.",
            "en": "Save as a Word document (.docx) and e-mail the file back to the designers.",
        },
        "wordcopy.kind.module": {"fr": "Module", "en": "Module"},
        "wordcopy.kind.session": {"fr": "Séance", "en": "Session"},
        "wordcopy.kind.handout": {"fr": "Document à distribuer", "en": "Handout"},
        "wordcopy.field.summary": {"fr": "Résumé", "en": "Summary"},
        "wordcopy.field.instructions": {"fr": "Déroulement", "en": "Instructions"},
        "wordcopy.field.facilitator_notes": {"fr": "Notes pour l’animateur", "en": "Facilitator notes"},
        "wordcopy.field.body": {"fr": "Texte", "en": "Text"},
    }
)

STRINGS.update(
    {
        "word.title": {"fr": "Relecture dans Word (copie par courriel)", "en": "Review in Word (copy by e-mail)"},
        "word.intro": {
            "fr": "Envoyez la copie de relecture aux experts qui ne se connectent pas ; importez les fichiers "
            "qu’ils renvoient : leurs commentaires, réponses et modifications suivies arrivent sur les éléments "
            "concernés.",
            "en": "Send the review copy to experts who do not sign in; import the files they send back: their "
            "comments, replies and tracked changes land on the items they are about.",
        },
        "word.lang": {"fr": "Langue de la copie", "en": "Language of the copy"},
        "word.context": {"fr": "Contexte (glossaire)", "en": "Context (glossary)"},
        "word.no_context": {"fr": "(aucun)", "en": "(none)"},
        "word.prepare": {"fr": "Préparer la copie de relecture (.docx)", "en": "Prepare the review copy (.docx)"},
        "word.download": {"fr": "Télécharger la copie de relecture", "en": "Download the review copy"},
        "word.upload": {
            "fr": "Copies renvoyées par les relecteurs (.docx, plusieurs à la fois)",
            "en": "Copies sent back by reviewers (.docx, several at once)",
        },
        "word.import": {"fr": "Importer les commentaires", "en": "Import the comments"},
        "word.imported": {
            "fr": "{name} : {new} nouveau(x) commentaire(s), {replies} réponse(s), {edits} modification(s) "
            "proposée(s), {skipped} déjà importé(s).",
            "en": "{name}: {new} new comments, {replies} replies, {edits} suggested edits, {skipped} already imported.",
        },
        "word.outside": {
            "fr": "Un commentaire placé hors de tout élément est rattaché au curriculum dans son ensemble : « {text} »",
            "en": "A comment anchored outside every item was put on the curriculum as a whole: “{text}”",
        },
        "word.by_headings": {
            "fr": "{name} : les repères de la copie ont été supprimés ; les éléments ont été retrouvés par leurs titres.",
            "en": "{name}: the copy's marks were deleted; items were found by their headings.",
        },
        "word.now": {"fr": "Texte actuel", "en": "Current wording"},
        "word.suggested": {"fr": "Texte proposé", "en": "Suggested wording"},
        "word.accept": {"fr": "Accepter cette modification", "en": "Accept this edit"},
        "word.accepted": {
            "fr": "Modification appliquée : {module}, révision {revision}.",
            "en": "Edit applied: {module}, revision {revision}.",
        },
    }
)

# Choice values are codes in YAML and on the command line; the interface and the packs show
# them by their names. The name of code C of kind K is STRINGS[f"{K}.{C}"] in each language;
# CHOICE_KINDS lists the kinds (tests/test_choices.py checks every code of the model has a
# name in both languages). `label(kind, code, lang)` looks one up.
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

STRINGS.update(
    {
        "theme.information-sharing": {"fr": "partage d’informations", "en": "information sharing"},
        "theme.risk-assessment": {"fr": "évaluation des risques", "en": "risk assessment"},
        "theme.trust-building": {"fr": "construction de la confiance", "en": "trust building"},
        "theme.sustainability": {"fr": "pérennisation", "en": "sustainability"},
        "theme.monitoring-evaluation": {"fr": "suivi et évaluation", "en": "monitoring and evaluation"},
        "theme.custom": {"fr": "autre thème", "en": "other theme"},
        "handout_kind.case-study": {"fr": "étude de cas", "en": "case study"},
        "handout_kind.checklist": {"fr": "liste de contrôle", "en": "checklist"},
        "handout_kind.decision-tree": {"fr": "arbre de décision", "en": "decision tree"},
        "handout_kind.template": {"fr": "modèle à remplir", "en": "template"},
        "handout_kind.reading": {"fr": "lecture", "en": "reading"},
        "adaptation.replace": {"fr": "texte remplacé", "en": "text replaced"},
        "adaptation.minutes": {"fr": "durée changée", "en": "length changed"},
        "adaptation.hide": {"fr": "élément masqué", "en": "item hidden"},
        "adaptation.note": {"fr": "note de contexte", "en": "context note"},
        "adaptation.swap": {"fr": "document remplacé", "en": "handout swapped"},
        "adaptation.addition": {"fr": "activité ajoutée", "en": "activity added"},
        "field.id": {"fr": "identifiant", "en": "id"},
        "field.revision": {"fr": "révision", "en": "revision"},
        "field.title": {"fr": "titre", "en": "title"},
        "field.summary": {"fr": "résumé", "en": "summary"},
        "field.sessions": {"fr": "séances", "en": "sessions"},
        "field.theme": {"fr": "thème", "en": "theme"},
        "field.objectives": {"fr": "objectifs", "en": "objectives"},
        "field.audience": {"fr": "publics", "en": "audience"},
        "field.prerequisites": {"fr": "prérequis", "en": "prerequisites"},
        "field.references": {"fr": "références", "en": "references"},
        "field.handouts": {"fr": "documents", "en": "handouts"},
        "field.questions": {"fr": "questions du test", "en": "test questions"},
        "field.activities": {"fr": "activités", "en": "activities"},
        "field.method": {"fr": "méthode", "en": "method"},
        "field.minutes": {"fr": "durée (min)", "en": "length (min)"},
        "field.grouping": {"fr": "organisation", "en": "grouping"},
        "field.instructions": {"fr": "consignes", "en": "instructions"},
        "field.facilitator_notes": {"fr": "notes pour l’animateur", "en": "facilitator notes"},
        "field.materials": {"fr": "matériel", "en": "materials"},
        "field.debrief": {"fr": "débriefing", "en": "debrief"},
        "field.body": {"fr": "texte", "en": "text"},
        "field.kind": {"fr": "type", "en": "kind"},
        "contexts.col.start": {"fr": "Début (HH:MM)", "en": "Start (HH:MM)"},
        "contexts.col.end": {"fr": "Fin (HH:MM)", "en": "End (HH:MM)"},
        "contexts.col.days": {"fr": "Jours (vide = tous ; ex. 1, 3)", "en": "Days (empty = all; e.g. 1, 3)"},
        "contexts.col.label_fr": {"fr": "Libellé (FR)", "en": "Label (FR)"},
        "contexts.col.label_en": {"fr": "Libellé (EN)", "en": "Label (EN)"},
        "matrix.round": {"fr": "Cycle", "en": "Round"},
        "matrix.excerpt": {"fr": "Extrait", "en": "Excerpt"},
        "matrix.role": {"fr": "Fonction", "en": "Role"},
        "contexts.changed": {"fr": "adapté", "en": "adapted"},
        "review.whole_place": {"fr": "l’ensemble du curriculum", "en": "the curriculum as a whole"},
        "status.details": {"fr": "Voir chaque avertissement", "en": "See every warning"},
        "review.with_due": {"fr": "Fixer une date limite", "en": "Set a due date"},
        "app.crashed": {
            "fr": "Cette page a rencontré une erreur inattendue ({kind}) ; rien n’a été perdu de ce qui était enregistré. "
            "Rechargez la page ; si l’erreur revient, signalez-la à l’administrateur avec l’heure (le détail est dans le "
            "journal du serveur).",
            "en": "This page met an unexpected error ({kind}); nothing already saved is lost. Reload the page; if the "
            "error comes back, report it to the administrator with the time (the details are in the server log).",
        },
        "status.file": {"fr": "Fichier", "en": "File"},
        "status.line": {"fr": "Ligne", "en": "Line"},
        "status.problem": {"fr": "Avertissement et correction", "en": "Warning and fix"},
        "library.open_comments": {"fr": "{n} commentaire(s) ouvert(s)", "en": "{n} open comment(s)"},
        "review.limit": {
            "fr": "{most} caractères au plus (environ trois pages) : partagez un texte plus long comme document.",
            "en": "At most {most} characters (about three pages): share a longer text as a document.",
        },
    }
)


STRINGS.update(
    {
        "fit.summary": {
            "fr": "Ajuster à {days} pour « {context} » : {changes}.",
            "en": "Fit to {days} for {context}: {changes}.",
        },
        "fit.nothing": {
            "fr": "Le programme tient déjà en {days} pour « {context} » : rien à changer.",
            "en": "The programme already fits {days} for {context}: nothing to change.",
        },
        "fit.days": {"fr": "{count} jours", "en": "{count} days"},
        "fit.days_one": {"fr": "1 jour", "en": "1 day"},
        "fit.shorten": {"fr": "raccourcir {count} activités", "en": "shorten {count} activities"},
        "fit.shorten_one": {"fr": "raccourcir 1 activité", "en": "shorten 1 activity"},
        "fit.drop": {"fr": "retirer {count} éléments facultatifs", "en": "drop {count} optional ones"},
        "fit.drop_one": {"fr": "retirer 1 élément facultatif", "en": "drop 1 optional one"},
        "fit.move": {"fr": "{count} séances changent de jour", "en": "{count} sessions move to another day"},
        "fit.move_one": {"fr": "1 séance change de jour", "en": "1 session moves to another day"},
        "fit.missing": {
            "fr": "il manque encore {minutes} min ({days} jours suffiraient)",
            "en": "{minutes} min still missing ({days} days would be enough)",
        },
        "fit.title": {"fr": "Ajuster aux journées", "en": "Fit to the days"},
        "fit.apply": {
            "fr": "Appliquer comme adaptations du contexte",
            "en": "Apply as the context’s adaptations",
        },
        "fit.applied": {
            "fr": "Ajustement enregistré dans le contexte « {context} » ({count} adaptation(s)).",
            "en": "Fit saved in the {context} context ({count} adaptation(s)).",
        },
        "fit.no_context": {
            "fr": "Choisissez un contexte pour l’aperçu : l’ajustement s’enregistre comme adaptations d’un contexte.",
            "en": "Pick a context for the preview: a fit is saved as a context’s adaptations.",
        },
        "fit.scope": {
            "fr": "Les adaptations s’appliquent à tout curriculum animé dans le contexte « {context} » ; les modules restent inchangés.",
            "en": "Adaptations apply to every curriculum run in the {context} context; the modules stay as they are.",
        },
        "fit.unsaved_draft": {
            "fr": "L’ajustement porte sur le brouillon affiché ; enregistrez aussi le curriculum si vous l’avez modifié.",
            "en": "The fit is computed on the draft shown; save the curriculum too if you changed it.",
        },
        "fit.kind.shorten": {"fr": "raccourcir", "en": "shorten"},
        "fit.kind.drop": {"fr": "retirer", "en": "drop"},
        "fit.kind.move": {"fr": "changer de jour", "en": "move"},
        "fit.kind.missing": {"fr": "manque", "en": "missing"},
        "fit.col.change": {"fr": "Changement", "en": "Change"},
        "fit.col.target": {"fr": "Élément", "en": "Item"},
        "fit.col.before": {"fr": "Avant (min)", "en": "Before (min)"},
        "fit.col.after": {"fr": "Après (min)", "en": "After (min)"},
        "agenda.continued": {"fr": "(suite)", "en": "(continued)"},
        "field.min_minutes": {"fr": "durée minimale (min)", "en": "shortest length (min)"},
        "field.optional": {"fr": "facultatif", "en": "optional"},
        "field.priority": {"fr": "priorité", "en": "priority"},
        "priority.high": {"fr": "haute", "en": "high"},
        "priority.normal": {"fr": "normale", "en": "normal"},
        "priority.low": {"fr": "basse", "en": "low"},
        "pack.schedule_warnings": {"fr": "Points d’attention sur l’horaire", "en": "Schedule warnings"},
        "pack.days_time": {
            "fr": "Jour {day}, {start} – jour {last}, {end}",
            "en": "Day {day}, {start} – day {last}, {end}",
        },
    }
)


STRINGS.update(
    {
        "docx.toc_placeholder": {
            "fr": "Clic droit › Mettre à jour le champ pour afficher le sommaire.",
            "en": "Right-click › Update field to show the contents.",
            "ar": "انقر بزر الفأرة الأيمن ثم اختر «تحديث الحقل» لعرض جدول المحتويات.",
        },
    }
)
