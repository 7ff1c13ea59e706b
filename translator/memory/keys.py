"""Every key the translation memory is looked up by, made in one place: texts (sentences and whole
blocks share one scheme) and whole translated threads (an input file's bytes under given settings)."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping

THREAD_KEY_FORMAT = 3
"""Bump when what a kept thread holds, or how one is made, changes without a version change: every
thread kept before is then translated again (its sentences still come from the memory)."""


def text_key(text: str) -> str:
    """The key of a sentence or block: NFC, whitespace collapsed; case and punctuation kept (they matter)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def settings_fingerprint(decisive: Mapping[str, object]) -> str:
    """A hash of everything besides the input and the pairs' models and glossaries that decides a
    translated thread (the caller names it: version, target, forced languages, engine settings...)."""
    document = {"format": THREAD_KEY_FORMAT, **decisive}
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


def thread_key(fingerprint: str, input_digest: str) -> str:
    """The key of a whole translated thread: its input's digest (SHA-256 of the bytes) under settings."""
    return hashlib.sha256(f"{fingerprint}\0{input_digest}".encode()).hexdigest()
