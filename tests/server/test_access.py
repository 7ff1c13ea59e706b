"""API keys stored hashed, and the requests-per-minute limit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from translator.errors import TranslatorError
from translator.server.access import RateLimiter, SharedRateLimiter, digest_of, hash_key, read_keys

KEY = "k3y-that-is-long-enough"
DIGEST = hashlib.sha256(KEY.encode()).hexdigest()


def test_a_key_is_stored_as_its_sha256_and_short_keys_are_refused() -> None:
    assert hash_key(f"  {KEY}\n") == f"sha256:{DIGEST}"
    assert digest_of(KEY) == DIGEST
    for weak in ("short", "has a space in the middle"):
        with pytest.raises(TranslatorError, match="16 characters or more"):
            hash_key(weak)


def test_keys_file_lines(tmp_path: Path) -> None:
    other = hashlib.sha256(b"another-long-key-0000").hexdigest()
    path = tmp_path / "keys.txt"
    path.write_text(f"# our clients\nsha256:{DIGEST}  name=forum rpm=30  # the forum\n\nsha256:{other}\n")
    keys = read_keys(path)
    assert keys[DIGEST].name == "forum" and keys[DIGEST].requests_per_minute == 30
    # without a name, the log shows the start of the digest, never the key
    assert keys[other].name == other[:8] and keys[other].requests_per_minute is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # a key in clear, not its hash
        (f"{KEY}\n", "is not a hashed key"),
        # a digest of the wrong length
        ("sha256:abc\n", "is not a hashed key"),
        # unknown field
        (f"sha256:{DIGEST} colour=red\n", "'colour'"),
        # a limit that is not a positive number
        (f"sha256:{DIGEST} rpm=0\n", "'rpm'"),
        # nothing but comments
        ("# nobody yet\n", "holds no key"),
    ],
)
def test_bad_keys_files_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "keys.txt"
    path.write_text(content)
    with pytest.raises(TranslatorError, match=message):
        read_keys(path)


def test_missing_keys_file(tmp_path: Path) -> None:
    with pytest.raises(TranslatorError, match="cannot read the API keys file"):
        read_keys(tmp_path / "absent.txt")


@pytest.mark.parametrize("shared", [False, True], ids=["one process", "shared file"])
def test_rate_limit_allows_a_burst_then_one_request_per_interval_per_caller(shared: bool, tmp_path: Path) -> None:
    limiter = SharedRateLimiter(tmp_path / "rates.sqlite") if shared else RateLimiter()
    # three a minute: three at once, then the fourth must wait 20 s (60 s / 3)
    assert [limiter.admit("a", 3, now=100.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.admit("a", 3, now=100.0) == pytest.approx(20.0)
    # another caller has its own allowance
    assert limiter.admit("b", 3, now=100.0) == 0.0
    # refused requests do not count; after 20 s one more is allowed, not two
    assert limiter.admit("a", 3, now=120.0) == 0.0
    assert limiter.admit("a", 3, now=120.0) == pytest.approx(20.0)


def test_processes_opening_one_rates_file_share_the_allowance(tmp_path: Path) -> None:
    # two server processes, as `serve --workers 2` opens them: three a minute for both together
    first, second = (SharedRateLimiter(tmp_path / "rates.sqlite") for _ in range(2))
    assert [first.admit("a", 3, now=50.0), second.admit("a", 3, now=50.0), first.admit("a", 3, now=50.0)] == [0.0] * 3
    assert second.admit("a", 3, now=50.0) == pytest.approx(20.0)
    assert first.admit("a", 3, now=70.0) == 0.0
    assert second.admit("a", 3, now=70.0) == pytest.approx(20.0)
