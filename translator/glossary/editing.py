"""Adding a term to a glossary file, with the same validation and lint whoever adds it (CLI or review app)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from translator.errors import GlossaryError
from translator.glossary.document import GlossaryFile
from translator.glossary.terms import PAIR, GlossaryTerm


def open_glossary(path: Path, pair: tuple[str, str] | None = None, create: bool = False) -> GlossaryFile:
    """The glossary at path; with create, an empty one for the pair (else the pair its name gives) when the
    file does not exist yet. Raise GlossaryError when it cannot be read or made."""
    if path.exists() or not create:
        return GlossaryFile.load(path)
    if pair is None:
        found = PAIR.match(path.stem)
        if not found:
            raise GlossaryError(f"no glossary at {path}", "name a new file SRC-TGT.po, or pass --pair")
        pair = (found.group(1), found.group(2))
    if not path.parent.is_dir():
        raise GlossaryError(f"no folder {path.parent}", "create it first")
    return GlossaryFile.new(pair[0], pair[1], path)


def checked_term(term: GlossaryTerm) -> GlossaryTerm:
    """A new entry with its source, target and note trimmed (a kept term's target is its source); raise
    GlossaryError when it cannot be an entry."""
    source, target = term.source.strip(), term.target.strip()
    if not source:
        raise GlossaryError("the source term is empty")
    if term.kind == "keep":
        if target and target != source:
            raise GlossaryError("a keep (do-not-translate) term is not translated", "leave the target out")
        if term.source_plural and term.target_plural != term.source_plural:
            raise GlossaryError("a keep (do-not-translate) term is not translated", "give its plural twice")
        target = source
    elif not target and term.kind != "forbidden":
        raise GlossaryError(
            f"no target term for {source!r}", "give the target term, or mark it keep (do not translate)"
        )
    return replace(term, source=source, target=target, notes=term.notes.strip())


def add_term(path: Path, term: GlossaryTerm, pair: tuple[str, str] | None = None) -> GlossaryTerm:
    """Add a term to the glossary at path (created for pair when missing) and save it atomically; the term
    as added. Refused with GlossaryError, the file unchanged, when the term is invalid, already there, or
    would give the glossary a lint error it did not have (a duplicate form, a conflict, a form that can
    never match)."""
    from translator.glossary.lint import lint_document

    term = checked_term(term)
    document = open_glossary(path, pair, create=True)
    before = {str(issue) for issue in lint_document(document, str(path)) if issue.severity == "error"}
    document.add(term)
    new_errors = [
        issue
        for issue in lint_document(GlossaryFile(document.render(), path), str(path))
        if issue.severity == "error" and str(issue) not in before
    ]
    if new_errors:
        raise GlossaryError(f"not added: {new_errors[0].message}", "see: translator glossary lint")
    document.save()
    return term
