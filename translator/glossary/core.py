"""Domain glossaries: PO term bases kept with minimal diffs, matched fast, protected through MT, checked after.

A glossary is one PO file per language pair (`glossaries/fr-en.po`): `msgid` the source term, `msgstr`
the target term, `msgctxt` the category, flags for the entry kind and matching rules, extracted
comments (`#. variants: ...`) for other source forms and forbidden target wordings. The format is
documented for maintainers in `glossaries/README.md`.

Before MT, `protect` replaces every term found in a sentence with a placeholder (`⟦T1⟧`); after MT,
`restore` puts the target term back and checks that each placeholder came back exactly once. When one
is lost, duplicated or mangled, the sentence is translated again without the mask and the terms are
substituted where they can be aligned; the result is flagged for review. Nothing here imports polib or
pyahocorasick until it is needed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

from translator.errors import GlossaryError

__all__ = [
    "CATEGORIES",
    "DEFAULT_STYLE",
    "FIELD_FORBIDDEN",
    "FIELD_PLURAL_VARIANTS",
    "FIELD_VARIANTS",
    "FLAG_CASE_SENSITIVE",
    "FLAG_FORBIDDEN",
    "FLAG_FUZZY",
    "FLAG_KEEP",
    "INSTALLED_GLOSSARIES",
    "KNOWN_FLAGS",
    "Glossary",
    "GlossaryFile",
    "GlossaryResult",
    "GlossaryTerm",
    "PlaceholderStyle",
    "ProtectedSentence",
    "Slot",
    "TermIssue",
    "TermMatch",
    "TermUse",
    "check_terms",
    "default_glossary_dir",
    "find_glossary",
    "fold",
    "fold_exact",
    "glossary_path",
    "load_glossary",
    "parse_pair",
    "protect",
    "render_term",
    "restore",
    "translate_with_glossary",
]

CATEGORIES = ("organisation", "programme", "person", "title", "place", "product")
"""The categories an entry's `msgctxt` may name."""

FLAG_KEEP = "keep"
"""Do-not-translate: the term is kept exactly as written in the source."""
FLAG_FORBIDDEN = "forbidden"
"""The msgid is a target-language wording that must never appear in output; msgstr suggests the fix."""
FLAG_CASE_SENSITIVE = "case-sensitive"
"""Match the source forms with their exact case only (`US`, not `us`; `Poutine`, not the dish)."""
FLAG_FUZZY = "fuzzy"
"""Set by Poedit/Weblate on an entry that needs work: the entry is not applied until it is cleared."""
KNOWN_FLAGS = (FLAG_KEEP, FLAG_FORBIDDEN, FLAG_CASE_SENSITIVE, FLAG_FUZZY)

FIELD_VARIANTS = "variants"
"""`#. variants: A | B`: other source forms, rendered with the singular target."""
FIELD_PLURAL_VARIANTS = "plural-variants"
"""`#. plural-variants: A | B`: other plural source forms, rendered with the plural target."""
FIELD_FORBIDDEN = "forbidden"
"""`#. forbidden: Kiev`: target wordings that must not appear in output."""
FIELDS = (FIELD_VARIANTS, FIELD_PLURAL_VARIANTS, FIELD_FORBIDDEN)

WRAP_WIDTH = 79
"""Line width of entries written by us (msgcat's and Poedit's default); files wrapped wider are left unwrapped."""

TermKind = Literal["preferred", "keep", "forbidden"]
PAIR = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
APOSTROPHES = "'’ʼ‘"
# Characters folded before matching: apostrophes and spaces have several spellings in real text.
_FOLD_TABLE = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "‘": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)
ELISIONS: Mapping[str, frozenset[str]] = {
    "fr": frozenset("c d j l m n s t qu jusqu lorsqu puisqu quoiqu presqu quelqu".split()),  # noqa: SIM905
    "it": frozenset("l d un dell all nell sull dall quell bell sant c v".split()),  # noqa: SIM905
}
"""Elided words that may be glued to a term by an apostrophe (`l'US Space Force`, `d’Elon Musk`)."""


# ---------------------------------------------------------------------------------------------- terms


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """One glossary entry, as read from its PO file."""

    source: str
    """The source term (`msgid`)."""
    target: str
    """The target term (`msgstr`, or `msgstr[0]`); for a do-not-translate entry, the source itself."""
    category: str | None = None
    """`organisation`, `programme`, `person`, `title`, `place` or `product` (`msgctxt`)."""
    flags: tuple[str, ...] = ()
    """The entry's PO flags, in file order (`keep`, `forbidden`, `case-sensitive`, `fuzzy`)."""
    source_plural: str | None = None
    """The plural source form (`msgid_plural`)."""
    target_plural: str | None = None
    """The plural target form (`msgstr[1]`)."""
    variants: tuple[str, ...] = ()
    """Other source forms rendered with the singular target (`#. variants:`)."""
    plural_variants: tuple[str, ...] = ()
    """Other source forms rendered with the plural target (`#. plural-variants:`)."""
    forbidden: tuple[str, ...] = ()
    """Target wordings that must not appear in output (`#. forbidden:`)."""
    notes: str = ""
    """Translator comments: sources and notes for people."""
    line: int | None = None
    """Where the entry starts in its file (1-based), when it came from one."""

    @property
    def kind(self) -> TermKind:
        """`keep` (do-not-translate), `forbidden` (a wording to avoid) or `preferred` (a translation)."""
        if FLAG_KEEP in self.flags:
            return "keep"
        if FLAG_FORBIDDEN in self.flags:
            return "forbidden"
        return "preferred"

    @property
    def case_sensitive(self) -> bool:
        """Whether the source forms match with their exact case only."""
        return FLAG_CASE_SENSITIVE in self.flags

    @property
    def fuzzy(self) -> bool:
        """Whether the entry is marked as needing work (and so is not applied)."""
        return FLAG_FUZZY in self.flags

    def source_forms(self) -> tuple[tuple[str, bool], ...]:
        """Every source form with whether it is plural, in a fixed order, without repeats."""
        forms = [(self.source, False), *((v, False) for v in self.variants)]
        if self.source_plural:
            forms.append((self.source_plural, True))
        forms.extend((v, True) for v in self.plural_variants)
        seen: set[str] = set()
        unique = []
        for form, plural in forms:
            if form and form not in seen:
                seen.add(form)
                unique.append((form, plural))
        return tuple(unique)

    def target_for(self, plural: bool) -> str:
        """The target term for a singular or plural source form."""
        if plural and self.target_plural:
            return self.target_plural
        return self.target

    def target_forms(self) -> tuple[str, ...]:
        """The target wordings that render this entry (singular, plural)."""
        forms = [self.target]
        if self.target_plural and self.target_plural != self.target:
            forms.append(self.target_plural)
        return tuple(form for form in forms if form)

    @property
    def label(self) -> str:
        """`source` with its category, for messages."""
        return f"{self.source} ({self.category})" if self.category else self.source


def parse_fields(comment: str) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """The `#.` fields of an entry (`variants: A | B`) and the lines that are not fields.

    A line that wrapping cut from the one before (polib and msgcat wrap comments at 79 columns) continues
    it, joined back with a space; any other line that is not a field is returned apart."""
    raw: dict[str, list[str]] = {}
    unknown: list[str] = []
    last: str | None = None
    previous = ""
    for line in comment.split("\n") if comment else []:
        key, separator, value = line.partition(":")
        name = key.strip().lower()
        if separator and name in FIELDS:
            raw.setdefault(name, []).append(value.strip())
            last = name
        elif last is not None and line.strip() and _was_wrapped(previous, line):
            raw[last][-1] = f"{raw[last][-1]} {line.strip()}".strip()
        elif line.strip():
            unknown.append(line)
            last = None
        previous = line
    fields = {
        name: tuple(part.strip() for value in values for part in value.split("|") if part.strip())
        for name, values in raw.items()
    }
    return fields, unknown


def _was_wrapped(previous: str, line: str) -> bool:
    """Whether line is the tail of previous, cut by line wrapping: `#. ` + previous + its first word would
    not have fit in the wrap width (or previous ends with the `|` separator)."""
    first = line.split()[0] if line.split() else ""
    return previous.rstrip().endswith("|") or len("#. ") + len(previous) + 1 + len(first) > WRAP_WIDTH


def format_fields(term: GlossaryTerm) -> str:
    """The `#.` comment lines for a term's fields, in the documented order."""
    lines = []
    for name, values in (
        (FIELD_VARIANTS, term.variants),
        (FIELD_PLURAL_VARIANTS, term.plural_variants),
        (FIELD_FORBIDDEN, term.forbidden),
    ):
        if values:
            lines.append(f"{name}: {' | '.join(values)}")
    return "\n".join(lines)


def term_from_entry(entry: Any, line: int | None = None) -> GlossaryTerm:
    """A GlossaryTerm from a polib entry."""
    fields, _ = parse_fields(entry.comment or "")
    flags = tuple(entry.flags)
    if entry.msgid_plural:
        plurals = entry.msgstr_plural or {}
        target = plurals.get(0, "")
        target_plural: str | None = plurals.get(1, "") or None
    else:
        target, target_plural = entry.msgstr, None
    if FLAG_KEEP in flags and not target:
        target = entry.msgid
        target_plural = entry.msgid_plural or None
    return GlossaryTerm(
        source=entry.msgid,
        target=target,
        category=entry.msgctxt,
        flags=flags,
        source_plural=entry.msgid_plural or None,
        target_plural=target_plural,
        variants=fields.get(FIELD_VARIANTS, ()),
        plural_variants=fields.get(FIELD_PLURAL_VARIANTS, ()),
        forbidden=fields.get(FIELD_FORBIDDEN, ()),
        notes=entry.tcomment or "",
        line=line,
    )


def apply_term(entry: Any, term: GlossaryTerm) -> None:
    """Write a term into a polib entry, touching only what differs (so unchanged parts keep their bytes)."""
    entry.msgctxt = term.category
    entry.msgid = term.source
    target = term.source if term.kind == "keep" and not term.target else term.target
    if term.source_plural:
        entry.msgid_plural = term.source_plural
        plural_target = term.target_plural or (term.source_plural if term.kind == "keep" else "")
        entry.msgstr_plural = {0: target, 1: plural_target}
        entry.msgstr = ""
    else:
        entry.msgid_plural = ""
        entry.msgstr_plural = {}
        entry.msgstr = target
    kept = [flag for flag in entry.flags if flag in term.flags]
    entry.flags = kept + [flag for flag in term.flags if flag not in kept]
    old_fields, unknown = parse_fields(entry.comment or "")
    new_fields, _ = parse_fields(format_fields(term))
    if old_fields != new_fields:
        entry.comment = "\n".join([*unknown, format_fields(term)]).strip("\n")
    if (entry.tcomment or "") != term.notes:
        entry.tcomment = term.notes


def parse_pair(text: str) -> tuple[str, str]:
    """`fr-en` as ("fr", "en"); raise GlossaryError when it is not a pair of language codes."""
    found = PAIR.match(text.strip().lower())
    if not found:
        raise GlossaryError(f"{text!r} is not a language pair", "write it as SOURCE-TARGET, e.g. fr-en")
    return found.group(1), found.group(2)


# ------------------------------------------------------------------------------------- the PO document


@dataclass(slots=True)
class _Chunk:
    """A piece of the file: the header, or one entry with the blank lines after it."""

    entry: Any
    """The polib entry, or None for the header."""
    text: str
    """Its original text, with the separator that follows it."""
    canonical: str | None
    """How polib renders the entry as loaded; None for a new entry."""


class GlossaryFile:
    """A PO glossary as an editable document that saves with minimal diffs.

    Unchanged entries (and the header) are written back byte for byte from the original text; an
    edited entry is rendered again by polib; a new entry goes after the last entry of its category."""

    def __init__(self, text: str, path: Path | None = None) -> None:
        import polib

        self.path = path
        self.text = text
        name = str(path) if path else "<glossary>"
        self.newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.splitlines(keepends=True)
        quoted = [line for line in lines if line.lstrip().startswith(("msg", '"'))]
        self.wrapwidth = 0 if any(len(line.rstrip("\r\n")) > WRAP_WIDTH for line in quoted) else WRAP_WIDTH
        try:
            # A one-line string naming an existing file would be read as that file: keep a newline in it.
            self.pofile: Any = polib.pofile(text if "\n" in text else text + "\n", wrapwidth=self.wrapwidth)
        except (OSError, ValueError) as error:
            detail = str(error).replace("Syntax error in po file ", "syntax error ")
            raise GlossaryError(
                f"{name}: invalid PO file: {detail}", "fix the file or check it with msgfmt -c"
            ) from None
        entries = sorted(self.pofile, key=lambda entry: entry.linenum or 0)
        starts = [max(1, entry.linenum or 1) for entry in entries]
        first = starts[0] - 1 if starts else len(lines)
        self._chunks: list[_Chunk] = [_Chunk(None, "".join(lines[:first]), None)]
        for index, entry in enumerate(entries):
            end = starts[index + 1] - 1 if index + 1 < len(entries) else len(lines)
            chunk_text = "".join(lines[starts[index] - 1 : end])
            self._chunks.append(_Chunk(entry, chunk_text, self._render_entry(entry)))

    @classmethod
    def load(cls, path: Path) -> GlossaryFile:
        """Read a glossary file; raise GlossaryError when it is missing or not a PO file."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise GlossaryError(f"no glossary at {path}", "list them with: translator glossary list") from None
        except OSError as error:
            raise GlossaryError(f"cannot read {path}: {error.strerror}") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise GlossaryError(f"{path} is not UTF-8 (byte {error.start})", "save it as UTF-8") from None
        return cls(text, path)

    @classmethod
    def new(cls, source_lang: str, target_lang: str, path: Path | None = None) -> GlossaryFile:
        """An empty glossary for a pair, with a complete PO header."""
        import polib

        pofile = polib.POFile(wrapwidth=WRAP_WIDTH)
        pofile.header = f"Glossary {source_lang}-{target_lang}: see glossaries/README.md for the format."
        pofile.metadata = {
            "Project-Id-Version": f"thread-translator glossary {source_lang}-{target_lang}",
            "Report-Msgid-Bugs-To": "",
            "POT-Creation-Date": "2025-01-01 00:00+0000",
            "PO-Revision-Date": "2025-01-01 00:00+0000",
            "Last-Translator": "",
            "Language-Team": "",
            "Language": target_lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
            "X-Source-Language": source_lang,
        }
        return cls(str(pofile), path)

    def _render_entry(self, entry: Any) -> str:
        text: str = entry.__unicode__(self.wrapwidth)
        return text

    @property
    def metadata(self) -> dict[str, str]:
        """The PO header fields."""
        data: dict[str, str] = self.pofile.metadata
        return data

    def pair(self) -> tuple[str, str]:
        """(source, target) from the file name (`fr-en.po`), else from the header."""
        if self.path is not None and PAIR.match(self.path.stem):
            return parse_pair(self.path.stem)
        source = self.metadata.get("X-Source-Language", "").strip().lower()
        target = self.metadata.get("Language", "").strip().lower()
        if source and target:
            return source, target
        raise GlossaryError(
            f"cannot tell the language pair of {self.path or 'this glossary'}",
            "name the file SOURCE-TARGET.po, or set the X-Source-Language and Language headers",
        )

    def entries(self) -> list[Any]:
        """The active (not obsolete) polib entries, in file order."""
        return [chunk.entry for chunk in self._chunks if chunk.entry is not None and not chunk.entry.obsolete]

    def line_numbers(self) -> dict[int, int]:
        """Where each entry starts in the current text (1-based), by `id(entry)`."""
        numbers: dict[int, int] = {}
        line = 1
        for chunk in self._chunks:
            text = self._chunk_text(chunk)
            if chunk.entry is not None:
                # An entry's text may start after blank lines left by a removed neighbour: skip them.
                line_in = len(text) - len(text.lstrip("\r\n"))
                numbers[id(chunk.entry)] = line + text[:line_in].count("\n")
            line += text.count("\n")
        return numbers

    def line_of(self, entry: Any) -> int | None:
        """Where an entry starts in the current text (1-based)."""
        return self.line_numbers().get(id(entry))

    def terms(self) -> tuple[GlossaryTerm, ...]:
        """Every active entry as a GlossaryTerm, in file order."""
        lines = self.line_numbers()
        return tuple(term_from_entry(entry, lines.get(id(entry))) for entry in self.entries())

    def find(self, source: str, category: str | None = None) -> list[Any]:
        """The active entries whose msgid is source (and msgctxt category, when given)."""
        return [
            entry
            for entry in self.entries()
            if entry.msgid == source and (category is None or entry.msgctxt == category)
        ]

    def add(self, term: GlossaryTerm) -> None:
        """Add an entry after the last entry of its category (else at the end); raise if it exists."""
        import polib

        if self._find_exact(term.source, term.category):
            where = f" in category {term.category}" if term.category else ""
            raise GlossaryError(
                f"{term.source!r} is already in the glossary{where}",
                "remove it first, or import a file to update entries",
            )
        entry = polib.POEntry(msgid=term.source)
        apply_term(entry, term)
        # At the end of the active entries (obsolete `#~` entries stay last), or after its category.
        position = len(self._chunks)
        while position > 1 and getattr(self._chunks[position - 1].entry, "obsolete", False):
            position -= 1
        for index, chunk in enumerate(self._chunks):
            if chunk.entry is not None and not chunk.entry.obsolete and chunk.entry.msgctxt == term.category:
                position = index + 1
        self._chunks.insert(position, _Chunk(entry, "", None))

    def _find_exact(self, source: str, category: str | None) -> list[Any]:
        return [entry for entry in self.entries() if entry.msgid == source and entry.msgctxt == category]

    def remove(self, source: str, category: str | None = None) -> GlossaryTerm:
        """Remove one entry; raise GlossaryError when none or several match."""
        found = self.find(source, category)
        if not found:
            raise GlossaryError(f"{source!r} is not in the glossary", "see the entries with: translator glossary list")
        if len(found) > 1:
            categories = ", ".join(str(entry.msgctxt) for entry in found)
            raise GlossaryError(f"{source!r} is in several categories ({categories})", "pick one with --category")
        term = term_from_entry(found[0], self.line_of(found[0]))
        self._chunks = [chunk for chunk in self._chunks if chunk.entry is not found[0]]
        return term

    def upsert(self, term: GlossaryTerm) -> Literal["added", "updated", "unchanged"]:
        """Add the term, or update the entry with the same category and source; say which happened."""
        found = self._find_exact(term.source, term.category)
        if not found:
            self.add(term)
            return "added"
        entry = found[0]
        before = self._render_entry(entry)
        apply_term(entry, term)
        return "unchanged" if self._render_entry(entry) == before else "updated"

    def _chunk_text(self, chunk: _Chunk) -> str:
        if chunk.entry is None:
            return chunk.text
        rendered = self._render_entry(chunk.entry)
        if rendered == chunk.canonical:
            return chunk.text
        # An edited or new entry: polib's rendering, then the separator the old text had (or a blank line).
        separator = chunk.text[len(chunk.text.rstrip("\r\n")) :] if chunk.canonical is not None else ""
        body = rendered.replace("\n", self.newline)
        if not body.endswith(self.newline):
            body += self.newline
        extra = separator[len(self.newline) :] if separator.startswith(self.newline) else separator
        return body + (extra or self.newline)

    def render(self) -> str:
        """The file as text: original bytes wherever nothing changed."""
        parts: list[str] = []
        for chunk in self._chunks:
            piece = self._chunk_text(chunk)
            if not piece:
                continue
            if parts and chunk.entry is not None:
                joined = parts[-1]
                if not joined.endswith("\n"):
                    parts.append(self.newline)
                    joined = self.newline
                if not (joined.endswith(self.newline * 2) or joined.strip("\r\n") == ""):
                    parts.append(self.newline)
            parts.append(piece)
        text = "".join(parts)
        if text != self.text:
            # After an edit the file keeps its original ending (usually one newline after the last entry).
            tail = self.text[len(self.text.rstrip("\r\n")) :]
            text = text.rstrip("\r\n") + (tail or self.newline)
        return text

    def save(self, path: Path | None = None) -> None:
        """Write the file atomically (to path, else where it was read)."""
        from translator.files import write_atomic

        target = path or self.path
        if target is None:
            raise GlossaryError("this glossary has no file to save to")
        text = self.render()
        write_atomic(target, text)
        self.text = text


# ------------------------------------------------------------------------------------------- matching

P = TypeVar("P")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def fold_exact(text: str) -> str:
    """NFC with apostrophes, spaces and hyphens in one spelling; case kept."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


def fold(text: str) -> str:
    """What matching compares: NFC, lower case, one spelling of apostrophes, spaces and hyphens."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)


class _BoundaryTable(dict[int, int]):
    """str.translate table: word characters stay, every other character becomes a space (filled lazily)."""

    def __missing__(self, code: int) -> int:
        value = code if _is_word(chr(code)) else 32
        self[code] = value
        return value


_BOUNDARIES = _BoundaryTable()


def _spaced_text(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """What the automaton reads: the text in NFC, lower case, every non-word character a space, padded
    with a space each side; and, when its indices differ from the text's (plus one), where each of its
    characters starts and ends in the text."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return f" {lowered.translate(_BOUNDARIES)} ", None, None
    # Rare: decomposed accents or letters whose lower case is longer (İ). Fold cluster by cluster.
    pieces: list[str] = [" "]
    starts: list[int] = [0]
    ends: list[int] = [0]
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[index:end]).lower().translate(_BOUNDARIES)
        pieces.append(piece)
        starts.extend([index] * len(piece))
        ends.extend([end] * len(piece))
        index = end
    pieces.append(" ")
    starts.append(len(text))
    ends.append(len(text))
    return "".join(pieces), starts, ends


@dataclass(frozen=True, slots=True)
class _Form(Generic[P]):
    """One searchable form and what it stands for."""

    folded: str
    """The form as matching compares it (`fold`)."""
    exact: str
    """The form with its case (`fold_exact`), compared when case-sensitive."""
    case_sensitive: bool
    """Whether only the exact case matches."""
    payload: P
    """What a hit on this form means to the caller."""
    plain: bool
    """Whether the folded form is only letters, digits and single spaces (then a hit needs no re-check)."""


@dataclass(frozen=True, slots=True)
class _Hit(Generic[P]):
    """A form found in a text."""

    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset after the last character."""
    form: _Form[P]
    """Which form was found."""


class _Matcher(Generic[P]):
    """An Aho-Corasick automaton over folded forms, with word boundaries and longest-first resolution.

    The automaton runs over the folded text with every non-word character turned into a space, and
    its keys are the forms turned the same way with a space on each side: a hit is then always a whole
    word sequence. Each hit is verified against the real text (punctuation, apostrophes, case when
    case-sensitive, elision, combining marks), so the loose search never loosens what matches."""

    def __init__(self, forms: Iterable[tuple[str, bool, P]], elision: frozenset[str] = frozenset()) -> None:
        import ahocorasick

        self.elision = elision
        self.forms: list[_Form[P]] = []
        keys: dict[str, list[int]] = {}
        for text, case_sensitive, payload in forms:
            folded = fold(text)
            if not any(_is_word(char) for char in folded):
                continue
            plain = folded.replace(" ", "").isalnum() and "  " not in folded
            self.forms.append(_Form(folded, fold_exact(text), case_sensitive, payload, plain))
            keys.setdefault(f" {folded.translate(_BOUNDARIES)} ", []).append(len(self.forms) - 1)
        self.automaton: Any = None
        if keys:
            self.automaton = ahocorasick.Automaton()
        for key, indices in keys.items():
            # Case-sensitive forms first: they are the more specific reading of the same letters.
            ordered = sorted(indices, key=lambda i: (not self.forms[i].case_sensitive, i))
            self.automaton.add_word(key, (len(key), tuple(ordered)))
        if self.automaton is not None:
            self.automaton.make_automaton()

    def _elision_ok(self, text: str, start: int) -> bool:
        """A term right after an apostrophe glued to a word starts a word only after an elided article or
        pronoun (`l'`, `d'`, `qu'`); elsewhere the apostrophe is inside a word (`aujourd'hui`, `м'ясо`)."""
        if (
            start < 2
            or text[start - 1] not in APOSTROPHES
            or not _is_word(text[start - 2])
            or not _is_word(text[start])
        ):
            return True
        begin = start - 1
        while begin > 0 and _is_word(text[begin - 1]):
            begin -= 1
        return text[begin : start - 1].lower() in self.elision

    def candidates(self, text: str) -> list[tuple[int, int, int, int]]:
        """Every valid hit as (start, end, priority, form index), overlapping ones included."""
        if self.automaton is None or not text:
            return []
        spaced, starts, ends = _spaced_text(text)
        found = []
        for last, (length, indices) in self.automaton.iter(spaced):
            # The key is " form ": the form spans [last - length + 2, last) in `spaced`, one less in `text`.
            first, stop = last - length + 2, last
            if starts is None or ends is None:
                start, end = first - 1, stop - 1
            else:
                start, end = starts[first], ends[stop - 1]
            if end <= start:
                continue
            if start > 1 and text[start - 1] in APOSTROPHES and not self._elision_ok(text, start):
                continue
            surface = text[start:end]
            # The automaton already compared letters, digits and spaces: only other characters need a look.
            plain = starts is None and surface.replace(" ", "").isalnum()
            folded_surface: str | None = None
            exact_surface: str | None = None
            for priority, index in enumerate(indices):
                form = self.forms[index]
                if form.case_sensitive:
                    exact_surface = exact_surface if exact_surface is not None else fold_exact(surface)
                    if exact_surface != form.exact:
                        continue
                elif not (plain and form.plain):
                    folded_surface = folded_surface if folded_surface is not None else fold(surface)
                    if folded_surface != form.folded:
                        continue
                found.append((start, end, priority, index))
        return found

    def find(self, text: str) -> list[_Hit[P]]:
        """Non-overlapping hits in text order: longest first, then leftmost, then the earlier form."""
        candidates = self.candidates(text)
        if not candidates:
            return []
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2], c[3]))
        taken = bytearray(len(text))
        hits = []
        for start, end, _, index in candidates:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            hits.append(_Hit(start, end, self.forms[index]))
        hits.sort(key=lambda hit: hit.start)
        return hits


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found in a text."""

    term: GlossaryTerm
    """The entry."""
    start: int
    """Offset of the first character."""
    end: int
    """Offset after the last character."""
    text: str
    """The text as found (its case and apostrophes)."""
    form: str
    """The glossary form it matched (msgid, plural or a variant)."""
    plural: bool
    """Whether a plural form matched."""


def _is_all_caps(text: str) -> bool:
    return text.isupper() and sum(char.isalpha() for char in text) >= 2


def render_term(match: TermMatch) -> str:
    """How a found term is written in the target: kept verbatim, or its target with the source's ALL CAPS."""
    term = match.term
    if term.kind == "keep":
        return match.text
    target = term.target_for(match.plural)
    if not term.case_sensitive and _is_all_caps(match.text) and not _is_all_caps(match.form):
        return target.upper()
    return target


class Glossary:
    """The terms of one language pair, ready to match (the automata are built on first use)."""

    def __init__(
        self, terms: Iterable[GlossaryTerm], source_lang: str, target_lang: str, path: Path | None = None
    ) -> None:
        self.terms = tuple(terms)
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.path = path

    @classmethod
    def from_file(cls, document: GlossaryFile) -> Glossary:
        """The glossary of a loaded PO document."""
        source, target = document.pair()
        return cls(document.terms(), source, target, document.path)

    @property
    def pair(self) -> str:
        """`fr-en`."""
        return f"{self.source_lang}-{self.target_lang}"

    @functools.cached_property
    def version(self) -> str:
        """A short hash of what the glossary does (its terms, forms, flags and their order; not notes), for the
        translation memory: a machine translation made with another version is not reused."""
        import hashlib
        import json
        from dataclasses import asdict

        rows = [{k: v for k, v in asdict(term).items() if k not in ("notes", "line")} for term in self.terms]
        data = json.dumps([self.pair, rows], ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(data).hexdigest()[:16]

    @functools.cached_property
    def _source_matcher(self) -> _Matcher[tuple[GlossaryTerm, str, bool]]:
        forms = (
            (form, term.case_sensitive, (term, form, plural))
            for term in self.terms
            if term.kind != "forbidden" and not term.fuzzy
            for form, plural in term.source_forms()
        )
        return _Matcher(forms, ELISIONS.get(self.source_lang, frozenset()))

    @functools.cached_property
    def _forbidden_matcher(self) -> _Matcher[tuple[GlossaryTerm, str]]:
        forms: list[tuple[str, bool, tuple[GlossaryTerm, str]]] = []
        for term in self.terms:
            if term.fuzzy:
                continue
            wordings = list(term.forbidden)
            if term.kind == "forbidden":
                wordings.insert(0, term.source)
            forms.extend((wording, term.case_sensitive, (term, wording)) for wording in wordings)
        return _Matcher(forms, ELISIONS.get(self.target_lang, frozenset()))

    def find_terms(self, text: str) -> list[TermMatch]:
        """The terms in a source text, in text order, without overlaps (longest match wins)."""
        return [
            TermMatch(term, hit.start, hit.end, text[hit.start : hit.end], form, plural)
            for hit in self._source_matcher.find(text)
            for term, form, plural in (hit.form.payload,)
        ]

    def find_forbidden(self, text: str) -> list[tuple[GlossaryTerm, str, int]]:
        """Forbidden wordings in a target text: (entry, wording found, offset)."""
        return [
            (hit.form.payload[0], text[hit.start : hit.end], hit.start) for hit in self._forbidden_matcher.find(text)
        ]


# ------------------------------------------------------------------------------------ where they live


INSTALLED_GLOSSARIES = Path("share", "thread-translator", "glossaries")
"""Where an install puts the shipped glossaries, below its data folder (pyproject's data-files)."""


def default_glossary_dir() -> Path:
    """The shipped glossaries: `glossaries/` beside the `translator` package in a source checkout (where
    maintainers edit them), else the copy an install put in `<prefix>/share/thread-translator/glossaries`
    (a user install: below the user base)."""
    import os
    import sysconfig

    import translator

    beside = Path(translator.__file__).resolve().parent.parent / "glossaries"
    if beside.is_dir():
        return beside
    for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
        installed = Path(sysconfig.get_path("data", scheme)) / INSTALLED_GLOSSARIES
        if installed.is_dir():
            return installed
    return beside


def glossary_path(source: str, target: str, folder: Path | None = None) -> Path:
    """Where the glossary of a pair lives: `FOLDER/source-target.po`."""
    return (folder or default_glossary_dir()) / f"{source}-{target}.po"


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file for matching; raise GlossaryError when it is missing or invalid."""
    return Glossary.from_file(GlossaryFile.load(path))


def find_glossary(source: str, target: str, folder: Path | None = None) -> Glossary | None:
    """The glossary of a pair in folder (default: the shipped one), or None when there is none."""
    path = glossary_path(source, target, folder)
    return load_glossary(path) if path.is_file() else None


# ------------------------------------------------------------------------------------- protect/restore


@dataclass(frozen=True)
class PlaceholderStyle:
    """How term placeholders are written for a model: `prefix + number + suffix`, e.g. `⟦T1⟧`."""

    prefix: str = "⟦T"
    """Text before the number."""
    suffix: str = "⟧"
    """Text after the number."""
    max_slots: int = 20
    """Most placeholders in one sentence; further terms are aligned after translation instead."""

    def __post_init__(self) -> None:
        if not self.prefix or "_" in self.prefix + self.suffix or any(c.isspace() for c in self.prefix + self.suffix):
            raise GlossaryError(
                f"bad placeholder form {self.prefix}N{self.suffix}", "use a prefix, no spaces and no underscore"
            )
        if self.prefix[-1].isdigit() or self.suffix[:1].isdigit() or not 1 <= self.max_slots <= 99:
            raise GlossaryError(
                f"bad placeholder form {self.prefix}N{self.suffix}", "no digit next to the number; 1 to 99 slots"
            )

    def format(self, number: int) -> str:
        """The placeholder for slot number (1-based)."""
        return f"{self.prefix}{number}{self.suffix}"

    @functools.cached_property
    def exact(self) -> re.Pattern[str]:
        """Placeholders exactly as written, the number captured."""
        return re.compile(re.escape(self.prefix) + r"(\d+)" + re.escape(self.suffix))

    @functools.cached_property
    def loose(self) -> re.Pattern[str]:
        """Placeholders the model bent (spaces inserted, case changed): mangled ones."""
        spaced = [re.escape(char) + r"\s*" for char in self.prefix]
        tail = [r"\s*" + re.escape(char) for char in self.suffix]
        return re.compile("".join(spaced) + r"0*(\d+)" + "".join(tail), re.IGNORECASE)

    @functools.cached_property
    def delimiters(self) -> frozenset[str]:
        """The characters of the form that are neither letters nor digits (leftovers mean mangling)."""
        return frozenset(char for char in self.prefix + self.suffix if not char.isalnum())


DEFAULT_STYLE = PlaceholderStyle()
"""`⟦T1⟧`...`⟦T20⟧` (U+27E6/U+27E7): the form our demo models are trained to copy."""


@dataclass(frozen=True, slots=True)
class Slot:
    """A term replaced by a placeholder."""

    placeholder: str
    """The placeholder written in its place (`⟦T1⟧`)."""
    match: TermMatch
    """The term it stands for."""
    rendering: str
    """What replaces the placeholder after translation (before sentence-start capitalisation)."""


@dataclass(frozen=True, slots=True)
class ProtectedSentence:
    """A sentence with its terms masked for MT, and what is needed to put them back."""

    source: str
    """The sentence as given."""
    text: str
    """The sentence with placeholders: what the engine translates."""
    slots: tuple[Slot, ...]
    """The masked terms, slot n is placeholder n."""
    unmasked: tuple[TermMatch, ...]
    """Terms found but not masked (past the slot limit, or the sentence already looks like it holds
    placeholders): they are aligned in the translation instead."""
    style: PlaceholderStyle = DEFAULT_STYLE
    """The placeholder form used."""

    @property
    def matches(self) -> tuple[TermMatch, ...]:
        """Every term found, in text order."""
        return tuple(sorted([slot.match for slot in self.slots] + list(self.unmasked), key=lambda m: m.start))


TermPlacement = Literal["masked", "aligned", "unplaced"]


@dataclass(frozen=True, slots=True)
class TermUse:
    """How one source term ended up in the translation."""

    match: TermMatch
    """The term in the source."""
    rendering: str
    """What the translation says for it."""
    placement: TermPlacement
    """`masked`: through its placeholder; `aligned`: substituted in an unmasked translation;
    `unplaced`: it could not be placed (the unit needs review)."""

    @property
    def placed(self) -> bool:
        """Whether the translation carries the term."""
        return self.placement != "unplaced"


@dataclass(frozen=True, slots=True)
class GlossaryResult:
    """One sentence translated with the glossary applied."""

    source: str
    """The source sentence."""
    text: str
    """The translation with the target terms in it."""
    terms: tuple[TermUse, ...] = ()
    """Each term found in the source, in source order, and how it was rendered."""
    usable: bool = True
    """False only from `restore` without a retranslate callback when placeholders came back wrong: the
    text still holds them and must not be used."""
    fallback: bool = False
    """Whether the sentence was translated again without placeholders."""
    problems: tuple[str, ...] = ()
    """What went wrong: placeholders lost, duplicated or mangled; terms that could not be placed."""

    @property
    def needs_review(self) -> bool:
        """Whether a person should look at this translation."""
        return self.fallback or not self.usable or bool(self.problems) or not all(use.placed for use in self.terms)


class BatchTranslator(Protocol):
    """What the glossary needs from an engine."""

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """One translation per sentence, in order."""
        ...


Retranslate = Callable[[list[str]], list[str]]
"""Translate plain sentences (no placeholders) in one batch."""


def _looks_masked(sentence: str, style: PlaceholderStyle) -> bool:
    return any(char in style.delimiters for char in sentence) or bool(style.loose.search(sentence))


def protect(sentence: str, glossary: Glossary | None, style: PlaceholderStyle = DEFAULT_STYLE) -> ProtectedSentence:
    """Replace the glossary terms of a sentence with numbered placeholders, in text order."""
    matches = glossary.find_terms(sentence) if glossary is not None else []
    if not matches:
        return ProtectedSentence(sentence, sentence, (), (), style)
    if _looks_masked(sentence, style):
        # The text already holds placeholder-like characters: masking could not be verified after MT.
        return ProtectedSentence(sentence, sentence, (), tuple(matches), style)
    pieces: list[str] = []
    slots: list[Slot] = []
    last = 0
    for number, match in enumerate(matches[: style.max_slots], start=1):
        placeholder = style.format(number)
        pieces += [sentence[last : match.start], placeholder]
        last = match.end
        slots.append(Slot(placeholder, match, render_term(match)))
    pieces.append(sentence[last:])
    return ProtectedSentence(sentence, "".join(pieces), tuple(slots), tuple(matches[style.max_slots :]), style)


_OPENERS = " \t\u00a0\"'«»“”‘’„([{—–-¡¿"


def _starts_sentence(before: str) -> bool:
    stripped = before.rstrip(_OPENERS)
    return not stripped or stripped[-1] in ".!?…"


def _at_position(rendering: str, match: TermMatch, before: str) -> str:
    """The rendering capitalised when it opens the target sentence (kept terms are never touched)."""
    if match.term.kind == "keep" or not rendering[:1].islower() or not _starts_sentence(before):
        return rendering
    return rendering[0].upper() + rendering[1:]


def _restore_placeholders(translated: str, protected: ProtectedSentence) -> tuple[str | None, list[TermUse], list[str]]:
    """The translation with every placeholder replaced, or None with the problems when one is wrong."""
    slots = protected.slots
    if not slots:
        return translated, [], []
    style = protected.style
    found = list(style.exact.finditer(translated))
    counts = Counter(int(hit.group(1)) for hit in found)
    problems = []
    for number, slot in enumerate(slots, start=1):
        count = counts.get(number, 0)
        if count == 1:
            continue
        what = f"placeholder {slot.placeholder} for {slot.match.text!r}"
        if count > 1:
            problems.append(f"{what} came back {count} times")
        elif any(int(hit.group(1)) == number for hit in style.loose.finditer(translated)):
            problems.append(f"{what} came back mangled")
        else:
            problems.append(f"{what} was lost")
    problems += [f"unexpected placeholder {style.format(n)}" for n in sorted(counts) if not 1 <= n <= len(slots)]
    if not problems and any(char in style.delimiters for char in style.exact.sub("", translated)):
        problems.append("placeholder characters left over: a placeholder came back mangled")
    if problems:
        return None, [], problems
    pieces: list[str] = []
    uses = []
    last = 0
    for hit in found:
        slot = slots[int(hit.group(1)) - 1]
        rendering = _at_position(slot.rendering, slot.match, translated[: hit.start()])
        pieces += [translated[last : hit.start()], rendering]
        last = hit.end()
        uses.append(TermUse(slot.match, rendering, "masked"))
    pieces.append(translated[last:])
    return "".join(pieces), uses, []


def _pattern(wording: str, case_sensitive: bool) -> re.Pattern[str]:
    body = "".join(
        f"[{APOSTROPHES}]" if char in APOSTROPHES else r"\s+" if char.isspace() else re.escape(char) for char in wording
    )
    before = r"(?<!\w)" if _is_word(wording[0]) else ""
    after = r"(?!\w)" if _is_word(wording[-1]) else ""
    return re.compile(before + body + after, 0 if case_sensitive else re.IGNORECASE)


def _free_hit(pattern: re.Pattern[str], text: str, taken: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first match of pattern that overlaps nothing taken."""
    for hit in pattern.finditer(text):
        if all(hit.end() <= start or hit.start() >= end for start, end in taken):
            return hit.start(), hit.end()
    return None


def _clean_hint(hint: str) -> str:
    return hint.strip().rstrip(".!?;:…").strip()


def _align(text: str, matches: Sequence[TermMatch], hints: Mapping[str, str]) -> tuple[str, list[TermUse]]:
    """Put each term into a translation made without placeholders, where it can be found.

    For each term, in source order, the first of these found (whole words, not already used) is
    replaced by the target term: the target term itself, the untranslated source text, another source
    form, a forbidden wording, and how the engine translates the term alone (hints)."""
    taken: list[tuple[int, int]] = []
    edits: list[tuple[int, int, str]] = []
    uses: list[TermUse] = []
    for match in matches:
        term = match.term
        rendering = render_term(match)
        source_forms = {match.text, *(form for form, _ in term.source_forms())}
        wordings = [rendering, match.text, *(form for form, _ in term.source_forms())]
        wordings += [*term.target_forms(), *term.forbidden, _clean_hint(hints.get(match.text, ""))]
        place: tuple[int, int] | None = None
        for wording in dict.fromkeys(w for w in wordings if w.strip()):
            # The exact spelling first, then (unless the entry is case-sensitive) any case.
            exact_only = term.case_sensitive and wording in source_forms
            for pattern in [_pattern(wording, True)] + ([] if exact_only else [_pattern(wording, False)]):
                place = _free_hit(pattern, text, taken)
                if place is not None:
                    break
            if place is not None:
                break
        if place is None:
            uses.append(TermUse(match, rendering, "unplaced"))
            continue
        taken.append(place)
        final = _at_position(rendering, match, text[: place[0]])
        if text[place[0] : place[1]] != final:
            edits.append((place[0], place[1], final))
        uses.append(TermUse(match, final, "aligned"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, uses


def _unplaced_problems(uses: Iterable[TermUse]) -> list[str]:
    return [
        f"term {use.match.text!r} ({use.rendering!r}) could not be placed in the translation"
        for use in uses
        if not use.placed
    ]


def _finish(
    protected: ProtectedSentence, text: str, uses: list[TermUse], problems: list[str], fallback: bool
) -> GlossaryResult:
    uses.sort(key=lambda use: use.match.start)
    return GlossaryResult(
        protected.source, text, tuple(uses), True, fallback, tuple(problems + _unplaced_problems(uses))
    )


def _fallback(
    protected: ProtectedSentence, plain: str, hints: Mapping[str, str], problems: list[str]
) -> GlossaryResult:
    text, uses = _align(plain, protected.matches, hints)
    return _finish(protected, text, uses, problems, fallback=True)


def restore(translated: str, protected: ProtectedSentence, retranslate: Retranslate | None = None) -> GlossaryResult:
    """Put the target terms back into a translation of `protected.text`, verifying every placeholder.

    When a placeholder was lost, duplicated or mangled: with `retranslate`, the source sentence and
    its terms are translated again without placeholders (one call) and the terms aligned into that
    translation (`fallback=True`); without it, the result is not usable (`usable=False`)."""
    text, uses, problems = _restore_placeholders(translated, protected)
    if text is None:
        if retranslate is None:
            unplaced = tuple(TermUse(m, render_term(m), "unplaced") for m in protected.matches)
            return GlossaryResult(protected.source, translated, unplaced, False, False, tuple(problems))
        surfaces = list(dict.fromkeys(match.text for match in protected.matches))
        outputs = retranslate([protected.source, *surfaces])
        return _fallback(protected, outputs[0], dict(zip(surfaces, outputs[1:], strict=True)), problems)
    text, aligned = _align(text, protected.unmasked, {})
    return _finish(protected, text, uses + aligned, [], fallback=False)


def _engine_style(engine: object, source: str, target: str) -> PlaceholderStyle | None:
    """The placeholder form an engine asks for (`placeholder_style` attribute or method), if any."""
    style = getattr(engine, "placeholder_style", None)
    if callable(style):
        style = style(source, target)
    return style if isinstance(style, PlaceholderStyle) else None


def translate_with_glossary(
    sentences: Sequence[str],
    source: str,
    target: str,
    engine: BatchTranslator,
    glossary: Glossary | None,
    *,
    style: PlaceholderStyle | None = None,
) -> list[GlossaryResult]:
    """Translate sentences with the glossary applied: protect, one engine call for all of them, restore;
    then one more call for every sentence whose placeholders came back wrong (and the terms alone)."""
    if glossary is not None and (glossary.source_lang, glossary.target_lang) != (source, target):
        raise GlossaryError(f"the {glossary.pair} glossary cannot serve {source}->{target}")
    style = style or _engine_style(engine, source, target) or DEFAULT_STYLE
    protected = [protect(sentence, glossary, style) for sentence in sentences]
    translated = engine.translate_batch([p.text for p in protected], source, target)
    if len(translated) != len(protected):
        raise GlossaryError(f"the engine returned {len(translated)} translations for {len(protected)} sentences")
    first = [_restore_placeholders(text, p) for text, p in zip(translated, protected, strict=True)]
    failed = [index for index, (text, _, _) in enumerate(first) if text is None]
    to_align = [m for i in failed for m in protected[i].matches]
    to_align += [m for text, p in zip(first, protected, strict=True) if text[0] is not None for m in p.unmasked]
    surfaces = list(dict.fromkeys(match.text for match in to_align))
    extra = [protected[index].source for index in failed] + surfaces
    outputs = engine.translate_batch(extra, source, target) if extra else []
    if len(outputs) != len(extra):
        raise GlossaryError(f"the engine returned {len(outputs)} translations for {len(extra)} sentences")
    plain = dict(zip(failed, outputs, strict=False))
    hints = dict(zip(surfaces, outputs[len(failed) :], strict=True))
    results = []
    for index, (p, (text, uses, problems)) in enumerate(zip(protected, first, strict=True)):
        if text is None:
            results.append(_fallback(p, plain[index], hints, problems))
            continue
        text, aligned = _align(text, p.unmasked, hints)
        results.append(_finish(p, text, uses + aligned, [], fallback=False))
    return results


# ---------------------------------------------------------------------------------------------- QA

TermIssueCode = Literal["missing-term", "forbidden-term", "not-kept"]


@dataclass(frozen=True, slots=True)
class TermIssue:
    """A glossary rule a translation breaks."""

    code: TermIssueCode
    """`missing-term` (preferred target absent), `forbidden-term` (forbidden wording present) or
    `not-kept` (a do-not-translate term was changed)."""
    term: GlossaryTerm
    """The entry concerned."""
    message: str
    """One line for a reviewer."""
    offset: int = 0
    """Where in the source (missing, not kept) or the target (forbidden) the problem is."""


def check_terms(source_text: str, target_text: str, glossary: Glossary) -> list[TermIssue]:
    """QA of one translated unit: each source term rendered as the glossary says (once per occurrence),
    no forbidden wording, do-not-translate terms kept."""
    issues: list[TermIssue] = []
    taken: list[tuple[int, int]] = []
    matches = glossary.find_terms(source_text)
    # Longer renderings first, so "Vladimir Putin" is not counted as the "Putin" of another term.
    for match in sorted(matches, key=lambda m: (-len(render_term(m)), m.start)):
        term = match.term
        rendering = render_term(match)
        if term.kind == "keep":
            accepted = [rendering, *(form for form, _ in term.source_forms())]
        else:
            accepted = [rendering, *term.target_forms()]
        place = None
        for wording in dict.fromkeys(accepted):
            place = _free_hit(_pattern(wording, term.case_sensitive and term.kind == "keep"), target_text, taken)
            if place is not None:
                taken.append(place)
                break
        if place is not None:
            continue
        if term.kind == "keep":
            message = f"{match.text!r} must be kept as is (do not translate)"
            issues.append(TermIssue("not-kept", term, message, match.start))
        else:
            issues.append(
                TermIssue("missing-term", term, f"{match.text!r} should be rendered {rendering!r}", match.start)
            )
    for term, wording, offset in glossary.find_forbidden(target_text):
        better = term.target if term.kind != "forbidden" else term.target or ""
        advice = f"; write {better!r}" if better and better != wording else ""
        issues.append(TermIssue("forbidden-term", term, f"{wording!r} is a forbidden wording{advice}", offset))
    return issues
