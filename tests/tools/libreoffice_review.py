"""A reviewer in LibreOffice: open a review copy, comment, reply, track a change, save as DOCX.

Run with Debian's /usr/bin/python3 (it has LibreOffice's `uno` bridge; the project's venv
does not): `python3 libreoffice_review.py IN.docx OUT.docx ACTIONS.json`. ACTIONS is a list:

    {"comment": MARK, "author": …, "text": …, "date": "2026-11-30T10:15:00"}
    {"reply": N, "author": …, "text": …, "date": …}   (N: index of the comment in the list)
    {"track": MARK, "author": …, "find": …, "replace": …}

MARK is a bookmark of the review copy (e.g. rv3i, an activity's instructions). One soffice
is started, with its own throw-away profile, and stopped at the end.

The document is loaded as a model without a window: headless LibreOffice 7.4 aborts when it
builds the comment margin of a view. For the same reason its Reply command (which needs
that margin) cannot be dispatched, so a reply is written as that command writes one: a new
comment at the same place whose first line reads "Reply to AUTHOR (date, time): "…"".
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.util import DateTime


def prop(name, value):
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def connect(pipe: str, profile: Path):
    process = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 90
    while True:
        try:
            return process, resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise SystemExit("soffice did not start") from None
            time.sleep(0.3)


def set_user(context, name: str) -> None:
    """The name LibreOffice writes as the author of tracked changes (Tools › Options › User Data)."""
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),)
    )
    first, _, last = name.partition(" ")
    access.setPropertyValue("givenname", first)
    access.setPropertyValue("sn", last)
    access.commitChanges()


def stamp(text: str) -> DateTime:
    day, clock = text.split("T")
    year, month, date = (int(x) for x in day.split("-"))
    hours, minutes, seconds = (int(x) for x in clock[:8].split(":"))
    return DateTime(0, seconds, minutes, hours, date, month, year, False)


def paragraph_at(document, mark: str):
    """A cursor over the first paragraph after a bookmark (where the review copy puts its marks)."""
    cursor = document.Text.createTextCursorByRange(document.getBookmarks().getByName(mark).getAnchor().getStart())
    cursor.gotoEndOfParagraph(True)
    return cursor


def annotate(document, cursor, author: str, text: str, date: str) -> None:
    note = document.createInstance("com.sun.star.text.textfield.Annotation")
    note.Author, note.Content = author, text
    if date:
        note.DateTimeValue = stamp(date)
    document.Text.insertTextContent(cursor, note, True)


def main(source: str, target: str, actions_file: str) -> None:
    actions = json.loads(Path(actions_file).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        process, context = connect(f"review{Path(tmp).name}", Path(tmp) / "profile")
        manager = context.ServiceManager
        try:
            trackers = [a["author"] for a in actions if "track" in a]
            if trackers:
                set_user(context, trackers[0])
            document = manager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
            document.load((prop("URL", Path(source).resolve().as_uri()), prop("FilterName", "MS Word 2007 XML")))
            places = []
            for action in actions:
                if "comment" in action:
                    cursor = paragraph_at(document, action["comment"])
                    places.append((action, action["comment"]))
                    annotate(document, cursor, action["author"], action["text"], action.get("date", ""))
                elif "reply" in action:
                    parent, mark = places[action["reply"]]
                    when = parent.get("date", "2026-01-01T00:00:00")
                    first = f'Reply to {parent["author"]} ({when[:10]}, {when[11:16]}): "{parent["text"]}"'
                    annotate(
                        document,
                        paragraph_at(document, mark),
                        action["author"],
                        f"{first}\n{action['text']}",
                        action.get("date", ""),
                    )
                elif "track" in action:
                    document.RecordChanges = True
                    cursor = paragraph_at(document, action["track"])
                    found = cursor.getString().index(action["find"])
                    cursor.collapseToStart()
                    cursor.goRight(found, False)
                    cursor.goRight(len(action["find"]), True)
                    cursor.setString(action["replace"])
                    document.RecordChanges = False
            document.storeToURL(Path(target).resolve().as_uri(), (prop("FilterName", "MS Word 2007 XML"),))
            document.close(True)
        finally:
            try:
                manager.createInstanceWithContext("com.sun.star.frame.Desktop", context).terminate()
            except Exception:
                pass
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main(*sys.argv[1:4])
