"""The agenda at a glance in every pack and in agenda.csv: clock order, pauses between the
pieces they interrupt, "(continued)"; schedule warnings on the facilitator pack's agenda page."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io

import pytest

from curriculum.export.document import Heading, Note, Table
from curriculum.export.formats import agenda_csv, export
from curriculum.export.pack import build_pack, scope
from curriculum.model import minutes_of
from curriculum.resolve import resolve
from curriculum.workspace import load_workspace
from tests.conftest import BUNDLED
from tests.test_export import text_of

DAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def bundled():
    return load_workspace(BUNDLED)


def glance_tables(document):
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "glance")
    end = next(i for i, b in enumerate(blocks) if i > start and isinstance(b, Heading) and b.level <= 2)
    return [b for b in blocks[start:end] if isinstance(b, Table)], blocks[start:end]


def spans(table):
    out = []
    for when, _, _ in table.rows:
        begin, end = when.split("–")
        out.append((minutes_of(begin), minutes_of(end)))
    return out


def test_every_glance_row_is_in_clock_order_and_no_row_overlaps_the_next(bundled):
    for curriculum in bundled.curricula:
        for context in bundled.contexts:
            programme = resolve(bundled, curriculum, context, "en")
            tables, _ = glance_tables(build_pack(programme, "facilitator", DAY))
            assert len(tables) == sum(1 for d in programme.days if d)
            for table in tables:
                rows = spans(table)
                assert all(a[1] <= b[0] for a, b in zip(rows, rows[1:], strict=False)), (curriculum, context, rows)


def test_a_session_interrupted_by_a_pause_shows_twice_the_second_time_continued(bundled):
    programme = resolve(bundled, "core-3-day", "sahel-mali", "fr")
    resumed = [s for day in programme.days for s in day if s.continued]
    assert resumed, "the Mali 3-day programme has sessions resumed after a pause"
    slot = resumed[0]
    title = next(s.title for s in programme.sessions if (s.module, s.id) == (slot.module, slot.session))
    tables, _ = glance_tables(build_pack(programme, "facilitator", DAY))
    rows = [row for table in tables for row in table.rows if title in row[1]]
    assert len(rows) >= 2 and "*(suite)*" in rows[1][1] and "(suite)" not in rows[0][1]
    # the pause between the two pieces is a row of its own, between them
    table = next(t for t in tables if any(title in r[1] for r in t.rows))
    items = [r[1] for r in table.rows]
    first = items.index(rows[0][1])
    assert items[first + 1].startswith("*") and items[first + 2] == rows[1][1]


def test_agenda_csv_rows_are_in_clock_order_with_the_continued_mark(bundled):
    programme = resolve(bundled, "core-3-day", "sahel-mali", "en")
    rows = list(csv.DictReader(io.StringIO(agenda_csv(programme).decode("utf-8-sig"))))
    by_day: dict[str, list] = {}
    for row in rows:
        by_day.setdefault(row["day"], []).append((row["start"], row["end"]))
    for times in by_day.values():
        assert all(a[1] <= b[0] for a, b in zip(times, times[1:], strict=False))
    assert {row["continued"] for row in rows} == {"0", "1"}
    assert all(row["kind"] == "activity" for row in rows if row["continued"] == "1")


@pytest.mark.parametrize("fmt", ["pdf", "html", "md", "docx"])
def test_overflow_and_idle_time_are_on_the_agenda_page_of_the_facilitator_pack(bundled, fmt):
    programme = resolve(bundled, "core-3-day", "maghreb-tunisia", "fr")
    document = build_pack(programme, "facilitator", DAY)
    _, section = glance_tables(document)
    notes = [b for b in section if isinstance(b, Note)]
    assert len(notes) == 1 and notes[0].title == "Points d’attention sur l’horaire"
    assert "Jour 3 : le programme déborde de" in " ".join(notes[0].text.split())  # French spacing: no-break
    text = " ".join(html.unescape(text_of(fmt, export(programme, "facilitator", fmt, "f", DAY)[1])).split())
    assert "Jour 3 : le programme déborde de" in text
    assert "Points d’attention sur l’horaire" in text


def test_a_programme_that_fits_carries_no_schedule_note(bundled):
    document = build_pack(resolve(bundled, "core-3-day", "generic", "en"), "facilitator", DAY)
    _, section = glance_tables(document)
    notes = [b for b in section if isinstance(b, Note)]
    assert all("overflows" not in n.text for n in notes)


def test_a_day_pack_keeps_the_part_of_a_session_resumed_that_morning(bundled):
    programme = resolve(bundled, "core-3-day", "sahel-mali", "en")
    overnight = [
        (number, slots[0])
        for number, slots in enumerate(programme.days, start=1)
        if slots and slots[0].kind == "activity" and slots[0].continued
    ]
    if not overnight:
        pytest.skip("no session resumes overnight in this programme")
    number, slot = overnight[0]
    day = scope(programme, day=number)
    session = next(s for s in day.sessions if (s.module, s.id) == (slot.module, slot.session))
    assert {a.day for a in session.activities} == {number}
