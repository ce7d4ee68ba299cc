"""AppTest: the Composer's fit proposal beside the agenda, applied as the context's adaptations."""

from __future__ import annotations

from curriculum.adapt import target_state
from curriculum.resolve import resolve
from curriculum.workspace import STORE, load_workspace
from tests.test_composer_page import open_composer


def _pick(at, curriculum, context):
    at.selectbox(key="composer.pick").set_value(curriculum).run()
    at.selectbox(key=f"composer.{curriculum}.context").set_value(context).run()
    assert not at.exception, at.exception


def _changes(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_fit_is_proposed_and_applied_as_the_contexts_adaptations(bundled, monkeypatch):
    modules_before = {p.name: p.read_bytes() for p in (bundled / "modules").glob("*.yaml")}
    before = load_workspace(bundled)
    overrides_before = len(before.contexts["maghreb-tunisia"].overrides)
    assert any(n.code == "overflow" for n in resolve(before, "awareness-1-day", "maghreb-tunisia", "en").notices)

    at = open_composer(bundled, monkeypatch)
    _pick(at, "awareness-1-day", "maghreb-tunisia")
    assert any(i.value.startswith("Fit to 1 day for Tunisia (Maghreb): shorten") for i in at.info)
    changes = _changes(at, "Change")
    assert set(changes["Change"]) == {"shorten"}
    at.button(key="composer.fit.apply").click().run()
    assert not at.exception, at.exception
    assert any("Fit saved in the Tunisia (Maghreb) context" in s.value for s in at.success)

    STORE.forget()
    after = load_workspace(bundled)
    context = after.contexts["maghreb-tunisia"]
    assert context.revision == before.contexts["maghreb-tunisia"].revision + 1
    added = context.overrides[overrides_before:]
    assert len(added) == len(changes) and {o.kind for o in added} == {"minutes"}
    assert all(target_state(after, o.target, o.base_revision) == ("current", None) for o in added)
    assert not any(n.code == "overflow" for n in resolve(after, "awareness-1-day", "maghreb-tunisia", "en").notices)
    assert {p.name: p.read_bytes() for p in (bundled / "modules").glob("*.yaml")} == modules_before  # not forked
    # once applied, the proposal says there is nothing left to change, and no apply button
    assert any("already fits 1 day" in s.value for s in at.success)
    assert not [b for b in at.button if b.key == "composer.fit.apply"]


def test_the_fit_proposal_speaks_french(bundled, monkeypatch):
    at = open_composer(bundled, monkeypatch, lang="fr")
    _pick(at, "awareness-1-day", "sahel-chad")
    assert any(i.value.startswith("Ajuster à 1 jour pour « Tchad") for i in at.info), [i.value for i in at.info]
    assert set(_changes(at, "Changement")["Changement"]) == {"raccourcir"}


def test_the_proposal_names_items_by_their_titles_not_their_ids(bundled, monkeypatch):
    at = open_composer(bundled, monkeypatch, lang="fr")
    _pick(at, "core-5-day", "sahel-chad")
    table = _changes(at, "Élément")
    first = dict(zip(table.columns, table.iloc[0], strict=True))
    assert first["Changement"] == "raccourcir"
    assert first["Élément"] == (
        "Lever les obstacles au partage d’informations › Ce que je peux partager, avec qui et dans quel but"
        " › Repères juridiques : bases légales et principes de protection des données"
    )
    assert not any("information-sharing/" in item for item in table["Élément"])
    assert set(table["Changement"]) == {"raccourcir", "changer de jour"}
    assert any(
        c.value.startswith("Les adaptations s’appliquent à tout curriculum animé dans le contexte") for c in at.caption
    )
