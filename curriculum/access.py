"""Who may do what: accounts, roles and the audit log (server mode).

On a laptop the app is single-user: no login, everything allowed. On a shared server
(`CURRICULUM_MODE=server`) every write names an Actor and the core refuses what the
actor's role does not allow — whatever the page shows. Accounts live in the workspace's
`users.yaml` with Argon2 password hashes (argon2-cffi); every content save and review
decision is appended to `audit.log` (one JSON object per line).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from filelock import FileLock

from .messages import action as action_words
from .messages import role_name, roles
from .problems import ContentError
from .records import SLUG

ROLES = ("designer", "facilitator", "reviewer")
USERS_FILE = "users.yaml"
AUDIT_FILE = "audit.log"

# action -> roles allowed to do it
ALLOWED = {
    "edit-content": {"designer"},
    "decide-comment": {"designer"},
    "open-round": {"designer"},
    "comment": {"designer", "reviewer"},
    "reply": {"designer", "reviewer"},
    "done-reviewing": {"reviewer", "designer"},
    "export": {"designer", "facilitator", "reviewer"},
    "import": {"designer"},
    "import-review": {"designer"},
}


class NotAllowedError(ContentError):
    """The actor's role does not allow this action; nothing was changed."""


@dataclass(frozen=True)
class Actor:
    name: str
    role: str


def server_mode() -> bool:
    return os.environ.get("CURRICULUM_MODE", "").strip().lower() == "server"


def check(actor: Actor | None, action: str) -> None:
    """Refuse `action` unless the actor may do it (always allowed on a single-user laptop)."""
    if not server_mode():
        return
    if actor is None:
        raise NotAllowedError.coded("sign_in_first", action=action_words(action, action))
    allowed = ALLOWED.get(action, set())
    if actor.role not in allowed:
        raise NotAllowedError.coded(
            "not_allowed_role",
            name=actor.name,
            role=role_name(actor.role),
            action=action_words(action, action.replace("-", " ")),
            who=roles(sorted(allowed)),
        )


def audit(root: Path | str, actor: Actor | None, action: str, what: str, revision: int | None = None) -> None:
    """Append one line to the workspace's audit log (who, when, what, revision)."""
    entry = {
        "at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "who": actor.name if actor else "local user",
        "role": actor.role if actor else "",
        "action": action,
        "what": what,
        "revision": revision,
    }
    path = Path(root) / AUDIT_FILE
    with FileLock(path.with_name(AUDIT_FILE + ".lock")), open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def audit_entries(root: Path | str) -> list[dict]:
    path = Path(root) / AUDIT_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- accounts ---------------------------------------------------------------------------


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def _users_path(root) -> Path:
    return Path(root) / USERS_FILE


def _read_users(root) -> dict[str, dict]:
    path = _users_path(root)
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(name): dict(entry) for name, entry in (data.get("users") or {}).items()}


def _write_users(root, users: dict[str, dict]) -> None:
    from .yamlfile import write_atomic

    text = yaml.safe_dump({"users": users}, sort_keys=True, allow_unicode=True)
    write_atomic(_users_path(root), text)
    os.chmod(_users_path(root), 0o600)


def add_user(root, name: str, role: str, password: str, email: str = "") -> Actor:
    if not SLUG.match(name or ""):
        raise ContentError.coded("bad_user_name", name=name)
    if role not in ROLES:
        raise ContentError.coded("unknown_role", role=role, choices=", ".join(ROLES))
    if len(password or "") < 10:
        raise ContentError.coded("short_password")
    users = _read_users(root)
    if name in users:
        raise ContentError.coded("user_exists", name=name)
    users[name] = {"role": role, "password": _hasher().hash(password)}
    if email.strip():
        users[name]["email"] = email.strip().lower()
    _write_users(root, users)
    return Actor(name, role)


def remove_user(root, name: str) -> None:
    users = _read_users(root)
    if name not in users:
        raise ContentError.coded("no_user", name=name)
    del users[name]
    _write_users(root, users)


def actor_for_email(root, email: str) -> Actor | None:
    """The account whose e-mail matches a single-sign-on identity (st.login), or None."""
    wanted = (email or "").strip().lower()
    for name, entry in sorted(_read_users(root).items()):
        if wanted and entry.get("email", "").lower() == wanted:
            return Actor(name, entry.get("role", ""))
    return None


def list_users(root) -> list[Actor]:
    return [Actor(name, entry.get("role", "")) for name, entry in sorted(_read_users(root).items())]


def authenticate(root, name: str, password: str) -> Actor | None:
    """The actor when the password matches, else None (same answer for an unknown name)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    entry = _read_users(root).get(name or "")
    hasher = _hasher()
    if entry is None:
        hasher.hash(password or "x")  # spend the same time as a real check
        return None
    try:
        hasher.verify(entry.get("password", ""), password or "")
    except (VerificationError, InvalidHashError):
        return None
    return Actor(name, entry.get("role", ""))
