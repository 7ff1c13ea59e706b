"""The strict PO grammar: what msgfmt refuses is refused with FILE:LINE, what it accepts reads as polib reads it."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.special_files import fifo
from translator.errors import InputError
from translator.formats.po_syntax import check_po_syntax, parse_po, read_po_strict

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
"""Four lines: a case's own lines start at line 5."""

# (body after HEADER, the error we give or None, whether msgfmt --check agrees on valid/invalid)
CASES = [
    # The example: polib reads this as msgid "Space"; msgfmt says "end-of-line within string".
    ('msgid "SpaceX\nmsgstr "x"\n', "5: the string has no closing", True),
    # A closing quote, then a stray word: msgfmt calls it an unknown keyword.
    ('msgid "a" x\nmsgstr "x"\n', "5: unknown keyword 'x'", True),
    # A quote inside a string that is not escaped ends the string early.
    ('msgid "a"b"\nmsgstr "x"\n', "5: unknown keyword 'b'", True),
    # A misspelt keyword.
    ('msgidx "a"\nmsgstr "x"\n', "5: unknown keyword 'msgidx'", True),
    # A text line with no keyword at all.
    ('hello\nmsgid "a"\nmsgstr "x"\n', "5: unknown keyword 'hello'", True),
    # An escape C does not know.
    ('msgid "a\\z"\nmsgstr "x"\n', "5: invalid escape \\z", True),
    # C knows \? and \', msgfmt does not.
    ('msgid "a\\?"\nmsgstr "x"\n', "5: invalid escape \\?", True),
    # \x needs hex digits.
    ('msgid "a\\x"\nmsgstr "x"\n', "5: invalid escape \\x", True),
    # msgstr without the msgid before it.
    ('msgstr "x"\n', "5: expected msgid here", True),
    # msgid with nothing after it.
    ('msgid "a"\n', "5: msgstr is missing after msgid", True),
    # A comment cannot sit between msgid and msgstr.
    ('msgid "a"\n#, fuzzy\nmsgstr "x"\n', "5: msgstr is missing after msgid", True),
    # Two translations for one msgid.
    ('msgid "a"\nmsgstr "x"\nmsgstr "y"\n', "7: expected msgid here", True),
    # Two contexts.
    ('msgctxt "a"\nmsgctxt "b"\nmsgid "a"\nmsgstr "x"\n', "6: expected msgid here", True),
    # A context with no entry after it.
    ('msgctxt "a"\n', "5: expected msgid here", True),
    # A keyword needs a string.
    ('msgid\nmsgstr "x"\n', "5: msgid must be followed by a", True),
    # An indexed msgstr without msgid_plural.
    ('msgid "a"\nmsgstr[0] "x"\n', "6: msgstr[0] without msgid_plural", True),
    # A plural entry needs indexed msgstr.
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', "7: msgstr needs an [index]", True),
    # Plural forms must come in order.
    ('msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[2] "y"\n', "8: msgstr[2] is out of order", True),
    # #~ on part of an entry only.
    ('#~ msgid "a"\nmsgstr "x"\n', "6: an entry is partly obsolete", True),
    # A continuation line without #~ inside an obsolete entry.
    ('#~ msgid "a"\n"b"\n#~ msgstr "x"\n', "6: a string continues an entry with a different #~", True),
    # A comment between the #| lines and their entry.
    ('#| msgid "old"\n#. x\nmsgid "a"\nmsgstr "x"\n', "6: a comment comes between the #| lines", True),
    # #| msgctxt twice.
    ('#| msgctxt "a"\n#| msgctxt "b"\nmsgid "a"\nmsgstr "x"\n', "6: #| msgctxt is out of place", True),
    # #| msgid_plural with no #| msgid.
    ('#| msgid_plural "a"\nmsgid "a"\nmsgstr "x"\n', "5: #| msgid_plural is out of place", True),
    # #| lines belong to a live entry, the entry is obsolete.
    ('#| msgid "old"\n#~ msgid "a"\n#~ msgstr "x"\n', "6: #| lines and their entry disagree", True),
    # #| msgstr does not exist.
    ('#| msgstr "a"\nmsgid "a"\nmsgstr "x"\n', "5: unknown keyword 'msgstr'", True),
    # The same context and msgid twice: the second would silently win in polib.
    ('msgctxt "c"\nmsgid "a"\nmsgstr "x"\n\nmsgctxt "c"\nmsgid "a"\nmsgstr "y"\n', "10: duplicate entry", True),
    # A second header (msgid "" without context) is a duplicate too.
    ('msgid ""\nmsgstr "x"\n', "5: duplicate entry", True),
    # msgfmt counts obsolete entries when looking for duplicates.
    ('msgid "a"\nmsgstr "x"\n#~ msgid "a"\n#~ msgstr "y"\n', "7: duplicate entry", True),
    # Escapes of bytes beyond ASCII: msgfmt reads them as raw bytes, we refuse (no tool writes them).
    ('msgid "caf\\351"\nmsgstr "x"\n', "5: escape \\351 names a byte", False),
    # A NUL, raw or escaped: msgfmt takes it and cuts the string there (the compiled msgid here is "a").
    ('msgid "a\x00b"\nmsgstr "x"\n', "5: a NUL character, which a PO file cannot hold", False),
    ('msgid "a"\n"b\x00"\nmsgstr "x"\n', "6: a NUL character", False),  # the line of the NUL, not the entry's
    ('# a note\x00\nmsgid "a"\nmsgstr "x"\n', "5: a NUL character", False),  # in a comment too
    ('msgid "a"\nmsgstr "x\\0y"\n', "6: escape \\0 is a NUL character", False),
    ('msgid "a"\nmsgstr "x\\x00"\n', "6: escape \\x00 is a NUL character", False),
    ('msgid "a"\nmsgstr "x\\000"\n', "6: escape \\000 is a NUL character", False),
    # Valid: raw ESC and DEL are text, as gettext keeps them.
    ('msgid "\x1b[31ma\x7f"\nmsgstr "x\x1b"\n', None, True),
    # Valid: the same msgid in two contexts.
    ('msgctxt "c"\nmsgid "a"\nmsgstr "x"\n\nmsgctxt "d"\nmsgid "a"\nmsgstr "y"\n', None, True),
    # Valid: strings continue on the next lines, even after a blank line (whitespace does not matter).
    ('msgid "a"\n"b"\n\nmsgstr "x"\n\n"y"\n', None, True),
    # Valid: no space after the keyword, indented lines, a comment after the last string.
    ('msgid"a"\n  msgstr "x" # note\n', None, True),
    # Valid: every escape msgfmt knows, a raw tab, and ASCII octal and hex escapes.
    ('msgid "x\\n\\t\\r\\b\\f\\v\\a\\\\\\"\\101\\x42\tz"\nmsgstr "x"\n', None, True),
    # Valid: comments of every kind, flags without a space, previous strings, an obsolete entry.
    (
        '# note\n#.x\n#: f.c:1\n#,fuzzy\n#| msgid "old"\n#| "er"\nmsgid "a"\nmsgstr ""\n\n'
        '#~ msgid "b"\n#~ msgstr "y"\n',
        None,
        True,
    ),
    # Valid: Windows line ends.
    ('msgid "a"\r\nmsgstr "x"\r\n', None, True),
    # Valid: a plural entry.
    ('msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[1] "y"\n', None, False),  # msgfmt wants Plural-Forms
    # Valid: comments at the end of the file.
    ('msgid "a"\nmsgstr "x"\n# the end\n', None, True),
]


@pytest.mark.parametrize(("body", "error", "_"), CASES)
def test_strict_reading(body: str, error: str | None, _: bool) -> None:
    if error is None:
        parse_po(HEADER + body, "case.po")
    else:
        with pytest.raises(InputError, match="^" + re.escape(f"case.po:{error}")):
            parse_po(HEADER + body, "case.po")


def test_verdicts_agree_with_msgfmt(tmp_path: Path) -> None:
    assert shutil.which("msgfmt"), "msgfmt (gettext) is needed: .ci/run installs it"
    for number, (body, error, comparable) in enumerate(CASES):
        if not comparable:
            continue
        path = tmp_path / f"case{number}.po"
        path.write_text(HEADER + body, encoding="utf-8")
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert (done.returncode == 0) == (error is None), (body, done.stderr)


def test_polib_alone_is_lenient() -> None:
    # Why the strict parser exists: polib turns the unterminated string into a shorter one, silently.
    entry = polib.pofile(HEADER + 'msgid "SpaceX\nmsgstr "x"\n')[0]
    assert entry.msgid == "Space"


def test_entries_read_as_written() -> None:
    document = parse_po(
        HEADER.replace("charset=UTF-8", 'charset=UTF-8\\n"\n"Language: de')
        + '#. post c1\n#. block c1.p1\n#, fuzzy, c-format\nmsgctxt "c1.p1"\nmsgid ""\n"a\\n"\n"b"\nmsgstr "x"\n',
        "x.po",
    )
    assert document.header == {"Content-Type": "text/plain; charset=UTF-8", "Language": "de"}
    (entry,) = document.entries
    assert (entry.msgctxt, entry.msgid, entry.msgstr) == ("c1.p1", "a\nb", "x")
    assert entry.flags == ("fuzzy", "c-format")
    assert entry.comment == "post c1\nblock c1.p1"
    assert entry.line == 10


def charset_file(tmp_path: Path, charset: str, body: bytes) -> Path:
    path = tmp_path / "c.po"
    head = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'.encode("ascii")
    path.write_bytes(head + body)
    return path


# (declared charset, bytes of the entry, the msgid read or the error)
CHARSET_CASES = [
    # UTF-8 declared and used.
    ("UTF-8", 'msgid "café"\nmsgstr ""\n'.encode(), "café"),
    # Latin-1 declared and used: decoded as declared.
    ("ISO-8859-1", 'msgid "café"\nmsgstr ""\n'.encode("latin-1"), "café"),
    # The template placeholder: nobody chose a charset; UTF-8 is read.
    ("CHARSET", 'msgid "café"\nmsgstr ""\n'.encode(), "café"),
    # A charset Python does not know: refused on the Content-Type line.
    ("FOO-1", b'msgid "a"\nmsgstr ""\n', "c.po:3: unknown charset 'FOO-1'"),
    # UTF-8 declared, a stray Latin-1 byte: refused on its line.
    ("UTF-8", b'msgid "a"\nmsgstr ""\nmsgid "caf\xe9"\nmsgstr ""\n', "c.po:7: bytes that are not UTF-8"),
    # Latin-1 declared but the file is UTF-8: decoding as declared would give "cafÃ©".
    ("ISO-8859-1", 'msgid "café"\nmsgstr ""\n'.encode(), "c.po:3: the header declares charset 'iso8859-1'"),
    # A charset that is not ASCII-compatible cannot hold a PO file.
    ("UTF-16", b'msgid "a"\nmsgstr ""\n', "c.po:3: charset 'UTF-16' is not ASCII-compatible"),
]


@pytest.mark.parametrize(("charset", "body", "expected"), CHARSET_CASES)
def test_charsets(tmp_path: Path, charset: str, body: bytes, expected: str) -> None:
    path = charset_file(tmp_path, charset, body)
    if expected.startswith("c.po:"):
        with pytest.raises(InputError) as raised:
            read_po_strict(path)
        assert raised.value.message.startswith(str(tmp_path / expected))
    else:
        assert read_po_strict(path).entries[0].msgid == expected


def test_unknown_charset_in_decoded_text() -> None:
    # check_po_syntax is for callers that decoded the file already (the glossary loader).
    with pytest.raises(InputError, match=r"^g\.po:3: unknown charset"):
        check_po_syntax(HEADER.replace("UTF-8", "NOPE"), "g.po")


def test_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_po_strict(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_po_strict(tmp_path / "missing.po")
    # A FIFO with no writer is refused at once (reading it would wait for ever), a device before reading.
    with pytest.raises(InputError, match="is a named pipe"):
        read_po_strict(fifo(tmp_path / "pipe.po"))
    with pytest.raises(InputError, match="is a device"):
        read_po_strict(Path("/dev/zero"))


def test_a_po_over_the_limit_is_refused_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.po"
    path.write_text(HEADER + 'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    monkeypatch.setattr("translator.formats.po_syntax.PO_LIMIT", 40)
    with pytest.raises(InputError, match="is larger than the 40 bytes limit"):
        read_po_strict(path)


@pytest.mark.parametrize("path", sorted((REPO / "glossaries").glob("*.po")), ids=lambda path: path.name)
def test_shipped_glossaries_are_strictly_valid(path: Path) -> None:
    assert read_po_strict(path).entries


po_lines = st.lists(
    st.sampled_from(['msgid "a"', 'msgstr "b"', "msgctxt", '"x"', "#, fuzzy", "#~ msgid", '"\\', "#|", "", "msgstr[0]"])
    | st.text(max_size=12),
    max_size=8,
)


@settings(max_examples=200)
@given(po_lines)
def test_any_text_is_read_or_refused_with_our_error(lines: list[str]) -> None:
    try:
        parse_po("\n".join(lines), "fuzz.po")
    except InputError as error:
        assert error.message.startswith("fuzz.po:")


def test_a_long_line_of_escapes_is_read_in_linear_time() -> None:
    # Each escape searched for the closing quote to the string's end, the time growing with the square of
    # the line's length: 1 MB of escapes took about 10 s, 2 MB 40 s, 8 MB over 10 minutes. Now 2 MB takes
    # about a second and a half.
    escapes = 1_000_000
    started = time.perf_counter()
    (entry,) = parse_po(HEADER + 'msgid "' + "a\\\\" * escapes + '"\nmsgstr "x"\n', "long.po").entries
    assert time.perf_counter() - started < 10
    assert entry.msgid == "a\\" * escapes
