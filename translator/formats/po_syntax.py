"""The PO grammar read strictly, as `msgfmt` reads it: a malformed file is refused with `FILE:LINE: what is wrong`.

polib accepts what msgfmt refuses (an unterminated `msgid "SpaceX` reads as `Space`, a duplicate entry
silently wins), so every PO file the toolkit reads goes through this parser first. It follows gettext's
lexer: whitespace and blank lines do not matter, `#` starts a comment anywhere outside a string, `#~` marks
obsolete entries and `#|` previous strings. Nothing here imports polib: the glossary loader can call
`check_po_syntax` cheaply.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from translator.errors import InputError

PO_LIMIT = 256 * 2**20
"""The largest PO file read: the review file of a thread at the 50 MB input limit, comments included, stays
well under it."""
NUL_HINT = "remove it: gettext cuts a string at a NUL, losing what follows; a damaged file or a faulty tool made it"
FIX_HINT = "fix the file (`msgfmt --check FILE` shows the same problems) or write it again"
KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
PREVIOUS_KEYWORDS = ("msgctxt", "msgid", "msgid_plural")
WHITESPACE = " \t\r\f\v"
PLAIN_COMMENT_MARKS = frozenset(". ,:")
KEYWORD = re.compile(r"([A-Za-z_]+)(?:[ \t]*\[[ \t]*(\d+)[ \t]*\])?")
SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "a": "\a",
    "\\": "\\",
    '"': '"',
}
OCTAL = re.compile(r"[0-7]{1,3}")
HEX = re.compile(r"x([0-9A-Fa-f]+)")
# Most lines of a PO file are a comment, `keyword "text"` or `"text"` with no escape: read them at once.
PLAIN_KEYWORD_LINE = re.compile(r'(msgctxt|msgid|msgstr) "([^"\\]*)"[ \t\r]*$')
PLAIN_STRING_LINE = re.compile(r'"([^"\\]*)"[ \t\r]*$')
CHARSET = re.compile(r"charset=([^\s;]+)", re.IGNORECASE)
PLACEHOLDER_CHARSET = "CHARSET"
"""What a template's header says before anyone chose a charset (msgfmt only warns): read as UTF-8."""


@dataclass(frozen=True, slots=True)
class PoEntry:
    """One entry of a PO file, as written in it."""

    msgid: str
    """The source text."""
    msgstr: str
    """The translation ("" when untranslated; the first form of a plural entry)."""
    msgctxt: str | None = None
    """The context, when the entry has one (our review files put the block id there)."""
    msgid_plural: str | None = None
    """The plural source text of a plural entry."""
    msgstr_plural: tuple[str, ...] = ()
    """Every form of a plural entry's translation, in index order."""
    flags: tuple[str, ...] = ()
    """`#,` flags (`fuzzy`, `c-format`...)."""
    comment: str = ""
    """The extracted comments (`#.`), one line each, joined with newlines."""
    translator_comment: str = ""
    """The translator comments (`# `), joined with newlines."""
    references: tuple[str, ...] = ()
    """`#:` source references."""
    obsolete: bool = False
    """A `#~` entry, kept for history and not in use."""
    line: int = 0
    """The line its msgid keyword is on (1-based)."""


@dataclass(frozen=True, slots=True)
class PoDocument:
    """A PO file read strictly: its header fields and its entries."""

    name: str
    """The name used in error messages (usually the path)."""
    header: dict[str, str]
    """Fields of the header entry (`Language`, `Content-Type`...)."""
    entries: tuple[PoEntry, ...]
    """Every entry except the header, obsolete ones included, in file order."""
    header_line: int = 0
    """The line of the header's msgid (0 when the file has no header)."""


class _Token(NamedTuple):
    kind: str  # "comment", "keyword" or "string"
    value: str  # comment text after its mark, keyword name or string value
    line: int
    column: int
    obsolete: bool = False
    previous: bool = False
    mark: str = ""  # comment: the character after `#`; keyword: the msgstr index


@dataclass
class _Entry:
    """An entry being assembled from tokens."""

    obsolete: bool
    fields: dict[str, list[str]] = field(default_factory=dict)
    plural: list[str] = field(default_factory=list)
    line: int = 0


QUOTE_OR_BACKSLASH = re.compile(r'["\\]')


def _error(name: str, line: int, problem: str, hint: str = FIX_HINT) -> InputError:
    return InputError(f"{name}:{line}: {problem}", hint)


def _read_string(name: str, text: str, start: int, line: int) -> tuple[str, int]:
    """The value of the string opening at text[start] (a `"`) and the index after its closing quote."""
    parts: list[str] = []
    position = start + 1
    while True:
        # The next quote or backslash, whichever comes first: a search for the quote alone would scan to the
        # string's end at every escape (a 4 MB line of escapes took minutes).
        found = QUOTE_OR_BACKSLASH.search(text, position)
        if found is None:
            raise _error(name, line, 'the string has no closing " on its line (end of line within a string)')
        parts.append(text[position : found.start()])
        if found.group() == '"':
            return "".join(parts), found.end()
        position = _read_escape(name, text, found.end(), line, parts)


def _read_escape(name: str, text: str, position: int, line: int, parts: list[str]) -> int:
    """Append the character of the escape after a backslash; the index after it."""
    letter = text[position : position + 1]
    if letter in SIMPLE_ESCAPES:
        parts.append(SIMPLE_ESCAPES[letter])
        return position + 1
    number = OCTAL.match(text, position) or HEX.match(text, position)
    if number is None:
        shown = letter or "at the end of the line"
        raise _error(name, line, f"invalid escape \\{shown} in a string (column {position})")
    value = int(number.group()[1:], 16) if letter == "x" else int(number.group(), 8)
    if value == 0:
        raise _error(name, line, f"escape \\{number.group()} is a NUL character, which no PO string can hold", NUL_HINT)
    if value >= 0x80:
        # msgfmt reads such escapes as raw bytes of the file's charset; no tool writes them: refuse.
        raise _error(name, line, f"escape \\{number.group()} names a byte, not a character: write the character")
    parts.append(chr(value))
    return number.end()


def _tokens(name: str, text: str) -> Iterator[_Token]:
    """The tokens of a PO text, in order, each with its line and column."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line[:1] == "#" and line[1:2] in PLAIN_COMMENT_MARKS:
            yield _Token("comment", line[2:], number, 1, mark=line[1:2])
            continue
        if found := PLAIN_KEYWORD_LINE.match(line):
            yield _Token("keyword", found.group(1), number, 1)
            yield _Token("string", found.group(2), number, found.start(2))
            continue
        if found := PLAIN_STRING_LINE.match(line):
            yield _Token("string", found.group(1), number, 1)
            continue
        position, obsolete, previous = 0, False, False
        while True:
            while position < len(line) and line[position] in WHITESPACE:
                position += 1
            if position >= len(line):
                break
            char = line[position]
            if char == "#":
                mark = line[position + 1 : position + 2]
                if mark == "~" and not obsolete:
                    obsolete, position = True, position + 2
                    previous = line[position : position + 1] == "|"
                    position += previous
                    rest = line[position:].lstrip(WHITESPACE)
                    if rest and rest[0] != '"' and not rest[0].isalpha():
                        break  # `#~ # note`: a comment on an obsolete entry, nothing to read
                    continue
                if mark == "|" and not previous:
                    previous, position = True, position + 2
                    continue
                yield _Token("comment", line[position + 2 :], number, position + 1, obsolete, previous, mark)
                break
            if char == '"':
                value, position = _read_string(name, line, position, number)
                yield _Token("string", value, number, position + 1, obsolete, previous)
                continue
            found = KEYWORD.match(line, position)
            word = found.group(1) if found else char
            if found is None or word not in KEYWORDS or (previous and word not in PREVIOUS_KEYWORDS):
                raise _error(name, number, f"unknown keyword {word!r} (column {position + 1})")
            index = found.group(2)
            if index is not None and word != "msgstr":
                raise _error(name, number, f"{word} takes no [index] (column {position + 1})")
            yield _Token("keyword", word, number, position + 1, obsolete, previous, index or "")
            position = found.end()


class _Parser:
    """Entries from tokens: comments, previous strings, msgctxt, msgid, msgid_plural, msgstr or msgstr[N]."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.tokens = list(_tokens(name, text))
        self.position = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def fail(self, problem: str, token: _Token | None = None) -> InputError:
        token = token or self.peek() or (self.tokens[-1] if self.tokens else None)
        return _error(self.name, token.line if token else 1, problem)

    def strings(self, keyword: _Token) -> str:
        """The strings after a keyword, joined; they must follow it directly, on the same kind of line."""
        parts = []
        while (token := self.peek()) is not None and token.kind == "string":
            if (token.obsolete, token.previous) != (keyword.obsolete, keyword.previous):
                raise self.fail("a string continues an entry with a different #~ or #| mark (inconsistent #~)")
            parts.append(token.value)
            self.position += 1
        if not parts:
            raise self.fail(f'{keyword.value} must be followed by a "string"', keyword)
        return "".join(parts)

    def keyword(self, entry: _Entry, names: tuple[str, ...]) -> _Token | None:
        """The next token when it is one of these keywords (not a previous one) of this entry, else None."""
        token = self.peek()
        if token is None or token.kind != "keyword" or token.previous or token.value not in names:
            return None
        if token.obsolete != entry.obsolete:
            raise self.fail("an entry is partly obsolete: #~ is on some of its lines only (inconsistent #~)")
        self.position += 1
        return token

    def entries(self) -> Iterator[PoEntry]:
        while self.position < len(self.tokens):
            comments, previous_obsolete = self.comments()
            first = self.peek()
            if first is None:
                if previous_obsolete is not None:
                    raise self.fail("#| lines at the end of the file, with no entry after them")
                return  # trailing comments
            if previous_obsolete is not None and previous_obsolete != first.obsolete:
                raise self.fail("#| lines and their entry disagree on #~ (inconsistent #~)", first)
            yield self.entry(comments)

    def comments(self) -> tuple[list[_Token], bool | None]:
        """Comments, then previous strings (`#|`, which come last, right before the entry, in the order
        msgctxt, msgid, msgid_plural); the comments, and whether the previous strings were obsolete."""
        found: list[_Token] = []
        previous: list[str] = []
        obsolete = None
        while (token := self.peek()) is not None and (token.kind == "comment" or token.previous):
            self.position += 1
            if token.kind == "comment":
                if previous:
                    raise self.fail("a comment comes between the #| lines and the entry they belong to", token)
                found.append(token)
                continue
            if token.kind == "string":
                raise self.fail('a #| "string" with no #| keyword before it', token)
            order = PREVIOUS_KEYWORDS.index(token.value)
            misplaced = previous and order <= PREVIOUS_KEYWORDS.index(previous[-1])
            if misplaced or (order == 2 and "msgid" not in previous):
                raise self.fail(f"#| {token.value} is out of place (order: msgctxt, msgid, msgid_plural)", token)
            previous.append(token.value)
            obsolete = token.obsolete
            self.strings(token)
        return found, obsolete

    def entry(self, comments: list[_Token]) -> PoEntry:
        first = self.peek()
        assert first is not None
        entry = _Entry(obsolete=first.obsolete)
        if (context := self.keyword(entry, ("msgctxt",))) is not None:
            entry.fields["msgctxt"] = [self.strings(context)]
        msgid = self.keyword(entry, ("msgid",))
        if msgid is None:
            word = f"{first.value!r}" if first.kind == "keyword" else "a string"
            raise self.fail(f"expected msgid here, found {word}")
        entry.line = msgid.line
        entry.fields["msgid"] = [self.strings(msgid)]
        if (plural := self.keyword(entry, ("msgid_plural",))) is not None:
            entry.fields["msgid_plural"] = [self.strings(plural)]
            while (form := self.keyword(entry, ("msgstr",))) is not None:
                if not form.mark:
                    raise self.fail("msgstr needs an [index] after msgid_plural", form)
                if form.mark != str(len(entry.plural)):
                    raise self.fail(f"msgstr[{form.mark}] is out of order: msgstr[{len(entry.plural)}] expected", form)
                entry.plural.append(self.strings(form))
            if not entry.plural:
                raise self.fail("msgstr[0] is missing after msgid_plural", msgid)
        else:
            translation = self.keyword(entry, ("msgstr",))
            if translation is None:
                raise self.fail("msgstr is missing after msgid", msgid)
            if translation.mark:
                raise self.fail(f"msgstr[{translation.mark}] without msgid_plural", translation)
            entry.fields["msgstr"] = [self.strings(translation)]
        return _finish(entry, comments)


def _finish(entry: _Entry, comments: list[_Token]) -> PoEntry:
    extracted = [token.value.removeprefix(" ") for token in comments if token.mark == "."]
    notes = [token.value for token in comments if token.mark in ("", " ")]
    flags = [flag.strip() for token in comments if token.mark == "," for flag in token.value.split(",")]
    references = [ref for token in comments if token.mark == ":" for ref in token.value.split()]
    context = entry.fields.get("msgctxt")
    plural = entry.fields.get("msgid_plural")
    return PoEntry(
        msgid=entry.fields["msgid"][0],
        msgstr=entry.plural[0] if entry.plural else entry.fields["msgstr"][0],
        msgctxt=context[0] if context else None,
        msgid_plural=plural[0] if plural else None,
        msgstr_plural=tuple(entry.plural),
        flags=tuple(flag for flag in flags if flag),
        comment="\n".join(extracted),
        translator_comment="\n".join(notes),
        references=tuple(references),
        obsolete=entry.obsolete,
        line=entry.line,
    )


def header_fields(text: str) -> dict[str, str]:
    """The `Name: value` lines of a header entry's msgstr."""
    fields = {}
    for line in text.split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip():
            fields[key.strip()] = value.strip()
    return fields


def parse_po(text: str, name: str) -> PoDocument:
    """A PO text parsed strictly; raise InputError(`NAME:LINE: problem`) on a syntax error or a duplicate
    entry (same msgctxt and msgid, obsolete entries included, as msgfmt counts them), or on a NUL character
    (raw or escaped), which no PO string can hold. Other control characters (ESC, DEL) are text, as gettext
    keeps them."""
    if (nul := text.find("\x00")) >= 0:
        # msgfmt takes it, then cuts the string at it: everything after it is lost from the compiled catalog.
        raise _error(name, text.count("\n", 0, nul) + 1, "a NUL character, which a PO file cannot hold", NUL_HINT)
    seen: dict[tuple[str | None, str], int] = {}
    entries, header, header_line = [], {}, 0
    for entry in _Parser(name, text).entries():
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            what = f"msgid {entry.msgid!r}" + (f" with msgctxt {entry.msgctxt!r}" if entry.msgctxt is not None else "")
            raise _error(name, entry.line, f"duplicate entry: {what} is already at line {seen[key]}")
        seen[key] = entry.line
        if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
            header, header_line = header_fields(entry.msgstr), entry.line
        else:
            entries.append(entry)
    return PoDocument(name, header, tuple(entries), header_line)


def declared_charset(document: PoDocument, text: str) -> str:
    """The Python codec name of the charset the header declares (UTF-8 when none is declared); raise
    InputError on the header's line for a charset Python does not know or one a PO file cannot use."""
    found = CHARSET.search(document.header.get("Content-Type", ""))
    if found is None or found.group(1) == PLACEHOLDER_CHARSET:
        return "utf-8"
    charset = found.group(1)
    line = _charset_line(text, document.header_line)
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise _error(document.name, line, f"unknown charset {charset!r} in the Content-Type header") from None
    if 'msgid "#~|\n'.encode(codec, errors="replace") != b'msgid "#~|\n':
        raise _error(document.name, line, f"charset {charset!r} is not ASCII-compatible: a PO file cannot use it")
    return codec


def _charset_line(text: str, start: int) -> int:
    for number, line in enumerate(text.split("\n")[max(start - 1, 0) :], start=max(start, 1)):
        if "charset=" in line.lower():
            return number
    return max(start, 1)


def check_po_syntax(text: str, name: str) -> PoDocument:
    """Parse a PO text strictly and check its declared charset is one Python knows; the document, or
    InputError(`NAME:LINE: problem`). For callers that decoded the file themselves (the glossary loader)."""
    document = parse_po(text, name)
    declared_charset(document, text)
    return document


def read_po_strict(path: Path) -> PoDocument:
    """Read a PO file strictly: decoded with the charset its header declares (UTF-8 when it declares none),
    then parsed; raise InputError(`FILE:LINE: problem`) on bytes the charset cannot decode, an unknown
    charset, a syntax error or a duplicate entry."""
    from translator.files import read_input_bytes

    name = str(path)
    # Regular files only, read with a size limit: a folder, a FIFO or a device is one line, never a hang.
    data = read_input_bytes(path, PO_LIMIT, "a review file is a few MB at most: check the file")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _read_not_utf8(data, name, error.start)
    document = parse_po(text, name)
    charset = declared_charset(document, text)
    if charset != "utf-8" and not data.isascii():
        # Valid UTF-8 with other bytes than ASCII is UTF-8 whatever the header says: decoding it as the
        # header's charset would turn every accented letter into two wrong ones.
        line = _charset_line(text, document.header_line)
        raise _error(name, line, f"the header declares charset {charset!r} but the file is UTF-8: set charset=UTF-8")
    return document


def _read_not_utf8(data: bytes, name: str, bad_byte: int) -> PoDocument:
    """A file that is not UTF-8: its header (ASCII in any charset a PO file may use) says what it is."""
    rough = data.decode("latin-1")
    charset = declared_charset(parse_po(rough, name), rough)
    if charset == "utf-8":
        problem = f"bytes that are not UTF-8 (at byte {bad_byte}) in a file declared UTF-8"
        raise _error(name, data.count(b"\n", 0, bad_byte) + 1, problem)
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        problem = f"bytes that are not {charset} (at byte {error.start})"
        raise _error(name, data.count(b"\n", 0, error.start) + 1, problem) from None
    return parse_po(text, name)
