"""Generate a large workspace for benchmarks: N modules × 6 sessions × 5 activities, bilingual.

python benchmarks/generate.py OUT_DIR [--modules 500]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from curriculum import yamlfile
from curriculum.model import METHODS

WORDS_FR = "partage information consentement secret professionnel cellule suivi famille confiance acteur terrain orientation prise charge évaluation".split()
WORDS_EN = "sharing information consent professional secrecy panel follow-up family trust actor field referral support assessment".split()


def _text(rng: random.Random, words: int) -> dict:
    return {
        "fr": " ".join(rng.choice(WORDS_FR) for _ in range(words)).capitalize() + ".",
        "en": " ".join(rng.choice(WORDS_EN) for _ in range(words)).capitalize() + ".",
    }


def _paragraphs(rng, count):
    fr = "\n".join(f"{i}. " + _text(rng, 14)["fr"] for i in range(1, count + 1))
    en = "\n".join(f"{i}. " + _text(rng, 14)["en"] for i in range(1, count + 1))
    return {"fr": fr, "en": en}


def _flexibility(position: int) -> dict:
    """What a fit may cut: the last activity of a session is optional, the others shorten by 5."""
    return {"optional": "true"} if position == 4 else {"min_minutes": 10 + 5 * (position % 2)}


def module(index: int, rng: random.Random) -> dict:
    sessions = []
    for s in range(6):
        activities = [
            {
                "id": f"a{a + 1}",
                "title": _text(rng, 4),
                "method": METHODS[(s + a) % len(METHODS)],
                "minutes": rng.choice([10, 15, 20, 25, 30]),
                "grouping": "plenary",
                "instructions": _paragraphs(rng, 3),
                "facilitator_notes": _paragraphs(rng, 3),
                "materials": [_text(rng, 3)],
                "handouts": ["h1"],
                "debrief": [_text(rng, 8), _text(rng, 8)],
                **_flexibility(a),
            }
            for a in range(5)
        ]
        for activity in activities:
            if activity.get("min_minutes", 0) >= activity["minutes"]:
                del activity["min_minutes"]
        sessions.append({"id": f"s{s + 1}", "title": _text(rng, 5), "objectives": ["o1"], "activities": activities})
    return {
        "id": f"module-{index:04d}",
        "revision": 1,
        "theme": "information-sharing",
        "title": _text(rng, 5),
        "summary": _paragraphs(rng, 2),
        "objectives": [{"id": "o1", "bloom": "apply", "text": _text(rng, 10)}],
        "audience": ["police", "social-work"],
        "sessions": sessions,
        "handouts": [{"id": "h1", "kind": "case-study", "title": _text(rng, 4), "body": _paragraphs(rng, 4)}],
        "questions": [
            {
                "id": "q1",
                "objective": "o1",
                "kind": "choice",
                "text": _text(rng, 10),
                "options": [_text(rng, 4), _text(rng, 4)],
                "answer": 0,
            }
        ],
    }


def context(index: int, modules: int, rng: random.Random) -> dict:
    target = f"module-{index % modules:04d}"
    return {
        "id": f"context-{index:02d}",
        "revision": 1,
        "name": _text(rng, 3),
        "languages": ["fr", "en"],
        "default_language": "fr",
        "briefing": _paragraphs(rng, 4),
        "glossary": {
            "fr": [{"term": "famille", "replace": "foyer"}],
            "en": [{"term": "family", "replace": "household"}],
        },
        "timing": {"interpretation_factor": 1.1},
        "overrides": [
            {"target": f"{target}/s1/a1", "base_revision": 1, "kind": "minutes", "minutes": 20},
            {"target": f"{target}/s2/a2", "base_revision": 1, "kind": "note", "note": _text(rng, 12)},
        ],
    }


def curriculum(index: int, modules: int, days: int = 5) -> dict:
    picked = [f"module-{(index * 7 + k) % modules:04d}" for k in range(days * 2)]
    return {
        "id": f"curriculum-{index:02d}",
        "revision": 1,
        "title": {"fr": f"Curriculum {index}", "en": f"Curriculum {index}"},
        "default_context": f"context-{index % 20:02d}",
        "schedule": {
            "days": days,
            "day_start": "08:30",
            "day_end": "17:30",
            "breaks": [{"start": "10:30", "minutes": 15}, {"start": "15:30", "minutes": 15}],
            "lunch": {"start": "12:30", "minutes": 60},
        },
        "items": [{"module": m, "sessions": ["s1", "s2"]} for m in picked],
    }


def generate(root: Path, modules: int = 500, seed: int = 7, contexts: int = 0, curricula: int = 0) -> Path:
    rng = random.Random(seed)
    folder = root / "modules"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "contexts").mkdir(exist_ok=True)
    (root / "curricula").mkdir(exist_ok=True)
    for index in range(modules):
        data = module(index, rng)
        (folder / f"{data['id']}.yaml").write_text(yamlfile.dump(data), encoding="utf-8")
    for index in range(contexts):
        data = context(index, modules, rng)
        (root / "contexts" / f"{data['id']}.yaml").write_text(yamlfile.dump(data), encoding="utf-8")
    for index in range(curricula):
        data = curriculum(index, modules)
        (root / "curricula" / f"{data['id']}.yaml").write_text(yamlfile.dump(data), encoding="utf-8")
    return root


def comments(root: Path, curriculum_id: str, count: int, seed: int = 11) -> None:
    """`count` review comments on one curriculum, written in one transaction."""
    from curriculum import review

    rng = random.Random(seed)
    with review.connect(root) as db:
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "INSERT OR IGNORE INTO rounds (curriculum, name, opened, snapshot) VALUES (?, 'Round 1', '2026-11-01T00:00:00+00:00', '{\"items\": {}}')",
            (curriculum_id,),
        )
        round_id = db.execute(
            "SELECT id FROM rounds WHERE curriculum = ? AND name = 'Round 1'", (curriculum_id,)
        ).fetchone()[0]
        rows = [
            (
                round_id,
                curriculum_id,
                f"module-{rng.randrange(500):04d}/s1",
                1,
                "",
                f"reviewer-{i % 40}",
                "expert",
                " ".join(rng.choice(WORDS_EN) for _ in range(30)),
                "2026-11-02T00:00:00+00:00",
                "2026-11-02T00:00:00+00:00",
            )
            for i in range(count)
        ]
        db.executemany(
            "INSERT INTO comments (round_id, curriculum, target, revision, excerpt, author, role, body, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.execute("COMMIT")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--modules", type=int, default=500)
    args = parser.parse_args()
    generate(args.out, args.modules)
    print(f"wrote {args.modules} modules under {args.out}")
