"""Decoding thread files: UTF-8 first, legacy encodings with a warning, binary refused, format sniffing."""

from __future__ import annotations

import codecs

import pytest

from translator.errors import InputError
from translator.readers import decode, sniff_format

TEXT = "Le président a décollé vers l’orbite."


@pytest.mark.parametrize(
    ("data", "encoding", "warning"),
    [
        (TEXT.encode("utf-8"), "utf-8", None),  # the normal case
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", None),  # BOM from Windows editors
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", None),  # UTF-16 with BOM
        (TEXT.encode("cp1252"), "cp1252", "not valid UTF-8"),  # legacy Windows export
        ("déjà\x81".encode("latin-1"), "latin-1", "not valid UTF-8"),  # byte undefined in cp1252
        (TEXT.encode("utf-8").decode("latin-1").encode("utf-8"), "utf-8", "double-encoded"),  # mojibake
        ("perdu \ufffd ici".encode(), "utf-8", "replacement character"),  # lost characters
    ],
)
def test_decode(data: bytes, encoding: str, warning: str | None) -> None:
    text, used, warnings = decode(data, "f.txt")
    assert used == encoding
    assert ("président" in text) or ("déjà" in text) or ("perdu" in text) or ("Ã" in text)
    if warning is None:
        assert warnings == []
        assert text == TEXT
    else:
        assert any(warning in message for message in warnings)


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00\x00\x00",  # a binary with NUL bytes
        bytes(range(1, 32)) * 20,  # control characters only
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"binary|could not be decoded"):
        decode(data, "f.bin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('  {"posts": []}', "json"),  # a JSON object
        ("Avatar de X\nLe 01/01/2025 à 9:00\nSalut\n1  0", "forum"),  # a comment block
        ("# Titre\n\nTexte.", "text"),  # Markdown
        ("Juste du texte.", "text"),  # anything else
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected
