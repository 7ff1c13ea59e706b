"""A PO glossary as an editable document: entries added, changed and removed with minimal diffs.

Maintainers review glossary changes as diffs, and Poedit or Weblate may have written the file: so
everything that did not change is written back byte for byte. Nothing here imports polib until a file
is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from translator.errors import GlossaryError
from translator.glossary.terms import PAIR, WRAP_WIDTH, GlossaryTerm, apply_term, parse_pair, term_from_entry

GLOSSARY_LIMIT = 20 * 2**20
"""The largest glossary file read (the shipped ones are a few KB)."""


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
        from translator.errors import InputError
        from translator.formats.po_syntax import check_po_syntax

        # polib reads broken files leniently (an unterminated `msgid "SpaceX` becomes a term): refuse them.
        try:
            check_po_syntax(text, name)
        except InputError as error:
            raise GlossaryError(error.message, "fix the file (msgfmt -c shows the same problems)") from None
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
        from translator.errors import InputError
        from translator.files import read_input_bytes

        if not path.exists() and not path.is_symlink():
            raise GlossaryError(f"no glossary at {path}", "list them with: translator glossary list")
        try:
            # Regular files only, read with a size limit: a FIFO or a device must not hang or fill memory.
            data = read_input_bytes(path, GLOSSARY_LIMIT, "a glossary is a few hundred KB: check the file")
        except InputError as error:
            raise GlossaryError(error.message, error.hint) from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise GlossaryError(f"{path} is not UTF-8 (byte {error.start})", "save it as UTF-8") from None
        if not text.strip():
            # Taken as a glossary, it would silently apply no term; given to `glossary add`, it would get
            # entries without the header that says their charset and languages.
            raise GlossaryError(
                f"{path} is empty: no PO header, no entry",
                "write it again, or delete it: `translator glossary add` then makes a new one with its header",
            )
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
