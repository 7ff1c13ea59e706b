"""Glossaries to and from CSV and TBX, through translate-toolkit, for terminologists' other tools."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from translator.errors import GlossaryError
from translator.glossary.terms import (
    CATEGORIES,
    FIELD_FORBIDDEN,
    FIELD_PLURAL_VARIANTS,
    FIELD_TARGET_VARIANTS,
    FIELD_VARIANTS,
    FLAG_FUZZY,
    GlossaryTerm,
    format_fields,
)

ExchangeFormat = Literal["csv", "tbx"]
FORMATS: tuple[ExchangeFormat, ...] = ("csv", "tbx")
META_FLAGS = "flags"
META_CATEGORY = "category"
META_SOURCE_PLURAL = "source-plural"
META_TARGET_PLURAL = "target-plural"
META_KEYS = (META_CATEGORY, META_FLAGS, META_SOURCE_PLURAL, META_TARGET_PLURAL)
LIST_KEYS = (FIELD_VARIANTS, FIELD_PLURAL_VARIANTS, FIELD_FORBIDDEN, FIELD_TARGET_VARIANTS)
MERGED_FIELDS = (
    "target", "flags", "source_plural", "target_plural", "variants", "plural_variants", "forbidden", "target_variants"
)  # fmt: skip
"""The term's fields an imported row replaces where it gives them."""


@dataclass(frozen=True, slots=True)
class ImportedTerm:
    """A term read from a CSV or TBX file, with which of its fields the file actually gave."""

    term: GlossaryTerm
    """The term as read (fields the file leaves out are empty)."""
    given: frozenset[str]
    """Names of the GlossaryTerm fields the file set: the others keep the glossary's values on merge."""
    row: int
    """Its position in the file (1-based), for messages."""


def exchange_format(path: Path, given: str | None = None) -> ExchangeFormat:
    """The format named by --format, else by the file extension."""
    name = (given or path.suffix.lstrip(".")).lower()
    if name == "csv":
        return "csv"
    if name == "tbx":
        return "tbx"
    raise GlossaryError(f"cannot tell the format of {path}", "name it .csv or .tbx, or pass --format csv|tbx")


class PlainCsv(csv.excel):
    """The CSV we write: every field quoted, quotes doubled, no escape character (read back as written)."""

    quoting = csv.QUOTE_ALL


def _meta_lines(term: GlossaryTerm, with_category: bool) -> list[str]:
    lines = []
    if with_category and term.category:
        lines.append(f"{META_CATEGORY}: {term.category}")
    if term.flags:
        lines.append(f"{META_FLAGS}: {', '.join(term.flags)}")
    if term.source_plural:
        lines.append(f"{META_SOURCE_PLURAL}: {term.source_plural}")
    if term.target_plural:
        lines.append(f"{META_TARGET_PLURAL}: {term.target_plural}")
    # Variants, plural variants and forbidden wordings read as in the PO file's own comments.
    lines.extend(format_fields(term).splitlines())
    return lines


def export_terms(terms: tuple[GlossaryTerm, ...], source_lang: str, target_lang: str, fmt: ExchangeFormat) -> str:
    """The terms as a CSV or TBX document (text)."""
    store: Any
    if fmt == "csv":
        from translate.storage import csvl10n

        store = csvl10n.csvfile()
        # translate-toolkit's default dialect escapes a backslash with another one, which no CSV reader (its
        # own included) undoes: `C:\dir` came back `C:\\dir`, a new entry. Quotes are doubled, as Excel does.
        store.dialect = PlainCsv
        for term in terms:
            unit = store.addsourceunit(term.source)
            unit.target = term.target
            unit.setcontext(term.category or "")
            unit.markfuzzy(term.fuzzy)
            if term.notes:
                unit.addnote(" ".join(term.notes.split()), origin="translator")
            if meta := _meta_lines(term, with_category=False):
                unit.addnote("\n".join(meta), origin="developer")
    else:
        from translate.storage import tbx

        store = tbx.tbxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
        for term in terms:
            unit = store.addsourceunit(term.source)
            if term.variants:
                # Other TBX tools read variants as synonyms; our notes keep them exact.
                unit.set_source_terms([term.source, *term.variants])
            unit.settarget(term.target)
            for line in _meta_lines(term, with_category=True):
                unit.addnote(line, origin="developer")
            if term.notes:
                unit.addnote(" ".join(term.notes.split()), origin="translator")
    out = io.BytesIO()
    store.serialize(out)
    return out.getvalue().decode("utf-8")


def _parse_meta(text: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in text.splitlines():
        key, separator, value = line.partition(":")
        name = key.strip().lower()
        if separator and name in (*META_KEYS, *LIST_KEYS):
            meta[name] = f"{meta[name]} | {value.strip()}" if name in LIST_KEYS and name in meta else value.strip()
    return meta


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _build(
    row: int, source: str, target: str, category: str, notes: str, meta: dict[str, str], fuzzy: bool, extra: list[str]
) -> ImportedTerm:
    given = {"source", "target", "category"}
    flags: tuple[str, ...] = ()
    if META_FLAGS in meta:
        flags = tuple(flag.strip() for flag in meta[META_FLAGS].split(",") if flag.strip())
        given.add("flags")
    if fuzzy and FLAG_FUZZY not in flags:
        flags = (*flags, FLAG_FUZZY)
        given.add("flags")
    lists = {name: _split(meta.get(name, "")) for name in LIST_KEYS}
    variants = tuple(dict.fromkeys([*lists[FIELD_VARIANTS], *(form for form in extra if form != source)]))
    for field_name, values in (
        ("variants", variants),
        ("plural_variants", lists[FIELD_PLURAL_VARIANTS]),
        ("forbidden", lists[FIELD_FORBIDDEN]),
        ("target_variants", lists[FIELD_TARGET_VARIANTS]),
    ):
        if values:
            given.add(field_name)
    if notes.strip():
        given.add("notes")
    source_plural = meta.get(META_SOURCE_PLURAL) or None
    target_plural = meta.get(META_TARGET_PLURAL) or None
    if source_plural:
        given.update({"source_plural", "target_plural"})
    term = GlossaryTerm(
        source=source.strip(),
        target=target.strip(),
        category=category.strip() or None,
        flags=flags,
        source_plural=source_plural,
        target_plural=target_plural,
        variants=variants,
        plural_variants=lists[FIELD_PLURAL_VARIANTS],
        forbidden=lists[FIELD_FORBIDDEN],
        target_variants=lists[FIELD_TARGET_VARIANTS],
        notes=notes.strip(),
    )
    return ImportedTerm(term, frozenset(given), row)


def read_terms(data: bytes, source_lang: str, target_lang: str, fmt: ExchangeFormat, name: str) -> list[ImportedTerm]:
    """The terms of a CSV or TBX document; raise GlossaryError on an empty document or the first unusable row."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise GlossaryError(f"{name} is empty", f"give a {fmt} file of terms, as `translator glossary export` writes")
    imported: list[ImportedTerm] = []
    try:
        if fmt == "csv":
            from translate.storage import csvl10n

            csv_store: Any = csvl10n.csvfile(io.BytesIO(data))
            for row, unit in enumerate(csv_store.units, start=1):
                meta = _parse_meta(unit.getnotes("developer") or "")
                category = unit.getcontext() or meta.get(META_CATEGORY, "")
                notes = unit.getnotes("translator") or ""
                imported.append(
                    _build(row, unit.source or "", unit.target or "", category, notes, meta, unit.isfuzzy(), [])
                )
        else:
            from translate.storage import tbx

            tbx_store: Any = tbx.tbxfile(io.BytesIO(data), sourcelanguage=source_lang, targetlanguage=target_lang)
            for row, unit in enumerate(tbx_store.units, start=1):
                meta = _parse_meta(unit.getnotes("developer") or "")
                sources = [term.text for term in unit.get_source_terms() if term.text]
                targets = unit.get_target_terms()
                preferred = [term.text for term in targets if term.text and not term.deprecated]
                deprecated = [term.text for term in targets if term.text and term.deprecated]
                if deprecated:
                    meta[FIELD_FORBIDDEN] = " | ".join([meta.get(FIELD_FORBIDDEN, ""), *deprecated])
                source = sources[0] if sources else unit.source or ""
                target = preferred[0] if preferred else unit.target or ""
                notes = unit.getnotes("translator") or ""
                category = meta.get(META_CATEGORY, "")
                imported.append(_build(row, source, target, category, notes, meta, False, sources[1:]))
    except GlossaryError:
        raise
    except Exception as error:  # translate-toolkit raises many kinds (csv.Error, lxml errors, ValueError...)
        message = f"cannot read {name} as {fmt.upper()}: {str(error) or type(error).__name__}"
        raise GlossaryError(message, f"check it is a valid {fmt} file") from None
    for item in imported:
        term = item.term
        if not term.source:
            raise GlossaryError(f"{name}: entry {item.row} has no source term")
        if not term.target and term.kind == "preferred":
            raise GlossaryError(f"{name}: entry {item.row} ({term.source!r}) has no target term")
        if term.category is not None and term.category not in CATEGORIES:
            raise GlossaryError(
                f"{name}: entry {item.row} ({term.source!r}) has unknown category {term.category!r}",
                f"use one of {', '.join(CATEGORIES)}",
            )
    return imported


def merge_term(existing: GlossaryTerm | None, incoming: ImportedTerm) -> GlossaryTerm:
    """The term to write: the imported one, with the fields the file left out taken from the glossary."""
    if existing is None:
        return incoming.term
    changes: dict[str, Any] = {}
    for name in MERGED_FIELDS:
        if name in incoming.given:
            changes[name] = getattr(incoming.term, name)
    # Notes wrapped in the PO file may come back joined: compare them without line breaks.
    if "notes" in incoming.given and incoming.term.notes.split() != existing.notes.split():
        changes["notes"] = incoming.term.notes
    merged = replace(existing, **changes)
    if merged.kind == "keep" and "target" in incoming.given and not incoming.term.target:
        merged = replace(merged, target=existing.source)
    return merged
