"""Read a thread file of any supported format: decode it, sniff the format, hand it to its reader."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from translator.errors import InputError
from translator.files import read_input_bytes
from translator.models import SOURCE_FORMATS, SourceFormat, Thread, ThreadFile

__all__ = ["MAX_FILE_BYTES", "decode", "parse_thread", "read_thread", "sniff_format"]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Larger files are refused: a thread page is a few hundred KB; 50 MB is surely not one thread."""

# UTF-8 read as Latin-1/cp1252 leaves these pairs behind: "Ã©" for "é", "â€™" for "’".
MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u2018-\u201e\u2020-\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e]|â€")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Bytes to text: (text, encoding, warnings). UTF-8 first, then cp1252, then Latin-1."""
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", warnings
        except UnicodeDecodeError:
            raise InputError(f"{name}: broken UTF-16 text", "re-save the file as UTF-8") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} looks like a binary file, not text", "give a thread as text, Markdown or JSON")
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        # Legacy Windows exports are cp1252; Latin-1 decodes any byte, so it is the last resort.
        for encoding in ("cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        warnings.append(
            f"{name} is not valid UTF-8 (byte {error.start}); read it as {encoding}: check accented letters"
        )
    encoding = "utf-8" if encoding == "utf-8-sig" else encoding
    sample = text[:65536]
    if sample and len(CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise InputError(f"{name} could not be decoded as text", "give a thread as text, Markdown or JSON")
    if (bad := text.count("\ufffd")) > 0:
        warnings.append(f"{name} holds {bad} replacement character(s) (\ufffd): some text was lost before this file")
    if mojibake := MOJIBAKE.search(text):
        warnings.append(
            f"{name} looks double-encoded (found {mojibake.group()!r}): "
            "it was probably UTF-8 read as Latin-1 and saved again"
        )
    return text, encoding, warnings


def sniff_format(text: str) -> SourceFormat:
    """Guess the format of a decoded thread file."""
    from translator.readers.forum import looks_like_forum
    from translator.readers.html_bytes import looks_like_html_text

    if text.lstrip().startswith("{"):
        return "json"
    if looks_like_html_text(text):
        return "html"
    if looks_like_forum(text):
        return "forum"
    return "text"


def parse_thread(text: str, fmt: SourceFormat) -> Thread:
    """Parse decoded text with the reader of the given format."""
    if fmt == "json":
        from translator.formats.json import read_json_thread

        return read_json_thread(text)
    if fmt == "forum":
        from translator.readers.forum import read_forum

        return read_forum(text)
    if fmt == "html":
        from translator.readers.html import read_html

        return read_html(text).thread
    from translator.readers.text import read_text

    return read_text(text)


def read_thread(path: Path | str, fmt: str | None = None) -> ThreadFile:
    """Read a thread file; fmt (one of SOURCE_FORMATS: "forum", "json", "text", "html"...) overrides sniffing.

    A web page is recognised by its bytes, before any decoding: its charset comes from the page itself.
    Raises InputError."""
    path = Path(path)
    if fmt is not None and fmt not in SOURCE_FORMATS:
        raise InputError(f"unknown format {fmt!r}", f"use one of {', '.join(SOURCE_FORMATS)}")
    data = read_input_bytes(
        path, MAX_FILE_BYTES, "a thread page is a few hundred KB: split it into one file per thread"
    )
    from translator.readers.html_bytes import looks_like_html

    if fmt == "html" or (fmt is None and looks_like_html(data)):
        from translator.readers.html import read_html_file

        return read_html_file(data, str(path))
    text, encoding, warnings = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path} is empty", "give a file holding an article or a comment thread")
    chosen = next((known for known in SOURCE_FORMATS if known == fmt), None) or sniff_format(text)
    return ThreadFile(thread=parse_thread(text, chosen), encoding=encoding, warnings=tuple(warnings))
