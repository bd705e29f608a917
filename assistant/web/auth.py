"""Staff logins (scrypt-hashed passwords from configuration) and signed shopper session ids.

Staff users come from `AISLE_STAFF_USERS="anna:<hash>,ben:<hash>"` or a file named by
`AISLE_STAFF_USERS_FILE` (one `name:<hash>` a line, `#` comments). Make a hash with

    python -m assistant.web.auth hash

With no users configured the console accepts no login at all (a warning names the fix), and in
production (`AISLE_ENV=production`) the app refuses to start. The development login (`anna` /
`aisle-dev`) exists only when `AISLE_DEV_LOGIN=1` is set outside production.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

logger = logging.getLogger(__name__)

SCHEME = "scrypt"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # ~16 MiB and ~50 ms per check: slow for guessing, fine for logins
DEV_USER, DEV_PASSWORD = "anna", "aisle-dev"
MAX_FAILURES, FAILURE_WINDOW = 5, 300.0  # failed logins per name before it is refused for the window (seconds)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{0,39}$")
HASH_HELP = "make one with: python -m assistant.web.auth hash"


class StaffAuthError(RuntimeError):
    """Staff logins are misconfigured (or missing in production); the message names the fix."""


# -- password hashes ------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """`scrypt.N.r.p.<salt>.<key>`: no `$`, `:` or `,`, so it sits unquoted in env files and user lists."""
    if not password:
        raise ValueError("A staff password cannot be empty")
    salt = salt or secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"{SCHEME}.{SCRYPT_N}.{SCRYPT_R}.{SCRYPT_P}.{_b64(salt)}.{_b64(key)}"


def _parse_hash(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    parts = encoded.strip().split(".")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise ValueError(f"not a {SCHEME} hash ({HASH_HELP})")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except ValueError as exc:
        raise ValueError(f"malformed {SCHEME} hash ({HASH_HELP})") from exc
    if n < 2**10 or n & (n - 1) or not (1 <= r <= 32 and 1 <= p <= 16) or len(salt) < 8 or len(key) < 16:
        raise ValueError(f"{SCHEME} hash parameters out of range ({HASH_HELP})")
    return n, r, p, salt, key


def verify_password(password: str, encoded: str) -> bool:
    """True if `password` matches the hash; False for a wrong password or a malformed hash."""
    try:
        n, r, p, salt, key = _parse_hash(encoded)
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * r * n + 2**20,
                               dklen=len(key))
    return hmac.compare_digest(candidate, key)


# -- staff users ----------------------------------------------------------------------------------
def parse_users(spec: str, *, source: str = "AISLE_STAFF_USERS") -> dict[str, str]:
    """`"anna:<hash>,ben:<hash>"` (commas or newlines between users) -> {name: hash}, checked."""
    users: dict[str, str] = {}
    for item in re.split(r"[,\n]", spec):
        item = item.strip()
        if not item or item.startswith("#"):
            continue
        name, sep, encoded = item.partition(":")
        name = name.strip()
        if not sep or not _NAME.match(name):
            raise StaffAuthError(f"{source}: expected name:hash with a name of letters, digits, '.', '_' or '-', "
                                 f"got {item[:40]!r}")
        try:
            _parse_hash(encoded)
        except ValueError as exc:
            raise StaffAuthError(f"{source}: the password hash for {name!r} is {exc}") from None
        users[name] = encoded.strip()
    return users


class StaffAuth:
    """The login check Gradio calls with (username, password); throttles repeated failures per name."""

    def __init__(self, users: Mapping[str, str], *, dev_default: bool = False, clock=time.monotonic,
                 allow_none: bool = False) -> None:
        if not users and not allow_none:
            raise StaffAuthError("No staff users: set AISLE_STAFF_USERS=name:<hash> (" + HASH_HELP + ")")
        self.users = dict(users)
        self.dev_default = dev_default
        self._clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._dummy = hash_password(secrets.token_hex(8))  # unknown names cost as much as known ones

    @property
    def enabled(self) -> bool:
        """False when no staff user is configured: every login is refused."""
        return bool(self.users)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "StaffAuth":
        """Users from AISLE_STAFF_USERS / AISLE_STAFF_USERS_FILE; the dev login only with AISLE_DEV_LOGIN=1."""
        env = os.environ if env is None else env
        users: dict[str, str] = {}
        if env.get("AISLE_STAFF_USERS", "").strip():
            users.update(parse_users(env["AISLE_STAFF_USERS"]))
        if env.get("AISLE_STAFF_USERS_FILE", "").strip():
            path = Path(env["AISLE_STAFF_USERS_FILE"]).expanduser()
            if not path.is_file():
                raise StaffAuthError(f"AISLE_STAFF_USERS_FILE={path} does not exist: create it with one "
                                     f"name:<hash> a line ({HASH_HELP})")
            users.update(parse_users(path.read_text(encoding="utf-8"), source=str(path)))
        dev = env.get("AISLE_DEV_LOGIN", "").strip().lower() in ("1", "true", "yes")
        if dev and is_production(env):
            raise StaffAuthError("AISLE_DEV_LOGIN=1 is refused in production: remove it and set AISLE_STAFF_USERS "
                                 f"({HASH_HELP})")
        if users:
            return cls(users)
        if is_production(env):
            raise StaffAuthError(
                "The staff console needs logins in production: set AISLE_STAFF_USERS=\"anna:<hash>,ben:<hash>\" "
                f"or AISLE_STAFF_USERS_FILE=/path/to/users ({HASH_HELP})")
        if dev:
            logger.warning("AISLE_DEV_LOGIN=1: the staff console accepts the development login %s / %s. "
                           "Never set it on a shop's server.", DEV_USER, DEV_PASSWORD)
            return cls({DEV_USER: hash_password(DEV_PASSWORD)}, dev_default=True)
        logger.warning("No staff users configured: the staff console refuses every login. Set AISLE_STAFF_USERS "
                       "(%s), or AISLE_DEV_LOGIN=1 for a local development login.", HASH_HELP)
        return cls({}, allow_none=True)

    def __call__(self, username: str, password: str) -> bool:
        """True if the login is good and the name is not locked out after repeated failures."""
        username = (username or "").strip()
        now = self._clock()
        with self._lock:
            recent = [t for t in self._failures.get(username, []) if now - t < FAILURE_WINDOW]
            self._failures[username] = recent
            locked = len(recent) >= MAX_FAILURES
        encoded = self.users.get(username)
        ok = verify_password(password or "", encoded or self._dummy) and encoded is not None and not locked
        if not ok:
            with self._lock:
                self._failures.setdefault(username, []).append(now)
            logger.warning("staff login refused for %r%s", username[:40], " (locked out for now)" if locked else "")
        return ok


def is_production(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get("AISLE_ENV", "").strip().lower() == "production"


# -- shopper session ids --------------------------------------------------------------------------
class SessionSigner:
    """Signs the session id kept in the shopper's browser, so a browser can only read its own chat.

    Session ids are random, but the signature means an id copied from a log or guessed is
    still refused: without the server's key, nobody can make a valid `sig` for it.
    """

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("The session signing key needs at least 16 bytes (set AISLE_SECRET_KEY)")
        self._key = key

    def sign(self, session_id: str) -> str:
        return hmac.new(self._key, b"aisle-shopper:" + session_id.encode(), hashlib.sha256).hexdigest()[:40]

    def verify(self, session_id: object, sig: object) -> bool:
        return (isinstance(session_id, str) and isinstance(sig, str) and 0 < len(session_id) <= 64
                and sig.isascii() and hmac.compare_digest(self.sign(session_id), sig))

    def token(self, session_id: str) -> str:
        """`<id>.<signature>`: the one string an API client keeps (the widget keeps the two parts)."""
        return f"{session_id}.{self.sign(session_id)}"

    def session_of(self, token: object) -> str | None:
        """The session id inside a token this server signed; None for anything else."""
        if not isinstance(token, str) or len(token) > 200:
            return None
        session_id, _, sig = token.rpartition(".")
        return session_id if self.verify(session_id, sig) else None

    def derive(self, purpose: str) -> str:
        """A stable per-purpose value from the key (e.g. the browser-storage secret)."""
        return hmac.new(self._key, purpose.encode(), hashlib.sha256).hexdigest()[:32]


def load_secret_key(env: Mapping[str, str], data_dir: Path) -> bytes:
    """AISLE_SECRET_KEY, else a random key kept in `<data dir>/web_secret.key` (created once, mode 0600).

    Several servers behind one load balancer must share AISLE_SECRET_KEY.
    """
    if env.get("AISLE_SECRET_KEY", "").strip():
        return env["AISLE_SECRET_KEY"].strip().encode()
    path = Path(data_dir) / "web_secret.key"
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


# -- CLI ------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """`python -m assistant.web.auth hash [--stdin]`: print a password hash for AISLE_STAFF_USERS."""
    import argparse
    import getpass

    parser = argparse.ArgumentParser(prog="python -m assistant.web.auth",
                                     description="Staff login helpers for the Aisle console.")
    sub = parser.add_subparsers(dest="command", required=True)
    h = sub.add_parser("hash", help="hash a staff password for AISLE_STAFF_USERS")
    h.add_argument("--stdin", action="store_true", help="read the password from standard input (for scripts)")
    h.add_argument("--user", help="print name:hash, ready to paste into AISLE_STAFF_USERS")
    args = parser.parse_args(argv)
    if args.stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            sys.stderr.write("The passwords differ; nothing was hashed.\n")
            return 1
    if not password:
        sys.stderr.write("An empty password cannot be used.\n")
        return 1
    encoded = hash_password(password)
    sys.stdout.write(f"{args.user}:{encoded}\n" if args.user else encoded + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
