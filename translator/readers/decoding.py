"""Bytes of a thread file to text, faithfully: nothing is silently misread.

In order: a byte-order mark; UTF-16 without one (charset-normalizer recognises it by its zero bytes);
the encoding an XML declaration names (unless the file is valid UTF-8 with non-ASCII text: a tool
re-encoded it and kept the declaration); UTF-8. A file that is UTF-8 as a whole but holds a few invalid
bytes keeps its UTF-8 reading: those bytes alone become U+FFFD, and a warning gives their offsets.
Only a file that is not UTF-8 as a whole is read in a legacy encoding: the one charset-normalizer
recognises with confidence (windows-1251, KOI8-R, windows-1250...), else windows-1252, else Latin-1.
Text that was double-encoded (UTF-8 read as windows-1252 or Latin-1 and saved as UTF-8 again: "Ã©" for
"é") is repaired, sequence by sequence, with a warning (ftfy would do more, but is no dependency); JSON
that writes such text as escapes (`\u00c3\u00a9`, as Facebook's exports do) is repaired once parsed, by
the same repair, with the same warning (`repair_json_mojibake`).
"""

from __future__ import annotations

import codecs
import re
import threading

from translator.errors import InputError

__all__ = [
    "declared_encoding",
    "decode",
    "double_encoded",
    "repair_double_encoding",
    "repair_json_mojibake",
    "repair_mojibake",
]

BINARY_HINT = "give a thread as text, Markdown, JSON, XML or a saved page"
SNIFF_BYTES = 65536
MAX_OFFSETS_SHOWN = 5
INVALID_UTF8 = "invalid UTF-8 byte sequence(s)"
# UTF-8 read as Latin-1/cp1252 leaves these pairs behind: "Ã©" for "é", "â€™" for "’".
# The characters windows-1252 reads the bytes 0x80-0xBF as (UTF-8's continuation bytes).
CONTINUATION_READ = "\u0080-\u00bf\u2018-\u201e\u2020-\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
MOJIBAKE = re.compile(f"[ÃÂ][{CONTINUATION_READ}]|â€")
MOJIBAKE_LEADS = ("Ã", "Â", "â€")
"""What every MOJIBAKE match starts with: looked for first, at C speed (the pattern tries each character)."""
# Cyrillic UTF-8 read so: "Ð¿Ñ€Ð¸" for "при" (a few in a row: "Ð" alone is Icelandic or a name).
CYRILLIC_MOJIBAKE = re.compile(f"[ÐÑ][{CONTINUATION_READ}]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
XML_ENCODING = re.compile(rb"\A\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WIDE_ENCODINGS = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")

_invalid = threading.local()


def _note_invalid_byte(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: remember where the bad bytes were, and put one U+FFFD in their place."""
    assert isinstance(error, UnicodeDecodeError)
    _invalid.offsets.append(error.start)
    return "\ufffd", error.end


codecs.register_error("translator-note-invalid", _note_invalid_byte)


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Bytes to text: (text, encoding, warnings); InputError for binary data."""
    warnings: list[str] = []
    decoded = _decode_marked(data, name) or _decode_wide(data, name) or _decode_declared(data, name, warnings)
    text, encoding = decoded if decoded is not None else _decode_utf8_or_legacy(data, name, warnings)
    sample = text[:SNIFF_BYTES]
    if sample and len(CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise InputError(f"{name} could not be decoded as text", BINARY_HINT)
    if (bad := text.count("\ufffd")) > 0 and not any(INVALID_UTF8 in warning for warning in warnings):
        warnings.append(f"{name} holds {bad} replacement character(s) (\ufffd): some text was lost before this file")
    text, repairs = repair_double_encoding(text, name)
    return text, encoding, [*warnings, *repairs]


def repair_double_encoding(text: str, name: str, at_least: int = 1, window: int = SNIFF_BYTES) -> tuple[str, list[str]]:
    """Decoded text repaired where it shows double encoding ("Ã©", "â€™"; three "Ð¿"-like pairs in its first
    `window` characters for Cyrillic), with a warning; repaired only when `at_least` sequences are (a saved
    page asks for more than one: a correct page may quote one "Ã©"), else warned of when it shows the signs."""
    if not _mojibake_in(text) and len(CYRILLIC_MOJIBAKE.findall(text, 0, window)) < 3:
        return text, []
    whole, repaired, example = repair_mojibake(text)
    if repaired >= at_least:
        return whole, [double_encoded(name, repaired, example)]
    if found := MOJIBAKE.search(text):
        said = f"{name} looks double-encoded (found {found.group()!r}): "
        return text, [said + "it was probably UTF-8 read as Latin-1 and saved again"]
    return text, []


def _mojibake_in(text: str) -> bool:
    return any(lead in text for lead in MOJIBAKE_LEADS) and MOJIBAKE.search(text) is not None


def double_encoded(name: str, repaired: int, example: str) -> str:
    """The warning that a file's double-encoded text was repaired (`repair_mojibake`'s count and example)."""
    return (
        f"{name} was double-encoded (UTF-8 read as Latin-1 and saved again): {repaired:,} sequence(s) "
        f"repaired ({example})"
    )


# Double-encoded text that JSON writes as escapes (Facebook's exports: "\u00c3\u00a9" for "é"): a UTF-8
# lead byte's character escaped, then a continuation byte's as Latin-1 (U+0080-U+00BF) or windows-1252
# (`\u20ac`, `\u2122`...) reads it. Only a gate: the repair itself is `repair_mojibake`'s, as narrow.
ESCAPED_MOJIBAKE = re.compile(
    r"\\u00(?:c[2-9a-f]|d[0-9a-f]|e[0-9a-f]|f[0-4])"
    r"\\u(?:00[89ab][0-9a-f]|20[12][0-9a-f]|203[09a]|20ac|2122|01[5-9][0-9a-f]|02c6|02dc)",
    re.IGNORECASE,
)


def repair_json_mojibake(text: str, data: object) -> tuple[object, int, str]:
    """Parsed JSON with the double-encoded characters of its strings made whole, when its text writes them
    as escapes (`"Ren\u00c3\u00a9"`: ASCII, so `decode` saw nothing): each string is repaired as
    `repair_mojibake` repairs text. Returns the data (its lists and objects changed in place), how many
    sequences were repaired and an example. Iterative: linear in the size of the data, however deep."""
    if not ESCAPED_MOJIBAKE.search(text):
        return data, 0, ""
    total, first = 0, ""

    def repaired(value: str) -> str:
        nonlocal total, first
        whole, count, example = repair_mojibake(value)
        total += count
        first = first or example
        return whole

    if isinstance(data, str):
        return repaired(data), total, first
    stack: list[object] = [data]
    while stack:
        holder = stack.pop()
        pairs = holder.items() if isinstance(holder, dict) else enumerate(holder) if isinstance(holder, list) else ()
        for key, value in list(pairs):
            if isinstance(value, str):
                if value.isascii():
                    continue
                holder[key] = repaired(value)  # type: ignore[index]
            elif isinstance(value, dict | list):
                stack.append(value)
    return data, total, first


def _mojibake_sequences() -> re.Pattern[str]:
    """What a UTF-8 character becomes when its bytes are read as windows-1252 (Latin-1 for the five bytes
    that code has not): a lead byte's character, then one to three continuation bytes' characters."""
    read = {bytes([byte]).decode("cp1252", "ignore") for byte in range(0x80, 0xC0)} - {""}
    continuation = "".join(sorted(read | {chr(byte) for byte in range(0x80, 0xC0)}))
    follow = f"[{re.escape(continuation)}]"
    return re.compile(f"[\u00c2-\u00df]{follow}|[\u00e0-\u00ef]{follow}{{2}}|[\u00f0-\u00f4]{follow}{{3}}")


MOJIBAKE_SEQUENCE = _mojibake_sequences()
# What a repaired sequence may be: letters and signs of the scripts and punctuation text is written in,
# or emoji. A pair that decodes to anything else was no mojibake (German "Fuß»" is not U+07FB).
PLAUSIBLE = re.compile(
    "[\u00a0-\u024f\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u21ff\u2600-\u27bf"
    "\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\U0001f000-\U0001faff]"
)


def repair_mojibake(text: str) -> tuple[str, int, str]:
    """Text with its double-encoded characters made whole again ("Ã©tÃ©" -> "été", "â€™" -> "’",
    "Ð¿Ñ€Ð¸" -> "при"): each sequence that is a UTF-8 character's bytes read as windows-1252, and decodes to
    a plausible character, is decoded back; other text, mixed in, is left as it is. Returns the text, how
    many sequences were repaired and an example (`'Ã©' -> 'é'`)."""
    repaired = 0
    example = ""

    def whole(match: re.Match[str]) -> str:
        nonlocal repaired, example
        sequence = match.group()
        raw = bytes(b for char in sequence for b in _byte_of(char))
        try:
            character = raw.decode("utf-8")
        except UnicodeDecodeError:
            return sequence
        if not PLAUSIBLE.fullmatch(character):
            return sequence
        repaired += 1
        example = example or f"{sequence!r} -> {character!r}"
        return character

    return MOJIBAKE_SEQUENCE.sub(whole, text), repaired, example


def _byte_of(char: str) -> bytes:
    """The byte windows-1252 (else Latin-1) writes a character as."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1")


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration at the start of the file names, when Python knows it."""
    match = XML_ENCODING.match(data[:512])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _decode_marked(data: bytes, name: str) -> tuple[str, str] | None:
    """Text that starts with a byte-order mark, in the encoding the mark names."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
            except UnicodeDecodeError:
                if encoding == "utf-8-sig":
                    return None  # a UTF-8 mark on damaged UTF-8: read like any UTF-8 file
                raise InputError(f"{name}: broken {encoding.upper()} text", "re-save the file as UTF-8") from None
    return None


def _decode_wide(data: bytes, name: str) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 without a byte-order mark; None when the file has no zero byte near its start;
    InputError when it has some and is not such text (a binary file)."""
    head = data[:SNIFF_BYTES]
    if b"\x00" not in head:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=list(WIDE_ENCODINGS)).best()
    if best is None or best.encoding not in WIDE_ENCODINGS:
        raise InputError(f"{name} looks like a binary file, not text", BINARY_HINT)
    encoding = best.encoding
    if encoding.startswith("utf_16"):
        # Short texts fool the detector on byte order; Latin and Cyrillic text has its zero bytes on one side.
        odd_zeros, even_zeros = head[1::2].count(0), head[0::2].count(0)
        if odd_zeros != even_zeros:
            encoding = "utf_16_le" if odd_zeros > even_zeros else "utf_16_be"
    try:
        return data.decode(encoding), encoding.replace("_", "-")
    except UnicodeDecodeError:
        raise InputError(f"{name} looks like a binary file, not text", BINARY_HINT) from None


def _decode_declared(data: bytes, name: str, warnings: list[str]) -> tuple[str, str] | None:
    """Text in the encoding its XML declaration names (an ISO-8859-1 feed says so at its top)."""
    declared = declared_encoding(data)
    if declared is None or declared in ("utf-8", "utf-16", "utf-32"):
        return None
    if not data.isascii():
        try:  # re-encoded to UTF-8 by a tool that kept the declaration: legacy text is almost never valid UTF-8
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            warnings.append(f"{name} says it is {declared} but is not: it is UTF-8, read as such")
            return text, "utf-8"
    try:
        return data.decode(declared), declared
    except UnicodeDecodeError as error:
        warnings.append(f"{name} says it is {declared} but is not (byte {error.start}); its encoding was guessed")
        return None


def _decode_utf8_or_legacy(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    _invalid.offsets = []
    try:
        text = data.decode("utf-8", "translator-note-invalid")
        offsets: list[int] = _invalid.offsets
    finally:
        del _invalid.offsets
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - len(offsets)
    if non_ascii > len(offsets):
        shown = ", ".join(str(offset) for offset in offsets[:MAX_OFFSETS_SHOWN])
        more = f" and {len(offsets) - MAX_OFFSETS_SHOWN} more" if len(offsets) > MAX_OFFSETS_SHOWN else ""
        warnings.append(
            f"{name} holds {len(offsets)} {INVALID_UTF8}, replaced by \ufffd "
            f"(at byte {shown}{more}); the rest reads as UTF-8"
        )
        return text, "utf-8"
    encoding = _legacy_encoding(data)
    warnings.append(f"{name} is not valid UTF-8 (byte {offsets[0]}); read it as {encoding}: check accented letters")
    return data.decode(encoding), encoding


# Languages written in windows-1252 (charset_normalizer's names): the code page of a file in one of them.
WINDOWS_1252_LANGUAGES = frozenset(
    {"English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Danish", "Norwegian", "Swedish"}
    | {"Finnish", "Indonesian", "Catalan", "Malay", "Afrikaans", "Icelandic"}
)


def _legacy_encoding(data: bytes) -> str:
    """The 8-bit encoding of a file that is not UTF-8: the detector's answer when it recognises a
    language in it, windows-1252 when that reads as well (the detector cannot tell the Latin code pages
    apart on short texts, and takes a mostly English or Portuguese text for Baltic: the language it
    finds decides, a language windows-1252 is made for reads as that), Latin-1 when nothing else decodes
    every byte."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = best is not None and best.language in WINDOWS_1252_LANGUAGES
    if best is not None and best.coherence >= 0.1 and "cp1252" not in best.could_be_from_charset and not western:
        try:
            data.decode(best.encoding)
            return str(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"
