"""The command line: `python -m curriculum …`.

Exit codes: 0 success (warnings print and keep 0 unless --strict), 1 a user error (one
line per problem on stderr, no traceback), 2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from . import languages
from .agenda import agenda_table
from .export.formats import export, file_stem, write_pack
from .export.pack import scope
from .problems import ContentError
from .resolve import resolve
from .workspace import default_root, load_workspace
from .yamlfile import write_bytes_atomic


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m curriculum", description="Referral-mechanism curriculum builder.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace", type=Path, help="workspace folder (default: $CURRICULUM_WORKSPACE or the bundled sample)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", parents=[common], help="check every file of the workspace")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    listing = sub.add_parser("list", parents=[common], help="list modules, contexts or curricula")
    listing.add_argument("kind", choices=["modules", "contexts", "curricula"])
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument(
        "--lang", default=None, help="any of the workspace's languages (default: English when it has it)"
    )

    agenda = sub.add_parser("agenda", parents=[common], help="print the timed agenda of a curriculum")
    agenda.add_argument("curriculum")
    agenda.add_argument("--context", required=True)
    agenda.add_argument("--lang", required=True, help="any of the workspace's languages")
    agenda.add_argument("--json", action="store_true", help="print JSON")

    fitting = sub.add_parser(
        "fit", parents=[common], help="propose the smallest changes that make a curriculum fit its days in a context"
    )
    fitting.add_argument("curriculum")
    fitting.add_argument("--context", required=True)
    fitting.add_argument("--days", type=_days, help="fit to this many days (default: the curriculum's own)")
    fitting.add_argument(
        "--lang",
        default=None,
        help="language of titles and messages (any of the workspace's; default: English when it has it)",
    )
    fitting.add_argument("--json", action="store_true", help="print JSON")

    export = sub.add_parser("export", parents=[common], help="write a facilitator or participant pack")
    export.add_argument("curriculum")
    export.add_argument("--context", required=True)
    export.add_argument("--lang", required=True, help="any of the workspace's languages")
    export.add_argument("--pack", choices=["facilitator", "participant"], required=True)
    export.add_argument("--format", choices=["pdf", "html", "md", "docx", "zip"], required=True)
    export.add_argument("--out", type=Path, required=True, help="folder to write the pack into")
    scope = export.add_mutually_exclusive_group()
    scope.add_argument("--day", type=int, help="only this day (1, 2, …)")
    scope.add_argument("--session", help="only this session, as MODULE/SESSION")
    export.add_argument(
        "--comments", metavar="ROUND", help="facilitator pack: append the comment matrix of this review round"
    )

    review = sub.add_parser("review", help="expert review: comments, rounds, comment matrix")
    actions = review.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[common], help="add a comment on an item of a curriculum")
    add.add_argument("curriculum")
    add.add_argument("--target", required=True, help="MODULE[/SESSION[/ACTIVITY]] by ids")
    add.add_argument("--author", required=True)
    add.add_argument("--role", required=True)
    add.add_argument("--text", required=True)
    add.add_argument("--round", help="round name (opened if it does not exist yet)")
    listing = actions.add_parser("list", parents=[common], help="list the comments of a curriculum")
    listing.add_argument("curriculum")
    listing.add_argument("--round")
    listing.add_argument("--json", action="store_true")
    matrix = actions.add_parser("matrix", parents=[common], help="write the comment matrix of a round")
    matrix.add_argument("curriculum")
    matrix.add_argument("--round", required=True)
    matrix.add_argument("--format", choices=["csv", "xlsx"], required=True)
    matrix.add_argument("--out", type=Path, required=True, help="file to write")
    matrix.add_argument(
        "--lang", default=None, help="any of the workspace's languages (default: English when it has it)"
    )
    copy = actions.add_parser("docx", parents=[common], help="write the Word review copy of a round")
    copy.add_argument("curriculum")
    copy.add_argument("--round", required=True)
    copy.add_argument("--lang", required=True, help="any of the workspace's languages")
    copy.add_argument("--context", help="apply this context's glossary and name it on the first page")
    copy.add_argument("--out", type=Path, required=True, help="file to write (.docx)")
    back = actions.add_parser("import", parents=[common], help="bring a reviewer's returned Word copy in")
    back.add_argument("curriculum")
    back.add_argument("file", type=Path)
    back.add_argument("--round", help="the round the copy must belong to (default: the one it names)")
    back.add_argument("--json", action="store_true", help="print JSON")

    intake = sub.add_parser("import", parents=[common], help="import a module YAML or a ZIP of modules")
    intake.add_argument("file", type=Path)
    clash = intake.add_mutually_exclusive_group()
    clash.add_argument("--replace", action="store_true", help="overwrite modules with the same id (history kept)")
    clash.add_argument("--rename", metavar="NEW_ID", default="", help="import a single module under another id")

    users = sub.add_parser("users", help="accounts for server mode")
    user_actions = users.add_subparsers(dest="action", required=True)
    add_user = user_actions.add_parser(
        "add", parents=[common], help="add an account (password read from a prompt or stdin)"
    )
    add_user.add_argument("name")
    add_user.add_argument("--role", choices=["designer", "facilitator", "reviewer"], required=True)
    add_user.add_argument("--email", default="", help="e-mail used by single sign-on (st.login), if configured")
    user_actions.add_parser("list", parents=[common], help="list accounts")
    remove_user = user_actions.add_parser("remove", parents=[common], help="remove an account")
    remove_user.add_argument("name")
    return parser


def _days(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days (1 or more)")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        _check_lang(parser, args)
        return COMMANDS[args.command](args)
    except ContentError as exc:
        for line in exc.lines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a fault no verb turned into a WriteError: still one line, never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc} — check the path, its permissions and free space", file=sys.stderr)
        return 1


def _check_lang(parser, args) -> None:
    """`--lang` must be one of the workspace's languages (exit 2, as argparse does for a bad
    choice); without it, English when the workspace has it, else its first language."""
    if not hasattr(args, "lang"):
        return
    known = load_workspace(args.workspace).languages
    if args.lang is None:
        args.lang = languages.DEFAULT if languages.DEFAULT in known or not known else known[0]
    elif args.lang not in known:
        parser.error(
            f"argument --lang: unknown language '{args.lang}' — use one of the workspace's languages: "
            + (", ".join(known) or "none")
            + " (declared in settings.yaml)"
        )


def _counted(n: int, one: str, many: str) -> str:
    """'1 error', '3 errors': the command line speaks English (scripts read it)."""
    return f"{n} {one if n == 1 else many}"


def _validate(args) -> int:
    workspace = load_workspace(args.workspace)
    for problem in workspace.problems:
        label = "error" if problem.is_error else "warning"
        print(f"{label}: {problem}", file=sys.stderr)
    errors, warnings = len(workspace.errors), len(workspace.warnings)
    counts = ", ".join(
        (
            _counted(len(workspace.modules), "module", "modules"),
            _counted(len(workspace.contexts), "context", "contexts"),
            _counted(len(workspace.curricula), "curriculum", "curricula"),
        )
    )
    print(f"{counts} loaded; {_counted(errors, 'error', 'errors')}, {_counted(warnings, 'warning', 'warnings')}")
    return 1 if errors or (args.strict and warnings) else 0


def _list(args) -> int:
    workspace = load_workspace(args.workspace)
    for problem in workspace.errors:
        print(f"error: {problem}", file=sys.stderr)
    records = workspace.records(args.kind)
    rows = [_row(args.kind, record, args.lang) for record in records.values()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['id']:<28} r{row['revision']:<4} {row['title']}")
    return 0


def _row(kind: str, record, lang: str) -> dict:
    row = {"id": record.id, "title": record.title.get(lang), "revision": record.revision}
    if kind == "modules":
        row.update(theme=record.theme, sessions=len(record.sessions), minutes=record.minutes)
    elif kind == "contexts":
        row.update(languages=list(record.languages), overrides=len(record.overrides))
    else:
        row.update(days=record.schedule.days, modules=[item.module for item in record.items])
    return row


def _agenda(args) -> int:
    workspace = load_workspace(args.workspace)
    programme = resolve(workspace, args.curriculum, args.context, args.lang)
    if args.json:
        print(json.dumps(programme.agenda(), ensure_ascii=False, indent=2))
        return 0
    print(agenda_table(programme))
    for warning in programme.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _fit(args) -> int:
    from .fit import fit, summary

    workspace = load_workspace(args.workspace)
    curriculum = workspace.get("curricula", args.curriculum)
    context = workspace.get("contexts", args.context)
    result = fit(curriculum, context, workspace.modules, args.lang, args.days, workspace.languages)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(summary(result, args.lang))
        for change in result.changes:
            print(f"  {change.kind:<8} {change.target:<60} {change.minutes_before:>4} -> {change.minutes_after:>4} min")
    if not result.fits:
        print(f"error: {summary(result, args.lang)}", file=sys.stderr)
        return 1
    return 0


def _export(args) -> int:
    workspace = load_workspace(args.workspace)
    programme = scope(resolve(workspace, args.curriculum, args.context, args.lang), args.day, args.session)
    stem = file_stem(programme, args.pack, args.day, args.session)
    comments = None
    if args.comments:
        from . import review
        from .review_report import matrix_rows

        review.round_snapshot(workspace.root, args.curriculum, args.comments)
        comments = matrix_rows(workspace.root, workspace, args.curriculum, args.comments, args.lang)
    name, data = export(programme, args.pack, args.format, stem, comments=comments)
    path = write_pack(args.out, name, data)
    print(path)
    for warning in programme.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _review(args) -> int:
    from . import review
    from .review_report import matrix_csv, matrix_rows, matrix_xlsx

    workspace = load_workspace(args.workspace)
    root = workspace.root
    if args.action == "add":
        comment = review.add_comment(
            root, workspace, args.curriculum, args.target, args.author, args.role, args.text, args.round
        )
        print(f"comment {comment.id} added to round '{comment.round}' on {comment.target or args.curriculum}")
    elif args.action == "list":
        workspace.get("curricula", args.curriculum)
        found = review.comments(root, args.curriculum, round_name=args.round)
        if args.json:
            print(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
        for comment in [] if args.json else found:
            reply = f" (reply to {comment.parent})" if comment.parent else ""
            print(
                f"#{comment.id} [{comment.round}] {comment.target or '-'} {comment.author} ({comment.role}) {comment.status}{reply}: {comment.text}"
            )
    elif args.action in ("docx", "import"):
        return _review_word(args, workspace)
    else:
        workspace.get("curricula", args.curriculum)
        review.round_snapshot(root, args.curriculum, args.round)
        rows = matrix_rows(root, workspace, args.curriculum, args.round, args.lang)
        data = matrix_csv(rows, args.lang) if args.format == "csv" else matrix_xlsx(rows, args.lang)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(args.out, data)
        print(args.out)
    return 0


def _review_word(args, workspace) -> int:
    from .review_word import import_review, review_copy

    if args.action == "docx":
        data = review_copy(workspace.root, workspace, args.curriculum, args.round, args.lang, args.context)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(args.out, data)
        print(args.out)
        return 0
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read {args.file}: {exc.strerror}") from None
    report = import_review(workspace.root, workspace, args.curriculum, args.file.name, data, args.round)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    for text in report.outside:
        print(
            f"note: a comment is anchored outside every item, kept on the curriculum as a whole: {text[:80]}",
            file=sys.stderr,
        )
    if report.by_headings:
        print("note: the review marks were gone from the file; items were found by their headings", file=sys.stderr)
    return 0


def _import(args) -> int:
    from .imports import import_file

    workspace = load_workspace(args.workspace)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read {args.file}: {exc.strerror}") from None
    for module in import_file(workspace.root, workspace, args.file.name, data, args.replace, args.rename):
        print(f"imported module '{module.id}' (revision {module.revision})")
    return 0


def _users(args) -> int:
    from . import access

    root = default_root() if args.workspace is None else args.workspace
    if args.action == "add":
        if sys.stdin.isatty():
            password = getpass.getpass(f"Password for {args.name}: ")
            if getpass.getpass("Again: ") != password:
                raise ContentError("the two passwords differ — nothing saved")
        else:
            password = sys.stdin.readline().rstrip("\n")
        added = access.add_user(root, args.name, args.role, password, args.email)
        print(f"user '{added.name}' added as {added.role}")
    elif args.action == "list":
        for user in access.list_users(root):
            print(f"{user.name:<24} {user.role}")
    else:
        access.remove_user(root, args.name)
        print(f"user '{args.name}' removed")
    return 0


COMMANDS = {
    "validate": _validate,
    "list": _list,
    "agenda": _agenda,
    "fit": _fit,
    "export": _export,
    "review": _review,
    "import": _import,
    "users": _users,
}
