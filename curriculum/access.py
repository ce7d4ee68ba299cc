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
import math
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from filelock import FileLock

from .messages import action as action_words
from .messages import role_name, roles
from .problems import ContentError, writing
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


def check(actor: Actor | None, action: str, root: Path | str | None = None) -> Actor | None:
    """Refuse `action` unless the actor may do it (always allowed on a single-user laptop).

    On a server, given the workspace `root`, the account is read again from `users.yaml` at
    every write: a removed account is refused, and the role on file decides (not the one a
    session remembers, nor whatever an Actor object claims). Returns the account as it stands,
    whose name and role are what the write records.
    """
    if not server_mode():
        return actor
    if actor is None:
        raise NotAllowedError.coded("sign_in_first", action=action_words(action, action))
    if root is not None:
        entry = _read_users(root).get(actor.name)
        if entry is None:
            raise NotAllowedError.coded("account_gone", name=actor.name)
        actor = Actor(actor.name, entry.get("role", ""))
    allowed = ALLOWED.get(action, set())
    if actor.role not in allowed:
        raise NotAllowedError.coded(
            "not_allowed_role",
            name=actor.name,
            role=role_name(actor.role),
            action=action_words(action, action.replace("-", " ")),
            who=roles(sorted(allowed)),
        )
    return actor


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
    with writing(path), FileLock(path.with_name(AUDIT_FILE + ".lock")), open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def audit_entries(root: Path | str) -> list[dict]:
    path = Path(root) / AUDIT_FILE
    if not path.exists():
        return []
    return [entry for line in path.read_text(encoding="utf-8").splitlines() if (entry := _entry(line))]


def _entry(line: str) -> dict | None:
    """One audit line; None for a blank line or the torn tail a full disk or a killed writer left."""
    try:
        entry = json.loads(line) if line.strip() else None
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


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
    from . import yamlfile

    try:  # the content files' safe reader: no alias bombs, no nesting that recurses, one clear line
        data = yamlfile.parse(yamlfile.read_text(path))
    except yamlfile.ReadError as exc:
        raise ContentError.coded("bad_users_file", path=path, line=exc.line or 1, detail=exc.what) from None
    if data in (None, ""):
        return {}
    users = data.get("users") if isinstance(data, dict) else None
    users = {} if users in ("", None) and isinstance(data, dict) else users
    if not isinstance(users, dict) or not all(isinstance(entry, dict) for entry in users.values()):
        raise ContentError.coded(
            "bad_users_file", path=path, line=1, detail="expected `users:` with one mapping per account"
        )
    return {str(name): dict(entry) for name, entry in users.items()}


def _write_users(root, users: dict[str, dict]) -> None:
    from .yamlfile import write_atomic

    text = yaml.safe_dump({"users": users}, sort_keys=True, allow_unicode=True)
    write_atomic(_users_path(root), text, mode=0o600)  # password hashes: readable by the server only


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


def authenticate(root, name: str, password: str, address: str = "") -> Actor | None:
    """The actor when the password matches, else None (same answer for an unknown name).

    Repeated failures slow the next attempts, per account and per address (`THROTTLE`):
    while an account or an address waits, every attempt is refused with ThrottledError,
    saying how long to wait, even with the right password.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    keys = [f"account:{name or ''}"] + ([f"address:{address}"] if address else [])
    THROTTLE.refuse_while_waiting(keys)
    entry = _read_users(root).get(name or "")
    hasher = _hasher()
    if entry is None:
        hasher.hash(password or "x")  # spend the same time as a real check
        THROTTLE.failed(root, keys)
        return None
    try:
        hasher.verify(entry.get("password", ""), password or "")
    except (VerificationError, InvalidHashError):
        THROTTLE.failed(root, keys)
        return None
    THROTTLE.succeeded(keys[0])
    return Actor(name, entry.get("role", ""))


class ThrottledError(NotAllowedError):
    """Too many failed sign-ins for an account or from an address: wait before trying again."""


class Throttle:
    """Failed sign-ins counted per key (account, address) in this server process.

    The first FREE failures in a row cost nothing more than the password check; each one after
    doubles the wait before the next attempt (1 s, 2 s, 4 s… up to MAX_WAIT). A success clears
    the account's count; a key left alone for FORGET seconds starts afresh.
    """

    FREE, MAX_WAIT, FORGET = 5, 900, 3600

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[str, tuple[int, float]] = {}  # key -> (failures in a row, time of the last)
        self._lock = threading.Lock()

    def wait(self, key: str) -> int:
        """Seconds `key` must still wait before its next attempt (0: it may try now)."""
        with self._lock:
            count, last = self._failures.get(key, (0, 0.0))
        if count < self.FREE:
            return 0
        return max(0, math.ceil(last + min(self.MAX_WAIT, 2 ** (count - self.FREE)) - self._clock()))

    def refuse_while_waiting(self, keys: list[str]) -> None:
        seconds = max(self.wait(key) for key in keys)
        if seconds:
            raise ThrottledError.coded("sign_in_throttled", seconds=seconds)

    def failed(self, root, keys: list[str]) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                self._failures[key] = (1 if now - last > self.FORGET else count + 1, now)
            counts = [self._failures[key][0] for key in keys]
        if max(counts) == self.FREE:  # say so once, when the slowing starts
            audit(root, None, "sign-in-throttled", ", ".join(keys))

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


THROTTLE = Throttle()
