"""Who may call the server and how often: API keys stored hashed, and a requests-per-minute limit.

The keys file (`--api-keys FILE`) holds one key per line as `sha256:<hex digest>`, optionally followed
by `name=LABEL` (shown in the access log instead of the key) and `rpm=N` (this key's own limit of
requests per minute); `#` starts a comment. `translator serve --hash-key` prints such a line for a key
read on standard input. Keys are long random strings, so a plain SHA-256 is enough to make a stolen
file useless, and checking one costs a hash, not a slow password hash, on every request.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from translator.errors import TranslatorError

HASH_PREFIX = "sha256:"
DIGEST = re.compile(r"^sha256:([0-9a-f]{64})$")
MIN_KEY_LENGTH = 16
KEYS_HINT = "each line: sha256:<64 hex digits> [name=LABEL] [rpm=N]; make one with `translator serve --hash-key`"


@dataclass(frozen=True, slots=True)
class ApiKey:
    """One accepted key, as the keys file describes it."""

    digest: str
    """SHA-256 of the key, in hex."""
    name: str
    """A label for logs (by default the start of the digest, never the key)."""
    requests_per_minute: int | None = None
    """This key's own limit (None: the server's)."""


def hash_key(key: str) -> str:
    """The keys-file line of a key; refuse keys too short to be random."""
    key = key.strip()
    if len(key) < MIN_KEY_LENGTH or any(char.isspace() for char in key):
        raise TranslatorError(
            f"an API key needs {MIN_KEY_LENGTH} characters or more, without spaces",
            'use a random one, e.g. python3 -c "import secrets; print(secrets.token_urlsafe(32))"',
        )
    return HASH_PREFIX + digest_of(key)


def digest_of(key: str) -> str:
    """The hex SHA-256 of a key as a client sends it."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def read_keys(path: Path) -> dict[str, ApiKey]:
    """The keys of a keys file, by digest; raise TranslatorError naming the line that is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise TranslatorError(f"cannot read the API keys file {path}: {reason}", KEYS_HINT) from None
    keys: dict[str, ApiKey] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        match = DIGEST.match(fields[0])
        if match is None:
            raise TranslatorError(f"{path}:{number}: {fields[0][:20]!r} is not a hashed key", KEYS_HINT)
        digest = match.group(1)
        options = dict(field.partition("=")[::2] for field in fields[1:])
        unknown = sorted(set(options) - {"name", "rpm"})
        rpm = options.get("rpm")
        if unknown or (rpm is not None and not (rpm.isdigit() and int(rpm) > 0)):
            raise TranslatorError(f"{path}:{number}: unknown or bad field {(unknown or ['rpm'])[0]!r}", KEYS_HINT)
        keys[digest] = ApiKey(digest, options.get("name") or digest[:8], int(rpm) if rpm else None)
    if not keys:
        raise TranslatorError(f"the API keys file {path} holds no key", KEYS_HINT)
    return keys


class RateLimiter:
    """At most N requests per minute per caller, spread evenly with bursts up to N (the generic cell
    rate algorithm: one timestamp per caller)."""

    def __init__(self, window: float = 60.0) -> None:
        self.window = window
        self._next_free: dict[str, float] = {}

    def admit(self, caller: str, per_window: int, now: float) -> float:
        """0 when the caller may go on (and counts the request), else the seconds to wait."""
        interval = self.window / per_window
        start = max(self._next_free.get(caller, now), now)
        wait = start - now - (self.window - interval)
        if wait > 0:
            return wait
        self._next_free[caller] = start + interval
        if len(self._next_free) > 100_000:  # forget callers whose credit is full again
            self._next_free = {name: time for name, time in self._next_free.items() if time > now}
        return 0.0


class SharedRateLimiter:
    """`RateLimiter` for several server processes: the callers' timestamps in one SQLite file that every
    process opens, updated in a write transaction, so N processes together still admit N requests per
    minute, not N per process. Times are `time.monotonic()`, one clock for every process of a machine."""

    def __init__(self, path: Path, window: float = 60.0) -> None:
        import sqlite3

        self.window = window
        # Autocommit mode: each admission is its own BEGIN IMMEDIATE ... COMMIT. The file is scratch
        # (made per server run, in a temporary folder), so no fsync is worth its cost.
        self._connection = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
        self._connection.execute("PRAGMA synchronous = OFF")
        self._connection.execute("CREATE TABLE IF NOT EXISTS next_free (caller TEXT PRIMARY KEY, at REAL NOT NULL)")
        self._admitted = 0

    def admit(self, caller: str, per_window: int, now: float) -> float:
        """0 when the caller may go on (and counts the request), else the seconds to wait."""
        interval = self.window / per_window
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            row = connection.execute("SELECT at FROM next_free WHERE caller = ?", (caller,)).fetchone()
            start = max(row[0] if row else now, now)
            wait = start - now - (self.window - interval)
            if wait <= 0:
                connection.execute("INSERT OR REPLACE INTO next_free VALUES (?, ?)", (caller, start + interval))
                self._admitted += 1
                if self._admitted % 10_000 == 0:  # forget callers whose credit is full again
                    connection.execute("DELETE FROM next_free WHERE at <= ?", (now,))
        finally:
            connection.execute("COMMIT")
        return max(wait, 0.0)
